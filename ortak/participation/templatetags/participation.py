"""Template helpers of participation, and the sections other apps' pages include.

- ``{{ text|markdown }}``: user text rendered through the sanitiser (never raw HTML);
- ``{% node_contributions node %}``: a plan node's suggestions and offers with "add" buttons
  (used by ``participation/node_section.html``, which plan pages include);
- ``{% responsiveness_section municipality %}``: a municipality's responsiveness figures
  (used by ``participation/municipality_section.html``, which the municipality page includes).
"""

from __future__ import annotations

from typing import Any

from django import template
from django.db import models
from django.utils.safestring import SafeString, mark_safe

from ortak.core.sanitize import render_markdown
from ortak.organizations.models import Municipality
from ortak.participation import permissions, selectors
from ortak.participation.models import Contribution
from ortak.plans.nodes import kind_of, plan_of

register = template.Library()

STATUS_CLASSES: dict[str, str] = {
    Contribution.Status.RECEIVED: "text-bg-secondary",
    Contribution.Status.UNDER_REVIEW: "text-bg-info",
    Contribution.Status.ACCEPTED: "text-bg-success",
    Contribution.Status.PARTLY_ACCEPTED: "text-bg-success",
    Contribution.Status.DECLINED: "text-bg-danger",
    Contribution.Status.IMPLEMENTED: "text-bg-primary",
}


@register.filter
def markdown(text: str | None) -> SafeString:
    """Render user text: a small markdown subset, sanitised by nh3 (ortak.core.sanitize)."""
    return mark_safe(render_markdown(text or ""))


@register.filter
def status_class(status: str) -> str:
    return STATUS_CLASSES.get(status, "text-bg-secondary")


@register.inclusion_tag("participation/node_contributions.html", takes_context=True)
def node_contributions(context: template.Context, node: models.Model) -> dict[str, Any]:
    """A plan node's latest suggestions and offers (three or four queries)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    kind = kind_of(node)
    plan = plan_of(node)
    return {
        "request": request,
        "user": user,
        "node_contributions": selectors.contributions_for_node(kind, node.pk, user),
        "accepts_contributions": permissions.accepts_contributions(plan),
    }


@register.inclusion_tag("participation/responsiveness.html")
def responsiveness_section(municipality: Municipality) -> dict[str, Any]:
    """The municipality's public responsiveness figures, total and per unit (one query)."""
    return {
        "municipality": municipality,
        "figures": selectors.figures_of_municipality(municipality),
    }
