"""Registering organizations, their profile, and the moderators' verification decisions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.notifications.services import notify
from ortak.organizations import permissions
from ortak.organizations.models import (
    Membership,
    Municipality,
    Organization,
    Province,
)
from ortak.organizations.services._common import (
    Role,
    _organization_admins,
    _require,
    _target_url,
    organization_slug,
)


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
