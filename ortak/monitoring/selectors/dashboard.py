"""The staff dashboard: what is due, what waits for publication, what is overdue, per unit.

Everything is read in a constant number of queries (the plan, its periods, its indicators with
their units and owners, its measurements) and sorted out in Python, whatever the plan's size.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from ortak.monitoring import permissions
from ortak.monitoring.models import MonitoringPeriod
from ortak.monitoring.services.calendar import ensure_periods
from ortak.organizations.models import Municipality, Unit
from ortak.plans.models import Indicator, Measurement, StrategicPlan

__all__ = [
    "DUE_HORIZON_DAYS",
    "Dashboard",
    "UnitLine",
    "WorkItem",
    "dashboard",
    "measurement_for_form",
    "monitored_plan",
]

# Open periods shown as "due": the next one, and any other due within this many days.
DUE_HORIZON_DAYS = 120
NO_UNIT = 0  # the ?birim= value of indicators without an owner unit

Status = Measurement.Status


@dataclass(frozen=True)
class WorkItem:
    """One indicator in one period, with its value (if any) and what the viewer may do."""

    indicator: Indicator
    period: MonitoringPeriod
    measurement: Measurement | None
    can_edit: bool = False
    can_submit: bool = False
    can_publish: bool = False

    @property
    def unit_id(self) -> int:
        return self.indicator.owner_unit_id or NO_UNIT

    @property
    def status(self) -> str:
        return self.measurement.status if self.measurement else ""


@dataclass
class UnitLine:
    unit_id: int
    name: str
    due: int = 0
    submitted: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class Dashboard:
    municipality: Municipality
    plan: StrategicPlan | None
    today: datetime.date
    periods: list[MonitoringPeriod] = field(default_factory=list)
    due: list[WorkItem] = field(default_factory=list)
    submitted: list[WorkItem] = field(default_factory=list)
    overdue: list[WorkItem] = field(default_factory=list)
    units: list[UnitLine] = field(default_factory=list)
    unit_filter: int | None = None
    can_publish_any: bool = False

    @property
    def due_periods(self) -> list[MonitoringPeriod]:
        seen: dict[int, MonitoringPeriod] = {}
        for item in self.due:
            seen.setdefault(item.period.pk, item.period)
        return list(seen.values())


def monitored_plan(municipality: Municipality, today: datetime.date) -> StrategicPlan | None:
    """The adopted plan that covers ``today``, else the newest adopted plan. One query."""
    plans = list(
        StrategicPlan.objects.filter(
            municipality=municipality, status=StrategicPlan.Status.ADOPTED
        ).order_by("-start_year")
    )
    for plan in plans:
        if plan.start_year <= today.year <= plan.end_year:
            return plan
    return plans[0] if plans else None


def _indicators(plan: StrategicPlan) -> list[Indicator]:
    indicators = list(
        Indicator.objects.filter(plan=plan)
        .select_related("owner_unit", "owner")
        .order_by("objective__aim__number", "objective__number", "number")
    )
    for indicator in indicators:
        indicator.plan = plan  # permissions read the plan; no query per row
    return indicators


def _measurements(plan: StrategicPlan, indicators: dict[int, Indicator]) -> dict[Any, Measurement]:
    found = {}
    for measurement in Measurement.objects.filter(indicator__plan=plan).select_related(
        "reported_by"
    ):
        measurement.indicator = indicators[measurement.indicator_id]
        found[(measurement.indicator_id, measurement.period)] = measurement
    return found


def _item(
    user: Any, indicator: Indicator, period: MonitoringPeriod, m: Measurement | None
) -> WorkItem:
    if m is None:
        can_edit = permissions.can_draft_measurement(user, indicator)
        return WorkItem(indicator, period, None, can_edit=can_edit)
    return WorkItem(
        indicator,
        period,
        m,
        can_edit=permissions.can_edit_draft(user, m),
        can_submit=permissions.can_submit_measurement(user, m),
        can_publish=permissions.can_publish_measurement(user, m),
    )


def _open_periods(periods: list[MonitoringPeriod], today: datetime.date) -> set[int]:
    """The next open period and any other due within the horizon (started ones only)."""
    open_ = sorted(
        (p for p in periods if p.due_date >= today and p.year <= today.year),
        key=lambda p: p.due_date,
    )
    horizon = today + datetime.timedelta(days=DUE_HORIZON_DAYS)
    return {p.pk for i, p in enumerate(open_) if i == 0 or p.due_date <= horizon}


def dashboard(
    *,
    user: Any,
    municipality: Municipality,
    unit_filter: int | None = None,
    today: datetime.date | None = None,
) -> Dashboard:
    """The dashboard of the municipality's monitored plan. Five queries after the permission's
    two, whatever the plan's size (six the first time, when the periods are generated)."""
    today = today or timezone.localdate()
    plan = monitored_plan(municipality, today)
    if plan is None:
        return Dashboard(municipality=municipality, plan=None, today=today)
    plan.municipality = municipality
    periods = ensure_periods(plan)
    indicators = _indicators(plan)
    by_pk = {i.pk: i for i in indicators}
    values = _measurements(plan, by_pk)
    open_ids = _open_periods(periods, today)

    due: list[WorkItem] = []
    overdue: list[WorkItem] = []
    for period in periods:
        past = period.due_date < today
        if not past and period.pk not in open_ids:
            continue
        for indicator in indicators:
            if (
                period.is_half_year
                and indicator.monitoring_frequency != Indicator.Frequency.SIX_MONTHLY
            ):
                continue
            m = values.get((indicator.pk, period.code))
            if past:
                year_value = (
                    values.get((indicator.pk, str(period.year))) if period.is_half_year else None
                )
                published = any(
                    v is not None and v.status == Status.PUBLISHED for v in (m, year_value)
                )
                if not published:
                    overdue.append(_item(user, indicator, period, m))
            elif m is None or m.status == Status.DRAFT:
                due.append(_item(user, indicator, period, m))
    by_code = {p.code: p for p in periods}
    submitted = [
        _item(user, m.indicator, by_code[m.period], m)
        for m in values.values()
        if m.status == Status.SUBMITTED and m.period in by_code
    ]
    submitted.sort(key=lambda item: (item.period.due_date, item.indicator.pk))
    overdue.sort(key=lambda item: (item.period.due_date, item.indicator.pk))

    units = _unit_lines(due, submitted, overdue)
    if unit_filter is not None:
        due, submitted, overdue = (
            [item for item in items if item.unit_id == unit_filter]
            for items in (due, submitted, overdue)
        )
    return Dashboard(
        municipality=municipality,
        plan=plan,
        today=today,
        periods=periods,
        due=due,
        submitted=submitted,
        overdue=overdue,
        units=units,
        unit_filter=unit_filter,
        can_publish_any=any(item.can_publish for item in submitted),
    )


def _unit_lines(
    due: list[WorkItem], submitted: list[WorkItem], overdue: list[WorkItem]
) -> list[UnitLine]:
    lines: dict[int, UnitLine] = {}

    def line(item: WorkItem) -> UnitLine:
        unit = item.indicator.owner_unit
        if item.unit_id not in lines:
            lines[item.unit_id] = UnitLine(item.unit_id, unit.name if unit else "")
        return lines[item.unit_id]

    for item in due:
        line(item).due += 1
    for item in submitted:
        line(item).submitted += 1
    for item in overdue:
        line(item).overdue += 1
    return sorted(lines.values(), key=lambda u: (u.unit_id == NO_UNIT, u.name))


def measurement_for_form(
    plan: StrategicPlan, indicator_id: int, period_code: str
) -> tuple[Indicator | None, MonitoringPeriod | None, Measurement | None]:
    """The indicator, the period and its value (if any) for the value form. Three queries."""
    indicator = (
        Indicator.objects.filter(plan=plan, pk=indicator_id)
        .select_related("owner_unit", "owner", "objective")
        .prefetch_related(
            Prefetch("measurements", queryset=Measurement.objects.select_related("reported_by"))
        )
        .first()
    )
    if indicator is None:
        return None, None, None
    indicator.plan = plan
    if not period_code:
        return indicator, None, None
    period = MonitoringPeriod.objects.filter(plan=plan, code=period_code).first()
    if period is None:  # periods are generated on demand
        period = next((p for p in ensure_periods(plan) if p.code == period_code), None)
    measurement = next((m for m in indicator.measurements.all() if m.period == period_code), None)
    if measurement is not None:
        measurement.indicator = indicator
    return indicator, period, measurement


def units_of(municipality: Municipality) -> list[Unit]:
    return list(Unit.objects.filter(municipality=municipality).order_by("name"))
