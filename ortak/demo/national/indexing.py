"""Responsiveness figures and the search index of the generated data.

Figures: participation's own ``refresh_figures`` for every generated municipality, as of the
generated world's "now". Search: participation's ``reindex_plan`` for every plan (its bulk path);
contributions have no bulk path there (``index_contribution`` writes one row with two queries),
so their entries are built here the way ``index_contribution`` builds them, with participation's
``fold``, and inserted in bulk. When participation offers a bulk ``index_contributions``, call it
instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.urls import reverse

from ortak.demo.national.options import Options
from ortak.participation.models import Contribution, SearchEntry
from ortak.participation.search import EXCERPT_LENGTH, fold, reindex_plan
from ortak.participation.services.figures import refresh_figures
from ortak.plans.models import StrategicPlan


def refresh_responsiveness(
    municipality_ids: Sequence[int], options: Options, tick: Callable[[int], None]
) -> None:
    for municipality_id in municipality_ids:
        refresh_figures(municipality_id=municipality_id, now=options.now)
        tick(1)


def index_plans(plan_ids: Sequence[int], tick: Callable[[int], None]) -> int:
    entries = 0
    for plan in StrategicPlan.objects.filter(pk__in=plan_ids).order_by("pk").iterator():
        entries += reindex_plan(plan)
        tick(1)
    return entries


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1].rstrip() + "…"


def index_contributions(
    plan_ids: Sequence[int], options: Options, tick: Callable[[int], None]
) -> int:
    """One entry per contribution of the plans, public when the contribution is published."""
    rows = (
        Contribution.objects.filter(plan_id__in=plan_ids)
        .order_by("pk")
        .values_list(
            "pk", "kind", "plan_id", "municipality_id", "title", "text", "is_public", "hidden_at"
        )
    )
    batch: list[SearchEntry] = []
    count = 0
    for pk, kind, plan_id, municipality_id, title, text, is_public, hidden_at in rows.iterator(
        chunk_size=options.batch_size
    ):
        batch.append(
            SearchEntry(
                kind=SearchEntry.Kind.SUGGESTION
                if kind == Contribution.Kind.SUGGESTION
                else SearchEntry.Kind.OFFER,
                object_id=pk,
                plan_id=plan_id,
                municipality_id=municipality_id,
                title=title[:300],
                excerpt=_excerpt(text),
                url=reverse("participation:detail", args=[pk]),
                text=fold(title, text),
                is_public=is_public and hidden_at is None,
            )
        )
        if len(batch) >= options.batch_size:
            SearchEntry.objects.bulk_create(batch)
            count += len(batch)
            tick(len(batch))
            batch = []
    SearchEntry.objects.bulk_create(batch)
    tick(len(batch))
    return count + len(batch)
