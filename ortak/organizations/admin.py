"""Django admin for the reference data and for support work.

Provinces and municipalities are reference data edited here by platform admins. Verification of
organizations goes through the services (admin actions), so it is audited and notified like the
moderation queue; the verification fields are read-only in the form.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ortak.organizations.models import (
    Invitation,
    Membership,
    Municipality,
    Organization,
    Province,
    Unit,
)

# Addresses typed without a scheme are read as https:// (Django 6's default, today).
HTTPS_URLS: dict[type[models.Field[Any, Any]], dict[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "is_metropolitan"]
    list_filter = ["is_metropolitan"]
    search_fields = ["name", "slug"]
    ordering = ["code"]


class UnitInline(admin.TabularInline):
    model = Unit
    fields = ["name", "slug", "is_strategy_unit"]
    extra = 0


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "province", "parent", "population", "is_pilot", "plan_required"]
    list_filter = ["kind", "is_pilot", "plan_required", "province"]
    search_fields = ["name", "slug", "search_text"]
    list_select_related = ["province", "parent"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["province", "parent"]
    readonly_fields = ["plan_required"]
    formfield_overrides = HTTPS_URLS
    inlines = [UnitInline]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "is_strategy_unit"]
    list_filter = ["is_strategy_unit"]
    search_fields = ["name", "municipality__name"]
    list_select_related = ["municipality"]
    autocomplete_fields = ["municipality"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "province", "verification", "created_at"]
    list_filter = ["verification", "kind", "province"]
    search_fields = ["name", "slug", "search_text", "registry_number"]
    list_select_related = ["province"]
    autocomplete_fields = ["province", "municipality"]
    raw_id_fields = ["created_by"]
    readonly_fields = ["verification", "verified_by", "verified_at", "verification_note"]
    formfield_overrides = HTTPS_URLS
    actions = ["verify_selected"]

    @admin.action(description=_("Verify the selected organizations"))
    def verify_selected(self, request: HttpRequest, queryset: QuerySet[Organization]) -> None:
        # Imported here: admin modules load at start-up, before tests configure the task backend
        # that the services' modules bind to.
        from ortak.organizations import services

        done = 0
        for organization in queryset.exclude(verification=Organization.Verification.VERIFIED):
            try:
                services.verify_organization(actor=request.user, organization=organization)
            except (PermissionDenied, ValidationError):
                self.message_user(
                    request,
                    _("You cannot verify %(name)s.") % {"name": organization.name},
                    messages.ERROR,
                )
            else:
                done += 1
        self.message_user(request, _("%(count)d organizations verified.") % {"count": done})


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "municipality", "organization", "unit", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "municipality__name", "organization__name"]
    list_select_related = ["user", "municipality", "organization", "unit"]
    raw_id_fields = ["user"]
    autocomplete_fields = ["municipality", "organization", "unit"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "role", "municipality", "organization", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "municipality__name", "organization__name"]
    list_select_related = ["municipality", "organization"]
    raw_id_fields = ["invited_by", "accepted_by"]
    readonly_fields = ["token", "accepted_at", "accepted_by", "revoked_at"]
    autocomplete_fields = ["municipality", "organization", "unit"]
