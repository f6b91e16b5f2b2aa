"""Who may do what in participation: named questions (STYLE rule 5).

Built on ``ortak.organizations.permissions``: acting for an organization needs a membership of a
*verified* organization; answering needs a municipality role with MFA, for the contribution's
own municipality and unit (editors and admins answer for every unit). Services enforce these,
views turn them into 403/404, templates use them to decide what to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ortak.organizations.models import Membership, Organization
from ortak.organizations.permissions import (
    MUNICIPALITY_EDITOR_ROLES,
    MUNICIPALITY_RESPONDER_ROLES,
    can_act_for_organization,
    has_active_mfa,
    is_moderator,
    is_municipality_editor,
    is_municipality_responder,
    is_organization_member,
    is_signed_in,
    municipality_membership,
)
from ortak.participation.models import Comment, Contribution
from ortak.plans.models import StrategicPlan

__all__ = [
    "accepts_contributions",
    "can_answer_contribution",
    "can_comment_on_contribution",
    "can_comment_on_node",
    "can_edit_contribution",
    "can_flag",
    "can_follow",
    "can_moderate",
    "can_reply_to",
    "can_route_contribution",
    "can_send_offer",
    "can_send_suggestion",
    "can_support",
    "can_view_contact_details",
    "can_view_contribution",
    "can_view_inbox",
    "is_moderator",
    "is_signed_in",
    "staff_powers",
]


def accepts_contributions(plan: StrategicPlan) -> bool:
    """Published plans under consultation or adopted take contributions; drafts and archives not."""
    return plan.status in (StrategicPlan.Status.CONSULTATION, StrategicPlan.Status.ADOPTED)


def can_send_suggestion(
    user: Any, plan: StrategicPlan, organization: Organization | None = None
) -> bool:
    """A signed-in citizen, or a member acting for their verified organization."""
    if not is_signed_in(user) or not accepts_contributions(plan):
        return False
    return organization is None or can_act_for_organization(user, organization)


def can_send_offer(user: Any, plan: StrategicPlan, organization: Organization | None) -> bool:
    """Cooperation offers come only from verified organizations, through their members."""
    if organization is None or not is_signed_in(user) or not accepts_contributions(plan):
        return False
    return can_act_for_organization(user, organization)


def is_published(contribution: Contribution) -> bool:
    return contribution.is_public and not contribution.is_hidden


def can_view_contribution(user: Any, contribution: Contribution) -> bool:
    """Published ones: everyone. Otherwise the author, the organization's members (unless a
    moderator hid it), the municipality's staff and moderators."""
    if is_published(contribution):
        return True
    if not is_signed_in(user):
        return False
    if contribution.author_id == user.pk or is_moderator(user):
        return True
    if (
        contribution.organization_id is not None
        and not contribution.is_hidden
        and contribution.organization is not None
        and is_organization_member(user, contribution.organization)
    ):
        return True
    return is_municipality_responder(user, contribution.municipality)


def can_view_contact_details(user: Any, contribution: Contribution) -> bool:
    """An offer's contact person is for the municipality only (and the author who gave it)."""
    if not contribution.is_offer or not is_signed_in(user):
        return False
    if contribution.author_id == user.pk:
        return True
    return is_municipality_responder(user, contribution.municipality)


def can_answer_contribution(user: Any, contribution: Contribution) -> bool:
    """Staff of the contribution's municipality who answer for its unit (with MFA)."""
    return is_municipality_responder(user, contribution.municipality, contribution.unit)


def can_route_contribution(user: Any, contribution: Contribution) -> bool:
    """Send a contribution to another unit: the strategy unit's editors and the admins."""
    return is_municipality_editor(user, contribution.municipality)


def can_edit_contribution(user: Any, contribution: Contribution) -> bool:
    return (
        is_signed_in(user)
        and contribution.author_id == user.pk
        and not contribution.is_hidden
        and contribution.status != Contribution.Status.IMPLEMENTED
    )


def can_support(user: Any, contribution: Contribution) -> bool:
    """One support per user per published suggestion; nobody supports their own."""
    return (
        is_signed_in(user)
        and contribution.is_suggestion
        and is_published(contribution)
        and contribution.author_id != user.pk
    )


def can_comment_on_contribution(user: Any, contribution: Contribution) -> bool:
    return is_signed_in(user) and is_published(contribution)


def can_comment_on_node(user: Any, plan: StrategicPlan) -> bool:
    return is_signed_in(user) and plan.is_public


def can_reply_to(user: Any, comment: Comment) -> bool:
    """Replies go one level deep, under a visible top-level comment."""
    return is_signed_in(user) and comment.parent_id is None and not comment.is_hidden


def can_follow(user: Any) -> bool:
    return is_signed_in(user)


def can_flag(user: Any, target: Contribution | Comment) -> bool:
    return is_signed_in(user) and target.author_id != user.pk and not target.is_hidden


def can_moderate(user: Any) -> bool:
    return is_moderator(user)


def can_view_inbox(user: Any) -> bool:
    """Staff of some municipality who may answer there (responder, editor or admin, with MFA)."""
    if not is_signed_in(user):
        return False
    holds_role = Membership.objects.filter(
        user_id=user.pk, municipality__isnull=False, role__in=MUNICIPALITY_RESPONDER_ROLES
    ).exists()
    return holds_role and has_active_mfa(user)


@dataclass(frozen=True)
class StaffPowers:
    """The municipality-side answers for one contribution, asked together."""

    answer: bool = False
    route: bool = False
    see_contact: bool = False


def staff_powers(user: Any, contribution: Contribution) -> StaffPowers:
    """``can_answer_contribution``, ``can_route_contribution`` and the municipality side of
    ``can_view_contact_details`` in two queries instead of six (the contribution page asks all
    three). Same rules as ``organizations.permissions.is_municipality_responder`` and
    ``is_municipality_editor``; the matrix test checks that they agree for every role.
    """
    membership = municipality_membership(user, contribution.municipality)
    if membership is None or membership.role not in MUNICIPALITY_RESPONDER_ROLES:
        return StaffPowers()
    if not has_active_mfa(user):
        return StaffPowers()
    for_this_unit = (
        contribution.unit_id is None
        or membership.role != Membership.Role.RESPONDER
        or membership.unit_id in (None, contribution.unit_id)
    )
    return StaffPowers(
        answer=for_this_unit,
        route=membership.role in MUNICIPALITY_EDITOR_ROLES,
        see_contact=contribution.is_offer,
    )
