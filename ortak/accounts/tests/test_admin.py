"""The admin pages of accounts: for staff with MFA; notices are published, never edited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ortak.accounts.models import Consent, PrivacyNotice, User
from ortak.accounts.tests.factories import StaffFactory, UserFactory, accept_current_notice
from ortak.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def platform_admin(db):  # type: ignore[no-untyped-def]
    return StaffFactory(verified=True, consented=True, is_superuser=True, with_mfa=True)


@pytest.fixture
def admin_client(client, platform_admin):  # type: ignore[no-untyped-def]
    client.force_login(platform_admin)
    return client


def test_user_list_query_count_does_not_grow_with_users(
    admin_client, django_assert_max_num_queries
):
    for user in UserFactory.create_batch(210):
        accept_current_notice(user)

    with django_assert_max_num_queries(10):
        response = admin_client.get(reverse("admin:accounts_user_changelist"))

    assert response.status_code == 200


def test_consent_list_query_count_does_not_grow_with_consents(
    admin_client, django_assert_max_num_queries
):
    for user in UserFactory.create_batch(210):
        accept_current_notice(user)

    with django_assert_max_num_queries(10):
        response = admin_client.get(reverse("admin:accounts_consent_changelist"))

    assert response.status_code == 200


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:index",
        "admin:accounts_user_add",
        "admin:accounts_privacynotice_changelist",
        "admin:accounts_privacynotice_add",
    ],
)
def test_admin_pages_open_for_a_platform_admin(admin_client, url_name):
    assert admin_client.get(reverse(url_name)).status_code == 200


def test_user_change_page_saves_and_audits(admin_client):
    user = UserFactory(display_name="Eski")
    url = reverse("admin:accounts_user_change", args=[user.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    data = {
        "email": user.email,
        "display_name": "Yeni",
        "preferred_language": "tr",
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
    }

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    user.refresh_from_db()
    assert user.display_name == "Yeni"
    event = AuditEvent.objects.get(action="account.changed_by_admin")
    assert event.data == {"fields": ["display_name"]}


def test_accounts_are_never_deleted_in_the_admin(admin_client):
    user = UserFactory()

    response = admin_client.get(reverse("admin:accounts_user_delete", args=[user.pk]))

    assert response.status_code == 403
    assert User.objects.filter(pk=user.pk).exists()


def test_adding_a_notice_publishes_the_next_version(admin_client, platform_admin):
    response = admin_client.post(
        reverse("admin:accounts_privacynotice_add"),
        {
            "text_tr": "İkinci sürüm",
            "text_en": "Second version",
            "summary_of_changes": "Yeni bölüm",
            "published_at_0": "2026-01-01",
            "published_at_1": "10:00:00",
        },
    )

    assert response.status_code == 302
    notice = PrivacyNotice.objects.get(version=2)
    assert notice.text_tr == "İkinci sürüm"
    assert AuditEvent.objects.filter(
        action="privacy_notice.published", actor=platform_admin
    ).exists()


def test_a_published_notice_cannot_be_changed_or_deleted(admin_client):
    notice = PrivacyNotice.objects.get(version=1)

    response = admin_client.post(
        reverse("admin:accounts_privacynotice_change", args=[notice.pk]),
        {
            "text_tr": "Değişti",
            "text_en": "Changed",
            "published_at_0": "2026-01-01",
            "published_at_1": "10:00:00",
        },
    )
    assert response.status_code == 403
    assert (
        admin_client.post(
            reverse("admin:accounts_privacynotice_delete", args=[notice.pk]), {"post": "yes"}
        ).status_code
        == 403
    )

    notice.refresh_from_db()
    assert notice.text_tr != "Değişti"
    # The published text is still readable in the admin.
    assert (
        admin_client.get(
            reverse("admin:accounts_privacynotice_change", args=[notice.pk])
        ).status_code
        == 200
    )


def test_consents_cannot_be_added_or_deleted(admin_client):
    user = UserFactory()
    consent = accept_current_notice(user)

    assert admin_client.get(reverse("admin:accounts_consent_add")).status_code == 403
    assert (
        admin_client.post(
            reverse("admin:accounts_consent_delete", args=[consent.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert Consent.objects.filter(pk=consent.pk).exists()


def test_platform_admins_erase_accounts_with_the_admin_action(admin_client):
    users = UserFactory.create_batch(2)

    response = admin_client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "erase_selected", "_selected_action": [u.pk for u in users]},
    )

    assert response.status_code == 302
    assert User.objects.filter(pk__in=[u.pk for u in users], erased_at__isnull=False).count() == 2


def test_staff_who_are_not_superusers_do_not_get_the_erase_action(client):
    from django.contrib.auth.models import Permission

    staff = StaffFactory(with_mfa=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_user"))
    client.force_login(staff)

    response = client.get(reverse("admin:accounts_user_changelist"))

    assert response.status_code == 200
    assert "erase_selected" not in response.content.decode()


def test_platform_admins_create_accounts_and_the_creation_is_audited(admin_client):
    response = admin_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "yeni.personel@example.org",
            "usable_password": "true",
            "password1": "Guclu-Parola-2026!",
            "password2": "Guclu-Parola-2026!",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(email="yeni.personel@example.org")
    assert user.check_password("Guclu-Parola-2026!")
    assert AuditEvent.objects.filter(
        action="account.created_by_admin", target_id=str(user.pk)
    ).exists()
