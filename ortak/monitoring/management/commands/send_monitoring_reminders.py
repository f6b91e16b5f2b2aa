"""Daily: remind indicator owners of values due soon, tell admins about overdue periods.

Run once a day from cron or a systemd timer, e.g. ``30 8 * * * manage.py send_monitoring_reminders``.
It enqueues one task per monitored plan; running it twice the same day sends nothing twice.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from ortak.monitoring.services.reminders import enqueue_reminders


class Command(BaseCommand):
    help = "Enqueue the monitoring reminders and overdue notices of today."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", help="Act as if today were this date (YYYY-MM-DD), e.g. to catch up."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options.get("date"):
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("--date must be YYYY-MM-DD.") from None
        count = enqueue_reminders(today)
        self.stdout.write(f"{count} plan(s) to check for {today.isoformat()} enqueued.")
