"""Who hears about what (the notification events of the issue).

- a new contribution, and its deadline reminder: the responders of its unit; without a unit, or
  when nobody answers for that unit, the municipality's unit-less responders, then its editors
  and admins;
- a deadline passed without an answer: the municipality's admins;
- an answer or status change: the author and everyone following the contribution, its plan node
  or its municipality;
- a new comment: everyone taking part in that discussion (the contribution's author and the
  earlier commenters) and everyone following the contribution or the plan node.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q

from ortak.organizations.models import Membership
from ortak.participation.models import Comment, Contribution, Follow

Role = Membership.Role


def _users(user_ids: set[int]) -> list[Any]:
    if not user_ids:
        return []
    return list(
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True, erased_at__isnull=True)
        .order_by("pk")
    )


def responders_for(contribution: Contribution) -> list[Any]:
    memberships = Membership.objects.filter(municipality_id=contribution.municipality_id)
    steps = []
    if contribution.unit_id is not None:
        steps.append(Q(role=Role.RESPONDER, unit_id=contribution.unit_id))
    steps += [
        Q(role=Role.RESPONDER, unit__isnull=True),
        Q(role__in=[Role.EDITOR, Role.MUNICIPALITY_ADMIN]),
    ]
    for condition in steps:
        ids = set(memberships.filter(condition).values_list("user_id", flat=True))
        users = _users(ids)
        if users:
            return users
    return []


def municipality_admins(municipality_id: int) -> list[Any]:
    ids = set(
        Membership.objects.filter(
            municipality_id=municipality_id, role=Role.MUNICIPALITY_ADMIN
        ).values_list("user_id", flat=True)
    )
    return _users(ids)


def _node_follows(plan_node: Contribution | Comment) -> Q:
    return Q(node_kind=plan_node.node_kind, node_id=plan_node.node_id)


def answer_audience(contribution: Contribution) -> list[Any]:
    ids = set(
        Follow.objects.filter(
            Q(contribution_id=contribution.pk)
            | _node_follows(contribution)
            | Q(municipality_id=contribution.municipality_id)
        ).values_list("user_id", flat=True)
    )
    if contribution.author_id is not None:
        ids.add(contribution.author_id)
    return _users(ids)


def comment_audience(comment: Comment) -> list[Any]:
    if comment.contribution_id is not None:
        thread = Comment.objects.filter(contribution_id=comment.contribution_id)
        follows = Follow.objects.filter(Q(contribution_id=comment.contribution_id))
    else:
        thread = Comment.objects.filter(
            contribution__isnull=True, node_kind=comment.node_kind, node_id=comment.node_id
        )
        follows = Follow.objects.filter(_node_follows(comment))
    ids = set(thread.exclude(author__isnull=True).values_list("author_id", flat=True))
    ids |= set(follows.values_list("user_id", flat=True))
    if comment.contribution is not None and comment.contribution.author_id is not None:
        ids.add(comment.contribution.author_id)
    return _users(ids)
