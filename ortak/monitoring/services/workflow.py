"""A measured value's way to the public: draft (unit staff) → submitted → published (editors).

Only published values count in the figures (``plans.aggregates`` reads published values only),
so publishing recomputes the plan's stored figures in the same transaction. Once published, a
value changes only through a revision (``ortak.plans.services.update_measurement``), which the
public sees in the plan's history.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.monitoring import permissions, tasks
from ortak.monitoring.services._common import require, save, user_or_none
from ortak.organizations.models import Membership, Unit
from ortak.plans import progress
from ortak.plans.aggregates import recompute_plan
from ortak.plans.models import Indicator, Measurement, StrategicPlan
from ortak.plans.services._common import validate_evidence
from ortak.plans.services.figures import check_new_measurement

__all__ = [
    "assign_owner",
    "publish_measurement",
    "publish_measurements",
    "return_measurement",
    "save_draft",
    "submit_measurement",
]

Status = Measurement.Status


def _locked(measurement: Measurement) -> Measurement:
    """Re-read the row under a lock, so that two clicks cannot publish or submit it twice."""
    return (
        Measurement.objects.select_for_update(of=("self",))
        .select_related("indicator__plan")
        .get(pk=measurement.pk)
    )


@transaction.atomic
def save_draft(
    *,
    actor: Any,
    indicator: Indicator,
    period: str,
    value: Decimal,
    explanation: str = "",
    evidence: UploadedFile | None = None,
    evidence_url: str = "",
    today: datetime.date | None = None,
) -> Measurement:
    """Enter or change the value of one period as a draft (not public, not counted)."""
    require(permissions.can_draft_measurement(actor, indicator))
    today = today or timezone.localdate()
    try:
        key = str(progress.parse_period(period))
    except ValueError:
        key = period
    measurement = (
        Measurement.objects.select_for_update().filter(indicator=indicator, period=key).first()
    )
    if measurement is not None and measurement.status == Status.PUBLISHED:
        raise ValidationError(
            {
                "period": _(
                    "The %(period)s value is published; it changes only through a revision "
                    "by the strategy unit."
                )
                % {"period": key}
            }
        )
    if measurement is not None:
        measurement.indicator = indicator
        require(permissions.can_edit_draft(actor, measurement))
    parsed = check_new_measurement(
        indicator=indicator, period=period, value=value, explanation=explanation, today=today
    )
    if evidence is not None:
        validate_evidence(evidence)
    if measurement is None:
        measurement = Measurement(
            indicator=indicator,
            period=str(parsed),
            year=parsed.year,
            is_half_year=parsed.is_half_year,
            status=Status.DRAFT,
        )
    measurement.value = value
    measurement.explanation = explanation.strip()
    measurement.evidence_url = evidence_url.strip()
    if evidence is not None:
        measurement.evidence = evidence  # type: ignore[assignment]
    measurement.reported_by = user_or_none(actor)
    measurement.reported_at = timezone.now()
    save(measurement)
    record_event(
        actor=actor,
        action="measurement.draft_saved",
        target=indicator,
        data={"period": measurement.period, "value": str(value), "status": measurement.status},
    )
    return measurement


@transaction.atomic
def submit_measurement(*, actor: Any, measurement: Measurement) -> Measurement:
    """Send a draft to the strategy unit; its editors are told after commit."""
    measurement = _locked(measurement)
    require(permissions.can_submit_measurement(actor, measurement))
    measurement.status = Status.SUBMITTED
    measurement.reported_by = user_or_none(actor)
    measurement.reported_at = timezone.now()
    save(measurement)
    record_event(
        actor=actor,
        action="measurement.submitted",
        target=measurement.indicator,
        data={"period": measurement.period, "value": str(measurement.value)},
    )
    transaction.on_commit(partial(tasks.notify_submitted.enqueue, measurement_id=measurement.pk))
    return measurement


@transaction.atomic
def publish_measurements(*, actor: Any, measurements: Iterable[Measurement]) -> list[Measurement]:
    """Publish several values at once (all or nothing); each plan's figures are recomputed once.

    A value that is no longer waiting (published meanwhile) or that the actor may not publish
    stops the whole batch.
    """
    published: list[Measurement] = []
    plans: dict[int, StrategicPlan] = {}
    now = timezone.now()
    for item in measurements:
        measurement = _locked(item)
        require(permissions.can_publish_measurement(actor, measurement))
        measurement.status = Status.PUBLISHED
        measurement.published_at = now
        save(measurement)
        record_event(
            actor=actor,
            action="measurement.published",
            target=measurement.indicator,
            data={"period": measurement.period, "value": str(measurement.value)},
        )
        plans[measurement.indicator.plan_id] = measurement.indicator.plan
        published.append(measurement)
    for plan in plans.values():
        recompute_plan(plan)
    for measurement in published:
        transaction.on_commit(
            partial(
                tasks.notify_published.enqueue,
                measurement_id=measurement.pk,
                actor_id=getattr(user_or_none(actor), "pk", None),
            )
        )
    return published


def publish_measurement(*, actor: Any, measurement: Measurement) -> Measurement:
    """Publish one value: it becomes public and counts in the figures."""
    return publish_measurements(actor=actor, measurements=[measurement])[0]


@transaction.atomic
def return_measurement(*, actor: Any, measurement: Measurement, note: str) -> Measurement:
    """Send a submitted value back to the unit as a draft, saying why."""
    measurement = _locked(measurement)
    require(permissions.can_return_measurement(actor, measurement))
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Say what needs to change.")})
    measurement.status = Status.DRAFT
    save(measurement)
    record_event(
        actor=actor,
        action="measurement.returned",
        target=measurement.indicator,
        data={"period": measurement.period, "note": note},
    )
    if measurement.reported_by_id is not None:
        transaction.on_commit(
            partial(
                tasks.notify_returned.enqueue,
                measurement_id=measurement.pk,
                note=note,
                actor_id=getattr(user_or_none(actor), "pk", None),
            )
        )
    return measurement


@transaction.atomic
def assign_owner(
    *, actor: Any, indicator: Indicator, owner_unit: Unit | None, owner: Any | None
) -> Indicator:
    """Name the unit and the staff member who report the indicator's values (reminders go to
    them). The owner must hold a role in the plan's municipality."""
    require(permissions.can_assign_owner(actor, indicator))
    municipality_id = indicator.plan.municipality_id
    errors: dict[str, Any] = {}
    if owner_unit is not None and owner_unit.municipality_id != municipality_id:
        errors["owner_unit"] = _("Choose a unit of this municipality.")
    if (
        owner is not None
        and not Membership.objects.filter(user=owner, municipality_id=municipality_id).exists()
    ):
        errors["owner"] = _("Choose a member of the municipality's staff.")
    if errors:
        raise ValidationError(errors)
    old = (indicator.owner_unit_id, indicator.owner_id)
    indicator.owner_unit = owner_unit
    indicator.owner = owner
    save(indicator)
    record_event(
        actor=actor,
        action="indicator.owner_assigned",
        target=indicator,
        data={
            "old": {"unit": old[0], "owner": old[1]},
            "new": {"unit": indicator.owner_unit_id, "owner": indicator.owner_id},
        },
    )
    return indicator
