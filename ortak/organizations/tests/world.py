"""A small world for the role × action matrix: two organizations, two municipalities, every role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django.contrib.auth.models import AnonymousUser

from ortak.accounts.tests.factories import UserFactory
from ortak.organizations.models import Membership, Municipality, Organization, Unit
from ortak.organizations.tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    OrganizationFactory,
    UnitFactory,
    municipality_membership,
)
from ortak.organizations.tests.helpers import with_mfa, with_verified_email

Role = Membership.Role

ACTORS = (
    "anonymous",
    "citizen",
    "x_member",
    "x_representative",
    "x_admin",
    "y_admin",
    "m_admin",
    "m_editor",
    "m_responder",
    "m_admin_without_mfa",
    "n_admin",
    "moderator",
    "superuser",
)


@dataclass(frozen=True)
class World:
    users: dict[str, Any]
    org_x: Organization
    org_y: Organization
    pending: Organization
    municipality_m: Municipality
    municipality_n: Municipality
    unit_m: Unit
    # Targets of role changes and removals, so that the actor never acts on themselves.
    x_other_member: Membership
    m_other_staff: Membership

    def actor(self, name: str) -> Any:
        return self.users[name]


def build_world() -> World:
    # factory_boy's calls are untyped: name what they return.
    org_x = cast(Organization, OrganizationFactory(name="X Derneği"))
    org_y = cast(Organization, OrganizationFactory(name="Y Vakfı", kind="foundation"))
    pending = cast(
        Organization,
        OrganizationFactory(
            name="Bekleyen Platform", verification=Organization.Verification.PENDING
        ),
    )
    municipality_m = cast(Municipality, MunicipalityFactory(name="M Belediyesi"))
    municipality_n = cast(Municipality, MunicipalityFactory(name="N Belediyesi"))
    unit_m = cast(Unit, UnitFactory(municipality=municipality_m))

    def org_member(organization: Organization, role: str) -> Any:
        return MembershipFactory(organization=organization, role=role).user

    def staff(municipality: Municipality, role: str, mfa: bool = True) -> Any:
        user = municipality_membership(role, municipality=municipality).user
        return with_mfa(user) if mfa else user

    users: dict[str, Any] = {
        "anonymous": AnonymousUser(),
        "citizen": UserFactory(),
        "x_member": org_member(org_x, Role.MEMBER),
        "x_representative": org_member(org_x, Role.REPRESENTATIVE),
        "x_admin": org_member(org_x, Role.ORGANIZATION_ADMIN),
        "y_admin": org_member(org_y, Role.ORGANIZATION_ADMIN),
        "m_admin": staff(municipality_m, Role.MUNICIPALITY_ADMIN),
        "m_editor": staff(municipality_m, Role.EDITOR),
        "m_responder": staff(municipality_m, Role.RESPONDER),
        "m_admin_without_mfa": staff(municipality_m, Role.MUNICIPALITY_ADMIN, mfa=False),
        "n_admin": staff(municipality_n, Role.MUNICIPALITY_ADMIN),
        "moderator": with_mfa(UserFactory(is_moderator=True)),
        "superuser": with_mfa(UserFactory(is_superuser=True, is_staff=True)),
    }
    for name, user in users.items():
        if name != "anonymous":
            with_verified_email(user)
    # A second admin in each target, so that removing or demoting someone is never blocked by
    # the last-admin rule in the matrix (that rule has its own tests).
    MembershipFactory(organization=org_x, role=Role.ORGANIZATION_ADMIN)
    MembershipFactory(organization=pending, role=Role.ORGANIZATION_ADMIN)
    return World(
        users=users,
        org_x=org_x,
        org_y=org_y,
        pending=pending,
        municipality_m=municipality_m,
        municipality_n=municipality_n,
        unit_m=unit_m,
        x_other_member=cast(Membership, MembershipFactory(organization=org_x, role=Role.MEMBER)),
        m_other_staff=municipality_membership(Role.RESPONDER, municipality=municipality_m),
    )
