"""The back office for platform admins: look things up; changes go through the site's pages.

Calendars, periods, assessments and replies are changed by services that permission-check,
audit, recompute figures and notify; the admin shows them read-only.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ortak.monitoring.models import (
    Assessment,
    AssessmentEvidence,
    AssessmentReply,
    MonitoringPeriod,
    ObjectiveAssessmentSummary,
    ReminderLog,
    ReportingCalendar,
)


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ReportingCalendar)
class ReportingCalendarAdmin(ReadOnlyAdmin):
    list_display = (
        "municipality",
        "half_year_due_day",
        "half_year_due_month",
        "full_year_due_day",
        "full_year_due_month",
        "updated_at",
    )
    search_fields = ("municipality__name",)
    list_select_related = ("municipality",)


@admin.register(MonitoringPeriod)
class MonitoringPeriodAdmin(ReadOnlyAdmin):
    list_display = ("plan", "code", "due_date", "due_date_is_custom")
    list_filter = ("is_half_year", "due_date_is_custom")
    search_fields = ("plan__municipality__name", "code")
    list_select_related = ("plan__municipality",)


@admin.register(ReminderLog)
class ReminderLogAdmin(ReadOnlyAdmin):
    list_display = ("sent_at", "kind", "period", "indicator", "recipient", "days_before")
    list_filter = ("kind",)
    list_select_related = ("period__plan__municipality", "indicator", "recipient")
    raw_id_fields = ("period", "indicator", "recipient")


class EvidenceInline(admin.TabularInline):  # type: ignore[type-arg]
    model = AssessmentEvidence
    extra = 0
    fields = ("title", "file", "url")
    readonly_fields = fields
    can_delete = False


class ReplyInline(admin.StackedInline):  # type: ignore[type-arg]
    model = AssessmentReply
    extra = 0
    fields = ("text", "author", "created_at", "edited_at")
    readonly_fields = fields
    can_delete = False


@admin.register(Assessment)
class AssessmentAdmin(ReadOnlyAdmin):
    list_display = (
        "created_at",
        "organization",
        "plan",
        "node_kind",
        "node_id",
        "period",
        "rating",
    )
    list_filter = ("rating", "node_kind")
    search_fields = ("organization__name", "plan__municipality__name", "narrative")
    list_select_related = ("organization", "plan__municipality", "period")
    raw_id_fields = ("plan", "organization", "author", "period")
    inlines = (EvidenceInline, ReplyInline)


@admin.register(ObjectiveAssessmentSummary)
class ObjectiveAssessmentSummaryAdmin(ReadOnlyAdmin):
    list_display = ("objective", "organizations", "assessments", "on_track", "at_risk", "off_track")
    list_select_related = ("objective",)
    raw_id_fields = ("objective", "plan")
