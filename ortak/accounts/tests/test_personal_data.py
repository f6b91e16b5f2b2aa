""" "Download my data" and "delete my account" (KVKK art. 11), through the registry."""

from __future__ import annotations

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from ortak.accounts import services
from ortak.accounts.models import Consent, User
from ortak.accounts.tests.factories import PASSWORD, StaffFactory, UserFactory, activate_totp
from ortak.audit.models import AuditEvent
from ortak.audit.services import record_event
from ortak.core import personal_data
from ortak.notifications.models import Notification, NotificationSettings
from ortak.notifications.services import notify, set_email_frequency

pytestmark = pytest.mark.django_db


@pytest.fixture
def rich_user(db):  # type: ignore[no-untyped-def]
    """A user with a bit of everything the export and the erasure must cover."""
    user = UserFactory(verified=True, consented=True, display_name="Ayşe Yılmaz")
    activate_totp(user)
    notify(recipient=user, verb="test.hello", params={"name": "Ayşe"}, url="/x/")
    set_email_frequency(user=user, frequency=NotificationSettings.EmailFrequency.DAILY)
    services.update_profile(actor=user, user=user, display_name="Ayşe Y.", preferred_language="en")
    return user


# --- Export ---------------------------------------------------------------------------


def test_export_holds_profile_addresses_consents_mfa_activity_and_notifications(rich_user):
    data = services.export_personal_data(actor=rich_user, user=rich_user)

    sections = data["sections"]
    account = sections["accounts"]
    assert account["profile"]["email"] == rich_user.email
    assert account["profile"]["display_name"] == "Ayşe Y."
    assert account["profile"]["preferred_language"] == "en"
    assert account["email_addresses"] == [
        {"email": rich_user.email, "verified": True, "primary": True}
    ]
    assert [c["notice_version"] for c in account["privacy_consents"]] == [1]
    assert {a["type"] for a in account["two_step_verification"]} == {"totp", "recovery_codes"}
    assert "account.profile_updated" in [e["action"] for e in account["activity_log"]]
    notifications = sections["notifications"]
    assert notifications["email_frequency"] == "daily"
    assert [n["link"] for n in notifications["notifications"]] == ["/x/"]


def test_export_never_contains_secrets(rich_user):
    secret = Authenticator.objects.get(user=rich_user, type="totp").data["secret"]

    text = json.dumps(services.export_personal_data(actor=rich_user, user=rich_user), default=str)

    assert secret not in text
    assert rich_user.password not in text


def test_export_includes_sections_registered_by_other_apps(rich_user):
    personal_data.register("zz_test", exporter=lambda user: {"answers": [user.pk]})
    try:
        data = services.export_personal_data(actor=rich_user, user=rich_user)
    finally:
        personal_data._exporters.pop("zz_test")

    assert data["sections"]["zz_test"] == {"answers": [rich_user.pk]}


def test_download_my_data_is_a_json_attachment(client, rich_user):
    client.force_login(rich_user)

    response = client.post(reverse("accounts:export_data"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="ortak-my-data-')
    data = json.loads(response.content)
    assert data["user_id"] == rich_user.pk
    assert data["sections"]["accounts"]["profile"]["display_name"] == "Ayşe Y."
    assert AuditEvent.objects.filter(action="account.data_exported", actor=rich_user).exists()


def test_nobody_exports_someone_elses_data(citizen, other_user):
    with pytest.raises(PermissionDenied):
        services.export_personal_data(actor=citizen, user=other_user)


# --- Erasure --------------------------------------------------------------------------


def test_erasure_removes_personal_data_and_keeps_the_row(rich_user):
    record_event(actor=rich_user, action="suggestion.created", target=rich_user)
    pk = rich_user.pk

    services.erase_account(actor=rich_user, user=rich_user)

    user = User.objects.get(pk=pk)
    assert user.email == f"deleted-{pk}@invalid"
    assert user.display_name == ""
    assert not user.has_usable_password()
    assert not user.is_active
    assert user.erased_at is not None
    assert user.last_login is None
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not Authenticator.objects.filter(user=user).exists()
    assert not Notification.objects.filter(recipient=user).exists()
    assert not NotificationSettings.objects.filter(user=user).exists()
    # What they did stays on record, under the anonymous name.
    assert AuditEvent.objects.filter(actor=user, action="suggestion.created").exists()
    assert AuditEvent.objects.filter(action="account.erased", target_id=str(pk)).exists()
    assert Consent.objects.filter(user=user).exists()


def test_erased_users_show_as_deleted_user_in_public(rich_user, settings):
    services.erase_account(actor=rich_user, user=rich_user)
    user = User.objects.get(pk=rich_user.pk)

    from django.utils import translation

    with translation.override("en"):
        assert user.public_name == "deleted user"
        assert str(user) == "deleted user"


def test_erasure_scrubs_the_name_from_earlier_audit_rows(rich_user):
    assert AuditEvent.objects.filter(target_repr="Ayşe Y.").exists()

    services.erase_account(actor=rich_user, user=rich_user)

    assert not AuditEvent.objects.filter(target_repr__contains="Ayşe").exists()


def test_erasure_strips_staff_powers(db):
    staff = StaffFactory(verified=True, is_superuser=True, is_moderator=True)
    staff.groups.add(Group.objects.create(name="Editors"))

    services.erase_account(actor=staff, user=staff)

    staff = User.objects.get(pk=staff.pk)
    assert not (staff.is_staff or staff.is_superuser or staff.is_moderator)
    assert not staff.groups.exists()


def test_erased_users_cannot_log_in(client, rich_user):
    email = rich_user.email
    services.erase_account(actor=rich_user, user=rich_user)

    client.post(reverse("account_login"), {"login": email, "password": PASSWORD})

    assert "_auth_user_id" not in client.session


def test_erasure_ends_other_open_sessions(rich_user):
    other_browser = Client()
    other_browser.force_login(rich_user)
    assert other_browser.get(reverse("accounts:profile")).status_code == 200

    services.erase_account(actor=rich_user, user=rich_user)

    response = other_browser.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_erasure_leaves_other_users_untouched(rich_user, other_user):
    notify(recipient=other_user, verb="test.hello")
    before = User.objects.filter(pk=other_user.pk).values().get()

    services.erase_account(actor=rich_user, user=rich_user)

    assert User.objects.filter(pk=other_user.pk).values().get() == before
    assert EmailAddress.objects.filter(user=other_user).exists()
    assert Notification.objects.filter(recipient=other_user).exists()


def test_nobody_erases_someone_elses_account(citizen, other_user):
    with pytest.raises(PermissionDenied):
        services.erase_account(actor=citizen, user=other_user)

    other_user.refresh_from_db()
    assert other_user.erased_at is None


def test_staff_without_superuser_rights_cannot_erase_others(staff_with_mfa, citizen):
    with pytest.raises(PermissionDenied):
        services.erase_account(actor=staff_with_mfa, user=citizen)


def test_a_platform_admin_with_mfa_erases_on_a_written_request(citizen):
    admin = StaffFactory(is_superuser=True, with_mfa=True)

    services.erase_account(actor=admin, user=citizen)

    citizen.refresh_from_db()
    assert citizen.erased_at is not None


def test_an_account_is_erased_only_once(rich_user):
    services.erase_account(actor=rich_user, user=rich_user)
    erased = User.objects.get(pk=rich_user.pk)

    with pytest.raises(PermissionDenied):
        services.erase_account(actor=erased, user=erased)


def test_erasers_of_other_apps_run_before_the_address_is_gone(rich_user):
    seen: list[str] = []
    personal_data.register("zz_test", eraser=lambda user: seen.append(user.email))
    try:
        services.erase_account(actor=rich_user, user=rich_user)
    finally:
        personal_data._erasers.pop("zz_test")

    assert seen == [rich_user.email]


# --- The page -------------------------------------------------------------------------


def test_delete_account_needs_the_password_and_the_confirmation(client, rich_user):
    client.force_login(rich_user)

    response = client.post(
        reverse("accounts:delete_account"), {"password": "wrong", "confirm": "on"}
    )
    assert response.status_code == 200
    assert "password" in response.context["form"].errors
    response = client.post(reverse("accounts:delete_account"), {"password": PASSWORD})
    assert response.status_code == 200
    assert "confirm" in response.context["form"].errors

    rich_user.refresh_from_db()
    assert rich_user.erased_at is None


def test_delete_account_erases_and_logs_out(client, rich_user):
    client.force_login(rich_user)

    response = client.post(
        reverse("accounts:delete_account"), {"password": PASSWORD, "confirm": "on"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert "_auth_user_id" not in client.session
    rich_user.refresh_from_db()
    assert rich_user.erased_at is not None
