"""Participation data for the project's query guard (``config/tests/representatives.py``).

``participation_data(dataset)`` fills the guard's dataset once with contributions on every kind
of plan node, answers, comments with replies, supports, open flags, an attachment, figures and
search entries, enough that an N+1 on any participation page would show, and returns the ids the
representatives need.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from ortak.accounts.tests.factories import UserFactory
from ortak.participation.models import Answer, Attachment, Comment, Flag, Support
from ortak.participation.search import reindex_plan
from ortak.participation.services import refresh_figures
from ortak.participation.tests.factories import PlanTree, bulk_contributions
from ortak.plans.models import Activity, Aim, Indicator, Objective


def participation_data(dataset: Any) -> dict[str, Any]:
    cached = dataset.extra.get("participation")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    plan = dataset.plan
    objective = Objective.objects.filter(plan=plan).order_by("id").first()
    tree = PlanTree(
        municipality=dataset.municipality,
        strategy_unit=dataset.units[1],
        unit=dataset.units[0],
        plan=plan,
        aim=Aim.objects.filter(plan=plan).order_by("id").first(),  # type: ignore[arg-type]
        objective=objective,  # type: ignore[arg-type]
        indicator=Indicator.objects.filter(plan=plan).order_by("id").first(),  # type: ignore[arg-type]
        activity=Activity.objects.filter(plan=plan).order_by("id").first(),  # type: ignore[arg-type]
    )
    citizen = dataset.user("citizen")
    authors = [citizen, *UserFactory.create_batch(20)]
    rows = bulk_contributions(
        tree,
        120,
        authors=authors,
        organization=dataset.organization,
        received=timezone.now() - timedelta(days=60),
    )
    first = next(row for row in rows if row.is_suggestion and row.unit_id == tree.unit.pk)
    own = next(row for row in rows if row.author_id == citizen.pk)
    offer = next(row for row in rows if row.is_offer)
    Answer.objects.bulk_create(
        Answer(
            contribution=row,
            status=row.status,
            text="Değerlendiriyoruz.",
            author=dataset.user("responder"),
            unit=row.unit,
            created_at=row.first_answered_at,
        )
        for row in rows
        if row.first_answered_at
    )
    comments = [
        Comment.objects.create(
            plan=plan,
            node_kind=first.node_kind,
            node_id=first.node_id,
            contribution=first,
            author=authors[n % len(authors)],
            text=f"Yorum {n}",
        )
        for n in range(1, 21)
    ]
    Comment.objects.bulk_create(
        Comment(
            plan=plan,
            node_kind=c.node_kind,
            node_id=c.node_id,
            contribution=first,
            parent=c,
            author=authors[(n + 3) % len(authors)],
            text="Katılıyorum.",
        )
        for n, c in enumerate(comments)
    )
    Comment.objects.bulk_create(
        Comment(
            plan=plan,
            node_kind="objective",
            node_id=objective.pk,  # type: ignore[union-attr]
            author=authors[n % len(authors)],
            text=f"Hedef üzerine yorum {n}",
        )
        for n in range(20)
    )
    Support.objects.bulk_create(Support(user=user, contribution=first) for user in authors[1:])
    flagged = [row for row in rows if row.author_id != authors[1].pk][:20]
    Flag.objects.bulk_create(
        [Flag(reporter=authors[1], contribution=row, reason="Uygunsuz.") for row in flagged]
        + [Flag(reporter=authors[2], comment=c, reason="Hakaret.") for c in comments[1:16]]
    )
    attachment = Attachment(
        contribution=first, original_name="ek.pdf", content_type="application/pdf", size=12
    )
    attachment.file.save("ek.pdf", ContentFile(b"%PDF-1.4 ek"), save=True)
    refresh_figures(municipality_id=dataset.municipality.pk)
    reindex_plan(plan)
    data = {
        "contribution": first.pk,
        "offer": offer.pk,
        "own": own.pk,
        "comment": comments[0].pk,
        "attachment": attachment.pk,
        "node": ("objective", objective.pk),  # type: ignore[union-attr]
    }
    dataset.extra["participation"] = data
    return data


def pk_of(key: str) -> Callable[[Any], dict[str, Any]]:
    """Representative kwargs ``{"pk": …}`` for one of the objects ``participation_data`` made."""
    return lambda dataset: {"pk": participation_data(dataset)[key]}


def with_participation(
    kwargs: Callable[[Any], dict[str, Any]] = lambda dataset: {},
) -> Callable[[Any], dict[str, Any]]:
    """Representative kwargs that first make sure the participation data exists."""

    def build(dataset: Any) -> dict[str, Any]:
        participation_data(dataset)
        return kwargs(dataset)

    return build


def node_kwargs(dataset: Any) -> dict[str, Any]:
    kind, node_id = participation_data(dataset)["node"]
    return {"kind": kind, "node_id": node_id}
