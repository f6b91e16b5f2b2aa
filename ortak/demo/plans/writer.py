"""Store a ``PlanDraft``: the plan tree in bulk, then revisions, then the aggregates.

The demo loader is trusted code, so the tree is written with ``bulk_create`` (one ``INSERT`` per
table instead of one service call, permission check, audit row and recomputation per node):
ten plans load in seconds instead of minutes. What must stay consistent goes through the plans
app's public building blocks all the same:

- the revisions of figures through ``ortak.plans.revisions.append_revision``, so that each
  plan's revision log is a valid hash chain (``verify_chain`` finds nothing);
- the stored figures through ``ortak.plans.aggregates.recompute_plan``, once, at the end.

Units the plan needs are created in the municipality when they are missing (matched by name or
slug, so units created by other demo steps or by hand are reused).
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q

from ortak.core.turkish import slugify
from ortak.demo.plans.content import STRATEGY_UNIT, unit_name
from ortak.demo.plans.drafts import FigureChange, ObjectiveDraft, PlanDraft
from ortak.organizations.models import Municipality, Unit
from ortak.plans.aggregates import recompute_plan
from ortak.plans.models import (
    Activity,
    ActivityCost,
    Aim,
    FigureRevision,
    Indicator,
    IndicatorTarget,
    Measurement,
    Objective,
    PlanRevision,
    StrategicPlan,
)
from ortak.plans.revisions import append_revision

START_YEAR, END_YEAR = 2025, 2029
BASELINE_YEAR = 2024
PUBLISH_DELAY = datetime.timedelta(days=3)


def plan_title(municipality: Municipality) -> str:
    return f"{municipality.name} {START_YEAR}-{END_YEAR} Stratejik Planı"


def ensure_units(municipality: Municipality, keys: set[str], kind: str) -> dict[str, Unit]:
    """The municipality's unit for every key, creating the missing ones (two queries)."""
    names = {key: unit_name(key, kind) for key in {*keys, STRATEGY_UNIT}}  # type: ignore[arg-type]
    slugs = {name: slugify(name) for name in set(names.values())}
    found: dict[str, Unit] = {}
    has_strategy_unit = False
    for unit in Unit.objects.filter(municipality=municipality):
        has_strategy_unit = has_strategy_unit or unit.is_strategy_unit
        if unit.name in slugs:
            found[unit.name] = unit
        else:
            for name, slug in slugs.items():
                if unit.slug == slug:
                    found.setdefault(name, unit)
    strategy_name = names[STRATEGY_UNIT]
    missing = [
        Unit(
            municipality=municipality,
            name=name,
            slug=slug,
            is_strategy_unit=name == strategy_name and not has_strategy_unit,
        )
        for name, slug in sorted(slugs.items())
        if name not in found
    ]
    for unit in Unit.objects.bulk_create(missing):
        found[unit.name] = unit
    return {key: found[name] for key, name in names.items()}


@transaction.atomic
def write_plan(draft: PlanDraft, municipality: Municipality) -> StrategicPlan:
    units = ensure_units(municipality, draft.unit_keys(), draft.kind)
    plan = StrategicPlan(
        municipality=municipality,
        start_year=START_YEAR,
        end_year=END_YEAR,
        title=plan_title(municipality),
        status=draft.status,
        council_decision_date=draft.council_decision_date,
        council_decision_number=draft.council_decision_number,
        mission=draft.mission,
        vision=draft.vision,
        core_values=draft.core_values,
        published_at=draft.published_at,
    )
    plan.full_clean()
    plan.save()

    aims = Aim.objects.bulk_create(
        Aim(plan=plan, number=a.number, code=a.code, title=a.title) for a in draft.aims
    )
    objective_rows = []
    for aim_row, aim in zip(aims, draft.aims, strict=True):
        for o in aim.objectives:
            objective_rows.append(
                Objective(
                    plan=plan,
                    aim=aim_row,
                    number=o.number,
                    code=o.code,
                    title=o.title,
                    responsible_unit=units[o.unit],
                    cooperates_with_all_units=o.all_units,
                    risks=o.risks,
                    strategies=o.strategies,
                    cost_estimate=o.cost_estimate,
                    findings=o.findings,
                    needs=o.needs,
                )
            )
    Objective.objects.bulk_create(objective_rows)
    objectives = list(draft.objectives)
    _write_cooperation(objective_rows, objectives, units)
    indicators = _write_indicators(plan, objective_rows, draft, units)
    _write_activities(plan, objective_rows, draft, units)
    if draft.revision is not None:
        revision = PlanRevision(
            plan=plan,
            date=draft.revision.date,
            reason=draft.revision.reason,
            council_decision_number=draft.revision.council_decision_number,
        )
        revision.full_clean()
        revision.save()
        _apply_changes(plan, indicators, draft.revision.changes, revision)
    _apply_changes(plan, indicators, draft.corrections, None)
    recompute_plan(plan)
    return plan


def _write_cooperation(
    rows: list[Objective], objectives: list[ObjectiveDraft], units: dict[str, Unit]
) -> None:
    through = Objective.cooperating_units.through
    through.objects.bulk_create(
        through(objective_id=row.pk, unit_id=unit_id)
        for row, objective in zip(rows, objectives, strict=True)
        for unit_id in sorted(
            {units[key].pk for key in objective.cooperating} - {row.responsible_unit_id}
        )
    )


def _write_indicators(
    plan: StrategicPlan, objective_rows: list[Objective], draft: PlanDraft, units: dict[str, Unit]
) -> dict[str, Indicator]:
    rows: list[Indicator] = []
    specs = []
    for row, objective in zip(objective_rows, draft.objectives, strict=True):
        for i in objective.indicators:
            specs.append(i)
            rows.append(
                Indicator(
                    plan=plan,
                    objective=row,
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
                    owner_unit=units[i.owner],
                )
            )
    Indicator.objects.bulk_create(rows)
    IndicatorTarget.objects.bulk_create(
        IndicatorTarget(indicator=row, year=year, value=value)
        for row, spec in zip(rows, specs, strict=True)
        for year, value in spec.targets
    )
    Measurement.objects.bulk_create(
        Measurement(
            indicator=row,
            period=m.period,
            year=m.year,
            is_half_year=m.is_half_year,
            value=m.value,
            explanation=m.explanation,
            status=Measurement.Status.PUBLISHED if m.published else Measurement.Status.SUBMITTED,
            reported_at=m.reported_at,
            published_at=m.reported_at + PUBLISH_DELAY if m.published else None,
        )
        for row, spec in zip(rows, specs, strict=True)
        for m in spec.measurements
    )
    return {row.code: row for row in rows}


def _write_activities(
    plan: StrategicPlan, objective_rows: list[Objective], draft: PlanDraft, units: dict[str, Unit]
) -> None:
    rows: list[Activity] = []
    specs = []
    for row, objective in zip(objective_rows, draft.objectives, strict=True):
        for a in objective.activities:
            specs.append(a)
            rows.append(
                Activity(
                    plan=plan,
                    objective=row,
                    code=a.code,
                    name=a.name,
                    kind=Activity.Kind.PROJECT if a.is_project else Activity.Kind.ACTIVITY,
                    responsible_unit=units[a.unit] if a.unit is not None else None,
                    start_date=a.start,
                    end_date=a.end,
                )
            )
    Activity.objects.bulk_create(rows)
    ActivityCost.objects.bulk_create(
        ActivityCost(activity=row, year=year, planned=planned, actual=actual)
        for row, spec in zip(rows, specs, strict=True)
        for year, planned, actual in spec.costs
    )


def _apply_changes(
    plan: StrategicPlan,
    indicators: dict[str, Indicator],
    changes: tuple[FigureChange, ...],
    revision: PlanRevision | None,
) -> None:
    """Append one chained revision per change and store the new figure."""
    targets = {
        (t.indicator_id, t.year): t
        for t in IndicatorTarget.objects.filter(
            Q(indicator__plan=plan), Q(year__in={c.year for c in changes if c.kind == "target"})
        )
    }
    changed_targets = []
    for change in changes:
        indicator = indicators[change.indicator_code]
        append_revision(
            plan=plan,
            indicator=indicator,
            kind=FigureRevision.Kind(change.kind),
            old_value=change.old,
            new_value=change.new,
            reason=change.reason,
            actor=None,
            year=change.year,
            period=change.period,
            plan_revision=revision,
        )
        if change.kind == FigureRevision.Kind.TARGET:
            assert change.year is not None
            target = targets[(indicator.pk, change.year)]
            target.value = change.new
            changed_targets.append(target)
    IndicatorTarget.objects.bulk_update(changed_targets, ["value"])
