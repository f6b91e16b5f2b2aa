"""Helpers shared by the monitoring services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models


def require(allowed: bool) -> None:
    """Raise ``PermissionDenied`` unless the permission predicate said yes."""
    if not allowed:
        raise PermissionDenied


def save(obj: models.Model) -> None:
    """``full_clean()`` then ``save()`` (STYLE: validation before every write)."""
    obj.full_clean()
    obj.save()


def user_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None
