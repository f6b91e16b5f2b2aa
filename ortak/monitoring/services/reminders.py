"""The daily reminder and escalation schedule (run by ``manage.py send_monitoring_reminders``).

- Before a due date, the owners of every indicator that has no submitted (or published) value
  for the period are reminded ``ORTAK_MONITORING_REMINDER_DAYS`` days ahead (default 14 and 3).
  A day the schedule did not run is caught up: the reminder of the nearest offset still ahead
  goes out, once.
- From the day after a due date, the municipality's admins are told once that the period is
  overdue when some indicator still has no published value (within
  ``ESCALATION_WINDOW_DAYS``, so that adopting a plan late does not flood them with old periods).

Only adopted plans are monitored. Every reminder and notice leaves a ``ReminderLog`` row in the
same transaction as its notification, and the log's unique constraints make a second run (or a
retried task) send nothing.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse

from ortak.monitoring import audiences, tasks, verbs
from ortak.monitoring.models import MonitoringPeriod, ReminderLog
from ortak.monitoring.services.calendar import ensure_periods
from ortak.notifications.services import notify
from ortak.plans.models import Indicator, Measurement, StrategicPlan

__all__ = [
    "ESCALATION_WINDOW_DAYS",
    "ReminderReport",
    "enqueue_reminders",
    "plans_to_check",
    "reminder_offsets",
    "send_plan_reminders",
]

DEFAULT_REMINDER_DAYS = (14, 3)
ESCALATION_WINDOW_DAYS = 30
Status = Measurement.Status


@dataclass(frozen=True)
class ReminderReport:
    reminders: int = 0
    escalations: int = 0


def reminder_offsets() -> tuple[int, ...]:
    """Days before a due date on which owners are reminded, largest first."""
    days = getattr(settings, "ORTAK_MONITORING_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)
    return tuple(sorted({int(d) for d in days if int(d) >= 0}, reverse=True))


def plans_to_check(today: datetime.date) -> list[int]:
    """Adopted plans with a period due soon, a period overdue lately, or no periods yet."""
    offsets = reminder_offsets()
    ahead = today + datetime.timedelta(days=max(offsets, default=0))
    since = today - datetime.timedelta(days=ESCALATION_WINDOW_DAYS)
    periods = MonitoringPeriod.objects.filter(plan=OuterRef("pk"))
    return list(
        StrategicPlan.objects.filter(status=StrategicPlan.Status.ADOPTED)
        .filter(
            Exists(periods.filter(due_date__gte=today, due_date__lte=ahead))
            | Exists(periods.filter(due_date__lt=today, due_date__gte=since))
            | ~Exists(periods)
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def enqueue_reminders(today: datetime.date) -> int:
    """Enqueue one task per plan to check (after commit); returns how many."""
    plan_ids = plans_to_check(today)
    for plan_id in plan_ids:
        transaction.on_commit(
            partial(tasks.send_plan_reminders.enqueue, plan_id=plan_id, today=today.isoformat())
        )
    return len(plan_ids)


def _missing(period: MonitoringPeriod, counted: tuple[str, ...]) -> list[Indicator]:
    """The plan's indicators reported on in ``period`` that have no value in ``counted`` states.

    A first-half period is also satisfied by the year's value, which supersedes it.
    """
    codes = [period.code] if not period.is_half_year else [period.code, str(period.year)]
    reported = Measurement.objects.filter(
        indicator=OuterRef("pk"), period__in=codes, status__in=counted
    )
    indicators = Indicator.objects.filter(plan_id=period.plan_id)
    if period.is_half_year:
        indicators = indicators.filter(monitoring_frequency=Indicator.Frequency.SIX_MONTHLY)
    return list(
        indicators.filter(~Exists(reported))
        .only("id", "code", "owner_id", "owner_unit_id")
        .order_by("pk")
    )


def _params(plan: StrategicPlan, period: MonitoringPeriod, count: int) -> dict[str, object]:
    return {
        "count": count,
        "period": period.code,
        "plan": plan.period_label,
        "due": period.due_date.isoformat(),
    }


def _remind(
    plan: StrategicPlan,
    period: MonitoringPeriod,
    days_before: int,
    staff: audiences.StaffDirectory,
    url: str,
) -> int:
    missing = _missing(period, (Status.SUBMITTED, Status.PUBLISHED))
    if not missing:
        return 0
    already = set(
        ReminderLog.objects.filter(
            period=period, kind=ReminderLog.Kind.REMINDER, days_before=days_before
        ).values_list("indicator_id", "recipient_id")
    )
    due: dict[int, list[int]] = defaultdict(list)
    for indicator in missing:
        for user_id in staff.owners(
            owner_id=indicator.owner_id, owner_unit_id=indicator.owner_unit_id
        ):
            if (indicator.pk, user_id) not in already:
                due[user_id].append(indicator.pk)
    sent = 0
    for recipient in audiences.users(due):
        indicator_ids = due[recipient.pk]
        ReminderLog.objects.bulk_create(
            ReminderLog(
                period=period,
                kind=ReminderLog.Kind.REMINDER,
                indicator_id=indicator_id,
                recipient=recipient,
                days_before=days_before,
            )
            for indicator_id in indicator_ids
        )
        if notify(
            recipient=recipient,
            verb=verbs.REMINDER,
            params=_params(plan, period, len(indicator_ids)),
            url=url,
        ):
            sent += 1
    return sent


def _escalate(plan: StrategicPlan, period: MonitoringPeriod, url: str) -> int:
    missing = _missing(period, (Status.PUBLISHED,))
    if not missing:
        return 0
    already = set(
        ReminderLog.objects.filter(period=period, kind=ReminderLog.Kind.ESCALATION).values_list(
            "recipient_id", flat=True
        )
    )
    sent = 0
    for admin in audiences.admins(plan.municipality_id):
        if admin.pk in already:
            continue
        ReminderLog.objects.create(period=period, kind=ReminderLog.Kind.ESCALATION, recipient=admin)
        if notify(
            recipient=admin,
            verb=verbs.OVERDUE,
            params=_params(plan, period, len(missing)),
            url=url,
        ):
            sent += 1
    return sent


@transaction.atomic
def send_plan_reminders(*, plan_id: int, today: datetime.date) -> ReminderReport:
    """Send what is due today for one plan (idempotent)."""
    plan = (
        StrategicPlan.objects.select_for_update(of=("self",))
        .select_related("municipality")
        .filter(pk=plan_id, status=StrategicPlan.Status.ADOPTED)
        .first()
    )
    if plan is None:
        return ReminderReport()
    offsets = reminder_offsets()
    url = reverse("monitoring:dashboard", args=[plan.municipality.slug])
    staff: audiences.StaffDirectory | None = None
    reminders = escalations = 0
    for period in ensure_periods(plan):
        days_left = (period.due_date - today).days
        ahead = [d for d in offsets if days_left <= d]
        if days_left >= 0 and ahead:
            staff = staff or audiences.StaffDirectory(plan.municipality_id)
            reminders += _remind(plan, period, min(ahead), staff, url)
        elif days_left < 0 and -days_left <= ESCALATION_WINDOW_DAYS:
            escalations += _escalate(plan, period, url)
    return ReminderReport(reminders=reminders, escalations=escalations)
