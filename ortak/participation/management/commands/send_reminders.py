"""Daily: remind responders of answers due soon, tell admins about deadlines passed.

Run once a day from cron or a systemd timer, e.g. ``15 8 * * * manage.py send_reminders``.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ortak.participation.services.reminders import enqueue_reminders


class Command(BaseCommand):
    help = "Enqueue answer-deadline reminders and overdue notices for contributions."

    def handle(self, *args: Any, **options: Any) -> None:
        reminders, overdue = enqueue_reminders()
        self.stdout.write(f"{reminders} reminder(s) and {overdue} overdue notice(s) enqueued.")
