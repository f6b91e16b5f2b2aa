"""The reporting calendar and the monitoring periods of a plan.

Periods are generated for every plan year (``YYYY-H1`` and ``YYYY``) when a plan is adopted
(``plans.hooks.on_plan_status_changed``) and on demand (dashboard, calendar page, the daily
reminder command), never twice. Their due dates follow the municipality's calendar unless one
was set for the period itself; plans reads them through ``due_dates_for_plan`` to decide what is
overdue (``plans.hooks.set_due_dates_provider``).
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.monitoring import permissions
from ortak.monitoring.models import MonitoringPeriod, ReportingCalendar
from ortak.monitoring.services._common import require, save, user_or_none
from ortak.organizations.models import Municipality
from ortak.plans.aggregates import recompute_plan
from ortak.plans.models import StrategicPlan
from ortak.plans.progress import DEFAULT_DUE_DATES, DueDates, Period

__all__ = [
    "calendar_of",
    "due_dates_for_plan",
    "ensure_periods",
    "generate_periods",
    "plan_periods",
    "set_period_due_date",
    "update_calendar",
]


def calendar_of(municipality: Municipality | int) -> ReportingCalendar:
    """The municipality's calendar row, or an unsaved one with the default dates. One query."""
    municipality_id = municipality if isinstance(municipality, int) else municipality.pk
    calendar = ReportingCalendar.objects.filter(municipality_id=municipality_id).first()
    return calendar or ReportingCalendar(municipality_id=municipality_id)


def plan_periods(plan: StrategicPlan) -> list[Period]:
    """Every period reported on in the plan years: 2025-H1, 2025, 2026-H1 …"""
    return [Period(year, full) for year in plan.years for full in (False, True)]


def due_dates_for_plan(plan: StrategicPlan) -> DueDates:
    """The due dates of the plan's periods (the provider registered with plans). One query when
    the periods exist, two otherwise."""
    dates = dict(MonitoringPeriod.objects.filter(plan=plan).values_list("code", "due_date"))
    if len(dates) >= len(plan.years) * 2:
        return replace(DEFAULT_DUE_DATES, overrides=dates)
    return replace(calendar_of(plan.municipality_id).due_dates(), overrides=dates)


def generate_periods(
    *, plan: StrategicPlan, calendar: ReportingCalendar | None = None
) -> list[MonitoringPeriod]:
    """Create the plan's missing periods with the calendar's due dates; return all of them.

    Safe to call again and concurrently: existing periods are kept (``ignore_conflicts``).
    """
    existing = {p.code: p for p in MonitoringPeriod.objects.filter(plan=plan)}
    missing = [period for period in plan_periods(plan) if str(period) not in existing]
    if missing:
        dates = (calendar or calendar_of(plan.municipality_id)).due_dates()
        MonitoringPeriod.objects.bulk_create(
            [
                MonitoringPeriod(
                    plan=plan,
                    code=str(period),
                    year=period.year,
                    is_half_year=period.is_half_year,
                    due_date=dates.due(period),
                )
                for period in missing
            ],
            ignore_conflicts=True,
        )
        existing = {p.code: p for p in MonitoringPeriod.objects.filter(plan=plan)}
    return sorted(existing.values(), key=lambda p: p.period)


def ensure_periods(plan: StrategicPlan) -> list[MonitoringPeriod]:
    """The plan's periods, generated first if it is monitored and some are missing."""
    if plan.status in (StrategicPlan.Status.ADOPTED, StrategicPlan.Status.ARCHIVED):
        return generate_periods(plan=plan)
    return sorted(MonitoringPeriod.objects.filter(plan=plan), key=lambda p: p.period)


def on_plan_status_changed(plan: StrategicPlan, previous: str) -> None:
    """Registered with ``plans.hooks``: an adopted plan gets its periods at once."""
    if plan.status == StrategicPlan.Status.ADOPTED:
        generate_periods(plan=plan)


@transaction.atomic
def update_calendar(
    *,
    actor: Any,
    municipality: Municipality,
    half_year_due_month: int,
    half_year_due_day: int,
    full_year_due_month: int,
    full_year_due_day: int,
) -> ReportingCalendar:
    """Move the municipality's default due dates; periods without a date of their own follow,
    and the adopted plans' overdue figures are recomputed."""
    require(permissions.can_edit_calendar(actor, municipality))
    calendar = calendar_of(municipality)
    old = calendar.due_dates()
    calendar.half_year_due_month = half_year_due_month
    calendar.half_year_due_day = half_year_due_day
    calendar.full_year_due_month = full_year_due_month
    calendar.full_year_due_day = full_year_due_day
    calendar.updated_by = user_or_none(actor)
    save(calendar)
    new = calendar.due_dates()
    if new == old:
        return calendar
    plans = list(StrategicPlan.objects.filter(municipality=municipality))
    periods = list(
        MonitoringPeriod.objects.filter(plan__municipality=municipality, due_date_is_custom=False)
    )
    for period in periods:
        period.due_date = new.due(period.period)
    MonitoringPeriod.objects.bulk_update(periods, ["due_date", "updated_at"])
    record_event(
        actor=actor,
        action="monitoring.calendar_updated",
        target=municipality,
        data={
            "half_year": f"{half_year_due_month:02d}-{half_year_due_day:02d}",
            "full_year": f"{full_year_due_month:02d}-{full_year_due_day:02d}",
        },
    )
    for plan in plans:
        if plan.status == StrategicPlan.Status.ADOPTED:
            recompute_plan(plan)
    return calendar


def _check_due_date(period: MonitoringPeriod, due_date: datetime.date) -> None:
    end = (
        datetime.date(period.year, 6, 30)
        if period.is_half_year
        else datetime.date(period.year, 12, 31)
    )
    if due_date <= end:
        raise ValidationError(
            {
                "due_date": _("The due date must fall after the period ends (%(end)s).")
                % {"end": end.isoformat()}
            }
        )
    if due_date > end + datetime.timedelta(days=366):
        raise ValidationError(
            {"due_date": _("The due date must fall within a year of the period's end.")}
        )


@transaction.atomic
def set_period_due_date(
    *, actor: Any, period: MonitoringPeriod, due_date: datetime.date | None
) -> MonitoringPeriod:
    """Move one period's due date (``None``: back to the municipality's calendar)."""
    plan = period.plan
    require(permissions.can_edit_calendar(actor, plan.municipality))
    old = period.due_date
    if due_date is None:
        period.due_date = calendar_of(plan.municipality_id).due_dates().due(period.period)
        period.due_date_is_custom = False
    else:
        _check_due_date(period, due_date)
        period.due_date = due_date
        period.due_date_is_custom = True
    save(period)
    record_event(
        actor=actor,
        action="monitoring.due_date_changed",
        target=plan,
        data={"period": period.code, "old": old.isoformat(), "new": period.due_date.isoformat()},
    )
    if plan.status == StrategicPlan.Status.ADOPTED:
        recompute_plan(plan)
    return period
