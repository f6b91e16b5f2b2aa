"""Writing the changes an import found (``diff.Changes``), in bulk, inside the import's transaction.

Called by ``importer.import_plan`` only, after the whole file was validated and compared: every
row here is known to be valid, so the writes are ``bulk_create``/``bulk_update`` per table
(a 150-indicator plan is written in a few dozen queries), each object ``full_clean``-ed first.
On an adopted plan, every changed figure first appends its revision to the plan's hash chain.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils import timezone

from ortak.audit.services import record_event
from ortak.core.turkish import search_key, slugify
from ortak.organizations.models import Municipality, Unit
from ortak.plans.io.changes import Changes
from ortak.plans.io.diff import number_of
from ortak.plans.io.loader import PlanTree
from ortak.plans.io.validate import ValidatedDocument
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
from ortak.plans.services._common import target_writes

__all__ = ["write_changes"]


def write_changes(
    *,
    municipality: Municipality,
    validated: ValidatedDocument,
    tree: PlanTree | None,
    changes: Changes,
    actor: Any,
    reason: str,
    today: datetime.date,
) -> StrategicPlan:
    """Write everything; returns the plan (created when the file's plan was new)."""
    return _Writer(
        municipality=municipality,
        validated=validated,
        tree=tree,
        changes=changes,
        actor=actor,
        reason=reason,
        today=today,
    ).write()


def _clean(obj: models.Model) -> None:
    """Field validation before a bulk write (STYLE: ``full_clean`` before saving).

    Foreign keys, uniqueness and check constraints were settled by the validator against the
    whole document (a query per row here would cost more than the import itself); the database
    constraints back them up.
    """
    exclude = [f.name for f in obj._meta.concrete_fields if f.is_relation]
    obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)


class _Writer:
    def __init__(
        self,
        *,
        municipality: Municipality,
        validated: ValidatedDocument,
        tree: PlanTree | None,
        changes: Changes,
        actor: Any,
        reason: str,
        today: datetime.date,
    ) -> None:
        self.municipality = municipality
        self.validated = validated
        self.document = validated.document
        self.changes = changes
        self.actor = actor if getattr(actor, "is_authenticated", False) else None
        self.reason = reason
        self.today = today
        self.now = timezone.now()
        self.units = dict(validated.units)
        self.aims = {a.code: a for a in tree.aims} if tree else {}
        self.objectives = {o.code: o for o in tree.objectives} if tree else {}
        self.indicators = {i.code: i for i in tree.indicators} if tree else {}
        self.tree = tree

    def unit(self, name: str) -> Unit | None:
        return self.units.get(search_key(name)) if name else None

    def write(self) -> StrategicPlan:
        self.create_units()
        plan = self.plan()
        self.update("plan")
        self.revisions(plan)
        self.tree_nodes(plan)
        self.targets()
        self.measurements()
        self.activities(plan)
        return plan

    def create_units(self) -> None:
        municipality = self.municipality
        taken = set(Unit.objects.filter(municipality=municipality).values_list("slug", flat=True))
        for name in self.validated.new_units:
            base = slugify(name) or "birim"
            slug, n = base, 2
            while slug in taken:
                slug, n = f"{base}-{n}", n + 1
            taken.add(slug)
            unit = Unit(municipality=municipality, name=name, slug=slug)
            unit.full_clean()
            unit.save()
            self.units[search_key(name)] = unit
            record_event(actor=self.actor, action="unit.created", target=unit)

    def plan(self) -> StrategicPlan:
        if self.changes.plan is not None:
            return self.changes.plan
        plan = StrategicPlan(
            municipality=self.municipality,
            status=StrategicPlan.Status.DRAFT,
            created_by=self.actor,
            **self.changes.plan_values,
        )
        plan.full_clean()
        plan.save()
        self.changes.plan = plan
        return plan

    def update(self, kind: str, extra: Iterable[tuple[Any, dict[str, Any]]] = ()) -> None:
        """Apply the in-place changes of one kind with one ``bulk_update``."""
        rows = [*self.changes.updates.get(kind, []), *extra]
        if not rows:
            return
        fields: set[str] = set()
        for obj, values in rows:
            for name, value in values.items():
                setattr(obj, name, value)
            fields.update(values)
            if hasattr(obj, "updated_at"):
                obj.updated_at = self.now
                fields.add("updated_at")
            _clean(obj)
        model = type(rows[0][0])
        model._default_manager.bulk_update([obj for obj, _values in rows], sorted(fields))

    def revisions(self, plan: StrategicPlan) -> None:
        """Append one revision per changed figure of an adopted plan, before the figure changes.

        Target, baseline and weight changes make a plan update (``PlanRevision``); corrected
        values are revisions of their own.
        """
        revised = self.changes.revisions
        if not revised:
            return
        plan_revision = None
        if any(change.kind != FigureRevision.Kind.MEASUREMENT for change in revised):
            plan_revision = PlanRevision(
                plan=plan, date=self.today, reason=self.reason, created_by=self.actor
            )
            plan_revision.full_clean()
            plan_revision.save()
        for change in revised:
            append_revision(
                plan=plan,
                indicator=self.indicators[change.indicator_code],
                kind=change.kind,
                old_value=change.old,
                new_value=change.new,
                reason=self.reason,
                actor=self.actor,
                year=change.year,
                period=change.period,
                plan_revision=(
                    None if change.kind == FigureRevision.Kind.MEASUREMENT else plan_revision
                ),
            )

    def tree_nodes(self, plan: StrategicPlan) -> None:
        new_aims = [
            Aim(plan=plan, number=number_of(row.code), code=row.code, title=row.title)
            for row in self.changes.aims_new
        ]
        self.bulk_create(Aim, new_aims)
        self.aims.update({aim.code: aim for aim in new_aims})
        self.update("aims")
        new_objectives = [
            Objective(
                plan=plan,
                aim=self.aims[row.aim_code],
                number=number_of(row.code),
                code=row.code,
                title=row.title,
                responsible_unit=self.unit(row.responsible_unit),
                cooperates_with_all_units=row.cooperates_with_all_units,
                risks=row.risks,
                strategies=row.strategies,
                cost_estimate=row.cost_estimate,
                findings=row.findings,
                needs=row.needs,
            )
            for row in self.changes.objectives_new
        ]
        self.bulk_create(Objective, new_objectives)
        self.objectives.update({o.code: o for o in new_objectives})
        self.update("objectives")
        self.cooperating()
        new_indicators = [self.new_indicator(plan, row) for row in self.changes.indicators_new]
        self.bulk_create(Indicator, new_indicators)
        self.indicators.update({i.code: i for i in new_indicators})
        self.update("indicators")

    def new_indicator(self, plan: StrategicPlan, row: Any) -> Indicator:
        default = Indicator.Frequency.SIX_MONTHLY
        return Indicator(
            plan=plan,
            objective=self.objectives[row.objective_code],
            number=number_of(row.code),
            code=row.code,
            name=row.name,
            unit_of_measure=row.unit_of_measure,
            weight=row.weight or 0,
            baseline=row.baseline,
            direction=row.direction,
            kind=row.kind,
            monitoring_frequency=row.monitoring_frequency or default,
            reporting_frequency=row.reporting_frequency or default,
            data_source=row.data_source,
            owner_unit=self.unit(row.owner_unit),
        )

    def bulk_create(self, model: type[models.Model], objs: list[Any]) -> None:
        for obj in objs:
            _clean(obj)
        if objs:
            model._default_manager.bulk_create(objs)

    def cooperating(self) -> None:
        through: Any = Objective.cooperating_units.through
        changed = {
            self.objectives[code].pk: value for code, value in self.changes.cooperating.items()
        }
        if not changed:
            return
        through.objects.filter(objective_id__in=list(changed)).delete()
        links: list[Any] = []
        for objective_id, (all_units, names) in changed.items():
            if all_units:
                continue  # "Tüm birimler": the flag says it, no list (as the editor stores it)
            unit_ids = dict.fromkeys(u.pk for name in names if (u := self.unit(name)) is not None)
            links.extend(
                through(objective_id=objective_id, unit_id=unit_id) for unit_id in unit_ids
            )
        through.objects.bulk_create(links)

    def targets(self) -> None:
        current = self.tree.targets if self.tree else {}
        create: list[IndicatorTarget] = []
        update: list[tuple[IndicatorTarget, dict[str, Any]]] = []
        delete: list[int] = []
        for code, years in self.changes.targets.items():
            indicator = self.indicators[code]
            writes = target_writes(indicator, current.get(indicator.pk, {}), years)
            create += writes.create
            update += [(row, {"value": row.value}) for row in writes.update]
            delete += writes.delete
        self.bulk_create(IndicatorTarget, create)
        self.update("targets", update)
        if delete:
            IndicatorTarget.objects.filter(pk__in=delete).delete()

    def measurements(self) -> None:
        new = []
        for row in self.changes.measurements_new:
            year, half = int(row.period[:4]), row.period.endswith("-H1")
            new.append(
                Measurement(
                    indicator=self.indicators[row.indicator_code],
                    period=row.period,
                    year=year,
                    is_half_year=half,
                    value=row.value,
                    explanation=row.explanation,
                    evidence_url=row.evidence,
                    status=Measurement.Status.PUBLISHED,
                    reported_by=self.actor,
                    reported_at=self.now,
                    published_at=self.now,
                )
            )
        self.bulk_create(Measurement, new)
        for _measurement, values in self.changes.updates.get("measurements", []):
            if values.get("status") == Measurement.Status.PUBLISHED:
                values["published_at"] = self.now
            if "value" in values:
                values["reported_by"] = self.actor
                values["reported_at"] = self.now
        self.update("measurements")

    def activities(self, plan: StrategicPlan) -> None:
        new = [
            Activity(
                plan=plan,
                objective=self.objectives[row.objective_code],
                code=row.code,
                name=row.name,
                kind=row.kind,
                responsible_unit=self.unit(row.responsible_unit),
                start_date=row.start_date,
                end_date=row.end_date,
            )
            for row in self.changes.activities_new
        ]
        self.bulk_create(Activity, new)
        self.update("activities")
        create = [
            ActivityCost(activity=activity, year=year, planned=value)
            for activity, (_row, costs) in zip(new, self.changes.new_costs, strict=True)
            for year, value in sorted(costs.items())
        ]
        update, delete = [], []
        current = self.tree.costs if self.tree else {}
        for activity_id, years in self.changes.costs.items():
            for year, value in years.items():
                cost = current.get(activity_id, {}).get(year)
                if cost is None:
                    if value is not None:
                        create.append(
                            ActivityCost(activity_id=activity_id, year=year, planned=value)
                        )
                elif value is None and cost.actual is None:
                    delete.append(cost.pk)
                else:
                    update.append((cost, {"planned": value}))
        self.bulk_create(ActivityCost, create)
        self.update("costs", update)
        if delete:
            ActivityCost.objects.filter(pk__in=delete).delete()
