"""Reads of accounts data used by views, the admin and the personal-data export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db.models import QuerySet
from django.utils import timezone

from ortak.accounts.models import Consent, PrivacyNotice, User
from ortak.audit.models import AuditEvent


def published_notices() -> QuerySet[PrivacyNotice]:
    """Notices whose publication time has come, newest first."""
    return PrivacyNotice.objects.filter(published_at__lte=timezone.now()).order_by("-version")


def current_privacy_notice() -> PrivacyNotice | None:
    return published_notices().first()


def privacy_notice(version: int) -> PrivacyNotice | None:
    return published_notices().filter(version=version).first()


def has_accepted(user: Any, notice: PrivacyNotice) -> bool:
    return Consent.objects.filter(user_id=user.pk, notice=notice).exists()


def needs_to_accept_current_notice(user: Any) -> PrivacyNotice | None:
    """The current notice if the user has not accepted it yet, else None."""
    notice = current_privacy_notice()
    if notice is None or has_accepted(user, notice):
        return None
    return notice


@dataclass(frozen=True)
class ProfileOverview:
    """What the profile page shows besides the form; one query per line below."""

    email: str
    email_verified: bool
    pending_email: str | None
    has_totp: bool
    recovery_codes_left: int | None
    accepted_version: int | None
    accepted_at: datetime | None
    current_version: int | None


def profile_overview(user: User) -> ProfileOverview:
    emails = list(EmailAddress.objects.filter(user_id=user.pk).only("email", "verified", "primary"))
    primary = next((e for e in emails if e.primary), None)
    pending = next((e.email for e in emails if not e.verified and not e.primary), None)
    authenticators = {a.type: a for a in Authenticator.objects.filter(user_id=user.pk)}
    recovery = authenticators.get(Authenticator.Type.RECOVERY_CODES)
    consent = Consent.objects.filter(user_id=user.pk).select_related("notice").first()
    notice = published_notices().only("id", "version").first()
    return ProfileOverview(
        email=user.email,
        email_verified=primary.verified if primary else False,
        pending_email=pending,
        has_totp=Authenticator.Type.TOTP in authenticators,
        recovery_codes_left=len(recovery.wrap().get_unused_codes()) if recovery else None,
        accepted_version=consent.notice.version if consent else None,
        accepted_at=consent.given_at if consent else None,
        current_version=notice.version if notice else None,
    )


def account_personal_data(user: User) -> dict[str, Any]:
    """The accounts section of "download my data": profile, addresses, consents, MFA, activity."""
    return {
        "profile": {
            "email": user.email,
            "display_name": user.display_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "is_staff": user.is_staff,
            "is_moderator": user.is_moderator,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user_id=user.pk).order_by("email")
        ],
        "privacy_consents": [
            {
                "notice_version": consent.notice.version,
                "source": consent.source,
                "given_at": consent.given_at,
            }
            for consent in Consent.objects.filter(user_id=user.pk)
            .select_related("notice")
            .order_by("given_at", "id")
        ],
        # Which factors are active, never their secrets.
        "two_step_verification": [
            {"type": authenticator.type, "created_at": authenticator.created_at}
            for authenticator in Authenticator.objects.filter(user_id=user.pk).order_by("id")
        ],
        "activity_log": [
            {
                "occurred_at": event.occurred_at,
                "action": event.action,
                "target": event.target_repr,
            }
            for event in AuditEvent.objects.filter(actor_id=user.pk).order_by("occurred_at", "id")
        ],
    }
