from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.utils import timezone

from ortak.accounts.tests.factories import UserFactory
from ortak.audit.models import AuditEvent
from ortak.notifications.models import Notification
from ortak.organizations import services
from ortak.organizations.models import Invitation, Membership, Organization, Unit
from ortak.organizations.tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ProvinceFactory,
    UnitFactory,
    municipality_membership,
)
from ortak.organizations.tests.helpers import with_mfa, with_verified_email

pytestmark = pytest.mark.django_db

Role = Membership.Role


@pytest.fixture
def moderator():
    return with_mfa(UserFactory(is_moderator=True))


def _register(user, **extra):
    data = {
        "name": "Sinop Doğa Derneği",
        "kind": Organization.Kind.ASSOCIATION,
        "province": ProvinceFactory(code=57, name="Sinop", slug="sinop"),
    }
    data.update(extra)
    return services.register_organization(actor=user, **data)


# --- Registration and verification ----------------------------------------------------


def test_registering_makes_a_pending_organization_with_the_registrant_as_admin(moderator):
    user = UserFactory()
    organization = _register(user, fields_of_activity=["environment"])
    assert organization.verification == Organization.Verification.PENDING
    assert organization.slug == "sinop-doga-dernegi"
    assert organization.created_by == user
    membership = Membership.objects.get(organization=organization)
    assert (membership.user, membership.role) == (user, Role.ORGANIZATION_ADMIN)
    assert AuditEvent.objects.filter(action="organization.registered").count() == 1
    assert Notification.objects.filter(
        recipient=moderator, verb="organizations.registered"
    ).exists()


def test_registering_twice_with_one_name_gives_distinct_slugs():
    first, second = _register(UserFactory()), _register(UserFactory())
    assert first.slug != second.slug
    assert second.slug == "sinop-doga-dernegi-2"


def test_a_slug_never_takes_a_reserved_page_name():
    organization = _register(UserFactory(), name="Yeni")
    assert organization.slug == "yeni-2"


def test_registration_rejects_an_unknown_field_of_activity_and_writes_nothing():
    with pytest.raises(ValidationError) as error:
        _register(UserFactory(), fields_of_activity=["astrology"])
    assert "fields_of_activity" in error.value.message_dict
    assert not Organization.objects.filter(name="Sinop Doğa Derneği").exists()
    assert not Membership.objects.exists()


def test_registration_rejects_a_duplicate_registry_number_of_the_same_kind():
    _register(UserFactory(), registry_number="57-001-123")
    with pytest.raises(ValidationError):
        _register(UserFactory(), name="Başka Dernek", registry_number="57-001-123")
    foundation = _register(
        UserFactory(), name="Vakıf", kind=Organization.Kind.FOUNDATION, registry_number="57-001-123"
    )
    assert foundation.pk


def test_a_city_council_must_name_its_municipality():
    with pytest.raises(ValidationError) as error:
        _register(UserFactory(), name="Kent Konseyi", kind=Organization.Kind.CITY_COUNCIL)
    assert "municipality" in error.value.message_dict


def test_the_municipality_must_be_in_the_organizations_province():
    elsewhere = MunicipalityFactory()  # Ankara
    with pytest.raises(ValidationError) as error:
        _register(UserFactory(), municipality=elsewhere)
    assert "municipality" in error.value.message_dict


def test_verifying_records_who_when_and_notifies_the_admins(
    moderator, django_capture_on_commit_callbacks
):
    admin = UserFactory()
    organization = _register(admin)
    with django_capture_on_commit_callbacks(execute=True):
        services.verify_organization(actor=moderator, organization=organization, note="DERBİS")
    organization.refresh_from_db()
    assert organization.is_verified
    assert organization.verified_by == moderator
    assert organization.verified_at is not None
    assert organization.verification_note == "DERBİS"
    notification = Notification.objects.get(recipient=admin, verb="organizations.verified")
    assert "Sinop Doğa Derneği" in notification.message
    assert [m.to for m in mail.outbox] == [[admin.email]]


def test_rejecting_requires_a_reason(moderator):
    organization = _register(UserFactory())
    with pytest.raises(ValidationError) as error:
        services.reject_organization(actor=moderator, organization=organization, reason="   ")
    assert "reason" in error.value.message_dict
    organization.refresh_from_db()
    assert organization.verification == Organization.Verification.PENDING


def test_rejecting_tells_the_admins_the_reason(moderator):
    admin = UserFactory()
    organization = _register(admin)
    services.reject_organization(
        actor=moderator, organization=organization, reason="Kayıt numarası bulunamadı."
    )
    organization.refresh_from_db()
    assert organization.verification == Organization.Verification.REJECTED
    assert organization.verification_note == "Kayıt numarası bulunamadı."
    notification = Notification.objects.get(recipient=admin, verb="organizations.rejected")
    assert "Kayıt numarası bulunamadı." in notification.message
    assert AuditEvent.objects.filter(action="organization.rejected").exists()


def test_a_moderator_cannot_verify_their_own_organization(moderator):
    organization = _register(moderator)
    with pytest.raises(PermissionDenied):
        services.verify_organization(actor=moderator, organization=organization)


def test_verifying_twice_is_refused(moderator):
    organization = OrganizationFactory()
    with pytest.raises(ValidationError):
        services.verify_organization(actor=moderator, organization=organization)


def test_a_verified_organization_can_be_withdrawn_with_a_reason(moderator):
    organization = OrganizationFactory()
    services.reject_organization(actor=moderator, organization=organization, reason="Kapandı.")
    organization.refresh_from_db()
    assert organization.verification == Organization.Verification.REJECTED


def test_a_rejected_organization_can_ask_for_verification_again(moderator):
    admin = UserFactory()
    organization = _register(admin)
    services.reject_organization(actor=moderator, organization=organization, reason="Eksik.")
    services.resubmit_organization(actor=admin, organization=organization)
    organization.refresh_from_db()
    assert organization.verification == Organization.Verification.PENDING
    assert organization.verification_note == "Eksik."  # the moderator still sees the last reason
    assert Notification.objects.filter(
        recipient=moderator, verb="organizations.resubmitted"
    ).exists()
    assert AuditEvent.objects.filter(action="organization.resubmitted").exists()


def test_only_a_rejected_organization_can_be_resubmitted():
    admin = UserFactory()
    organization = _register(admin)
    with pytest.raises(ValidationError):
        services.resubmit_organization(actor=admin, organization=organization)


def test_editing_the_profile_is_audited_with_old_and_new_values():
    admin = UserFactory()
    organization = _register(admin)
    services.update_organization(
        actor=admin, organization=organization, description="Kıyıları temizliyoruz."
    )
    organization.refresh_from_db()
    assert organization.description == "Kıyıları temizliyoruz."
    event = AuditEvent.objects.get(action="organization.updated")
    assert event.data["changes"]["description"]["new"] == "Kıyıları temizliyoruz."


def test_a_member_cannot_edit_the_profile():
    organization = OrganizationFactory()
    member = MembershipFactory(organization=organization).user
    with pytest.raises(PermissionDenied):
        services.update_organization(actor=member, organization=organization, name="Başka")


# --- Memberships ----------------------------------------------------------------------


def test_the_last_admin_cannot_be_removed_or_demoted():
    organization = OrganizationFactory()
    admin = MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN)
    with pytest.raises(ValidationError) as error:
        services.remove_membership(actor=admin.user, membership=admin)
    assert error.value.code == "last_admin"
    with pytest.raises(ValidationError):
        services.change_membership_role(actor=admin.user, membership=admin, role=Role.MEMBER)
    admin.refresh_from_db()
    assert admin.role == Role.ORGANIZATION_ADMIN


def test_an_admin_can_step_down_once_another_admin_exists():
    organization = OrganizationFactory()
    admin = MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN)
    other = MembershipFactory(organization=organization, role=Role.MEMBER)
    services.change_membership_role(
        actor=admin.user, membership=other, role=Role.ORGANIZATION_ADMIN
    )
    services.change_membership_role(actor=admin.user, membership=admin, role=Role.MEMBER)
    admin.refresh_from_db()
    assert admin.role == Role.MEMBER
    assert Notification.objects.filter(
        recipient=other.user, verb="organizations.role_changed"
    ).exists()


def test_the_last_municipality_admin_stays_even_for_a_superuser():
    superuser = UserFactory(is_superuser=True, is_staff=True)
    admin = municipality_membership(Role.MUNICIPALITY_ADMIN)
    with pytest.raises(ValidationError):
        services.remove_membership(actor=superuser, membership=admin)


def test_a_member_may_leave_and_the_admins_are_not_told_by_notification_to_themselves():
    organization = OrganizationFactory()
    member = MembershipFactory(organization=organization)
    services.remove_membership(actor=member.user, membership=member)
    assert not Membership.objects.filter(pk=member.pk).exists()
    assert not Notification.objects.filter(recipient=member.user).exists()
    assert AuditEvent.objects.filter(action="membership.removed").exists()


def test_a_removed_member_is_notified():
    organization = OrganizationFactory()
    admin = MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN).user
    member = MembershipFactory(organization=organization)
    services.remove_membership(actor=admin, membership=member)
    assert Notification.objects.filter(
        recipient=member.user, verb="organizations.membership_removed"
    ).exists()


def test_a_municipality_role_cannot_be_given_in_an_organization():
    organization = OrganizationFactory()
    admin = MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN).user
    member = MembershipFactory(organization=organization)
    with pytest.raises(ValidationError):
        services.change_membership_role(actor=admin, membership=member, role=Role.EDITOR)


def test_a_responders_unit_must_belong_to_the_same_municipality():
    admin = municipality_membership(Role.MUNICIPALITY_ADMIN)
    with_mfa(admin.user)
    responder = municipality_membership(Role.RESPONDER, municipality=admin.municipality)
    foreign_unit = UnitFactory()
    with pytest.raises(ValidationError):
        services.change_membership_role(
            actor=admin.user, membership=responder, role=Role.RESPONDER, unit=foreign_unit
        )
    own_unit = UnitFactory(municipality=admin.municipality)
    services.change_membership_role(
        actor=admin.user, membership=responder, role=Role.RESPONDER, unit=own_unit
    )
    responder.refresh_from_db()
    assert responder.unit == own_unit


# --- Invitations ----------------------------------------------------------------------


@pytest.fixture
def org_admin():
    organization = OrganizationFactory(name="Van Kadın Dayanışma Platformu")
    return MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN).user


def _invite(org_admin, email="Zeynep@Example.org", role=Role.MEMBER):
    organization = Membership.objects.get(user=org_admin).organization
    return services.invite_member(
        actor=org_admin, email=email, role=role, organization=organization
    )


def test_the_invitation_email_goes_out_only_after_commit(
    org_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        invitation = _invite(org_admin)
    assert mail.outbox == []
    assert invitation.email == "zeynep@example.org"
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["zeynep@example.org"]
    assert f"/davet/{invitation.token}/" in message.body
    assert "Van Kadın Dayanışma Platformu" in message.subject


def test_a_new_invitation_replaces_the_open_one_to_the_same_address(org_admin):
    first = _invite(org_admin)
    second = _invite(org_admin, role=Role.REPRESENTATIVE)
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert second.is_open


def test_inviting_an_existing_member_is_refused(org_admin):
    organization = Membership.objects.get(user=org_admin).organization
    member = MembershipFactory(organization=organization).user
    with pytest.raises(ValidationError) as error:
        _invite(org_admin, email=member.email.upper())
    assert "email" in error.value.message_dict


def test_accepting_creates_the_membership_and_tells_the_inviter(org_admin):
    invitation = _invite(org_admin)
    user = with_verified_email(UserFactory(email="zeynep@example.org"))
    membership = services.accept_invitation(user=user, invitation=invitation)
    assert (membership.role, membership.organization) == (Role.MEMBER, invitation.organization)
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    assert not invitation.is_open
    assert Notification.objects.filter(
        recipient=org_admin, verb="organizations.invitation_accepted"
    ).exists()


def test_accepting_needs_the_invited_address_verified(org_admin):
    invitation = _invite(org_admin)
    stranger = with_verified_email(UserFactory(email="baskasi@example.org"))
    with pytest.raises(PermissionDenied):
        services.accept_invitation(user=stranger, invitation=invitation)
    unverified = UserFactory(email="zeynep@example.org")
    with pytest.raises(PermissionDenied):
        services.accept_invitation(user=unverified, invitation=invitation)
    assert not Membership.objects.filter(user__in=[stranger, unverified]).exists()


def test_a_secondary_verified_address_may_accept(org_admin):
    invitation = _invite(org_admin)
    user = with_verified_email(UserFactory(email="is@example.org"))
    with_verified_email(user, "zeynep@example.org")
    assert services.accept_invitation(user=user, invitation=invitation).pk


def test_an_expired_invitation_cannot_be_accepted(org_admin):
    invitation = _invite(org_admin)
    user = with_verified_email(UserFactory(email="zeynep@example.org"))
    with time_machine.travel(timezone.now() + timedelta(days=15)):
        assert invitation.is_expired
        with pytest.raises(ValidationError) as error:
            services.accept_invitation(user=user, invitation=invitation)
    assert error.value.code == "expired"
    assert not Membership.objects.filter(user=user).exists()


def test_an_invitation_is_still_valid_on_its_last_day(org_admin):
    invitation = _invite(org_admin)
    user = with_verified_email(UserFactory(email="zeynep@example.org"))
    with time_machine.travel(timezone.now() + timedelta(days=13, hours=23)):
        assert services.accept_invitation(user=user, invitation=invitation).pk


def test_a_revoked_invitation_cannot_be_accepted(org_admin):
    invitation = _invite(org_admin)
    services.revoke_invitation(actor=org_admin, invitation=invitation)
    user = with_verified_email(UserFactory(email="zeynep@example.org"))
    with pytest.raises(ValidationError):
        services.accept_invitation(user=user, invitation=invitation)


def test_an_invitation_is_accepted_once(org_admin):
    invitation = _invite(org_admin)
    user = with_verified_email(UserFactory(email="zeynep@example.org"))
    services.accept_invitation(user=user, invitation=invitation)
    with pytest.raises(ValidationError):
        services.accept_invitation(user=user, invitation=invitation)
    assert Membership.objects.filter(user=user).count() == 1


def test_a_municipality_invitation_carries_the_unit():
    admin = municipality_membership(Role.MUNICIPALITY_ADMIN)
    with_mfa(admin.user)
    unit = UnitFactory(municipality=admin.municipality)
    invitation = services.invite_member(
        actor=admin.user,
        email="sorumlu@example.org",
        role=Role.RESPONDER,
        municipality=admin.municipality,
        unit=unit,
    )
    user = with_verified_email(UserFactory(email="sorumlu@example.org"))
    membership = services.accept_invitation(user=user, invitation=invitation)
    assert (membership.municipality, membership.unit, membership.role) == (
        admin.municipality,
        unit,
        Role.RESPONDER,
    )


def test_an_invitation_to_an_organization_role_in_a_municipality_is_refused():
    admin = municipality_membership(Role.MUNICIPALITY_ADMIN)
    with_mfa(admin.user)
    with pytest.raises(ValidationError):
        services.invite_member(
            actor=admin.user,
            email="x@example.org",
            role=Role.MEMBER,
            municipality=admin.municipality,
        )
    assert not Invitation.objects.exists()


# --- Units ----------------------------------------------------------------------------


@pytest.fixture
def municipality_admin():
    admin = municipality_membership(Role.MUNICIPALITY_ADMIN)
    return with_mfa(admin.user), admin.municipality


def test_creating_units_gives_unique_turkish_slugs(municipality_admin):
    admin, municipality = municipality_admin
    first = services.create_unit(
        actor=admin, municipality=municipality, name="Park ve Bahçeler Müdürlüğü"
    )
    second = services.create_unit(
        actor=admin, municipality=municipality, name="Park ve Bahçeler Müdürlüğü"
    )
    assert first.slug == "park-ve-bahceler-mudurlugu"
    assert second.slug == "park-ve-bahceler-mudurlugu-2"


def test_marking_a_unit_as_strategy_unit_moves_the_flag(municipality_admin):
    admin, municipality = municipality_admin
    old = UnitFactory(municipality=municipality, is_strategy_unit=True)
    new = services.create_unit(
        actor=admin,
        municipality=municipality,
        name="Strateji Geliştirme Müdürlüğü",
        is_strategy_unit=True,
    )
    old.refresh_from_db()
    assert new.is_strategy_unit and not old.is_strategy_unit
    assert Unit.objects.filter(municipality=municipality, is_strategy_unit=True).count() == 1


def test_the_strategy_unit_cannot_be_unmarked_or_deleted(municipality_admin):
    admin, municipality = municipality_admin
    unit = UnitFactory(municipality=municipality, is_strategy_unit=True)
    with pytest.raises(ValidationError):
        services.update_unit(actor=admin, unit=unit, name=unit.name, is_strategy_unit=False)
    with pytest.raises(ValidationError):
        services.delete_unit(actor=admin, unit=unit)
    assert Unit.objects.filter(pk=unit.pk, is_strategy_unit=True).exists()


def test_deleting_a_unit_keeps_its_staff_without_a_unit(municipality_admin):
    admin, municipality = municipality_admin
    unit = UnitFactory(municipality=municipality)
    responder = municipality_membership(Role.RESPONDER, municipality=municipality, unit=unit)
    services.delete_unit(actor=admin, unit=unit)
    responder.refresh_from_db()
    assert responder.unit is None
    assert AuditEvent.objects.filter(action="unit.deleted", data__name=unit.name).exists()


def test_a_unit_still_referenced_by_plans_is_not_deleted(municipality_admin, monkeypatch):
    admin, municipality = municipality_admin
    unit = UnitFactory(municipality=municipality)

    def protected(*args, **kwargs):
        raise ProtectedError("in use", set())

    monkeypatch.setattr(Unit, "delete", protected)
    with pytest.raises(ValidationError) as error:
        services.delete_unit(actor=admin, unit=unit)
    assert error.value.code == "unit_in_use"
