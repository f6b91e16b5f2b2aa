"""Helpers for the organizations tests: accounts with MFA and verified addresses, signing in."""

from __future__ import annotations

import time
from typing import Any

from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
    AUTHENTICATION_METHODS_SESSION_KEY,
)
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client


def with_mfa(user: Any) -> Any:
    """Give the user an authenticator app, as every municipality role requires."""
    TOTP.activate(user, generate_totp_secret())
    return user


def with_verified_email(user: Any, email: str | None = None) -> Any:
    EmailAddress.objects.update_or_create(
        user=user,
        email=email or user.email,
        defaults={"verified": True, "primary": email is None},
    )
    return user


def sign_in(client: Client, user: Any) -> Client:
    """Log in as allauth does after the password and, for users with MFA, the code."""
    client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
    now = time.time()
    records: list[dict[str, Any]] = [{"method": "password", "at": now, "email": user.email}]
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is not None:
        records.append({"method": "mfa", "at": now, "id": totp.pk, "type": "totp"})
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()
    return client
