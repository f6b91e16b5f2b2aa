"""Public pages: home, municipality list and profile, organization directory and profile."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from ortak.core.pagecache import public_page
from ortak.core.templatetags.ortak import template_installed
from ortak.organizations import permissions, selectors
from ortak.organizations.forms import (
    MunicipalityFilterForm,
    OrganizationFilterForm,
)
from ortak.organizations.models import (
    Municipality,
)
from ortak.organizations.views._common import (
    _organization_or_404,
    _page,
    _query_string,
)

# The plans app renders a municipality's plan summary with this template when it exists; the
# municipality page includes it without importing plans (ARCHITECTURE §2: plans sits above us).
PLAN_SECTION_TEMPLATE = "plans/municipality_plan_section.html"
# Sections that higher apps add to the municipality page, in page order. This app cannot import
# them (ARCHITECTURE §2), so it includes their templates when they are installed.
EXTRA_SECTION_TEMPLATES = (
    "participation/municipality_section.html",
    "monitoring/municipality_section.html",
)


def _plan_section_template() -> str | None:
    return PLAN_SECTION_TEMPLATE if template_installed(PLAN_SECTION_TEMPLATE) else None


def _extra_section_templates() -> list[str]:
    return [name for name in EXTRA_SECTION_TEMPLATES if template_installed(name)]


# The site search (/ara/) lives in a higher app; the home page finds it by URL name, so this
# app does not depend on it, and falls back to the municipality list's name filter without it.
SITE_SEARCH_URL_NAME = "participation:search"


def _search_url() -> tuple[str, bool]:
    """Where the home page's search box sends its ``q``, and whether that is the site search."""
    try:
        return reverse(SITE_SEARCH_URL_NAME), True
    except NoReverseMatch:
        return reverse("organizations:municipality_list"), False


@public_page
def home(request: HttpRequest) -> HttpResponse:
    search_url, site_search = _search_url()
    context = {
        "summary": selectors.home_summary(),
        "search_url": search_url,
        "site_search": site_search,
    }
    return render(request, "organizations/home.html", context)


@public_page
def municipality_list(request: HttpRequest) -> HttpResponse:
    form = MunicipalityFilterForm(request.GET or None)
    page = _page(request, selectors.municipalities(**form.filters()))
    context = {"form": form, "page_obj": page, "query_string": _query_string(request)}
    return render(request, "organizations/municipality_list.html", context)


@public_page
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
        "extra_section_templates": _extra_section_templates(),
        "can_manage_staff": permissions.can_manage_municipality_staff(request.user, municipality),
    }
    return render(request, "organizations/municipality_detail.html", context)


@public_page
def organization_list(request: HttpRequest) -> HttpResponse:
    form = OrganizationFilterForm(request.GET or None)
    page = _page(request, selectors.organizations(**form.filters()))
    context = {"form": form, "page_obj": page, "query_string": _query_string(request)}
    return render(request, "organizations/organization_list.html", context)


@public_page
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
