"""Data-quality audit: one test per check, the query count, and the plan_audit command."""

from __future__ import annotations

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from ortak.organizations.tests.factories import UnitFactory
from ortak.plans import selectors, selectors_editor
from ortak.plans.models import FigureRevision, IndicatorTarget, StrategicPlan
from ortak.plans.quality import audit_plan, findings_by_node, summarise
from ortak.plans.revisions import append_revision
from ortak.plans.tests.factories import (
    ActivityFactory,
    IndicatorFactory,
    MeasurementFactory,
    ObjectiveFactory,
    PlanFactory,
    build_plan,
)

pytestmark = pytest.mark.django_db
D = Decimal
EARLY = datetime.date(2025, 3, 1)


def codes(plan, today=EARLY):
    return [(f.code, f.node_code) for f in audit_plan(plan, today=today)]


@pytest.fixture
def plan():
    return PlanFactory()


def test_a_clean_plan_has_no_findings(plan):
    IndicatorFactory(objective__aim__plan=plan, weight=D(100))
    assert codes(plan) == []
    assert summarise(audit_plan(plan, today=EARLY)).is_clean


def test_objective_without_indicators_is_an_error(plan):
    objective = ObjectiveFactory(aim__plan=plan)
    findings = audit_plan(plan, today=EARLY)
    assert [(f.code, f.severity, f.node_code) for f in findings] == [
        ("objective_without_indicators", "error", objective.code)
    ]


def test_weights_not_summing_to_100(plan):
    objective = ObjectiveFactory(aim__plan=plan)
    IndicatorFactory(objective=objective, weight=D(40))
    IndicatorFactory(objective=objective, weight=D("33.5"))
    findings = audit_plan(plan, today=EARLY)
    assert [f.code for f in findings] == ["weights_not_100"]
    assert "73,5" in findings[0].message  # in the reader's language (Turkish by default)
    with translation.override("en"):
        assert "add up to 73.5, not 100" in audit_plan(plan, today=EARLY)[0].message


def test_indicator_without_baseline(plan):
    indicator = IndicatorFactory(objective__aim__plan=plan, baseline=None)
    assert codes(plan) == [("indicator_without_baseline", indicator.code)]


def test_indicator_without_a_target_for_every_year_is_an_error(plan):
    indicator = IndicatorFactory(objective__aim__plan=plan, targets=[20, 30, 40])
    findings = audit_plan(plan, today=EARLY)
    assert [(f.code, f.is_error) for f in findings] == [("indicator_missing_targets", True)]
    assert "2028, 2029" in findings[0].message
    assert findings[0].node_id == indicator.pk


def test_overdue_measurements(plan):
    IndicatorFactory(objective__aim__plan=plan)
    StrategicPlan.objects.filter(pk=plan.pk).update(status=StrategicPlan.Status.ADOPTED)
    plan.refresh_from_db()
    findings = audit_plan(plan, today=datetime.date(2026, 2, 1))
    assert [f.code for f in findings] == ["measurement_overdue"]
    assert "2025-H1, 2025" in findings[0].message


def test_unexplained_over_achievement_and_deviation(plan):
    indicator = IndicatorFactory(objective__aim__plan=plan, baseline=D(10), targets=[20, 30] * 3)
    MeasurementFactory(indicator=indicator, period="2025", value=D(22))  # 120 %
    MeasurementFactory(indicator=indicator, period="2026-H1", value=D(15))  # 25 %
    explained = IndicatorFactory(objective__aim__plan=plan, baseline=D(10), targets=[20] * 5)
    MeasurementFactory(indicator=explained, period="2025", value=D(40), explanation="Hibe")
    within = IndicatorFactory(objective__aim__plan=plan, baseline=D(10), targets=[20] * 5)
    MeasurementFactory(indicator=within, period="2025", value=D("20.4"))
    draft = IndicatorFactory(objective__aim__plan=plan, baseline=D(10), targets=[20] * 5)
    MeasurementFactory(indicator=draft, period="2025", value=D(99), status="draft")
    found = codes(plan, today=datetime.date(2026, 1, 1))
    found = [item for item in found if item[0] != "measurement_overdue"]  # the draft-only one
    assert found == [
        ("over_achievement_unexplained", indicator.code),
        ("deviation_unexplained", indicator.code),
    ]


def test_duplicate_activity_codes_and_activities_without_unit(plan):
    indicator = IndicatorFactory(objective__aim__plan=plan)
    unit = UnitFactory(municipality=plan.municipality)
    for _ in range(2):
        ActivityFactory(objective=indicator.objective, code="F1", responsible_unit=unit)
    ActivityFactory(objective=indicator.objective, code="F2", responsible_unit=None)
    found = codes(plan)
    assert found == [("duplicate_activity_code", "F1"), ("activity_without_unit", "F2")]


def test_altered_revision_log_is_an_error(plan):
    indicator = IndicatorFactory(objective__aim__plan=plan)
    revision = append_revision(
        plan=plan,
        indicator=indicator,
        kind="target",
        old_value=D(1),
        new_value=D(2),
        reason="güncelleme",
        actor=None,
        year=2025,
    )
    assert codes(plan) == []
    FigureRevision.objects.filter(pk=revision.pk).update(reason="başka")
    assert codes(plan) == [("revision_chain_broken", "")]


def test_errors_come_first_and_findings_group_by_node(plan):
    indicator = IndicatorFactory(objective__aim__plan=plan, baseline=None, weight=D(50))
    IndicatorTarget.objects.filter(indicator=indicator, year=2029).delete()
    findings = audit_plan(plan, today=EARLY)
    assert [f.code for f in findings] == [
        "indicator_missing_targets",
        "weights_not_100",  # objective 1.1 before its indicator 1.1.1
        "indicator_without_baseline",
    ]
    grouped = findings_by_node(findings)
    assert len(grouped[("indicator", indicator.pk)]) == 2
    summary = summarise(findings)
    assert (summary.errors, summary.warnings) == (1, 2)


def test_audit_costs_seven_queries_whatever_the_plan_size(django_assert_num_queries):
    plan = build_plan(
        aims=5, objectives_per_aim=3, indicators_per_objective=10, activities_per_objective=2
    )
    with django_assert_num_queries(7):  # six reads and the revision chain's recorded head
        findings = audit_plan(plan, today=datetime.date(2027, 3, 1))
    assert findings


def test_audit_of_a_tree_the_page_has_loaded_finds_the_same_in_three_queries(
    plan, django_assert_num_queries
):
    indicator = IndicatorFactory(objective__aim__plan=plan, baseline=None, weight=D(50))
    ObjectiveFactory(aim=indicator.objective.aim, number=2, code="1.2")  # no indicator
    unit = UnitFactory(municipality=plan.municipality)
    for _ in range(2):
        ActivityFactory(objective=indicator.objective, code="F1", responsible_unit=unit)
    ActivityFactory(objective=indicator.objective, code="F2", responsible_unit=None)
    MeasurementFactory(indicator=indicator, period="2025", value=D(99))  # unexplained
    loaded = selectors.plan_by_period(
        slug=plan.municipality.slug, start_year=plan.start_year, end_year=plan.end_year
    )
    assert loaded is not None
    expected = audit_plan(loaded, today=datetime.date(2026, 3, 1))
    aims = selectors_editor.plan_tree(loaded)

    with django_assert_num_queries(3):  # targets, published values, the revision chain
        found = audit_plan(loaded, today=datetime.date(2026, 3, 1), aims=aims)

    assert found == expected
    assert {f.code for f in found} >= {
        "objective_without_indicators",
        "indicator_without_baseline",
        "weights_not_100",
        "duplicate_activity_code",
        "activity_without_unit",
        "over_achievement_unexplained",
    }


def test_plan_audit_command_prints_findings_and_exits_1_on_errors(plan):
    ObjectiveFactory(aim__plan=plan)
    out = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("plan_audit", plan.municipality.slug, "--plan", "2025-2029", stdout=out)
    assert error.value.returncode == 1
    assert "objective_without_indicators" in out.getvalue()


def test_plan_audit_command_succeeds_on_a_clean_plan(plan):
    IndicatorFactory(objective__aim__plan=plan, weight=D(100))
    out = StringIO()
    call_command("plan_audit", plan.municipality.slug, stdout=out)
    assert str(plan) in out.getvalue()


def test_plan_audit_command_rejects_unknown_municipality_or_period(plan):
    with pytest.raises(CommandError):
        call_command("plan_audit", "yok-boyle-belediye")
    with pytest.raises(CommandError):
        call_command("plan_audit", plan.municipality.slug, "--plan", "2025")


@pytest.mark.parametrize(
    "status",
    [StrategicPlan.Status.DRAFT, StrategicPlan.Status.CONSULTATION, StrategicPlan.Status.ARCHIVED],
)
def test_only_adopted_plans_have_overdue_measurements(plan, status):
    IndicatorFactory(objective__aim__plan=plan)
    StrategicPlan.objects.filter(pk=plan.pk).update(status=status)
    plan.refresh_from_db()
    findings = audit_plan(plan, today=datetime.date(2026, 2, 1))
    assert "measurement_overdue" not in [f.code for f in findings]
