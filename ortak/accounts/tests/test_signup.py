"""Sign-up with the KVKK consent, and e-mail verification."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from ortak.accounts import services
from ortak.accounts.models import Consent, PrivacyNotice, User
from ortak.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PASSWORD = "Kent-Konseyi-2026!"


def signup_data(**overrides: object) -> dict[str, object]:
    data = {
        "email": "ayse@example.org",
        "display_name": "Ayşe Yılmaz",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "privacy_version": 1,
        "privacy_consent": "on",
    }
    data.update(overrides)
    return data


def test_signup_with_consent_creates_account_and_records_consent(client):
    response = client.post(reverse("account_signup"), signup_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="ayse@example.org")
    assert user.display_name == "Ayşe Yılmaz"
    consent = Consent.objects.get(user=user)
    assert consent.notice.version == 1
    assert consent.source == Consent.Source.SIGNUP
    assert AuditEvent.objects.filter(action="account.signed_up", actor=user).exists()
    assert AuditEvent.objects.filter(action="account.privacy_notice_accepted", actor=user).exists()


def test_signup_without_consent_is_refused_and_creates_nothing(client):
    data = signup_data()
    del data["privacy_consent"]

    response = client.post(reverse("account_signup"), data)

    assert response.status_code == 200
    assert "privacy_consent" in response.context["form"].errors
    assert not User.objects.exists()
    assert not Consent.objects.exists()
    assert mail.outbox == []


def test_signup_is_refused_when_a_newer_notice_was_published_meanwhile(client):
    PrivacyNotice.objects.create(version=2, text_tr="Yeni metin", text_en="New text")

    response = client.post(reverse("account_signup"), signup_data(privacy_version=1))

    assert response.status_code == 200
    assert "privacy_version" in response.context["form"].errors
    assert not User.objects.exists()


def test_signup_page_shows_the_current_notice_and_its_version(client):
    response = client.get(reverse("account_signup"))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="privacy_version" value="1"' in html
    assert "6698" in html  # the notice itself is readable on the page
    assert 'name="privacy_consent"' in html


def test_account_and_consent_are_written_together_or_not_at_all(client, monkeypatch):
    def fail(**kwargs: object) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "record_consent", fail)

    with pytest.raises(RuntimeError):
        client.post(reverse("account_signup"), signup_data())

    assert not User.objects.exists()


def test_signup_remembers_the_language_the_page_was_read_in(client):
    client.cookies["ortak_language"] = "en"

    client.post(reverse("account_signup"), signup_data())

    assert User.objects.get().preferred_language == "en"


def test_signup_sends_verification_mail_and_login_waits_for_it(client):
    client.post(reverse("account_signup"), signup_data())

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ayse@example.org"]
    address = EmailAddress.objects.get(email="ayse@example.org")
    assert not address.verified
    # Mandatory verification: the password alone does not sign in yet.
    response = client.post(
        reverse("account_login"), {"login": "ayse@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_following_the_verification_link_confirms_and_signs_in(client):
    client.post(reverse("account_signup"), signup_data())
    link = re.search(r"https?://[^/\s]+(/hesap/confirm-email/[^\s]+)", mail.outbox[0].body)
    assert link is not None
    path = link.group(1)

    assert client.get(path).status_code == 200  # a page with a button, not a GET side effect
    response = client.post(path)

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="ayse@example.org").verified
    user = User.objects.get(email="ayse@example.org")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert AuditEvent.objects.filter(action="account.email_confirmed", actor=user).exists()


def test_signing_up_with_a_taken_address_reveals_nothing_and_creates_nothing(client, citizen):
    response = client.post(reverse("account_signup"), signup_data(email=citizen.email))

    assert response.status_code == 302
    assert User.objects.count() == 1
    # The owner of the address gets a mail saying an account already exists.
    assert mail.outbox[0].to == [citizen.email]


def test_verification_mail_is_signed_by_ortak_not_by_a_placeholder_site(client):
    client.post(reverse("account_signup"), signup_data())

    message = mail.outbox[0]
    assert message.subject.startswith("[Ortak]")
    assert "example.com" not in message.body
