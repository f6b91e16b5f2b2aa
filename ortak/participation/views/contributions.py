"""Sending, reading, editing, answering and routing contributions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ortak.core.http import AuthenticatedHttpRequest
from ortak.core.pagecache import public_page
from ortak.participation import permissions, selectors, services
from ortak.participation.forms import (
    AnswerForm,
    CommentForm,
    EditForm,
    OfferForm,
    RouteForm,
    SuggestionForm,
)
from ortak.participation.models import Attachment, Contribution
from ortak.participation.views.common import (
    add_errors,
    detail_redirect,
    flash_errors,
    form_status,
    rate_limited,
    target_or_404,
)


def _contribution_or_404(user: Any, pk: int) -> Contribution:
    try:
        contribution = selectors.contribution_for_page(pk)
    except Contribution.DoesNotExist as exc:
        raise Http404 from exc
    if not permissions.can_view_contribution(user, contribution):
        raise Http404
    return contribution


def _create(request: HttpRequest, *, offer: bool) -> HttpResponse:
    target = target_or_404(request.GET.get("hedef"))
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permissions.accepts_contributions(target.plan):
        raise PermissionDenied
    organizations = selectors.acting_organizations(request.user)
    form_class = OfferForm if offer else SuggestionForm
    bound = (request.POST, request.FILES) if request.method == "POST" else ()
    form = form_class(*bound, organizations=organizations)
    context = {"form": form, "target": target, "offer": offer, "organizations": organizations}
    if offer and not organizations.exists():
        return render(request, "participation/offer_not_allowed.html", context, status=403)
    if request.method == "POST" and form.is_valid() and not rate_limited(request, form):
        data: dict[str, Any] = form.cleaned_data
        common: dict[str, Any] = {
            "actor": request.user,
            "target": target,
            "title": data["title"],
            "text": data["text"],
            "organization": data["organization"],
            "is_public": data["is_public"],
            "files": data["attachments"],
        }
        try:
            if offer:
                contribution = services.submit_offer(
                    **common,
                    offered=data["offered"],
                    period_start=data["period_start"],
                    period_end=data["period_end"],
                    contact_name=data["contact_name"],
                    contact_email=data["contact_email"],
                    contact_phone=data["contact_phone"],
                )
            else:
                contribution = services.submit_suggestion(**common)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Thank you. %(municipality)s received it and will answer by %(date)s.")
                % {
                    "municipality": target.municipality.name,
                    "date": date_format(localtime(contribution.due_at).date()),
                },
            )
            return detail_redirect(contribution)
    return render(
        request, "participation/contribution_form.html", context, status=form_status(request, form)
    )


@require_http_methods(["GET", "POST"])
def suggestion_create(request: HttpRequest) -> HttpResponse:
    return _create(request, offer=False)


@require_http_methods(["GET", "POST"])
def offer_create(request: HttpRequest) -> HttpResponse:
    return _create(request, offer=True)


def _render_detail(
    request: HttpRequest,
    contribution: Contribution,
    *,
    answer_form: AnswerForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    selectors.attach_targets([contribution])
    powers = permissions.staff_powers(user, contribution)
    can_answer, can_route = powers.answer, powers.route
    context = {
        "contribution": contribution,
        "answers": list(contribution.answers.all()),
        "revisions": selectors.revisions_of(contribution),
        "threads": selectors.comments_on_contribution(contribution),
        "can_answer": can_answer,
        "can_route": can_route,
        "can_edit": permissions.can_edit_contribution(user, contribution),
        "can_support": permissions.can_support(user, contribution),
        "can_comment": permissions.can_comment_on_contribution(user, contribution),
        "can_flag": permissions.can_flag(user, contribution),
        "can_view_contact": powers.see_contact
        or (contribution.is_offer and contribution.author_id == getattr(user, "pk", None)),
        "has_supported": selectors.has_supported(user, contribution),
        "is_following": selectors.is_following(user, contribution_id=contribution.pk),
        "comment_form": CommentForm(),
    }
    if can_answer and contribution.status != Contribution.Status.IMPLEMENTED:
        context["answer_form"] = answer_form or AnswerForm(contribution=contribution)
    if can_route:
        context["route_form"] = RouteForm(
            units=selectors.units_for_routing(contribution), initial={"unit": contribution.unit_id}
        )
    return render(request, "participation/contribution_detail.html", context, status=status)


@public_page
def contribution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, _contribution_or_404(request.user, pk))


@login_required
@require_POST
def contribution_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contribution = _contribution_or_404(request.user, pk)
    if not permissions.can_answer_contribution(request.user, contribution):
        raise PermissionDenied
    form = AnswerForm(request.POST, contribution=contribution)
    if form.is_valid():
        data = form.cleaned_data
        try:
            answer = services.answer_contribution(
                actor=request.user,
                contribution=contribution,
                status=data["status"],
                text=data["text"],
                reason=data["reason"],
                activity=data["activity"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your answer is published."))
            return detail_redirect(contribution, f"answer-{answer.pk}")
    return _render_detail(request, contribution, answer_form=form, status=400)


@login_required
@require_POST
def contribution_route(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contribution = _contribution_or_404(request.user, pk)
    if not permissions.can_route_contribution(request.user, contribution):
        raise PermissionDenied
    form = RouteForm(request.POST, units=selectors.units_for_routing(contribution))
    if form.is_valid():
        try:
            services.route_contribution(
                actor=request.user, contribution=contribution, unit=form.cleaned_data["unit"]
            )
        except ValidationError as error:
            flash_errors(request, error)
        else:
            messages.success(
                request,
                _("It is now with %(unit)s.") % {"unit": form.cleaned_data["unit"].name},
            )
    else:
        messages.error(request, _("Choose a unit of this municipality."))
    return detail_redirect(contribution)


@login_required
@require_http_methods(["GET", "POST"])
def contribution_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contribution = _contribution_or_404(request.user, pk)
    if not permissions.can_edit_contribution(request.user, contribution):
        raise PermissionDenied
    initial = {"title": contribution.title, "text": contribution.text}
    form = EditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid() and not rate_limited(request, form):
        try:
            services.edit_contribution(
                actor=request.user,
                contribution=contribution,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return detail_redirect(contribution)
    context = {"form": form, "contribution": contribution}
    return render(
        request, "participation/contribution_edit.html", context, status=form_status(request, form)
    )


@login_required
@require_POST
def support_toggle(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contribution = _contribution_or_404(request.user, pk)
    if request.POST.get("action") == "withdraw":
        if services.withdraw_support(actor=request.user, contribution=contribution):
            messages.success(request, _("You no longer support this suggestion."))
    else:
        if not permissions.can_support(request.user, contribution):
            raise PermissionDenied
        if services.support_suggestion(actor=request.user, contribution=contribution):
            messages.success(request, _("Thank you for your support."))
        else:
            messages.info(request, _("You already support this suggestion."))
    return detail_redirect(contribution, "support")


def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """Files are served only to those who may read the contribution, always as downloads."""
    attachment = (
        Attachment.objects.select_related(
            "contribution__organization", "contribution__municipality"
        )
        .filter(pk=pk)
        .first()
    )
    if attachment is None or not permissions.can_view_contribution(
        request.user, attachment.contribution
    ):
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
