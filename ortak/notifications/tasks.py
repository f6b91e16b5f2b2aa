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
