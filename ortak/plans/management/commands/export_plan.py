"""``manage.py export_plan <municipality-slug> <start>-<end> --format xlsx|json|csv -o FILE``.

Writes the same files as the download buttons (docs/formats/): the workbook of the template, the
JSON with computed figures, or the CSV of measurements. An export re-imports to the same plan.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ortak.organizations.models import Municipality
from ortak.plans.io.exporter import export_plan
from ortak.plans.models import StrategicPlan

_PERIOD = re.compile(r"^(\d{4})-(\d{4})$")


class Command(BaseCommand):
    help = "Export a strategic plan as xlsx, json or csv (measurements)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("municipality", help="the municipality's slug")
        parser.add_argument("period", help="the plan period, e.g. 2025-2029")
        parser.add_argument("--format", choices=["xlsx", "json", "csv"], default="xlsx")
        parser.add_argument("-o", "--output", required=True, help="the file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(f"No municipality with the slug {options['municipality']!r}.")
        match = _PERIOD.match(options["period"])
        if match is None:
            raise CommandError("Give the plan period as START-END, e.g. 2025-2029.")
        plan = (
            StrategicPlan.objects.select_related("municipality")
            .filter(municipality=municipality, start_year=int(match[1]), end_year=int(match[2]))
            .first()
        )
        if plan is None:
            raise CommandError(f"{municipality} has no plan {options['period']}.")
        content = export_plan(plan, options["format"])
        Path(options["output"]).write_bytes(content)
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {options['output']} ({len(content):,} bytes).")
        )
