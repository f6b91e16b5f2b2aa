"""What every plans view asks first: the municipality or the plan of the URL, and may the reader
see it (404, so that a draft's existence does not leak) or act on it (403)."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from ortak.organizations.models import Municipality
from ortak.plans import selectors
from ortak.plans.models import StrategicPlan


def municipality_or_404(slug: str) -> Municipality:
    municipality = selectors.municipality_by_slug(slug)
    if municipality is None:
        raise Http404
    return municipality


def plan_or_404(request: HttpRequest, slug: str, start: int, end: int) -> StrategicPlan:
    """The plan of the URL's period, if the reader may see it (``permissions.can_view_plan``)."""
    plan = selectors.plan_visible_to(request.user, slug=slug, start_year=start, end_year=end)
    if plan is None:
        raise Http404
    return plan
