"""Services for figures: measurements, yearly targets and, after adoption, revisions.

Before adoption an editor changes targets in place. Once the plan is adopted, every change of a
target, a baseline, a weight or a published value appends a revision (who, when, old, new,
reason) to the plan's hash chain (``ortak.plans.revisions``) that the public sees on the
indicator page, optionally grouped under a plan update (``PlanRevision``).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.plans import permissions, progress
from ortak.plans.aggregates import recompute_plan
from ortak.plans.models import (
    FigureRevision,
    Indicator,
    IndicatorTarget,
    Measurement,
    PlanRevision,
)
from ortak.plans.revisions import append_revision
from ortak.plans.services._common import check_plan_year, require, save, validate_evidence

# A value whose year-lens realization falls outside this band needs an explanation (sapma
# nedeni): the Court of Accounts asks for one for any shortfall and any over-achievement.
EXPLANATION_BAND = (Decimal(95), Decimal(105))


def _period(indicator: Indicator, text: str, today: datetime.date) -> progress.Period:
    try:
        period = progress.parse_period(text)
    except ValueError:
        raise ValidationError(
            {"period": _("Enter a period like 2026 (whole year) or 2026-H1 (January–June).")}
        ) from None
    check_plan_year(indicator.plan, "period", period.year)
    if period.is_half_year and indicator.monitoring_frequency == Indicator.Frequency.YEARLY:
        raise ValidationError(
            {"period": _("This indicator is monitored yearly: enter the whole year's value.")}
        )
    if period.year > today.year:
        raise ValidationError({"period": _("This period has not started yet.")})
    return period


def year_lens_of_value(
    indicator: Indicator, period: progress.Period, value: Decimal
) -> Decimal | None:
    """The raw year-lens r this value gives against its year's target (None if not usable)."""
    if not progress.is_usable(period, indicator.kind):
        return None
    target = (
        IndicatorTarget.objects.filter(indicator=indicator, year=period.year)
        .values_list("value", flat=True)
        .first()
    )
    if target is None:
        return None
    return progress.raw_realization(
        baseline=indicator.baseline if indicator.baseline is not None else Decimal(0),
        target=target,
        value=value,
        direction=indicator.direction,
    )


def _check_explanation(
    indicator: Indicator, period: progress.Period, value: Decimal, explanation: str
) -> None:
    raw = year_lens_of_value(indicator, period, value)
    low, high = EXPLANATION_BAND
    if raw is not None and not low <= raw <= high and not explanation.strip():
        raise ValidationError(
            {
                "explanation": _(
                    "The value reaches %(percent)s %% of the year's target, outside 95–105 %%: "
                    "explain the deviation."
                )
                % {"percent": progress.round_display(raw)}
            }
        )


def check_new_measurement(
    *, indicator: Indicator, period: str, value: Decimal, explanation: str, today: datetime.date
) -> progress.Period:
    """The checks every new value passes, whoever enters it (the editor here, unit staff in the
    monitoring workflow): a period of the plan that has started, the indicator's frequency, and
    an explanation of a deviation outside ``EXPLANATION_BAND``."""
    parsed = _period(indicator, period, today)
    _check_explanation(indicator, parsed, value, explanation)
    return parsed


def _check_status(status: str) -> None:
    if status not in Measurement.Status.values:
        raise ValidationError({"status": _("Choose a valid status.")})


@transaction.atomic
def record_measurement(
    *,
    actor: Any,
    indicator: Indicator,
    period: str,
    value: Decimal,
    explanation: str = "",
    evidence: UploadedFile | None = None,
    evidence_url: str = "",
    status: str = Measurement.Status.PUBLISHED,
    today: datetime.date | None = None,
) -> Measurement:
    """Record the value of one monitoring period (a new one; existing values are changed with
    ``update_measurement``)."""
    require(permissions.can_enter_measurement(actor, indicator))
    today = today or timezone.localdate()
    parsed = _period(indicator, period, today)
    if Measurement.objects.filter(indicator=indicator, period=str(parsed)).exists():
        raise ValidationError(
            {
                "period": _("A value for %(period)s is already recorded; change that one instead.")
                % {"period": parsed}
            }
        )
    _check_status(status)
    _check_explanation(indicator, parsed, value, explanation)
    if evidence is not None:
        validate_evidence(evidence)
    now = timezone.now()
    measurement = Measurement(
        indicator=indicator,
        period=str(parsed),
        year=parsed.year,
        is_half_year=parsed.is_half_year,
        value=value,
        explanation=explanation.strip(),
        evidence_url=evidence_url.strip(),
        status=status,
        reported_by=actor if getattr(actor, "is_authenticated", False) else None,
        reported_at=now,
        published_at=now if status == Measurement.Status.PUBLISHED else None,
    )
    if evidence is not None:
        measurement.evidence = evidence  # type: ignore[assignment]
    save(measurement)
    record_event(
        actor=actor,
        action="measurement.recorded",
        target=indicator,
        data={"period": measurement.period, "value": str(value), "status": status},
    )
    if status == Measurement.Status.PUBLISHED:
        recompute_plan(indicator.plan)
    return measurement


@transaction.atomic
def update_measurement(
    *,
    actor: Any,
    measurement: Measurement,
    value: Decimal,
    explanation: str = "",
    evidence: UploadedFile | None = None,
    evidence_url: str = "",
    reason: str = "",
    plan_revision: PlanRevision | None = None,
) -> Measurement:
    """Change a recorded value. On an adopted plan a published value's change appends a revision
    and needs a reason; explanation and evidence may be completed at any time."""
    indicator = measurement.indicator
    plan = indicator.plan
    require(permissions.can_enter_measurement(actor, indicator))
    period = progress.parse_period(measurement.period)
    _check_explanation(indicator, period, value, explanation)
    if evidence is not None:
        validate_evidence(evidence)
    old_value = measurement.value
    value_changed = old_value != value
    published = measurement.status == Measurement.Status.PUBLISHED
    if value_changed and published and plan.is_locked:
        require(permissions.can_revise_figures(actor, plan))
        append_revision(
            plan=plan,
            indicator=indicator,
            kind=FigureRevision.Kind.MEASUREMENT,
            old_value=old_value,
            new_value=value,
            reason=reason,
            actor=actor,
            year=measurement.year,
            period=measurement.period,
            plan_revision=plan_revision,
        )
    measurement.value = value
    measurement.explanation = explanation.strip()
    measurement.evidence_url = evidence_url.strip()
    if evidence is not None:
        measurement.evidence = evidence  # type: ignore[assignment]
    save(measurement)
    record_event(
        actor=actor,
        action="measurement.updated",
        target=indicator,
        data={"period": measurement.period, "old": str(old_value), "new": str(value)},
    )
    if value_changed and published:
        recompute_plan(plan)
    return measurement


@transaction.atomic
def delete_measurement(*, actor: Any, measurement: Measurement) -> None:
    """Remove a value recorded by mistake; a published value of an adopted plan stays."""
    indicator = measurement.indicator
    plan = indicator.plan
    require(permissions.can_enter_measurement(actor, indicator))
    if plan.is_locked and measurement.status == Measurement.Status.PUBLISHED:
        raise ValidationError(
            _("A published value of an adopted plan cannot be deleted; correct it instead.")
        )
    record_event(
        actor=actor,
        action="measurement.deleted",
        target=indicator,
        data={"period": measurement.period, "value": str(measurement.value)},
    )
    measurement.delete()
    recompute_plan(plan)


@transaction.atomic
def update_target(
    *,
    actor: Any,
    indicator: Indicator,
    year: int,
    value: Decimal,
    reason: str = "",
    plan_revision: PlanRevision | None = None,
) -> IndicatorTarget:
    """Set one yearly target: in place before adoption, by a revision with a reason after."""
    plan = indicator.plan
    if plan.is_locked:
        require(permissions.can_revise_figures(actor, plan))
    else:
        require(permissions.can_edit_structure(actor, plan))
    check_plan_year(plan, "year", year)
    target = IndicatorTarget.objects.filter(indicator=indicator, year=year).first()
    old_value = target.value if target is not None else None
    if old_value == value:
        assert target is not None
        return target
    if plan.is_locked:
        append_revision(
            plan=plan,
            indicator=indicator,
            kind=FigureRevision.Kind.TARGET,
            old_value=old_value,
            new_value=value,
            reason=reason,
            actor=actor,
            year=year,
            plan_revision=plan_revision,
        )
    target = target or IndicatorTarget(indicator=indicator, year=year)
    target.value = value
    save(target)
    record_event(
        actor=actor,
        action="target.updated",
        target=indicator,
        data={
            "year": year,
            "old": None if old_value is None else str(old_value),
            "new": str(value),
        },
    )
    recompute_plan(plan)
    return target


@transaction.atomic
def revise_indicator_figure(
    *,
    actor: Any,
    indicator: Indicator,
    kind: str,
    value: Decimal | None,
    reason: str,
    plan_revision: PlanRevision | None = None,
) -> FigureRevision:
    """Change the baseline or the weight of an adopted plan's indicator, by a revision."""
    plan = indicator.plan
    require(permissions.can_revise_figures(actor, plan))
    fields = {FigureRevision.Kind.BASELINE: "baseline", FigureRevision.Kind.WEIGHT: "weight"}
    if kind not in fields:
        raise ValidationError({"kind": _("Only the baseline or the weight is revised this way.")})
    field = fields[FigureRevision.Kind(kind)]
    if field == "weight" and (value is None or not 0 <= value <= 100):
        raise ValidationError({"value": _("A weight is between 0 and 100.")})
    old_value = getattr(indicator, field)
    if old_value == value:
        raise ValidationError({"value": _("The new value is the same as the current one.")})
    revision = append_revision(
        plan=plan,
        indicator=indicator,
        kind=kind,
        old_value=old_value,
        new_value=value,
        reason=reason,
        actor=actor,
        plan_revision=plan_revision,
    )
    setattr(indicator, field, value)
    save(indicator)
    record_event(
        actor=actor,
        action="figure.revised",
        target=indicator,
        data={
            "kind": kind,
            "old": None if old_value is None else str(old_value),
            "new": str(value),
        },
    )
    recompute_plan(plan)
    return revision


@transaction.atomic
def revise_targets(
    *,
    actor: Any,
    indicator: Indicator,
    targets: Mapping[int, Decimal | None],
    reason: str,
    plan_revision: PlanRevision | None = None,
) -> list[IndicatorTarget]:
    """Change several targets of an adopted plan's indicator under one reason, all or nothing.

    Years left empty keep their target; a revision is appended for each target that changes.
    """
    require(permissions.can_revise_figures(actor, indicator.plan))
    current = dict(indicator.targets.values_list("year", "value"))
    changes = {
        year: value
        for year, value in targets.items()
        if value is not None and value != current.get(year)
    }
    if not changes:
        raise ValidationError(_("No target was changed."))
    return [
        update_target(
            actor=actor,
            indicator=indicator,
            year=year,
            value=value,
            reason=reason,
            plan_revision=plan_revision,
        )
        for year, value in sorted(changes.items())
    ]
