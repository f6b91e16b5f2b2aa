"""Every state change of accounts: profile, privacy notices and consents, export and erasure.

Sign-up, login, e-mail and password flows are allauth's; the adapter and the signal receivers in
``receivers.py`` call into this module and the audit log where Ortak adds to them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ortak.accounts import permissions
from ortak.accounts.models import Consent, PrivacyNotice, User
from ortak.accounts.selectors import current_privacy_notice
from ortak.audit.models import AuditEvent
from ortak.audit.services import record_event
from ortak.core import personal_data

ERASED_EMAIL_DOMAIN = "invalid"  # RFC 2606: a domain that can never receive mail


# --- Profile --------------------------------------------------------------------------


@transaction.atomic
def update_profile(*, actor: User, user: User, display_name: str, preferred_language: str) -> User:
    """Change the name shown in public and the language of pages and e-mails."""
    if not permissions.can_edit_profile(actor, user):
        raise PermissionDenied
    changed = [
        field
        for field, value in (
            ("display_name", display_name.strip()),
            ("preferred_language", preferred_language),
        )
        if getattr(user, field) != value
    ]
    user.display_name = display_name.strip()
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password"])
    if changed:
        user.save(update_fields=changed)
        record_event(
            actor=actor, action="account.profile_updated", target=user, data={"fields": changed}
        )
    return user


# --- Privacy notice and consent -------------------------------------------------------


@transaction.atomic
def record_consent(*, user: User, notice: PrivacyNotice, source: str) -> Consent:
    """Record that ``user`` accepted ``notice``; accepting the same version twice is a no-op.

    Called by the sign-up form inside the transaction that creates the account, and by the
    acceptance page for a newer version.
    """
    if not permissions.can_accept_privacy_notice(user, user):
        raise PermissionDenied
    existing = Consent.objects.filter(user=user, notice=notice).first()
    if existing is not None:
        return existing
    consent = Consent(user=user, notice=notice, source=source)
    consent.full_clean()
    consent.save()
    record_event(
        actor=user,
        action="account.privacy_notice_accepted",
        target=user,
        data={"version": notice.version, "source": source},
    )
    return consent


@transaction.atomic
def accept_privacy_notice(*, actor: User, version: int) -> Consent:
    """A signed-in user accepts the current notice, whose version they were shown."""
    notice = current_privacy_notice()
    if notice is None or notice.version != version:
        raise ValidationError(
            _(
                "The privacy notice has changed while you were reading it. Please read the new version."
            )
        )
    return record_consent(user=actor, notice=notice, source=Consent.Source.UPDATE)


@transaction.atomic
def publish_privacy_notice(
    *,
    actor: User,
    text_tr: str,
    text_en: str,
    summary_of_changes: str = "",
    published_at: datetime | None = None,
) -> PrivacyNotice:
    """Publish the next version. Signed-in users are asked to accept it at their next sign-in."""
    if not permissions.can_publish_privacy_notice(actor):
        raise PermissionDenied
    # Lock the newest row so two admins publishing at once cannot take the same number.
    latest = PrivacyNotice.objects.select_for_update().order_by("-version").first()
    version = (latest.version if latest else 0) + 1
    notice = PrivacyNotice(
        version=version,
        text_tr=text_tr,
        text_en=text_en,
        summary_of_changes=summary_of_changes,
        published_at=published_at or timezone.now(),
    )
    notice.full_clean()
    notice.save()
    record_event(
        actor=actor, action="privacy_notice.published", target=notice, data={"version": version}
    )
    return notice


# --- Personal data: export and erasure ------------------------------------------------


@transaction.atomic
def export_personal_data(*, actor: User, user: User) -> dict[str, Any]:
    """Everything the user created, from every app that registered an exporter (JSON-ready)."""
    if not permissions.can_export_personal_data(actor, user):
        raise PermissionDenied
    record_event(actor=actor, action="account.data_exported", target=user)
    return {
        "format": "ortak-personal-data/1",
        "exported_at": timezone.now(),
        "user_id": user.pk,
        "sections": personal_data.export_all(user),
    }


@transaction.atomic
def erase_account(*, actor: User, user: User) -> User:
    """Erase the user's personal data and keep what they wrote readable as "deleted user".

    The row stays (what the user authored points at it); its personal fields are blanked, the
    password made unusable and the account deactivated, which also ends every session: Django
    drops a session whose password hash no longer matches, and inactive users are not loaded.
    Every app erases its own part through the personal-data registry.
    """
    if not permissions.can_erase_account(actor, user):
        raise PermissionDenied
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.erased_at is not None:
        raise PermissionDenied
    # Other apps first: their erasers may still need the e-mail address (e.g. invitations).
    personal_data.erase_all(user)
    _erase_account_fields(user)
    # The audit row names no personal data; older rows that showed the name are rewritten to
    # the public name ("deleted user").
    record_event(
        actor=actor,
        action="account.erased",
        target=user,
        data={"by_account_holder": actor.pk == user.pk},
    )
    AuditEvent.objects.filter(
        target_type=ContentType.objects.get_for_model(User), target_id=str(user.pk)
    ).update(target_repr=user.public_name)
    return user


def _erase_account_fields(user: User) -> None:
    """The accounts part of erasure: the row stays, its personal data goes."""
    user.erased_at = timezone.now()
    user.email = f"deleted-{user.pk}@{ERASED_EMAIL_DOMAIN}"
    user.display_name = ""
    user.preferred_language = User.Language.TURKISH
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.is_moderator = False
    user.last_login = None
    user.save(
        update_fields=[
            "email",
            "display_name",
            "preferred_language",
            "password",
            "is_active",
            "is_staff",
            "is_superuser",
            "is_moderator",
            "last_login",
            "erased_at",
        ]
    )
    user.groups.clear()
    user.user_permissions.clear()
    EmailAddress.objects.filter(user_id=user.pk).delete()
    Authenticator.objects.filter(user_id=user.pk).delete()
    permissions.forget_mfa_state(user)
