"""Registering and editing organizations; the moderation queue and verification decisions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ortak.organizations import permissions, selectors, services
from ortak.organizations.forms import (
    OrganizationForm,
    RejectForm,
    VerifyForm,
)
from ortak.organizations.views._common import (
    _add_errors,
    _flash_errors,
    _organization_or_404,
    _page,
)


@login_required
@require_http_methods(["GET", "POST"])
def organization_register(request: HttpRequest) -> HttpResponse:
    if not permissions.can_register_organization(request.user):
        raise PermissionDenied
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organization = services.register_organization(
                actor=request.user, **form.service_kwargs()
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "%(name)s is registered. A moderator will check it; until then it is marked as pending."
                )
                % {"name": organization.name},
            )
            return redirect("organizations:organization_detail", slug=organization.slug)
    return render(request, "organizations/organization_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def organization_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organization = _organization_or_404(request.user, slug)
    if not permissions.can_edit_organization(request.user, organization):
        raise PermissionDenied
    if request.method == "POST" and "resubmit" in request.POST:
        try:
            services.resubmit_organization(actor=request.user, organization=organization)
        except ValidationError as error:
            _flash_errors(request, error)
        else:
            messages.success(request, _("The moderators will look at the organization again."))
        return redirect("organizations:organization_detail", slug=organization.slug)
    form = OrganizationForm(request.POST or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_organization(
                actor=request.user,
                organization=selectors.organization_by_slug(slug),
                **form.service_kwargs(),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The organization's profile is saved."))
            return redirect("organizations:organization_detail", slug=organization.slug)
    return render(
        request,
        "organizations/organization_form.html",
        {"form": form, "organization": organization},
    )


@login_required
def moderation_queue(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_moderation_queue(request.user):
        raise PermissionDenied
    page = _page(request, selectors.moderation_queue())
    return render(request, "organizations/moderation_queue.html", {"page_obj": page})


@login_required
@require_http_methods(["GET", "POST"])
def organization_review(request: HttpRequest, slug: str) -> HttpResponse:
    """One organization's verification decision: verify (note optional) or reject (reason)."""
    organization = _organization_or_404(request.user, slug)
    if not permissions.can_verify_organization(request.user, organization):
        raise PermissionDenied
    decision = request.POST.get("decision") if request.method == "POST" else None
    verify_form = VerifyForm(request.POST if decision == "verify" else None)
    reject_form = RejectForm(request.POST if decision == "reject" else None)
    form: Form | None = {"verify": verify_form, "reject": reject_form}.get(decision or "")
    if form is not None and form.is_valid():
        try:
            if decision == "verify":
                services.verify_organization(
                    actor=request.user, organization=organization, **form.cleaned_data
                )
                messages.success(request, _("%(name)s is verified.") % {"name": organization.name})
            else:
                services.reject_organization(
                    actor=request.user, organization=organization, **form.cleaned_data
                )
                messages.success(request, _("%(name)s is rejected.") % {"name": organization.name})
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("organizations:moderation_queue")
    context = {
        "organization": organization,
        "verify_form": verify_form,
        "reject_form": reject_form,
        "registrant_email": organization.created_by.email if organization.created_by else "",
    }
    return render(request, "organizations/organization_review.html", context)
