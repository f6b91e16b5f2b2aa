"""Stored progress figures of a plan (ARCHITECTURE §4 rule 8).

``recompute_plan(plan)`` loads the plan's tree, targets and published measurements in a constant
number of queries, computes every figure with ``ortak.plans.progress`` and writes back the rows
whose figures changed (``bulk_update``). Services call it in the same transaction as the write that
changes figures, so pages read stored numbers and never compute.

Stored shapes (decimal strings, full precision of the column, no trailing zeros):

- ``Indicator``: ``realization`` (plan lens, clamped), ``realization_raw``, ``status``,
  ``latest_value``/``latest_period`` (the most recent published value), and
  ``realization_by_year = {"2025": {"realization": "100", "raw": "120", "coverage": "100"}}``
  (``realization``/``raw`` are null and ``coverage`` is ``"0"`` when not reported that year).
- ``Objective``, ``Aim``, ``StrategicPlan``: ``realization`` (null when nothing under the node is
  reported), ``coverage`` (%), and ``realization_by_year = {"2025": {"realization": "..",
  "coverage": ".."}}``.
- Freshness, on every node: ``last_published_at`` (son güncelleme: the latest publication or
  revision of a value under the node) and, on objectives, aims and the plan, ``overdue_count``
  (how many indicators under the node are overdue; gecikmiş).

Only an adopted plan is monitored, so only an adopted plan has overdue indicators (decision 0003);
its due dates come from the municipality's reporting calendar (``ortak.plans.hooks``).

Only rows whose figures changed are written, so recording one measurement costs the same number of
queries whatever the size of the plan. A first computation of a big plan may need more than one
``UPDATE`` per table on SQLite, whose statements take at most 999 parameters.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import models
from django.db.models import Max
from django.utils import timezone

from ortak.plans import hooks, progress
from ortak.plans.models import (
    Aim,
    FigureRevision,
    Indicator,
    IndicatorTarget,
    Measurement,
    Objective,
    StrategicPlan,
)

__all__ = ["decimal_text", "recompute_plan"]

# Stored aggregates: DecimalField(max_digits=24, decimal_places=10).
_QUANTUM = Decimal("1e-10")
_LIMIT = Decimal("1e14") - _QUANTUM

INDICATOR_FIELDS = [
    "realization",
    "realization_raw",
    "realization_by_year",
    "status",
    "latest_value",
    "latest_period",
    "last_published_at",
    "aggregates_updated_at",
]
NODE_FIELDS = [
    "realization",
    "coverage",
    "realization_by_year",
    "last_published_at",
    "overdue_count",
    "aggregates_updated_at",
]


def stored(value: Decimal | None) -> Decimal | None:
    """Round to the column's precision; an absurd raw r (B − A tiny) saturates instead of failing."""
    if value is None:
        return None
    return max(-_LIMIT, min(_LIMIT, value)).quantize(_QUANTUM, rounding=ROUND_HALF_UP)


def decimal_text(value: Decimal | None) -> str | None:
    """A stored decimal as JSON text: ``Decimal("100.0000000000")`` → ``"100"``."""
    rounded = stored(value)
    if rounded is None:
        return None
    text = format(rounded.normalize(), "f")
    return "0" if text in {"-0", "0"} else text


def _latest(*moments: datetime.datetime | None) -> datetime.datetime | None:
    present = [moment for moment in moments if moment is not None]
    return max(present) if present else None


def _last_revised(plan: StrategicPlan) -> dict[int, datetime.datetime | None]:
    """Per indicator, when one of its figures was last revised. One read."""
    return dict(
        FigureRevision.objects.filter(plan=plan)
        .values("indicator_id")
        .annotate(latest=Max("changed_at"))
        .values_list("indicator_id", "latest")
    )


def _facts_by_indicator(
    plan: StrategicPlan,
    indicators: Sequence[Indicator],
    last_published: dict[int, datetime.datetime | None],
) -> dict[int, Any]:
    """The facts of every indicator; also fills ``last_published`` (son güncelleme)."""
    targets: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for indicator_id, year, value in IndicatorTarget.objects.filter(
        indicator__plan=plan
    ).values_list("indicator_id", "year", "value"):
        targets[indicator_id][year] = value
    values: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for indicator_id, period, value, published_at in Measurement.objects.filter(
        indicator__plan=plan, status=Measurement.Status.PUBLISHED
    ).values_list("indicator_id", "period", "value", "published_at"):
        values[indicator_id][period] = value
        last_published[indicator_id] = _latest(last_published.get(indicator_id), published_at)
    return {
        indicator.pk: progress.IndicatorFacts(
            baseline=indicator.baseline,
            targets=targets.get(indicator.pk, {}),
            values=values.get(indicator.pk, {}),
            direction=indicator.direction,
            kind=indicator.kind,
            weight=indicator.weight,
            monitoring_frequency=indicator.monitoring_frequency,
        )
        for indicator in indicators
    }


def _indicator_year(lens: progress.LensResult) -> dict[str, str | None]:
    return {
        "realization": decimal_text(lens.clamped),
        "raw": decimal_text(lens.raw),
        "coverage": "100" if lens.reported else "0",
    }


def _node_year(result: progress.AggregateResult) -> dict[str, str | None]:
    return {
        "realization": decimal_text(result.realization),
        "coverage": decimal_text(result.coverage),
    }


def _assign(obj: models.Model, values: dict[str, Any]) -> bool:
    """Set the figures on ``obj``; True when any of them changed."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


@dataclass(frozen=True)
class _Freshness:
    """Son güncelleme and the number of overdue indicators under a node."""

    last_published_at: datetime.datetime | None = None
    overdue_count: int = 0

    @classmethod
    def of(cls, parts: Iterable[_Freshness]) -> _Freshness:
        items = list(parts)
        return cls(
            last_published_at=_latest(*(p.last_published_at for p in items)),
            overdue_count=sum(p.overdue_count for p in items),
        )


def _node_values(
    plan_lens: progress.AggregateResult,
    by_year: dict[int, progress.AggregateResult],
    freshness: _Freshness,
) -> dict[str, Any]:
    return {
        "realization": stored(plan_lens.realization),
        "coverage": stored(plan_lens.coverage),
        "realization_by_year": {str(year): _node_year(r) for year, r in by_year.items()},
        "last_published_at": freshness.last_published_at,
        "overdue_count": freshness.overdue_count,
    }


def recompute_plan(
    plan: StrategicPlan,
    *,
    today: datetime.date | None = None,
    thresholds: progress.Thresholds | None = None,
    due_dates: progress.DueDates | None = None,
) -> None:
    """Recompute and store every figure of one plan (indicators, objectives, aims, the plan).

    Six reads (seven or eight for an adopted plan: its due dates), then at most one ``UPDATE``
    per table for the rows that changed (more only for very large first computations on
    SQLite). Call it inside the writing service's transaction.
    """
    today = today or timezone.localdate()
    thresholds = thresholds or progress.Thresholds.from_settings()
    now = timezone.now()
    years = plan.years
    monitored = plan.status == StrategicPlan.Status.ADOPTED
    if due_dates is None:
        due_dates = hooks.due_dates_for(plan) if monitored else progress.DEFAULT_DUE_DATES

    indicators = list(
        Indicator.objects.filter(plan=plan).only(
            "id",
            "objective_id",
            "baseline",
            "direction",
            "kind",
            "weight",
            "monitoring_frequency",
            *INDICATOR_FIELDS,
        )
    )
    objectives = list(Objective.objects.filter(plan=plan).only("id", "aim_id", *NODE_FIELDS))
    aims = list(Aim.objects.filter(plan=plan).only("id", *NODE_FIELDS))
    last_published = _last_revised(plan)
    facts = _facts_by_indicator(plan, indicators, last_published)

    # Indicators.
    by_objective: dict[int, list[tuple[Decimal, progress.IndicatorProgress]]] = defaultdict(list)
    freshness_by_objective: dict[int, list[_Freshness]] = defaultdict(list)
    changed_indicators = []
    for indicator in indicators:
        result = progress.compute_indicator(
            facts[indicator.pk],
            years,
            today=today,
            thresholds=thresholds,
            due_dates=due_dates,
            monitored=monitored,
        )
        by_objective[indicator.objective_id].append((indicator.weight, result))
        freshness_by_objective[indicator.objective_id].append(
            _Freshness(
                last_published.get(indicator.pk),
                int(result.status == progress.Status.OVERDUE),
            )
        )
        values = {
            "realization": stored(result.plan.clamped),
            "realization_raw": stored(result.plan.raw),
            "realization_by_year": {
                str(year): _indicator_year(lens) for year, lens in result.by_year.items()
            },
            "status": str(result.status),
            "latest_value": result.latest_value,
            "latest_period": "" if result.latest_period is None else str(result.latest_period),
            "last_published_at": last_published.get(indicator.pk),
        }
        if _assign(indicator, values):
            indicator.aggregates_updated_at = now
            changed_indicators.append(indicator)

    # Objectives: weighted means of their indicators (rule 6), per lens.
    objective_results: dict[
        int, tuple[progress.AggregateResult, dict[int, progress.AggregateResult]]
    ] = {}
    objective_freshness: dict[int, _Freshness] = {}
    changed_objectives = []
    for objective in objectives:
        parts = by_objective.get(objective.pk, [])
        plan_result = progress.aggregate_objective([(w, r.plan) for w, r in parts])
        year_results = {
            year: progress.aggregate_objective([(w, r.by_year[year]) for w, r in parts])
            for year in years
        }
        objective_results[objective.pk] = (plan_result, year_results)
        freshness = _Freshness.of(freshness_by_objective.get(objective.pk, []))
        objective_freshness[objective.pk] = freshness
        if _assign(objective, _node_values(plan_result, year_results, freshness)):
            objective.aggregates_updated_at = now
            changed_objectives.append(objective)

    # Aims and the plan: plain means (rule 6).
    by_aim: dict[int, list[int]] = defaultdict(list)
    for objective in objectives:
        by_aim[objective.aim_id].append(objective.pk)
    aim_results = []
    changed_aims = []
    for aim in aims:
        children = [objective_results[pk] for pk in by_aim.get(aim.pk, [])]
        plan_result = progress.aggregate_mean(c[0] for c in children)
        year_results = {
            year: progress.aggregate_mean(c[1][year] for c in children) for year in years
        }
        aim_results.append((plan_result, year_results))
        freshness = _Freshness.of(objective_freshness[pk] for pk in by_aim.get(aim.pk, []))
        if _assign(aim, _node_values(plan_result, year_results, freshness)):
            aim.aggregates_updated_at = now
            changed_aims.append(aim)

    plan_values = _node_values(
        progress.aggregate_mean(a[0] for a in aim_results),
        {year: progress.aggregate_mean(a[1][year] for a in aim_results) for year in years},
        _Freshness.of(objective_freshness.values()),
    )

    if changed_indicators:
        Indicator.objects.bulk_update(changed_indicators, INDICATOR_FIELDS)
    if changed_objectives:
        Objective.objects.bulk_update(changed_objectives, NODE_FIELDS)
    if changed_aims:
        Aim.objects.bulk_update(changed_aims, NODE_FIELDS)
    _assign(plan, plan_values)
    plan.aggregates_updated_at = now
    StrategicPlan.objects.filter(pk=plan.pk).update(**plan_values, aggregates_updated_at=now)
