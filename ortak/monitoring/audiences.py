"""Who hears about what in monitoring.

- a value submitted for publication: the municipality's editors (strategy unit), else its admins;
- a value published or sent back: the person who reported it;
- a reminder before a due date: the indicator's named owner and the responders of its owner unit;
  for an indicator with neither, the editors;
- a period overdue: the municipality's admins;
- a new assessment: the editors (who may reply), else the admins;
- a reply: the assessment's author.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model

from ortak.organizations.models import Membership

Role = Membership.Role


def users(user_ids: Iterable[int]) -> list[Any]:
    ids = set(user_ids)
    if not ids:
        return []
    return list(
        get_user_model()
        .objects.filter(pk__in=ids, is_active=True, erased_at__isnull=True)
        .order_by("pk")
    )


def editors(municipality_id: int) -> list[Any]:
    """The strategy unit's editors; the admins when there is no editor."""
    roles = dict(
        Membership.objects.filter(
            municipality_id=municipality_id, role__in=[Role.EDITOR, Role.MUNICIPALITY_ADMIN]
        ).values_list("user_id", "role")
    )
    chosen = [pk for pk, role in roles.items() if role == Role.EDITOR] or list(roles)
    return users(chosen)


def admins(municipality_id: int) -> list[Any]:
    return users(
        Membership.objects.filter(
            municipality_id=municipality_id, role=Role.MUNICIPALITY_ADMIN
        ).values_list("user_id", flat=True)
    )


class StaffDirectory:
    """The municipality's staff, read once, to find each indicator's owners (two queries)."""

    def __init__(self, municipality_id: int) -> None:
        self.by_unit: dict[int | None, set[int]] = defaultdict(set)
        self.editors: set[int] = set()
        self.members: set[int] = set()
        for user_id, role, unit_id in Membership.objects.filter(
            municipality_id=municipality_id
        ).values_list("user_id", "role", "unit_id"):
            self.members.add(user_id)
            if role == Role.RESPONDER:
                self.by_unit[unit_id].add(user_id)
            elif role == Role.EDITOR:
                self.editors.add(user_id)

    def owners(self, *, owner_id: int | None, owner_unit_id: int | None) -> set[int]:
        """The named owner (while on the staff) and the owner unit's responders; else editors."""
        found = set(self.by_unit.get(owner_unit_id, set())) if owner_unit_id is not None else set()
        if owner_id is not None and owner_id in self.members:
            found.add(owner_id)
        return found or set(self.editors)
