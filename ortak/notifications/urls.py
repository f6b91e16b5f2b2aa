from django.urls import path

from ortak.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("okundu/", views.mark_all_read, name="mark_all_read"),
    path("ayarlar/", views.update_settings, name="settings"),
    path("abonelik-iptal/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
