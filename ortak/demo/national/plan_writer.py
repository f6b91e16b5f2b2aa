"""Store plan drafts many at a time, then compute their figures.

Rows of a batch of plans go in with one ``bulk_create`` per table (the database returns the ids,
in order, on PostgreSQL and SQLite alike). What must stay consistent goes through the plans app:
the revision chain is hashed with its ``content_hash`` (``chain``), adopted plans are announced
through ``hooks.plan_status_changed`` (monitoring creates their periods), and the stored figures
are computed by ``recompute_plan``, plan by plan, as of the generated world's date.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ortak.demo.national import chain
from ortak.demo.national.options import ISTANBUL, Options
from ortak.demo.national.people import Staff
from ortak.demo.national.places import Place
from ortak.demo.national.timeline import CORRECTED_ON
from ortak.demo.plans.drafts import FigureChange, PlanDraft
from ortak.demo.plans.writer import BASELINE_YEAR, END_YEAR, PUBLISH_DELAY, START_YEAR
from ortak.plans import hooks
from ortak.plans.aggregates import recompute_plan
from ortak.plans.models import (
    Activity,
    ActivityCost,
    Aim,
    FigureRevision,
    Indicator,
    IndicatorTarget,
    Measurement,
    NodeKind,
    Objective,
    PlanRevision,
    StrategicPlan,
)


@dataclass(frozen=True)
class Node:
    kind: str
    id: int
    unit: int | None  # the unit that answers for it (participation's routing)


@dataclass(frozen=True)
class WrittenPlan:
    """What participation needs of a written plan, without reading it back."""

    id: int
    place: Place
    status: str
    published_at: datetime.datetime | None
    nodes: tuple[Node, ...]
    activities: tuple[int, ...]

    @property
    def is_public(self) -> bool:
        return self.status != StrategicPlan.Status.DRAFT


def _figure_revisions(
    plan: StrategicPlan,
    draft: PlanDraft,
    indicators: dict[str, Indicator],
    revision: PlanRevision | None,
    editor: int,
) -> list[FigureRevision]:
    """Corrections of 2025 values (spring 2026), then the mid-term update's target changes."""

    def row(
        change: FigureChange, at: datetime.datetime, group: PlanRevision | None
    ) -> FigureRevision:
        return FigureRevision(
            plan_id=plan.pk,
            kind=change.kind,
            indicator_id=indicators[change.indicator_code].pk,
            year=change.year,
            period=change.period,
            old_value=change.old,
            new_value=change.new,
            reason=change.reason,
            plan_revision=group,
            changed_by_id=editor,
            changed_at=at,
        )

    corrected = datetime.datetime.combine(CORRECTED_ON, datetime.time(10), tzinfo=ISTANBUL)
    rows = [
        row(change, corrected - datetime.timedelta(days=10 - n, microseconds=n * 137), None)
        for n, change in enumerate(draft.corrections)
    ]
    if draft.revision is not None:
        updated = datetime.datetime.combine(draft.revision.date, datetime.time(11), tzinfo=ISTANBUL)
        rows += [
            row(change, updated + datetime.timedelta(seconds=n, microseconds=n * 211), revision)
            for n, change in enumerate(draft.revision.changes)
        ]
    return rows


class _Batch:
    """The rows of a few plans, written table by table."""

    def __init__(self, options: Options) -> None:
        self.options = options

    def _create(self, model: type, rows: list) -> list:  # type: ignore[type-arg]
        return model._default_manager.bulk_create(rows, batch_size=self.options.batch_size)  # type: ignore[attr-defined,no-any-return]

    def write(
        self, items: Sequence[tuple[Place, PlanDraft]], staff: dict[int, Staff]
    ) -> list[WrittenPlan]:
        plans = self._create(
            StrategicPlan,
            [
                StrategicPlan(
                    municipality_id=place.id,
                    start_year=START_YEAR,
                    end_year=END_YEAR,
                    title=f"{place.name} {START_YEAR}-{END_YEAR} Stratejik Planı",
                    status=draft.status,
                    council_decision_date=draft.council_decision_date,
                    council_decision_number=draft.council_decision_number,
                    mission=draft.mission,
                    vision=draft.vision,
                    core_values=draft.core_values,
                    published_at=draft.published_at,
                    created_by_id=staff[place.id].editor,
                )
                for place, draft in items
            ],
        )
        aims = self._create(
            Aim,
            [
                Aim(plan=plan, number=a.number, code=a.code, title=a.title)
                for plan, (_place, draft) in zip(plans, items, strict=True)
                for a in draft.aims
            ],
        )
        aim_of = {(a.plan_id, a.code): a for a in aims}
        objectives = self._create(
            Objective,
            [
                Objective(
                    plan=plan,
                    aim=aim_of[(plan.pk, aim.code)],
                    number=o.number,
                    code=o.code,
                    title=o.title,
                    responsible_unit_id=place.units[o.unit],
                    cooperates_with_all_units=o.all_units,
                    risks=o.risks,
                    strategies=o.strategies,
                    cost_estimate=o.cost_estimate,
                    findings=o.findings,
                    needs=o.needs,
                )
                for plan, (place, draft) in zip(plans, items, strict=True)
                for aim in draft.aims
                for o in aim.objectives
            ],
        )
        objective_of = {(o.plan_id, o.code): o for o in objectives}
        self._cooperation(plans, items, objective_of)
        indicators = self._indicators(plans, items, objective_of)
        activities = self._activities(plans, items, objective_of)
        self._revisions(plans, items, indicators, staff)
        return [
            self._written(plan, place, draft, aims, objective_of, indicators, activities)
            for plan, (place, draft) in zip(plans, items, strict=True)
        ]

    def _cooperation(self, plans, items, objective_of) -> None:  # type: ignore[no-untyped-def]
        through = Objective.cooperating_units.through
        rows = []
        for plan, (place, draft) in zip(plans, items, strict=True):
            for o in draft.objectives:
                objective = objective_of[(plan.pk, o.code)]
                units = {place.units[key] for key in o.cooperating} - {
                    objective.responsible_unit_id
                }
                rows += [through(objective_id=objective.pk, unit_id=u) for u in sorted(units)]
        self._create(through, rows)

    def _indicators(self, plans, items, objective_of) -> dict[tuple[int, str], Indicator]:  # type: ignore[no-untyped-def]
        rows, specs = [], []
        for plan, (place, draft) in zip(plans, items, strict=True):
            revised = {
                (c.indicator_code, c.year): c.new
                for c in (draft.revision.changes if draft.revision else ())
                if c.kind == FigureRevision.Kind.TARGET
            }
            for o in draft.objectives:
                for i in o.indicators:
                    targets = [
                        (year, revised.get((i.code, year), value)) for year, value in i.targets
                    ]
                    specs.append((i, targets))
                    rows.append(
                        Indicator(
                            plan=plan,
                            objective=objective_of[(plan.pk, o.code)],
                            number=i.number,
                            code=i.code,
                            name=i.name,
                            unit_of_measure=i.unit_of_measure,
                            weight=i.weight,
                            baseline=i.baseline,
                            baseline_year=BASELINE_YEAR,
                            direction=i.direction,
                            kind=i.kind,
                            monitoring_frequency=i.frequency,
                            reporting_frequency=i.frequency,
                            data_source=i.data_source,
                            owner_unit_id=place.units[i.owner],
                        )
                    )
        self._create(Indicator, rows)
        self._create(
            IndicatorTarget,
            [
                IndicatorTarget(indicator=row, year=year, value=value)
                for row, (_spec, targets) in zip(rows, specs, strict=True)
                for year, value in targets
            ],
        )
        self._create(
            Measurement,
            [
                Measurement(
                    indicator=row,
                    period=m.period,
                    year=m.year,
                    is_half_year=m.is_half_year,
                    value=m.value,
                    explanation=m.explanation,
                    status=Measurement.Status.PUBLISHED
                    if m.published
                    else Measurement.Status.SUBMITTED,
                    reported_at=m.reported_at,
                    published_at=m.reported_at + PUBLISH_DELAY if m.published else None,
                )
                for row, (spec, _targets) in zip(rows, specs, strict=True)
                for m in spec.measurements
            ],
        )
        return {(row.plan_id, row.code): row for row in rows}

    def _activities(self, plans, items, objective_of) -> list[Activity]:  # type: ignore[no-untyped-def]
        rows, specs = [], []
        for plan, (place, draft) in zip(plans, items, strict=True):
            for o in draft.objectives:
                for a in o.activities:
                    specs.append(a)
                    rows.append(
                        Activity(
                            plan=plan,
                            objective=objective_of[(plan.pk, o.code)],
                            code=a.code,
                            name=a.name,
                            kind=Activity.Kind.PROJECT if a.is_project else Activity.Kind.ACTIVITY,
                            responsible_unit_id=place.units[a.unit] if a.unit else None,
                            start_date=a.start,
                            end_date=a.end,
                        )
                    )
        self._create(Activity, rows)
        self._create(
            ActivityCost,
            [
                ActivityCost(activity=row, year=year, planned=planned, actual=actual)
                for row, spec in zip(rows, specs, strict=True)
                for year, planned, actual in spec.costs
            ],
        )
        return rows

    def _revisions(self, plans, items, indicators, staff: dict[int, Staff]) -> None:  # type: ignore[no-untyped-def]
        groups = {}
        for plan, (place, draft) in zip(plans, items, strict=True):
            if draft.revision is not None:
                groups[plan.pk] = PlanRevision(
                    plan=plan,
                    date=draft.revision.date,
                    reason=draft.revision.reason,
                    council_decision_number=draft.revision.council_decision_number,
                    created_by_id=staff[place.id].editor,
                )
        self._create(PlanRevision, list(groups.values()))
        chains = []
        for plan, (place, draft) in zip(plans, items, strict=True):
            by_code = {
                code: row for (plan_id, code), row in indicators.items() if plan_id == plan.pk
            }
            chains.append(
                _figure_revisions(plan, draft, by_code, groups.get(plan.pk), staff[place.id].editor)
            )
        chain.insert_chains(chains, batch_size=self.options.batch_size)

    def _written(
        self, plan, place, draft, aims, objective_of, indicators, activities
    ) -> WrittenPlan:  # type: ignore[no-untyped-def]
        strategy = place.strategy_unit
        nodes = [Node(NodeKind.PLAN, plan.pk, strategy)]
        nodes += [Node(NodeKind.AIM, a.pk, strategy) for a in aims if a.plan_id == plan.pk]
        unit_of_objective = {}
        for o in draft.objectives:
            row = objective_of[(plan.pk, o.code)]
            unit_of_objective[row.pk] = row.responsible_unit_id
            nodes.append(Node(NodeKind.OBJECTIVE, row.pk, row.responsible_unit_id))
        for (plan_id, _code), i in indicators.items():
            if plan_id == plan.pk:
                nodes.append(
                    Node(
                        NodeKind.INDICATOR,
                        i.pk,
                        i.owner_unit_id or unit_of_objective[i.objective_id],
                    )
                )
        mine = [a for a in activities if a.plan_id == plan.pk]
        nodes += [
            Node(
                NodeKind.ACTIVITY, a.pk, a.responsible_unit_id or unit_of_objective[a.objective_id]
            )
            for a in mine
        ]
        return WrittenPlan(
            plan.pk,
            place,
            draft.status,
            draft.published_at,
            tuple(nodes),
            tuple(a.pk for a in mine),
        )


def write_plans(
    items: Sequence[tuple[Place, PlanDraft]], staff: dict[int, Staff], options: Options
) -> list[WrittenPlan]:
    """Write a batch of plans (a few at a time keeps the statements large and memory small)."""
    written = _Batch(options).write(items, staff)
    for plan in StrategicPlan.objects.filter(
        pk__in=[w.id for w in written], status=StrategicPlan.Status.ADOPTED
    ):
        hooks.plan_status_changed(plan, StrategicPlan.Status.DRAFT)
    return written


def compute_figures(plan_ids: Sequence[int], options: Options, tick: Callable[[int], None]) -> None:
    """Every stored figure of the plans, as of the generated world's date."""
    for plan in StrategicPlan.objects.filter(pk__in=plan_ids).order_by("pk").iterator():
        recompute_plan(plan, today=options.as_of)
        tick(1)
