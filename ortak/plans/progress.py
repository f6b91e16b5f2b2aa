"""The progress rules of ARCHITECTURE §4, as pure functions over ``Decimal``.

Notation for an indicator: A = baseline, B = a target, C = a measured value. Nothing here touches
the database: ``ortak.plans.aggregates`` loads the facts, calls these functions and stores the
results. The numbered rules below refer to ARCHITECTURE §4.

Choices this module makes where §4 is silent (stated on the "how is this calculated" page):

- A missing baseline is read as 0 (plans write "-" for a new service); the audit flags it.
- A period outside the plan years is ignored.
- A lens whose target is missing gives no realization (the value is "not usable"); the audit flags
  the missing target.
- For overdue (rule 7), a six-monthly period is satisfied by its own value or by the value of the
  whole year, which supersedes it.
- An objective without indicators has no realization and is left out of its aim's mean (the audit
  flags it); an objective whose indicators report nothing counts 0, like its indicators.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

__all__ = [
    "AggregateResult",
    "DueDates",
    "IndicatorFacts",
    "IndicatorProgress",
    "LensResult",
    "Period",
    "Status",
    "Thresholds",
    "aggregate_mean",
    "aggregate_objective",
    "clamp",
    "compute_indicator",
    "indicator_status",
    "overdue_periods",
    "parse_period",
    "plan_lens",
    "raw_realization",
    "round_display",
    "round_export",
    "year_lens",
]

HUNDRED = Decimal(100)
ZERO = Decimal(0)

INCREASING = "increasing"
DECREASING = "decreasing"
CUMULATIVE = "cumulative"
PERIODIC = "periodic"
SIX_MONTHLY = "six_monthly"
YEARLY = "yearly"


class Status(StrEnum):
    """Indicator status (rule 7); values equal ``Indicator.Status``."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    OVERDUE = "overdue"
    NOT_REPORTED = "not_reported"


# --- Periods --------------------------------------------------------------------------

_PERIOD = re.compile(r"^(\d{4})(-H1)?$")


@dataclass(frozen=True, order=True)
class Period:
    """A monitoring period: ``2026-H1`` (January–June) or ``2026`` (the whole year).

    Ordered in time: 2026-H1 < 2026 < 2027-H1.
    """

    year: int
    # Sorting key: False (half year) before True (whole year) within one year.
    is_full_year: bool = True

    @property
    def is_half_year(self) -> bool:
        return not self.is_full_year

    def __str__(self) -> str:
        return str(self.year) if self.is_full_year else f"{self.year}-H1"


def parse_period(text: str) -> Period:
    """``"2026-H1"`` → Period(2026, half year); ``"2026"`` → Period(2026). ValueError otherwise."""
    match = _PERIOD.match(text.strip().upper())
    if match is None:
        raise ValueError(f"{text!r} is not a period (YYYY or YYYY-H1)")
    return Period(int(match.group(1)), match.group(2) is None)


def plan_periods(years: Iterable[int], monitoring_frequency: str) -> list[Period]:
    """The periods reported on in the plan years, in time order."""
    periods: list[Period] = []
    for year in sorted(years):
        if monitoring_frequency == SIX_MONTHLY:
            periods.append(Period(year, False))
        periods.append(Period(year, True))
    return periods


def is_usable(period: Period, kind: str) -> bool:
    """Rule 2: a periodic indicator (a yearly flow) uses whole-year values only."""
    return period.is_full_year or kind == CUMULATIVE


# --- Rule 1: one indicator, one (A, B, C) ----------------------------------------------


def raw_realization(
    *, baseline: Decimal, target: Decimal, value: Decimal, direction: str
) -> Decimal:
    """Rule 1: ``(C − A) / (B − A) × 100``; the "keep at" rule when B = A.

    The one formula serves increasing and decreasing indicators alike (the Strategic Planning
    Guide's convention). When B = A the indicator asks to keep a level: 100 when C is at least as
    good as B, otherwise 100·C/B (increasing) or 100·B/C (decreasing), and 0 instead of a division
    by zero.
    """
    a, b, c = baseline, target, value
    if b != a:
        return (c - a) / (b - a) * HUNDRED
    increasing = direction != DECREASING
    if (c >= b) if increasing else (c <= b):
        return HUNDRED
    numerator, denominator = (c, b) if increasing else (b, c)
    if denominator == 0:
        return ZERO
    return HUNDRED * numerator / denominator


def clamp(raw: Decimal) -> Decimal:
    """Rule 4: aggregation uses r clamped to [0, 100]."""
    return max(ZERO, min(HUNDRED, raw))


# --- Rules 2–5: lenses -----------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorFacts:
    """What the rules need to know about one indicator (loaded by ``aggregates``)."""

    baseline: Decimal | None
    targets: Mapping[int, Decimal]
    # Published values by period text ("2026-H1", "2026").
    values: Mapping[str, Decimal]
    direction: str = INCREASING
    kind: str = CUMULATIVE
    weight: Decimal = ZERO
    monitoring_frequency: str = SIX_MONTHLY

    def value_at(self, period: Period) -> Decimal | None:
        return self.values.get(str(period))

    def usable_periods(self, years: Sequence[int]) -> list[Period]:
        """Periods within the plan years that have a value allowed by rule 2, oldest first."""
        plan_years = set(years)
        periods = []
        for text in self.values:
            try:
                period = parse_period(text)
            except ValueError:
                continue
            if period.year in plan_years and is_usable(period, self.kind):
                periods.append(period)
        return sorted(periods)


@dataclass(frozen=True)
class LensResult:
    """One indicator seen through one lens: the B and C used and the resulting r.

    ``raw`` and ``clamped`` are None when the indicator is "not reported" in this lens (rule 5):
    no usable value, or no target to compare it with (``missing_target``).
    """

    target: Decimal | None
    value: Decimal | None
    period: Period | None
    raw: Decimal | None
    missing_target: bool = False

    @property
    def reported(self) -> bool:
        return self.raw is not None

    @property
    def clamped(self) -> Decimal | None:
        return None if self.raw is None else clamp(self.raw)

    @property
    def contribution(self) -> Decimal:
        """What the indicator adds to its objective: clamped r, or 0 when not reported (rule 5)."""
        return ZERO if self.raw is None else clamp(self.raw)

    @property
    def over_achieved(self) -> bool:
        """Rule 4: raw r above 100 needs an explanation."""
        return self.raw is not None and self.raw > HUNDRED


def _lens(facts: IndicatorFacts, target: Decimal | None, period: Period | None) -> LensResult:
    value = None if period is None else facts.value_at(period)
    if value is None:
        return LensResult(target=target, value=None, period=None, raw=None)
    if target is None:
        return LensResult(target=None, value=value, period=period, raw=None, missing_target=True)
    baseline = facts.baseline if facts.baseline is not None else ZERO
    raw = raw_realization(baseline=baseline, target=target, value=value, direction=facts.direction)
    return LensResult(target=target, value=value, period=period, raw=raw)


def year_lens(facts: IndicatorFacts, year: int) -> LensResult:
    """Rule 3, year lens: B = target of Y; C = value of ``Y``, or of ``Y-H1`` for a cumulative
    indicator whose year is not reported yet."""
    full = Period(year, True)
    half = Period(year, False)
    period: Period | None = None
    if facts.value_at(full) is not None:
        period = full
    elif is_usable(half, facts.kind) and facts.value_at(half) is not None:
        period = half
    return _lens(facts, facts.targets.get(year), period)


def plan_lens(facts: IndicatorFacts, years: Sequence[int]) -> LensResult:
    """Rule 3, plan lens: B = target of the plan's last year; C = the most recent usable value."""
    usable = facts.usable_periods(years)
    return _lens(facts, facts.targets.get(max(years)), usable[-1] if usable else None)


# --- Rule 7: status --------------------------------------------------------------------


@dataclass(frozen=True)
class Thresholds:
    """Status bands (rule 7): r ≥ on_track is on track, r ≥ at_risk is at risk, else off track."""

    on_track: Decimal = Decimal(90)
    at_risk: Decimal = Decimal(60)

    @classmethod
    def from_settings(cls) -> Thresholds:
        from django.conf import settings

        return cls(
            on_track=Decimal(str(settings.ORTAK_STATUS_ON_TRACK)),
            at_risk=Decimal(str(settings.ORTAK_STATUS_AT_RISK)),
        )

    def band(self, realization: Decimal) -> Status:
        if realization >= self.on_track:
            return Status.ON_TRACK
        if realization >= self.at_risk:
            return Status.AT_RISK
        return Status.OFF_TRACK


@dataclass(frozen=True)
class DueDates:
    """When a period's value is due: H1 by 31 July of the same year, the whole year by 31 January
    of the next. A municipality may move both dates (its reporting calendar, in monitoring) and
    one period's date (``overrides``, by period text)."""

    half_year_month: int = 7
    half_year_day: int = 31
    full_year_month: int = 1
    full_year_day: int = 31
    overrides: Mapping[str, datetime.date] = field(default_factory=dict, hash=False)

    def due(self, period: Period) -> datetime.date:
        override = self.overrides.get(str(period))
        if override is not None:
            return override
        if period.is_half_year:
            return datetime.date(period.year, self.half_year_month, self.half_year_day)
        return datetime.date(period.year + 1, self.full_year_month, self.full_year_day)


DEFAULT_DUE_DATES = DueDates()


def overdue_periods(
    facts: IndicatorFacts,
    years: Sequence[int],
    *,
    today: datetime.date,
    due_dates: DueDates = DEFAULT_DUE_DATES,
) -> list[Period]:
    """Periods whose due date has passed without a value (any value counts, usable or not).

    A half-year period is also satisfied by its year's value, which supersedes it.
    """
    missing = []
    for period in plan_periods(years, facts.monitoring_frequency):
        if today <= due_dates.due(period):
            continue
        if facts.value_at(period) is not None:
            continue
        if period.is_half_year and facts.value_at(Period(period.year, True)) is not None:
            continue
        missing.append(period)
    return missing


def indicator_status(
    facts: IndicatorFacts,
    years: Sequence[int],
    *,
    today: datetime.date,
    thresholds: Thresholds | None = None,
    due_dates: DueDates = DEFAULT_DUE_DATES,
    monitored: bool = True,
) -> Status:
    """Rule 7: overdue when a due period has no value; not reported when nothing is usable;
    otherwise the band of the year-lens r of the latest year that has one.

    Only a monitored plan (an adopted one) has overdue periods: a draft or a plan in consultation
    is not reported on yet (decision 0003).
    """
    if monitored and overdue_periods(facts, years, today=today, due_dates=due_dates):
        return Status.OVERDUE
    for year in sorted(years, reverse=True):
        result = year_lens(facts, year)
        if result.raw is not None:
            return (thresholds or Thresholds()).band(clamp(result.raw))
    return Status.NOT_REPORTED


# --- One indicator, everything at once --------------------------------------------------


@dataclass(frozen=True)
class IndicatorProgress:
    """Every figure of one indicator: the plan lens, the year lens per plan year, the status."""

    plan: LensResult
    by_year: Mapping[int, LensResult]
    status: Status
    latest_period: Period | None
    latest_value: Decimal | None


def compute_indicator(
    facts: IndicatorFacts,
    years: Sequence[int],
    *,
    today: datetime.date,
    thresholds: Thresholds | None = None,
    due_dates: DueDates = DEFAULT_DUE_DATES,
    monitored: bool = True,
) -> IndicatorProgress:
    """The plan lens, the year lens for each plan year and the status of one indicator."""
    latest: Period | None = None
    for text in facts.values:
        try:
            period = parse_period(text)
        except ValueError:
            continue
        if period.year in years and (latest is None or period > latest):
            latest = period
    return IndicatorProgress(
        plan=plan_lens(facts, years),
        by_year={year: year_lens(facts, year) for year in years},
        status=indicator_status(
            facts,
            years,
            today=today,
            thresholds=thresholds,
            due_dates=due_dates,
            monitored=monitored,
        ),
        latest_period=latest,
        latest_value=None if latest is None else facts.value_at(latest),
    )


# --- Rule 6: aggregation ---------------------------------------------------------------


@dataclass(frozen=True)
class AggregateResult:
    """An objective, aim or plan in one lens.

    ``value`` is the aggregate with not-reported parts counted as 0 (rule 5); ``realization`` is
    the same figure for display, None when nothing under the node is reported (coverage 0) or the
    node has nothing under it. ``coverage`` is the share of the weight that has a value, in %.
    """

    value: Decimal | None
    coverage: Decimal | None
    parts: int = 0

    @property
    def realization(self) -> Decimal | None:
        if self.value is None or not self.coverage:
            return None
        return self.value

    @property
    def is_empty(self) -> bool:
        return self.value is None


EMPTY = AggregateResult(value=None, coverage=None, parts=0)


def normalised_weights(weights: Sequence[Decimal]) -> list[Decimal]:
    """Rule 6: weights as shares of their sum; all zero (or none given) → equal weights."""
    total = sum(weights, ZERO)
    if total <= 0:
        return [Decimal(1) / len(weights)] * len(weights) if weights else []
    return [w / total for w in weights]


def aggregate_objective(parts: Sequence[tuple[Decimal, LensResult]]) -> AggregateResult:
    """Rule 6: objective = Σ wᵢ·rᵢ / Σ wᵢ over (weight, indicator result) pairs."""
    if not parts:
        return EMPTY
    shares = normalised_weights([weight for weight, _ in parts])
    value = sum((s * r.contribution for s, (_, r) in zip(shares, parts, strict=True)), ZERO)
    coverage = sum(
        (s * HUNDRED for s, (_, r) in zip(shares, parts, strict=True) if r.reported), ZERO
    )
    return AggregateResult(value=value, coverage=coverage, parts=len(parts))


def aggregate_mean(parts: Iterable[AggregateResult]) -> AggregateResult:
    """Rule 6: aim = mean of its objectives, plan = mean of its aims (empty parts left out)."""
    present = [p for p in parts if not p.is_empty]
    if not present:
        return EMPTY
    count = Decimal(len(present))
    value = sum((p.value or ZERO for p in present), ZERO) / count
    coverage = sum((p.coverage or ZERO for p in present), ZERO) / count
    return AggregateResult(value=value, coverage=coverage, parts=len(present))


# --- Rule 8: rounding ------------------------------------------------------------------

_CENT = Decimal("0.01")


def round_export(value: Decimal | None) -> Decimal | None:
    """Exports show two decimals, half up: 41.995 → 42.00."""
    return None if value is None else value.quantize(_CENT, rounding=ROUND_HALF_UP)


def round_display(value: Decimal | None) -> Decimal | None:
    """Pages show whole percents, half up: 42.5 → 43."""
    return None if value is None else value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
