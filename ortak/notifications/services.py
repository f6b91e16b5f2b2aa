"""Creating notifications. Every app calls ``notify``; it never calls a domain app."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction

from ortak.notifications.models import Notification, NotificationSettings
from ortak.notifications.tasks import send_notification_email


def email_frequency_of(user: Any) -> str:
    settings_row = NotificationSettings.objects.filter(user=user).only("email_frequency").first()
    return (
        settings_row.email_frequency
        if settings_row
        else NotificationSettings.EmailFrequency.IMMEDIATE
    )


@transaction.atomic
def notify(
    *,
    recipient: Any,
    verb: str,
    params: dict[str, Any] | None = None,
    url: str = "",
    actor: Any | None = None,
) -> Notification | None:
    """Tell one user about an event: an in-app row now, an e-mail after commit if they want one.

    Nobody is notified of their own action, and erased or inactive accounts get nothing.
    """
    if recipient is None or not recipient.is_active or recipient.erased_at is not None:
        return None
    if actor is not None and getattr(actor, "pk", None) == recipient.pk:
        return None
    notification = Notification.objects.create(
        recipient=recipient,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        params=params or {},
        url=url,
    )
    if email_frequency_of(recipient) == NotificationSettings.EmailFrequency.IMMEDIATE:
        transaction.on_commit(partial(send_notification_email.enqueue, notification.pk))
    return notification


@transaction.atomic
def mark_read(*, user: Any, notification_ids: list[int] | None = None) -> int:
    """Mark the user's notifications read (all of them when no ids are given)."""
    from django.utils import timezone

    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())


@transaction.atomic
def set_email_frequency(*, user: Any, frequency: str) -> NotificationSettings:
    row, _created = NotificationSettings.objects.get_or_create(user=user)
    row.email_frequency = frequency
    row.full_clean()
    row.save(update_fields=["email_frequency"])
    return row
