"""Reads for the editor pages. The plan and the municipality of a URL are read as the public
pages read them (``selectors.plan_visible_to``, ``selectors.municipality_by_slug``).

Each function writes its joins once; the dashboard's query count is pinned by a test on a plan
with 150 indicators.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet

from ortak.organizations.models import Municipality, Unit
from ortak.plans.models import (
    Activity,
    Aim,
    FigureRevision,
    Indicator,
    Measurement,
    Objective,
    PlanRevision,
    StrategicPlan,
)


def plans_of(municipality: Municipality) -> QuerySet[StrategicPlan]:
    return StrategicPlan.objects.filter(municipality=municipality).order_by("-start_year")


def plan_tree(plan: StrategicPlan) -> list[Aim]:
    """Aims → objectives (with their unit) → indicators and activities, in four queries.

    Everything the data-quality audit reads about the tree is here, so the dashboard hands it
    to ``quality.audit_plan(plan, aims=...)`` instead of reading it twice.
    """
    objectives = (
        Objective.objects.select_related("responsible_unit")
        .order_by("number")
        .prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.order_by("number")),
            Prefetch("activities", queryset=Activity.objects.order_by("code", "id")),
        )
    )
    return list(
        Aim.objects.filter(plan=plan)
        .order_by("number")
        .prefetch_related(Prefetch("objectives", queryset=objectives))
    )


def units_of(municipality_id: int) -> QuerySet[Unit]:
    return Unit.objects.filter(municipality_id=municipality_id).order_by("name")


def aim_by_code(plan: StrategicPlan, code: str) -> Aim | None:
    return Aim.objects.filter(plan=plan, code=code).first()


def objective_by_code(plan: StrategicPlan, code: str) -> Objective | None:
    return (
        Objective.objects.select_related("aim", "responsible_unit")
        .prefetch_related("cooperating_units")
        .filter(plan=plan, code=code)
        .first()
    )


def indicator_by_code(plan: StrategicPlan, code: str) -> Indicator | None:
    return (
        Indicator.objects.select_related("objective", "objective__aim", "owner_unit")
        .prefetch_related("targets")
        .filter(plan=plan, code=code)
        .first()
    )


def activity_of(plan: StrategicPlan, pk: int) -> Activity | None:
    return (
        Activity.objects.select_related("objective", "responsible_unit")
        .prefetch_related("costs")
        .filter(plan=plan, pk=pk)
        .first()
    )


def activities_of(objective: Objective) -> QuerySet[Activity]:
    return (
        Activity.objects.filter(objective=objective)
        .select_related("responsible_unit")
        .prefetch_related("costs")
        .order_by("code", "id")
    )


def measurements_of(indicator: Indicator) -> QuerySet[Measurement]:
    """All values of an indicator, drafts included, newest period first."""
    return (
        Measurement.objects.filter(indicator=indicator)
        .select_related("reported_by")
        .order_by("-year", "is_half_year")
    )


def measurement_of(indicator: Indicator, period: str) -> Measurement | None:
    return Measurement.objects.filter(indicator=indicator, period=period).first()


def revisions_of_indicator(indicator: Indicator) -> QuerySet[FigureRevision]:
    return (
        FigureRevision.objects.filter(indicator=indicator)
        .select_related("changed_by", "plan_revision")
        .order_by("-sequence")
    )


def plan_revisions(plan: StrategicPlan) -> QuerySet[PlanRevision]:
    return (
        PlanRevision.objects.filter(plan=plan)
        .annotate(figure_count=Count("figure_revisions"))
        .order_by("-date", "-id")
    )
