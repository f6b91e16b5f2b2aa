from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from ortak.participation import rules
from ortak.participation.models import Status

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def facts(
    *,
    answered_after_days: float | None,
    deadline: int = 30,
    status: str | None = None,
    unit_id: int | None = None,
    received: datetime = T0,
) -> rules.ContributionFacts:
    answered = (
        received + timedelta(days=answered_after_days) if answered_after_days is not None else None
    )
    return rules.ContributionFacts(
        unit_id=unit_id,
        received_at=received,
        due_at=received + timedelta(days=deadline),
        first_answered_at=answered,
        status=status or (Status.UNDER_REVIEW if answered else Status.RECEIVED),
    )


@pytest.mark.parametrize(
    ("current", "new", "allowed"),
    [
        (Status.RECEIVED, Status.UNDER_REVIEW, True),
        (Status.RECEIVED, Status.ACCEPTED, True),
        (Status.RECEIVED, Status.DECLINED, True),
        (Status.RECEIVED, Status.IMPLEMENTED, False),
        (Status.RECEIVED, Status.RECEIVED, False),
        (Status.UNDER_REVIEW, Status.UNDER_REVIEW, True),
        (Status.UNDER_REVIEW, Status.PARTLY_ACCEPTED, True),
        (Status.UNDER_REVIEW, Status.IMPLEMENTED, False),
        (Status.ACCEPTED, Status.IMPLEMENTED, True),
        (Status.PARTLY_ACCEPTED, Status.IMPLEMENTED, True),
        (Status.DECLINED, Status.IMPLEMENTED, False),
        (Status.DECLINED, Status.UNDER_REVIEW, True),
        (Status.IMPLEMENTED, Status.ACCEPTED, False),
        (Status.IMPLEMENTED, Status.UNDER_REVIEW, False),
    ],
)
def test_answer_workflow_transitions(current, new, allowed):
    assert rules.can_move(current, new) is allowed


def test_every_status_is_in_the_workflow_and_nothing_returns_to_received():
    assert set(rules.TRANSITIONS) == set(Status.values)
    assert all(Status.RECEIVED not in targets for targets in rules.TRANSITIONS.values())


def test_next_statuses_keep_workflow_order():
    assert rules.next_statuses(Status.RECEIVED) == [
        Status.UNDER_REVIEW,
        Status.ACCEPTED,
        Status.PARTLY_ACCEPTED,
        Status.DECLINED,
    ]
    assert rules.next_statuses(Status.IMPLEMENTED) == []


@pytest.mark.parametrize(
    ("municipality_days", "default", "expected"),
    [
        (None, 30, 30),
        (15, 30, 15),
        (30, 30, 30),
        (45, 30, 30),
        (0, 30, 30),
        (None, 60, 30),
        (10, 20, 10),
    ],
)
def test_deadline_is_the_municipalitys_own_but_never_beyond_the_legal_30_days(
    municipality_days, default, expected
):
    assert rules.deadline_days(municipality_days, default) == expected


def test_due_at_and_overdue():
    due = rules.due_at(T0, 30)
    assert due == T0 + timedelta(days=30)
    assert not rules.is_overdue(due=due, first_answered_at=None, now=due)
    assert rules.is_overdue(due=due, first_answered_at=None, now=due + timedelta(seconds=1))
    assert not rules.is_overdue(due=due, first_answered_at=due, now=due + timedelta(days=9))
    assert rules.answered_in_time(due=due, first_answered_at=due)
    assert not rules.answered_in_time(due=due, first_answered_at=due + timedelta(seconds=1))


def test_days_between_is_decimal_days_half_up():
    assert rules.days_between(T0, T0 + timedelta(hours=36)) == Decimal("1.50")
    assert rules.days_between(T0, T0 + timedelta(days=3, minutes=9)) == Decimal("3.01")
    assert rules.days_between(T0, T0) == Decimal("0.00")


def test_responsiveness_of_nothing_is_zero_with_no_median():
    result = rules.responsiveness([], T0)
    assert result == rules.Responsiveness()


def test_responsiveness_worked_example():
    """Five contributions, 30-day deadline, now = T0 + 40 days:

    a: answered after 2 days (in time), accepted
    b: answered after 10 days (in time), declined
    c: answered after 35 days (late), still under review
    d: unanswered, past its deadline (overdue)
    e: received 5 days ago, unanswered, not yet due
    """
    now = T0 + timedelta(days=40)
    items = [
        facts(answered_after_days=2, status=Status.ACCEPTED),
        facts(answered_after_days=10, status=Status.DECLINED),
        facts(answered_after_days=35),
        facts(answered_after_days=None),
        facts(answered_after_days=None, received=now - timedelta(days=5)),
    ]
    result = rules.responsiveness(items, now)
    assert result.received == 5
    assert result.answered == 3  # share answered 60 %
    assert result.due == 4  # the three answered and the overdue one
    assert result.answered_within_deadline == 2  # 2 / 4 = 50 %
    assert result.overdue == 1
    assert result.decided == 2
    assert result.accepted == 1  # 1 / 2 = 50 %
    assert result.median_days_to_first_answer == Decimal("10.00")


def test_median_of_even_count_is_the_mean_of_the_middle_two():
    items = [facts(answered_after_days=d) for d in (1, 2, 4, 10)]
    assert rules.responsiveness(
        items, T0 + timedelta(days=60)
    ).median_days_to_first_answer == Decimal("3.00")


def test_implemented_and_partly_accepted_count_as_accepted():
    items = [
        facts(answered_after_days=1, status=Status.IMPLEMENTED),
        facts(answered_after_days=1, status=Status.PARTLY_ACCEPTED),
        facts(answered_after_days=1, status=Status.DECLINED),
        facts(answered_after_days=1, status=Status.UNDER_REVIEW),
    ]
    result = rules.responsiveness(items, T0 + timedelta(days=5))
    assert (result.decided, result.accepted) == (3, 2)
