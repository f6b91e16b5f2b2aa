from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from ortak.accounts.tests.factories import UserFactory
from ortak.organizations import permissions
from ortak.organizations.models import Invitation, Membership, Organization
from ortak.organizations.tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    OrganizationFactory,
    UnitFactory,
    municipality_membership,
)
from ortak.organizations.tests.helpers import with_mfa, with_verified_email

pytestmark = pytest.mark.django_db

Role = Membership.Role


def test_holds_municipality_role_ignores_mfa_and_organization_roles():
    staff = municipality_membership(Role.RESPONDER).user
    member = MembershipFactory().user
    assert permissions.holds_municipality_role(staff) is True
    assert permissions.holds_municipality_role(member) is False
    assert permissions.holds_municipality_role(UserFactory()) is False
    assert permissions.holds_municipality_role(AnonymousUser()) is False


@pytest.mark.parametrize(
    ("role", "editor", "responder", "admin"),
    [
        (Role.MUNICIPALITY_ADMIN, True, True, True),
        (Role.EDITOR, True, True, False),
        (Role.RESPONDER, False, True, False),
    ],
)
def test_municipality_powers_follow_the_role_hierarchy(role, editor, responder, admin):
    membership = municipality_membership(role)
    user, municipality = with_mfa(membership.user), membership.municipality
    assert permissions.is_municipality_editor(user, municipality) is editor
    assert permissions.is_municipality_responder(user, municipality) is responder
    assert permissions.is_municipality_admin(user, municipality) is admin


@pytest.mark.parametrize("role", [Role.MUNICIPALITY_ADMIN, Role.EDITOR, Role.RESPONDER])
def test_municipality_powers_need_mfa(role):
    membership = municipality_membership(role)
    user, municipality = membership.user, membership.municipality
    assert not permissions.is_municipality_responder(user, municipality)
    assert not permissions.is_municipality_editor(user, municipality)
    assert not permissions.can_manage_municipality_staff(user, municipality)
    assert permissions.needs_mfa_for_municipality(user, municipality)
    with_mfa(user)
    assert permissions.is_municipality_responder(user, municipality)
    assert not permissions.needs_mfa_for_municipality(user, municipality)


def test_recovery_codes_alone_are_not_mfa():
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    user = municipality_membership(Role.EDITOR).user
    RecoveryCodes.activate(user)
    assert permissions.has_active_mfa(user) is False


def test_powers_stop_at_the_municipality_boundary():
    membership = municipality_membership(Role.MUNICIPALITY_ADMIN)
    user = with_mfa(membership.user)
    other = MunicipalityFactory()
    assert not permissions.is_municipality_editor(user, other)
    assert not permissions.is_municipality_responder(user, other)
    assert not permissions.can_manage_municipality_staff(user, other)
    assert not permissions.can_manage_units(user, other)


def test_a_responder_answers_for_their_own_unit_only():
    unit = UnitFactory()
    other_unit = UnitFactory(municipality=unit.municipality)
    user = with_mfa(
        municipality_membership(Role.RESPONDER, municipality=unit.municipality, unit=unit).user
    )
    assert permissions.is_municipality_responder(user, unit.municipality, unit)
    assert not permissions.is_municipality_responder(user, unit.municipality, other_unit)


def test_a_responder_without_a_unit_answers_for_every_unit():
    unit = UnitFactory()
    user = with_mfa(municipality_membership(Role.RESPONDER, municipality=unit.municipality).user)
    assert permissions.is_municipality_responder(user, unit.municipality, unit)


def test_an_editor_answers_for_every_unit_but_not_another_municipalitys():
    unit = UnitFactory()
    user = with_mfa(municipality_membership(Role.EDITOR, municipality=unit.municipality).user)
    assert permissions.is_municipality_responder(user, unit.municipality, unit)
    assert not permissions.is_municipality_responder(user, unit.municipality, UnitFactory())


def test_acting_for_an_organization_needs_verification():
    organization = OrganizationFactory(verification=Organization.Verification.PENDING)
    member = MembershipFactory(organization=organization, role=Role.MEMBER).user
    assert not permissions.can_act_for_organization(member, organization)
    organization.verification = Organization.Verification.VERIFIED
    assert permissions.can_act_for_organization(member, organization)
    assert not permissions.can_act_for_organization(UserFactory(), organization)
    assert not permissions.can_act_for_organization(AnonymousUser(), organization)


def test_inactive_and_erased_accounts_have_no_powers():
    organization = OrganizationFactory()
    inactive = MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN).user
    inactive.is_active = False
    erased = MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN).user
    erased.erased_at = timezone.now()
    moderator = UserFactory(is_moderator=True, is_active=False)
    for user in (inactive, erased):
        assert not permissions.can_manage_organization_members(user, organization)
        assert not permissions.can_act_for_organization(user, organization)
    assert not permissions.is_moderator(moderator)


def test_rejected_organizations_are_visible_only_to_members_and_moderators():
    organization = OrganizationFactory(verification=Organization.Verification.REJECTED)
    member = MembershipFactory(organization=organization).user
    assert permissions.can_view_organization(member, organization)
    assert permissions.can_view_organization(UserFactory(is_moderator=True), organization)
    assert not permissions.can_view_organization(UserFactory(), organization)
    assert not permissions.can_view_organization(AnonymousUser(), organization)
    pending = OrganizationFactory(verification=Organization.Verification.PENDING)
    assert permissions.can_view_organization(AnonymousUser(), pending)


def test_only_the_invited_verified_address_may_accept():
    invitation = Invitation(email="ayse@example.org")
    owner = with_verified_email(UserFactory(email="ayse@example.org"))
    other = with_verified_email(UserFactory())
    assert permissions.can_accept_invitation(owner, invitation)
    assert not permissions.can_accept_invitation(other, invitation)
    assert not permissions.can_accept_invitation(AnonymousUser(), invitation)
    invitation.email = "AYSE@example.org"
    assert permissions.can_accept_invitation(owner, invitation)
