"""Services for the plan itself: create, edit its texts, move it through its statuses, delete."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.organizations.models import Municipality
from ortak.plans import hooks, permissions
from ortak.plans.aggregates import recompute_plan
from ortak.plans.models import PlanRevision, StrategicPlan
from ortak.plans.services._common import changed_fields, require, save

Status = StrategicPlan.Status

# draft → consultation → adopted → archived; a consultation may go back to draft, and a draft may
# be adopted directly (plans prepared before the platform existed).
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.CONSULTATION, Status.ADOPTED}),
    Status.CONSULTATION: frozenset({Status.DRAFT, Status.ADOPTED}),
    Status.ADOPTED: frozenset({Status.ARCHIVED}),
    Status.ARCHIVED: frozenset(),
}
PLAN_LENGTH_YEARS = 5


@transaction.atomic
def create_plan(
    *,
    actor: Any,
    municipality: Municipality,
    start_year: int,
    end_year: int | None = None,
    title: str = "",
    mission: str = "",
    vision: str = "",
    core_values: str = "",
    source_document: UploadedFile | None = None,
) -> StrategicPlan:
    """A new draft plan; five years long unless ``end_year`` says otherwise."""
    require(permissions.can_create_plan(actor, municipality))
    end_year = end_year if end_year is not None else start_year + PLAN_LENGTH_YEARS - 1
    if StrategicPlan.objects.filter(municipality=municipality, start_year=start_year).exists():
        raise ValidationError(
            {
                "start_year": _("This municipality already has a plan starting in %(year)s.")
                % {"year": start_year}
            }
        )
    plan = StrategicPlan(
        municipality=municipality,
        start_year=start_year,
        end_year=end_year,
        title=title.strip()
        or str(
            _("%(municipality)s Strategic Plan %(start)s–%(end)s")
            % {"municipality": municipality.name, "start": start_year, "end": end_year}
        ),
        mission=mission,
        vision=vision,
        core_values=core_values,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    if source_document is not None:
        plan.source_document = source_document
    _validate_years(plan)
    save(plan)
    record_event(actor=actor, action="plan.created", target=plan)
    return plan


def _validate_years(plan: StrategicPlan) -> None:
    if plan.end_year < plan.start_year or plan.end_year > plan.start_year + PLAN_LENGTH_YEARS:
        raise ValidationError(
            {"end_year": _("A strategic plan covers one to five years from its start year.")}
        )
    if not 2000 <= plan.start_year <= 2100:
        raise ValidationError({"start_year": _("Enter a year between 2000 and 2100.")})


@transaction.atomic
def update_plan_details(
    *,
    actor: Any,
    plan: StrategicPlan,
    title: str,
    mission: str,
    vision: str,
    core_values: str,
    council_decision_date: datetime.date | None = None,
    council_decision_number: str = "",
    source_document: UploadedFile | None = None,
) -> StrategicPlan:
    """Edit the plan's texts (allowed after adoption too: they are not figures)."""
    require(permissions.can_edit_plan(actor, plan))
    if plan.status == Status.ARCHIVED:
        raise ValidationError(_("An archived plan can no longer be changed."))
    values: dict[str, Any] = {
        "title": title.strip(),
        "mission": mission,
        "vision": vision,
        "core_values": core_values,
        "council_decision_date": council_decision_date,
        "council_decision_number": council_decision_number.strip(),
    }
    if plan.status == Status.ADOPTED and (
        not council_decision_date or not council_decision_number.strip()
    ):
        raise ValidationError(
            {"council_decision_number": _("An adopted plan keeps its council decision.")}
        )
    changed = changed_fields(plan, values)
    if source_document is not None:
        plan.source_document = source_document
        changed.append("source_document")
    if changed:
        save(plan)
        record_event(
            actor=actor, action="plan.updated", target=plan, data={"fields": sorted(changed)}
        )
    return plan


@transaction.atomic
def set_plan_status(
    *,
    actor: Any,
    plan: StrategicPlan,
    status: str,
    council_decision_date: datetime.date | None = None,
    council_decision_number: str = "",
) -> StrategicPlan:
    """Move the plan to ``status``; adopting needs the council decision's date and number.

    Leaving draft publishes the plan (``published_at`` is set the first time).
    """
    require(permissions.can_publish_plan(actor, plan))
    previous = plan.status
    if status not in TRANSITIONS.get(previous, frozenset()):
        raise ValidationError(
            {
                "status": _("A plan cannot go from %(old)s to %(new)s.")
                % {"old": Status(previous).label, "new": _label(status)}
            }
        )
    if status == Status.ADOPTED:
        errors = {}
        if council_decision_date is None:
            errors["council_decision_date"] = _("Give the date of the council decision.")
        if not council_decision_number.strip():
            errors["council_decision_number"] = _("Give the number of the council decision.")
        if errors:
            raise ValidationError(errors)
        plan.council_decision_date = council_decision_date
        plan.council_decision_number = council_decision_number.strip()
    plan.status = status
    if status != Status.DRAFT and plan.published_at is None:
        plan.published_at = timezone.now()
    save(plan)
    record_event(
        actor=actor,
        action="plan.status_changed",
        target=plan,
        data={"from": previous, "to": status},
    )
    if status != previous:
        recompute_plan(plan)
        hooks.plan_status_changed(plan, previous)
    return plan


def _label(status: str) -> str:
    try:
        return str(Status(status).label)
    except ValueError:
        return status


@transaction.atomic
def delete_plan(*, actor: Any, plan: StrategicPlan) -> None:
    """Delete a draft plan (anything published stays on record)."""
    require(permissions.can_delete_plan(actor, plan))
    record_event(
        actor=actor, action="plan.deleted", target=plan, data={"period": plan.period_label}
    )
    plan.delete()


@transaction.atomic
def create_plan_revision(
    *,
    actor: Any,
    plan: StrategicPlan,
    date: datetime.date,
    reason: str,
    council_decision_number: str = "",
) -> PlanRevision:
    """A mid-term update (plan güncellemesi) that groups the figure revisions made under it."""
    require(permissions.can_revise_figures(actor, plan))
    revision = PlanRevision(
        plan=plan,
        date=date,
        reason=reason.strip(),
        council_decision_number=council_decision_number.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    if not revision.reason:
        raise ValidationError({"reason": _("Give the reason for the plan update.")})
    save(revision)
    record_event(
        actor=actor,
        action="plan.revision_created",
        target=plan,
        data={"plan_revision": revision.pk, "date": date.isoformat()},
    )
    return revision
