"""Template tags of the public plan pages.

``current_plan_summary`` lets the municipality page (organizations app) show the plan section
without importing plans: organizations sits below plans (ARCHITECTURE §2), so its view only
includes ``plans/municipality_plan_section.html``, which loads its data through this tag.
"""

from __future__ import annotations

from django import template

from ortak.organizations.models import Municipality
from ortak.plans.selectors import PlanSummary
from ortak.plans.selectors import current_plan_summary as _current_plan_summary

register = template.Library()


@register.simple_tag
def current_plan_summary(municipality: Municipality) -> PlanSummary | None:
    """``{% current_plan_summary municipality as summary %}``: three queries."""
    return _current_plan_summary(municipality)
