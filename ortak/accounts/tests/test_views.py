"""The profile page, the privacy pages and the acceptance of a newer privacy notice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ortak.accounts.models import Consent, PrivacyNotice
from ortak.accounts.tests.factories import PASSWORD, UserFactory, activate_totp
from ortak.audit.models import AuditEvent
from ortak.notifications.services import notify
from ortak.organizations.models import Membership
from ortak.organizations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


# --- Profile --------------------------------------------------------------------------


def test_profile_shows_the_account_and_links_to_every_account_page(client, citizen):
    client.force_login(citizen)

    response = client.get(reverse("accounts:profile"))

    assert response.status_code == 200
    html = response.content.decode()
    assert citizen.email in html
    for name in (
        "account_email",
        "account_change_password",
        "mfa_index",
        "accounts:export_data",
        "accounts:delete_account",
        "accounts:privacy",
    ):
        assert f'href="{reverse(name)}"' in html, name


def test_profile_saves_the_name_and_switches_the_language(client, citizen):
    client.force_login(citizen)

    response = client.post(
        reverse("accounts:profile"), {"display_name": "  Ayşe  ", "preferred_language": "en"}
    )

    assert response.status_code == 302
    assert response.cookies["ortak_language"].value == "en"
    citizen.refresh_from_db()
    assert citizen.display_name == "Ayşe"
    assert citizen.preferred_language == "en"
    event = AuditEvent.objects.get(action="account.profile_updated")
    assert event.data == {"fields": ["display_name", "preferred_language"]}


def test_an_empty_display_name_makes_the_user_anonymous_in_public(client, citizen):
    client.force_login(citizen)

    client.post(reverse("accounts:profile"), {"display_name": "", "preferred_language": "tr"})

    citizen.refresh_from_db()
    assert citizen.display_name == ""
    assert citizen.public_name != citizen.email


def test_profile_rejects_an_unknown_language(client, citizen):
    client.force_login(citizen)

    response = client.post(
        reverse("accounts:profile"), {"display_name": "X", "preferred_language": "de"}
    )

    assert response.status_code == 200
    assert "preferred_language" in response.context["form"].errors
    citizen.refresh_from_db()
    assert citizen.preferred_language == "tr"


def test_profile_says_when_mfa_is_required_and_missing(client, staff_without_mfa):
    client.force_login(staff_without_mfa)

    response = client.get(reverse("accounts:profile"))

    assert response.context["mfa_required"] is True
    assert response.context["overview"].has_totp is False


def test_profile_query_count_does_not_grow_with_the_users_data(
    client, citizen, django_assert_max_num_queries
):
    activate_totp(citizen)
    for n in range(200):
        notify(recipient=citizen, verb="test.hello", params={"n": n})
    for _ in range(5):
        MembershipFactory(user=citizen, role=Membership.Role.MEMBER)
    client.force_login(citizen)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("accounts:profile"))

    assert response.status_code == 200


# --- Privacy pages --------------------------------------------------------------------


def test_privacy_page_shows_the_current_notice_in_the_active_language(client):
    PrivacyNotice.objects.create(version=2, text_tr="İkinci sürüm metni", text_en="Second text")

    turkish = client.get(reverse("accounts:privacy"), HTTP_ACCEPT_LANGUAGE="tr")
    client.cookies["ortak_language"] = "en"
    english = client.get(reverse("accounts:privacy"))

    assert "İkinci sürüm metni" in turkish.content.decode()
    assert "Second text" in english.content.decode()
    assert turkish.context["notice"].version == 2


def test_earlier_versions_stay_readable(client):
    PrivacyNotice.objects.create(version=2, text_tr="İkinci", text_en="Second")

    response = client.get(reverse("accounts:privacy_version", args=[1]))

    assert response.status_code == 200
    assert response.context["is_current"] is False
    assert "6698" in response.content.decode()


def test_a_notice_scheduled_for_later_is_not_shown_yet(client):
    PrivacyNotice.objects.create(
        version=2,
        text_tr="Gelecek",
        text_en="Future",
        published_at=timezone.now() + timedelta(days=3),
    )

    assert client.get(reverse("accounts:privacy")).context["notice"].version == 1
    assert client.get(reverse("accounts:privacy_version", args=[2])).status_code == 404


def test_privacy_page_query_count_does_not_grow_with_versions(
    client, django_assert_max_num_queries
):
    for version in range(2, 40):
        PrivacyNotice.objects.create(version=version, text_tr="Metin", text_en="Text")

    with django_assert_max_num_queries(4):
        response = client.get(reverse("accounts:privacy"))

    assert response.status_code == 200


# --- A newer notice -------------------------------------------------------------------


@pytest.fixture
def newer_notice(db):  # type: ignore[no-untyped-def]
    return PrivacyNotice.objects.create(
        version=2,
        text_tr="Yeni sürüm",
        text_en="New version",
        summary_of_changes="Anket yanıtları eklendi.",
    )


def test_signing_in_after_a_new_notice_asks_to_accept_it_first(client, citizen, newer_notice):
    citizen.preferred_language = "en"
    citizen.save(update_fields=["preferred_language"])
    response = client.post(
        reverse("account_login") + "?next=/belediyeler/",
        {"login": citizen.email, "password": PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:privacy_accept") + "?next=%2Fbelediyeler%2F"
    assert response.cookies["ortak_language"].value == "en"  # kept across the detour
    # Until accepted, other pages lead back to the acceptance page.
    response = client.get(reverse("accounts:profile"))
    assert response["Location"].startswith(reverse("accounts:privacy_accept"))
    page = client.get(reverse("accounts:privacy_accept") + "?next=/belediyeler/")
    assert "Anket yanıtları eklendi." in page.content.decode()

    response = client.post(
        reverse("accounts:privacy_accept"), {"version": 2, "accept": "on", "next": "/belediyeler/"}
    )

    assert response["Location"] == "/belediyeler/"
    assert Consent.objects.filter(user=citizen, notice=newer_notice, source="update").exists()
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_while_not_accepted_the_user_can_still_leave_or_take_their_data(
    client, citizen, newer_notice
):
    client.post(reverse("account_login"), {"login": citizen.email, "password": PASSWORD})

    assert client.get(reverse("accounts:privacy")).status_code == 200
    assert client.get(reverse("accounts:export_data")).status_code == 200
    assert client.get(reverse("accounts:delete_account")).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302


def test_accepting_needs_the_tick(client, citizen, newer_notice):
    client.force_login(citizen)

    response = client.post(reverse("accounts:privacy_accept"), {"version": 2})

    assert response.status_code == 200
    assert "accept" in response.context["form"].errors
    assert not Consent.objects.filter(user=citizen, notice=newer_notice).exists()


def test_accepting_an_outdated_version_is_refused(client, citizen, newer_notice):
    client.force_login(citizen)

    response = client.post(reverse("accounts:privacy_accept"), {"version": 1, "accept": "on"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Consent.objects.filter(user=citizen, notice=newer_notice).exists()


def test_accepting_ignores_a_foreign_next(client, citizen, newer_notice):
    client.force_login(citizen)

    response = client.post(
        reverse("accounts:privacy_accept"),
        {"version": 2, "accept": "on", "next": "https://evil.example/"},
    )

    assert response["Location"] == reverse("home")


def test_users_who_accepted_the_current_notice_are_not_asked(client, citizen):
    response = client.post(reverse("account_login"), {"login": citizen.email, "password": PASSWORD})

    assert response["Location"] == reverse("home")
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_users_who_never_accepted_a_notice_are_asked_at_sign_in(client):
    user = UserFactory(verified=True)  # e.g. created by an operator

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert response["Location"].startswith(reverse("accounts:privacy_accept"))


def test_profile_links_to_a_newer_notice_for_users_still_signed_in(client, citizen, newer_notice):
    client.force_login(citizen)  # a session that began before the new version

    response = client.get(reverse("accounts:profile"))

    assert f'href="{reverse("accounts:privacy_accept")}"' in response.content.decode()
