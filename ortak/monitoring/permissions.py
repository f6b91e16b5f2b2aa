"""Who may do what in monitoring: named questions (STYLE rule 5).

The measurement workflow (ARCHITECTURE §3: draft → submitted → published):

- unit staff enter a value as a draft and submit it: a municipality member with the responder
  role whose unit owns the indicator (a responder without a unit answers for every unit, as in
  ``organizations.permissions``), or the indicator's named owner while they hold any role in
  the municipality; editors and admins may do it too;
- the strategy unit (editors and admins) publishes a submitted value, or sends it back;
- only an adopted plan is monitored; a published value then changes only through a revision
  (``ortak.plans.services.update_measurement``).

CSO assessments: members of a verified organization assess objectives, indicators and activities
of adopted (or archived) plans for that organization; the municipality's editors and admins reply
once. Municipality powers need MFA, like everywhere else.

A page asks many of these questions (one per row of the dashboard); the user's memberships
(municipality roles and organizations) and second factor are read once per request and
remembered on the user object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ObjectDoesNotExist

from ortak.monitoring.models import Assessment, AssessmentReply
from ortak.organizations import permissions as org_permissions
from ortak.organizations.models import Membership, Municipality, Organization
from ortak.plans.models import Indicator, Measurement, StrategicPlan
from ortak.plans.permissions import can_view_plan

__all__ = [
    "StaffRole",
    "can_assess",
    "can_assess_for",
    "can_assign_owner",
    "can_draft_measurement",
    "can_edit_assessment",
    "can_edit_calendar",
    "can_edit_draft",
    "can_edit_reply",
    "can_publish_measurement",
    "can_reply_to_assessment",
    "can_return_measurement",
    "can_submit_measurement",
    "can_view_dashboard",
    "can_view_history",
    "has_reply",
    "is_monitored",
    "staff_role",
]

Role = Membership.Role
Status = Measurement.Status

_MEMBERSHIPS_CACHE = "_ortak_monitoring_memberships"
_MFA_CACHE = "_ortak_monitoring_mfa"


@dataclass(frozen=True)
class StaffRole:
    """A user's role in one municipality, usable only with an active second factor."""

    role: str
    unit_id: int | None

    @property
    def is_editor(self) -> bool:
        return self.role in org_permissions.MUNICIPALITY_EDITOR_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == Role.MUNICIPALITY_ADMIN


def _memberships(user: Any) -> list[Membership]:
    """All the user's memberships with their organizations: one query, remembered."""
    cached: list[Membership] | None = getattr(user, _MEMBERSHIPS_CACHE, None)
    if cached is None:
        cached = list(Membership.objects.filter(user_id=user.pk).select_related("organization"))
        setattr(user, _MEMBERSHIPS_CACHE, cached)
    return cached


def _has_mfa(user: Any) -> bool:
    cached: bool | None = getattr(user, _MFA_CACHE, None)
    if cached is None:
        cached = org_permissions.has_active_mfa(user)
        setattr(user, _MFA_CACHE, cached)
    return cached


def staff_role(user: Any, municipality: Municipality | int) -> StaffRole | None:
    """The user's usable role in the municipality (None without one, or without MFA).

    The user's memberships are read once per request (one query, shared with the organization
    questions), the second factor once more when they hold a municipality role. A superuser
    counts as an admin everywhere.
    """
    if not org_permissions.is_signed_in(user):
        return None
    if org_permissions.is_platform_admin(user):
        return StaffRole(Role.MUNICIPALITY_ADMIN, None)
    municipality_id = municipality if isinstance(municipality, int) else municipality.pk
    membership = next((m for m in _memberships(user) if m.municipality_id == municipality_id), None)
    if membership is None or not _has_mfa(user):
        return None
    return StaffRole(membership.role, membership.unit_id)


def forget_cached_roles(user: Any) -> None:
    """Drop the remembered answers (after a role change within one request, and in tests)."""
    for name in (_MEMBERSHIPS_CACHE, _MFA_CACHE):
        if hasattr(user, name):
            delattr(user, name)


def is_monitored(plan: StrategicPlan) -> bool:
    """Values are reported on adopted plans only (a draft is not monitored, an archive closed)."""
    return plan.status == StrategicPlan.Status.ADOPTED


# --- The measurement workflow ----------------------------------------------------------


def _is_editor(user: Any, municipality_id: int) -> bool:
    role = staff_role(user, municipality_id)
    return role is not None and role.is_editor


def _is_unit_staff(user: Any, indicator: Indicator) -> bool:
    """Editors and admins; responders of the indicator's owner unit; its named owner."""
    role = staff_role(user, indicator.plan.municipality_id)
    if role is None:
        return False
    if role.is_editor or indicator.owner_id == user.pk:
        return True
    return role.role == Role.RESPONDER and role.unit_id in (None, indicator.owner_unit_id)


def can_draft_measurement(user: Any, indicator: Indicator) -> bool:
    """Enter a new value of a monitored plan's indicator as a draft."""
    return is_monitored(indicator.plan) and _is_unit_staff(user, indicator)


def can_edit_draft(user: Any, measurement: Measurement) -> bool:
    """Change a value before publication: unit staff while it is a draft, editors until then."""
    indicator = measurement.indicator
    if not is_monitored(indicator.plan) or measurement.status == Status.PUBLISHED:
        return False
    if measurement.status == Status.SUBMITTED:
        return _is_editor(user, indicator.plan.municipality_id)
    return _is_unit_staff(user, indicator)


def can_submit_measurement(user: Any, measurement: Measurement) -> bool:
    """Send a draft to the strategy unit for publication."""
    return measurement.status == Status.DRAFT and can_draft_measurement(user, measurement.indicator)


def can_publish_measurement(user: Any, measurement: Measurement) -> bool:
    """Publish a submitted value (or an editor's own draft): the strategy unit."""
    plan = measurement.indicator.plan
    return (
        measurement.status in (Status.DRAFT, Status.SUBMITTED)
        and is_monitored(plan)
        and _is_editor(user, plan.municipality_id)
    )


def can_return_measurement(user: Any, measurement: Measurement) -> bool:
    """Send a submitted value back to the unit as a draft, with a note."""
    plan = measurement.indicator.plan
    return (
        measurement.status == Status.SUBMITTED
        and is_monitored(plan)
        and _is_editor(user, plan.municipality_id)
    )


def can_assign_owner(user: Any, indicator: Indicator) -> bool:
    """Name the indicator's owner unit and staff: the strategy unit, on a plan not archived.

    Owners are operational, not plan content: they change after adoption without a revision.
    """
    plan = indicator.plan
    return plan.status != StrategicPlan.Status.ARCHIVED and _is_editor(user, plan.municipality_id)


def can_view_dashboard(user: Any, municipality: Municipality) -> bool:
    """The staff dashboard: anyone with a role in the municipality (and MFA)."""
    return staff_role(user, municipality) is not None


def can_edit_calendar(user: Any, municipality: Municipality) -> bool:
    """Move the municipality's due dates: editors (strategy unit) and admins."""
    return _is_editor(user, municipality.pk)


# --- CSO assessments -------------------------------------------------------------------


def acting_organizations(user: Any) -> list[Organization]:
    """The verified organizations the user may act for, by name (no query of its own)."""
    if not org_permissions.is_signed_in(user):
        return []
    found = {
        m.organization.pk: m.organization
        for m in _memberships(user)
        if m.organization is not None
        and m.role in org_permissions.ORGANIZATION_ACTING_ROLES
        and m.organization.is_verified
    }
    return sorted(found.values(), key=lambda o: o.name_sort)


def accepts_assessments(plan: StrategicPlan) -> bool:
    """Adopted plans are assessed; an archived plan's record stays open to late assessments."""
    return plan.status in (StrategicPlan.Status.ADOPTED, StrategicPlan.Status.ARCHIVED)


def can_assess(user: Any, plan: StrategicPlan) -> bool:
    """Whether the user may assess this plan's items for at least one organization."""
    return accepts_assessments(plan) and bool(acting_organizations(user))


def can_assess_for(user: Any, plan: StrategicPlan, organization: Organization) -> bool:
    """Assess on behalf of ``organization``: a member of it, once it is verified."""
    return accepts_assessments(plan) and any(
        o.pk == organization.pk for o in acting_organizations(user)
    )


def has_reply(assessment: Assessment) -> bool:
    """Whether the municipality has replied (no query when ``reply`` was selected with it)."""
    try:
        assessment.reply  # noqa: B018 - the reverse one-to-one raises when there is none
    except ObjectDoesNotExist:
        return False
    return True


def can_edit_assessment(user: Any, assessment: Assessment) -> bool:
    """The organization's members change their assessment until the municipality replies."""
    return not has_reply(assessment) and can_assess_for(
        user, assessment.plan, assessment.organization
    )


def can_reply_to_assessment(user: Any, assessment: Assessment) -> bool:
    """The municipality's right of reply, once: its editors and admins (with MFA)."""
    return not has_reply(assessment) and _is_editor(user, assessment.plan.municipality_id)


def can_edit_reply(user: Any, reply: AssessmentReply) -> bool:
    """The reply stays the municipality's: its editors and admins may correct it."""
    return _is_editor(user, reply.assessment.plan.municipality_id)


# --- Public pages ----------------------------------------------------------------------


def can_view_history(user: Any, plan: StrategicPlan) -> bool:
    """The revision chain is public wherever the plan is."""
    return can_view_plan(user, plan)
