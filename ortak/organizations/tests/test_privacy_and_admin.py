from __future__ import annotations

import pytest
from django.urls import reverse

from ortak.accounts.tests.factories import UserFactory
from ortak.core import personal_data
from ortak.organizations.models import Invitation, Membership, Municipality, Organization
from ortak.organizations.tests.factories import MembershipFactory, OrganizationFactory
from ortak.organizations.tests.helpers import sign_in, with_mfa, with_verified_email

pytestmark = pytest.mark.django_db


def test_the_export_lists_memberships_and_invitations_received():
    membership = MembershipFactory(organization=OrganizationFactory(name="Sinop Doğa Derneği"))
    Invitation.objects.create(
        email=membership.user.email,
        organization=OrganizationFactory(name="Başka Dernek"),
        role=Membership.Role.MEMBER,
        token="export-token",
        expires_at="2999-01-01T00:00:00Z",
    )
    data = personal_data.export_all(membership.user)["organizations"]
    assert data["memberships"][0]["organization"] == "Sinop Doğa Derneği"
    assert data["invitations_received"][0]["to"] == "Başka Dernek"


def test_erasure_removes_roles_and_invitations_but_keeps_the_organization():
    organization = OrganizationFactory()
    membership = MembershipFactory(organization=organization)
    Invitation.objects.create(
        email=membership.user.email,
        organization=organization,
        role=Membership.Role.MEMBER,
        token="erase-token",
        expires_at="2999-01-01T00:00:00Z",
    )
    personal_data.erase_all(membership.user)
    assert not Membership.objects.filter(user=membership.user).exists()
    assert not Invitation.objects.filter(email=membership.user.email).exists()
    assert Organization.objects.filter(pk=organization.pk).exists()


@pytest.mark.parametrize(
    "model", ["province", "municipality", "unit", "organization", "membership", "invitation"]
)
def test_every_model_has_a_working_admin(client, model):
    admin = with_verified_email(with_mfa(UserFactory(is_staff=True, is_superuser=True)))
    sign_in(client, admin)
    MembershipFactory()
    for view in ("changelist", "add"):
        response = client.get(reverse(f"admin:organizations_{model}_{view}"))
        assert response.status_code == 200, (model, view)


def test_the_municipality_admin_page_shows_its_units(client):
    admin = with_verified_email(with_mfa(UserFactory(is_staff=True, is_superuser=True)))
    sign_in(client, admin)
    sinop = Municipality.objects.get(slug="sinop")
    response = client.get(reverse("admin:organizations_municipality_change", args=[sinop.pk]))
    assert "Strateji Geliştirme Müdürlüğü" in response.content.decode()


def test_the_admin_action_verifies_through_the_service(client):
    admin = with_verified_email(with_mfa(UserFactory(is_staff=True, is_superuser=True)))
    sign_in(client, admin)
    pending = OrganizationFactory(verification=Organization.Verification.PENDING)
    client.post(
        reverse("admin:organizations_organization_changelist"),
        {"action": "verify_selected", "_selected_action": [pending.pk]},
    )
    pending.refresh_from_db()
    assert pending.is_verified
    assert pending.verified_by == admin
