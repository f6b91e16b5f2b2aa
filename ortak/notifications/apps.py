from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def export_notifications(user: Any) -> dict[str, Any]:
    """The notifications section of "download my data": what was sent, and the e-mail choice."""
    from ortak.notifications.models import Notification, NotificationSettings

    settings_row = NotificationSettings.objects.filter(user_id=user.pk).first()
    return {
        "email_frequency": settings_row.email_frequency if settings_row else None,
        "notifications": [
            {
                "created_at": notification.created_at,
                "event": notification.verb,
                "message": notification.message,
                "link": notification.url,
                "read_at": notification.read_at,
                "emailed_at": notification.emailed_at,
            }
            for notification in Notification.objects.filter(recipient_id=user.pk).order_by(
                "created_at", "id"
            )
        ],
    }


def erase_notifications(user: Any) -> None:
    """Notifications are addressed to one person and public to nobody: they go entirely."""
    from ortak.notifications.models import Notification, NotificationSettings

    Notification.objects.filter(recipient_id=user.pk).delete()
    NotificationSettings.objects.filter(user_id=user.pk).delete()


class NotificationsConfig(AppConfig):
    name = "ortak.notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from ortak.core import personal_data

        personal_data.register(
            "notifications", exporter=export_notifications, eraser=erase_notifications
        )
