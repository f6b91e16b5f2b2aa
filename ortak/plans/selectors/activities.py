"""The activities page: activities grouped by objective with their costs per plan year."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from ortak.plans.models import Activity, ActivityCost, Objective, StrategicPlan

# --- Activities -----------------------------------------------------------------------


@dataclass(frozen=True)
class CostCell:
    """Planned and actual cost; ``year`` is 0 for a total over the plan years."""

    planned: Decimal | None
    actual: Decimal | None
    year: int = 0


@dataclass(frozen=True)
class ActivityRow:
    activity: Activity
    costs: list[CostCell]
    total: CostCell


@dataclass(frozen=True)
class ActivityGroup:
    objective: Objective
    rows: list[ActivityRow]
    totals: list[CostCell]
    total: CostCell


def _sum(values: list[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def _totals(cells: list[CostCell], year: int = 0) -> CostCell:
    return CostCell(
        planned=_sum([c.planned for c in cells]),
        actual=_sum([c.actual for c in cells]),
        year=year,
    )


@dataclass(frozen=True)
class ActivityTable:
    groups: list[ActivityGroup]
    totals: list[CostCell]
    total: CostCell


def activity_table(plan: StrategicPlan) -> ActivityTable:
    """Activities grouped by objective with planned and actual cost per plan year and totals.

    Two queries (activities with objective, aim and unit; their costs). Sums of lira amounts are
    plain additions for the table, not progress figures.
    """
    years = plan.years
    activities = (
        Activity.objects.filter(plan=plan)
        .select_related("objective", "objective__aim", "responsible_unit")
        .prefetch_related(Prefetch("costs", queryset=ActivityCost.objects.order_by("year")))
    )
    grouped: dict[int, list[ActivityRow]] = defaultdict(list)
    objectives: dict[int, Objective] = {}
    for activity in activities:
        by_year = {c.year: c for c in activity.costs.all()}
        cells = [
            CostCell(
                planned=by_year[y].planned if y in by_year else None,
                actual=by_year[y].actual if y in by_year else None,
                year=y,
            )
            for y in years
        ]
        objectives[activity.objective_id] = activity.objective
        grouped[activity.objective_id].append(
            ActivityRow(activity=activity, costs=cells, total=_totals(cells))
        )
    groups = []
    for objective_id, rows in grouped.items():
        per_year = [_totals([r.costs[i] for r in rows], y) for i, y in enumerate(years)]
        groups.append(
            ActivityGroup(
                objective=objectives[objective_id],
                rows=rows,
                totals=per_year,
                total=_totals([r.total for r in rows]),
            )
        )
    grand = [_totals([g.totals[i] for g in groups], y) for i, y in enumerate(years)]
    return ActivityTable(groups=groups, totals=grand, total=_totals([g.total for g in groups]))
