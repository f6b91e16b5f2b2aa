"""Every write to a strategic plan (STYLE rule 1).

Each service is keyword-only and typed, runs in one transaction, checks its permission with
``ortak.plans.permissions`` (raising ``PermissionDenied``), validates with ``full_clean()``
(raising ``ValidationError`` with translated messages tied to fields), leaves an audit row with
``record_event`` and, when figures change, recomputes the plan's stored aggregates in the same
transaction (``ortak.plans.aggregates.recompute_plan``).
"""

from ortak.plans.services.activities import create_activity, delete_activity, update_activity
from ortak.plans.services.figures import (
    EXPLANATION_BAND,
    delete_measurement,
    record_measurement,
    revise_indicator_figure,
    revise_targets,
    update_measurement,
    update_target,
)
from ortak.plans.services.nodes import (
    create_aim,
    create_indicator,
    create_objective,
    delete_aim,
    delete_indicator,
    delete_objective,
    update_aim,
    update_indicator,
    update_objective,
)
from ortak.plans.services.plans import (
    TRANSITIONS,
    create_plan,
    create_plan_revision,
    delete_plan,
    set_plan_status,
    update_plan_details,
)

__all__ = [
    "EXPLANATION_BAND",
    "TRANSITIONS",
    "create_activity",
    "create_aim",
    "create_indicator",
    "create_objective",
    "create_plan",
    "create_plan_revision",
    "delete_activity",
    "delete_aim",
    "delete_indicator",
    "delete_measurement",
    "delete_objective",
    "delete_plan",
    "record_measurement",
    "revise_indicator_figure",
    "revise_targets",
    "set_plan_status",
    "update_activity",
    "update_aim",
    "update_indicator",
    "update_measurement",
    "update_objective",
    "update_plan_details",
    "update_target",
]
