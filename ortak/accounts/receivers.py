"""Audit rows for allauth's own flows (sign-up, e-mail, password, MFA).

allauth performs these state changes itself and tells us through its signals; a receiver here
only records the event (no business rule), which is the one thing a signal is used for in Ortak.
No e-mail address goes into the audit data: the log must not keep what erasure removes.
"""

from __future__ import annotations

from typing import Any

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals

from ortak.accounts.permissions import forget_mfa_state
from ortak.audit.services import record_event


def _record(user: Any, action: str, data: dict[str, Any] | None = None) -> None:
    if user is not None and getattr(user, "pk", None) is not None:
        record_event(actor=user, action=action, target=user, data=data)


def on_signed_up(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(user, "account.signed_up")


def on_email_confirmed(sender: Any, request: Any, email_address: Any, **kwargs: Any) -> None:
    _record(email_address.user, "account.email_confirmed")


def on_email_added(sender: Any, request: Any, user: Any, email_address: Any, **kwargs: Any) -> None:
    _record(user, "account.email_added")


def on_email_removed(
    sender: Any, request: Any, user: Any, email_address: Any, **kwargs: Any
) -> None:
    _record(user, "account.email_removed")


def on_email_changed(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(user, "account.email_changed")


def on_password_changed(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(user, "account.password_changed")


def on_password_set(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(user, "account.password_set")


def on_password_reset(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    _record(user, "account.password_reset")


def on_authenticator_added(
    sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any
) -> None:
    forget_mfa_state(user)
    _record(user, "account.mfa_added", {"type": authenticator.type})


def on_authenticator_removed(
    sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any
) -> None:
    forget_mfa_state(user)
    _record(user, "account.mfa_removed", {"type": authenticator.type})


def on_authenticator_reset(
    sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any
) -> None:
    _record(user, "account.mfa_reset", {"type": authenticator.type})


def connect() -> None:
    uid = "ortak.accounts."
    account_signals.user_signed_up.connect(on_signed_up, dispatch_uid=uid + "signed_up")
    account_signals.email_confirmed.connect(
        on_email_confirmed, dispatch_uid=uid + "email_confirmed"
    )
    account_signals.email_added.connect(on_email_added, dispatch_uid=uid + "email_added")
    account_signals.email_removed.connect(on_email_removed, dispatch_uid=uid + "email_removed")
    account_signals.email_changed.connect(on_email_changed, dispatch_uid=uid + "email_changed")
    account_signals.password_changed.connect(on_password_changed, dispatch_uid=uid + "pw_changed")
    account_signals.password_set.connect(on_password_set, dispatch_uid=uid + "pw_set")
    account_signals.password_reset.connect(on_password_reset, dispatch_uid=uid + "pw_reset")
    mfa_signals.authenticator_added.connect(on_authenticator_added, dispatch_uid=uid + "mfa_added")
    mfa_signals.authenticator_removed.connect(
        on_authenticator_removed, dispatch_uid=uid + "mfa_removed"
    )
    mfa_signals.authenticator_reset.connect(on_authenticator_reset, dispatch_uid=uid + "mfa_reset")
