from django.contrib import admin

from ortak.notifications.models import Notification, NotificationSettings


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "verb", "read_at", "emailed_at"]
    list_filter = ["verb"]
    search_fields = ["recipient__email", "verb"]
    list_select_related = ["recipient"]
    raw_id_fields = ["recipient", "actor"]


@admin.register(NotificationSettings)
class NotificationSettingsAdmin(admin.ModelAdmin):
    list_display = ["user", "email_frequency"]
    list_filter = ["email_frequency"]
    raw_id_fields = ["user"]
