"""Suggestions and cooperation offers with their answers, comments and supports, plan by plan.

Counts are spread over the public plans by population (a metropolitan municipality hears more
than a small district), then over each plan's contributions with a long tail (a few suggestions
gather most comments and supports). Everything follows the participation rules the services
enforce: offers come from verified organizations, answers follow the workflow's transitions and
set the contribution's status and deadline flag, only published contributions are discussed, only
published suggestions are supported (once per person, never by their author), and the comment and
support counters match the rows. Rows are written directly, like the other demo loaders: loading
data must not notify anyone.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models

from ortak.demo.national import texts
from ortak.demo.national.names import person_name
from ortak.demo.national.options import USER_DOMAIN, Options
from ortak.demo.national.people import OrganizationRef, People
from ortak.demo.national.plan_writer import Node, WrittenPlan
from ortak.organizations.models import Membership
from ortak.participation import rules
from ortak.participation.models import Answer, Comment, Contribution, Support
from ortak.plans.models import NodeKind

Status = Contribution.Status
# How often each kind of plan node is the target (objectives and activities draw most).
NODE_WEIGHTS: dict[str, int] = {
    NodeKind.PLAN: 4,
    NodeKind.AIM: 1,
    NodeKind.OBJECTIVE: 3,
    NodeKind.INDICATOR: 1,
    NodeKind.ACTIVITY: 2,
}
ON_CONTRIBUTIONS = 0.75  # the share of comments under contributions (the rest on plan nodes)
REPLY_SHARE = 0.3


def allocate(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` in proportion to ``weights`` (largest remainders; the sum is exact)."""
    if not weights or total <= 0:
        return [0] * len(weights)
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    counts = [math.floor(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: counts[i] - exact[i])
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


@contextmanager
def given_creation_times(*fields: models.DateTimeField) -> Iterator[None]:
    """Let ``bulk_create`` keep the creation times we give (``auto_now_add`` would stamp the real
    clock on every row; the generated world has its own). Only for this single-threaded loader."""
    saved = [f.auto_now_add for f in fields]
    try:
        for f in fields:
            f.auto_now_add = False
        yield
    finally:
        for f, value in zip(fields, saved, strict=True):
            f.auto_now_add = value


@dataclass
class _Drawn:
    contribution: Contribution
    answers: list[Answer] = field(default_factory=list)
    comments: int = 0
    supports: int = 0

    @property
    def published(self) -> bool:
        return self.contribution.is_public and self.contribution.hidden_at is None


class _PlanParticipation:
    """Draws and writes the participation of one plan."""

    def __init__(self, plan: WrittenPlan, people: People, context: _Context) -> None:
        self.plan = plan
        self.people = people
        self.context = context
        self.options = context.options
        self.rng = self.options.rng("participation", plan.place.slug)
        self.nodes = list(plan.nodes)
        self.node_weights = [NODE_WEIGHTS[n.kind] for n in self.nodes]
        staff = people.staff[plan.place.id]
        self.answerers = staff.responders
        self.editor = staff.editor
        opened = plan.published_at or self.options.now - datetime.timedelta(days=365)
        self.opened = min(opened, self.options.now - datetime.timedelta(days=2))
        self.node_comments = 0

    def _moment_after(self, start: datetime.datetime, days: float) -> datetime.datetime:
        latest = min(start + datetime.timedelta(days=days), self.options.now)
        seconds = max(60.0, (latest - start).total_seconds())
        return start + datetime.timedelta(seconds=self.rng.uniform(60, seconds))

    def _author(self, organization: OrganizationRef | None) -> int:
        if organization is not None:
            leaders = [u for u, role in organization.people if role != Membership.Role.MEMBER]
            if leaders:
                return self.rng.choice(leaders)
        return self.rng.choice(self.people.citizens)

    def contribution(self, n: int) -> _Drawn:
        rng = self.rng
        node: Node = rng.choices(self.nodes, weights=self.node_weights)[0]
        nearby = self.context.verified.get(self.plan.place.province_id) or self.context.everywhere
        is_offer = bool(nearby) and rng.random() < 0.2
        organization = rng.choice(nearby) if nearby and (is_offer or rng.random() < 0.12) else None
        received = self._moment_after(self.opened, (self.options.now - self.opened).days)
        row = Contribution(
            plan_id=self.plan.id,
            node_kind=node.kind,
            node_id=node.id,
            municipality_id=self.plan.place.id,
            unit_id=node.unit,
            author_id=self._author(organization),
            organization_id=organization.id if organization else None,
            created_at=received,
            due_at=rules.due_at(received, self.context.deadline),
            is_public=rng.random() < 0.96,
        )
        if is_offer:
            title, text, offered = rng.choice(texts.OFFERS)
            start = (received + datetime.timedelta(days=rng.randint(20, 60))).date()
            row.kind = Contribution.Kind.OFFER
            row.offered = list(offered)
            row.period_start = start
            row.period_end = start + datetime.timedelta(days=rng.randint(30, 240))
            row.contact_name = person_name(rng)
            row.contact_email = f"iletisim.{self.plan.place.id}.{n}@{USER_DOMAIN}"
        else:
            title, text = rng.choice(texts.SUGGESTIONS)
            row.kind = Contribution.Kind.SUGGESTION
        row.title, row.text = title, text
        if rng.random() < 0.003:
            row.hidden_at = received + datetime.timedelta(days=2)
            row.hidden_reason = texts.HIDDEN_REASON
        drawn = _Drawn(row)
        self._answer(drawn)
        return drawn

    def _answer(self, drawn: _Drawn) -> None:
        """Steps of the answer workflow: mostly in time, some late, some never."""
        rng = self.rng
        row = drawn.contribution
        deadline = self.context.deadline
        roll = rng.random()
        if roll < 0.12:
            return
        days = (
            rng.uniform(0.5, deadline - 1)
            if roll < 0.75
            else rng.uniform(deadline + 1, deadline + 45)
        )
        steps = [
            (
                row.created_at + datetime.timedelta(days=days),
                rng.choice(
                    (Status.UNDER_REVIEW, Status.UNDER_REVIEW, Status.ACCEPTED, Status.DECLINED)
                ),
            )
        ]
        if steps[0][1] == Status.UNDER_REVIEW and rng.random() < 0.7:
            decision = rng.choice(
                (Status.ACCEPTED, Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.DECLINED)
            )
            steps.append((steps[0][0] + datetime.timedelta(days=rng.uniform(3, 45)), decision))
        if steps[-1][1] == Status.ACCEPTED and self.plan.activities and rng.random() < 0.5:
            steps.append(
                (steps[-1][0] + datetime.timedelta(days=rng.uniform(30, 200)), Status.IMPLEMENTED)
            )
        answerer = self.answerers.get(row.unit_id or 0, self.editor)
        for at, status in steps:
            if at >= self.options.now:
                break
            activity = rng.choice(self.plan.activities) if status == Status.IMPLEMENTED else None
            drawn.answers.append(
                Answer(
                    status=status,
                    text=texts.ANSWERS[status],
                    reason=rng.choice(texts.DECLINE_REASONS) if status == Status.DECLINED else "",
                    activity_id=activity,
                    author_id=answerer,
                    unit_id=row.unit_id,
                    created_at=at,
                )
            )
            if row.first_answered_at is None:
                row.first_answered_at = at
                row.answered_within_deadline = rules.answered_in_time(
                    due=row.due_at, first_answered_at=at
                )
            row.status = status
            row.implementing_activity_id = activity or row.implementing_activity_id

    def spread(self, drawn: list[_Drawn], comments: int, supports: int) -> None:
        """Comments over published contributions, supports over published suggestions."""
        rng = self.rng
        published = [d for d in drawn if d.published]
        suggestions = [d for d in published if d.contribution.kind == Contribution.Kind.SUGGESTION]
        on_contributions = round(comments * ON_CONTRIBUTIONS) if published else 0
        weights = [rng.lognormvariate(0, 1.0) for _ in published]
        for d, count in zip(published, allocate(on_contributions, weights), strict=True):
            d.comments = count
        weights = [rng.lognormvariate(0, 1.3) for _ in suggestions]
        ceiling = len(self.people.citizens) - 1
        for d, count in zip(suggestions, allocate(supports, weights), strict=True):
            d.supports = min(count, ceiling)
        self.node_comments = comments - on_contributions

    def _thread(
        self, count: int, start: datetime.datetime, **where: object
    ) -> tuple[list[Comment], list[tuple[int, Comment]]]:
        """``count`` comments on one target: top-level ones and replies to them (by index)."""
        rng = self.rng
        replies = math.floor(count * REPLY_SHARE) if count > 1 else 0
        tops = [
            Comment(
                author_id=rng.choice(self.people.citizens),
                text=rng.choice(texts.COMMENTS),
                created_at=self._moment_after(start, 90),
                **where,
            )
            for _ in range(count - replies)
        ]
        answers = []
        for _ in range(replies):
            parent = rng.randrange(len(tops))
            answers.append(
                (
                    parent,
                    Comment(
                        author_id=rng.choice(self.people.citizens),
                        text=rng.choice(texts.REPLIES),
                        created_at=self._moment_after(tops[parent].created_at, 10),
                        **where,
                    ),
                )
            )
        return tops, answers

    def write(self, count: int, comments: int, supports: int) -> tuple[int, int, int, int]:
        drawn = [self.contribution(n) for n in range(count)]
        self.spread(drawn, comments, supports)
        batch = self.options.batch_size
        for d in drawn:
            d.contribution.comment_count = d.comments
            d.contribution.support_count = d.supports
        Contribution.objects.bulk_create([d.contribution for d in drawn], batch_size=batch)
        answers = [a for d in drawn for a in d.answers]
        for d in drawn:
            for a in d.answers:
                a.contribution_id = d.contribution.pk
        Answer.objects.bulk_create(answers, batch_size=batch)
        tops: list[Comment] = []
        replies: list[tuple[int, Comment]] = []
        for d in drawn:
            c = d.contribution
            if d.comments:
                t, r = self._thread(
                    d.comments,
                    c.created_at,
                    plan_id=c.plan_id,
                    node_kind=c.node_kind,
                    node_id=c.node_id,
                    contribution_id=c.pk,
                )
                replies += [(len(tops) + i, reply) for i, reply in r]
                tops += t
        by_node = Counter(
            self.rng.choices(self.nodes, weights=self.node_weights, k=self.node_comments)
        )
        for node, n in sorted(by_node.items(), key=lambda item: (item[0].kind, item[0].id)):
            t, r = self._thread(
                n, self.opened, plan_id=self.plan.id, node_kind=node.kind, node_id=node.id
            )
            replies += [(len(tops) + i, reply) for i, reply in r]
            tops += t
        support_rows = []
        for d in drawn:
            if d.supports:
                chosen = self.rng.sample(self.people.citizens, d.supports + 1)
                supporters = [u for u in chosen if u != d.contribution.author_id][: d.supports]
                support_rows += [
                    Support(
                        user_id=u,
                        contribution_id=d.contribution.pk,
                        created_at=self._moment_after(d.contribution.created_at, 120),
                    )
                    for u in supporters
                ]
        with given_creation_times(
            Comment._meta.get_field("created_at"), Support._meta.get_field("created_at")
        ):  # type: ignore[arg-type]
            Comment.objects.bulk_create(tops, batch_size=batch)
            for parent, reply in replies:
                reply.parent_id = tops[parent].pk
            Comment.objects.bulk_create([reply for _p, reply in replies], batch_size=batch)
            Support.objects.bulk_create(support_rows, batch_size=batch)
        return len(drawn), len(answers), len(tops) + len(replies), len(support_rows)


@dataclass(frozen=True)
class _Context:
    options: Options
    deadline: int
    verified: dict[int, list[OrganizationRef]]
    everywhere: list[OrganizationRef]


@dataclass(frozen=True)
class ParticipationCounts:
    contributions: int = 0
    answers: int = 0
    comments: int = 0
    supports: int = 0


def write_participation(
    plans: Sequence[WrittenPlan],
    people: People,
    options: Options,
    tick: Callable[[int], None],
) -> ParticipationCounts:
    public = [p for p in plans if p.is_public]
    weights = [p.place.population**0.8 for p in public]
    contributions = allocate(options.contributions, weights)
    comments = allocate(options.comments, contributions)
    supports = allocate(options.supports, contributions)
    verified = people.verified_by_province()
    context = _Context(
        options=options,
        deadline=rules.deadline_days(
            None, int(getattr(settings, "ORTAK_ANSWER_DEADLINE_DAYS", rules.LEGAL_DEADLINE_DAYS))
        ),
        verified=verified,
        everywhere=[o for found in verified.values() for o in found],
    )
    totals = [0, 0, 0, 0]
    for plan, count, c, s in zip(public, contributions, comments, supports, strict=True):
        written = _PlanParticipation(plan, people, context).write(count, c, s)
        totals = [a + b for a, b in zip(totals, written, strict=True)]
        tick(count)
    return ParticipationCounts(*totals)
