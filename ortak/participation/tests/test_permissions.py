"""The role × action matrix of participation (ARCHITECTURE §5): every role is checked against
every action, both ways, so nobody acts outside their municipality or organization."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from ortak.accounts.tests.factories import UserFactory
from ortak.organizations.models import Membership, Organization
from ortak.participation import permissions as p
from ortak.participation.models import Contribution
from ortak.participation.tests.factories import (
    ContributionFactory,
    member_of,
    pending_organization,
    plan_tree,
    staff,
    verified_organization,
)

pytestmark = pytest.mark.django_db

Role = Membership.Role


@dataclass
class World:
    tree: Any
    organization: Organization  # X, verified
    other: Organization  # Y, verified
    unverified: Organization
    suggestion: Contribution  # public, by the author, routed to tree.unit
    private_offer: Contribution  # X's offer, not public, routed to tree.unit
    users: dict[str, Any]


@pytest.fixture
def world() -> World:
    tree = plan_tree()
    elsewhere = plan_tree()
    organization, other = verified_organization(), verified_organization()
    unverified = pending_organization()
    author = UserFactory()
    x_member = member_of(organization)
    users = {
        "anonymous": AnonymousUser(),
        "citizen": UserFactory(),
        "author": author,
        "member of X": x_member,
        "member of Y": member_of(other),
        "member of unverified": member_of(unverified, role=Role.ORGANIZATION_ADMIN),
        "responder of the unit": staff(Role.RESPONDER, tree.municipality, tree.unit),
        "responder of another unit": staff(Role.RESPONDER, tree.municipality, tree.strategy_unit),
        "responder without unit": staff(Role.RESPONDER, tree.municipality),
        "responder without MFA": staff(Role.RESPONDER, tree.municipality, tree.unit, mfa=False),
        "editor": staff(Role.EDITOR, tree.municipality),
        "municipality admin": staff(Role.MUNICIPALITY_ADMIN, tree.municipality),
        "admin elsewhere": staff(Role.MUNICIPALITY_ADMIN, elsewhere.municipality),
        "responder elsewhere": staff(Role.RESPONDER, elsewhere.municipality, elsewhere.unit),
        "moderator": UserFactory(is_moderator=True),
    }
    suggestion: Contribution = ContributionFactory(tree=tree, author=author)  # type: ignore[assignment]
    private_offer: Contribution = ContributionFactory(  # type: ignore[assignment]
        tree=tree,
        author=x_member,
        kind=Contribution.Kind.OFFER,
        organization=organization,
        is_public=False,
        offered=["funding"],
        contact_name="Ayşe",
        contact_email="ayse@example.org",
    )
    return World(tree, organization, other, unverified, suggestion, private_offer, users)


ACTIONS: dict[str, Callable[[Any, World], bool]] = {
    "send suggestion as citizen": lambda u, w: p.can_send_suggestion(u, w.tree.plan),
    "send suggestion for X": lambda u, w: p.can_send_suggestion(u, w.tree.plan, w.organization),
    "send suggestion for unverified": lambda u, w: p.can_send_suggestion(
        u, w.tree.plan, w.unverified
    ),
    "send offer for X": lambda u, w: p.can_send_offer(u, w.tree.plan, w.organization),
    "send offer for unverified": lambda u, w: p.can_send_offer(u, w.tree.plan, w.unverified),
    "answer the suggestion": lambda u, w: p.can_answer_contribution(u, w.suggestion),
    "route the suggestion": lambda u, w: p.can_route_contribution(u, w.suggestion),
    "view the private offer": lambda u, w: p.can_view_contribution(u, w.private_offer),
    "view the offer's contact": lambda u, w: p.can_view_contact_details(u, w.private_offer),
    "edit the suggestion": lambda u, w: p.can_edit_contribution(u, w.suggestion),
    "support the suggestion": lambda u, w: p.can_support(u, w.suggestion),
    "comment on the suggestion": lambda u, w: p.can_comment_on_contribution(u, w.suggestion),
    "flag the suggestion": lambda u, w: p.can_flag(u, w.suggestion),
    "moderate": lambda u, w: p.can_moderate(u),
    "open the inbox": lambda u, w: p.can_view_inbox(u),
}

SIGNED_IN = {
    "send suggestion as citizen",
    "support the suggestion",
    "comment on the suggestion",
    "flag the suggestion",
}
MUNICIPALITY = {"view the private offer", "view the offer's contact", "open the inbox"}

ALLOWED: dict[str, set[str]] = {
    "anonymous": set(),
    "citizen": SIGNED_IN,
    "author": {"send suggestion as citizen", "edit the suggestion", "comment on the suggestion"},
    "member of X": SIGNED_IN
    | {
        "send suggestion for X",
        "send offer for X",
        "view the private offer",
        "view the offer's contact",
    },
    "member of Y": SIGNED_IN,
    "member of unverified": SIGNED_IN,
    "responder of the unit": SIGNED_IN | MUNICIPALITY | {"answer the suggestion"},
    "responder of another unit": SIGNED_IN | MUNICIPALITY,
    "responder without unit": SIGNED_IN | MUNICIPALITY | {"answer the suggestion"},
    "responder without MFA": SIGNED_IN,
    "editor": SIGNED_IN | MUNICIPALITY | {"answer the suggestion", "route the suggestion"},
    "municipality admin": SIGNED_IN
    | MUNICIPALITY
    | {"answer the suggestion", "route the suggestion"},
    "admin elsewhere": SIGNED_IN | {"open the inbox"},
    "responder elsewhere": SIGNED_IN | {"open the inbox"},
    "moderator": SIGNED_IN | {"moderate", "view the private offer"},
}


@pytest.mark.parametrize("role", list(ALLOWED))
def test_role_action_matrix(world: World, role: str) -> None:
    user = world.users[role]
    granted = {action for action, check in ACTIONS.items() if check(user, world)}
    assert granted == ALLOWED[role]


@pytest.mark.parametrize("role", list(ALLOWED))
def test_staff_powers_agree_with_the_single_predicates(world: World, role: str) -> None:
    user = world.users[role]
    for contribution in (world.suggestion, world.private_offer):
        powers = p.staff_powers(user, contribution)
        assert powers.answer == p.can_answer_contribution(user, contribution)
        assert powers.route == p.can_route_contribution(user, contribution)
        own_offer = contribution.is_offer and contribution.author_id == getattr(user, "pk", None)
        assert (powers.see_contact or own_offer) == p.can_view_contact_details(user, contribution)


def test_nothing_is_allowed_on_a_draft_or_archived_plan(world: World) -> None:
    for status in ("draft", "archived"):
        world.tree.plan.status = status
        for role in ("citizen", "member of X", "editor"):
            user = world.users[role]
            assert not p.can_send_suggestion(user, world.tree.plan)
            assert not p.can_send_offer(user, world.tree.plan, world.organization)


def test_hidden_contributions_lose_their_public_actions(world: World) -> None:
    from django.utils import timezone

    world.suggestion.hidden_at = timezone.now()
    world.suggestion.hidden_reason = "Hakaret."
    citizen = world.users["citizen"]
    assert not p.can_view_contribution(citizen, world.suggestion)
    assert not p.can_support(citizen, world.suggestion)
    assert not p.can_comment_on_contribution(citizen, world.suggestion)
    assert not p.can_edit_contribution(world.users["author"], world.suggestion)
    assert p.can_view_contribution(world.users["author"], world.suggestion)  # sees the reason
    assert p.can_view_contribution(world.users["responder of the unit"], world.suggestion)
