"""The reminder and escalation schedule, day by day with a frozen clock (time-machine).

2025-H1 of the test plan is due on 31 July 2025: owners hear 14 and 3 days before (17 and 28
July) unless their value is submitted; the municipality's admins hear on 1 August that the
period is overdue; nothing is ever sent twice.
"""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from ortak.monitoring import verbs
from ortak.monitoring.models import ReminderLog
from ortak.monitoring.services.calendar import set_period_due_date
from ortak.monitoring.services.reminders import (
    plans_to_check,
    reminder_offsets,
    send_plan_reminders,
)
from ortak.monitoring.tests.factories import (
    Tree,
    adopted_tree,
    measurement,
    period,
    publish_value,
    staff,
)
from ortak.notifications.models import Notification
from ortak.organizations.models import Membership
from ortak.plans.models import Measurement, StrategicPlan

pytestmark = pytest.mark.django_db

Role = Membership.Role


@pytest.fixture
def tree() -> Tree:
    return adopted_tree()


def _at(day: datetime.date) -> time_machine.travel:
    return time_machine.travel(
        datetime.datetime.combine(
            day, datetime.time(8, 30), tzinfo=timezone.get_current_timezone()
        ),
        tick=False,
    )


def _run(day: datetime.date, django_capture_on_commit_callbacks) -> str:  # type: ignore[no-untyped-def]
    """The daily command on ``day``, with its tasks run (they are enqueued after commit)."""
    out = StringIO()
    with _at(day), django_capture_on_commit_callbacks(execute=True):
        call_command("send_monitoring_reminders", stdout=out)
    return out.getvalue()


def _reminders(user) -> list[Notification]:  # type: ignore[no-untyped-def]
    return list(Notification.objects.filter(recipient=user, verb=verbs.REMINDER).order_by("pk"))


def test_the_default_offsets_are_14_and_3_days() -> None:
    assert reminder_offsets() == (14, 3)


def test_owners_are_reminded_14_and_3_days_before_and_only_then(
    tree: Tree, django_capture_on_commit_callbacks
) -> None:
    responder = staff(Role.RESPONDER, tree.municipality, tree.unit)
    days = [datetime.date(2025, 7, d) for d in (16, 17, 18, 27, 28, 29, 31)]
    sent_on = {}
    for day in days:
        _run(day, django_capture_on_commit_callbacks)
        sent_on[day] = len(_reminders(tree.owner))
    assert sent_on == {
        datetime.date(2025, 7, 16): 0,
        datetime.date(2025, 7, 17): 1,  # 14 days before
        datetime.date(2025, 7, 18): 1,
        datetime.date(2025, 7, 27): 1,
        datetime.date(2025, 7, 28): 2,  # 3 days before
        datetime.date(2025, 7, 29): 2,
        datetime.date(2025, 7, 31): 2,
    }
    first = _reminders(tree.owner)[0]
    assert first.params == {
        "count": 1,
        "period": "2025-H1",
        "plan": "2025-2029",
        "due": "2025-07-31",
    }
    assert first.url.endswith(f"/belediyeler/{tree.municipality.slug}/izleme/")
    # The owner unit's responders hear too; the other unit's indicator is yearly (no H1 value).
    assert len(_reminders(responder)) == 2


def test_running_twice_the_same_day_sends_nothing_twice(
    tree: Tree, django_capture_on_commit_callbacks
) -> None:
    day = datetime.date(2025, 7, 17)
    _run(day, django_capture_on_commit_callbacks)
    _run(day, django_capture_on_commit_callbacks)
    assert len(_reminders(tree.owner)) == 1
    assert ReminderLog.objects.filter(recipient=tree.owner).count() == 1


def test_a_missed_day_is_caught_up_once(tree: Tree, django_capture_on_commit_callbacks) -> None:
    _run(
        datetime.date(2025, 7, 20), django_capture_on_commit_callbacks
    )  # cron was down on the 17th
    _run(datetime.date(2025, 7, 21), django_capture_on_commit_callbacks)
    assert len(_reminders(tree.owner)) == 1


def test_a_submitted_value_stops_the_reminders_but_a_draft_does_not(
    tree: Tree, django_capture_on_commit_callbacks
) -> None:
    measurement(tree.indicator, "2025-H1", status=Measurement.Status.DRAFT)
    _run(datetime.date(2025, 7, 17), django_capture_on_commit_callbacks)
    assert len(_reminders(tree.owner)) == 1
    Measurement.objects.filter(indicator=tree.indicator).update(status=Measurement.Status.SUBMITTED)
    _run(datetime.date(2025, 7, 28), django_capture_on_commit_callbacks)
    assert len(_reminders(tree.owner)) == 1


def test_an_indicator_without_owners_reminds_the_editors(
    tree: Tree, django_capture_on_commit_callbacks
) -> None:
    editor = staff(Role.EDITOR, tree.municipality)
    tree.indicator.owner = None
    tree.indicator.owner_unit = None
    tree.indicator.save()
    _run(datetime.date(2025, 7, 17), django_capture_on_commit_callbacks)
    assert len(_reminders(editor)) == 1


def test_admins_hear_on_the_day_after_the_due_date_once(
    tree: Tree, django_capture_on_commit_callbacks
) -> None:
    admin = staff(Role.MUNICIPALITY_ADMIN, tree.municipality)
    editor = staff(Role.EDITOR, tree.municipality)
    _run(datetime.date(2025, 7, 31), django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(verb=verbs.OVERDUE).exists()
    _run(datetime.date(2025, 8, 1), django_capture_on_commit_callbacks)
    _run(datetime.date(2025, 8, 2), django_capture_on_commit_callbacks)
    notices = Notification.objects.filter(verb=verbs.OVERDUE)
    assert [n.recipient for n in notices] == [admin]
    assert notices[0].params["count"] == 1
    assert not Notification.objects.filter(recipient=editor, verb=verbs.OVERDUE).exists()


def test_no_escalation_when_every_value_is_published(
    tree: Tree, django_capture_on_commit_callbacks
) -> None:
    staff(Role.MUNICIPALITY_ADMIN, tree.municipality)
    publish_value(tree.indicator, "2025-H1", "20")
    _run(datetime.date(2025, 8, 1), django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(verb=verbs.OVERDUE).exists()


def test_the_schedule_follows_a_moved_due_date(
    tree: Tree, django_capture_on_commit_callbacks
) -> None:
    editor = staff(Role.EDITOR, tree.municipality)
    set_period_due_date(
        actor=editor, period=period(tree.plan, "2025-H1"), due_date=datetime.date(2025, 8, 31)
    )
    _run(datetime.date(2025, 7, 17), django_capture_on_commit_callbacks)
    assert _reminders(tree.owner) == []
    _run(datetime.date(2025, 8, 17), django_capture_on_commit_callbacks)
    assert _reminders(tree.owner)[0].params["due"] == "2025-08-31"


def test_plans_that_are_not_adopted_are_left_alone(
    tree: Tree, django_capture_on_commit_callbacks
) -> None:
    StrategicPlan.objects.filter(pk=tree.plan.pk).update(status=StrategicPlan.Status.CONSULTATION)
    assert plans_to_check(datetime.date(2025, 7, 17)) == []
    assert (
        send_plan_reminders(plan_id=tree.plan.pk, today=datetime.date(2025, 7, 17)).reminders == 0
    )


def test_only_plans_with_something_to_do_are_enqueued(tree: Tree) -> None:
    assert plans_to_check(datetime.date(2025, 7, 17)) == [tree.plan.pk]
    assert plans_to_check(datetime.date(2025, 5, 1)) == []  # nothing due within 14 days


def test_the_command_says_what_it_enqueued(tree: Tree, django_capture_on_commit_callbacks) -> None:
    assert "1 plan(s)" in _run(datetime.date(2025, 7, 17), django_capture_on_commit_callbacks)


def test_the_offsets_are_a_setting(
    tree: Tree, settings, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    settings.ORTAK_MONITORING_REMINDER_DAYS = [7]
    _run(datetime.date(2025, 7, 17), django_capture_on_commit_callbacks)
    assert _reminders(tree.owner) == []
    _run(datetime.date(2025, 7, 24), django_capture_on_commit_callbacks)
    assert len(_reminders(tree.owner)) == 1
