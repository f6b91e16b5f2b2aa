"""The reporting calendar: periods per plan year, the municipality's dates, one period's date,
and the due dates plans uses to decide what is overdue (adopted plans only)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ortak.monitoring.models import MonitoringPeriod, ReportingCalendar
from ortak.monitoring.services import calendar as services
from ortak.monitoring.tests.factories import Tree, adopted_tree, period, staff
from ortak.organizations.models import Membership
from ortak.plans.aggregates import recompute_plan
from ortak.plans.models import Indicator, StrategicPlan
from ortak.plans.services import set_plan_status
from ortak.plans.tests.factories import IndicatorFactory, PlanFactory, plan_editor

pytestmark = pytest.mark.django_db

Role = Membership.Role


@pytest.fixture
def tree() -> Tree:
    return adopted_tree()


def test_adopting_a_plan_generates_a_period_per_half_and_whole_year() -> None:
    plan: StrategicPlan = PlanFactory()  # type: ignore[assignment]
    assert not MonitoringPeriod.objects.filter(plan=plan).exists()
    set_plan_status(
        actor=plan_editor(plan.municipality),
        plan=plan,
        status=StrategicPlan.Status.ADOPTED,
        council_decision_date=datetime.date(2024, 11, 7),
        council_decision_number="2024/112",
    )
    periods = list(MonitoringPeriod.objects.filter(plan=plan))
    assert [p.code for p in periods] == [
        code for year in range(2025, 2030) for code in (f"{year}-H1", str(year))
    ]
    assert period(plan, "2025-H1").due_date == datetime.date(2025, 7, 31)
    assert period(plan, "2025").due_date == datetime.date(2026, 1, 31)


def test_generating_again_changes_nothing(tree: Tree) -> None:
    before = list(MonitoringPeriod.objects.filter(plan=tree.plan).values_list("pk", "due_date"))
    services.generate_periods(plan=tree.plan)
    after = list(MonitoringPeriod.objects.filter(plan=tree.plan).values_list("pk", "due_date"))
    assert before == after


def test_the_municipalitys_calendar_moves_every_period_but_a_custom_one(tree: Tree) -> None:
    editor = staff(Role.EDITOR, tree.municipality)
    services.set_period_due_date(
        actor=editor, period=period(tree.plan, "2026-H1"), due_date=datetime.date(2026, 9, 1)
    )
    services.update_calendar(
        actor=editor,
        municipality=tree.municipality,
        half_year_due_month=8,
        half_year_due_day=15,
        full_year_due_month=2,
        full_year_due_day=28,
    )
    assert period(tree.plan, "2025-H1").due_date == datetime.date(2025, 8, 15)
    assert period(tree.plan, "2025").due_date == datetime.date(2026, 2, 28)
    assert period(tree.plan, "2026-H1").due_date == datetime.date(2026, 9, 1)
    # Plans adopted later take the municipality's dates too.
    later: StrategicPlan = PlanFactory(  # type: ignore[assignment]
        municipality=tree.municipality, start_year=2030, end_year=2034
    )
    services.generate_periods(plan=later)
    assert period(later, "2030-H1").due_date == datetime.date(2030, 8, 15)


def test_a_period_follows_the_calendar_again_when_its_date_is_cleared(tree: Tree) -> None:
    editor = staff(Role.EDITOR, tree.municipality)
    h1 = period(tree.plan, "2025-H1")
    services.set_period_due_date(actor=editor, period=h1, due_date=datetime.date(2025, 9, 1))
    services.set_period_due_date(actor=editor, period=h1, due_date=None)
    h1.refresh_from_db()
    assert (h1.due_date, h1.due_date_is_custom) == (datetime.date(2025, 7, 31), False)


def test_a_due_date_falls_after_the_period_and_within_a_year(tree: Tree) -> None:
    editor = staff(Role.EDITOR, tree.municipality)
    for day in (datetime.date(2025, 6, 30), datetime.date(2026, 8, 1)):
        with pytest.raises(ValidationError):
            services.set_period_due_date(
                actor=editor, period=period(tree.plan, "2025-H1"), due_date=day
            )


def test_a_day_that_does_not_exist_every_year_is_refused(tree: Tree) -> None:
    with pytest.raises(ValidationError) as error:
        services.update_calendar(
            actor=staff(Role.EDITOR, tree.municipality),
            municipality=tree.municipality,
            half_year_due_month=9,
            half_year_due_day=31,
            full_year_due_month=2,
            full_year_due_day=29,
        )
    assert {"half_year_due_day", "full_year_due_day"} <= set(error.value.message_dict)
    assert not ReportingCalendar.objects.exists()


def test_only_editors_and_admins_set_the_dates(tree: Tree) -> None:
    for user in (
        staff(Role.RESPONDER, tree.municipality, tree.unit),
        staff(Role.EDITOR, adopted_tree().municipality),
    ):
        with pytest.raises(PermissionDenied):
            services.set_period_due_date(
                actor=user, period=period(tree.plan, "2025"), due_date=datetime.date(2026, 3, 1)
            )
    services.set_period_due_date(
        actor=staff(Role.MUNICIPALITY_ADMIN, tree.municipality),
        period=period(tree.plan, "2025"),
        due_date=datetime.date(2026, 3, 1),
    )


def test_overdue_follows_the_municipalitys_dates(tree: Tree) -> None:
    """Plans asks monitoring for the due dates: moving 2025-H1 to 15 August keeps the indicator
    from being overdue on 1 August, and makes it overdue on 16 August."""
    editor = staff(Role.EDITOR, tree.municipality)
    services.set_period_due_date(
        actor=editor, period=period(tree.plan, "2025-H1"), due_date=datetime.date(2025, 8, 15)
    )
    recompute_plan(tree.plan, today=datetime.date(2025, 8, 1))
    tree.indicator.refresh_from_db()
    assert tree.indicator.status == Indicator.Status.NOT_REPORTED
    recompute_plan(tree.plan, today=datetime.date(2025, 8, 16))
    tree.indicator.refresh_from_db()
    assert tree.indicator.status == Indicator.Status.OVERDUE
    tree.plan.refresh_from_db()
    assert tree.plan.overdue_count == 1  # the yearly indicator has no H1 period


def test_a_municipality_without_periods_uses_its_calendar(tree: Tree) -> None:
    ReportingCalendar.objects.create(
        municipality=tree.municipality, half_year_due_month=9, half_year_due_day=30
    )
    plan: StrategicPlan = PlanFactory(  # type: ignore[assignment]
        municipality=tree.municipality, start_year=2030, end_year=2034, status="adopted"
    )
    indicator: Indicator = IndicatorFactory(objective__aim__plan=plan)  # type: ignore[assignment]
    recompute_plan(plan, today=datetime.date(2030, 9, 30))
    indicator.refresh_from_db()
    assert indicator.status == Indicator.Status.NOT_REPORTED
    recompute_plan(plan, today=datetime.date(2030, 10, 1))
    indicator.refresh_from_db()
    assert indicator.status == Indicator.Status.OVERDUE


def test_the_calendar_page_for_staff(client, tree: Tree) -> None:
    editor = staff(Role.EDITOR, tree.municipality)
    client.force_login(editor)
    url = reverse("monitoring:calendar", args=[tree.municipality.slug])
    page = client.get(url)
    assert page.status_code == 200
    assert "2029" in page.content.decode()
    response = client.post(
        url,
        {
            "half_year_due_month": "8",
            "half_year_due_day": "31",
            "full_year_due_month": "3",
            "full_year_due_day": "1",
        },
    )
    assert response.status_code == 302
    assert period(tree.plan, "2027").due_date == datetime.date(2028, 3, 1)
    h1 = period(tree.plan, "2027-H1")
    response = client.post(
        reverse("monitoring:period_due_date", args=[tree.municipality.slug, h1.pk]),
        {f"p{h1.pk}-due_date": "2027-09-15"},
    )
    assert response.status_code == 302
    assert period(tree.plan, "2027-H1").due_date == datetime.date(2027, 9, 15)


def test_a_responder_reads_the_calendar_but_cannot_change_it(client, tree: Tree) -> None:
    client.force_login(staff(Role.RESPONDER, tree.municipality, tree.unit))
    url = reverse("monitoring:calendar", args=[tree.municipality.slug])
    assert client.get(url).status_code == 200
    assert client.post(url, {"half_year_due_month": "8"}).status_code == 403
    h1 = period(tree.plan, "2027-H1")
    response = client.post(
        reverse("monitoring:period_due_date", args=[tree.municipality.slug, h1.pk]),
        {f"p{h1.pk}-due_date": "2027-09-15"},
    )
    assert response.status_code == 403
