"""A pilot's plan as plain data, before it is written: what the generator returns.

Pure and comparable, so that determinism is a simple equality test and the writer is the only
code that touches the database.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

# The planted data-quality problems (Profile.planted) and the audit check that finds each.
PLANTED_CHECKS: dict[str, str] = {
    "weights_90": "weights_not_100",
    "objective_without_indicators": "objective_without_indicators",
    "missing_final_target": "indicator_missing_targets",
    "activity_without_unit": "activity_without_unit",
    "duplicate_activity_code": "duplicate_activity_code",
}


@dataclass(frozen=True)
class MeasurementDraft:
    period: str  # "2025-H1" or "2025"
    value: Decimal
    explanation: str
    published: bool
    reported_at: datetime.datetime

    @property
    def year(self) -> int:
        return int(self.period[:4])

    @property
    def is_half_year(self) -> bool:
        return self.period.endswith("-H1")


@dataclass(frozen=True)
class IndicatorDraft:
    code: str
    number: int
    name: str
    unit_of_measure: str
    weight: Decimal
    baseline: Decimal
    direction: str
    kind: str
    frequency: str
    data_source: str
    decimals: int
    owner: str  # unit key
    targets: tuple[tuple[int, Decimal], ...]
    measurements: tuple[MeasurementDraft, ...]
    outcome: str  # the performance class the values were drawn from (see figures.OUTCOMES)


@dataclass(frozen=True)
class ActivityDraft:
    code: str
    name: str
    is_project: bool
    unit: str | None  # unit key; None only when planted
    start: datetime.date
    end: datetime.date
    costs: tuple[tuple[int, Decimal, Decimal | None], ...]  # (year, planned, actual)


@dataclass(frozen=True)
class ObjectiveDraft:
    code: str
    number: int
    title: str
    unit: str
    cooperating: tuple[str, ...]
    all_units: bool
    risks: str
    strategies: str
    findings: str
    needs: str
    cost_estimate: Decimal
    indicators: tuple[IndicatorDraft, ...]
    activities: tuple[ActivityDraft, ...]
    local: bool


@dataclass(frozen=True)
class AimDraft:
    code: str
    number: int
    title: str
    theme: str
    objectives: tuple[ObjectiveDraft, ...]


@dataclass(frozen=True)
class FigureChange:
    """One revision of a published figure: a yearly target or a corrected value."""

    indicator_code: str
    kind: str  # "target" or "measurement"
    old: Decimal
    new: Decimal
    reason: str
    year: int | None = None
    period: str = ""


@dataclass(frozen=True)
class RevisionDraft:
    """A mid-term plan update (PlanRevision) and the target changes it brought."""

    date: datetime.date
    council_decision_number: str
    reason: str
    changes: tuple[FigureChange, ...]


@dataclass(frozen=True)
class Planted:
    problem: str  # a key of PLANTED_CHECKS
    code: str  # the objective, indicator or activity code


@dataclass(frozen=True)
class PlanDraft:
    slug: str
    kind: str
    status: str
    council_decision_date: datetime.date | None
    council_decision_number: str
    published_at: datetime.datetime | None
    mission: str
    vision: str
    core_values: str
    aims: tuple[AimDraft, ...]
    revision: RevisionDraft | None
    corrections: tuple[FigureChange, ...]
    planted: tuple[Planted, ...]

    @property
    def objectives(self) -> Iterator[ObjectiveDraft]:
        for aim in self.aims:
            yield from aim.objectives

    @property
    def indicators(self) -> Iterator[IndicatorDraft]:
        for objective in self.objectives:
            yield from objective.indicators

    @property
    def activities(self) -> Iterator[ActivityDraft]:
        for objective in self.objectives:
            yield from objective.activities

    def unit_keys(self) -> set[str]:
        keys: set[str] = set()
        for objective in self.objectives:
            keys.add(objective.unit)
            keys.update(objective.cooperating)
            keys.update(indicator.owner for indicator in objective.indicators)
            keys.update(a.unit for a in objective.activities if a.unit is not None)
        return keys
