"""Who may do what with accounts: named questions (STYLE rule 5), and the MFA rule.

Multi-factor authentication is required from everyone who holds powers: staff (the admin) and,
through ``settings.ORTAK_MFA_REQUIRED_PREDICATES``, anyone a higher app says holds a role that
needs it (a municipality role, from ``ortak.organizations.permissions.holds_municipality_role``).
The predicates are named in settings because ``accounts`` must not import ``organizations``
(ARCHITECTURE §2: sibling layers). Other apps call ``user_has_mfa`` / ``mfa_required`` /
``mfa_satisfied`` in their own permission checks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# Factors that count as a second factor; recovery codes alone are only a fallback for them.
MFA_FACTOR_TYPES = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)
_MFA_CACHE_ATTR = "_ortak_has_mfa"


def is_signed_in(user: Any) -> bool:
    """An active, signed-in account that has not been erased."""
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.is_active
        and getattr(user, "erased_at", None) is None
    )


def is_self(actor: Any, account: Any) -> bool:
    return is_signed_in(actor) and account is not None and actor.pk == account.pk


# --- Multi-factor authentication ------------------------------------------------------


def user_has_mfa(user: Any) -> bool:
    """The user has an authenticator app (TOTP) or security key activated.

    Remembered on the user object, so that several permission checks in one request cost one
    query. allauth asks for the code at every sign-in of a user who has one.
    """
    if not is_signed_in(user):
        return False
    cached = getattr(user, _MFA_CACHE_ATTR, None)
    if cached is None:
        cached = Authenticator.objects.filter(user_id=user.pk, type__in=MFA_FACTOR_TYPES).exists()
        setattr(user, _MFA_CACHE_ATTR, cached)
    return bool(cached)


def forget_mfa_state(user: Any) -> None:
    """Drop the remembered answer of ``user_has_mfa`` (after activating or removing a factor)."""
    if hasattr(user, _MFA_CACHE_ATTR):
        delattr(user, _MFA_CACHE_ATTR)


def _role_predicates() -> Iterator[Callable[[Any], bool]]:
    for dotted_path in getattr(settings, "ORTAK_MFA_REQUIRED_PREDICATES", []):
        try:
            yield import_string(dotted_path)
        except ImportError:
            # Tolerated so that accounts works before the app owning the predicate exists; the
            # system check accounts.W001 reports it at start-up.
            logger.warning("MFA predicate %s cannot be imported; it is skipped.", dotted_path)


def mfa_required(user: Any) -> bool:
    """Whether the user holds powers that need MFA: staff, superuser, or a role (settings)."""
    if not is_signed_in(user):
        return False
    if user.is_staff or user.is_superuser:
        return True
    return any(predicate(user) for predicate in _role_predicates())


def mfa_satisfied(user: Any) -> bool:
    """The user may use their powers: either none of them needs MFA, or MFA is active."""
    return not mfa_required(user) or user_has_mfa(user)


def can_deactivate_mfa(user: Any) -> bool:
    """Holders of powers cannot switch their second factor off (they may replace it)."""
    return not mfa_required(user)


# --- Account actions ------------------------------------------------------------------


def can_view_profile(actor: Any, account: Any) -> bool:
    return is_self(actor, account)


def can_edit_profile(actor: Any, account: Any) -> bool:
    return is_self(actor, account)


def can_accept_privacy_notice(actor: Any, account: Any) -> bool:
    return is_self(actor, account)


def _is_platform_admin_with_mfa(actor: Any) -> bool:
    return is_signed_in(actor) and actor.is_superuser and user_has_mfa(actor)


def can_export_personal_data(actor: Any, account: Any) -> bool:
    """The account holder; a platform admin (with MFA) answering a written KVKK request."""
    return is_self(actor, account) or (account is not None and _is_platform_admin_with_mfa(actor))


def can_erase_account(actor: Any, account: Any) -> bool:
    """The account holder; a platform admin (with MFA) answering a written KVKK request.

    An account is erased only once.
    """
    if account is None or account.erased_at is not None:
        return False
    return is_self(actor, account) or _is_platform_admin_with_mfa(actor)


def can_access_admin(user: Any) -> bool:
    """The Django admin: active staff with MFA."""
    return is_signed_in(user) and user.is_staff and user_has_mfa(user)


def can_publish_privacy_notice(actor: Any) -> bool:
    return _is_platform_admin_with_mfa(actor)
