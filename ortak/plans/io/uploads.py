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

__all__ = ["StoredUpload", "forget_upload", "keep_upload", "load_upload"]

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
    return signing.dumps({"k": key, "u": user.pk, "m": municipality_id}, salt=SALT)


def _unsign(token: str, *, user: Any, municipality_id: int) -> str | None:
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("u") != user.pk or data.get("m") != municipality_id:
        return None
    key = data.get("k")
    return key if isinstance(key, str) else None


def load_upload(token: str, *, user: Any, municipality_id: int) -> StoredUpload | None:
    key = _unsign(token, user=user, municipality_id=municipality_id)
    stored = cache.get(_key(key)) if key else None
    if not isinstance(stored, dict):
        return None
    return StoredUpload(**stored)


def forget_upload(token: str, *, user: Any, municipality_id: int) -> None:
    key = _unsign(token, user=user, municipality_id=municipality_id)
    if key:
        cache.delete(_key(key))
