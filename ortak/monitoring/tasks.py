"""Notifications and the daily reminder schedule, run by the task worker.

Services enqueue these only after their transaction commits, so nobody hears about something
that was rolled back. ``manage.py send_monitoring_reminders`` enqueues ``send_plan_reminders``
once per monitored plan; the task writes a ``ReminderLog`` row per reminder in the same
transaction as the notification, so a second run (or a retried task) never sends twice.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django_tasks import task

from ortak.monitoring import audiences, verbs
from ortak.notifications.services import notify
from ortak.plans.models import Measurement


def _measurement(measurement_id: int) -> Measurement | None:
    return (
        Measurement.objects.select_related("indicator__plan__municipality", "reported_by")
        .filter(pk=measurement_id)
        .first()
    )


def _user(user_id: int | None) -> Any:
    if user_id is None:
        return None
    return get_user_model().objects.filter(pk=user_id).first()


def _dashboard_url(municipality_slug: str) -> str:
    return reverse("monitoring:dashboard", args=[municipality_slug])


def _measurement_params(measurement: Measurement) -> dict[str, Any]:
    return {"code": measurement.indicator.code, "period": measurement.period}


@task()
@transaction.atomic
def notify_submitted(measurement_id: int) -> int:
    measurement = _measurement(measurement_id)
    if measurement is None:
        return 0
    municipality = measurement.indicator.plan.municipality
    sent = 0
    for editor in audiences.editors(municipality.pk):
        if notify(
            recipient=editor,
            verb=verbs.SUBMITTED,
            params=_measurement_params(measurement),
            url=_dashboard_url(municipality.slug) + "#submitted",
            actor=measurement.reported_by,
        ):
            sent += 1
    return sent


@task()
@transaction.atomic
def notify_published(measurement_id: int, actor_id: int | None = None) -> int:
    measurement = _measurement(measurement_id)
    if measurement is None or measurement.reported_by is None:
        return 0
    plan = measurement.indicator.plan
    url = reverse(
        "plans:indicator_detail",
        args=[plan.municipality.slug, plan.start_year, plan.end_year, measurement.indicator.code],
    )
    sent = notify(
        recipient=measurement.reported_by,
        verb=verbs.PUBLISHED,
        params=_measurement_params(measurement),
        url=url,
        actor=_user(actor_id),
    )
    return int(sent is not None)


@task()
@transaction.atomic
def notify_returned(measurement_id: int, note: str, actor_id: int | None = None) -> int:
    measurement = _measurement(measurement_id)
    if measurement is None or measurement.reported_by is None:
        return 0
    sent = notify(
        recipient=measurement.reported_by,
        verb=verbs.RETURNED,
        params={**_measurement_params(measurement), "note": note},
        url=_dashboard_url(measurement.indicator.plan.municipality.slug),
        actor=_user(actor_id),
    )
    return int(sent is not None)


@task()
def send_plan_reminders(plan_id: int, today: str) -> dict[str, int]:
    """The reminders and overdue notices of one plan for ``today`` (ISO date)."""
    from ortak.monitoring.services.reminders import send_plan_reminders as send

    report = send(plan_id=plan_id, today=datetime.date.fromisoformat(today))
    return {"reminders": report.reminders, "escalations": report.escalations}


@task()
@transaction.atomic
def notify_assessed(assessment_id: int) -> int:
    from ortak.monitoring.selectors.assessments import assessment_for_notice

    notice = assessment_for_notice(assessment_id)
    if notice is None:
        return 0
    sent = 0
    for editor in audiences.editors(notice.municipality_id):
        if notify(
            recipient=editor,
            verb=verbs.ASSESSED,
            params=notice.params,
            url=notice.url,
            actor=notice.author,
        ):
            sent += 1
    return sent


@task()
@transaction.atomic
def notify_replied(assessment_id: int) -> int:
    from ortak.monitoring.selectors.assessments import assessment_for_notice

    notice = assessment_for_notice(assessment_id)
    if notice is None or notice.author is None:
        return 0
    sent = notify(
        recipient=notice.author,
        verb=verbs.REPLIED,
        params=notice.params,
        url=notice.url,
        actor=notice.replier,
    )
    return int(sent is not None)
