"""Read-only API of strategic plans: a municipality's plans, and one plan's tree with its figures.

Mounted under ``/api/v1/plans/`` (``config/api.py``). Figures are the stored aggregates
(ARCHITECTURE §4 rule 8) as decimal strings at full precision; percentages are 0–100.
Draft plans answer 404 to anyone who may not see them (``permissions.can_view_plan``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema

from ortak.plans import selectors
from ortak.plans.models import Aim, Indicator, Objective, StrategicPlan
from ortak.plans.permissions import can_view_plan

router = Router(tags=["plans"])

YearFigures = dict[str, dict[str, str | None]]


class PlanOut(Schema):
    period: str = Field(description="Plan period as in the URLs, e.g. 2025-2029.")
    start_year: int
    end_year: int
    title: str
    status: str = Field(description="draft, consultation, adopted or archived.")
    council_decision_date: str | None
    council_decision_number: str
    realization: Decimal | None = Field(description="Plan lens, 0–100; null: nothing reported.")
    coverage: Decimal | None = Field(description="Share of the weight that has a value, %.")
    url: str = Field(description="The plan's public page.")


class IndicatorOut(Schema):
    code: str
    name: str
    unit_of_measure: str
    weight: Decimal
    baseline: Decimal | None
    baseline_year: int | None
    direction: str
    kind: str
    targets: dict[str, Decimal] = Field(description="Target value by plan year.")
    latest_value: Decimal | None
    latest_period: str
    realization: Decimal | None = Field(description="Plan lens, clamped to 0–100.")
    realization_raw: Decimal | None = Field(description="Plan lens, not clamped.")
    realization_by_year: YearFigures = Field(description="Year lens: realization, raw, coverage.")
    status: str


class ObjectiveOut(Schema):
    code: str
    title: str
    responsible_unit: str | None
    realization: Decimal | None
    coverage: Decimal | None
    realization_by_year: YearFigures
    indicators: list[IndicatorOut]


class AimOut(Schema):
    code: str
    title: str
    realization: Decimal | None
    coverage: Decimal | None
    realization_by_year: YearFigures
    objectives: list[ObjectiveOut]


class PlanTreeOut(PlanOut):
    municipality: str
    mission: str
    vision: str
    core_values: str
    realization_by_year: YearFigures
    aims: list[AimOut]


def _plan_out(plan: StrategicPlan, slug: str) -> dict[str, Any]:
    return {
        "period": plan.period_label,
        "start_year": plan.start_year,
        "end_year": plan.end_year,
        "title": plan.title,
        "status": plan.status,
        "council_decision_date": (
            plan.council_decision_date.isoformat() if plan.council_decision_date else None
        ),
        "council_decision_number": plan.council_decision_number,
        "realization": plan.realization,
        "coverage": plan.coverage,
        "url": reverse("plans:plan_detail", args=[slug, plan.start_year, plan.end_year]),
    }


@router.get("/municipalities/{slug}", response=list[PlanOut], summary="Plans of a municipality")
def municipality_plans(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    """The municipality's published plans (drafts only for its editors), newest first."""
    municipality = selectors.municipality_by_slug(slug)
    if municipality is None:
        raise Http404
    plans = StrategicPlan.objects.filter(municipality=municipality).order_by("-start_year")
    return [_plan_out(p, slug) for p in plans if can_view_plan(request.user, p)]


def _period(period: str) -> tuple[int, int]:
    start, _, end = period.partition("-")
    if not (start.isdigit() and end.isdigit()):
        raise Http404
    return int(start), int(end)


def _indicator_out(indicator: Indicator) -> dict[str, Any]:
    return {
        "code": indicator.code,
        "name": indicator.name,
        "unit_of_measure": indicator.unit_of_measure,
        "weight": indicator.weight,
        "baseline": indicator.baseline,
        "baseline_year": indicator.baseline_year,
        "direction": indicator.direction,
        "kind": indicator.kind,
        "targets": {str(t.year): t.value for t in indicator.targets.all()},
        "latest_value": indicator.latest_value,
        "latest_period": indicator.latest_period,
        "realization": indicator.realization,
        "realization_raw": indicator.realization_raw,
        "realization_by_year": indicator.realization_by_year,
        "status": indicator.status,
    }


def _node(node: Aim | Objective) -> dict[str, Any]:
    return {
        "code": node.code,
        "title": node.title,
        "realization": node.realization,
        "coverage": node.coverage,
        "realization_by_year": node.realization_by_year,
    }


@router.get("/municipalities/{slug}/{period}", response=PlanTreeOut, summary="One plan's tree")
def plan_tree(request: HttpRequest, slug: str, period: str) -> dict[str, Any]:
    """The plan with its aims, objectives and indicators (targets and stored figures).

    Six queries whatever the size of the plan.
    """
    start, end = _period(period)
    plan = selectors.plan_visible_to(request.user, slug=slug, start_year=start, end_year=end)
    if plan is None:
        raise Http404
    aims = selectors.plan_tree(plan)
    return {
        **_plan_out(plan, slug),
        "municipality": plan.municipality.name,
        "mission": plan.mission,
        "vision": plan.vision,
        "core_values": plan.core_values,
        "realization_by_year": plan.realization_by_year,
        "aims": [
            {
                **_node(aim),
                "objectives": [
                    {
                        **_node(objective),
                        "responsible_unit": (
                            objective.responsible_unit.name if objective.responsible_unit else None
                        ),
                        "indicators": [_indicator_out(i) for i in objective.indicators.all()],
                    }
                    for objective in aim.objectives.all()
                ],
            }
            for aim in aims
        ],
    }
