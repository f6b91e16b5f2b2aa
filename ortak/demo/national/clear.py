"""Remove what earlier runs generated, and nothing else.

Generated municipalities and organizations have slugs starting with ``MARK``, generated users
have e-mail addresses at ``USER_DOMAIN``; everything else hangs on them. Deletion goes through the
ORM in slices (a plan at a time, a few thousand users at a time), so every app's ``on_delete``
rule applies, including rows other apps may have added since (follows, notifications …), while
no slice loads more than a few thousand rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from ortak.demo.national.options import MARK, USER_DOMAIN
from ortak.organizations.models import Municipality, Organization
from ortak.participation.models import Comment, Contribution, Support
from ortak.plans.models import StrategicPlan

SLICE = 2_000


@dataclass(frozen=True)
class Generated:
    municipalities: int
    organizations: int
    users: int
    plans: int

    @property
    def any(self) -> bool:
        return bool(self.municipalities or self.organizations or self.users)


def _municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.filter(slug__startswith=MARK)


def _organizations() -> QuerySet[Organization]:
    return Organization.objects.filter(slug__startswith=MARK)


def _users() -> QuerySet:  # type: ignore[type-arg]
    return get_user_model().objects.filter(email__endswith=f"@{USER_DOMAIN}")


def _plans() -> QuerySet[StrategicPlan]:
    return StrategicPlan.objects.filter(municipality__slug__startswith=MARK)


def generated() -> Generated:
    return Generated(
        municipalities=_municipalities().count(),
        organizations=_organizations().count(),
        users=_users().count(),
        plans=_plans().count(),
    )


def _in_slices(queryset: QuerySet, tick: Callable[[int], None]) -> None:  # type: ignore[type-arg]
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), SLICE):
        chunk = ids[start : start + SLICE]
        queryset.model._default_manager.filter(pk__in=chunk).delete()
        tick(len(chunk))


def clear(tick: Callable[[int], None]) -> Generated:
    """Delete the generated data; returns what there was. Call inside a transaction."""
    found = generated()
    for plan_id in _plans().order_by("pk").values_list("pk", flat=True):
        Support.objects.filter(contribution__plan_id=plan_id).delete()
        Comment.objects.filter(plan_id=plan_id).delete()
        Contribution.objects.filter(plan_id=plan_id).delete()
        StrategicPlan.objects.filter(pk=plan_id).delete()
        tick(1)
    _in_slices(_organizations(), tick)
    _in_slices(_users(), tick)
    # Districts first: a metropolitan municipality is protected while it has districts.
    _in_slices(_municipalities().filter(parent__isnull=False), tick)
    _in_slices(_municipalities(), tick)
    return found
