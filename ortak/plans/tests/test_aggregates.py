"""recompute_plan: stored figures equal the rules of progress.py, in a constant number of queries."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ortak.plans import hooks, progress
from ortak.plans.aggregates import decimal_text, recompute_plan, stored
from ortak.plans.models import Aim, Indicator, Measurement, Objective, StrategicPlan
from ortak.plans.tests.factories import (
    IndicatorFactory,
    MeasurementFactory,
    ObjectiveFactory,
    PlanFactory,
    build_plan,
)

pytestmark = pytest.mark.django_db
D = Decimal


def test_worked_example_is_stored_on_every_level():
    indicator = IndicatorFactory(baseline=D(10), targets=[20, 30, 40, 50, 60])
    MeasurementFactory(indicator=indicator, period="2025", value=D(22))
    MeasurementFactory(indicator=indicator, period="2026-H1", value=D(31))
    plan = indicator.plan

    recompute_plan(plan, today=datetime.date(2026, 7, 15))

    indicator.refresh_from_db()
    assert indicator.realization == D(42)
    assert indicator.realization_raw == D(42)
    assert indicator.latest_value == D(31)
    assert indicator.latest_period == "2026-H1"
    assert indicator.status == Indicator.Status.ON_TRACK
    assert indicator.realization_by_year["2025"] == {
        "realization": "100",
        "raw": "120",
        "coverage": "100",
    }
    assert indicator.realization_by_year["2026"]["raw"] == "105"
    assert indicator.realization_by_year["2027"] == {
        "realization": None,
        "raw": None,
        "coverage": "0",
    }
    for node in (indicator.objective, indicator.objective.aim, plan):
        node.refresh_from_db()
        assert node.realization == D(42)
        assert node.coverage == D(100)
        assert node.realization_by_year["2025"] == {"realization": "100", "coverage": "100"}
        assert node.aggregates_updated_at is not None


def test_only_published_measurements_count():
    indicator = IndicatorFactory(baseline=D(0), targets=[10] * 5)
    MeasurementFactory(indicator=indicator, period="2025", value=D(5))
    MeasurementFactory(
        indicator=indicator, period="2026", value=D(10), status=Measurement.Status.SUBMITTED
    )
    MeasurementFactory(
        indicator=indicator, period="2027", value=D(10), status=Measurement.Status.DRAFT
    )

    recompute_plan(indicator.plan, today=datetime.date(2025, 3, 1))

    indicator.refresh_from_db()
    assert indicator.latest_period == "2025"
    assert indicator.realization == D(50)


def test_not_reported_indicator_lowers_objective_and_coverage():
    objective = ObjectiveFactory()
    reported = IndicatorFactory(objective=objective, weight=D(60), baseline=D(0), targets=[10] * 5)
    IndicatorFactory(objective=objective, weight=D(40), baseline=D(0), targets=[10] * 5)
    MeasurementFactory(indicator=reported, period="2025", value=D(10))

    recompute_plan(objective.plan, today=datetime.date(2025, 3, 1))

    objective.refresh_from_db()
    assert objective.realization == D(60)
    assert objective.coverage == D(60)


def test_plan_without_any_value_has_empty_realization_and_zero_coverage():
    indicator = IndicatorFactory()
    recompute_plan(indicator.plan, today=datetime.date(2025, 3, 1))
    plan = StrategicPlan.objects.get(pk=indicator.plan.pk)
    assert plan.realization is None
    assert plan.coverage == 0
    indicator.refresh_from_db()
    assert indicator.status == Indicator.Status.NOT_REPORTED


def test_empty_plan_has_no_figures():
    plan = PlanFactory()
    recompute_plan(plan)
    plan.refresh_from_db()
    assert plan.realization is None and plan.coverage is None
    assert plan.aggregates_updated_at is not None


def test_overdue_status_depends_on_today():
    indicator = IndicatorFactory(objective__aim__plan__status=StrategicPlan.Status.ADOPTED)
    recompute_plan(indicator.plan, today=datetime.date(2025, 7, 31))
    indicator.refresh_from_db()
    assert indicator.status == Indicator.Status.NOT_REPORTED
    recompute_plan(indicator.plan, today=datetime.date(2025, 8, 1))
    indicator.refresh_from_db()
    assert indicator.status == Indicator.Status.OVERDUE


@pytest.mark.parametrize(
    "status",
    [
        StrategicPlan.Status.DRAFT,
        StrategicPlan.Status.CONSULTATION,
        StrategicPlan.Status.ARCHIVED,
    ],
)
def test_only_an_adopted_plan_has_overdue_indicators(status: str) -> None:
    indicator: Indicator = IndicatorFactory(objective__aim__plan__status=status)  # type: ignore[assignment]
    recompute_plan(indicator.plan, today=datetime.date(2027, 3, 1))
    indicator.refresh_from_db()
    plan = StrategicPlan.objects.get(pk=indicator.plan.pk)
    assert indicator.status == Indicator.Status.NOT_REPORTED
    assert plan.overdue_count == 0


def test_due_dates_come_from_the_registered_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    indicator: Indicator = IndicatorFactory(  # type: ignore[assignment]
        objective__aim__plan__status=StrategicPlan.Status.ADOPTED
    )
    late = progress.DueDates(
        half_year_month=9, half_year_day=30, overrides={"2025": datetime.date(2026, 6, 30)}
    )
    monkeypatch.setattr(hooks, "_due_dates_provider", lambda plan: late)
    recompute_plan(indicator.plan, today=datetime.date(2025, 9, 30))
    indicator.refresh_from_db()
    assert indicator.status == Indicator.Status.NOT_REPORTED
    MeasurementFactory(indicator=indicator, period="2025-H1", value=D(12))
    recompute_plan(indicator.plan, today=datetime.date(2026, 6, 30))
    indicator.refresh_from_db()
    assert indicator.status != Indicator.Status.OVERDUE  # 2025 is due on 30 June 2026
    recompute_plan(indicator.plan, today=datetime.date(2026, 7, 1))
    indicator.refresh_from_db()
    assert indicator.status == Indicator.Status.OVERDUE


def test_freshness_is_stored_on_every_level():
    plan = build_plan(aims=2, objectives_per_aim=1, indicators_per_objective=2, measurements=False)
    first, second, *others = Indicator.objects.filter(plan=plan).order_by("pk")
    early = datetime.datetime(2025, 8, 1, 9, tzinfo=datetime.UTC)
    late = datetime.datetime(2025, 8, 20, 9, tzinfo=datetime.UTC)
    MeasurementFactory(indicator=first, period="2025-H1", published_at=early)
    MeasurementFactory(indicator=second, period="2025-H1", published_at=late)
    MeasurementFactory(indicator=others[0], period="2025-H1", status="draft", published_at=None)

    recompute_plan(plan, today=datetime.date(2025, 9, 1))

    first.refresh_from_db()
    assert first.last_published_at == early
    objective = Objective.objects.get(pk=first.objective_id)
    assert objective.last_published_at == late
    assert objective.overdue_count == 0
    other_objective = Objective.objects.get(pk=others[0].objective_id)
    assert other_objective.last_published_at is None  # a draft is not a publication
    assert other_objective.overdue_count == 2
    plan.refresh_from_db()
    assert plan.last_published_at == late
    assert plan.overdue_count == 2
    assert Aim.objects.get(pk=other_objective.aim_id).overdue_count == 2


def test_absurd_raw_values_saturate_instead_of_overflowing_the_column():
    indicator = IndicatorFactory(baseline=D("0"), targets=["0.0001"] * 5)
    MeasurementFactory(indicator=indicator, period="2025", value=D("99999999"))
    recompute_plan(indicator.plan, today=datetime.date(2025, 3, 1))
    indicator.refresh_from_db()
    assert indicator.realization == 100
    assert indicator.realization_raw is not None and indicator.realization_raw > D("1e13")


def test_decimal_text_drops_trailing_zeros():
    assert decimal_text(D("100.0000000000")) == "100"
    assert decimal_text(D("42.50")) == "42.5"
    assert decimal_text(D("-0.00000000001")) == "0"
    assert decimal_text(None) is None
    assert stored(D("1") / 3) == D("0.3333333333")


def _expected(plan, today):
    """The figures computed straight from progress.py, node by node, for comparison."""
    expected: dict[str, Decimal | None] = {}
    objectives: dict[int, list[tuple[Decimal, progress.LensResult]]] = {}
    for indicator in Indicator.objects.filter(plan=plan).prefetch_related(
        "targets", "measurements"
    ):
        facts = progress.IndicatorFacts(
            baseline=indicator.baseline,
            targets={t.year: t.value for t in indicator.targets.all()},
            values={
                m.period: m.value
                for m in indicator.measurements.all()
                if m.status == Measurement.Status.PUBLISHED
            },
            direction=indicator.direction,
            kind=indicator.kind,
        )
        lens = progress.plan_lens(facts, plan.years)
        expected[f"i{indicator.pk}"] = lens.clamped
        objectives.setdefault(indicator.objective_id, []).append((indicator.weight, lens))
    aims: dict[int, list[progress.AggregateResult]] = {}
    for objective in Objective.objects.filter(plan=plan):
        result = progress.aggregate_objective(objectives.get(objective.pk, []))
        expected[f"o{objective.pk}"] = result.realization
        aims.setdefault(objective.aim_id, []).append(result)
    aim_results = []
    for aim in Aim.objects.filter(plan=plan):
        result = progress.aggregate_mean(aims.get(aim.pk, []))
        expected[f"a{aim.pk}"] = result.realization
        aim_results.append(result)
    expected["plan"] = progress.aggregate_mean(aim_results).realization
    return expected


def test_stored_figures_match_progress_rules_on_a_realistic_plan():
    plan = build_plan(aims=3, objectives_per_aim=3, indicators_per_objective=4)
    expected = _expected(plan, datetime.date.today())
    actual: dict[str, Decimal | None] = {}
    actual.update({f"i{i.pk}": i.realization for i in Indicator.objects.filter(plan=plan)})
    actual.update({f"o{o.pk}": o.realization for o in Objective.objects.filter(plan=plan)})
    actual.update({f"a{a.pk}": a.realization for a in Aim.objects.filter(plan=plan)})
    actual["plan"] = StrategicPlan.objects.get(pk=plan.pk).realization
    assert actual == {key: stored(value) for key, value in expected.items()}
    assert actual["plan"] is not None and 0 < actual["plan"] < 100
    statuses = set(Indicator.objects.filter(plan=plan).values_list("status", flat=True))
    assert len(statuses) > 1


def _queries_to_record_one_value(indicators_per_objective):
    plan = build_plan(
        aims=5, objectives_per_aim=3, indicators_per_objective=indicators_per_objective
    )
    indicator = Indicator.objects.filter(plan=plan).order_by("pk").first()
    assert indicator is not None
    MeasurementFactory(indicator=indicator, period="2027", value=D(1000))
    with CaptureQueriesContext(connection) as queries:
        recompute_plan(plan)
    return len(queries)


def test_recompute_costs_the_same_queries_for_10_and_150_indicators():
    small = _queries_to_record_one_value(indicators_per_objective=1)  # 15 indicators
    large = _queries_to_record_one_value(indicators_per_objective=10)  # 150 indicators
    assert small == large
    # Six reads, at most two for an adopted plan's due dates (the reporting calendar), four writes.
    assert large <= 12


def test_recompute_without_changes_writes_only_the_plan_row():
    plan = build_plan(aims=2, objectives_per_aim=2, indicators_per_objective=2)
    with CaptureQueriesContext(connection) as queries:
        recompute_plan(plan)
    writes = [q["sql"] for q in queries if q["sql"].startswith("UPDATE")]
    assert len(writes) == 1
    assert "plans_strategicplan" in writes[0]
