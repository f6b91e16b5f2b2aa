"""Five years of an indicator's values and an activity's costs, up to the as-of date.

Each indicator follows a performance class (``ortak.demo.plans.figures.OUTCOMES``): a level of
realization drawn from the class, drifting a little from year to year. Every period 2025-H1 …
2029 gets a value when it was reported before the as-of date (half-year values in July, whole
years in January and February of the next year, a few late); an overdue indicator misses its
latest one, a silent one has none, an unpublished one has its latest value still submitted.
Deviation explanations are written where the measurement service would ask for one.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from ortak.demo.national.options import ISTANBUL
from ortak.demo.plans import figures
from ortak.demo.plans.content import explanations
from ortak.demo.plans.content.types import ActivitySpec
from ortak.demo.plans.drafts import IndicatorDraft, MeasurementDraft
from ortak.plans.progress import Period, raw_realization

YEARS = figures.YEARS
PERIODS = tuple(Period(year, full) for year in YEARS for full in (False, True))
# When published 2025 values were corrected (the final figures of the year's sources).
CORRECTED_ON = datetime.date(2026, 4, 1)

# The share of the way from baseline to target that each class reaches.
LEVELS: dict[str, tuple[float, float]] = {
    "on_track": (0.95, 1.05),
    "at_risk": (0.62, 0.88),
    "off_track": (0.2, 0.55),
    "over": (1.15, 1.5),
    "over_unexplained": (1.15, 1.4),
    "short_unexplained": (0.65, 0.85),
    "overdue": (0.9, 1.02),
    "silent": (0.0, 0.0),
    "unpublished": (0.93, 1.03),
}


def reported_at(period: Period, rng: random.Random, *, late: bool) -> datetime.datetime:
    if period.is_half_year:
        year, month, day = period.year, 9 if late else 7, rng.randint(2, 28)
    else:
        year, month, day = period.year + 1, 3 if late else rng.choice((1, 2)), rng.randint(3, 27)
    return datetime.datetime(
        year, month, day, rng.randint(9, 17), rng.randint(0, 59), tzinfo=ISTANBUL
    )


def _explanation(raw: Decimal, half: bool, rng: random.Random) -> str:
    """Outside 95–105 % of the year's target the measurement service asks why."""
    if raw > 105:
        return rng.choice(explanations.OVER)
    if raw >= 95:
        return ""
    if half:
        return rng.choice(explanations.MIDYEAR)
    return rng.choice(explanations.NEAR_MISS if raw >= 85 else explanations.SHORTFALL)


def _expected(draft: IndicatorDraft, target: Decimal, share: float) -> Decimal:
    if target == draft.baseline:  # "keep at": short of the level below (or above) it
        ratio = Decimal(str(max(min(share, 1.0), 0.5)))
        return target * ratio if draft.direction == "increasing" else target / ratio
    return draft.baseline + (target - draft.baseline) * Decimal(str(share))


def _bounded(value: Decimal, draft: IndicatorDraft) -> Decimal:
    value = max(Decimal(0), value)
    if draft.unit_of_measure == "%":
        value = min(Decimal(100), value)
    return figures.quantize(value, draft.decimals)


def measurements(
    draft: IndicatorDraft, outcome: str, as_of: datetime.date, rng: random.Random
) -> tuple[MeasurementDraft, ...]:
    if outcome == "silent":
        return ()
    targets = dict(draft.targets)
    cumulative = draft.kind == "cumulative"
    level_of_flow = draft.unit_of_measure in figures.RATE_UNITS
    level = rng.uniform(*LEVELS[outcome])
    previous = draft.baseline
    values: list[MeasurementDraft] = []
    for period in PERIODS:
        if period.is_half_year and draft.frequency != "six_monthly":
            continue
        at = reported_at(period, rng, late=rng.random() < 0.06)
        if at.date() >= as_of or period.year not in targets:
            break
        target = targets[period.year]
        full = _expected(draft, target, level * rng.uniform(0.97, 1.03))
        if period.is_full_year:
            value = full
            level = max(0.0, level + rng.gauss(0, 0.04))  # next year drifts a little
        elif cumulative or level_of_flow:
            value = previous + (full - previous) * Decimal(str(rng.uniform(0.4, 0.7)))
        else:  # half of a yearly flow
            value = full * Decimal(str(rng.uniform(0.42, 0.55)))
        value = _bounded(value, draft)
        if period.is_full_year:
            previous = value
        explanation = ""
        if outcome not in figures.UNEXPLAINED and (cumulative or period.is_full_year):
            raw = raw_realization(
                baseline=draft.baseline, target=target, value=value, direction=draft.direction
            )
            explanation = _explanation(raw, period.is_half_year, rng)
        values.append(MeasurementDraft(str(period), value, explanation, True, at))
    if outcome == "overdue" and values:
        values.pop()
    if outcome == "unpublished" and values:
        last = values[-1]
        values[-1] = MeasurementDraft(
            last.period, last.value, last.explanation, False, last.reported_at
        )
    return tuple(values)


def costs(
    spec: ActivitySpec, scale: float, as_of: datetime.date | None, rng: random.Random
) -> tuple[tuple[int, Decimal, Decimal | None], ...]:
    """(year, planned, actual) for each active year; actuals for the years closed by ``as_of``
    (the activity report of a year comes out in the spring of the next)."""
    planned = figures.activity_costs(
        cost_m=spec.cost_m, years=spec.years, scale=scale, with_actuals=False, rng=rng
    )
    rows = []
    for year, amount, _none in planned:
        actual = None
        if as_of is not None and as_of >= datetime.date(year + 1, 4, 1):
            actual = (
                Decimal(0)
                if rng.random() < 0.05
                else figures.money(float(amount) * rng.uniform(0.6, 1.1))
            )
        rows.append((year, amount, actual))
    return tuple(rows)
