"""Login, logout, login rate limit, password reset and change, e-mail change."""

from __future__ import annotations

import re

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse

from ortak.accounts.models import User
from ortak.accounts.tests.factories import PASSWORD, UserFactory
from ortak.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def login(client, email: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    return client.post(reverse("account_login"), {"login": email, "password": password})


def signed_in_user_id(client) -> str | None:  # type: ignore[no-untyped-def]
    return client.session.get("_auth_user_id")


def test_login_with_email_and_password_signs_in(client, citizen):
    response = login(client, citizen.email)

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert signed_in_user_id(client) == str(citizen.pk)


def test_login_is_case_insensitive_for_the_address(client, citizen):
    login(client, citizen.email.upper())

    assert signed_in_user_id(client) == str(citizen.pk)


def test_login_with_a_wrong_password_fails_with_a_message(client, citizen):
    response = login(client, citizen.email, "wrong-password")

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert signed_in_user_id(client) is None


def test_login_sets_the_language_cookie_to_the_users_language(client):
    user = UserFactory(verified=True, consented=True, preferred_language="en")

    response = login(client, user.email)

    assert response.cookies["ortak_language"].value == "en"


def test_logout_ends_the_session(client, citizen):
    login(client, citizen.email)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert signed_in_user_id(client) is None


def test_sixth_failed_login_within_a_minute_is_refused_even_with_the_right_password(
    client, citizen
):
    for _attempt in range(5):
        response = login(client, citizen.email, "wrong-password")
        assert response.status_code == 200

    response = login(client, citizen.email)

    assert signed_in_user_id(client) is None
    too_many = str(get_adapter().error_messages["too_many_login_attempts"])
    assert response.context["form"].non_field_errors() == [too_many]


def test_rate_limit_counts_per_address_across_browsers(client, citizen):
    for _attempt in range(5):
        Client().post(
            reverse("account_login"),
            {"login": citizen.email, "password": "wrong"},
            REMOTE_ADDR=f"10.0.0.{_attempt + 1}",
        )

    response = client.post(
        reverse("account_login"),
        {"login": citizen.email, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.99",
    )

    assert response.status_code == 200
    assert signed_in_user_id(client) is None


def test_password_reset_sends_a_link_that_sets_a_new_password(client, citizen):
    response = client.post(reverse("account_reset_password"), {"email": citizen.email})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    match = re.search(r"https?://[^/\s]+(/hesap/password/reset/key/[^\s]+)", mail.outbox[0].body)
    assert match is not None
    # allauth moves the key into the session and redirects to a key-less URL.
    page = client.get(match.group(1), follow=True)
    assert page.status_code == 200
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else match.group(1)
    response = client.post(
        form_url, {"password1": "Yeni-Parola-2026!", "password2": "Yeni-Parola-2026!"}
    )

    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.check_password("Yeni-Parola-2026!")
    assert AuditEvent.objects.filter(action="account.password_reset", actor=citizen).exists()


def test_password_reset_for_an_unknown_address_sends_nothing_revealing(client):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert all("password/reset/key" not in message.body for message in mail.outbox)


def test_password_change_needs_the_old_password(client, citizen):
    client.force_login(citizen)

    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "wrong",
            "password1": "Yeni-Parola-2026!",
            "password2": "Yeni-Parola-2026!",
        },
    )
    assert response.status_code == 200
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "Yeni-Parola-2026!",
            "password2": "Yeni-Parola-2026!",
        },
    )

    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.check_password("Yeni-Parola-2026!")
    assert AuditEvent.objects.filter(action="account.password_changed", actor=citizen).exists()


def test_email_change_takes_effect_only_after_confirming_the_new_address(client, citizen):
    client.force_login(citizen)
    old_email = citizen.email

    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "yeni@example.org"}
    )

    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.email == old_email  # not yet
    assert mail.outbox[-1].to == ["yeni@example.org"]
    match = re.search(r"https?://[^/\s]+(/hesap/confirm-email/[^\s]+)", mail.outbox[-1].body)
    assert match is not None
    client.post(match.group(1))

    citizen.refresh_from_db()
    assert citizen.email == "yeni@example.org"
    assert not EmailAddress.objects.filter(user=citizen, email=old_email).exists()
    assert AuditEvent.objects.filter(action="account.email_changed", actor=citizen).exists()
    assert "yeni@example.org" not in str(
        list(AuditEvent.objects.filter(actor=citizen).values_list("data", flat=True))
    )


def test_email_change_works_for_users_with_two_step_verification(client, staff_with_mfa):
    client.force_login(staff_with_mfa)

    client.post(reverse("account_email"), {"action_add": "", "email": "yeni@example.org"})

    assert EmailAddress.objects.filter(user=staff_with_mfa, email="yeni@example.org").exists()


def test_email_change_page_shows_the_pending_address(client, citizen):
    client.force_login(citizen)
    client.post(reverse("account_email"), {"action_add": "", "email": "yeni@example.org"})

    response = client.get(reverse("account_email"))

    assert response.status_code == 200
    assert "yeni@example.org" in response.content.decode()


def test_an_address_used_by_another_account_cannot_be_taken(client, citizen, other_user):
    client.force_login(citizen)

    client.post(reverse("account_email"), {"action_add": "", "email": other_user.email})

    assert User.objects.get(pk=citizen.pk).email != other_user.email
    assert not EmailAddress.objects.filter(
        user=citizen, email=other_user.email, verified=True
    ).exists()


def test_passwords_are_hashed_with_argon2_outside_tests():
    # conftest.py swaps in a fast hasher for the suite; the settings module itself must not.
    import importlib

    from django.contrib.auth.hashers import Argon2PasswordHasher

    production = importlib.import_module("config.settings")
    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    hasher = Argon2PasswordHasher()  # argon2-cffi is installed and works
    encoded = hasher.encode("Kent-Konseyi-2026!", hasher.salt())
    assert encoded.startswith("argon2$") and hasher.verify("Kent-Konseyi-2026!", encoded)
