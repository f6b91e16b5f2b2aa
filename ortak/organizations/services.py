"""Every state change of organizations, memberships, invitations and units (STYLE rule 1).

Each service is one transaction, checks its permission with ``permissions.py`` (raising
``PermissionDenied``), validates with ``full_clean()``, leaves an audit row and sends its side
effects (notifications, e-mail) only after commit.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import timedelta
from functools import partial
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.core.turkish import slugify
from ortak.notifications.services import notify
from ortak.organizations import permissions
from ortak.organizations.models import (
    Invitation,
    Membership,
    Municipality,
    Organization,
    Province,
    Unit,
)
from ortak.organizations.tasks import send_invitation_email

INVITATION_VALID_DAYS = 14
# Path segments under /kuruluslar/ and /belediyeler/<slug>/ that are pages, never slugs.
RESERVED_SLUGS = frozenset({"yeni", "inceleme", "ara"})

Role = Membership.Role


# --- Helpers --------------------------------------------------------------------------


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _unique_slug(base: str, taken: Iterable[str], max_length: int) -> str:
    taken_set = set(taken)
    base = (base or "kurulus")[: max_length - 4].rstrip("-")
    candidate = base
    number = 2
    while candidate in taken_set or candidate in RESERVED_SLUGS:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def organization_slug(name: str) -> str:
    base = slugify(name, max_length=86)
    taken = Organization.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    return _unique_slug(base, taken, 90)


def _unit_slug(municipality: Municipality, name: str, exclude: Unit | None = None) -> str:
    base = slugify(name, max_length=76) or "birim"
    taken = Unit.objects.filter(municipality=municipality, slug__startswith=base)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    return _unique_slug(base, taken.values_list("slug", flat=True), 80)


def _target_kwargs(target: Municipality | Organization) -> dict[str, Any]:
    if isinstance(target, Municipality):
        return {"municipality": target}
    return {"organization": target}


def _admin_role_for(target: Municipality | Organization) -> str:
    return Role.MUNICIPALITY_ADMIN if isinstance(target, Municipality) else Role.ORGANIZATION_ADMIN


def _roles_for(target: Municipality | Organization) -> tuple[str, ...]:
    if isinstance(target, Municipality):
        return tuple(Membership.MUNICIPALITY_ROLES)
    return tuple(Membership.ORGANIZATION_ROLES)


def _check_role(target: Municipality | Organization, role: str) -> None:
    if role not in _roles_for(target):
        raise ValidationError({"role": _("This role does not exist here.")}, code="role")


def _target_url(target: Municipality | Organization) -> str:
    if isinstance(target, Municipality):
        return reverse("organizations:municipality_detail", args=[target.slug])
    return reverse("organizations:organization_detail", args=[target.slug])


def _organization_admins(organization: Organization) -> list[Any]:
    memberships = Membership.objects.filter(
        organization=organization, role=Role.ORGANIZATION_ADMIN
    ).select_related("user")
    return [membership.user for membership in memberships]


# --- Organizations --------------------------------------------------------------------


@transaction.atomic
def register_organization(
    *,
    actor: Any,
    name: str,
    kind: str,
    province: Province,
    municipality: Municipality | None = None,
    registry_number: str = "",
    fields_of_activity: Iterable[str] = (),
    description: str = "",
    website: str = "",
    email: str = "",
) -> Organization:
    """Register an organization as pending; the registrant becomes its organization admin."""
    _require(permissions.can_register_organization(actor))
    organization = Organization(
        name=name.strip(),
        slug=organization_slug(name),
        kind=kind,
        province=province,
        municipality=municipality,
        registry_number=registry_number.strip(),
        fields_of_activity=list(fields_of_activity),
        description=description.strip(),
        website=website,
        email=email,
        verification=Organization.Verification.PENDING,
        created_by=actor,
    )
    organization.full_clean()
    organization.save()
    membership = Membership(user=actor, organization=organization, role=Role.ORGANIZATION_ADMIN)
    membership.full_clean()
    membership.save()
    record_event(actor=actor, action="organization.registered", target=organization)
    _notify_moderators(organization, actor)
    return organization


ORGANIZATION_PROFILE_FIELDS = (
    "name",
    "kind",
    "province",
    "municipality",
    "registry_number",
    "fields_of_activity",
    "description",
    "website",
    "email",
)


@transaction.atomic
def update_organization(*, actor: Any, organization: Organization, **changes: Any) -> Organization:
    """Change an organization's public profile (its admins, or a platform admin)."""
    _require(permissions.can_edit_organization(actor, organization))
    unknown = set(changes) - set(ORGANIZATION_PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"update_organization() got unexpected fields: {sorted(unknown)}")
    before = {field: str(getattr(organization, field)) for field in changes}
    for field, value in changes.items():
        if field == "fields_of_activity":
            value = list(value)
        elif isinstance(value, str):
            value = value.strip()
        setattr(organization, field, value)
    organization.full_clean()
    organization.save()
    changed = {
        field: {"old": before[field], "new": str(getattr(organization, field))}
        for field in changes
        if before[field] != str(getattr(organization, field))
    }
    record_event(
        actor=actor, action="organization.updated", target=organization, data={"changes": changed}
    )
    return organization


def _locked(organization: Organization) -> Organization:
    return Organization.objects.select_for_update().get(pk=organization.pk)


@transaction.atomic
def verify_organization(*, actor: Any, organization: Organization, note: str = "") -> Organization:
    """A moderator confirms the organization is real; its members may then act for it."""
    _require(permissions.can_verify_organization(actor, organization))
    organization = _locked(organization)
    if organization.verification == Organization.Verification.VERIFIED:
        raise ValidationError(_("This organization is already verified."), code="already")
    organization.verification = Organization.Verification.VERIFIED
    organization.verified_by = actor
    organization.verified_at = timezone.now()
    organization.verification_note = note.strip()
    organization.full_clean()
    organization.save()
    record_event(
        actor=actor, action="organization.verified", target=organization, data={"note": note}
    )
    for admin in _organization_admins(organization):
        notify(
            recipient=admin,
            verb="organizations.verified",
            params={"organization": organization.name},
            url=_target_url(organization),
            actor=actor,
        )
    return organization


@transaction.atomic
def reject_organization(*, actor: Any, organization: Organization, reason: str) -> Organization:
    """A moderator refuses (or withdraws) verification, always with a reason the admins read."""
    _require(permissions.can_verify_organization(actor, organization))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Please give the reason for the rejection.")}, code="reason_required"
        )
    organization = _locked(organization)
    if organization.verification == Organization.Verification.REJECTED:
        raise ValidationError(_("This organization is already rejected."), code="already")
    organization.verification = Organization.Verification.REJECTED
    organization.verified_by = actor
    organization.verified_at = timezone.now()
    organization.verification_note = reason
    organization.full_clean()
    organization.save()
    record_event(
        actor=actor, action="organization.rejected", target=organization, data={"reason": reason}
    )
    for admin in _organization_admins(organization):
        notify(
            recipient=admin,
            verb="organizations.rejected",
            params={"organization": organization.name, "reason": reason},
            url=_target_url(organization),
            actor=actor,
        )
    return organization


@transaction.atomic
def resubmit_organization(*, actor: Any, organization: Organization) -> Organization:
    """After a rejection, the organization's admin asks the moderators to look again."""
    _require(permissions.can_edit_organization(actor, organization))
    organization = _locked(organization)
    if organization.verification != Organization.Verification.REJECTED:
        raise ValidationError(
            _("Only a rejected organization can ask for verification again."), code="not_rejected"
        )
    previous_reason = organization.verification_note
    organization.verification = Organization.Verification.PENDING
    organization.full_clean()
    organization.save()
    record_event(
        actor=actor,
        action="organization.resubmitted",
        target=organization,
        data={"previous_reason": previous_reason},
    )
    _notify_moderators(organization, actor, verb="organizations.resubmitted")
    return organization


def _notify_moderators(
    organization: Organization, actor: Any, verb: str = "organizations.registered"
) -> None:
    moderators = get_user_model().objects.filter(
        Q(is_moderator=True) | Q(is_superuser=True), is_active=True, erased_at__isnull=True
    )
    for moderator in moderators:
        notify(
            recipient=moderator,
            verb=verb,
            params={"organization": organization.name},
            url=reverse("organizations:moderation_queue"),
            actor=actor,
        )


# --- Memberships ----------------------------------------------------------------------


def _ensure_another_admin_remains(membership: Membership) -> None:
    """No one removes or demotes the last admin: the organization would be orphaned."""
    if not membership.is_admin:
        return
    admins = list(
        Membership.objects.select_for_update()
        .filter(role=membership.role, **_target_kwargs(membership.target))
        .values_list("pk", flat=True)
    )
    if [pk for pk in admins if pk != membership.pk]:
        return
    raise ValidationError(
        _("%(target)s needs at least one admin: make someone else an admin first."),
        code="last_admin",
        params={"target": str(membership.target)},
    )


@transaction.atomic
def change_membership_role(
    *, actor: Any, membership: Membership, role: str, unit: Unit | None = None
) -> Membership:
    """Give a member another role (and, in a municipality, another unit)."""
    _require(permissions.can_manage_membership(actor, membership))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _check_role(membership.target, role)
    if membership.organization_id is not None and unit is not None:
        raise ValidationError({"unit": _("Organizations have no units.")}, code="unit")
    if membership.is_admin and role != membership.role:
        _ensure_another_admin_remains(membership)
    old_role, old_unit = membership.role, membership.unit_id
    membership.role = role
    membership.unit = unit
    membership.full_clean()
    membership.save()
    record_event(
        actor=actor,
        action="membership.role_changed",
        target=membership.target,
        data={
            "user_id": membership.user_id,
            "old_role": old_role,
            "new_role": role,
            "old_unit_id": old_unit,
            "new_unit_id": unit.pk if unit else None,
        },
    )
    notify(
        recipient=membership.user,
        verb="organizations.role_changed",
        params={"target": str(membership.target)},
        url=reverse("organizations:my_memberships"),
        actor=actor,
    )
    return membership


@transaction.atomic
def remove_membership(*, actor: Any, membership: Membership) -> None:
    """An admin removes a member, or a member leaves; the last admin stays."""
    _require(
        permissions.can_manage_membership(actor, membership)
        or permissions.can_leave(actor, membership)
    )
    membership = (
        Membership.objects.select_for_update()
        .select_related("user", "municipality", "organization")
        .get(pk=membership.pk)
    )
    _ensure_another_admin_remains(membership)
    target, user = membership.target, membership.user
    membership.delete()
    record_event(
        actor=actor,
        action="membership.removed",
        target=target,
        data={"user_id": user.pk, "role": membership.role},
    )
    notify(
        recipient=user,
        verb="organizations.membership_removed",
        params={"target": str(target)},
        url=_target_url(target),
        actor=actor,
    )


# --- Invitations ----------------------------------------------------------------------


@transaction.atomic
def invite_member(
    *,
    actor: Any,
    email: str,
    role: str,
    municipality: Municipality | None = None,
    organization: Organization | None = None,
    unit: Unit | None = None,
) -> Invitation:
    """E-mail someone an offer of a role; a newer invitation replaces an open older one."""
    if (municipality is None) == (organization is None):
        raise TypeError("invite_member() needs exactly one of municipality or organization")
    target: Municipality | Organization = municipality or organization  # type: ignore[assignment]
    _require(permissions.can_invite_to(actor, municipality=municipality, organization=organization))
    _check_role(target, role)
    email = (email or "").strip().lower()
    already = Membership.objects.filter(user__email__iexact=email, **_target_kwargs(target))
    if email and already.exists():
        raise ValidationError(
            {"email": _("This person is already a member; change their role instead.")},
            code="already_member",
        )
    now = timezone.now()
    Invitation.objects.filter(
        email=email, accepted_at__isnull=True, revoked_at__isnull=True, **_target_kwargs(target)
    ).update(revoked_at=now)
    invitation = Invitation(
        email=email,
        role=role,
        unit=unit,
        token=secrets.token_urlsafe(32),
        invited_by=actor,
        expires_at=now + timedelta(days=INVITATION_VALID_DAYS),
        **_target_kwargs(target),
    )
    invitation.full_clean()
    invitation.save()
    record_event(
        actor=actor,
        action="invitation.sent",
        target=target,
        data={"invitation_id": invitation.pk, "email": email, "role": role},
    )
    language = get_language() or "tr"
    transaction.on_commit(
        partial(send_invitation_email.enqueue, invitation_id=invitation.pk, language=language)
    )
    return invitation


@transaction.atomic
def revoke_invitation(*, actor: Any, invitation: Invitation) -> Invitation:
    _require(
        permissions.can_invite_to(
            actor, municipality=invitation.municipality, organization=invitation.organization
        )
    )
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None or invitation.revoked_at is not None:
        raise ValidationError(_("This invitation is no longer open."), code="closed")
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at", "updated_at"])
    record_event(
        actor=actor,
        action="invitation.revoked",
        target=invitation.target,
        data={"invitation_id": invitation.pk, "email": invitation.email},
    )
    return invitation


@transaction.atomic
def accept_invitation(*, user: Any, invitation: Invitation) -> Membership:
    """The invited person, signed in with the invited address, takes up the role."""
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("municipality", "organization", "unit", "invited_by")
        .get(pk=invitation.pk)
    )
    if invitation.accepted_at is not None or invitation.revoked_at is not None:
        raise ValidationError(_("This invitation is no longer open."), code="closed")
    if invitation.is_expired:
        raise ValidationError(_("This invitation has expired. Ask for a new one."), code="expired")
    _require(permissions.can_accept_invitation(user, invitation))
    target = invitation.target
    if Membership.objects.filter(user=user, **_target_kwargs(target)).exists():
        raise ValidationError(
            _("You already have a role in %(target)s."),
            code="already_member",
            params={"target": str(target)},
        )
    membership = Membership(user=user, role=invitation.role, unit=invitation.unit)
    for field, value in _target_kwargs(target).items():
        setattr(membership, field, value)
    membership.full_clean()
    membership.save()
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    record_event(
        actor=user,
        action="invitation.accepted",
        target=target,
        data={"invitation_id": invitation.pk, "role": invitation.role},
    )
    if invitation.invited_by is not None:
        notify(
            recipient=invitation.invited_by,
            verb="organizations.invitation_accepted",
            params={"user": user.public_name, "target": str(target)},
            url=_members_url(target),
            actor=user,
        )
    return membership


def _members_url(target: Municipality | Organization) -> str:
    if isinstance(target, Municipality):
        return reverse("organizations:municipality_staff", args=[target.slug])
    return reverse("organizations:organization_members", args=[target.slug])


# --- Units ----------------------------------------------------------------------------


def _make_strategy_unit(unit: Unit) -> None:
    """There is one strategy unit per municipality: moving the flag clears the old one."""
    Unit.objects.filter(municipality_id=unit.municipality_id, is_strategy_unit=True).exclude(
        pk=unit.pk
    ).update(is_strategy_unit=False, updated_at=timezone.now())


@transaction.atomic
def create_unit(
    *, actor: Any, municipality: Municipality, name: str, is_strategy_unit: bool = False
) -> Unit:
    _require(permissions.can_manage_units(actor, municipality))
    name = name.strip()
    unit = Unit(
        municipality=municipality,
        name=name,
        slug=_unit_slug(municipality, name),
        is_strategy_unit=False,
    )
    unit.full_clean()
    unit.save()
    if is_strategy_unit:
        _make_strategy_unit(unit)
        unit.is_strategy_unit = True
        unit.save(update_fields=["is_strategy_unit", "updated_at"])
    record_event(actor=actor, action="unit.created", target=unit)
    return unit


@transaction.atomic
def update_unit(*, actor: Any, unit: Unit, name: str, is_strategy_unit: bool) -> Unit:
    _require(permissions.can_manage_units(actor, unit.municipality))
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    if unit.is_strategy_unit and not is_strategy_unit:
        raise ValidationError(
            {
                "is_strategy_unit": _(
                    "Every municipality needs a strategy unit: mark another unit as the strategy unit instead."
                )
            },
            code="strategy_unit_required",
        )
    old_name = unit.name
    name = name.strip()
    if name != unit.name:
        unit.name = name
        unit.slug = _unit_slug(unit.municipality, name, exclude=unit)
    if is_strategy_unit and not unit.is_strategy_unit:
        _make_strategy_unit(unit)
        unit.is_strategy_unit = True
    unit.full_clean()
    unit.save()
    record_event(
        actor=actor,
        action="unit.updated",
        target=unit,
        data={"old_name": old_name, "is_strategy_unit": unit.is_strategy_unit},
    )
    return unit


@transaction.atomic
def delete_unit(*, actor: Any, unit: Unit) -> None:
    """Delete a unit that nothing depends on; staff assigned to it keep their role."""
    _require(permissions.can_manage_units(actor, unit.municipality))
    if unit.is_strategy_unit:
        raise ValidationError(
            _("The strategy unit cannot be deleted: contributions are routed to it."),
            code="strategy_unit",
        )
    record_event(actor=actor, action="unit.deleted", target=unit, data={"name": unit.name})
    try:
        with transaction.atomic():
            unit.delete()
    except ProtectedError as exc:
        raise ValidationError(
            _("This unit is still responsible for plan items; reassign them first."),
            code="unit_in_use",
        ) from exc
