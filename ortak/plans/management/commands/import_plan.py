"""``manage.py import_plan FILE --municipality <slug> [--dry-run]``: import a plan file.

The file is an Excel workbook of the template, the JSON format or a CSV of measurements
(docs/formats/). The whole file is validated first; every error names the sheet, row, column and
value, in Turkish and in English, and the command exits with status 1 without writing anything.
``--dry-run`` shows what would be created or changed. On an adopted plan, changed figures become
revisions and need ``--reason``. Run as the operator (no user) unless ``--user`` names one, whose
permission to import is then checked.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from ortak.accounts.models import User
from ortak.organizations.models import Municipality
from ortak.plans.io.document import ImportIssue
from ortak.plans.io.importer import ImportReport, import_file
from ortak.plans.models import StrategicPlan

_PERIOD = re.compile(r"^(\d{4})-(\d{4})$")


def issue_lines(issue: ImportIssue, languages: tuple[str, ...] = ("tr", "en")) -> list[str]:
    """The issue in each language: "Göstergeler, satır 5, sütun …: …"."""
    lines = []
    for language in languages:
        with translation.override(language):
            lines.append(f"[{language}] {issue}")
    return lines


class Command(BaseCommand):
    help = "Import a strategic plan (xlsx or json) or measurements (csv) into a municipality."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the .xlsx, .json or .csv file")
        parser.add_argument("--municipality", required=True, help="the municipality's slug")
        parser.add_argument(
            "--dry-run", action="store_true", help="validate and show the changes; write nothing"
        )
        parser.add_argument("--plan", help="the plan period for a CSV of measurements: 2025-2029")
        parser.add_argument("--reason", default="", help="why an adopted plan's figures change")
        parser.add_argument(
            "--create-units",
            action="store_true",
            help="create units the file names that the municipality does not have yet",
        )
        parser.add_argument("--user", help="act as this user (e-mail); permissions are checked")

    def handle(self, *args: Any, **options: Any) -> None:
        municipality = Municipality.objects.filter(slug=options["municipality"]).first()
        if municipality is None:
            raise CommandError(f"No municipality with the slug {options['municipality']!r}.")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        if path.stat().st_size > settings.ORTAK_IMPORT_MAX_BYTES:
            # Read no more than the limit; the reader reports the size in both languages.
            content = path.open("rb").read(settings.ORTAK_IMPORT_MAX_BYTES + 1)
        else:
            content = path.read_bytes()
        actor = None
        if options["user"]:
            actor = User.objects.filter(email__iexact=options["user"]).first()
            if actor is None:
                raise CommandError(f"No user with the e-mail {options['user']!r}.")
        try:
            report = import_file(
                municipality=municipality,
                content=content,
                filename=path.name,
                actor=actor,
                dry_run=options["dry_run"],
                plan=self._plan(municipality, options["plan"]),
                reason=options["reason"],
                create_units=options["create_units"],
            )
        except PermissionDenied:
            raise CommandError(f"{actor} may not import plans of {municipality}.") from None
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        self._print(report)
        if not report.ok:
            raise CommandError(f"{len(report.errors)} error(s); nothing was imported.")

    def _plan(self, municipality: Municipality, period: str | None) -> StrategicPlan | None:
        if not period:
            return None
        match = _PERIOD.match(period)
        if match is None:
            raise CommandError("Give the plan period as START-END, e.g. 2025-2029.")
        plan = StrategicPlan.objects.filter(
            municipality=municipality, start_year=int(match[1]), end_year=int(match[2])
        ).first()
        if plan is None:
            raise CommandError(f"{municipality} has no plan {period}.")
        return plan

    def _print(self, report: ImportReport) -> None:
        for issue in report.issues:
            style = self.style.ERROR if issue.is_error else self.style.WARNING
            for line in issue_lines(issue):
                self.stdout.write(style(line))
        if not report.ok:
            return
        heading = "Dry run: nothing was written" if report.dry_run else "Imported"
        self.stdout.write(
            self.style.MIGRATE_HEADING(f"{heading} — {report.municipality} {report.plan_label}")
        )
        self.stdout.write(f"  {'':14} {'created':>8} {'changed':>8} {'unchanged':>10}")
        for count in report.counts:
            self.stdout.write(
                f"  {count.kind:14} {count.created:8} {count.changed:8} {count.unchanged:10}"
            )
        for change in report.figure_changes:
            mark = " (revision)" if change.revised else ""
            self.stdout.write(
                f"  {change.indicator_code} {change.kind} {change.when}: "
                f"{change.old} → {change.new}{mark}"
            )
        if report.needs_reason and report.dry_run:
            self.stdout.write(
                self.style.WARNING("  The plan is adopted: importing needs --reason.")
            )
