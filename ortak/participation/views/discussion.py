"""Comments, follows and flags (POST forms; each redirects back to where it was posted)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ortak.core.http import AuthenticatedHttpRequest
from ortak.organizations.models import Municipality
from ortak.participation import permissions, services
from ortak.participation.forms import CommentForm, FlagForm
from ortak.participation.models import Comment, Contribution
from ortak.participation.views.common import (
    back,
    detail_redirect,
    flash_errors,
    form_status,
    rate_limited,
    target_or_404,
)
from ortak.participation.views.contributions import _contribution_or_404


def _comment_url(comment: Comment) -> str:
    if comment.contribution_id is not None:
        base = reverse("participation:detail", args=[comment.contribution_id])
    else:
        base = reverse("participation:node", args=[comment.node_kind, comment.node_id])
    return f"{base}#comment-{comment.pk}"


def _post(request: AuthenticatedHttpRequest, fallback: str, **where: object) -> HttpResponse:
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a comment of at most 4,000 characters."))
        return back(request, fallback + "#comments")
    if rate_limited(request):
        return back(request, fallback + "#comments")
    try:
        comment = services.post_comment(
            actor=request.user,
            text=form.cleaned_data["text"],
            **where,  # type: ignore[arg-type]
        )
    except ValidationError as error:
        flash_errors(request, error)
        return back(request, fallback + "#comments")
    messages.success(request, _("Your comment is published."))
    from django.shortcuts import redirect

    return redirect(_comment_url(comment))


@login_required
@require_POST
def comment_on_contribution(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    contribution = _contribution_or_404(request.user, pk)
    if not permissions.can_comment_on_contribution(request.user, contribution):
        raise PermissionDenied
    fallback = reverse("participation:detail", args=[pk])
    return _post(request, fallback, contribution=contribution)


@login_required
@require_POST
def comment_on_node(request: AuthenticatedHttpRequest, kind: str, node_id: int) -> HttpResponse:
    target = target_or_404(f"{kind}:{node_id}")
    if not permissions.can_comment_on_node(request.user, target.plan):
        raise PermissionDenied
    fallback = reverse("participation:node", args=[kind, node_id])
    return _post(request, fallback, target=target)


@login_required
@require_POST
def comment_reply(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    parent = get_object_or_404(Comment.objects.select_related("contribution"), pk=pk)
    if parent.contribution is not None and not permissions.can_view_contribution(
        request.user, parent.contribution
    ):
        raise Http404
    if not permissions.can_reply_to(request.user, parent):
        raise PermissionDenied
    return _post(request, _comment_url(parent).split("#")[0], parent=parent)


@login_required
@require_POST
def follow_toggle(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Follow or unfollow the municipality, contribution or plan node named in the form."""
    where: dict[str, object] = {}
    fallback = reverse("home")
    if request.POST.get("municipality"):
        municipality = get_object_or_404(Municipality, pk=request.POST["municipality"])
        where["municipality"] = municipality
        fallback = reverse("participation:municipality", args=[municipality.slug])
    elif request.POST.get("contribution"):
        contribution = _contribution_or_404(request.user, int(request.POST["contribution"]))
        where["contribution"] = contribution
        fallback = reverse("participation:detail", args=[contribution.pk])
    elif request.POST.get("node"):
        target = target_or_404(request.POST["node"])
        where["target"] = target
        fallback = reverse("participation:node", args=[target.kind, target.node_id])
    else:
        raise Http404
    if request.POST.get("action") == "unfollow":
        services.unfollow(actor=request.user, **where)  # type: ignore[arg-type]
        messages.success(request, _("You no longer follow this."))
    else:
        services.follow(actor=request.user, **where)  # type: ignore[arg-type]
        messages.success(request, _("You follow this now: we will tell you what happens."))
    return back(request, fallback)


def _flag(
    request: AuthenticatedHttpRequest,
    *,
    contribution: Contribution | None = None,
    comment: Comment | None = None,
) -> HttpResponse:
    target = contribution or comment
    assert target is not None
    if not permissions.can_flag(request.user, target):
        raise PermissionDenied
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not rate_limited(request, form):
        try:
            services.flag_content(
                actor=request.user,
                reason=form.cleaned_data["reason"],
                contribution=contribution,
                comment=comment,
            )
        except ValidationError as error:
            flash_errors(request, error)
        else:
            messages.success(request, _("Thank you. A moderator will look at it."))
        if contribution is not None:
            return detail_redirect(contribution)
        assert comment is not None
        from django.shortcuts import redirect

        return redirect(_comment_url(comment))
    context = {"form": form, "contribution": contribution, "comment": comment}
    return render(
        request, "participation/flag_form.html", context, status=form_status(request, form)
    )


@login_required
@require_http_methods(["GET", "POST"])
def flag_contribution(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _flag(request, contribution=_contribution_or_404(request.user, pk))


@login_required
@require_http_methods(["GET", "POST"])
def flag_comment(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("contribution"), pk=pk)
    if comment.contribution is not None and not permissions.can_view_contribution(
        request.user, comment.contribution
    ):
        raise Http404
    return _flag(request, comment=comment)
