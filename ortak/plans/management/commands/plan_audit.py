"""``manage.py plan_audit <municipality-slug> [--plan 2025-2029]``: the data-quality audit.

Prints every finding of the municipality's plans (or of one plan) and exits with status 1 when
any of them is an error, so that it can guard an import in a script or CI.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ortak.organizations.models import Municipality
from ortak.plans.models import StrategicPlan
from ortak.plans.quality import audit_plan

_PERIOD = re.compile(r"^(\d{4})-(\d{4})$")


class Command(BaseCommand):
    help = "Audit the data quality of a municipality's strategic plans."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("municipality", help="the municipality's slug, e.g. cankaya")
        parser.add_argument("--plan", help="only the plan of this period, e.g. 2025-2029")

    def handle(self, *args: Any, **options: Any) -> None:
        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(f"No municipality with the slug {options['municipality']!r}.")
        plans = StrategicPlan.objects.filter(municipality=municipality).order_by("start_year")
        if options["plan"]:
            match = _PERIOD.match(options["plan"])
            if match is None:
                raise CommandError("Give the plan period as START-END, e.g. 2025-2029.")
            plans = plans.filter(start_year=int(match[1]), end_year=int(match[2]))
        if not plans:
            raise CommandError(f"{municipality} has no such plan.")
        errors = 0
        for plan in plans:
            findings = audit_plan(plan)
            self.stdout.write(self.style.MIGRATE_HEADING(f"{plan} ({plan.get_status_display()})"))
            if not findings:
                self.stdout.write(self.style.SUCCESS("  No findings."))
            for finding in findings:
                style = self.style.ERROR if finding.is_error else self.style.WARNING
                self.stdout.write(
                    style(f"  {finding.severity.upper():7} {finding.code:30} {finding.message}")
                )
            errors += sum(1 for f in findings if f.is_error)
        if errors:
            raise CommandError(f"{errors} error(s) found.", returncode=1)
