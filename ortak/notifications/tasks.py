"""E-mail delivery runs in the task worker, enqueued only after the transaction commits."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from ortak.notifications.models import Notification
from ortak.notifications.tokens import make_unsubscribe_token
from ortak.notifications.verbs import render_message, render_subject


@task()
def send_notification_email(notification_id: int) -> bool:
    """Send one notification by e-mail in the recipient's language; returns whether it was sent."""
    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None or notification.emailed_at is not None:
        return False
    recipient = notification.recipient
    if not recipient.is_active or recipient.erased_at is not None:
        return False
    with translation.override(recipient.preferred_language or settings.LANGUAGE_CODE):
        unsubscribe_url = settings.SITE_URL + reverse(
            "notifications:unsubscribe", args=[make_unsubscribe_token(recipient.pk)]
        )
        context = {
            "message": render_message(notification.verb, notification.params),
            "url": settings.SITE_URL + notification.url if notification.url else "",
            "unsubscribe_url": unsubscribe_url,
        }
        subject = render_subject(notification.verb, notification.params)
        body = render_to_string("notifications/email.txt", context)
    email = EmailMultiAlternatives(
        subject=subject,
        body=body,
        to=[recipient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    email.send()
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return True


@task()
def send_daily_digest(user_id: int) -> int:
    """E-mail one user the notifications not yet e-mailed, in one message; returns how many."""
    from django.contrib.auth import get_user_model

    recipient = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if recipient is None or recipient.erased_at is not None:  # type: ignore[attr-defined]
        return 0
    pending = list(
        Notification.objects.filter(recipient=recipient, emailed_at__isnull=True).order_by(
            "created_at"
        )[:200]
    )
    if not pending:
        return 0
    language = recipient.preferred_language or settings.LANGUAGE_CODE  # type: ignore[attr-defined]
    with translation.override(language):
        unsubscribe_url = settings.SITE_URL + reverse(
            "notifications:unsubscribe", args=[make_unsubscribe_token(recipient.pk)]
        )
        items = [
            {
                "message": render_message(n.verb, n.params),
                "url": settings.SITE_URL + n.url if n.url else "",
            }
            for n in pending
        ]
        subject = translation.gettext("Your daily Ortak summary: %(count)d updates") % {
            "count": len(items)
        }
        body = render_to_string(
            "notifications/digest.txt", {"items": items, "unsubscribe_url": unsubscribe_url}
        )
    EmailMultiAlternatives(
        subject=subject,
        body=body,
        to=[recipient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send()
    Notification.objects.filter(pk__in=[n.pk for n in pending]).update(emailed_at=timezone.now())
    return len(pending)
