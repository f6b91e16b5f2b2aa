"""Figures of the demo plans: baselines, yearly targets, measured values and costs.

All randomness comes from the ``random.Random`` passed in (seeded by the municipality's slug), so
a pilot's figures are the same on every run. Measured values are drawn from a performance class
per indicator (``OUTCOMES``) and get a deviation explanation exactly where the measurement service
would demand one (outside 95–105 % of the year's target), except for the classes that leave it
out on purpose so that the audit has something to show.
"""

from __future__ import annotations

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from ortak.demo.plans.content import explanations
from ortak.demo.plans.content.types import REFERENCE_POPULATION, IndicatorSpec, MunicipalityKind
from ortak.demo.plans.drafts import MeasurementDraft
from ortak.plans.progress import raw_realization

YEARS = (2025, 2026, 2027, 2028, 2029)
BASELINE_YEAR = 2024
# The periods reported so far in the demo's story (it is told from late 2026).
PERIODS = ("2025-H1", "2025", "2026-H1")
ISTANBUL = ZoneInfo("Europe/Istanbul")

# Units of measure whose half-year value is a level or a rate, not half a yearly flow.
RATE_UNITS = frozenset(
    {"%", "Gün", "Dakika", "Saat", "Gece", "Kişi/gün", "Öğün/gün", "Km/saat", "µg/m³", "Yıl"}
    | {"Kg/kişi-gün", "Litre/kişi-gün", "kWh/m²", "m²/kişi"}
)

# Performance classes of an indicator and how often they occur.
OUTCOMES: dict[str, float] = {
    "on_track": 0.55,
    "at_risk": 0.14,
    "off_track": 0.08,
    "over": 0.06,
    "over_unexplained": 0.03,
    "short_unexplained": 0.03,
    "overdue": 0.05,  # the latest due period has no value
    "silent": 0.03,  # nothing reported at all
    "unpublished": 0.03,  # the 2026-H1 value is submitted but not yet published
}
# Realization (as a share of the way from baseline to target) drawn for each class.
_RANGES: dict[str, tuple[float, float]] = {
    "on_track": (0.95, 1.05),
    "at_risk": (0.62, 0.88),
    "off_track": (0.15, 0.55),
    "over": (1.15, 1.6),
    "over_unexplained": (1.15, 1.5),
    "short_unexplained": (0.65, 0.85),
    "overdue": (0.9, 1.02),
    "silent": (0.0, 0.0),
    "unpublished": (0.93, 1.03),
}
UNEXPLAINED = frozenset({"over_unexplained", "short_unexplained"})

# Shapes of the yearly targets: the share of the way from baseline to the 2029 target.
_SHAPES = (
    (0.2, 0.4, 0.6, 0.8, 1.0),
    (0.2, 0.4, 0.6, 0.8, 1.0),
    (0.3, 0.5, 0.7, 0.85, 1.0),  # front-loaded
    (0.1, 0.25, 0.45, 0.7, 1.0),  # back-loaded (large investments)
)
# Metropolitan municipalities spend more per inhabitant; provincial ones also run water services.
_KIND_COST_FACTOR: dict[str, float] = {
    "metropolitan": 1.25,
    "provincial": 1.1,
    "metropolitan_district": 1.0,
}
_INFLATION = 1.12  # nominal yearly growth of planned costs


def quantize(value: Decimal | float, decimals: int) -> Decimal:
    exponent = Decimal(1).scaleb(-decimals)
    return Decimal(str(value)).quantize(exponent, rounding=ROUND_HALF_UP)


def nice(value: float, decimals: int) -> Decimal:
    """A planner's round figure: three significant digits above 1,000, else the unit's decimals."""
    if decimals == 0 and abs(value) >= 1000:
        digits = len(str(int(abs(value)))) - 3
        return Decimal(round(value, -digits))
    return quantize(value, decimals)


def population_scale(population: int) -> float:
    return population / REFERENCE_POPULATION


def cost_scale(population: int, kind: MunicipalityKind) -> float:
    return max(0.08, population_scale(population) * _KIND_COST_FACTOR[kind])


def _step(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def baseline_and_end(
    spec: IndicatorSpec, scale: float, rng: random.Random
) -> tuple[Decimal, Decimal]:
    """The baseline (2024) and the 2029 target, jittered, scaled and kept sensible."""
    factor = scale if spec.scaled else 1.0
    baseline = nice(spec.baseline * factor * rng.uniform(0.9, 1.1), spec.decimals)
    end = nice(spec.target * factor * rng.uniform(0.93, 1.07), spec.decimals)
    if spec.unit == "%":
        baseline, end = min(baseline, Decimal(100)), min(end, Decimal(100))
    step = _step(spec.decimals)
    if spec.direction == "increasing" and end <= baseline:
        end = baseline + max(step, quantize(abs(baseline) * Decimal("0.1"), spec.decimals))
        if spec.unit == "%" and end > 100:
            baseline, end = Decimal(100) - step * 5, Decimal(100)
    if spec.direction == "decreasing" and end >= baseline:
        end = max(
            Decimal(0), baseline - max(step, quantize(baseline * Decimal("0.1"), spec.decimals))
        )
    return baseline, end


def yearly_targets(
    baseline: Decimal, end: Decimal, decimals: int, rng: random.Random
) -> tuple[tuple[int, Decimal], ...]:
    shape = rng.choice(_SHAPES)
    targets = []
    for year, share in zip(YEARS, shape, strict=True):
        value = end if share == 1.0 else baseline + (end - baseline) * Decimal(str(share))
        targets.append((year, nice(float(value), decimals)))
    return tuple(targets)


def draw_outcome(rng: random.Random) -> str:
    return rng.choices(list(OUTCOMES), weights=list(OUTCOMES.values()))[0]


def _reported_at(period: str, rng: random.Random, *, late: bool = False) -> datetime.datetime:
    year = int(period[:4])
    if period.endswith("-H1"):
        month, day = (9, rng.randint(2, 20)) if late else (7, rng.randint(6, 28))
        return datetime.datetime(
            year, month, day, rng.randint(9, 17), rng.randint(0, 59), tzinfo=ISTANBUL
        )
    return datetime.datetime(
        year + 1,
        rng.choice((1, 2)),
        rng.randint(5, 27),
        rng.randint(9, 17),
        rng.randint(0, 59),
        tzinfo=ISTANBUL,
    )


def _explanation(raw: Decimal, period: str, rng: random.Random) -> str:
    """The explanation the measurement service would require (outside 95–105 %)."""
    if raw > 105:
        return rng.choice(explanations.OVER)
    if raw >= 95:
        return ""
    if period.endswith("-H1"):
        return rng.choice(explanations.MIDYEAR)
    if raw >= 85:
        return rng.choice(explanations.NEAR_MISS)
    return rng.choice(explanations.SHORTFALL)


def _bounded(value: Decimal, unit: str, decimals: int) -> Decimal:
    value = max(Decimal(0), value)
    if unit == "%":
        value = min(Decimal(100), value)
    return quantize(value, decimals)


def measurements(
    *,
    baseline: Decimal,
    targets: dict[int, Decimal],
    spec: IndicatorSpec,
    outcome: str,
    rng: random.Random,
) -> tuple[MeasurementDraft, ...]:
    """Values for 2025-H1, 2025 and 2026-H1 (yearly indicators: 2025 only)."""
    if outcome == "silent":
        return ()
    six_monthly = spec.frequency == "six_monthly"
    periods = list(PERIODS) if six_monthly else ["2025"]
    if outcome == "overdue":
        periods = periods[:-1]
    low, high = _RANGES[outcome]
    level = rng.uniform(low, high)
    cumulative = spec.kind == "cumulative"
    rate = spec.unit in RATE_UNITS
    drafts = []
    for period in periods:
        year = int(period[:4])
        target = targets[year]
        half = period.endswith("-H1")
        if not half:
            share = level * rng.uniform(0.97, 1.03)
        elif cumulative and year == 2025:
            share = level * rng.uniform(0.45, 0.7)  # an early mid-year level
        elif cumulative or rate:
            share = level * rng.uniform(0.93, 1.0)
        else:
            share = level
        if target == baseline:  # a "keep at" target: short of it below (or above) the level
            ratio = Decimal(str(max(min(share, 1.0), 0.5)))
            expected = target * ratio if spec.direction == "increasing" else target / ratio
        else:
            expected = baseline + (target - baseline) * Decimal(str(share))
        if half and not cumulative and not rate:
            expected *= Decimal(str(rng.uniform(0.42, 0.55)))  # half of a yearly flow
        value = _bounded(expected, spec.unit, spec.decimals)
        explanation = ""
        if outcome not in UNEXPLAINED and (cumulative or not half):
            raw = raw_realization(
                baseline=baseline, target=target, value=value, direction=spec.direction
            )
            explanation = _explanation(raw, period, rng)
        published = not (outcome == "unpublished" and period == "2026-H1")
        late = period == "2026-H1" and rng.random() < 0.1
        drafts.append(
            MeasurementDraft(
                period=period,
                value=value,
                explanation=explanation,
                published=published,
                reported_at=_reported_at(period, rng, late=late),
            )
        )
    return tuple(drafts)


def weights(count: int, rng: random.Random) -> list[Decimal]:
    """Hedefe etkisi: equal shares (often, as in real plans) or multiples of 5, summing to 100."""
    if count == 0:
        return []
    if rng.random() < 0.4:
        share = quantize(Decimal(100) / count, 2)
        values = [share] * count
        values[-1] = Decimal(100) - share * (count - 1)
        return values
    raw = [rng.randint(2, 5) for _ in range(count)]
    parts = [max(1, round(r * 20 / sum(raw))) for r in raw]
    while sum(parts) != 20:
        if sum(parts) > 20:
            parts[parts.index(max(parts))] -= 1
        else:
            parts[parts.index(min(parts))] += 1
    return [Decimal(p * 5) for p in sorted(parts, reverse=True)]


def money(value: float) -> Decimal:
    """A planned cost as plans write it: three significant digits, whole lira."""
    if value < 10_000:
        return Decimal(10_000)
    return nice(value, 0).quantize(Decimal("0.01"))


def activity_costs(
    *,
    cost_m: float,
    years: tuple[int, int],
    scale: float,
    with_actuals: bool,
    rng: random.Random,
) -> tuple[tuple[int, Decimal, Decimal | None], ...]:
    """(year, planned, actual) for each active plan year; 2025 actuals when the plan is adopted."""
    costs = []
    for year in range(max(years[0], YEARS[0]), min(years[1], YEARS[-1]) + 1):
        planned = money(
            cost_m * 1_000_000 * scale * _INFLATION ** (year - 2025) * rng.uniform(0.93, 1.07)
        )
        actual: Decimal | None = None
        if with_actuals and year == 2025:
            actual = (
                Decimal(0) if rng.random() < 0.05 else money(float(planned) * rng.uniform(0.6, 1.1))
            )
        costs.append((year, planned, actual))
    return tuple(costs)
