"""Freshness badges: "son güncelleme" (last published or revised value) and "gecikmiş" (overdue).

Plan nodes carry their figures (``plans.aggregates`` stores ``last_published_at`` and
``overdue_count``), so a node's badge costs nothing; a list of municipalities costs one query.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from ortak.plans.models import Indicator, StrategicPlan

__all__ = ["Freshness", "freshness_of", "municipality_freshness"]


@dataclass(frozen=True)
class Freshness:
    last_published_at: datetime.datetime | None
    overdue: int
    single: bool = False  # an indicator: overdue or not, no count

    @property
    def is_overdue(self) -> bool:
        return self.overdue > 0


def freshness_of(node: Any) -> Freshness:
    """The badge data of a plan, aim, objective or indicator (no query)."""
    if isinstance(node, Indicator):
        return Freshness(
            last_published_at=node.last_published_at,
            overdue=int(node.status == Indicator.Status.OVERDUE),
            single=True,
        )
    return Freshness(
        last_published_at=getattr(node, "last_published_at", None),
        overdue=getattr(node, "overdue_count", 0) or 0,
    )


def municipality_freshness(
    municipalities: Iterable[Any], today: datetime.date | None = None
) -> dict[int, Freshness]:
    """Per municipality, the freshness of its monitored (adopted) plan. One query."""
    ids = [m.pk for m in municipalities]
    if not ids:
        return {}
    today = today or timezone.localdate()
    found: dict[int, tuple[bool, int, Freshness]] = {}
    rows = StrategicPlan.objects.filter(
        municipality_id__in=ids, status=StrategicPlan.Status.ADOPTED
    ).values_list("municipality_id", "start_year", "end_year", "last_published_at", "overdue_count")
    for municipality_id, start, end, last, overdue in rows:
        covers = start <= today.year <= end
        key = (covers, start)
        current = found.get(municipality_id)
        if current is None or key > current[:2]:
            found[municipality_id] = (covers, start, Freshness(last, overdue))
    return {pk: entry[2] for pk, entry in found.items()}
