"""Keeping the stored responsiveness figures of a municipality up to date."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ortak.organizations.models import Municipality
from ortak.participation import rules
from ortak.participation.models import Contribution, ResponsivenessFigure


def _row(
    municipality_id: int, unit_id: int | None, figures: rules.Responsiveness
) -> ResponsivenessFigure:
    return ResponsivenessFigure(
        municipality_id=municipality_id,
        unit_id=unit_id,
        received=figures.received,
        answered=figures.answered,
        due=figures.due,
        answered_within_deadline=figures.answered_within_deadline,
        decided=figures.decided,
        accepted=figures.accepted,
        overdue=figures.overdue,
        median_days_to_first_answer=figures.median_days_to_first_answer,
    )


@transaction.atomic
def refresh_figures(*, municipality_id: int, now: datetime | None = None) -> ResponsivenessFigure:
    """Recompute the municipality's total row and its unit rows (four queries).

    Called in the same transaction as every write that changes what they count. The
    municipality row is locked first so that two concurrent refreshes do not interleave.
    """
    now = now or timezone.now()
    list(Municipality.objects.select_for_update().filter(pk=municipality_id).values_list("pk"))
    facts = [
        rules.ContributionFacts(
            unit_id=unit_id,
            received_at=created_at,
            due_at=due_at,
            first_answered_at=first_answered_at,
            status=status,
        )
        for unit_id, created_at, due_at, first_answered_at, status in Contribution.objects.filter(
            municipality_id=municipality_id
        ).values_list("unit_id", "created_at", "due_at", "first_answered_at", "status")
    ]
    by_unit: dict[int, list[rules.ContributionFacts]] = defaultdict(list)
    for item in facts:
        if item.unit_id is not None:
            by_unit[item.unit_id].append(item)
    total = _row(municipality_id, None, rules.responsiveness(facts, now))
    rows = [total] + [
        _row(municipality_id, unit_id, rules.responsiveness(items, now))
        for unit_id, items in sorted(by_unit.items())
    ]
    ResponsivenessFigure.objects.filter(municipality_id=municipality_id).delete()
    ResponsivenessFigure.objects.bulk_create(rows)
    return total
