"""The public history of a plan's figures: the revision chain and whether it is intact."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ortak.core.pagecache import public_page
from ortak.monitoring import permissions
from ortak.monitoring.selectors.history import plan_history
from ortak.plans.selectors import plan_by_period


@public_page
def history(request: HttpRequest, slug: str, start: int, end: int) -> HttpResponse:
    plan = plan_by_period(slug=slug, start_year=start, end_year=end)
    if plan is None or not permissions.can_view_history(request.user, plan):
        raise Http404
    data = plan_history(plan, request.GET.get("page"))
    return render(request, "monitoring/history/history.html", {"plan": plan, "data": data})
