"""Verify the revision chains of a municipality's plans; exit status 1 when one is broken.

``manage.py verify_plan_history <municipality-slug> [--plan 2025-2029]``
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ortak.organizations.models import Municipality
from ortak.plans.models import StrategicPlan
from ortak.plans.revisions import verify_chain


class Command(BaseCommand):
    help = "Check that no revision of a municipality's plan figures was altered or removed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("municipality", help="The municipality's slug.")
        parser.add_argument("--plan", help="Only this plan, e.g. 2025-2029.")

    def handle(self, *args: Any, **options: Any) -> None:
        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(f"No municipality with the slug {options['municipality']!r}.")
        plans = StrategicPlan.objects.filter(municipality=municipality).select_related(
            "revision_head"
        )
        if options.get("plan"):
            start, _, end = options["plan"].partition("-")
            if not (start.isdigit() and end.isdigit()):
                raise CommandError("--plan must look like 2025-2029.")
            plans = plans.filter(start_year=int(start), end_year=int(end))
        plans = plans.order_by("start_year")
        if not plans:
            raise CommandError(f"{municipality.name} has no such plan.")
        broken = 0
        for plan in plans:
            problems = verify_chain(plan)
            head = getattr(plan, "revision_head", None)
            count = head.sequence if head else 0
            if problems:
                broken += 1
                self.stdout.write(f"{plan.period_label}: BROKEN")
                for problem in problems:
                    self.stdout.write(f"  #{problem.sequence} [{problem.kind}] {problem.message}")
            else:
                suffix = f", last hash {head.content_hash}" if head else ""
                self.stdout.write(f"{plan.period_label}: intact ({count} revision(s){suffix})")
        if broken:
            self.stderr.write(f"{broken} plan(s) with a broken revision chain.")
            sys.exit(1)
