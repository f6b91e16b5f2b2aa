"""Pages of municipalities and organizations: parse input, call a service or selector, render."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.forms import BaseForm, Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ortak.organizations import permissions, selectors, services
from ortak.organizations.forms import (
    InvitationForm,
    MunicipalityFilterForm,
    OrganizationFilterForm,
    OrganizationForm,
    RejectForm,
    RoleForm,
    UnitForm,
    VerifyForm,
)
from ortak.organizations.models import (
    Invitation,
    Membership,
    Municipality,
    Organization,
    Unit,
)

PAGE_SIZE = 25
MEMBERS_PAGE_SIZE = 50
# The plans app renders a municipality's plan summary with this template when it exists; the
# municipality page includes it without importing plans (ARCHITECTURE §2: plans sits above us).
PLAN_SECTION_TEMPLATE = "plans/municipality_plan_section.html"


# Municipality pages answer 403 to a role holder without MFA; the accounts app's
# StaffMFAMiddleware turns that answer into its "set up two-factor authentication" page.

# --- Helpers --------------------------------------------------------------------------


def _page(request: HttpRequest, queryset: QuerySet[Any], size: int = PAGE_SIZE) -> Page:
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def _query_string(request: HttpRequest) -> str:
    """The current filters, without the page number, for pagination links."""
    params = [(k, v) for k, v in request.GET.items() if k != "page" and v]
    return urlencode(params)


def _add_errors(form: BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, on the field it names where possible."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _flash_errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _plan_section_template() -> str | None:
    try:
        get_template(PLAN_SECTION_TEMPLATE)
    except TemplateDoesNotExist:
        return None
    return PLAN_SECTION_TEMPLATE


def _members_url(target: Municipality | Organization) -> str:
    if isinstance(target, Municipality):
        return reverse("organizations:municipality_staff", args=[target.slug])
    return reverse("organizations:organization_members", args=[target.slug])


# --- Public pages ---------------------------------------------------------------------


# The site search (/ara/) lives in a higher app; the home page finds it by URL name, so this
# app does not depend on it, and falls back to the municipality list's name filter without it.
SITE_SEARCH_URL_NAME = "participation:search"


def _search_url() -> tuple[str, bool]:
    """Where the home page's search box sends its ``q``, and whether that is the site search."""
    try:
        return reverse(SITE_SEARCH_URL_NAME), True
    except NoReverseMatch:
        return reverse("organizations:municipality_list"), False


def home(request: HttpRequest) -> HttpResponse:
    search_url, site_search = _search_url()
    context = {
        "summary": selectors.home_summary(),
        "search_url": search_url,
        "site_search": site_search,
    }
    return render(request, "organizations/home.html", context)


def municipality_list(request: HttpRequest) -> HttpResponse:
    form = MunicipalityFilterForm(request.GET or None)
    page = _page(request, selectors.municipalities(**form.filters()))
    context = {"form": form, "page_obj": page, "query_string": _query_string(request)}
    return render(request, "organizations/municipality_list.html", context)


def municipality_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        municipality = selectors.municipality_by_slug(slug)
    except Municipality.DoesNotExist as exc:
        raise Http404 from exc
    context = {
        "municipality": municipality,
        "units": selectors.units_of(municipality),
        "organizations": selectors.organizations_of_municipality(municipality)[:50],
        "plan_section_template": _plan_section_template(),
        "can_manage_staff": permissions.can_manage_municipality_staff(request.user, municipality),
    }
    return render(request, "organizations/municipality_detail.html", context)


def organization_list(request: HttpRequest) -> HttpResponse:
    form = OrganizationFilterForm(request.GET or None)
    page = _page(request, selectors.organizations(**form.filters()))
    context = {"form": form, "page_obj": page, "query_string": _query_string(request)}
    return render(request, "organizations/organization_list.html", context)


def _organization_or_404(user: Any, slug: str) -> Organization:
    try:
        organization = selectors.organization_by_slug(slug)
    except Organization.DoesNotExist as exc:
        raise Http404 from exc
    if not permissions.can_view_organization(user, organization):
        raise Http404
    return organization


def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = _organization_or_404(request.user, slug)
    membership = permissions.organization_membership(request.user, organization)
    context = {
        "organization": organization,
        "membership": membership,
        "can_edit": permissions.can_edit_organization(request.user, organization),
        "can_manage_members": permissions.can_manage_organization_members(
            request.user, organization
        ),
        "can_verify": permissions.can_verify_organization(request.user, organization),
    }
    return render(request, "organizations/organization_detail.html", context)


# --- Organizations: registration, profile, verification -------------------------------


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


# --- Members, staff and invitations ---------------------------------------------------


def _members_page(
    request: HttpRequest,
    target: Municipality | Organization,
    invite_form: InvitationForm,
    template: str,
) -> HttpResponse:
    page = _page(request, selectors.members_of(target), MEMBERS_PAGE_SIZE)
    units = list(target.units.order_by("name")) if isinstance(target, Municipality) else None
    rows = [
        (
            membership,
            RoleForm(
                target=target,
                units=units,
                initial={"role": membership.role, "unit": membership.unit_id},
                auto_id=f"id_m{membership.pk}_%s",
            ),
        )
        for membership in page
    ]
    context = {
        "target": target,
        "page_obj": page,
        "rows": rows,
        "invite_form": invite_form,
        "invitations": selectors.open_invitations_for(target),
    }
    return render(request, template, context)


def _invite(
    request: HttpRequest, target: Municipality | Organization, form: InvitationForm
) -> HttpResponse | None:
    """Handle the invitation form; a redirect on success, None to re-render with errors."""
    if not form.is_valid():
        return None
    try:
        services.invite_member(
            actor=request.user,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            unit=form.cleaned_data.get("unit"),
            municipality=target if isinstance(target, Municipality) else None,
            organization=target if isinstance(target, Organization) else None,
        )
    except ValidationError as error:
        _add_errors(form, error)
        return None
    messages.success(
        request,
        _("The invitation is on its way to %(email)s.") % {"email": form.cleaned_data["email"]},
    )
    return redirect(_members_url(target))


@login_required
@require_http_methods(["GET", "POST"])
def organization_members(request: HttpRequest, slug: str) -> HttpResponse:
    organization = _organization_or_404(request.user, slug)
    if not permissions.can_manage_organization_members(request.user, organization):
        raise PermissionDenied
    form = InvitationForm(request.POST or None, target=organization)
    if request.method == "POST" and (response := _invite(request, organization, form)):
        return response
    return _members_page(request, organization, form, "organizations/organization_members.html")


@login_required
@require_http_methods(["GET", "POST"])
def municipality_staff(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality, slug=slug)
    if not permissions.can_manage_municipality_staff(request.user, municipality):
        raise PermissionDenied
    form = InvitationForm(request.POST or None, target=municipality)
    if request.method == "POST" and (response := _invite(request, municipality, form)):
        return response
    return _members_page(request, municipality, form, "organizations/municipality_staff.html")


def _membership(pk: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("municipality", "organization", "user"), pk=pk
    )


@login_required
@require_POST
def membership_role(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _membership(pk)
    if not permissions.can_manage_membership(request.user, membership):
        raise PermissionDenied
    form = RoleForm(request.POST, target=membership.target)
    if not form.is_valid():
        messages.error(request, _("Please choose a valid role."))
        return redirect(_members_url(membership.target))
    try:
        services.change_membership_role(
            actor=request.user,
            membership=membership,
            role=form.cleaned_data["role"],
            unit=form.cleaned_data.get("unit"),
        )
    except ValidationError as error:
        _flash_errors(request, error)
    else:
        messages.success(
            request, _("The role of %(name)s is changed.") % {"name": membership.user.public_name}
        )
    return redirect(_members_url(membership.target))


@login_required
@require_POST
def membership_remove(request: HttpRequest, pk: int) -> HttpResponse:
    membership = _membership(pk)
    leaving = membership.user_id == request.user.pk
    if not (
        permissions.can_manage_membership(request.user, membership)
        or permissions.can_leave(request.user, membership)
    ):
        raise PermissionDenied
    try:
        services.remove_membership(actor=request.user, membership=membership)
    except ValidationError as error:
        _flash_errors(request, error)
    else:
        if leaving:
            message = _("You left %(target)s.") % {"target": str(membership.target)}
        else:
            message = _("%(name)s is no longer a member.") % {"name": membership.user.public_name}
        messages.success(request, message)
    if leaving:
        return redirect("organizations:my_memberships")
    return redirect(_members_url(membership.target))


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.select_related("municipality", "organization"), pk=pk
    )
    if not permissions.can_invite_to(
        request.user, municipality=invitation.municipality, organization=invitation.organization
    ):
        raise PermissionDenied
    try:
        services.revoke_invitation(actor=request.user, invitation=invitation)
    except ValidationError as error:
        _flash_errors(request, error)
    else:
        messages.success(
            request, _("The invitation to %(email)s is revoked.") % {"email": invitation.email}
        )
    return redirect(_members_url(invitation.target))


@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the e-mail: sign in (or up) with the invited address, then accept."""
    try:
        invitation = selectors.invitation_by_token(token)
    except Invitation.DoesNotExist as exc:
        raise Http404 from exc
    can_accept = permissions.can_accept_invitation(request.user, invitation)
    if request.method == "POST" and invitation.is_open:
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?{urlencode({'next': request.path})}")
        try:
            membership = services.accept_invitation(user=request.user, invitation=invitation)
        except ValidationError as error:
            _flash_errors(request, error)
        except PermissionDenied:
            messages.error(
                request,
                _("Sign in with the invited e-mail address (%(email)s) to accept.")
                % {"email": invitation.email},
            )
        else:
            messages.success(
                request,
                _("Welcome: you are now %(role)s of %(target)s.")
                % {"role": membership.get_role_display(), "target": str(membership.target)},
            )
            return redirect("organizations:my_memberships")
    context = {"invitation": invitation, "can_accept": can_accept, "next": request.path}
    return render(request, "organizations/invitation.html", context)


@login_required
def my_memberships(request: HttpRequest) -> HttpResponse:
    memberships = list(selectors.memberships_of_user(request.user))
    has_mfa = permissions.has_active_mfa(request.user)
    context = {
        "memberships": memberships,
        "invitations": selectors.invitations_for_user(request.user),
        "has_mfa": has_mfa,
        "needs_mfa": not has_mfa and any(m.municipality_id for m in memberships),
    }
    return render(request, "organizations/my_memberships.html", context)


# --- Units ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def municipality_units(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality, slug=slug)
    if not permissions.can_manage_units(request.user, municipality):
        raise PermissionDenied
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.create_unit(
                actor=request.user, municipality=municipality, **form.cleaned_data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("%(name)s is added.") % {"name": unit.name})
            return redirect("organizations:municipality_units", slug=municipality.slug)
    context = {
        "municipality": municipality,
        "units": selectors.units_of(municipality),
        "form": form,
    }
    return render(request, "organizations/municipality_units.html", context)


def _unit(slug: str, pk: int) -> Unit:
    return get_object_or_404(
        Unit.objects.select_related("municipality"), pk=pk, municipality__slug=slug
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit = _unit(slug, pk)
    if not permissions.can_manage_units(request.user, unit.municipality):
        raise PermissionDenied
    initial = {"name": unit.name, "is_strategy_unit": unit.is_strategy_unit}
    form = UnitForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_unit(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The unit is saved."))
            return redirect("organizations:municipality_units", slug=slug)
    return render(request, "organizations/unit_form.html", {"unit": unit, "form": form})


@login_required
@require_POST
def unit_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit = _unit(slug, pk)
    if not permissions.can_manage_units(request.user, unit.municipality):
        raise PermissionDenied
    try:
        services.delete_unit(actor=request.user, unit=unit)
    except ValidationError as error:
        _flash_errors(request, error)
    else:
        messages.success(request, _("%(name)s is deleted.") % {"name": unit.name})
    return redirect("organizations:municipality_units", slug=slug)
