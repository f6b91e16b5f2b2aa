"""Gölge izleme: organizations assess plan items, the municipality replies once.

Every write keeps the objective's stored summary (``ObjectiveAssessmentSummary``) up to date in
the same transaction, so that the objective page reads one row.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.monitoring import permissions, tasks
from ortak.monitoring.models import (
    Assessment,
    AssessmentEvidence,
    AssessmentReply,
    MonitoringPeriod,
    ObjectiveAssessmentSummary,
    Rating,
)
from ortak.monitoring.models.assessments import ASSESSABLE_KINDS
from ortak.monitoring.services._common import require, save, user_or_none
from ortak.organizations.models import Organization
from ortak.plans.models import Activity, Indicator, NodeKind, Objective
from ortak.plans.nodes import kind_of, plan_of
from ortak.plans.services._common import validate_evidence

__all__ = [
    "MAX_EVIDENCE",
    "delete_assessment",
    "objective_id_of",
    "refresh_objective_summary",
    "reply_to_assessment",
    "submit_assessment",
    "update_assessment",
    "update_reply",
]

MAX_EVIDENCE = 5


def objective_id_of(node: models.Model) -> int:
    """The objective whose summary an assessment of ``node`` belongs to."""
    if isinstance(node, Objective):
        return node.pk
    if isinstance(node, Indicator | Activity):
        return node.objective_id
    raise ValidationError(_("Only objectives, indicators and activities are assessed."))


def _clean_links(links: Sequence[str]) -> list[str]:
    validate = URLValidator(schemes=["http", "https"])
    cleaned = []
    for link in links:
        link = link.strip()
        if not link:
            continue
        try:
            validate(link)
        except ValidationError:
            raise ValidationError(
                {"links": _("“%(link)s” is not a web address.") % {"link": link[:80]}}
            ) from None
        cleaned.append(link)
    return cleaned


def _check_content(rating: str, narrative: str) -> None:
    errors: dict[str, Any] = {}
    if rating not in Rating.values:
        errors["rating"] = _("Choose a rating.")
    if not narrative.strip():
        errors["narrative"] = _("Explain your assessment.")
    if errors:
        raise ValidationError(errors)


def _add_evidence(
    assessment: Assessment, files: Sequence[UploadedFile], links: Sequence[str]
) -> None:
    cleaned = _clean_links(links)
    for upload in files:
        validate_evidence(upload, field="attachments")
    existing = assessment.evidence.count() if assessment.pk else 0
    if existing + len(files) + len(cleaned) > MAX_EVIDENCE:
        raise ValidationError(
            {
                "attachments": _("Attach at most %(count)s files and links.")
                % {"count": MAX_EVIDENCE}
            }
        )
    for upload in files:
        row = AssessmentEvidence(assessment=assessment, file=upload, title=upload.name or "")
        save(row)
    for link in cleaned:
        save(AssessmentEvidence(assessment=assessment, url=link))


@transaction.atomic
def submit_assessment(
    *,
    actor: Any,
    organization: Organization,
    node: models.Model,
    period: MonitoringPeriod,
    rating: str,
    narrative: str,
    observed_value: Decimal | None = None,
    files: Sequence[UploadedFile] = (),
    links: Sequence[str] = (),
) -> Assessment:
    """An organization's assessment of an objective, an indicator or an activity for a period."""
    kind = kind_of(node)
    plan = plan_of(node)
    require(permissions.can_assess_for(actor, plan, organization))
    if kind not in ASSESSABLE_KINDS:
        raise ValidationError(_("Only objectives, indicators and activities are assessed."))
    if period.plan_id != plan.pk:
        raise ValidationError({"period": _("Choose a period of this plan.")})
    _check_content(rating, narrative)
    if Assessment.objects.filter(
        organization=organization, node_kind=kind, node_id=node.pk, period=period
    ).exists():
        raise ValidationError(
            {
                "period": _(
                    "%(organization)s has already assessed this item for %(period)s; change that "
                    "assessment instead."
                )
                % {"organization": organization.name, "period": period.code}
            }
        )
    assessment = Assessment(
        plan=plan,
        node_kind=kind,
        node_id=node.pk,
        period=period,
        organization=organization,
        author=user_or_none(actor),
        rating=rating,
        observed_value=observed_value,
        narrative=narrative.strip(),
    )
    save(assessment)
    _add_evidence(assessment, files, links)
    refresh_objective_summary(objective_id_of(node))
    record_event(
        actor=actor,
        action="assessment.submitted",
        target=assessment,
        data={"organization": organization.pk, "rating": rating, "period": period.code},
    )
    transaction.on_commit(partial(tasks.notify_assessed.enqueue, assessment_id=assessment.pk))
    return assessment


def _locked(assessment: Assessment) -> Assessment:
    return (
        Assessment.objects.select_for_update(of=("self",))
        .select_related("plan", "organization", "period")
        .get(pk=assessment.pk)
    )


@transaction.atomic
def update_assessment(
    *,
    actor: Any,
    assessment: Assessment,
    rating: str,
    narrative: str,
    observed_value: Decimal | None = None,
    files: Sequence[UploadedFile] = (),
    links: Sequence[str] = (),
    remove_evidence: Sequence[int] = (),
) -> Assessment:
    """Change an assessment (until the municipality has replied to it)."""
    assessment = _locked(assessment)
    require(permissions.can_edit_assessment(actor, assessment))
    _check_content(rating, narrative)
    assessment.rating = rating
    assessment.narrative = narrative.strip()
    assessment.observed_value = observed_value
    assessment.edited_at = timezone.now()
    save(assessment)
    if remove_evidence:
        for row in assessment.evidence.filter(pk__in=list(remove_evidence)):
            if row.file:
                row.file.delete(save=False)
            row.delete()
    _add_evidence(assessment, files, links)
    refresh_objective_summary(objective_id_of(assessment.node))
    record_event(
        actor=actor,
        action="assessment.updated",
        target=assessment,
        data={"rating": rating},
    )
    return assessment


@transaction.atomic
def delete_assessment(*, actor: Any, assessment: Assessment) -> None:
    """Withdraw an assessment (until the municipality has replied to it)."""
    assessment = _locked(assessment)
    require(permissions.can_edit_assessment(actor, assessment))
    objective_id = objective_id_of(assessment.node)
    record_event(
        actor=actor,
        action="assessment.deleted",
        target=assessment.plan,
        data={
            "organization": assessment.organization_id,
            "item": f"{assessment.node_kind}:{assessment.node_id}",
            "period": assessment.period.code,
        },
    )
    for row in assessment.evidence.all():
        if row.file:
            row.file.delete(save=False)
    assessment.delete()
    refresh_objective_summary(objective_id)


@transaction.atomic
def reply_to_assessment(*, actor: Any, assessment: Assessment, text: str) -> AssessmentReply:
    """The municipality's one public reply to an assessment."""
    assessment = _locked(assessment)
    if permissions.has_reply(assessment):
        raise ValidationError(_("The municipality has already replied to this assessment."))
    require(permissions.can_reply_to_assessment(actor, assessment))
    if not text.strip():
        raise ValidationError({"text": _("Write the reply.")})
    reply = AssessmentReply(assessment=assessment, author=user_or_none(actor), text=text.strip())
    save(reply)
    record_event(actor=actor, action="assessment.replied", target=assessment)
    transaction.on_commit(partial(tasks.notify_replied.enqueue, assessment_id=assessment.pk))
    return reply


@transaction.atomic
def update_reply(*, actor: Any, reply: AssessmentReply, text: str) -> AssessmentReply:
    """Correct the municipality's reply (it stays one reply; the change is dated)."""
    require(permissions.can_edit_reply(actor, reply))
    if not text.strip():
        raise ValidationError({"text": _("Write the reply.")})
    reply.text = text.strip()
    reply.edited_at = timezone.now()
    save(reply)
    record_event(actor=actor, action="assessment.reply_updated", target=reply.assessment)
    return reply


# --- The stored summary ----------------------------------------------------------------


def _labels(objective: Objective) -> dict[tuple[str, int], str]:
    labels: dict[tuple[str, int], str] = {(NodeKind.OBJECTIVE, objective.pk): objective.code}
    for pk, code in Indicator.objects.filter(objective=objective).values_list("id", "code"):
        labels[(NodeKind.INDICATOR, pk)] = code
    for pk, code, name in Activity.objects.filter(objective=objective).values_list(
        "id", "code", "name"
    ):
        labels[(NodeKind.ACTIVITY, pk)] = code or name[:60]
    return labels


def refresh_objective_summary(objective_id: int) -> ObjectiveAssessmentSummary | None:
    """Recount the assessments of an objective and of the indicators and activities under it.

    Each organization's latest assessment of each item counts (the latest period, then the
    latest written). Five queries whatever the number of assessments.
    """
    objective = Objective.objects.filter(pk=objective_id).only("id", "code", "plan_id").first()
    if objective is None:
        return None
    labels = _labels(objective)
    by_kind: dict[str, list[int]] = {}
    for kind, pk in labels:
        by_kind.setdefault(kind, []).append(pk)
    condition = models.Q()
    for kind, ids in by_kind.items():
        condition |= models.Q(node_kind=kind, node_id__in=ids)
    rows = (
        Assessment.objects.filter(condition)
        .select_related("organization", "period")
        .order_by("-period__year", "period__is_half_year", "-created_at", "-id")
    )
    latest: dict[tuple[int, str, int], Assessment] = {}
    for row in rows:
        latest.setdefault((row.organization_id, row.node_kind, row.node_id), row)
    counts = dict.fromkeys(Rating.values, 0)
    items = []
    for assessment in latest.values():
        counts[assessment.rating] += 1
        items.append(
            {
                "id": assessment.pk,
                "node_kind": assessment.node_kind,
                "node_id": assessment.node_id,
                "code": labels.get((assessment.node_kind, assessment.node_id), ""),
                "organization": assessment.organization.name,
                "organization_slug": assessment.organization.slug,
                "rating": assessment.rating,
                "period": assessment.period.code,
            }
        )
    summary, _created = ObjectiveAssessmentSummary.objects.update_or_create(
        objective_id=objective.pk,
        defaults={
            "plan_id": objective.plan_id,
            "organizations": len({key[0] for key in latest}),
            "assessments": len(latest),
            "on_track": counts[Rating.ON_TRACK],
            "at_risk": counts[Rating.AT_RISK],
            "off_track": counts[Rating.OFF_TRACK],
            "cannot_assess": counts[Rating.CANNOT_ASSESS],
            "items": items,
        },
    )
    return summary
