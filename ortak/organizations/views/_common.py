"""Helpers shared by the pages of this app."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.forms import BaseForm
from django.http import Http404, HttpRequest
from django.urls import reverse

from ortak.organizations import permissions, selectors
from ortak.organizations.models import (
    Municipality,
    Organization,
)

PAGE_SIZE = 25
MEMBERS_PAGE_SIZE = 50


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


def _members_url(target: Municipality | Organization) -> str:
    if isinstance(target, Municipality):
        return reverse("organizations:municipality_staff", args=[target.slug])
    return reverse("organizations:organization_members", args=[target.slug])


def _organization_or_404(user: Any, slug: str) -> Organization:
    try:
        organization = selectors.organization_by_slug(slug)
    except Organization.DoesNotExist as exc:
        raise Http404 from exc
    if not permissions.can_view_organization(user, organization):
        raise Http404
    return organization
