"""Signed one-click unsubscribe links (RFC 8058 style): no login needed to stop e-mails."""

from __future__ import annotations

from django.core import signing

_SALT = "ortak.notifications.unsubscribe"


def make_unsubscribe_token(user_id: int) -> str:
    return signing.dumps({"u": user_id}, salt=_SALT)


def read_unsubscribe_token(token: str) -> int | None:
    try:
        data = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None
    user_id = data.get("u") if isinstance(data, dict) else None
    return user_id if isinstance(user_id, int) else None
