"""Remove what earlier runs generated, and nothing else.

Generated municipalities and organizations have slugs starting with ``MARK``, generated users
have e-mail addresses at ``USER_DOMAIN``; everything else hangs on them.

The bulk of it (supports, answers, comments, contributions, then organizations and users) goes in
one statement per table when nothing else points at the rows, which is the usual case; where
something does (a follow, a flag, a notification added since), that table goes through the ORM
in slices instead, so every app's ``on_delete`` rule applies. Plans and municipalities go through
the ORM, a plan or a slice at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet

from ortak.demo.national.options import MARK, USER_DOMAIN
from ortak.organizations.models import Membership, Municipality, Organization
from ortak.participation.models import Answer, Comment, Contribution, Support
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


def _referenced(queryset: QuerySet) -> bool:  # type: ignore[type-arg]
    """Whether any row of another table points at a row of ``queryset`` (one query a relation)."""
    ids = queryset.values("pk")
    for relation in queryset.model._meta.related_objects:
        pointing = relation.related_model._base_manager.filter(  # type: ignore[union-attr]
            **{f"{relation.field.name}__in": ids}
        )
        if relation.related_model is queryset.model:  # replies go with their comments
            # NOT EXISTS (an anti-join), never NOT IN (subquery): quadratic on a million rows.
            pointing = pointing.filter(~Exists(queryset.filter(pk=OuterRef("pk"))))
        if pointing.exists():
            return True
    return False


def _delete(queryset: QuerySet, tick: Callable[[int], None]) -> None:  # type: ignore[type-arg]
    """Delete the rows: in one statement when nothing points at them any more (the usual case
    once the plans are gone), else slice by slice through the ORM's ``on_delete`` rules. The
    database's foreign keys back the first path up: a row still referenced fails the commit."""
    if _referenced(queryset):
        _in_slices(queryset, tick)
        return
    model = queryset.model
    sql, params = queryset.values("pk").query.sql_with_params()
    table = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(model._meta.pk.column)  # type: ignore[union-attr]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {pk} IN ({sql})", params)  # noqa: S608
        tick(cursor.rowcount)


def clear(tick: Callable[[int], None]) -> Generated:
    """Delete the generated data; returns what there was. Call inside a transaction."""
    found = generated()
    plans = _plans()
    _delete(Support.objects.filter(contribution__plan__in=plans), tick)
    _delete(Answer.objects.filter(contribution__plan__in=plans), tick)
    _delete(Comment.objects.filter(plan__in=plans), tick)
    _delete(Contribution.objects.filter(plan__in=plans), tick)
    for plan_id in plans.order_by("pk").values_list("pk", flat=True):
        StrategicPlan.objects.filter(pk=plan_id).delete()
        tick(1)
    Membership.objects.filter(
        Q(organization__slug__startswith=MARK) | Q(user__email__endswith=f"@{USER_DOMAIN}")
    ).delete()
    _delete(_organizations(), tick)
    _delete(_users(), tick)
    # Districts first: a metropolitan municipality is protected while it has districts.
    _in_slices(_municipalities().filter(parent__isnull=False), tick)
    _in_slices(_municipalities(), tick)
    return found
