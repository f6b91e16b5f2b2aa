"""An uploaded file kept between the preview and the confirmation (nothing is written before).

The file goes into the cache (the database cache by default, Redis in production: shared by every
app server, so the confirmation may land on another server than the upload) under a random key.
The page carries a signed token naming the key, the user and the municipality; a token of
another user or municipality, a forged or an expired one (one hour) finds nothing.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from django.core import signing
from django.core.cache import cache

__all__ = [
    "StoredUpload",
    "UploadTicket",
    "forget_upload",
    "keep_upload",
    "load_upload",
    "read_ticket",
]

SALT = "ortak.plans.io.upload"
MAX_AGE = 60 * 60


@dataclass(frozen=True)
class StoredUpload:
    content: bytes
    filename: str
    plan_id: int | None = None
    create_units: bool = False


def _key(key: str) -> str:
    return f"plans:import:{key}"


def keep_upload(*, user: Any, municipality_id: int, upload: StoredUpload) -> str:
    """Store the upload; returns the token for the preview's URL."""
    key = secrets.token_urlsafe(18)
    cache.set(
        _key(key),
        {
            "content": upload.content,
            "filename": upload.filename,
            "plan_id": upload.plan_id,
            "create_units": upload.create_units,
        },
        MAX_AGE,
    )
    # The plan travels in the token too, so that the preview finds the plan and its municipality
    # in one query before it reads the cache.
    token = {"k": key, "u": user.pk, "m": municipality_id, "p": upload.plan_id}
    return signing.dumps(token, salt=SALT)


@dataclass(frozen=True)
class UploadTicket:
    """What a valid token says: where the upload waits, for which municipality and plan."""

    key: str
    municipality_id: int
    plan_id: int | None


def read_ticket(token: str, *, user: Any) -> UploadTicket | None:
    """The token's content if it is genuine, recent and the user's own; None otherwise."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("u") != user.pk:
        return None
    key, municipality_id, plan_id = data.get("k"), data.get("m"), data.get("p")
    if not isinstance(key, str) or not isinstance(municipality_id, int):
        return None
    return UploadTicket(key, municipality_id, plan_id if isinstance(plan_id, int) else None)


def load_upload(ticket: UploadTicket) -> StoredUpload | None:
    stored = cache.get(_key(ticket.key))
    if not isinstance(stored, dict):
        return None
    return StoredUpload(**stored)


def forget_upload(ticket: UploadTicket) -> None:
    cache.delete(_key(ticket.key))
