"""The report's tables as data: periods, the year lens read from the stored aggregates, costs,
the CSO view and the responsiveness figures, and the cost in queries."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ortak.monitoring.models import Assessment
from ortak.monitoring.reports.periods import (
    ReportKind,
    ReportPeriod,
    kind_from_slug,
    parse_report_period,
)
from ortak.monitoring.reports.tables import build_report
from ortak.monitoring.selectors.reports import report_periods
from ortak.monitoring.tests.test_reports_data import (
    EXPLANATION,
    assess,
    export_figures,
    report_plan,
    two,
)
from ortak.organizations.models import Organization, Unit
from ortak.organizations.tests.factories import OrganizationFactory, UnitFactory
from ortak.participation.models import ResponsivenessFigure
from ortak.plans.aggregates import recompute_plan
from ortak.plans.models import (
    Activity,
    Indicator,
    IndicatorTarget,
    Measurement,
    Objective,
    StrategicPlan,
)
from ortak.plans.tests.factories import (
    IndicatorFactory,
    MeasurementFactory,
    ObjectiveFactory,
    PlanFactory,
)

MONITORING_2026 = ReportPeriod(2026, ReportKind.MONITORING)
EVALUATION_2025 = ReportPeriod(2025, ReportKind.EVALUATION)


def _one_indicator_plan(**fields: Any) -> tuple[StrategicPlan, Indicator]:
    """An adopted plan with one indicator (baseline 10, targets 20…60 unless told)."""
    plan: StrategicPlan = PlanFactory(status=StrategicPlan.Status.ADOPTED)  # type: ignore[assignment]
    indicator: Indicator = IndicatorFactory(  # type: ignore[assignment]
        objective=ObjectiveFactory(aim__plan=plan), **fields
    )
    return plan, indicator


# --- Periods ---------------------------------------------------------------------------------


def test_report_period_reads_monitoring_half_years_and_evaluation_years() -> None:
    assert parse_report_period(ReportKind.MONITORING, "2026-h1") == MONITORING_2026
    assert parse_report_period(ReportKind.EVALUATION, "2025") == EVALUATION_2025
    assert MONITORING_2026.text == "2026-H1"
    assert EVALUATION_2025.text == "2025"
    assert kind_from_slug("izleme") == ReportKind.MONITORING
    assert kind_from_slug("degerlendirme") == ReportKind.EVALUATION


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (ReportKind.MONITORING, "2026"),
        (ReportKind.EVALUATION, "2026-H1"),
        (ReportKind.EVALUATION, "26"),
        ("yearly", "2026"),
    ],
)
def test_report_period_rejects_a_period_that_does_not_fit_the_kind(kind: str, text: str) -> None:
    with pytest.raises(ValueError):
        parse_report_period(kind, text)


@pytest.mark.django_db
def test_report_periods_follow_published_values_newest_first() -> None:
    plan = report_plan()
    indicator = Indicator.objects.filter(plan=plan).first()
    assert indicator is not None
    MeasurementFactory(indicator=indicator, period="2027", status=Measurement.Status.DRAFT)

    periods = report_periods(plan)

    # build_plan publishes 2025 for most indicators and 2026-H1 for the cumulative ones; the
    # 2027 draft is not public, so it makes no report.
    assert periods == [MONITORING_2026, EVALUATION_2025]


# --- Numbers from the stored aggregates --------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("period", [EVALUATION_2025, MONITORING_2026])
def test_every_realization_equals_the_json_export_at_two_decimals(period: ReportPeriod) -> None:
    plan = report_plan()
    exported = export_figures(plan)
    year = str(period.year)

    report = build_report(plan, period)

    assert report.summary.realization == two(exported["plan"][year]["realization"])
    assert report.summary.coverage == two(exported["plan"][year]["coverage"])
    for aim in report.aims:
        assert aim.realization == two(exported["aims"][aim.code][year]["realization"])
        for objective in aim.objectives:
            figures = exported["objectives"][objective.code][year]
            assert objective.realization == two(figures["realization"])
            assert objective.coverage == two(figures["coverage"])
    assert len(report.indicators) == len(exported["indicators"]) == 12
    for line in report.indicators:
        figures = exported["indicators"][line.code][year]
        assert line.raw == two(figures["raw"]), line.code
        assert line.realization == two(figures["realization"]), line.code


@pytest.mark.django_db
def test_the_guide_example_reads_120_raw_for_the_year_and_the_half_year_value_for_monitoring() -> (
    None
):
    # ARCHITECTURE §4's worked example: A = 10, targets 20…60, values 2025 = 22, 2026-H1 = 31.
    plan, indicator = _one_indicator_plan(baseline=10)
    MeasurementFactory(indicator=indicator, period="2025", value=22)
    MeasurementFactory(indicator=indicator, period="2026-H1", value=31)
    recompute_plan(plan)

    evaluation = build_report(plan, EVALUATION_2025).indicators[0]
    monitoring = build_report(plan, MONITORING_2026).indicators[0]

    assert (evaluation.target, evaluation.value, evaluation.value_period) == (20, 22, "2025")
    assert (evaluation.raw, evaluation.realization) == (Decimal("120.00"), Decimal("100.00"))
    assert evaluation.over_achieved
    assert evaluation.status == "on_track"
    assert (monitoring.target, monitoring.value, monitoring.value_period) == (30, 31, "2026-H1")
    assert (monitoring.raw, monitoring.realization) == (Decimal("105.00"), Decimal("100.00"))
    assert monitoring.is_half_year_value


@pytest.mark.django_db
def test_a_periodic_indicator_waits_for_the_whole_year_in_a_monitoring_report() -> None:
    plan, indicator = _one_indicator_plan(kind=Indicator.Kind.PERIODIC)
    MeasurementFactory(indicator=indicator, period="2026-H1", value=25)
    recompute_plan(plan)

    line = build_report(plan, MONITORING_2026).indicators[0]

    assert line.value is None
    assert line.realization is None
    assert line.status == "not_reported"
    assert line.waits_for_whole_year


@pytest.mark.django_db
def test_the_deviation_explanation_is_the_one_of_the_value_used() -> None:
    plan = report_plan()

    lines = {line.code: line for line in build_report(plan, EVALUATION_2025).indicators}

    assert lines["1.1.1"].explanation == EXPLANATION
    assert not lines["1.1.1"].needs_explanation
    # 1.1.2 reaches 60 % of its target without a word: the report marks the gap.
    assert lines["1.1.2"].raw == Decimal("60.00")
    assert lines["1.1.2"].needs_explanation


@pytest.mark.django_db
def test_a_value_without_a_target_is_not_reported_and_flagged() -> None:
    plan, indicator = _one_indicator_plan()
    IndicatorTarget.objects.filter(indicator=indicator, year=2025).delete()
    MeasurementFactory(indicator=indicator, period="2025", value=22)
    recompute_plan(plan)

    line = build_report(plan, EVALUATION_2025).indicators[0]

    assert line.value == 22
    assert line.target is None
    assert line.missing_target
    assert line.realization is None
    assert line.status == "not_reported"


@pytest.mark.django_db
def test_summary_counts_indicators_by_status_of_the_year() -> None:
    plan = report_plan()

    summary = build_report(plan, EVALUATION_2025).summary

    statuses = {item.status: item.count for item in summary.statuses}
    assert sum(statuses.values()) == summary.indicators == 12
    assert summary.reported == 12 - statuses["not_reported"]
    assert statuses["not_reported"] >= 1  # every fifth indicator of build_plan reports nothing


# --- Activities ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_activities_carry_the_year_planned_and_actual_cost_with_totals() -> None:
    plan = report_plan()

    report = build_report(plan, EVALUATION_2025)

    objective = report.aims[0].objectives[0]
    assert [a.code for a in objective.activities] == ["1.1.F1", "1.1.F2"]
    assert objective.activities[0].cost.planned == Decimal("250000.00")
    assert objective.activities[0].cost.actual == Decimal("180000.50")
    assert objective.cost.planned == Decimal("500000.00")
    assert objective.cost.actual == Decimal("180000.50") * 2 + 1
    assert objective.cost.spent_share == Decimal("72.00")
    assert (
        report.summary.cost.planned
        == Decimal("250000.00") * Activity.objects.filter(plan=plan).count()
    )
    # 2026 has planned costs but nothing spent yet.
    later = build_report(plan, ReportPeriod(2026, ReportKind.MONITORING))
    assert later.summary.cost.actual is None
    assert later.summary.cost.spent_share is None


# --- CSO view and responsiveness --------------------------------------------------------------


@pytest.mark.django_db
def test_cso_view_says_so_when_no_organization_has_assessed_the_period() -> None:
    plan = report_plan()

    cso = build_report(plan, EVALUATION_2025).cso

    assert not cso.available
    assert "2025" in cso.note
    assert cso.lines == ()


@pytest.mark.django_db
def test_cso_view_counts_each_organizations_latest_rating_in_the_period() -> None:
    plan = report_plan()
    first, second = cast(list[Organization], OrganizationFactory.create_batch(2))
    objective = Objective.objects.get(plan=plan, code="1.1")
    indicator = Indicator.objects.get(plan=plan, code="1.1.2")
    assess(plan, organization=first, node=indicator, period="2025-H1", rating="on_track")
    assess(plan, organization=first, node=indicator, period="2025", rating="off_track")
    assess(plan, organization=second, node=objective, period="2025", rating="at_risk")
    assess(plan, organization=second, node=indicator, period="2026-H1", rating="on_track")

    evaluation = build_report(plan, EVALUATION_2025)
    monitoring = build_report(plan, MONITORING_2026)

    assert evaluation.cso.available
    assert [(line.code, line.rating, line.period) for line in evaluation.cso.lines] == [
        ("1.1", "at_risk", "2025"),
        ("1.1.2", "off_track", "2025"),  # the whole year supersedes January–June
    ]
    (summary,) = evaluation.cso.objectives
    assert (summary.code, summary.organizations, summary.assessments) == ("1.1", 2, 2)
    assert (summary.at_risk, summary.off_track) == (1, 1)
    computed = {line.code: line.computed for line in evaluation.cso.lines}
    assert computed["1.1.2"] == str(Indicator.Status.AT_RISK.label)  # 60 % computed
    assert [(line.code, line.organization) for line in monitoring.cso.lines] == [
        ("1.1.2", second.name)
    ]
    assert not monitoring.cso.lines[0].replied


@pytest.mark.django_db
def test_responsiveness_says_so_before_any_contribution() -> None:
    plan = report_plan()

    view = build_report(plan, EVALUATION_2025).responsiveness

    assert not view.available
    assert view.note
    assert view.rows == []


@pytest.mark.django_db
def test_responsiveness_shows_the_stored_figures_of_the_municipality_and_its_units() -> None:
    plan = report_plan()
    unit: Unit = UnitFactory(  # type: ignore[assignment]
        municipality=plan.municipality, name="Fen İşleri Müdürlüğü"
    )
    ResponsivenessFigure.objects.create(
        municipality=plan.municipality,
        received=8,
        answered=6,
        due=7,
        answered_within_deadline=5,
        decided=4,
        accepted=3,
        overdue=1,
        median_days_to_first_answer=Decimal("12.5"),
    )
    ResponsivenessFigure.objects.create(
        municipality=plan.municipality, unit=unit, received=3, answered=3, due=3
    )

    view = build_report(plan, EVALUATION_2025).responsiveness

    assert view.available
    total, by_unit = view.rows
    assert (total.name, total.received, total.answered) == (plan.municipality.name, 8, 6)
    assert total.share_answered == Decimal("75.00")
    assert total.share_within_deadline == Decimal("71.43")
    assert total.share_accepted == Decimal("75.00")
    assert total.median_days == Decimal("12.50")
    assert (by_unit.name, by_unit.share_answered) == ("Fen İşleri Müdürlüğü", Decimal("100.00"))


# --- Cost in queries ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_building_a_report_costs_the_same_queries_for_12_and_150_indicators() -> None:
    small = report_plan()
    large = report_plan(
        aims=5, objectives_per_aim=6, indicators_per_objective=5, activities_per_objective=3
    )
    assess(
        large,
        organization=cast(Organization, OrganizationFactory()),
        node=Indicator.objects.get(plan=large, code="2.2.2"),
        period="2025",
    )
    assert Indicator.objects.filter(plan=large).count() == 150

    counts = []
    for plan in (small, large):
        with CaptureQueriesContext(connection) as queries:
            build_report(plan, EVALUATION_2025)
        counts.append(len(queries.captured_queries))

    assert counts[0] == counts[1] == 9
    assert Assessment.objects.count() == 1
