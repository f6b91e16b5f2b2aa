"""Which contributions need a deadline reminder or an overdue notice today.

``manage.py send_reminders`` (run daily by cron) enqueues one task per contribution; the tasks
mark the contribution first, so running the command twice never sends twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ortak.participation import tasks
from ortak.participation.models import Contribution

REMINDER_DAYS_BEFORE = 5


def reminder_days() -> int:
    return int(getattr(settings, "ORTAK_ANSWER_REMINDER_DAYS", REMINDER_DAYS_BEFORE))


def due_for_reminder(now: datetime) -> list[int]:
    """Unanswered, not yet reminded, due within the reminder window (and not yet overdue)."""
    return list(
        Contribution.objects.filter(
            first_answered_at__isnull=True,
            reminder_sent_at__isnull=True,
            due_at__gt=now,
            due_at__lte=now + timedelta(days=reminder_days()),
        ).values_list("pk", flat=True)
    )


def newly_overdue(now: datetime) -> list[int]:
    return list(
        Contribution.objects.filter(
            first_answered_at__isnull=True, escalated_at__isnull=True, due_at__lt=now
        ).values_list("pk", flat=True)
    )


@transaction.atomic
def enqueue_reminders(now: datetime | None = None) -> tuple[int, int]:
    """Enqueue (after commit) the reminders and overdue notices; returns their numbers."""
    now = now or timezone.now()
    reminders = due_for_reminder(now)
    overdue = newly_overdue(now)
    for pk in reminders:
        transaction.on_commit(partial(tasks.send_reminder.enqueue, contribution_id=pk))
    for pk in overdue:
        transaction.on_commit(partial(tasks.send_overdue_notice.enqueue, contribution_id=pk))
    return len(reminders), len(overdue)
