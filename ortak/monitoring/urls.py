"""Monitoring URLs: the staff dashboard and calendar, CSO assessments, the public figure history."""

from django.urls import URLPattern, URLResolver

app_name = "monitoring"

urlpatterns: list[URLPattern | URLResolver] = []
