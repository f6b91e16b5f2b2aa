"""Pages of "my account": profile, privacy notice, my data, account deletion, MFA explanation."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ortak.accounts import permissions, selectors, services
from ortak.accounts.adapter import PRIVACY_PENDING_SESSION_KEY, set_language_cookie
from ortak.accounts.forms import DeleteAccountForm, PrivacyAcceptForm, ProfileForm
from ortak.accounts.models import User


def _safe_next(request: HttpRequest, default: str) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return default


def _my_memberships_url() -> str | None:
    """The organizations app's "my organizations and roles" page, once it exists."""
    try:
        return reverse("organizations:my_memberships")
    except NoReverseMatch:
        return None


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    # Bound to a blank instance: the service, not the form, changes the signed-in user.
    initial = {"display_name": user.display_name, "preferred_language": user.preferred_language}
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_profile(
            actor=user,
            user=user,
            display_name=form.cleaned_data["display_name"],
            preferred_language=form.cleaned_data["preferred_language"],
        )
        messages.success(request, _("Your profile is saved."))
        response = redirect("accounts:profile")
        set_language_cookie(response, user.preferred_language)
        return response
    context = {
        "form": form,
        "overview": selectors.profile_overview(user),
        "my_memberships_url": _my_memberships_url(),
        "mfa_required": permissions.mfa_required(user),
    }
    return render(request, "accounts/profile.html", context)


@require_http_methods(["GET"])
def privacy(request: HttpRequest) -> HttpResponse:
    notice = selectors.current_privacy_notice()
    if notice is None:
        raise Http404
    context = {
        "notice": notice,
        "versions": selectors.published_notices().only("version", "published_at"),
        "is_current": True,
    }
    return render(request, "accounts/privacy_notice.html", context)


@require_http_methods(["GET"])
def privacy_version(request: HttpRequest, version: int) -> HttpResponse:
    notice = selectors.privacy_notice(version)
    if notice is None:
        raise Http404
    current = selectors.current_privacy_notice()
    context = {
        "notice": notice,
        "versions": selectors.published_notices().only("version", "published_at"),
        "is_current": current is not None and current.pk == notice.pk,
    }
    return render(request, "accounts/privacy_notice.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def privacy_accept(request: HttpRequest) -> HttpResponse:
    notice = selectors.current_privacy_notice()
    if notice is None:
        raise Http404
    next_url = _safe_next(request, reverse("home"))
    if selectors.has_accepted(request.user, notice):
        request.session.pop(PRIVACY_PENDING_SESSION_KEY, None)
        return redirect(next_url)
    form = PrivacyAcceptForm(request.POST or None, initial={"version": notice.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.accept_privacy_notice(
                actor=request.user,  # type: ignore[arg-type]
                version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            request.session.pop(PRIVACY_PENDING_SESSION_KEY, None)
            messages.success(request, _("Thank you. You have accepted the privacy notice."))
            return redirect(next_url)
    context = {"notice": notice, "form": form, "next": next_url}
    return render(request, "accounts/privacy_accept.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def export_data(request: HttpRequest) -> HttpResponse:
    """GET explains what the file holds; POST downloads it (a JSON attachment)."""
    if request.method == "GET":
        return render(request, "accounts/export_data.html")
    data = services.export_personal_data(actor=request.user, user=request.user)  # type: ignore[arg-type]
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"ortak-my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = DeleteAccountForm(request.POST or None, user=user, request=request)
    if request.method == "POST" and form.is_valid():
        services.erase_account(actor=user, user=user)
        logout(request)
        messages.success(
            request,
            _('Your account is deleted. What you wrote in public now shows "deleted user".'),
        )
        return redirect("home")
    return render(request, "accounts/delete_account.html", {"form": form})


@login_required
@require_http_methods(["GET"])
def mfa_required(request: HttpRequest) -> HttpResponse:
    """Why the user must set up two-step verification, and the button that starts it."""
    next_url = _safe_next(request, reverse("accounts:profile"))
    if permissions.user_has_mfa(request.user):
        return redirect(next_url)
    context = {"next": next_url, "is_staff": request.user.is_staff}
    return render(request, "accounts/mfa_required.html", context)
