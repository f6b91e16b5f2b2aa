"""Public reads of strategic plans, with their joins written once (STYLE rule 2).

Pages and the API read the aggregates that ``ortak.plans.aggregates`` stored on every node
(ARCHITECTURE §4 rule 8); nothing here recomputes a realization. A page therefore costs a
constant number of queries whatever the size of the plan: every selector below documents its
count, and ``tests/test_public_views.py`` pins it.

Modules: ``tree`` (plans, aims, objectives, indicators and their figures in a lens),
``activities``, ``methodology`` (the "how is this calculated" page), ``quality`` (the data-quality
panel). Editor-only reads live in ``ortak.plans.selectors_editor``.
"""

from ortak.plans.selectors.activities import (
    ActivityGroup,
    ActivityRow,
    ActivityTable,
    CostCell,
    activity_table,
)
from ortak.plans.selectors.methodology import MeanPart, WeightedPart, WorkedExample, worked_example
from ortak.plans.selectors.quality import QUALITY_LABELS, QualityCheck, QualityPanel, quality_panel
from ortak.plans.selectors.tree import (
    Figures,
    IndicatorRow,
    IndicatorYear,
    PlanSummary,
    Row,
    aim_by_code,
    aim_rows,
    current_plan,
    current_plan_summary,
    display_decimals,
    indicator_by_code,
    indicator_figures,
    indicator_rows,
    indicator_years,
    municipality_by_slug,
    node_figures,
    objective_by_code,
    parse_year,
    pick_current,
    plan_by_period,
    plan_tree,
    plan_visible_to,
    public_plans_of,
    published_measurements,
)

__all__ = [
    "QUALITY_LABELS",
    "ActivityGroup",
    "ActivityRow",
    "ActivityTable",
    "CostCell",
    "Figures",
    "IndicatorRow",
    "IndicatorYear",
    "MeanPart",
    "PlanSummary",
    "QualityCheck",
    "QualityPanel",
    "Row",
    "WeightedPart",
    "WorkedExample",
    "activity_table",
    "aim_by_code",
    "aim_rows",
    "current_plan",
    "current_plan_summary",
    "display_decimals",
    "indicator_by_code",
    "indicator_figures",
    "indicator_rows",
    "indicator_years",
    "municipality_by_slug",
    "node_figures",
    "objective_by_code",
    "parse_year",
    "pick_current",
    "plan_by_period",
    "plan_tree",
    "plan_visible_to",
    "public_plans_of",
    "published_measurements",
    "quality_panel",
    "worked_example",
]
