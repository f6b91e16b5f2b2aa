"""Who may do what with strategic plans: named questions (STYLE rule 5).

Services enforce them (``PermissionDenied``), views answer 403/404 with them, templates use them
to decide what to show. Editors are users with an ``editor`` or ``municipality_admin`` membership
of the plan's municipality *and* an active second factor (``organizations.permissions``);
superusers may do everything. Nobody acts on another municipality's plans.

Two kinds of change exist (ARCHITECTURE §3): while a plan is a draft or in consultation its
editors change it in place; once adopted (or archived) its figures change only through revisions
that the public sees, and its tree (aims, objectives, indicators) is frozen.
"""

from __future__ import annotations

from typing import Any

from ortak.organizations import permissions as org_permissions
from ortak.organizations.models import Municipality
from ortak.plans.models import Indicator, StrategicPlan

_CACHE_ATTR = "_ortak_plans_editor_of"


def is_superuser(user: Any) -> bool:
    return org_permissions.is_platform_admin(user)


def is_plan_editor(user: Any, municipality: Municipality | int) -> bool:
    """An editor or admin (with MFA) of the municipality, or a superuser.

    Remembered on the user object per municipality, so that a page asking several questions
    costs the membership and MFA queries once.
    """
    if not org_permissions.is_signed_in(user):
        return False
    if is_superuser(user):
        return True
    municipality_id = municipality if isinstance(municipality, int) else municipality.pk
    cache: dict[int, bool] = getattr(user, _CACHE_ATTR, None) or {}
    if municipality_id not in cache:
        target = (
            municipality
            if isinstance(municipality, Municipality)
            else Municipality(pk=municipality_id)
        )
        cache[municipality_id] = org_permissions.is_municipality_editor(user, target)
        setattr(user, _CACHE_ATTR, cache)
    return cache[municipality_id]


def forget_editor_state(user: Any) -> None:
    """Drop the remembered answers (after a role or MFA change within one request)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


# --- Reading ---------------------------------------------------------------------------


def can_view_plan(user: Any, plan: StrategicPlan) -> bool:
    """Public once out of draft; a draft only to its municipality's editors."""
    return plan.is_public or is_plan_editor(user, plan.municipality_id)


def can_view_plan_audit(user: Any, plan: StrategicPlan) -> bool:
    """The full data-quality audit with links to fix things (the public sees a summary)."""
    return is_plan_editor(user, plan.municipality_id)


# --- Writing -----------------------------------------------------------------------------


def can_create_plan(user: Any, municipality: Municipality) -> bool:
    return is_plan_editor(user, municipality)


def can_import_plan(user: Any, municipality: Municipality) -> bool:
    return is_plan_editor(user, municipality)


def can_edit_plan(user: Any, plan: StrategicPlan) -> bool:
    """Edit the plan's texts (mission, vision, values, card texts) and open its editor pages."""
    return is_plan_editor(user, plan.municipality_id)


def can_edit_structure(user: Any, plan: StrategicPlan) -> bool:
    """Add, change or delete aims, objectives, indicators and their figures in place.

    Only before adoption: an adopted plan changes through revisions (``can_revise_figures``).
    """
    return not plan.is_locked and can_edit_plan(user, plan)


def can_edit_activities(user: Any, plan: StrategicPlan) -> bool:
    """Activities and their costs are the yearly programme's business: editable until archived."""
    return plan.status != StrategicPlan.Status.ARCHIVED and can_edit_plan(user, plan)


def can_publish_plan(user: Any, plan: StrategicPlan) -> bool:
    """Move the plan through draft → consultation → adopted → archived."""
    return is_plan_editor(user, plan.municipality_id)


def can_revise_figures(user: Any, plan: StrategicPlan) -> bool:
    """Change a target or a recorded value of an adopted plan by appending a revision."""
    return plan.is_locked and can_edit_plan(user, plan)


def can_enter_measurement(user: Any, indicator: Indicator) -> bool:
    """Record a new value: on a plan that is not archived (an archived plan is closed)."""
    plan = indicator.plan
    return plan.status != StrategicPlan.Status.ARCHIVED and is_plan_editor(
        user, plan.municipality_id
    )


def can_delete_plan(user: Any, plan: StrategicPlan) -> bool:
    """Only a draft disappears without a trace; anything published stays on record."""
    return plan.status == StrategicPlan.Status.DRAFT and can_edit_plan(user, plan)
