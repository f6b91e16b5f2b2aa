"""Lists and overviews: a plan node's and a municipality's contributions, the responder's inbox,
the moderation queue, the comparison table, "my contributions" and site search."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ortak.core.http import AuthenticatedHttpRequest
from ortak.core.pagecache import public_page
from ortak.organizations.models import Municipality
from ortak.organizations.permissions import has_active_mfa, holds_municipality_role
from ortak.participation import permissions, selectors, services
from ortak.participation.forms import (
    CommentForm,
    DecisionForm,
    InboxFilterForm,
    ListFilterForm,
    SearchForm,
)
from ortak.participation.models import Flag
from ortak.participation.search import search as run_search
from ortak.participation.selectors import COMPARISON_SORTS, ContributionFilters
from ortak.participation.targets import node_public_url
from ortak.participation.views.common import (
    flash_errors,
    page_of,
    page_with_targets,
    query_string,
    target_or_404,
)

INBOX_PAGE_SIZE = 50


@public_page
def node_page(request: HttpRequest, kind: str, node_id: int) -> HttpResponse:
    """Everything said about one plan node: its contributions and its discussion."""
    target = target_or_404(f"{kind}:{node_id}")
    form = ListFilterForm(request.GET or None)
    filters = form.filters()
    contributions = selectors.with_list_joins(
        filters.apply(
            selectors.visible_contributions(request.user).filter(node_kind=kind, node_id=node_id)
        )
    ).order_by("-created_at", "-id")
    context = {
        "target": target,
        "node_url": node_public_url(kind, target.node, target.plan, target.municipality.slug),
        "form": form,
        "page_obj": page_of(request, contributions),
        "query_string": query_string(request),
        "threads": selectors.comments_on_node(kind, node_id),
        "comment_form": CommentForm(),
        "can_comment": permissions.can_comment_on_node(request.user, target.plan),
        "accepts_contributions": permissions.accepts_contributions(target.plan),
        "is_following": selectors.is_following(request.user, node=(kind, node_id)),
    }
    return render(request, "participation/node_page.html", context)


@public_page
def municipality_contributions(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality, slug=slug)
    form = ListFilterForm(request.GET or None)
    contributions = selectors.contributions_of_municipality(
        request.user, municipality, form.filters()
    )
    context = {
        "municipality": municipality,
        "form": form,
        "page_obj": page_with_targets(request, contributions),
        "query_string": query_string(request),
        "is_following": selectors.is_following(request.user, municipality_id=municipality.pk),
    }
    return render(request, "participation/municipality_contributions.html", context)


@login_required
def my_contributions(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = page_with_targets(request, selectors.contributions_of_user(request.user))
    return render(request, "participation/my_contributions.html", {"page_obj": page})


@login_required
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The responder's inbox: contributions for their units, overdue first."""
    scope = selectors.inbox_scope(request.user)
    if not scope.memberships:
        if holds_municipality_role(request.user) and not has_active_mfa(request.user):
            messages.warning(
                request, _("Set up two-factor authentication to answer for your municipality.")
            )
            return redirect("mfa_activate_totp")
        raise PermissionDenied
    if request.GET:
        form = InboxFilterForm(request.GET, units=scope.units)
        filters = form.filters()
    else:
        form = InboxFilterForm(units=scope.units, initial={"status": "awaiting"})
        filters = ContributionFilters(status="awaiting")
    contributions = selectors.inbox(scope, filters)
    context = {
        "form": form,
        "scope": scope,
        "page_obj": page_with_targets(request, contributions, INBOX_PAGE_SIZE),
        "query_string": query_string(request),
    }
    return render(request, "participation/inbox.html", context)


@login_required
def moderation_queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not permissions.can_moderate(request.user):
        raise PermissionDenied
    page = page_of(request, selectors.open_flags())
    context = {"page_obj": page, "form": DecisionForm()}
    return render(request, "participation/moderation_queue.html", context)


@login_required
@require_POST
def flag_decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    if not permissions.can_moderate(request.user):
        raise PermissionDenied
    flag = get_object_or_404(Flag, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to hide or keep it."))
        return redirect("participation:moderation")
    try:
        services.decide_flag(
            actor=request.user,
            flag=flag,
            hide=form.cleaned_data["decision"] == "hide",
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        flash_errors(request, error)
    else:
        messages.success(request, _("Decision recorded."))
    return redirect("participation:moderation")


@public_page
def comparison(request: HttpRequest) -> HttpResponse:
    """Responsiveness of every municipality that received contributions, side by side."""
    sort = request.GET.get("sirala", "name")
    if sort not in COMPARISON_SORTS:
        sort = "name"
    context = {"rows": selectors.comparison(sort), "sort": sort}
    return render(request, "participation/comparison.html", context)


@public_page
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    query = kind = ""
    if form.is_valid():
        query = form.cleaned_data["q"]
        kind = form.cleaned_data["tur"]
    results = run_search(query, kind=kind or None)
    page = page_of(request, results.listing) if results.listing is not None else None
    context = {
        "form": form,
        "results": results,
        "page_obj": page,
        "kind": kind,
        "query_string": query_string(request),
    }
    return render(request, "participation/search.html", context)
