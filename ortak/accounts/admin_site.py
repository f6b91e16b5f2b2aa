"""The Django admin for staff with MFA only, signing in through allauth (never by password alone).

Installed as ``ortak.accounts.admin_site.OrtakAdminConfig`` in place of ``django.contrib.admin``,
so that ``admin.site`` and every ``@admin.register`` use this site. This module is imported while
apps load: it must not import models at the top.
"""

from __future__ import annotations

from typing import Any

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _


class OrtakAdminSite(AdminSite):
    site_header = _("Ortak administration")
    site_title = _("Ortak administration")
    index_title = _("Administration")

    def has_permission(self, request: HttpRequest) -> bool:
        from ortak.accounts.permissions import can_access_admin

        return can_access_admin(request.user)

    def login(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        """Sign-in goes through allauth, which asks for the second factor."""
        from django.contrib.auth.views import redirect_to_login

        from ortak.accounts.middleware import mfa_setup_redirect
        from ortak.accounts.permissions import can_access_admin, mfa_required, user_has_mfa

        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("admin:index", current_app=self.name)
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(next_url, reverse("account_login"))
        if can_access_admin(user):
            return HttpResponseRedirect(next_url)
        if mfa_required(user) and not user_has_mfa(user):
            return mfa_setup_redirect(request)
        raise PermissionDenied


class OrtakAdminConfig(AdminConfig):
    default_site = "ortak.accounts.admin_site.OrtakAdminSite"
