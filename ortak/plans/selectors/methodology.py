"""The "how is this calculated" page: the rules applied to one of the plan's own indicators."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, OuterRef, Prefetch, Q, Subquery

from ortak.plans.models import Aim, Indicator, IndicatorTarget, Objective, StrategicPlan
from ortak.plans.progress import normalised_weights
from ortak.plans.selectors.tree import (
    IndicatorYear,
    display_decimals,
    indicator_years,
    published_measurements,
)

# --- The "how is this calculated" page -----------------------------------------------


@dataclass(frozen=True)
class WeightedPart:
    """One indicator in its objective's weighted mean (rule 6)."""

    indicator: Indicator
    weight: Decimal
    share: Decimal
    realization: Decimal | None

    @property
    def share_percent(self) -> Decimal:
        return self.share * 100

    @property
    def contribution(self) -> Decimal:
        """Share × clamped r; a not-reported indicator adds 0 (rule 5)."""
        return self.share * (self.realization or Decimal(0))


@dataclass(frozen=True)
class MeanPart:
    """One objective in its aim's mean, or one aim in the plan's mean (rule 6).

    ``counted`` is what the mean uses: the stored realization, 0 when nothing under the node is
    reported (coverage 0), ``None`` when the node has nothing under it and is left out.
    """

    node: Aim | Objective

    @property
    def counted(self) -> Decimal | None:
        if self.node.realization is not None:
            return self.node.realization
        return Decimal(0) if self.node.coverage is not None else None


@dataclass(frozen=True)
class WorkedExample:
    """One of the plan's own indicators, with the numbers that went into its stored figures."""

    indicator: Indicator
    baseline: Decimal
    final_target: Decimal
    value: Decimal
    period: str
    raw: Decimal
    clamped: Decimal | None
    year: IndicatorYear | None
    decimals: int
    weighted: list[WeightedPart]
    objective: Objective
    aim_objectives: list[MeanPart]
    plan_aims: list[MeanPart]


def _example_indicator(plan: StrategicPlan) -> Indicator | None:
    """A reported indicator whose plan-lens C is its latest value (rule 2) and whose B ≠ A.

    Three queries (the indicator, its targets, its published measurements).
    """
    final_target = IndicatorTarget.objects.filter(
        indicator=OuterRef("pk"), year=plan.end_year
    ).values("value")[:1]
    return (
        Indicator.objects.filter(
            plan=plan,
            realization_raw__isnull=False,
            latest_value__isnull=False,
            baseline__isnull=False,
        )
        .filter(Q(kind=Indicator.Kind.CUMULATIVE) | ~Q(latest_period__endswith="-H1"))
        .annotate(final_target=Subquery(final_target))
        .filter(final_target__isnull=False)
        .exclude(final_target=F("baseline"))
        .select_related("objective", "objective__aim")
        .prefetch_related(
            Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")),
            Prefetch("measurements", queryset=published_measurements()),
        )
        .order_by("objective__aim__number", "objective__number", "number")
        .first()
    )


def worked_example(plan: StrategicPlan) -> WorkedExample | None:
    """The plan's own numbers for the methodology page; ``None`` while nothing is reported.

    Six queries: the example indicator with its targets and measurements, its objective's
    indicators, its aim's objectives, the plan's aims.
    """
    indicator = _example_indicator(plan)
    if indicator is None:
        return None
    targets = {t.year: t.value for t in indicator.targets.all()}
    latest_year = int(indicator.latest_period[:4])
    year_row = (
        indicator_years(indicator, [latest_year])[0]
        if plan.start_year <= latest_year <= plan.end_year
        else None
    )
    siblings = list(
        Indicator.objects.filter(objective_id=indicator.objective_id).order_by("number")
    )
    shares = normalised_weights([s.weight for s in siblings])
    objective = indicator.objective
    assert indicator.baseline is not None and indicator.latest_value is not None
    assert indicator.realization_raw is not None
    return WorkedExample(
        indicator=indicator,
        baseline=indicator.baseline,
        final_target=targets[plan.end_year],
        value=indicator.latest_value,
        period=indicator.latest_period,
        raw=indicator.realization_raw,
        clamped=indicator.realization,
        year=year_row,
        decimals=display_decimals([indicator.baseline, indicator.latest_value, *targets.values()]),
        weighted=[
            WeightedPart(indicator=s, weight=s.weight, share=share, realization=s.realization)
            for s, share in zip(siblings, shares, strict=True)
        ],
        objective=objective,
        aim_objectives=[
            MeanPart(o)
            for o in Objective.objects.filter(aim_id=objective.aim_id).order_by("number")
        ],
        plan_aims=[MeanPart(a) for a in Aim.objects.filter(plan=plan).order_by("number")],
    )
