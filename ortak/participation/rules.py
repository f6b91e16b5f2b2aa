"""Pure rules of participation, with no database: the answer workflow, the legal deadline and
the responsiveness arithmetic. Tested exhaustively in ``tests/test_rules.py``.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from ortak.participation.models.contributions import Status

# Law 3071 on the right to petition (art. 7): the applicant is told the result, or how far the
# matter has got, within 30 days. A municipality may promise less, never more.
LEGAL_DEADLINE_DAYS = 30

# The answer workflow: received → under review → accepted / partly accepted / declined →
# implemented. An interim "under review" answer counts as the first answer (art. 7 allows telling
# the applicant how far the matter has got) and may be repeated; a declined contribution may be
# reopened for review; the decided states can still be corrected between themselves.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.RECEIVED: frozenset(
        {Status.UNDER_REVIEW, Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.DECLINED}
    ),
    Status.UNDER_REVIEW: frozenset(
        {Status.UNDER_REVIEW, Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.DECLINED}
    ),
    Status.ACCEPTED: frozenset({Status.PARTLY_ACCEPTED, Status.DECLINED, Status.IMPLEMENTED}),
    Status.PARTLY_ACCEPTED: frozenset({Status.ACCEPTED, Status.DECLINED, Status.IMPLEMENTED}),
    Status.DECLINED: frozenset({Status.UNDER_REVIEW, Status.ACCEPTED, Status.PARTLY_ACCEPTED}),
    Status.IMPLEMENTED: frozenset(),
}
DECIDED = frozenset({Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.DECLINED, Status.IMPLEMENTED})
ACCEPTED = frozenset({Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.IMPLEMENTED})


def next_statuses(current: str) -> list[str]:
    """The statuses an answer may set next, in workflow order."""
    allowed = TRANSITIONS.get(current, frozenset())
    return [value for value in Status.values if value in allowed]


def can_move(current: str, new: str) -> bool:
    return new in TRANSITIONS.get(current, frozenset())


def deadline_days(municipality_days: int | None, default: int = LEGAL_DEADLINE_DAYS) -> int:
    """The municipality's own deadline when it set one, never longer than the legal one."""
    legal = min(default, LEGAL_DEADLINE_DAYS)
    if municipality_days is None or municipality_days <= 0:
        return legal
    return min(municipality_days, legal)


def due_at(received_at: datetime, days: int) -> datetime:
    """The first answer is due ``days`` × 24 hours after the contribution arrived."""
    return received_at + timedelta(days=days)


def is_overdue(*, due: datetime, first_answered_at: datetime | None, now: datetime) -> bool:
    return first_answered_at is None and now > due


def answered_in_time(*, due: datetime, first_answered_at: datetime) -> bool:
    return first_answered_at <= due


def days_between(start: datetime, end: datetime) -> Decimal:
    """Elapsed days as a decimal (two places, half up): 36 hours → 1.50."""
    seconds = Decimal((end - start).total_seconds())
    return (seconds / Decimal(86400)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ContributionFacts:
    """What the figures need to know about one contribution."""

    unit_id: int | None
    received_at: datetime
    due_at: datetime
    first_answered_at: datetime | None
    status: str


@dataclass(frozen=True)
class Responsiveness:
    received: int = 0
    answered: int = 0
    due: int = 0
    answered_within_deadline: int = 0
    decided: int = 0
    accepted: int = 0
    overdue: int = 0
    median_days_to_first_answer: Decimal | None = None


def responsiveness(facts: Iterable[ContributionFacts], now: datetime) -> Responsiveness:
    """The public figures of one municipality or unit.

    - received: every contribution, public or not, hidden or not (the municipality got it);
    - answered: those with a first answer; the share answered is answered / received;
    - due: answered ones plus unanswered ones past their deadline: the contributions for which
      "answered in time?" has an answer; the share within the deadline is in-time / due;
    - median days to first answer: over the answered ones;
    - accepted share: accepted, partly accepted or implemented / decided (those with a decision).
    """
    received = answered = due = in_time = decided = accepted = overdue = 0
    durations: list[Decimal] = []
    for item in facts:
        received += 1
        if item.first_answered_at is not None:
            answered += 1
            due += 1
            durations.append(days_between(item.received_at, item.first_answered_at))
            if answered_in_time(due=item.due_at, first_answered_at=item.first_answered_at):
                in_time += 1
        elif is_overdue(due=item.due_at, first_answered_at=None, now=now):
            due += 1
            overdue += 1
        if item.status in DECIDED:
            decided += 1
        if item.status in ACCEPTED:
            accepted += 1
    median = None
    if durations:
        median = Decimal(statistics.median(durations)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
    return Responsiveness(
        received=received,
        answered=answered,
        due=due,
        answered_within_deadline=in_time,
        decided=decided,
        accepted=accepted,
        overdue=overdue,
        median_days_to_first_answer=median,
    )
