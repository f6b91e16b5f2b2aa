"""``manage.py generate_national --scale S``: synthetic national-scale data (issue 6).

See ``ortak/demo/national/__init__.py`` and docs/dev/national-data.md.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser, OutputWrapper
from django.utils import timezone

from ortak.demo.national.options import DEFAULT_AS_OF, Options
from ortak.demo.national.run import AlreadyGenerated, Report, clear_only, generate


class _Raw:
    """The command's stderr without styling or line endings, for the progress bar."""

    def __init__(self, wrapper: OutputWrapper) -> None:
        self.wrapper = wrapper

    def write(self, text: str) -> int:
        self.wrapper.write(text, style_func=lambda s: s, ending="")
        return len(text)

    def flush(self) -> None:
        self.wrapper.flush()


def _as_of(value: str) -> datetime.date:
    if value == "today":
        return timezone.localdate()
    return datetime.date.fromisoformat(value)


class Command(BaseCommand):
    help = (
        "Generate synthetic national-scale data: municipalities, plans with five years of "
        "values, organizations, users and participation (scale 1.0 = the whole country)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale", type=float, default=1.0, help="1.0 is the whole country (default)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data.")
        parser.add_argument(
            "--as-of",
            type=_as_of,
            default=DEFAULT_AS_OF,
            help=f"The generated world's date, YYYY-MM-DD or 'today' (default {DEFAULT_AS_OF}).",
        )
        parser.add_argument(
            "--clear", action="store_true", help="Remove an earlier run's data first."
        )
        parser.add_argument(
            "--clear-only", action="store_true", help="Remove an earlier run's data and stop."
        )
        parser.add_argument("--batch-size", type=int, default=5_000, help="Rows per INSERT.")
        parser.add_argument(
            "--no-progress", action="store_true", help="No progress bar on standard error."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (generated users have the published demo password).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "generate_national creates users with the published demo password; it runs only "
                "with DEBUG=1 or with --force."
            )
        progress = None if options["no_progress"] else _Raw(self.stderr)
        if options["clear_only"]:
            report = clear_only(progress)  # type: ignore[arg-type]
            self._summary(report)
            return
        try:
            run_options = Options(
                scale=options["scale"],
                seed=options["seed"],
                as_of=options["as_of"],
                batch_size=options["batch_size"],
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        try:
            report = generate(run_options, replace=options["clear"], progress=progress)  # type: ignore[arg-type]
        except AlreadyGenerated as error:
            raise CommandError(f"{error}; run again with --clear to replace it.") from error
        self._summary(report)

    def _summary(self, report: Report) -> None:
        write = self.stdout.write
        if report.cleared is not None:
            found = report.cleared
            write(
                f"Removed {found.municipalities} municipalities, {found.plans} plans, "
                f"{found.organizations} organizations and {found.users} users of an earlier run."
            )
        for name, count in report.counts.items():
            write(f"  {name:<16} {count:>12,}")
        write("Wall time per phase:")
        for label, seconds in report.timings.phases:
            write(f"  {label:<16} {seconds:>9.1f} s")
        write(f"  {'total':<16} {report.timings.total:>9.1f} s")
