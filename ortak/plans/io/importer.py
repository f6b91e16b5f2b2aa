"""The import service: validate the whole file, then write it in one transaction (or preview it).

``import_plan`` is the one entry point (the command, the upload page and the bench call it):
permission first (``permissions.can_import_plan``), then validation of the whole document, then
the comparison with the plan in the database (``diff``). With any error nothing is written. A
dry run stops there and reports what would be created or changed; a real import writes with
``bulk_create``/``bulk_update``, appends a revision for every figure of an adopted plan that
changes (``revisions.append_revision``, grouped under one ``PlanRevision``), recomputes the plan's
stored figures (``aggregates.recompute_plan``) and leaves one audit row.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.core.turkish import search_key, slugify
from ortak.organizations.models import Municipality, Unit
from ortak.plans import permissions
from ortak.plans.aggregates import recompute_plan
from ortak.plans.io.diff import KINDS, Changes, FigureChange, compute_changes, number_of
from ortak.plans.io.document import ImportIssue, PlanDocument, Severity
from ortak.plans.io.loader import PlanTree, load_tree
from ortak.plans.io.reader import read_plan_file
from ortak.plans.io.validate import ValidatedDocument, validate_document
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

__all__ = ["ImportReport", "KindCount", "import_file", "import_plan"]

KIND_LABELS = {
    "plan": _("plan"),
    "aims": _("aims"),
    "objectives": _("objectives"),
    "indicators": _("indicators"),
    "targets": _("yearly targets"),
    "measurements": _("measurements"),
    "activities": _("activities"),
}


@dataclass(frozen=True)
class KindCount:
    kind: str
    created: int
    changed: int
    unchanged: int

    @property
    def label(self) -> str:
        return str(KIND_LABELS[self.kind])


@dataclass(frozen=True)
class ImportReport:
    """What an import did, or (``dry_run``) would do; ``applied`` is True once written."""

    municipality: Municipality
    plan: StrategicPlan | None
    plan_label: str  # "2025-2029", also for a plan not created yet
    format: str
    dry_run: bool
    applied: bool
    issues: tuple[ImportIssue, ...]
    counts: tuple[KindCount, ...] = ()
    figure_changes: tuple[FigureChange, ...] = ()
    plan_created: bool = False
    locked: bool = False

    @property
    def errors(self) -> tuple[ImportIssue, ...]:
        return tuple(issue for issue in self.issues if issue.severity == Severity.ERROR)

    @property
    def warnings(self) -> tuple[ImportIssue, ...]:
        return tuple(issue for issue in self.issues if issue.severity == Severity.WARNING)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def revisions(self) -> tuple[FigureChange, ...]:
        return tuple(change for change in self.figure_changes if change.revised)

    @property
    def needs_reason(self) -> bool:
        """An adopted plan's figures change: the revisions need a reason."""
        return bool(self.revisions)

    @property
    def has_changes(self) -> bool:
        return any(count.created or count.changed for count in self.counts)

    def count(self, kind: str) -> KindCount:
        return next(count for count in self.counts if count.kind == kind)


def _report(
    *,
    municipality: Municipality,
    validated: ValidatedDocument | None,
    document: PlanDocument | None,
    issues: Iterable[ImportIssue],
    dry_run: bool,
    applied: bool = False,
    changes: Changes | None = None,
    plan: StrategicPlan | None = None,
) -> ImportReport:
    header = document.plan if document is not None else None
    plan = plan or (validated.plan if validated else None)
    if plan is not None:
        label = plan.period_label
    elif header is not None and header.start_year and header.end_year:
        label = f"{header.start_year}-{header.end_year}"
    else:
        label = ""
    counts: tuple[KindCount, ...] = ()
    if changes is not None:
        counts = tuple(KindCount(kind, **changes.counts[kind]) for kind in KINDS)
    return ImportReport(
        municipality=municipality,
        plan=plan,
        plan_label=label,
        format=document.format if document else "",
        dry_run=dry_run,
        applied=applied,
        issues=tuple(issues),
        counts=counts,
        figure_changes=tuple(changes.figure_changes) if changes else (),
        plan_created=changes is not None and changes.counts["plan"]["created"] > 0,
        locked=changes.locked if changes else False,
    )


def import_file(
    *,
    municipality: Municipality,
    content: bytes,
    filename: str,
    actor: Any,
    dry_run: bool = False,
    plan: StrategicPlan | None = None,
    reason: str = "",
    create_units: bool = False,
    today: datetime.date | None = None,
) -> ImportReport:
    """Read a file (xlsx, json or csv) and import it; see ``import_plan``."""
    if actor is not None and not permissions.can_import_plan(actor, municipality):
        raise PermissionDenied
    result = read_plan_file(content, filename=filename)
    if result.document is None or result.errors:
        return _report(
            municipality=municipality,
            validated=None,
            document=result.document,
            issues=result.issues,
            dry_run=dry_run,
        )
    return import_plan(
        municipality=municipality,
        document=result.document,
        actor=actor,
        dry_run=dry_run,
        plan=plan,
        reason=reason,
        create_units=create_units,
        issues=result.issues,
        today=today,
    )


def import_plan(
    *,
    municipality: Municipality,
    document: PlanDocument,
    actor: Any,
    dry_run: bool = False,
    plan: StrategicPlan | None = None,
    reason: str = "",
    create_units: bool = False,
    issues: Iterable[ImportIssue] = (),
    today: datetime.date | None = None,
) -> ImportReport:
    """Validate the whole document, then create or update the plan it describes.

    ``actor`` None is the operator at the command line (no permission check); every page passes
    the signed-in user, who must pass ``can_import_plan``. ``plan`` names the plan of a
    measurements-only (CSV) document. On an adopted plan, changed figures need a ``reason``
    (``ValidationError`` otherwise; the dry run tells whether one is needed). Nothing is written
    when any issue is an error, or on a dry run.
    """
    if actor is not None and not permissions.can_import_plan(actor, municipality):
        raise PermissionDenied
    if plan is not None and plan.municipality_id != municipality.pk:
        raise PermissionDenied
    today = today or timezone.localdate()
    validated = validate_document(
        document=document,
        municipality=municipality,
        plan=plan,
        create_units=create_units,
        issues=issues,
        today=today,
    )
    report_args: dict[str, Any] = {
        "municipality": municipality,
        "validated": validated,
        "document": validated.document,
    }
    if not validated.ok:
        return _report(**report_args, issues=validated.issues, dry_run=dry_run)
    if dry_run:
        changes, found, _tree = _compare(validated, today, lock=False)
        return _report(
            **report_args, issues=(*validated.issues, *found), dry_run=True, changes=changes
        )
    with transaction.atomic():
        changes, found, tree = _compare(validated, today, lock=True)
        all_issues = (*validated.issues, *found)
        if any(issue.severity == Severity.ERROR for issue in all_issues):
            return _report(**report_args, issues=all_issues, dry_run=False, changes=changes)
        if changes.revisions and not reason.strip():
            raise ValidationError(
                {"reason": _("The plan is adopted: give the reason for the changed figures.")}
            )
        written = _Writer(
            municipality=municipality,
            validated=validated,
            tree=tree,
            changes=changes,
            actor=actor,
            reason=reason.strip(),
            today=today,
        ).write()
        recompute_plan(written)
        record_event(
            actor=actor,
            action="plan.imported",
            target=written,
            data={
                "format": validated.document.format,
                "counts": changes.counts,
                "revisions": len(changes.revisions),
            },
        )
    return _report(
        **report_args,
        issues=all_issues,
        dry_run=False,
        applied=True,
        changes=changes,
        plan=written,
    )


def _compare(
    validated: ValidatedDocument, today: datetime.date, *, lock: bool
) -> tuple[Changes, list[ImportIssue], PlanTree | None]:
    tree: PlanTree | None = None
    if validated.plan is not None:
        plan = validated.plan
        if lock:  # two imports of one plan never interleave
            plan = StrategicPlan.objects.select_for_update().get(pk=plan.pk)
        tree = load_tree(plan)
    changes, issues = compute_changes(validated, tree, today=today)
    return changes, issues, tree


# --- Writing --------------------------------------------------------------------------


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
        create, update, delete = [], [], []
        for code, years in self.changes.targets.items():
            indicator = self.indicators[code]
            existing = current.get(indicator.pk, {})
            for year, value in years.items():
                row = existing.get(year)
                if value is None:
                    if row is not None:
                        delete.append(row.pk)
                elif row is None:
                    create.append(IndicatorTarget(indicator=indicator, year=year, value=value))
                else:
                    update.append((row, {"value": value}))
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
