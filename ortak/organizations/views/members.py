"""Members and staff, invitations, and "my organizations and roles"."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ortak.organizations import permissions, selectors, services
from ortak.organizations.forms import (
    InvitationForm,
    RoleForm,
)
from ortak.organizations.models import (
    Invitation,
    Membership,
    Municipality,
    Organization,
)
from ortak.organizations.views._common import (
    MEMBERS_PAGE_SIZE,
    _add_errors,
    _flash_errors,
    _members_url,
    _organization_or_404,
    _page,
)


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
