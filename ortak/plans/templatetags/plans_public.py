"""Template tags of the public plan pages.

``current_plan_summary`` lets the municipality page (organizations app) show the plan section
without importing plans: organizations sits below plans (ARCHITECTURE §2), so its view only
includes ``plans/municipality_plan_section.html``, which loads its data through this tag.
"""

from __future__ import annotations

import re
from typing import Any

from django import template

from ortak.organizations.models import Municipality
from ortak.plans import permissions
from ortak.plans.selectors import PlanSummary
from ortak.plans.selectors import current_plan_summary as _current_plan_summary

register = template.Library()

# A bullet typed at the start of a line of an objective card ("- ", "• ", "* ", "– ").
_BULLET = re.compile(r"^\s*[-•*–·▪]\s+")


@register.simple_tag
def current_plan_summary(municipality: Municipality) -> PlanSummary | None:
    """``{% current_plan_summary municipality as summary %}``: three queries."""
    return _current_plan_summary(municipality)


@register.simple_tag(takes_context=True)
def plan_editor_of(context: dict[str, Any], municipality: Municipality) -> bool:
    """``{% plan_editor_of municipality as is_editor %}``: may the reader edit and import plans?

    Free for visitors; a signed-in reader costs the membership and second-factor queries once
    per request (``permissions.is_plan_editor`` remembers the answer on the user).
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    return user is not None and permissions.can_create_plan(user, municipality)


@register.filter
def lines(text: str | None) -> list[str]:
    """The non-empty lines of a multi-line card field, without typed bullets.

    Risks, strategies, findings and needs come from plan documents as one item per line.
    """
    if not text:
        return []
    items = (_BULLET.sub("", line).strip() for line in str(text).splitlines())
    return [item for item in items if item]
