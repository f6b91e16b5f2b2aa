"""Comments, supports and follows (STYLE rule 1)."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.organizations.models import Municipality
from ortak.participation import permissions, tasks
from ortak.participation.models import Comment, Contribution, Follow, Support
from ortak.participation.targets import Target


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@transaction.atomic
def post_comment(
    *,
    actor: Any,
    text: str,
    contribution: Contribution | None = None,
    target: Target | None = None,
    parent: Comment | None = None,
) -> Comment:
    """A comment on a contribution or a plan node, or a reply (one level) to a comment."""
    if parent is not None:
        _require(permissions.can_reply_to(actor, parent))
        contribution = parent.contribution
        if contribution is not None:
            _require(permissions.can_comment_on_contribution(actor, contribution))
        comment = Comment(
            plan_id=parent.plan_id,
            node_kind=parent.node_kind,
            node_id=parent.node_id,
            contribution=contribution,
            parent=parent,
        )
    elif contribution is not None:
        _require(permissions.can_comment_on_contribution(actor, contribution))
        comment = Comment(
            plan_id=contribution.plan_id,
            node_kind=contribution.node_kind,
            node_id=contribution.node_id,
            contribution=contribution,
        )
    elif target is not None:
        _require(permissions.can_comment_on_node(actor, target.plan))
        comment = Comment(plan=target.plan, node_kind=target.kind, node_id=target.node_id)
    else:
        raise ValueError("A comment needs a contribution, a plan node or a parent comment.")
    comment.author = actor
    comment.text = text.strip()
    if not comment.text:
        raise ValidationError({"text": _("Write your comment.")}, code="required")
    comment.full_clean()
    comment.save()
    if comment.contribution_id is not None:
        Contribution.objects.filter(pk=comment.contribution_id).update(
            comment_count=F("comment_count") + 1
        )
    record_event(
        actor=actor,
        action="participation.comment_posted",
        target=comment,
        data={
            "contribution": comment.contribution_id,
            "node": f"{comment.node_kind}:{comment.node_id}",
        },
    )
    transaction.on_commit(partial(tasks.notify_comment.enqueue, comment_id=comment.pk))
    return comment


@transaction.atomic
def support_suggestion(*, actor: Any, contribution: Contribution) -> bool:
    """Add the user's support; returns False when it was already there.

    Safe under concurrent clicks: the unique constraint decides, not a check before the insert.
    The insert runs in a savepoint so that a duplicate rolls back only itself.
    """
    _require(permissions.can_support(actor, contribution))
    try:
        with transaction.atomic():
            Support.objects.create(user=actor, contribution=contribution)
    except IntegrityError:
        return False
    Contribution.objects.filter(pk=contribution.pk).update(support_count=F("support_count") + 1)
    record_event(actor=actor, action="participation.supported", target=contribution)
    return True


@transaction.atomic
def withdraw_support(*, actor: Any, contribution: Contribution) -> bool:
    """Take the user's support back; returns False when there was none."""
    _require(permissions.is_signed_in(actor))
    deleted, _rows = Support.objects.filter(user=actor, contribution=contribution).delete()
    if not deleted:
        return False
    Contribution.objects.filter(pk=contribution.pk, support_count__gt=0).update(
        support_count=F("support_count") - 1
    )
    record_event(actor=actor, action="participation.support_withdrawn", target=contribution)
    return True


def _follow_filter(
    *,
    municipality: Municipality | None,
    contribution: Contribution | None,
    target: Target | None,
) -> dict[str, Any]:
    if sum(x is not None for x in (municipality, contribution, target)) != 1:
        raise ValueError("Follow exactly one municipality, contribution or plan node.")
    if municipality is not None:
        return {"municipality": municipality}
    if contribution is not None:
        return {"contribution": contribution}
    assert target is not None
    return {"plan": target.plan, "node_kind": target.kind, "node_id": target.node_id}


@transaction.atomic
def follow(
    *,
    actor: Any,
    municipality: Municipality | None = None,
    contribution: Contribution | None = None,
    target: Target | None = None,
) -> bool:
    """Follow one thing; returns False when the user already followed it (race-safe)."""
    _require(permissions.can_follow(actor))
    if contribution is not None:
        _require(permissions.can_view_contribution(actor, contribution))
    fields = _follow_filter(municipality=municipality, contribution=contribution, target=target)
    try:
        with transaction.atomic():
            Follow.objects.create(user=actor, **fields)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def unfollow(
    *,
    actor: Any,
    municipality: Municipality | None = None,
    contribution: Contribution | None = None,
    target: Target | None = None,
) -> bool:
    _require(permissions.can_follow(actor))
    fields = _follow_filter(municipality=municipality, contribution=contribution, target=target)
    fields.pop("plan", None)
    deleted, _rows = Follow.objects.filter(user=actor, **fields).delete()
    return bool(deleted)
