"""``manage.py plan_template [-o FILE] [--start 2025] [--end 2029] [--municipality <slug>]``.

Writes the empty Excel template (the same file as the download on the site): the sheets and
Turkish column headers of docs/formats/README.md, one column per plan year.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ortak.organizations.models import Municipality
from ortak.plans.io.exporter import template_xlsx


class Command(BaseCommand):
    help = "Write the Excel template for importing a strategic plan."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("-o", "--output", default="stratejik-plan-sablonu.xlsx")
        parser.add_argument("--start", type=int, help="first plan year (default: next year)")
        parser.add_argument("--end", type=int, help="last plan year (default: start + 4)")
        parser.add_argument("--municipality", help="fill in the municipality (its slug)")

    def handle(self, *args: Any, **options: Any) -> None:
        start = options["start"] or datetime.date.today().year + 1
        end = options["end"] or start + 4
        if not 2000 <= start <= end <= start + 5:
            raise CommandError("A plan lasts from one to six years, between 2000 and 2100.")
        municipality = None
        if options["municipality"]:
            municipality = Municipality.objects.filter(slug=options["municipality"]).first()
            if municipality is None:
                raise CommandError(f"No municipality with the slug {options['municipality']!r}.")
        content = template_xlsx(start_year=start, end_year=end, municipality=municipality)
        Path(options["output"]).write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"Wrote {options['output']}."))
