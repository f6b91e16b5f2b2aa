"""Admin for the plans app: read-only views of every model, for support and audits.

Plans change through their services (permission-checked, audited, recomputed), which the editor
pages call; the admin therefore never writes plan data itself. Its two actions recompute stored
figures and verify the revision hash chain. Revisions are append-only everywhere.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ortak.plans.aggregates import recompute_plan
from ortak.plans.models import (
    Activity,
    ActivityCost,
    Aim,
    FigureRevision,
    Indicator,
    IndicatorTarget,
    Measurement,
    Objective,
    PlanRevision,
    StrategicPlan,
)
from ortak.plans.revisions import verify_chain


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Viewable by staff with the view permission; never added, changed or deleted here."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):  # type: ignore[type-arg]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AimInline(ReadOnlyInline):
    model = Aim
    fields = ("code", "title", "realization", "coverage")


@admin.register(StrategicPlan)
class StrategicPlanAdmin(ReadOnlyAdmin):
    list_display = ("municipality", "period_label", "title", "status", "realization", "editor_link")
    list_filter = ("status",)
    search_fields = ("title", "municipality__name")
    list_select_related = ("municipality",)
    inlines = [AimInline]
    actions = ["recompute", "verify"]

    @admin.display(description=_("editor"))
    def editor_link(self, plan: StrategicPlan) -> str:
        url = reverse(
            "plans:editor_dashboard",
            args=[plan.municipality.slug, plan.start_year, plan.end_year],
        )
        return format_html('<a href="{}">{}</a>', url, _("open the editor"))

    @admin.action(description=_("Recompute the stored figures"))
    def recompute(self, request: HttpRequest, queryset: QuerySet[StrategicPlan]) -> None:
        for plan in queryset:
            recompute_plan(plan)
        self.message_user(request, _("Figures recomputed."), messages.SUCCESS)

    @admin.action(description=_("Verify the revision hash chain"))
    def verify(self, request: HttpRequest, queryset: QuerySet[StrategicPlan]) -> None:
        for plan in queryset:
            problems = verify_chain(plan)
            if problems:
                text = "; ".join(f"#{p.sequence} {p.message}" for p in problems)
                self.message_user(request, f"{plan}: {text}", messages.ERROR)
            else:
                self.message_user(
                    request, _("%(plan)s: the chain is intact.") % {"plan": plan}, messages.SUCCESS
                )

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        # Actions are reads or recomputations, allowed to superusers although nothing is
        # "changed" in the admin's sense.
        actions = super().get_actions(request)
        if not request.user.is_superuser:
            actions.pop("recompute", None)
        return actions


class IndicatorInline(ReadOnlyInline):
    model = Indicator
    fields = ("code", "name", "weight", "realization", "status")


@admin.register(Aim)
class AimAdmin(ReadOnlyAdmin):
    list_display = ("code", "title", "plan", "realization", "coverage")
    list_select_related = ("plan__municipality",)
    search_fields = ("title", "plan__municipality__name")


@admin.register(Objective)
class ObjectiveAdmin(ReadOnlyAdmin):
    list_display = ("code", "title", "plan", "responsible_unit", "realization", "coverage")
    list_select_related = ("plan__municipality", "responsible_unit")
    search_fields = ("title", "plan__municipality__name")
    inlines = [IndicatorInline]


class TargetInline(ReadOnlyInline):
    model = IndicatorTarget
    fields = ("year", "value")
    show_change_link = False


class MeasurementInline(ReadOnlyInline):
    model = Measurement
    fields = ("period", "value", "status", "explanation")


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "plan", "weight", "realization", "status", "latest_period")
    list_filter = ("status", "direction", "kind")
    list_select_related = ("plan__municipality",)
    search_fields = ("code", "name", "plan__municipality__name")
    inlines = [TargetInline, MeasurementInline]


@admin.register(IndicatorTarget)
class IndicatorTargetAdmin(ReadOnlyAdmin):
    list_display = ("indicator", "year", "value")
    list_select_related = ("indicator",)


@admin.register(Measurement)
class MeasurementAdmin(ReadOnlyAdmin):
    list_display = ("indicator", "period", "value", "status", "reported_by", "reported_at")
    list_filter = ("status", "is_half_year")
    list_select_related = ("indicator", "reported_by")
    search_fields = ("indicator__code", "indicator__name")


@admin.register(PlanRevision)
class PlanRevisionAdmin(ReadOnlyAdmin):
    list_display = ("plan", "date", "reason", "council_decision_number")
    list_select_related = ("plan__municipality",)


@admin.register(FigureRevision)
class FigureRevisionAdmin(ReadOnlyAdmin):
    """Append-only: revisions are written by the services and never altered."""

    list_display = (
        "plan",
        "sequence",
        "indicator",
        "kind",
        "year",
        "period",
        "old_value",
        "new_value",
        "changed_by",
        "changed_at",
    )
    list_filter = ("kind",)
    list_select_related = ("plan__municipality", "indicator", "changed_by")
    search_fields = ("indicator__code", "reason")


class CostInline(ReadOnlyInline):
    model = ActivityCost
    fields = ("year", "planned", "actual")
    show_change_link = False


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "plan", "objective", "responsible_unit")
    list_select_related = ("plan__municipality", "objective", "responsible_unit")
    search_fields = ("code", "name")
    inlines = [CostInline]
