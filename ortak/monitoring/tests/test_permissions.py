"""The role × action matrix of monitoring (ARCHITECTURE §5): every role against every action,
both ways, so nobody acts outside their municipality, unit or organization."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from ortak.accounts.tests.factories import UserFactory
from ortak.monitoring import permissions as p
from ortak.monitoring.models import Assessment
from ortak.monitoring.tests.factories import (
    Tree,
    adopted_tree,
    measurement,
    member_of,
    new_assessment,
    new_organization,
    period,
    staff,
)
from ortak.organizations.models import Membership, Organization
from ortak.plans.models import Measurement, StrategicPlan

pytestmark = pytest.mark.django_db

Role = Membership.Role


@dataclass
class World:
    tree: Tree
    x: Organization
    draft: Measurement
    submitted: Measurement
    assessment: Assessment  # X's assessment of the objective
    users: dict[str, Any]


@pytest.fixture
def world() -> World:
    tree = adopted_tree()
    elsewhere = adopted_tree()
    x = new_organization()
    y = new_organization()
    unverified = new_organization(verification=Organization.Verification.PENDING)
    users = {
        "anonymous": AnonymousUser(),
        "citizen": UserFactory(),
        "member of verified X": member_of(x),
        "member of unverified": member_of(unverified, role=Role.ORGANIZATION_ADMIN),
        "member of Y acting for X": member_of(y),
        "responder of the owner unit": staff(Role.RESPONDER, tree.municipality, tree.unit),
        "named owner": tree.owner,
        "responder of another unit": staff(Role.RESPONDER, tree.municipality, tree.other_unit),
        "responder without MFA": staff(Role.RESPONDER, tree.municipality, tree.unit, mfa=False),
        "editor": staff(Role.EDITOR, tree.municipality),
        "admin": staff(Role.MUNICIPALITY_ADMIN, tree.municipality),
        "editor of another municipality": staff(Role.EDITOR, elsewhere.municipality),
    }
    draft = measurement(tree.indicator, "2025-H1")
    submitted = measurement(tree.indicator, "2025", status=Measurement.Status.SUBMITTED)
    for m in (draft, submitted):
        m.indicator = tree.indicator
    assessment = new_assessment(
        node=tree.objective, organization=x, period=period(tree.plan, "2025")
    )
    return World(tree, x, draft, submitted, assessment, users)


Action = Callable[[Any, World], bool]

ACTIONS: dict[str, Action] = {
    "draft value": lambda u, w: p.can_draft_measurement(u, w.tree.indicator),
    "change draft": lambda u, w: p.can_edit_draft(u, w.draft),
    "submit": lambda u, w: p.can_submit_measurement(u, w.draft),
    "publish": lambda u, w: p.can_publish_measurement(u, w.submitted),
    "send back": lambda u, w: p.can_return_measurement(u, w.submitted),
    "assess for X": lambda u, w: p.can_assess_for(u, w.tree.plan, w.x),
    "change X's assessment": lambda u, w: p.can_edit_assessment(u, w.assessment),
    "reply": lambda u, w: p.can_reply_to_assessment(u, w.assessment),
    "view dashboard": lambda u, w: p.can_view_dashboard(u, w.tree.municipality),
    "edit calendar": lambda u, w: p.can_edit_calendar(u, w.tree.municipality),
    "assign owner": lambda u, w: p.can_assign_owner(u, w.tree.indicator),
    "view history": lambda u, w: p.can_view_history(u, w.tree.plan),
}

UNIT_STAFF = {"draft value", "change draft", "submit", "view dashboard", "view history"}
STRATEGY_UNIT = UNIT_STAFF | {"publish", "send back", "reply", "edit calendar", "assign owner"}
X_MEMBER = {"assess for X", "change X's assessment", "view history"}

ALLOWED: dict[str, set[str]] = {
    "anonymous": {"view history"},
    "citizen": {"view history"},
    "member of verified X": X_MEMBER,
    "member of unverified": {"view history"},
    "member of Y acting for X": {"view history"},
    "responder of the owner unit": UNIT_STAFF,
    "named owner": UNIT_STAFF,
    "responder of another unit": {"view dashboard", "view history"},
    "responder without MFA": {"view history"},
    "editor": STRATEGY_UNIT,
    "admin": STRATEGY_UNIT,
    "editor of another municipality": {"view history"},
}


def test_the_matrix_covers_every_role_and_action(world: World) -> None:
    assert set(ALLOWED) == set(world.users)


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_role_by_action_matrix(world: World, action: str) -> None:
    allowed = {name for name, user in world.users.items() if ACTIONS[action](user, world)}
    expected = {name for name, actions in ALLOWED.items() if action in actions}
    assert allowed == expected


def test_nothing_but_history_on_a_plan_that_is_not_adopted(world: World) -> None:
    world.tree.plan.status = StrategicPlan.Status.CONSULTATION
    editor = world.users["editor"]
    owner = world.users["named owner"]
    assert not p.can_draft_measurement(owner, world.tree.indicator)
    assert not p.can_submit_measurement(owner, world.draft)
    assert not p.can_publish_measurement(editor, world.submitted)
    assert not p.can_assess_for(world.users["member of verified X"], world.tree.plan, world.x)


def test_an_archived_plan_is_still_assessed_but_no_longer_reported(world: World) -> None:
    world.tree.plan.status = StrategicPlan.Status.ARCHIVED
    assert p.can_assess_for(world.users["member of verified X"], world.tree.plan, world.x)
    assert not p.can_draft_measurement(world.users["named owner"], world.tree.indicator)


def test_a_published_value_is_not_a_draft_for_anyone(world: World) -> None:
    world.draft.status = Measurement.Status.PUBLISHED
    for user in world.users.values():
        assert not p.can_edit_draft(user, world.draft)
        assert not p.can_submit_measurement(user, world.draft)
        assert not p.can_publish_measurement(user, world.draft)


def test_a_submitted_value_is_changed_by_the_strategy_unit_only(world: World) -> None:
    allowed = {n for n, u in world.users.items() if p.can_edit_draft(u, world.submitted)}
    assert allowed == {"editor", "admin"}


def test_after_the_reply_the_assessment_is_frozen_and_the_reply_single(world: World) -> None:
    from ortak.monitoring.models import AssessmentReply

    AssessmentReply.objects.create(assessment=world.assessment, text="Teşekkürler.")
    assessment = Assessment.objects.select_related("reply", "plan", "organization").get(
        pk=world.assessment.pk
    )
    for user in world.users.values():
        assert not p.can_edit_assessment(user, assessment)
        assert not p.can_reply_to_assessment(user, assessment)
    assert p.can_edit_reply(world.users["editor"], assessment.reply)
    assert not p.can_edit_reply(world.users["editor of another municipality"], assessment.reply)


def test_a_responder_without_a_unit_reports_for_every_unit(world: World) -> None:
    anywhere = staff(Role.RESPONDER, world.tree.municipality)
    assert p.can_draft_measurement(anywhere, world.tree.indicator)
    assert p.can_draft_measurement(anywhere, world.tree.other_indicator)
