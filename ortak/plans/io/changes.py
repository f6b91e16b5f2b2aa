"""What an import changes: the counts per kind of row, the changed figures, the pending writes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ortak.plans.io.document import ActivityRow, AimRow, IndicatorRow, MeasurementRow, ObjectiveRow
from ortak.plans.models import FigureRevision, StrategicPlan
from ortak.plans.numbers import decimals_needed

__all__ = ["KINDS", "Changes", "FigureChange"]

# The kinds of rows an import counts, in the order the preview lists them.
KINDS = ("plan", "aims", "objectives", "indicators", "targets", "measurements", "activities")


@dataclass(frozen=True)
class FigureChange:
    """One changed figure of an indicator, for the preview; ``revised`` on an adopted plan."""

    indicator_code: str
    kind: str  # FigureRevision.Kind value
    old: Decimal | None
    new: Decimal | None
    year: int | None = None
    period: str = ""
    revised: bool = False

    @property
    def kind_label(self) -> str:
        return str(FigureRevision.Kind(self.kind).label)

    @property
    def when(self) -> str:
        return self.period or (str(self.year) if self.year else "")

    @property
    def decimals(self) -> int:
        """As many decimals as the more precise of the two values needs (for display)."""
        return decimals_needed([self.old, self.new])


@dataclass
class Changes:
    """Everything the import would write, and its counts."""

    plan: StrategicPlan | None
    locked: bool
    plan_values: dict[str, Any] = field(default_factory=dict)
    aims_new: list[AimRow] = field(default_factory=list)
    objectives_new: list[ObjectiveRow] = field(default_factory=list)
    indicators_new: list[IndicatorRow] = field(default_factory=list)
    activities_new: list[ActivityRow] = field(default_factory=list)
    measurements_new: list[MeasurementRow] = field(default_factory=list)
    # (object, {field: new value}) for rows that change in place
    updates: dict[str, list[tuple[Any, dict[str, Any]]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    cooperating: dict[str, tuple[bool, list[str]]] = field(default_factory=dict)
    targets: dict[str, dict[int, Decimal | None]] = field(default_factory=dict)  # code → year
    costs: dict[int, dict[int, Decimal | None]] = field(default_factory=dict)  # activity pk
    new_costs: list[tuple[ActivityRow, dict[int, Decimal]]] = field(default_factory=list)
    figure_changes: list[FigureChange] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(
        default_factory=lambda: {
            kind: {"created": 0, "changed": 0, "unchanged": 0} for kind in KINDS
        }
    )

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        self.counts[kind][outcome] += n

    @property
    def revisions(self) -> list[FigureChange]:
        return [change for change in self.figure_changes if change.revised]

    @property
    def has_changes(self) -> bool:
        return any(c["created"] or c["changed"] for c in self.counts.values())
