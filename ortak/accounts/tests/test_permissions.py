"""Role × action matrix for accounts: nobody acts outside their rights.

Pages act on the signed-in user's own account only (there is no user id in their URLs); the
services and permissions are also checked with another user's account as the target.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ortak.accounts import permissions, services
from ortak.accounts.models import User
from ortak.accounts.tests.factories import PASSWORD, StaffFactory, UserFactory
from ortak.organizations.models import Membership
from ortak.organizations.tests.factories import municipality_membership

pytestmark = pytest.mark.django_db


def _editor(with_mfa: bool) -> Any:
    user = UserFactory(verified=True, consented=True, with_mfa=with_mfa)
    municipality_membership(Membership.Role.EDITOR, user=user)
    return user


ROLES: dict[str, Callable[[], Any]] = {  # factories are typed loosely
    "anonymous": lambda: None,
    "citizen": lambda: UserFactory(verified=True, consented=True),
    "staff without MFA": lambda: StaffFactory(verified=True, consented=True),
    "staff with MFA": lambda: StaffFactory(verified=True, consented=True, with_mfa=True),
    "municipality editor without MFA": lambda: _editor(with_mfa=False),
    "municipality editor with MFA": lambda: _editor(with_mfa=True),
    "platform admin with MFA": lambda: StaffFactory(
        verified=True, consented=True, is_superuser=True, with_mfa=True
    ),
}

OK, LOGIN, MFA, DENIED = "ok", "login", "mfa", "denied"

# Pages, for one's own account.
PAGE_MATRIX: dict[str, dict[str, str]] = {
    "view profile": {
        "anonymous": LOGIN,
        "citizen": OK,
        "staff without MFA": OK,
        "staff with MFA": OK,
        "municipality editor without MFA": OK,
        "municipality editor with MFA": OK,
        "platform admin with MFA": OK,
    },
    "export data": {
        "anonymous": LOGIN,
        "citizen": OK,
        "staff without MFA": OK,
        "staff with MFA": OK,
        "municipality editor without MFA": OK,
        "municipality editor with MFA": OK,
        "platform admin with MFA": OK,
    },
    "delete account": {
        "anonymous": LOGIN,
        "citizen": OK,
        "staff without MFA": OK,
        "staff with MFA": OK,
        "municipality editor without MFA": OK,
        "municipality editor with MFA": OK,
        "platform admin with MFA": OK,
    },
    "access admin": {
        "anonymous": LOGIN,
        "citizen": DENIED,
        "staff without MFA": MFA,
        "staff with MFA": OK,
        "municipality editor without MFA": MFA,
        "municipality editor with MFA": DENIED,
        "platform admin with MFA": OK,
    },
}


def _do(client: Any, action: str, user: User | None) -> Any:
    if action == "view profile":
        return client.get(reverse("accounts:profile"))
    if action == "export data":
        return client.post(reverse("accounts:export_data"))
    if action == "delete account":
        return client.post(
            reverse("accounts:delete_account"), {"password": PASSWORD, "confirm": "on"}
        )
    if action == "access admin":
        return client.get("/yonetim/", follow=True)
    raise AssertionError(action)


def _outcome(response: Any) -> str:
    chain = [url for url, _status in getattr(response, "redirect_chain", [])]
    location = chain[-1] if chain else response.get("Location", "")
    if location.startswith(reverse("account_login")):
        return LOGIN
    if location.startswith(reverse("accounts:mfa_required")):
        return MFA
    if response.status_code == 403:
        return DENIED
    if response.status_code in (200, 302):
        return OK
    raise AssertionError(f"unexpected {response.status_code}")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", PAGE_MATRIX)
def test_account_pages_role_matrix(client, role, action):
    user = ROLES[role]()
    if user is not None:
        client.force_login(user)

    response = _do(client, action, user)

    assert _outcome(response) == PAGE_MATRIX[action][role]
    if action == "delete account" and user is not None:
        user.refresh_from_db()
        assert user.erased_at is not None


# Services and permissions, with ANOTHER user's account as the target.
OTHER_ACCOUNT_MATRIX: dict[str, set[str]] = {
    # action: the roles allowed to do it to someone else's account
    "view profile": set(),
    "edit profile": set(),
    "accept privacy notice": set(),
    "export data": {"platform admin with MFA"},
    "erase account": {"platform admin with MFA"},
}


def _service(action: str, actor: User | None, target: User) -> None:
    if action == "view profile":
        if not permissions.can_view_profile(actor, target):
            raise PermissionDenied
    elif action == "edit profile":
        services.update_profile(
            actor=actor,  # type: ignore[arg-type]
            user=target,
            display_name="Başkası",
            preferred_language="tr",
        )
    elif action == "accept privacy notice":
        if not permissions.can_accept_privacy_notice(actor, target):
            raise PermissionDenied
    elif action == "export data":
        services.export_personal_data(actor=actor, user=target)  # type: ignore[arg-type]
    elif action == "erase account":
        services.erase_account(actor=actor, user=target)  # type: ignore[arg-type]
    else:
        raise AssertionError(action)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", OTHER_ACCOUNT_MATRIX)
def test_acting_on_another_users_account_role_matrix(role, action):
    actor = ROLES[role]()
    target = UserFactory(verified=True, consented=True, display_name="Hedef")

    allowed = role in OTHER_ACCOUNT_MATRIX[action]
    if allowed:
        _service(action, actor, target)
    else:
        with pytest.raises(PermissionDenied):
            _service(action, actor, target)

    target.refresh_from_db()
    assert (target.erased_at is not None) == (allowed and action == "erase account")
    assert target.display_name in ("Hedef", "")


PUBLISH_ALLOWED = {"platform admin with MFA"}


@pytest.mark.parametrize("role", ROLES)
def test_publishing_a_privacy_notice_role_matrix(role):
    actor = ROLES[role]()

    if role in PUBLISH_ALLOWED:
        notice = services.publish_privacy_notice(actor=actor, text_tr="Metin", text_en="Text")  # type: ignore[arg-type]
        assert notice.version == 2
    else:
        with pytest.raises(PermissionDenied):
            services.publish_privacy_notice(actor=actor, text_tr="Metin", text_en="Text")  # type: ignore[arg-type]


def test_an_erased_account_can_do_nothing_any_more(citizen):
    services.erase_account(actor=citizen, user=citizen)
    erased = User.objects.get(pk=citizen.pk)

    assert not permissions.can_view_profile(erased, erased)
    assert not permissions.can_export_personal_data(erased, erased)
    assert not permissions.can_erase_account(erased, erased)
    assert not permissions.can_access_admin(erased)
