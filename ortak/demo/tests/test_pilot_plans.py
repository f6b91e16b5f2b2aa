"""The pilots' demo plans: sizes, determinism, values, planted problems, revisions, loading."""

from __future__ import annotations

import datetime
from collections import Counter
from decimal import Decimal

import pytest

from ortak.demo.context import DemoContext
from ortak.demo.plans import step as plans_step
from ortak.demo.plans.content import PROFILES, PROFILES_BY_SLUG
from ortak.demo.plans.drafts import PLANTED_CHECKS, PlanDraft
from ortak.demo.plans.figures import PERIODS, UNEXPLAINED
from ortak.demo.plans.generator import build_plan
from ortak.demo.plans.step import PILOT_SLUGS, load_pilot_plans, load_plans
from ortak.organizations.models import Municipality, Unit
from ortak.plans import progress
from ortak.plans.models import (
    Activity,
    ActivityCost,
    Aim,
    FigureRevision,
    Indicator,
    IndicatorTarget,
    Measurement,
    Objective,
    PlanRevision,
    StrategicPlan,
    TargetRevision,
)
from ortak.plans.quality import audit_plan
from ortak.plans.revisions import verify_chain

STRUCTURAL_CHECKS = set(PLANTED_CHECKS.values())


@pytest.fixture(scope="module")
def drafts() -> dict[str, PlanDraft]:
    return {profile.slug: build_plan(profile) for profile in PROFILES}


def _load(*slugs: str, reset: bool = False) -> list[StrategicPlan]:
    lines: list[str] = []
    return load_pilot_plans(lines.append, reset=reset, only=set(slugs))


def _tree_counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            StrategicPlan,
            Aim,
            Objective,
            Indicator,
            IndicatorTarget,
            Measurement,
            Activity,
            ActivityCost,
            PlanRevision,
            FigureRevision,
            Unit,
        )
    }


# --- The drafts (no database) ---------------------------------------------------------------


def test_every_pilot_plan_has_six_to_nine_aims_of_three_to_five_objectives(
    drafts: dict[str, PlanDraft],
) -> None:
    for slug, draft in drafts.items():
        assert 6 <= len(draft.aims) <= 9, slug
        for aim in draft.aims:
            assert 3 <= len(aim.objectives) <= 5, (slug, aim.code)


def test_every_objective_has_two_to_five_indicators_except_the_one_planted_without(
    drafts: dict[str, PlanDraft],
) -> None:
    for slug, draft in drafts.items():
        empty = {p.code for p in draft.planted if p.problem == "objective_without_indicators"}
        for objective in draft.objectives:
            if objective.code in empty:
                assert objective.indicators == ()
            else:
                assert 2 <= len(objective.indicators) <= 5, (slug, objective.code)


def test_every_objective_has_costed_activities_and_a_matching_cost_estimate(
    drafts: dict[str, PlanDraft],
) -> None:
    for slug, draft in drafts.items():
        for objective in draft.objectives:
            assert objective.activities, (slug, objective.code)
            planned = [p for a in objective.activities for _, p, _ in a.costs]
            assert all(p > 0 for p in planned)
            assert objective.cost_estimate == sum(planned)


def test_bigger_municipalities_plan_bigger_budgets(drafts: dict[str, PlanDraft]) -> None:
    def total(slug: str) -> Decimal:
        return sum((o.cost_estimate for o in drafts[slug].objectives), Decimal(0))

    assert total("adana-buyuksehir") > total("maltepe") > total("sinop")


def test_indicators_have_a_baseline_five_rising_or_falling_targets_and_weights_of_100(
    drafts: dict[str, PlanDraft],
) -> None:
    for slug, draft in drafts.items():
        planted = {p.code for p in draft.planted}
        for objective in draft.objectives:
            if objective.indicators and objective.code not in planted:
                assert sum(i.weight for i in objective.indicators) == 100, (slug, objective.code)
            for indicator in objective.indicators:
                years = [year for year, _ in indicator.targets]
                if indicator.code in planted:
                    assert years == [2025, 2026, 2027, 2028]
                    continue
                assert years == [2025, 2026, 2027, 2028, 2029]
                final = indicator.targets[-1][1]
                if indicator.direction == "increasing":
                    assert final > indicator.baseline, (slug, indicator.code)
                else:
                    assert final < indicator.baseline, (slug, indicator.code)
                if indicator.unit_of_measure == "%":
                    assert all(0 <= value <= 100 for _, value in indicator.targets)


def test_the_generator_gives_the_same_plan_every_time_and_a_different_one_per_pilot(
    drafts: dict[str, PlanDraft],
) -> None:
    for profile in PROFILES:
        assert build_plan(profile) == drafts[profile.slug]
    assert drafts["maltepe"].aims != drafts["karsiyaka"].aims


def test_adopted_plans_report_2025_h1_2025_and_2026_h1_and_the_others_nothing(
    drafts: dict[str, PlanDraft],
) -> None:
    for slug, draft in drafts.items():
        periods = {m.period for i in draft.indicators for m in i.measurements}
        if PROFILES_BY_SLUG[slug].status == "adopted":
            assert periods == set(PERIODS), slug
        else:
            assert periods == set(), slug
    assert {p.status for p in PROFILES} == {"adopted", "consultation", "draft"}


def test_values_are_mostly_on_track_with_some_at_risk_off_track_over_and_missing(
    drafts: dict[str, PlanDraft],
) -> None:
    outcomes = Counter(
        i.outcome
        for slug, draft in drafts.items()
        if PROFILES_BY_SLUG[slug].status == "adopted"
        for i in draft.indicators
    )
    total = sum(outcomes.values())
    assert outcomes["on_track"] > total / 2
    for outcome in ("at_risk", "off_track", "over", "over_unexplained", "overdue", "silent"):
        assert outcomes[outcome] > 0, outcome


def test_deviations_outside_95_to_105_percent_are_explained_unless_left_out_on_purpose(
    drafts: dict[str, PlanDraft],
) -> None:
    unexplained_on_purpose = 0
    for draft in drafts.values():
        for indicator in draft.indicators:
            targets = dict(indicator.targets)
            for m in indicator.measurements:
                if m.is_half_year and indicator.kind == "periodic":
                    continue  # not usable (ARCHITECTURE §4 rule 2), so not checked
                raw = progress.raw_realization(
                    baseline=indicator.baseline,
                    target=targets[m.year],
                    value=m.value,
                    direction=indicator.direction,
                )
                outside = not Decimal(95) <= raw <= Decimal(105)
                if indicator.outcome in UNEXPLAINED:
                    assert m.explanation == ""
                    unexplained_on_purpose += outside
                else:
                    assert bool(m.explanation) == outside, (indicator.code, m.period, raw)
    assert unexplained_on_purpose > 0


def test_two_or_three_plans_carry_planted_problems_covering_every_kind(
    drafts: dict[str, PlanDraft],
) -> None:
    planted = {slug: d.planted for slug, d in drafts.items() if d.planted}
    assert 2 <= len(planted) <= 3
    assert {p.problem for problems in planted.values() for p in problems} == set(PLANTED_CHECKS)


def test_plan_texts_and_council_decisions_are_filled_in(drafts: dict[str, PlanDraft]) -> None:
    for slug, draft in drafts.items():
        assert draft.mission and draft.vision and draft.core_values
        if draft.status == "adopted":
            assert draft.council_decision_date is not None
            assert (
                datetime.date(2024, 9, 1)
                <= draft.council_decision_date
                <= datetime.date(2025, 3, 31)
            )
            assert draft.council_decision_number.startswith(str(draft.council_decision_date.year))
            assert draft.published_at is not None
        elif draft.status == "draft":
            assert draft.published_at is None, slug


# --- Loading (database) ---------------------------------------------------------------------


@pytest.mark.django_db
def test_every_pilot_municipality_is_in_the_reference_data() -> None:
    pilots = dict(Municipality.objects.filter(is_pilot=True).values_list("slug", "kind"))
    assert set(PILOT_SLUGS) <= set(pilots)
    for profile in PROFILES:
        assert pilots[profile.slug] == profile.kind


@pytest.mark.django_db
def test_loading_writes_the_tree_of_the_draft(drafts: dict[str, PlanDraft]) -> None:
    (plan,) = _load("karsiyaka")
    draft = drafts["karsiyaka"]
    assert plan.title == "Karşıyaka Belediyesi 2025-2029 Stratejik Planı"
    assert plan.status == StrategicPlan.Status.ADOPTED
    assert plan.aims.count() == len(draft.aims)
    assert plan.objectives.count() == len(list(draft.objectives))
    assert plan.indicators.count() == len(list(draft.indicators))
    assert plan.activities.count() == len(list(draft.activities))
    assert Measurement.objects.filter(indicator__plan=plan).count() == sum(
        len(i.measurements) for i in draft.indicators
    )
    objective = plan.objectives.get(code="1.1")
    assert objective.responsible_unit is not None
    assert objective.risks and objective.strategies and objective.findings and objective.needs
    assert objective.cost_estimate == draft.aims[0].objectives[0].cost_estimate


@pytest.mark.django_db
def test_loaded_plans_have_their_figures_computed() -> None:
    (plan,) = _load("maltepe")
    plan.refresh_from_db()
    assert plan.realization is not None
    assert Decimal(0) < plan.realization < Decimal(100)
    assert plan.coverage is not None and plan.coverage > Decimal(80)
    statuses = Counter(plan.indicators.values_list("status", flat=True))
    assert statuses[Indicator.Status.ON_TRACK] > sum(statuses.values()) / 2
    assert statuses[Indicator.Status.AT_RISK] and statuses[Indicator.Status.OFF_TRACK]
    assert statuses[Indicator.Status.OVERDUE]
    assert not plan.aims.filter(realization__isnull=True).exists()


@pytest.mark.django_db
def test_loading_twice_duplicates_nothing() -> None:
    _load("sinop", "kars")
    first = _tree_counts()
    assert _load("sinop", "kars") == []
    assert _tree_counts() == first


@pytest.mark.django_db
def test_reset_replaces_the_plan_with_the_same_content() -> None:
    (before,) = _load("yalova")
    counts = _tree_counts()
    codes = list(Indicator.objects.filter(plan=before).values_list("code", "baseline"))
    (after,) = _load("yalova", reset=True)
    assert after.pk != before.pk
    assert not StrategicPlan.objects.filter(pk=before.pk).exists()
    assert _tree_counts() == counts
    assert list(Indicator.objects.filter(plan=after).values_list("code", "baseline")) == codes


@pytest.mark.django_db
def test_the_audit_finds_every_planted_problem(drafts: dict[str, PlanDraft]) -> None:
    slugs = [slug for slug, draft in drafts.items() if draft.planted]
    for plan in _load(*slugs):
        found = {(f.code, f.node_code) for f in audit_plan(plan)}
        for planted in drafts[plan.municipality.slug].planted:
            assert (PLANTED_CHECKS[planted.problem], planted.code) in found, planted


@pytest.mark.django_db
def test_plans_without_planted_problems_have_no_structural_findings() -> None:
    for plan in _load("maltepe", "kars", "sinop"):
        assert not {f.code for f in audit_plan(plan)} & STRUCTURAL_CHECKS


@pytest.mark.django_db
def test_the_mid_term_update_revises_targets_in_a_verifiable_chain(
    drafts: dict[str, PlanDraft],
) -> None:
    (plan,) = _load("maltepe")
    revision = PlanRevision.objects.get(plan=plan)
    assert revision.date == datetime.date(2026, 6, 15)
    assert revision.council_decision_number == "2026/112"
    update = drafts["maltepe"].revision
    assert update is not None
    changes = update.changes
    assert len(changes) >= 3
    assert TargetRevision.objects.filter(plan=plan, plan_revision=revision).count() == len(changes)
    for change in changes:
        assert change.year is not None and change.year >= 2027
        target = IndicatorTarget.objects.get(
            indicator__plan=plan, indicator__code=change.indicator_code, year=change.year
        )
        assert target.value == change.new != change.old
        assert "Meclis kararı 2026/112" in change.reason
    assert verify_chain(plan) == []


@pytest.mark.django_db
def test_corrected_values_are_measurement_revisions_holding_the_final_value(
    drafts: dict[str, PlanDraft],
) -> None:
    (plan,) = _load("adana-buyuksehir")
    revisions = FigureRevision.objects.filter(plan=plan, kind=FigureRevision.Kind.MEASUREMENT)
    assert revisions.count() == len(drafts["adana-buyuksehir"].corrections) > 0
    for revision in revisions:
        measurement = Measurement.objects.get(indicator=revision.indicator, period="2025")
        assert measurement.value == revision.new_value != revision.old_value
    assert verify_chain(plan) == []


@pytest.mark.django_db
def test_existing_units_are_reused_and_missing_ones_created_once() -> None:
    yenimahalle = Municipality.objects.get(slug="yenimahalle")
    parks = Unit.objects.create(
        municipality=yenimahalle, name="Park ve Bahçeler Müdürlüğü", slug="park-ve-bahceler"
    )
    _load("yenimahalle")
    names = Counter(Unit.objects.filter(municipality=yenimahalle).values_list("name", flat=True))
    assert max(names.values()) == 1
    assert Objective.objects.filter(plan__municipality=yenimahalle, responsible_unit=parks).exists()
    strategy = Unit.objects.get(municipality=yenimahalle, is_strategy_unit=True)
    assert strategy.name == "Strateji Geliştirme Müdürlüğü"


@pytest.mark.django_db
def test_a_missing_pilot_is_reported_and_skipped() -> None:
    Municipality.objects.filter(slug="sinop").update(slug="sinop-eski")
    lines: list[str] = []
    assert load_pilot_plans(lines.append, only={"sinop"}) == []
    assert any("sinop" in line and "skipped" in line for line in lines)


@pytest.mark.django_db
def test_the_demo_step_loads_the_plans_and_resets_on_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(plans_step, "PROFILES", (PROFILES_BY_SLUG["kars"],))
    lines: list[str] = []
    context = DemoContext(out=lines.append)
    load_plans(context)
    plan = StrategicPlan.objects.get(municipality__slug="kars")
    load_plans(context)
    assert StrategicPlan.objects.get(municipality__slug="kars").pk == plan.pk
    context.objects["reset_plans"] = True
    load_plans(context)
    assert StrategicPlan.objects.get(municipality__slug="kars").pk != plan.pk
    assert any("1 pilot plan(s) written" in line for line in lines)
