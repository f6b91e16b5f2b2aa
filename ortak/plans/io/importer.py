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
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.organizations.models import Municipality
from ortak.plans import permissions
from ortak.plans.aggregates import recompute_plan
from ortak.plans.io.apply import write_changes
from ortak.plans.io.changes import KINDS, Changes, FigureChange
from ortak.plans.io.diff import compute_changes
from ortak.plans.io.document import ImportIssue, PlanDocument, Severity, WithIssues
from ortak.plans.io.loader import PlanTree, load_tree
from ortak.plans.io.reader import read_plan_file
from ortak.plans.io.validate import ValidatedDocument, find_plan, validate_document
from ortak.plans.models import (
    StrategicPlan,
)

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
class ImportReport(WithIssues):
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
    arguments: dict[str, Any] = {
        "municipality": municipality,
        "document": document,
        "plan": plan,
        "create_units": create_units,
        "issues": issues,
        "today": today,
    }
    if dry_run:
        return _preview(**arguments)
    with transaction.atomic():
        validated, tree, changes, found = _check(**arguments, lock=True)
        report_args: dict[str, Any] = {
            "municipality": municipality,
            "validated": validated,
            "document": validated.document,
            "dry_run": False,
        }
        all_issues = (*validated.issues, *found)
        if changes is None or any(issue.severity == Severity.ERROR for issue in all_issues):
            return _report(**report_args, issues=all_issues, changes=changes)
        if not changes.has_changes:  # the file matches the plan: nothing to write or to record
            return _report(**report_args, issues=all_issues, applied=True, changes=changes)
        if changes.revisions and not reason.strip():
            raise ValidationError(
                {"reason": _("The plan is adopted: give the reason for the changed figures.")}
            )
        written = write_changes(
            municipality=municipality,
            validated=validated,
            tree=tree,
            changes=changes,
            actor=actor,
            reason=reason.strip(),
            today=today,
        )
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
    return _report(**report_args, issues=all_issues, applied=True, changes=changes, plan=written)


def _preview(**arguments: Any) -> ImportReport:
    validated, _tree, changes, found = _check(**arguments, lock=False)
    return _report(
        municipality=arguments["municipality"],
        validated=validated,
        document=validated.document,
        issues=(*validated.issues, *found),
        dry_run=True,
        changes=changes,
    )


def _target(
    document: PlanDocument, municipality: Municipality, plan: StrategicPlan | None
) -> StrategicPlan | None:
    """The stored plan the document is for: the one named, or the one of the file's years."""
    if document.is_measurements_only:
        return plan
    start = document.plan.start_year if document.plan else None
    if plan is not None and plan.start_year == start:
        return plan
    return find_plan(municipality, start)


def _check(
    *,
    municipality: Municipality,
    document: PlanDocument,
    plan: StrategicPlan | None,
    create_units: bool,
    issues: Iterable[ImportIssue],
    today: datetime.date,
    lock: bool,
) -> tuple[ValidatedDocument, PlanTree | None, Changes | None, list[ImportIssue]]:
    """Validate the document against the stored plan and compare them (reads only).

    The plan's tree is read once and serves both; ``lock`` (the real import, inside its
    transaction) locks the plan's row first, so that two imports of one plan never interleave.
    """
    target = _target(document, municipality, plan)
    tree: PlanTree | None = None
    if target is not None:
        if lock:
            target = StrategicPlan.objects.select_for_update().get(pk=target.pk)
        tree = load_tree(target)
    validated = validate_document(
        document=document,
        municipality=municipality,
        plan=plan,
        create_units=create_units,
        issues=issues,
        today=today,
        tree=tree,
    )
    if not validated.ok:
        return validated, tree, None, []
    changes, found = compute_changes(validated, tree, today=today)
    return validated, tree, changes, found
