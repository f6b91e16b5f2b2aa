"""Role × action matrix: nobody acts outside their municipality or organization (ARCHITECTURE §5).

Every action is run through its service (the enforcement point) by every actor; an actor outside
the expected set must get PermissionDenied and change nothing. Pages are checked separately in
``test_matrix_pages.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from ortak.organizations import permissions, services
from ortak.organizations.models import Membership, Organization, Unit
from ortak.organizations.tests.world import ACTORS, World, build_world

pytestmark = pytest.mark.django_db

Role = Membership.Role
Action = Callable[[World, Any], object]


def _register(world: World, actor: Any) -> object:
    return services.register_organization(
        actor=actor, name="Yeni Dernek", kind=Organization.Kind.ASSOCIATION,
        province=world.org_x.province,
    )  # fmt: skip


def _verify(world: World, actor: Any) -> object:
    return services.verify_organization(actor=actor, organization=world.pending)


def _reject(world: World, actor: Any) -> object:
    return services.reject_organization(actor=actor, organization=world.pending, reason="Kayıt yok")


def _invite_to_org(world: World, actor: Any) -> object:
    return services.invite_member(
        actor=actor, email="yeni@example.org", role=Role.MEMBER, organization=world.org_x
    )


def _invite_to_municipality(world: World, actor: Any) -> object:
    return services.invite_member(
        actor=actor, email="yeni@example.org", role=Role.EDITOR, municipality=world.municipality_m
    )


def _change_org_role(world: World, actor: Any) -> object:
    return services.change_membership_role(
        actor=actor, membership=world.x_other_member, role=Role.REPRESENTATIVE
    )


def _change_staff_role(world: World, actor: Any) -> object:
    return services.change_membership_role(
        actor=actor, membership=world.m_other_staff, role=Role.EDITOR
    )


def _remove_org_member(world: World, actor: Any) -> object:
    services.remove_membership(actor=actor, membership=world.x_other_member)
    return not Membership.objects.filter(pk=world.x_other_member.pk).exists()


def _remove_staff(world: World, actor: Any) -> object:
    services.remove_membership(actor=actor, membership=world.m_other_staff)
    return not Membership.objects.filter(pk=world.m_other_staff.pk).exists()


def _create_unit(world: World, actor: Any) -> object:
    return services.create_unit(
        actor=actor, municipality=world.municipality_m, name="Park ve Bahçeler Müdürlüğü"
    )


def _rename_unit(world: World, actor: Any) -> object:
    return services.update_unit(
        actor=actor, unit=world.unit_m, name="Zabıta Müdürlüğü", is_strategy_unit=False
    )


def _delete_unit(world: World, actor: Any) -> object:
    services.delete_unit(actor=actor, unit=world.unit_m)
    return not Unit.objects.filter(pk=world.unit_m.pk).exists()


def _resubmit(world: World, actor: Any) -> object:
    Organization.objects.filter(pk=world.org_x.pk).update(
        verification=Organization.Verification.REJECTED, verification_note="Eksik belge."
    )
    return services.resubmit_organization(actor=actor, organization=world.org_x)


def _view_moderation_queue(world: World, actor: Any) -> object:
    if not permissions.can_view_moderation_queue(actor):
        raise PermissionDenied
    return True


SIGNED_IN = set(ACTORS) - {"anonymous"}
MODERATORS = {"moderator", "superuser"}
ORG_X_ADMINS = {"x_admin", "superuser"}
M_ADMINS = {"m_admin", "superuser"}

MATRIX: dict[str, tuple[Action, set[str]]] = {
    "register organization": (_register, SIGNED_IN),
    "verify organization": (_verify, MODERATORS),
    "reject organization": (_reject, MODERATORS),
    "view moderation queue": (_view_moderation_queue, MODERATORS),
    "resubmit rejected organization X": (_resubmit, ORG_X_ADMINS),
    "invite to organization X": (_invite_to_org, ORG_X_ADMINS),
    "invite to municipality M": (_invite_to_municipality, M_ADMINS),
    "change role in organization X": (_change_org_role, ORG_X_ADMINS),
    "change role in municipality M": (_change_staff_role, M_ADMINS),
    "remove member of organization X": (_remove_org_member, ORG_X_ADMINS),
    "remove staff of municipality M": (_remove_staff, M_ADMINS),
    "create unit of M": (_create_unit, M_ADMINS),
    "rename unit of M": (_rename_unit, M_ADMINS),
    "delete unit of M": (_delete_unit, M_ADMINS),
}

CASES = [
    pytest.param(action, actor, actor in allowed, id=f"{action} | {actor}")
    for action, (_function, allowed) in MATRIX.items()
    for actor in ACTORS
]


@pytest.mark.parametrize(("action", "actor", "allowed"), CASES)
def test_role_action_matrix(action: str, actor: str, allowed: bool) -> None:
    world = build_world()
    function, _allowed = MATRIX[action]
    memberships_before = sorted(Membership.objects.values_list("pk", "role"))
    if allowed:
        assert function(world, world.actor(actor))
    else:
        with pytest.raises(PermissionDenied):
            function(world, world.actor(actor))
        assert sorted(Membership.objects.values_list("pk", "role")) == memberships_before


def test_matrix_names_every_actor_for_every_action() -> None:
    assert {actor for _action, actor, _allowed in (c.values for c in CASES)} == set(ACTORS)
    assert len(CASES) == len(MATRIX) * len(ACTORS)
