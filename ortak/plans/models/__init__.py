"""The strategic plan as data: plan → aim → objective → indicator (targets, measurements) and activities.

Split into modules: ``plan`` (the tree), ``figures`` (targets, measurements, revisions),
``activity`` and ``references`` (the one generic reference other apps use to point at a node).
"""

from ortak.plans.models.activity import Activity, ActivityCost
from ortak.plans.models.figures import (
    FigureRevision,
    IndicatorTarget,
    Measurement,
    PlanRevision,
    RevisionHead,
    TargetRevision,
)
from ortak.plans.models.plan import Aim, Indicator, Objective, StrategicPlan
from ortak.plans.models.references import NodeKind, PlanNodeReference

__all__ = [
    "Activity",
    "ActivityCost",
    "Aim",
    "FigureRevision",
    "Indicator",
    "IndicatorTarget",
    "Measurement",
    "NodeKind",
    "Objective",
    "PlanNodeReference",
    "PlanRevision",
    "RevisionHead",
    "StrategicPlan",
    "TargetRevision",
]
