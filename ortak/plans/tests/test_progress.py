"""ARCHITECTURE §4 progress rules: the worked examples verbatim, edge cases and properties."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ortak.plans.progress import (
    AggregateResult,
    DueDates,
    IndicatorFacts,
    LensResult,
    Period,
    Status,
    Thresholds,
    aggregate_mean,
    aggregate_objective,
    clamp,
    compute_indicator,
    indicator_status,
    normalised_weights,
    overdue_periods,
    parse_period,
    plan_lens,
    raw_realization,
    round_display,
    round_export,
    year_lens,
)

D = Decimal
YEARS = [2025, 2026, 2027, 2028, 2029]
EARLY = datetime.date(2025, 3, 1)  # nothing is due yet


def facts(
    baseline: str | None,
    targets: list[str],
    values: dict[str, str],
    *,
    direction: str = "increasing",
    kind: str = "cumulative",
    weight: str = "0",
    frequency: str = "six_monthly",
) -> IndicatorFacts:
    return IndicatorFacts(
        baseline=None if baseline is None else D(baseline),
        targets={year: D(t) for year, t in zip(YEARS, targets, strict=False)},
        values={period: D(v) for period, v in values.items()},
        direction=direction,
        kind=kind,
        weight=D(weight),
        monitoring_frequency=frequency,
    )


def result(raw: str | None, *, value: str = "1") -> LensResult:
    return LensResult(
        target=D(1), value=D(value), period=Period(2025), raw=None if raw is None else D(raw)
    )


# --- The worked examples of ARCHITECTURE §4, verbatim ---------------------------------------


@pytest.fixture
def increasing_cumulative() -> IndicatorFacts:
    return facts("10", ["20", "30", "40", "50", "60"], {"2025": "22", "2026-H1": "31"})


def test_worked_example_increasing_year_lens_2025_is_120_raw_100_clamped(
    increasing_cumulative: IndicatorFacts,
) -> None:
    lens = year_lens(increasing_cumulative, 2025)
    assert lens.raw == D(120)
    assert lens.clamped == D(100)
    assert lens.over_achieved


def test_worked_example_increasing_year_lens_2026_uses_the_half_year_value(
    increasing_cumulative: IndicatorFacts,
) -> None:
    lens = year_lens(increasing_cumulative, 2026)
    assert lens.period == Period(2026, is_full_year=False)
    assert lens.raw == D(105)
    assert lens.clamped == D(100)


def test_worked_example_increasing_plan_lens_is_42(increasing_cumulative: IndicatorFacts) -> None:
    lens = plan_lens(increasing_cumulative, YEARS)
    assert lens.target == D(60)
    assert lens.value == D(31)
    assert lens.raw == D(42)
    assert not lens.over_achieved


def test_worked_example_decreasing_year_lens_2025_is_60() -> None:
    decreasing = facts("30", ["25", "20", "15", "12", "10"], {"2025": "27"}, direction="decreasing")
    assert year_lens(decreasing, 2025).raw == D(60)


# --- Rule 1: the formula and the "keep at" indicator (B = A) --------------------------------


def test_raw_realization_can_be_negative_when_moving_away_from_the_target() -> None:
    assert raw_realization(baseline=D(10), target=D(20), value=D(5), direction="increasing") == D(
        -50
    )


def test_same_formula_serves_decreasing_indicators() -> None:
    assert raw_realization(baseline=D(30), target=D(10), value=D(10), direction="decreasing") == D(
        100
    )
    assert raw_realization(baseline=D(30), target=D(10), value=D(35), direction="decreasing") == D(
        -25
    )


@pytest.mark.parametrize(
    ("direction", "target", "value", "expected"),
    [
        # at least as good as the target → 100
        ("increasing", "50", "50", "100"),
        ("increasing", "50", "70", "100"),
        ("decreasing", "50", "50", "100"),
        ("decreasing", "50", "30", "100"),
        # worse: 100·C/B (increasing), 100·B/C (decreasing)
        ("increasing", "50", "40", "80"),
        ("decreasing", "50", "62.5", "80"),
        # division by zero → 0
        ("increasing", "0", "-5", "0"),
        ("decreasing", "-5", "0", "0"),
    ],
)
def test_keep_at_indicator_when_target_equals_baseline(
    direction: str, target: str, value: str, expected: str
) -> None:
    raw = raw_realization(baseline=D(target), target=D(target), value=D(value), direction=direction)
    assert raw == D(expected)


def test_keep_at_zero_with_zero_value_is_met_in_both_directions() -> None:
    for direction in ("increasing", "decreasing"):
        assert raw_realization(baseline=D(0), target=D(0), value=D(0), direction=direction) == 100


def test_missing_baseline_reads_as_zero() -> None:
    new_service = facts(None, ["10", "20", "30", "40", "50"], {"2025": "5"})
    assert year_lens(new_service, 2025).raw == D(50)


# --- Rule 2: which value C is ------------------------------------------------------------


def test_periodic_indicator_ignores_half_year_values_in_both_lenses() -> None:
    flow = facts("0", ["100"] * 5, {"2025": "90", "2026-H1": "60"}, kind="periodic")
    assert year_lens(flow, 2026).reported is False
    plan = plan_lens(flow, YEARS)
    assert plan.period == Period(2025)
    assert plan.raw == D(90)


def test_cumulative_year_value_wins_over_its_half_year_value() -> None:
    stock = facts("0", ["100"] * 5, {"2025-H1": "40", "2025": "80"})
    assert year_lens(stock, 2025).value == D(80)
    assert plan_lens(stock, YEARS).period == Period(2025)


def test_values_outside_the_plan_years_are_ignored() -> None:
    stock = facts("0", ["100"] * 5, {"2024": "50", "2031": "99"})
    assert plan_lens(stock, YEARS).reported is False


# --- Rule 3–5: lenses, missing data -------------------------------------------------------


def test_year_lens_without_a_target_for_that_year_is_not_reported() -> None:
    partial = facts("0", ["10"], {"2026": "8"})
    lens = year_lens(partial, 2026)
    assert not lens.reported
    assert lens.missing_target
    assert lens.contribution == 0


def test_plan_lens_compares_with_the_last_plan_year_target_only() -> None:
    no_final = facts("0", ["10", "20", "30", "40"], {"2025": "10"})
    lens = plan_lens(no_final, YEARS)
    assert lens.missing_target and lens.raw is None


def test_not_reported_indicator_counts_zero_and_lowers_coverage() -> None:
    reported = result("80")
    missing = LensResult(target=D(1), value=None, period=None, raw=None)
    objective = aggregate_objective([(D(50), reported), (D(50), missing)])
    assert objective.value == D(40)
    assert objective.coverage == D(50)


# --- Rule 6: aggregation --------------------------------------------------------------------


def test_objective_is_the_weighted_mean_of_clamped_values() -> None:
    objective = aggregate_objective([(D(70), result("120")), (D(30), result("50"))])
    assert objective.value == D(85)  # 0.7·100 + 0.3·50
    assert objective.coverage == D(100)


def test_weights_not_summing_to_100_are_normalised() -> None:
    objective = aggregate_objective([(D(20), result("100")), (D(20), result("0"))])
    assert objective.value == D(50)


def test_all_zero_weights_mean_equal_weights() -> None:
    objective = aggregate_objective([(D(0), result("90")), (D(0), result("30"))])
    assert objective.value == D(60)
    assert normalised_weights([]) == []


def test_objective_with_nothing_reported_has_no_realization_but_counts_zero_upwards() -> None:
    missing = LensResult(target=D(1), value=None, period=None, raw=None)
    objective = aggregate_objective([(D(100), missing)])
    assert objective.realization is None
    assert objective.value == 0
    aim = aggregate_mean([objective, aggregate_objective([(D(1), result("100"))])])
    assert aim.value == D(50)
    assert aim.coverage == D(50)


def test_objective_without_indicators_is_left_out_of_the_aim_mean() -> None:
    empty = aggregate_objective([])
    assert empty.is_empty and empty.realization is None and empty.coverage is None
    full = aggregate_objective([(D(1), result("80"))])
    assert aggregate_mean([empty, full]).value == D(80)
    assert aggregate_mean([empty]).is_empty


def test_aim_and_plan_are_plain_means() -> None:
    objectives = [AggregateResult(value=D(v), coverage=D(100), parts=1) for v in ("90", "60")]
    aim_a = aggregate_mean(objectives)
    aim_b = aggregate_mean([AggregateResult(value=D(30), coverage=D(50), parts=1)])
    plan = aggregate_mean([aim_a, aim_b])
    assert aim_a.value == D(75)
    assert plan.value == D("52.5")
    assert plan.coverage == D(75)


# --- Rule 7: status ---------------------------------------------------------------------------


def test_status_bands_follow_the_thresholds() -> None:
    bands = Thresholds()
    assert bands.band(D(90)) == Status.ON_TRACK
    assert bands.band(D("89.99")) == Status.AT_RISK
    assert bands.band(D(60)) == Status.AT_RISK
    assert bands.band(D("59.99")) == Status.OFF_TRACK


def test_thresholds_come_from_settings(settings: object) -> None:
    settings.ORTAK_STATUS_ON_TRACK = 80  # type: ignore[attr-defined]
    settings.ORTAK_STATUS_AT_RISK = 50  # type: ignore[attr-defined]
    assert Thresholds.from_settings() == Thresholds(on_track=D(80), at_risk=D(50))


def test_status_is_the_band_of_the_latest_year_with_a_value() -> None:
    stock = facts("0", ["10", "20", "30", "40", "50"], {"2025": "10", "2026": "12"})
    today = datetime.date(2027, 1, 15)
    assert year_lens(stock, 2025).raw == D(100)
    assert year_lens(stock, 2026).raw == D(60)
    assert indicator_status(stock, YEARS, today=today) == Status.AT_RISK


def test_status_at_risk_and_on_track() -> None:
    today = datetime.date(2026, 1, 15)
    assert (
        indicator_status(facts("0", ["10"], {"2025-H1": "3", "2025": "7"}), YEARS, today=today)
        == Status.AT_RISK
    )
    assert (
        indicator_status(facts("0", ["10"], {"2025-H1": "3", "2025": "9"}), YEARS, today=today)
        == Status.ON_TRACK
    )


def test_status_not_reported_without_any_value_before_anything_is_due() -> None:
    assert indicator_status(facts("0", ["10"], {}), YEARS, today=EARLY) == Status.NOT_REPORTED


def test_status_overdue_when_a_due_period_has_no_value() -> None:
    stock = facts("0", ["10"], {})
    assert indicator_status(stock, YEARS, today=datetime.date(2025, 7, 31)) == Status.NOT_REPORTED
    assert indicator_status(stock, YEARS, today=datetime.date(2025, 8, 1)) == Status.OVERDUE


def test_year_value_satisfies_its_half_year_period() -> None:
    stock = facts("0", ["10"], {"2025": "10"})
    assert overdue_periods(stock, YEARS, today=datetime.date(2026, 2, 1)) == []
    assert overdue_periods(stock, YEARS, today=datetime.date(2026, 8, 1)) == [Period(2026, False)]


def test_yearly_indicator_is_due_once_a_year_on_31_january() -> None:
    stock = facts("0", ["10"], {}, frequency="yearly")
    assert overdue_periods(stock, YEARS, today=datetime.date(2025, 12, 31)) == []
    assert overdue_periods(stock, YEARS, today=datetime.date(2026, 1, 31)) == []
    assert overdue_periods(stock, YEARS, today=datetime.date(2026, 2, 1)) == [Period(2025)]


def test_due_dates_are_parameters() -> None:
    late = DueDates(half_year_month=9, half_year_day=30, full_year_month=3, full_year_day=31)
    stock = facts("0", ["10"], {})
    assert overdue_periods(stock, YEARS, today=datetime.date(2025, 9, 30), due_dates=late) == []
    assert late.due(Period(2025)) == datetime.date(2026, 3, 31)


def test_compute_indicator_gathers_lenses_status_and_latest_value(
    increasing_cumulative: IndicatorFacts,
) -> None:
    progress = compute_indicator(increasing_cumulative, YEARS, today=datetime.date(2026, 7, 1))
    assert progress.plan.raw == D(42)
    assert progress.by_year[2025].raw == D(120)
    assert progress.by_year[2027].reported is False
    assert progress.latest_period == Period(2026, False)
    assert progress.latest_value == D(31)
    assert progress.status == Status.ON_TRACK


# --- Periods and rounding ----------------------------------------------------------------------


def test_parse_period() -> None:
    assert parse_period("2026-H1") == Period(2026, is_full_year=False)
    assert parse_period(" 2026 ") == Period(2026)
    assert parse_period("2026-h1").is_half_year
    assert str(Period(2026, False)) == "2026-H1"
    assert Period(2026, False) < Period(2026) < Period(2027, False)
    for bad in ("2026-H2", "26", "2026/1", ""):
        with pytest.raises(ValueError):
            parse_period(bad)


def test_rounding_for_exports_and_pages_is_half_up() -> None:
    assert round_export(D("41.995")) == D("42.00")
    assert round_export(D("41.994")) == D("41.99")
    assert round_display(D("42.5")) == D(43)
    assert round_display(None) is None and round_export(None) is None


# --- Properties --------------------------------------------------------------------------------

numbers = st.decimals(
    min_value=-10_000, max_value=10_000, places=3, allow_nan=False, allow_infinity=False
)
positive = st.decimals(min_value="0.001", max_value=1000, places=3)
directions = st.sampled_from(["increasing", "decreasing"])
raws = st.decimals(min_value=-500, max_value=500, places=4)
weights = st.decimals(min_value=0, max_value=100, places=3)


@given(a=numbers, b=numbers, c=numbers, direction=directions)
def test_property_mirroring_baseline_target_and_value_keeps_r(
    a: Decimal, b: Decimal, c: Decimal, direction: str
) -> None:
    assume(a != b)
    mirrored = "decreasing" if direction == "increasing" else "increasing"
    assert raw_realization(baseline=a, target=b, value=c, direction=direction) == raw_realization(
        baseline=-a, target=-b, value=-c, direction=mirrored
    )


@given(b=numbers, c=numbers, direction=directions)
def test_property_keep_at_good_side_is_100_in_both_directions(
    b: Decimal, c: Decimal, direction: str
) -> None:
    good = c >= b if direction == "increasing" else c <= b
    assume(good)
    assert raw_realization(baseline=b, target=b, value=c, direction=direction) == 100


@given(a=numbers, b=numbers, c=numbers, direction=directions)
def test_property_clamped_value_lies_within_0_and_100(
    a: Decimal, b: Decimal, c: Decimal, direction: str
) -> None:
    raw = raw_realization(baseline=a, target=b, value=c, direction=direction)
    assert 0 <= clamp(raw) <= 100
    assert clamp(raw) == raw or raw < 0 or raw > 100


@given(a=numbers, b=numbers, c=numbers, k=positive, direction=directions)
def test_property_scale_invariance(
    a: Decimal, b: Decimal, c: Decimal, k: Decimal, direction: str
) -> None:
    r = raw_realization(baseline=a, target=b, value=c, direction=direction)
    scaled = raw_realization(baseline=a * k, target=b * k, value=c * k, direction=direction)
    assert abs(r - scaled) <= abs(r) * D("1e-20") + D("1e-20")


@given(parts=st.lists(st.tuples(weights, raws), min_size=1, max_size=12), k=positive)
def test_property_scaling_all_weights_keeps_the_objective(
    parts: list[tuple[Decimal, Decimal]], k: Decimal
) -> None:
    base = aggregate_objective([(w, result(str(r))) for w, r in parts])
    scaled = aggregate_objective([(w * k, result(str(r))) for w, r in parts])
    assert base.value is not None and scaled.value is not None
    assert abs(base.value - scaled.value) < D("1e-18")


@given(
    parts=st.lists(st.tuples(weights, st.one_of(st.none(), raws)), min_size=1, max_size=12),
)
def test_property_objective_lies_between_its_smallest_and_largest_contribution(
    parts: list[tuple[Decimal, Decimal | None]],
) -> None:
    results = [(w, result(None if r is None else str(r))) for w, r in parts]
    objective = aggregate_objective(results)
    contributions = [r.contribution for _, r in results]
    assert objective.value is not None and objective.coverage is not None
    tolerance = D("1e-18")
    assert min(contributions) - tolerance <= objective.value <= max(contributions) + tolerance
    assert 0 <= objective.coverage <= 100 + tolerance


@given(
    values=st.lists(
        st.tuples(st.decimals(min_value=0, max_value=100, places=4), st.integers(0, 100)),
        min_size=1,
        max_size=10,
    )
)
def test_property_means_stay_within_bounds(values: list[tuple[Decimal, int]]) -> None:
    parts = [AggregateResult(value=v, coverage=D(c), parts=1) for v, c in values]
    mean = aggregate_mean(parts)
    assert mean.value is not None and mean.coverage is not None
    assert min(v for v, _ in values) <= mean.value <= max(v for v, _ in values)
    assert 0 <= mean.coverage <= 100
