"""Notification fan-out and deadline reminders, run by the task worker.

Services enqueue these only after their transaction commits, so nobody hears about something
that was rolled back; ``notify()`` then writes the in-app rows and sends e-mail to those who
want it immediately (after this task's own transaction commits).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from ortak.notifications.services import notify
from ortak.participation import audiences, verbs
from ortak.participation.models import Answer, Comment, Contribution


def _contribution(contribution_id: int) -> Contribution | None:
    return (
        Contribution.objects.select_related("municipality", "unit", "organization", "author")
        .filter(pk=contribution_id)
        .first()
    )


def _url(contribution: Contribution) -> str:
    return reverse("participation:detail", args=[contribution.pk])


def _unit_name(contribution: Contribution) -> str:
    return contribution.unit.name if contribution.unit else contribution.municipality.name


def _due(contribution: Contribution) -> str:
    return timezone.localtime(contribution.due_at).date().isoformat()


def _tell(recipients: list[Any], *, verb: str, params: dict[str, Any], url: str, actor: Any) -> int:
    sent = 0
    for recipient in recipients:
        if notify(recipient=recipient, verb=verb, params=params, url=url, actor=actor):
            sent += 1
    return sent


@task()
@transaction.atomic
def notify_new_contribution(contribution_id: int) -> int:
    contribution = _contribution(contribution_id)
    if contribution is None:
        return 0
    params = {
        "title": contribution.title,
        "unit": _unit_name(contribution),
        "organization": contribution.organization.name if contribution.organization else "",
    }
    verb = verbs.SUGGESTION_RECEIVED if contribution.is_suggestion else verbs.OFFER_RECEIVED
    return _tell(
        audiences.responders_for(contribution),
        verb=verb,
        params=params,
        url=_url(contribution),
        actor=contribution.author,
    )


@task()
@transaction.atomic
def notify_answer(answer_id: int) -> int:
    answer = (
        Answer.objects.select_related("contribution__municipality", "author")
        .filter(pk=answer_id)
        .first()
    )
    if answer is None:
        return 0
    contribution = answer.contribution
    return _tell(
        audiences.answer_audience(contribution),
        verb=verbs.answered(answer.status),
        params={"title": contribution.title, "municipality": contribution.municipality.name},
        url=_url(contribution) + f"#answer-{answer.pk}",
        actor=answer.author,
    )


@task()
@transaction.atomic
def notify_comment(comment_id: int) -> int:
    comment = (
        Comment.objects.select_related("author", "contribution", "plan")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None or comment.is_hidden:
        return 0
    if comment.contribution is not None:
        title = comment.contribution.title
        url = _url(comment.contribution)
    else:
        from ortak.participation.targets import load_target

        title = load_target(comment.node_kind, comment.node_id).label
        url = reverse("participation:node", args=[comment.node_kind, comment.node_id])
    name = comment.author.public_name if comment.author else ""
    return _tell(
        audiences.comment_audience(comment),
        verb=verbs.COMMENTED,
        params={"title": title, "name": name},
        url=url + f"#comment-{comment.pk}",
        actor=comment.author,
    )


@task()
@transaction.atomic
def send_reminder(contribution_id: int) -> int:
    """Remind the responders once that a first answer is due soon."""
    updated = Contribution.objects.filter(
        pk=contribution_id, reminder_sent_at__isnull=True, first_answered_at__isnull=True
    ).update(reminder_sent_at=timezone.now())
    contribution = _contribution(contribution_id) if updated else None
    if contribution is None:
        return 0
    return _tell(
        audiences.responders_for(contribution),
        verb=verbs.REMINDER,
        params={"title": contribution.title, "due": _due(contribution)},
        url=_url(contribution),
        actor=None,
    )


@task()
@transaction.atomic
def send_overdue_notice(contribution_id: int) -> int:
    """Tell the municipality's admins once that the deadline passed; refresh the figures."""
    from ortak.participation.services.figures import refresh_figures

    now = timezone.now()
    updated = Contribution.objects.filter(
        pk=contribution_id,
        escalated_at__isnull=True,
        first_answered_at__isnull=True,
        due_at__lt=now,
    ).update(escalated_at=now)
    contribution = _contribution(contribution_id) if updated else None
    if contribution is None:
        return 0
    refresh_figures(municipality_id=contribution.municipality_id, now=now)
    return _tell(
        audiences.municipality_admins(contribution.municipality_id),
        verb=verbs.OVERDUE,
        params={
            "title": contribution.title,
            "unit": _unit_name(contribution),
            "due": _due(contribution),
        },
        url=_url(contribution),
        actor=None,
    )
