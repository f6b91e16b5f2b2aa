"""The one function every service calls to leave an audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from ortak.audit.models import AuditEvent


def record_event(
    *,
    actor: Any | None,
    action: str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit row. Called inside the service's transaction, so it commits with it."""
    event = AuditEvent(
        actor=actor if actor is not None and getattr(actor, "is_authenticated", False) else None,
        action=action,
        data=data or {},
    )
    if target is not None:
        event.target_type = ContentType.objects.get_for_model(target)
        event.target_id = str(target.pk)
        event.target_repr = str(target)[:255]
    event.save()
    return event


def events_for(target: models.Model) -> models.QuerySet[AuditEvent]:
    """The timeline of one object, newest first."""
    return AuditEvent.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
    ).select_related("actor")
