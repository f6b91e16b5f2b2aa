"""Flags and the moderators' decisions (hide or keep; the author is told why)."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.notifications.services import notify
from ortak.participation import permissions, verbs
from ortak.participation.models import Comment, Contribution, Flag
from ortak.participation.search import index_contribution


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@transaction.atomic
def flag_content(
    *,
    actor: Any,
    reason: str,
    contribution: Contribution | None = None,
    comment: Comment | None = None,
) -> Flag:
    """Report a contribution or a comment to the moderators, once per person."""
    target = contribution or comment
    if target is None or (contribution is not None and comment is not None):
        raise ValueError("Flag exactly one contribution or comment.")
    _require(permissions.can_flag(actor, target))
    flag = Flag(reporter=actor, contribution=contribution, comment=comment, reason=reason.strip())
    if not flag.reason:
        raise ValidationError({"reason": _("Say what is wrong with it.")}, code="required")
    flag.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            flag.save()
    except IntegrityError as exc:
        raise ValidationError(
            _("You have already reported this; a moderator will look at it."), code="duplicate"
        ) from exc
    record_event(actor=actor, action="participation.flagged", target=target, data={"flag": flag.pk})
    return flag


def _title_of(target: Contribution | Comment) -> str:
    if isinstance(target, Contribution):
        return target.title
    return target.text[:80]


@transaction.atomic
def decide_flag(*, actor: Any, flag: Flag, hide: bool, note: str = "") -> Flag:
    """Hide the flagged content (the note is the reason the author reads) or keep it.

    Every open flag on the same content is closed with the same decision.
    """
    _require(permissions.can_moderate(actor))
    flag = (
        Flag.objects.select_for_update(of=("self",))
        .select_related("contribution", "comment")
        .get(pk=flag.pk)
    )
    if flag.state != Flag.State.OPEN:
        raise ValidationError(_("This report has already been decided."), code="decided")
    note = note.strip()
    if hide and not note:
        raise ValidationError(
            {"note": _("Tell the author why it is hidden.")}, code="reason_required"
        )
    target = flag.target
    now = timezone.now()
    state = Flag.State.HIDDEN if hide else Flag.State.KEPT
    same_target = (
        Flag.objects.filter(contribution=flag.contribution)
        if flag.contribution_id
        else Flag.objects.filter(comment=flag.comment)
    )
    same_target.filter(state=Flag.State.OPEN).update(
        state=state, decided_by=actor, decided_at=now, decision_note=note
    )
    if hide:
        target.hidden_at = now
        target.hidden_reason = note
        target.save(update_fields=["hidden_at", "hidden_reason", "updated_at"])
        if isinstance(target, Contribution):
            index_contribution(target)
        elif target.contribution_id is not None:
            Contribution.objects.filter(pk=target.contribution_id, comment_count__gt=0).update(
                comment_count=F("comment_count") - 1
            )
        if target.author is not None:
            transaction.on_commit(
                partial(
                    notify,
                    recipient=target.author,
                    verb=verbs.HIDDEN,
                    params={"title": _title_of(target), "reason": note},
                    url=_url_of(target),
                    actor=actor,
                )
            )
    record_event(
        actor=actor,
        action="participation.flag_decided",
        target=target,
        data={"flag": flag.pk, "decision": state, "note": note},
    )
    flag.refresh_from_db()
    return flag


def _url_of(target: Contribution | Comment) -> str:
    from django.urls import reverse

    if isinstance(target, Contribution):
        return reverse("participation:detail", args=[target.pk])
    if target.contribution_id is not None:
        return (
            reverse("participation:detail", args=[target.contribution_id]) + f"#comment-{target.pk}"
        )
    return (
        reverse("participation:node", args=[target.node_kind, target.node_id])
        + f"#comment-{target.pk}"
    )
