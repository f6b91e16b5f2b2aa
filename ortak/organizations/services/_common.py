"""Helpers shared by the services of this app."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ortak.core.turkish import slugify
from ortak.organizations.models import (
    Membership,
    Municipality,
    Organization,
    Unit,
)

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


def _members_url(target: Municipality | Organization) -> str:
    if isinstance(target, Municipality):
        return reverse("organizations:municipality_staff", args=[target.slug])
    return reverse("organizations:organization_members", args=[target.slug])
