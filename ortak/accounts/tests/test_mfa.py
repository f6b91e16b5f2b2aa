"""MFA before powers: staff and municipality-role holders, the admin, set-up and sign-in."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.core.checks import run_checks
from django.urls import reverse

from ortak.accounts import permissions
from ortak.accounts.tests.factories import (
    PASSWORD,
    StaffFactory,
    UserFactory,
    activate_totp,
    totp_code,
)
from ortak.audit.models import AuditEvent
from ortak.organizations.models import Membership
from ortak.organizations.tests.factories import MembershipFactory, municipality_membership

pytestmark = pytest.mark.django_db

MUNICIPALITY_ONLY = "/test/municipality-only/"


def mfa_setup_url(next_url: str) -> str:
    from django.utils.http import urlencode

    return f"{reverse('accounts:mfa_required')}?{urlencode({'next': next_url})}"


@pytest.fixture
def editor_without_mfa(db):  # type: ignore[no-untyped-def]
    user = UserFactory(verified=True, consented=True)
    municipality_membership(Membership.Role.EDITOR, user=user)
    return user


@pytest.fixture
def editor_with_mfa(db):  # type: ignore[no-untyped-def]
    user = UserFactory(verified=True, consented=True, with_mfa=True)
    municipality_membership(Membership.Role.EDITOR, user=user)
    return user


# --- Who needs MFA --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make_user", "required"),
    [
        (lambda: UserFactory(), False),
        (lambda: StaffFactory(), True),
        (lambda: UserFactory(is_superuser=True), True),
        (lambda: municipality_membership(Membership.Role.EDITOR).user, True),
        (lambda: municipality_membership(Membership.Role.RESPONDER).user, True),
        (lambda: municipality_membership(Membership.Role.MUNICIPALITY_ADMIN).user, True),
        (lambda: MembershipFactory(role=Membership.Role.ORGANIZATION_ADMIN).user, False),
        (lambda: UserFactory(is_moderator=True), False),
    ],
    ids=[
        "citizen",
        "staff",
        "superuser",
        "municipality editor",
        "municipality responder",
        "municipality admin",
        "organization admin",
        "moderator",
    ],
)
def test_mfa_is_required_for_staff_and_municipality_roles_only(make_user, required):
    user = make_user()

    assert permissions.mfa_required(user) is required
    assert permissions.mfa_satisfied(user) is not required


def test_mfa_is_satisfied_once_an_authenticator_app_is_active(editor_without_mfa):
    activate_totp(editor_without_mfa)

    assert permissions.user_has_mfa(editor_without_mfa)
    assert permissions.mfa_satisfied(editor_without_mfa)


def test_recovery_codes_alone_are_not_a_second_factor():
    user = StaffFactory()
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    RecoveryCodes.activate(user)

    assert not permissions.user_has_mfa(user)


def test_a_missing_predicate_is_skipped_and_reported_by_the_system_check(settings, caplog):
    settings.ORTAK_MFA_REQUIRED_PREDICATES = ["ortak.nowhere.holds_a_role"]
    user = UserFactory()

    assert permissions.mfa_required(user) is False
    assert "ortak.nowhere.holds_a_role" in caplog.text
    assert "accounts.W001" in [message.id for message in run_checks()]


def test_the_configured_predicates_import(settings):
    assert "accounts.W001" not in [message.id for message in run_checks()]


# --- The admin ------------------------------------------------------------------------


def test_staff_without_mfa_are_sent_to_set_it_up_before_the_admin(client, staff_without_mfa):
    client.force_login(staff_without_mfa)

    response = client.get("/yonetim/")

    assert response.status_code == 302
    assert response["Location"] == mfa_setup_url("/yonetim/")


def test_staff_with_mfa_reach_the_admin(client, staff_with_mfa):
    client.force_login(staff_with_mfa)

    assert client.get("/yonetim/").status_code == 200


def test_the_admin_has_no_password_only_login(client, staff_with_mfa):
    response = client.post(
        "/yonetim/login/?next=/yonetim/", {"username": staff_with_mfa.email, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_anonymous_visitors_of_the_admin_are_sent_to_the_sign_in_page(client):
    response = client.get("/yonetim/", follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


def test_citizens_get_403_from_the_admin(client, citizen):
    client.force_login(citizen)

    response = client.get("/yonetim/", follow=True)

    assert response.status_code == 403


def test_municipality_role_holders_without_mfa_are_sent_to_set_it_up_before_the_admin(
    client, editor_without_mfa
):
    client.force_login(editor_without_mfa)

    response = client.get("/yonetim/")

    assert response["Location"] == mfa_setup_url("/yonetim/")


def test_admin_login_page_sends_signed_in_staff_on(client, staff_with_mfa):
    client.force_login(staff_with_mfa)

    response = client.get("/yonetim/login/?next=/yonetim/accounts/user/")

    assert response["Location"] == "/yonetim/accounts/user/"


def test_admin_login_ignores_a_foreign_next(client, staff_with_mfa):
    client.force_login(staff_with_mfa)

    response = client.get("/yonetim/login/?next=https://evil.example/")

    assert response["Location"] == "/yonetim/"


# --- Municipality-only pages ------------------------------------------------------------


@pytest.mark.urls("ortak.accounts.tests.urls")
def test_a_refused_page_sends_role_holders_without_mfa_to_set_it_up(client, editor_without_mfa):
    client.force_login(editor_without_mfa)

    response = client.get(MUNICIPALITY_ONLY)

    assert response.status_code == 302
    assert response["Location"] == mfa_setup_url(MUNICIPALITY_ONLY)
    assert client.session["ortak_mfa_next"] == MUNICIPALITY_ONLY


@pytest.mark.urls("ortak.accounts.tests.urls")
def test_htmx_requests_are_redirected_with_a_header(client, editor_without_mfa):
    client.force_login(editor_without_mfa)

    response = client.get(MUNICIPALITY_ONLY, headers={"HX-Request": "true"})

    assert response["HX-Redirect"] == mfa_setup_url(MUNICIPALITY_ONLY)


@pytest.mark.urls("ortak.accounts.tests.urls")
def test_a_refused_page_stays_refused_for_role_holders_with_mfa(client, editor_with_mfa):
    client.force_login(editor_with_mfa)

    assert client.get(MUNICIPALITY_ONLY).status_code == 403


@pytest.mark.urls("ortak.accounts.tests.urls")
def test_a_refused_page_stays_refused_for_citizens(client, citizen):
    client.force_login(citizen)

    assert client.get(MUNICIPALITY_ONLY).status_code == 403


@pytest.mark.urls("ortak.accounts.tests.urls")
def test_the_api_keeps_its_json_403(client, editor_without_mfa):
    client.force_login(editor_without_mfa)

    response = client.get("/test/api-forbidden/")

    assert response.status_code == 403
    assert response.json() == {"detail": "forbidden"}


def test_the_explanation_page_names_the_reason_and_links_to_the_set_up(client, editor_without_mfa):
    client.force_login(editor_without_mfa)

    response = client.get(mfa_setup_url("/belediyeler/"))

    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("mfa_activate_totp") in html
    assert 'href="/belediyeler/"' in html


def test_the_explanation_page_sends_users_with_mfa_on(client, editor_with_mfa):
    client.force_login(editor_with_mfa)

    response = client.get(mfa_setup_url("/belediyeler/"))

    assert response["Location"] == "/belediyeler/"


# --- Setting up, signing in, switching off --------------------------------------------


def sign_in(client, user, secret: str | None = None):  # type: ignore[no-untyped-def]
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    if secret is not None:
        assert response["Location"] == reverse("mfa_authenticate")
        response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    return response


def reauthenticate(client) -> None:  # type: ignore[no-untyped-def]
    """Sensitive MFA pages ask for the password again (allauth's reauthentication)."""
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


def test_staff_set_up_an_authenticator_app_and_then_reach_the_admin(
    client, staff_without_mfa, frozen_time, django_capture_on_commit_callbacks
):
    sign_in(client, staff_without_mfa)
    reauthenticate(client)
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = page.context["form"].secret

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=staff_without_mfa, type="totp").exists()
    assert AuditEvent.objects.filter(action="account.mfa_added", actor=staff_without_mfa).exists()
    assert client.get("/yonetim/").status_code == 200


def test_a_wrong_code_does_not_activate_the_app(client, staff_without_mfa, frozen_time):
    sign_in(client, staff_without_mfa)
    reauthenticate(client)
    client.get(reverse("mfa_activate_totp"))

    response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})

    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=staff_without_mfa, type="totp").exists()


def test_recovery_codes_page_offers_the_way_back(client, staff_without_mfa, frozen_time):
    client.force_login(staff_without_mfa)
    client.get("/yonetim/")  # remembered as the page to return to
    activate_totp(staff_without_mfa)
    reauthenticate(client)

    response = client.get(reverse("mfa_view_recovery_codes"))

    assert response.status_code == 200
    assert 'href="/yonetim/"' in response.content.decode()


def test_sign_in_asks_for_the_code_when_mfa_is_active(client, frozen_time):
    user = StaffFactory(verified=True, consented=True)
    secret = activate_totp(user)

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": "123456"})
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_holders_of_powers_cannot_switch_mfa_off(client, frozen_time):
    user = StaffFactory(verified=True, consented=True)
    secret = activate_totp(user)
    sign_in(client, user, secret)
    reauthenticate(client)

    response = client.post(reverse("mfa_deactivate_totp"))

    assert response.status_code == 200
    assert response.context["form"].errors
    assert Authenticator.objects.filter(user=user, type="totp").exists()


def test_citizens_may_switch_mfa_off(client, frozen_time):
    user = UserFactory(verified=True, consented=True)
    secret = activate_totp(user)
    sign_in(client, user, secret)
    reauthenticate(client)

    response = client.post(reverse("mfa_deactivate_totp"))

    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=user, type="totp").exists()
    assert AuditEvent.objects.filter(action="account.mfa_removed", actor=user).exists()


@pytest.mark.parametrize("url_name", ["mfa_index", "mfa_activate_totp", "mfa_view_recovery_codes"])
def test_mfa_pages_render_in_the_site_layout(client, staff_with_mfa, url_name, frozen_time):
    client.force_login(staff_with_mfa)

    response = client.get(reverse(url_name))

    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert 'id="main"' in response.content.decode()
