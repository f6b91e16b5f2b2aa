"""Small helpers shared by the participation views."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from ortak.participation import ratelimit
from ortak.participation.models import Contribution
from ortak.participation.selectors import attach_targets
from ortak.participation.targets import BadTarget, Target, load_target, parse_target

PAGE_SIZE = 25


def page_of(request: HttpRequest, items: Any, size: int = PAGE_SIZE) -> Page:
    return Paginator(items, size).get_page(request.GET.get("page"))


def page_with_targets(request: HttpRequest, contributions: Any, size: int = PAGE_SIZE) -> Page:
    page = page_of(request, contributions, size)
    page.object_list = attach_targets(page.object_list)
    return page


def query_string(request: HttpRequest) -> str:
    """The current filters without the page number, for pagination links."""
    return urlencode([(k, v) for k, v in request.GET.items() if k != "page" and v])


def add_errors(form: BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form, on the field it names where possible."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def flash_errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def target_or_404(value: str | None) -> Target:
    try:
        kind, node_id = parse_target(value)
        target = load_target(kind, node_id)
    except BadTarget as exc:
        raise Http404 from exc
    if not target.plan.is_public:
        raise Http404
    return target


def rate_limited(request: HttpRequest, form: BaseForm | None = None) -> bool:
    """Count one post; when over a limit, say so on the form (or as a message) and return True."""
    try:
        ratelimit.check_post(request)
    except ratelimit.RateLimited:
        if form is not None:
            form.add_error(None, str(ratelimit.RateLimited.message))
        else:
            messages.error(request, ratelimit.RateLimited.message)
        return True
    return False


def form_status(request: HttpRequest, form: BaseForm) -> int:
    """200 for a first display, 429 when refused by a rate limit, else 400 for bad input."""
    if request.method != "POST":
        return 200
    if any(str(ratelimit.RateLimited.message) == str(e) for e in form.non_field_errors()):
        return 429
    return 400


def detail_redirect(contribution: Contribution | int, anchor: str = "") -> HttpResponseRedirect:
    pk = contribution if isinstance(contribution, int) else contribution.pk
    response = redirect("participation:detail", pk=pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def back(request: HttpRequest, fallback: str) -> HttpResponse:
    """Redirect to the form's ``next`` when it is on this site, else to ``fallback``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)
