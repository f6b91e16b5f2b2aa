"""Role × page matrix: the views refuse exactly whom the services refuse.

Anonymous visitors are sent to the login page; signed-in users without the right get 403 (a
municipality admin without MFA may instead be sent to set MFA up by the accounts middleware).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from ortak.organizations.models import Invitation, Membership
from ortak.organizations.tests.helpers import sign_in
from ortak.organizations.tests.world import ACTORS, World, build_world

pytestmark = pytest.mark.django_db

Role = Membership.Role
MODERATORS = {"moderator", "superuser"}
ORG_X_ADMINS = {"x_admin", "superuser"}
M_ADMINS = {"m_admin", "superuser"}
SIGNED_IN = set(ACTORS) - {"anonymous"}


def _invitation(world: World) -> Invitation:
    return Invitation.objects.create(
        email="davetli@example.org",
        organization=world.org_x,
        role=Role.MEMBER,
        token="matrix-token",
        invited_by=world.actor("x_admin"),
        expires_at="2999-01-01T00:00:00Z",
    )


# name → (method, url builder, POST data, allowed actors)
PAGES: dict[str, tuple[str, Callable[[World], str], dict[str, Any], set[str]]] = {
    "register organization": (
        "get", lambda w: reverse("organizations:organization_register"), {}, SIGNED_IN,
    ),
    "my memberships": ("get", lambda w: reverse("organizations:my_memberships"), {}, SIGNED_IN),
    "moderation queue": ("get", lambda w: reverse("organizations:moderation_queue"), {}, MODERATORS),
    "review pending organization": (
        "get", lambda w: reverse("organizations:organization_review", args=[w.pending.slug]), {},
        MODERATORS,
    ),
    "reject pending organization": (
        "post", lambda w: reverse("organizations:organization_review", args=[w.pending.slug]),
        {"decision": "reject", "reason": "Kayıt bulunamadı."}, MODERATORS,
    ),
    "edit organization X": (
        "get", lambda w: reverse("organizations:organization_edit", args=[w.org_x.slug]), {},
        ORG_X_ADMINS,
    ),
    "members of organization X": (
        "get", lambda w: reverse("organizations:organization_members", args=[w.org_x.slug]), {},
        ORG_X_ADMINS,
    ),
    "invite to organization X": (
        "post", lambda w: reverse("organizations:organization_members", args=[w.org_x.slug]),
        {"email": "yeni@example.org", "role": "member"}, ORG_X_ADMINS,
    ),
    "change role in organization X": (
        "post", lambda w: reverse("organizations:membership_role", args=[w.x_other_member.pk]),
        {"role": "representative"}, ORG_X_ADMINS,
    ),
    "remove member of organization X": (
        "post", lambda w: reverse("organizations:membership_remove", args=[w.x_other_member.pk]),
        {}, ORG_X_ADMINS,
    ),
    "revoke invitation to organization X": (
        "post", lambda w: reverse("organizations:invitation_revoke", args=[_invitation(w).pk]),
        {}, ORG_X_ADMINS,
    ),
    "staff of municipality M": (
        "get", lambda w: reverse("organizations:municipality_staff", args=[w.municipality_m.slug]),
        {}, M_ADMINS,
    ),
    "invite to municipality M": (
        "post", lambda w: reverse("organizations:municipality_staff", args=[w.municipality_m.slug]),
        {"email": "yeni@example.org", "role": "editor"}, M_ADMINS,
    ),
    "change role in municipality M": (
        "post", lambda w: reverse("organizations:membership_role", args=[w.m_other_staff.pk]),
        {"role": "editor"}, M_ADMINS,
    ),
    "remove staff of municipality M": (
        "post", lambda w: reverse("organizations:membership_remove", args=[w.m_other_staff.pk]),
        {}, M_ADMINS,
    ),
    "units of municipality M": (
        "get", lambda w: reverse("organizations:municipality_units", args=[w.municipality_m.slug]),
        {}, M_ADMINS,
    ),
    "add unit to municipality M": (
        "post", lambda w: reverse("organizations:municipality_units", args=[w.municipality_m.slug]),
        {"name": "Park ve Bahçeler Müdürlüğü"}, M_ADMINS,
    ),
    "edit unit of municipality M": (
        "get",
        lambda w: reverse("organizations:unit_edit", args=[w.municipality_m.slug, w.unit_m.pk]),
        {}, M_ADMINS,
    ),
    "delete unit of municipality M": (
        "post",
        lambda w: reverse("organizations:unit_delete", args=[w.municipality_m.slug, w.unit_m.pk]),
        {}, M_ADMINS,
    ),
}  # fmt: skip

CASES = [
    pytest.param(page, actor, actor in allowed, id=f"{page} | {actor}")
    for page, (_m, _u, _d, allowed) in PAGES.items()
    for actor in ACTORS
]


@pytest.mark.parametrize(("page", "actor", "allowed"), CASES)
def test_page_matrix(page: str, actor: str, allowed: bool) -> None:
    world = build_world()
    method, url_of, data, _allowed = PAGES[page]
    client = Client()
    if actor != "anonymous":
        sign_in(client, world.actor(actor))
    url = url_of(world)
    response = client.get(url) if method == "get" else client.post(url, data)
    if allowed:
        expected = 200 if method == "get" else 302
        assert response.status_code == expected, response.content[:2000]
        if method == "post":
            assert reverse("account_login") not in response["Location"]
    elif actor == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    elif actor == "m_admin_without_mfa" and response.status_code == 302:
        # The accounts middleware turns the 403 into its "set up MFA" page.
        assert reverse("account_login") not in response["Location"]
        assert url not in response["Location"].split("?")[0]
    else:
        assert response.status_code == 403
