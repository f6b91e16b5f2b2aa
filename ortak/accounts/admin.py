"""Admin for users, privacy notices and consents (the admin itself needs staff with MFA)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.forms import UserChangeForm as DjangoUserChangeForm
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ortak.accounts import permissions, services
from ortak.accounts.models import Consent, PrivacyNotice, User
from ortak.audit.services import record_event


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email"]


class UserChangeForm(DjangoUserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    list_display = [
        "email",
        "display_name",
        "is_staff",
        "is_moderator",
        "is_active",
        "date_joined",
        "erased_at",
    ]
    list_filter = ["is_staff", "is_superuser", "is_moderator", "is_active", "preferred_language"]
    search_fields = ["email", "display_name"]
    ordering = ["-date_joined"]
    readonly_fields = ["last_login", "date_joined", "erased_at"]
    filter_horizontal = ["groups", "user_permissions"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["display_name", "preferred_language"]}),
        (
            _("Permissions"),
            {
                "fields": [
                    "is_active",
                    "is_staff",
                    "is_moderator",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ]
            },
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined", "erased_at"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "usable_password", "password1", "password2"]},
        )
    ]
    actions = ["erase_selected"]

    def save_model(
        self, request: HttpRequest, obj: User, form: forms.ModelForm, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        record_event(
            actor=request.user,
            action="account.changed_by_admin" if change else "account.created_by_admin",
            target=obj,
            data={"fields": sorted(form.changed_data)},
        )

    # Accounts are never deleted: rows that people wrote point at them. Erase instead.
    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        if not request.user.is_superuser:
            actions.pop("erase_selected", None)
        return actions

    @admin.action(description=_("Erase the personal data of the selected accounts"))
    def erase_selected(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        """For written KVKK requests: platform admins (with MFA) erase on the person's behalf."""
        erased = 0
        for user in queryset.filter(erased_at__isnull=True):
            services.erase_account(actor=request.user, user=user)  # type: ignore[arg-type]
            erased += 1
        self.message_user(
            request,
            ngettext("%(count)d account was erased.", "%(count)d accounts were erased.", erased)
            % {"count": erased},
            messages.SUCCESS,
        )


class PrivacyNoticeForm(forms.ModelForm):
    class Meta:
        model = PrivacyNotice
        fields = ["text_tr", "text_en", "summary_of_changes", "published_at"]


@admin.register(PrivacyNotice)
class PrivacyNoticeAdmin(admin.ModelAdmin):
    """A published notice is never edited: a change is published as a new version."""

    form = PrivacyNoticeForm
    list_display = ["version", "published_at"]
    ordering = ["-version"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return permissions.can_publish_privacy_notice(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # published versions are read in the view-only page

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: PrivacyNotice, form: forms.ModelForm, change: bool
    ) -> None:
        notice = services.publish_privacy_notice(
            actor=request.user,  # type: ignore[arg-type]
            text_tr=form.cleaned_data["text_tr"],
            text_en=form.cleaned_data["text_en"],
            summary_of_changes=form.cleaned_data["summary_of_changes"],
            published_at=form.cleaned_data["published_at"],
        )
        obj.pk = notice.pk
        obj.version = notice.version

    def save_form(self, request: HttpRequest, form: forms.ModelForm, change: bool) -> Any:
        return form.save(commit=False)


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    """Consents are evidence: read-only, never added or removed by hand."""

    list_display = ["given_at", "user", "notice", "source"]
    list_filter = ["source", "notice__version"]
    search_fields = ["user__email"]
    list_select_related = ["user", "notice"]
    raw_id_fields = ["user"]
    readonly_fields = ["user", "notice", "source", "given_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
