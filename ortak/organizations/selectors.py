"""Reads of municipalities, organizations and memberships, with their joins written once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from ortak.core.turkish import search_key
from ortak.organizations.models import (
    Invitation,
    Membership,
    Municipality,
    Organization,
    Province,
    Unit,
)

# Members are listed admins first, then the other roles, each group by name.
_ROLE_ORDER = {
    Membership.Role.MUNICIPALITY_ADMIN: 0,
    Membership.Role.ORGANIZATION_ADMIN: 0,
    Membership.Role.EDITOR: 1,
    Membership.Role.REPRESENTATIVE: 1,
    Membership.Role.RESPONDER: 2,
    Membership.Role.MEMBER: 2,
}


@dataclass(frozen=True)
class HomeSummary:
    pilots: list[Municipality]
    others: list[Municipality]
    other_count: int
    municipality_count: int
    organization_count: int


def provinces() -> QuerySet[Province]:
    return Province.objects.order_by("name_sort")


def municipalities(
    *, q: str = "", province: Province | None = None, kind: str = ""
) -> QuerySet[Municipality]:
    """Municipalities in Turkish alphabetical order, filtered by name, province and kind."""
    qs = Municipality.objects.select_related("province", "parent").order_by("name_sort", "pk")
    key = search_key(q or "")
    if key:
        qs = qs.filter(search_text__contains=key)
    if province is not None:
        qs = qs.filter(province=province)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def municipality_by_slug(slug: str) -> Municipality:
    return Municipality.objects.select_related("province", "parent").get(slug=slug)


def units_of(municipality: Municipality) -> QuerySet[Unit]:
    """The units, strategy unit first, with how many staff are assigned to each."""
    return (
        Unit.objects.filter(municipality=municipality)
        .annotate(staff_count=Count("memberships"))
        .order_by("-is_strategy_unit", "name", "pk")
    )


def organizations_of_municipality(municipality: Municipality) -> QuerySet[Organization]:
    return (
        Organization.objects.filter(
            municipality=municipality, verification=Organization.Verification.VERIFIED
        )
        .select_related("province")
        .order_by("name_sort", "pk")
    )


def organizations(
    *, q: str = "", province: Province | None = None, kind: str = "", verified_only: bool = False
) -> QuerySet[Organization]:
    """The public directory: verified and pending organizations, never rejected ones."""
    qs = (
        Organization.objects.exclude(verification=Organization.Verification.REJECTED)
        .select_related("province", "municipality")
        .order_by("name_sort", "pk")
    )
    key = search_key(q or "")
    if key:
        qs = qs.filter(search_text__contains=key)
    if province is not None:
        qs = qs.filter(province=province)
    if kind:
        qs = qs.filter(kind=kind)
    if verified_only:
        qs = qs.filter(verification=Organization.Verification.VERIFIED)
    return qs


def organization_by_slug(slug: str) -> Organization:
    return Organization.objects.select_related(
        "province", "municipality", "verified_by", "created_by"
    ).get(slug=slug)


def moderation_queue() -> QuerySet[Organization]:
    """Pending organizations, oldest first (first come, first served)."""
    return (
        Organization.objects.filter(verification=Organization.Verification.PENDING)
        .select_related("province", "municipality", "created_by")
        .order_by("created_at", "pk")
    )


def members_of(target: Municipality | Organization) -> QuerySet[Membership]:
    """The memberships of a municipality or organization: admins first, then by name."""
    field = "municipality" if isinstance(target, Municipality) else "organization"
    role_rank = Case(
        *(When(role=role, then=Value(rank)) for role, rank in _ROLE_ORDER.items()),
        default=Value(9),
        output_field=IntegerField(),
    )
    return (
        Membership.objects.filter(**{field: target})
        .select_related("user", "unit")
        .annotate(role_rank=role_rank)
        .order_by("role_rank", "user__display_name", "user__email", "pk")
    )


def open_invitations_for(target: Municipality | Organization) -> QuerySet[Invitation]:
    field = "municipality" if isinstance(target, Municipality) else "organization"
    return (
        Invitation.objects.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )
        .filter(**{field: target})
        .select_related("unit", "invited_by")
        .order_by("-created_at", "-pk")
    )


def memberships_of_user(user: Any) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("municipality", "municipality__province", "organization", "unit")
        .order_by("municipality__name_sort", "organization__name_sort", "pk")
    )


def invitations_for_user(user: Any) -> QuerySet[Invitation]:
    """Open invitations addressed to one of the user's verified e-mail addresses."""
    from allauth.account.models import EmailAddress

    emails = EmailAddress.objects.filter(user=user, verified=True).values("email")
    return (
        Invitation.objects.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )
        .filter(Q(email__in=emails))
        .select_related("municipality", "organization", "unit")
        .order_by("-created_at")
    )


def invitation_by_token(token: str) -> Invitation:
    return Invitation.objects.select_related(
        "municipality", "organization", "unit", "invited_by"
    ).get(token=token)


def home_summary(*, other_limit: int = 24) -> HomeSummary:
    """The pilots and a first page of the other municipalities, with totals, in 4 queries."""
    base = Municipality.objects.select_related("province").order_by("name_sort", "pk")
    pilots = list(base.filter(is_pilot=True))
    others_qs = base.filter(is_pilot=False)
    other_count = others_qs.count()
    return HomeSummary(
        pilots=pilots,
        others=list(others_qs[:other_limit]),
        other_count=other_count,
        municipality_count=len(pilots) + other_count,
        organization_count=Organization.objects.filter(
            verification=Organization.Verification.VERIFIED
        ).count(),
    )
