"""One plan's whole tree in a constant number of queries, for the exporter and the importer's diff.

This is the import/export's own read (a selector in all but name: ``selectors.py`` belongs to the
public pages). Eight queries whatever the size of the plan.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ortak.organizations.models import Unit
from ortak.plans.codes import code_sort_key
from ortak.plans.models import (
    Activity,
    ActivityCost,
    Aim,
    Indicator,
    IndicatorTarget,
    Measurement,
    Objective,
    StrategicPlan,
)

__all__ = ["PlanTree", "load_tree"]


@dataclass
class PlanTree:
    plan: StrategicPlan
    aims: list[Aim]
    objectives: list[Objective]
    indicators: list[Indicator]
    activities: list[Activity]
    cooperating: dict[int, list[Unit]] = field(default_factory=dict)  # objective id → units
    targets: dict[int, dict[int, IndicatorTarget]] = field(default_factory=dict)
    measurements: dict[int, dict[str, Measurement]] = field(default_factory=dict)
    costs: dict[int, dict[int, ActivityCost]] = field(default_factory=dict)

    def aim_code(self, objective: Objective) -> str:
        return self._aims_by_id[objective.aim_id].code

    def objective_code(self, node: Indicator | Activity) -> str:
        return self._objectives_by_id[node.objective_id].code

    def units(self) -> list[Unit]:
        """The units the plan names (responsible, cooperating, owner), loaded with the tree."""
        found: dict[int, Unit] = {}
        responsible = [o.responsible_unit for o in self.objectives]
        responsible += [a.responsible_unit for a in self.activities]
        found.update((unit.pk, unit) for unit in responsible if unit is not None)
        for indicator in self.indicators:
            if indicator.owner_unit is not None:
                found[indicator.owner_unit.pk] = indicator.owner_unit
        for units in self.cooperating.values():
            found.update((unit.pk, unit) for unit in units)
        return list(found.values())

    def __post_init__(self) -> None:
        self._aims_by_id = {aim.pk: aim for aim in self.aims}
        self._objectives_by_id = {objective.pk: objective for objective in self.objectives}


def load_tree(plan: StrategicPlan, *, published_only: bool = False) -> PlanTree:
    """The plan's aims, objectives, indicators, activities and their figures, in code order.

    ``published_only`` leaves out draft and submitted measurements (public exports).
    """
    aims = sorted(Aim.objects.filter(plan=plan), key=lambda a: code_sort_key(a.code))
    objectives = sorted(
        Objective.objects.filter(plan=plan).select_related("responsible_unit"),
        key=lambda o: code_sort_key(o.code),
    )
    cooperating: dict[int, list[Unit]] = defaultdict(list)
    through = Objective.cooperating_units.through
    for link in through.objects.filter(objective__plan=plan).select_related("unit").order_by("pk"):
        cooperating[link.objective_id].append(link.unit)
    indicators = sorted(
        Indicator.objects.filter(plan=plan).select_related("owner_unit"),
        key=lambda i: code_sort_key(i.code),
    )
    targets: dict[int, dict[int, IndicatorTarget]] = defaultdict(dict)
    for target in IndicatorTarget.objects.filter(indicator__plan=plan):
        targets[target.indicator_id][target.year] = target
    measurements: dict[int, dict[str, Measurement]] = defaultdict(dict)
    rows = Measurement.objects.filter(indicator__plan=plan)
    if published_only:
        rows = rows.filter(status=Measurement.Status.PUBLISHED)
    for measurement in rows.order_by("year", "-is_half_year", "pk"):
        measurements[measurement.indicator_id][measurement.period] = measurement
    objective_order = {objective.pk: code_sort_key(objective.code) for objective in objectives}
    activities = sorted(
        Activity.objects.filter(plan=plan).select_related("responsible_unit"),
        key=lambda a: (objective_order.get(a.objective_id, (0,)), a.pk),
    )
    costs: dict[int, dict[int, ActivityCost]] = defaultdict(dict)
    for cost in ActivityCost.objects.filter(activity__plan=plan):
        costs[cost.activity_id][cost.year] = cost
    return PlanTree(
        plan=plan,
        aims=aims,
        objectives=objectives,
        indicators=indicators,
        activities=activities,
        cooperating=dict(cooperating),
        targets=dict(targets),
        measurements=dict(measurements),
        costs=dict(costs),
    )
