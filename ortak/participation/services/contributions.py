"""Sending, editing, routing and answering contributions (STYLE rule 1).

Each service is one transaction: permission first (``PermissionDenied``), then
``full_clean()``, the write, the stored figures and the search entry, an audit row, and the
notifications only after commit (tasks in ``tasks.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.organizations.models import Organization, Unit
from ortak.participation import permissions, rules, tasks
from ortak.participation.attachments import check_uploads
from ortak.participation.models import (
    Answer,
    Attachment,
    Contribution,
    ContributionRevision,
    CooperationOffer,
    Suggestion,
)
from ortak.participation.search import index_contribution
from ortak.participation.services.figures import refresh_figures
from ortak.participation.targets import Target, route
from ortak.plans.models import Activity

Status = Contribution.Status


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _deadline_days(target: Target) -> int:
    return rules.deadline_days(
        target.municipality.answer_deadline_days,
        int(getattr(settings, "ORTAK_ANSWER_DEADLINE_DAYS", rules.LEGAL_DEADLINE_DAYS)),
    )


def _submit(
    contribution: Contribution,
    *,
    actor: Any,
    target: Target,
    files: Sequence[UploadedFile],
    action: str,
) -> Contribution:
    content_types = check_uploads(list(files))
    now = timezone.now()
    contribution.plan = target.plan
    contribution.node_kind = target.kind
    contribution.node_id = target.node_id
    contribution.municipality = target.municipality
    contribution.unit = route(target)
    contribution.author = actor
    contribution.title = contribution.title.strip()
    contribution.text = contribution.text.strip()
    contribution.created_at = now
    contribution.due_at = rules.due_at(now, _deadline_days(target))
    contribution.full_clean()
    contribution.save()
    for upload, content_type in zip(files, content_types, strict=True):
        attachment = Attachment(
            contribution=contribution,
            original_name=(upload.name or "file")[:200],
            content_type=content_type,
            size=upload.size or 0,
        )
        attachment.file.save(upload.name or "file", upload, save=False)
        attachment.full_clean()
        attachment.save()
    refresh_figures(municipality_id=contribution.municipality_id, now=now)
    index_contribution(contribution)
    record_event(
        actor=actor,
        action=action,
        target=contribution,
        data={"node": target.token, "unit": contribution.unit_id},
    )
    transaction.on_commit(
        partial(tasks.notify_new_contribution.enqueue, contribution_id=contribution.pk)
    )
    return contribution


@transaction.atomic
def submit_suggestion(
    *,
    actor: Any,
    target: Target,
    title: str,
    text: str,
    organization: Organization | None = None,
    is_public: bool = True,
    files: Sequence[UploadedFile] = (),
) -> Contribution:
    """A citizen's suggestion, or a member's on behalf of their verified organization."""
    _require(permissions.can_send_suggestion(actor, target.plan, organization))
    suggestion = Suggestion(title=title, text=text, organization=organization, is_public=is_public)
    return _submit(
        suggestion, actor=actor, target=target, files=files, action="participation.suggestion_sent"
    )


@transaction.atomic
def submit_offer(
    *,
    actor: Any,
    target: Target,
    organization: Organization | None,
    title: str,
    text: str,
    offered: list[str],
    contact_name: str,
    contact_email: str = "",
    contact_phone: str = "",
    period_start: date | None = None,
    period_end: date | None = None,
    is_public: bool = True,
    files: Sequence[UploadedFile] = (),
) -> Contribution:
    """A verified organization's cooperation offer (contact details stay with the municipality)."""
    _require(permissions.can_send_offer(actor, target.plan, organization))
    offer = CooperationOffer(
        title=title,
        text=text,
        organization=organization,
        offered=list(dict.fromkeys(offered)),
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip(),
        contact_phone=contact_phone.strip(),
        period_start=period_start,
        period_end=period_end,
        is_public=is_public,
    )
    return _submit(
        offer, actor=actor, target=target, files=files, action="participation.offer_sent"
    )


@transaction.atomic
def edit_contribution(
    *, actor: Any, contribution: Contribution, title: str, text: str
) -> Contribution:
    """The author corrects the wording; after an answer the previous wording is kept."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    _require(permissions.can_edit_contribution(actor, contribution))
    title, text = title.strip(), text.strip()
    if (title, text) == (contribution.title, contribution.text):
        return contribution
    now = timezone.now()
    if contribution.first_answered_at is not None:
        ContributionRevision.objects.create(
            contribution=contribution,
            title=contribution.title,
            text=contribution.text,
            edited_by=actor,
            created_at=now,
        )
    contribution.title = title
    contribution.text = text
    contribution.edited_at = now
    contribution.full_clean()
    contribution.save(update_fields=["title", "text", "edited_at", "updated_at"])
    index_contribution(contribution)
    record_event(actor=actor, action="participation.contribution_edited", target=contribution)
    return contribution


@transaction.atomic
def route_contribution(*, actor: Any, contribution: Contribution, unit: Unit) -> Contribution:
    """Send the contribution to another unit of the same municipality."""
    contribution = (
        Contribution.objects.select_for_update(of=("self",))
        .select_related("municipality")
        .get(pk=contribution.pk)
    )
    _require(permissions.can_route_contribution(actor, contribution))
    if unit.municipality_id != contribution.municipality_id:
        raise ValidationError(
            {"unit": _("The unit must belong to the same municipality.")}, code="unit_elsewhere"
        )
    if unit.pk == contribution.unit_id:
        return contribution
    previous = contribution.unit_id
    contribution.unit = unit
    contribution.save(update_fields=["unit", "updated_at"])
    refresh_figures(municipality_id=contribution.municipality_id)
    record_event(
        actor=actor,
        action="participation.contribution_routed",
        target=contribution,
        data={"from": previous, "to": unit.pk},
    )
    if contribution.first_answered_at is None:
        transaction.on_commit(
            partial(tasks.notify_new_contribution.enqueue, contribution_id=contribution.pk)
        )
    return contribution


def _check_answer(
    contribution: Contribution, status: str, text: str, reason: str, activity: Activity | None
) -> None:
    errors: dict[str, Any] = {}
    if not rules.can_move(contribution.status, status):
        errors["status"] = _("This status cannot follow “%(current)s”.") % {
            "current": contribution.get_status_display()
        }
    if not text.strip():
        errors["text"] = _("Write the answer.")
    if status == Status.DECLINED and not reason.strip():
        errors["reason"] = _("Give the reason for declining.")
    if status == Status.IMPLEMENTED:
        if activity is None:
            errors["activity"] = _("Choose the activity that carries this out.")
        elif activity.plan_id != contribution.plan_id:
            errors["activity"] = _("The activity must belong to the same plan.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def answer_contribution(
    *,
    actor: Any,
    contribution: Contribution,
    status: str,
    text: str,
    reason: str = "",
    activity: Activity | None = None,
) -> Answer:
    """The municipality's answer: a new status with its text (and reason, or activity)."""
    contribution = (
        Contribution.objects.select_for_update(of=("self",))
        .select_related("municipality", "unit")
        .get(pk=contribution.pk)
    )
    _require(permissions.can_answer_contribution(actor, contribution))
    _check_answer(contribution, status, text, reason, activity)
    now = timezone.now()
    answer = Answer(
        contribution=contribution,
        status=status,
        text=text.strip(),
        reason=reason.strip(),
        activity=activity if status == Status.IMPLEMENTED else None,
        author=actor,
        unit=contribution.unit,
        created_at=now,
    )
    answer.full_clean()
    answer.save()
    contribution.status = status
    fields = ["status", "updated_at"]
    if contribution.first_answered_at is None:
        contribution.first_answered_at = now
        contribution.answered_within_deadline = rules.answered_in_time(
            due=contribution.due_at, first_answered_at=now
        )
        fields += ["first_answered_at", "answered_within_deadline"]
    if status == Status.IMPLEMENTED:
        contribution.implementing_activity = activity
        fields.append("implementing_activity")
    contribution.save(update_fields=fields)
    refresh_figures(municipality_id=contribution.municipality_id, now=now)
    record_event(
        actor=actor,
        action="participation.contribution_answered",
        target=contribution,
        data={"status": status, "answer": answer.pk},
    )
    transaction.on_commit(partial(tasks.notify_answer.enqueue, answer_id=answer.pk))
    return answer
