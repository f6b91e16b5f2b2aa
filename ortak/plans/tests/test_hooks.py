"""The extension points monitoring plugs into: status listeners and the due-date provider."""

from __future__ import annotations

import datetime

import pytest

from ortak.plans import hooks, progress
from ortak.plans.models import StrategicPlan
from ortak.plans.services import set_plan_status
from ortak.plans.tests.factories import PlanFactory, plan_editor

pytestmark = pytest.mark.django_db


def test_set_plan_status_tells_the_listeners_with_the_previous_status(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    heard: list[tuple[str, str]] = []
    monkeypatch.setattr(hooks, "_status_listeners", [])
    hooks.on_plan_status_changed(lambda plan, previous: heard.append((plan.status, previous)))
    plan: StrategicPlan = PlanFactory()  # type: ignore[assignment]
    editor = plan_editor(plan.municipality)
    set_plan_status(
        actor=editor,
        plan=plan,
        status=StrategicPlan.Status.ADOPTED,
        council_decision_date=datetime.date(2024, 11, 7),
        council_decision_number="2024/1",
    )
    assert heard == [("adopted", "draft")]


def test_without_a_provider_the_default_due_dates_apply(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hooks, "_due_dates_provider", None)
    assert hooks.due_dates_for(PlanFactory.build()) == progress.DEFAULT_DUE_DATES


def test_an_override_moves_one_period_only() -> None:
    dates = progress.DueDates(overrides={"2026-H1": datetime.date(2026, 9, 15)})
    assert dates.due(progress.Period(2026, False)) == datetime.date(2026, 9, 15)
    assert dates.due(progress.Period(2027, False)) == datetime.date(2027, 7, 31)
    assert dates.due(progress.Period(2026)) == datetime.date(2027, 1, 31)
