"""Enqueue the daily digest for every user who chose it. Run once a day (cron or systemd timer)."""

from django.core.management.base import BaseCommand

from ortak.notifications.models import Notification, NotificationSettings
from ortak.notifications.tasks import send_daily_digest


class Command(BaseCommand):
    help = "Enqueue the daily notification digest for users who chose it."

    def handle(self, *args: object, **options: object) -> None:
        user_ids = (
            Notification.objects.filter(
                emailed_at__isnull=True,
                recipient__notification_settings__email_frequency=(
                    NotificationSettings.EmailFrequency.DAILY
                ),
                recipient__is_active=True,
            )
            .values_list("recipient_id", flat=True)
            .distinct()
        )
        count = 0
        for user_id in user_ids:
            send_daily_digest.enqueue(user_id)
            count += 1
        self.stdout.write(f"{count} digests enqueued")
