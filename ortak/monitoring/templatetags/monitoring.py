"""Template tags that put monitoring on other apps' pages (plans, organizations).

Those apps sit below monitoring (ARCHITECTURE §2), so their templates only include
``monitoring/_freshness_badge.html`` and ``monitoring/node_assessments.html``, which load their
data through these tags:

- ``{% freshness_badge node %}``: "son güncelleme" and "gecikmiş" for a plan, aim, objective
  or indicator (no query: the figures are stored on the node);
- ``{% municipality_freshness page_obj as freshness %}`` once per list (one query), then
  ``{% municipality_badge freshness municipality %}`` per row;
- ``{% municipality_monitoring municipality %}``: the municipality page's monitoring section;
- ``{% node_assessments node %}``: the "STK değerlendirmeleri" section of an objective or an
  indicator page, with the "sivil toplumun görüşü" summary on an objective's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.db import models
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from ortak.core.sanitize import render_markdown
from ortak.monitoring import permissions
from ortak.monitoring.models import Rating
from ortak.monitoring.selectors import assessments as assessment_selectors
from ortak.monitoring.selectors.dashboard import monitored_plan
from ortak.monitoring.selectors.freshness import (
    Freshness,
    freshness_of,
)
from ortak.monitoring.selectors.freshness import (
    municipality_freshness as _municipality_freshness,
)
from ortak.plans.models import NodeKind, Objective

register = template.Library()

RATING_CLASSES: dict[str, str] = {
    Rating.ON_TRACK: "badge-on-track",
    Rating.AT_RISK: "badge-at-risk",
    Rating.OFF_TRACK: "badge-off-track",
    Rating.CANNOT_ASSESS: "badge-not-reported",
}


@register.filter
def markdown(text: str | None) -> SafeString:
    """User text through the small markdown subset and the nh3 sanitiser (never raw HTML)."""
    return mark_safe(render_markdown(text or ""))


@register.filter
def rating_class(rating: str) -> str:
    return RATING_CLASSES.get(rating, "badge-not-reported")


@register.inclusion_tag("monitoring/_freshness_badge_tag.html")
def freshness_badge(node: Any, compact: bool = False) -> dict[str, Any]:
    return {"freshness": freshness_of(node), "compact": compact}


@register.simple_tag
def municipality_freshness(municipalities: Iterable[Any]) -> dict[int, Freshness]:
    return _municipality_freshness(list(municipalities))


@register.inclusion_tag("monitoring/_freshness_badge_tag.html")
def municipality_badge(freshness: dict[int, Freshness], municipality: Any) -> dict[str, Any]:
    return {"freshness": freshness.get(municipality.pk), "compact": True}


@register.inclusion_tag("monitoring/_municipality_monitoring.html", takes_context=True)
def municipality_monitoring(context: template.Context, municipality: Any) -> dict[str, Any]:
    """The municipality page's section: the monitored plan's freshness, its history and
    reports, and for the municipality's staff their dashboard (two to four queries)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    plan = monitored_plan(municipality, timezone.localdate())
    if plan is not None:
        plan.municipality = municipality
    return {
        "municipality": municipality,
        "plan": plan,
        "freshness": freshness_of(plan) if plan is not None else None,
        "compact": False,
        "is_staff": permissions.can_view_dashboard(user, municipality),
    }


@register.inclusion_tag("monitoring/assessments/section.html", takes_context=True)
def node_assessments(context: template.Context, node: models.Model) -> dict[str, Any]:
    """The assessments of an objective (and its activities) or an indicator."""
    request = context.get("request")
    user = getattr(request, "user", None)
    data = assessment_selectors.for_node(node)
    rows = [
        {
            "assessment": assessment,
            "activity": data.activities.get(assessment.node_id)
            if assessment.node_kind == NodeKind.ACTIVITY
            else None,
            "can_edit": permissions.can_edit_assessment(user, assessment),
            "can_reply": permissions.can_reply_to_assessment(user, assessment),
            "can_edit_reply": permissions.has_reply(assessment)
            and permissions.can_edit_reply(user, assessment.reply),
        }
        for assessment in data.assessments
    ]
    opinion = assessment_selectors.opinion_of(node) if isinstance(node, Objective) else None
    return {
        "node": node,
        "kind": data.kind,
        "kind_slug": "hedef" if data.kind == NodeKind.OBJECTIVE else "gosterge",
        "plan": data.plan,
        "rows": rows,
        "opinion": opinion,
        "can_assess": permissions.can_assess(user, data.plan),
        "request": request,
    }
