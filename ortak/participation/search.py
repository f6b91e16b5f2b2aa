"""Site search (``/ara/``) over plans, their nodes and published contributions.

Text goes into ``SearchEntry.text`` folded by ``ortak.core.turkish.search_key`` (lower-case
ASCII: "Çevre" → "cevre", "ISPARTA"/"Isparta"/"ıspart" → "isparta"/"ispart"), and queries are
folded the same way, so Turkish case and letters never decide whether something is found. Each
query word matches as a prefix. The full-text engine is PostgreSQL's (``turkish`` stemming
plus the unstemmed ``simple`` vector, so a typed prefix always works) or SQLite's FTS5; the
indexes are created by migration 0002.

Kept in sync by the services: contributions on every change (``index_contribution``), plans
by ``reindex_plan(plan)``, which the plans app calls after imports and publishing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models import BooleanField, Case, Count, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from ortak.core import pagecache
from ortak.core.turkish import search_key
from ortak.participation.models import Contribution, SearchEntry
from ortak.participation.targets import node_public_url
from ortak.plans.models import Activity, Aim, Indicator, NodeKind, Objective, StrategicPlan

MAX_TERMS = 8
EXCERPT_LENGTH = 280
KIND_ORDER = [kind for kind, _label in SearchEntry.Kind.choices]
NODE_KINDS = [
    NodeKind.PLAN,
    NodeKind.AIM,
    NodeKind.OBJECTIVE,
    NodeKind.INDICATOR,
    NodeKind.ACTIVITY,
]

_WORD = re.compile(r"[a-z0-9]+")


def fold(*parts: str | None) -> str:
    return search_key(" ".join(part for part in parts if part))


def terms_of(query: str) -> list[str]:
    """The folded words of a query, at most ``MAX_TERMS`` of them."""
    return _WORD.findall(search_key(query or ""))[:MAX_TERMS]


def _excerpt(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1].rstrip() + "…"


# --- Indexing -------------------------------------------------------------------------


def _entry(
    *,
    kind: str,
    object_id: int,
    plan: StrategicPlan | None,
    municipality_id: int | None,
    title: str,
    body: str,
    url: str,
    is_public: bool,
    extra: str = "",
) -> SearchEntry:
    return SearchEntry(
        kind=kind,
        object_id=object_id,
        plan=plan,
        municipality_id=municipality_id,
        title=title[:300],
        excerpt=_excerpt(body),
        url=url,
        text=fold(title, body, extra),
        is_public=is_public,
    )


@transaction.atomic
def index_contribution(contribution: Contribution) -> None:
    """Create or refresh the entry of one contribution (public only when published)."""
    from django.urls import reverse

    kind = SearchEntry.Kind.SUGGESTION if contribution.is_suggestion else SearchEntry.Kind.OFFER
    entry = _entry(
        kind=kind,
        object_id=contribution.pk,
        plan=None,
        municipality_id=contribution.municipality_id,
        title=contribution.title,
        body=contribution.text,
        url=reverse("participation:detail", args=[contribution.pk]),
        is_public=contribution.is_public and contribution.hidden_at is None,
    )
    entry.plan_id = contribution.plan_id
    SearchEntry.objects.update_or_create(
        kind=kind,
        object_id=contribution.pk,
        defaults={
            field: getattr(entry, field)
            for field in (
                "plan_id",
                "municipality_id",
                "title",
                "excerpt",
                "url",
                "text",
                "is_public",
            )
        },
    )


@transaction.atomic
def reindex_plan(plan: StrategicPlan) -> int:
    """Rebuild the entries of one plan and all its nodes; returns how many were written.

    Draft plans are not public, so they get no entries. Six queries plus the bulk insert,
    whatever the size of the plan.
    """
    plan = StrategicPlan.objects.select_related("municipality").get(pk=plan.pk)
    SearchEntry.objects.filter(plan=plan, kind__in=NODE_KINDS).delete()
    if not plan.is_public:
        return 0
    municipality = plan.municipality
    slug = municipality.slug

    def entry(kind: str, node: object, title: str, body: str, extra: str = "") -> SearchEntry:
        return _entry(
            kind=kind,
            object_id=node.pk,  # type: ignore[attr-defined]
            plan=plan,
            municipality_id=municipality.pk,
            title=title,
            body=body,
            url=node_public_url(kind, node, plan, slug),  # type: ignore[arg-type]
            is_public=True,
            extra=extra,
        )

    entries = [
        entry(
            NodeKind.PLAN,
            plan,
            plan.title,
            " ".join(filter(None, [plan.mission, plan.vision])),
            extra=f"{municipality.name} {plan.start_year} {plan.end_year}",
        )
    ]
    entries += [entry(NodeKind.AIM, a, str(a), "") for a in Aim.objects.filter(plan=plan)]
    entries += [
        entry(NodeKind.OBJECTIVE, o, str(o), o.strategies, extra=o.findings)
        for o in Objective.objects.filter(plan=plan).order_by("id")
    ]
    entries += [
        entry(NodeKind.INDICATOR, i, str(i), i.data_source, extra=i.unit_of_measure)
        for i in Indicator.objects.filter(plan=plan).order_by("id")
    ]
    entries += [
        entry(NodeKind.ACTIVITY, a, str(a), a.description)
        for a in Activity.objects.filter(plan=plan).order_by("id")
    ]
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    return len(entries)


# --- Querying -------------------------------------------------------------------------


def _postgres_match(terms: list[str]) -> RawSQL:
    # The stored vector of migration 0004 (turkish stems and simple words of the folded text),
    # GIN-indexed; each word matches as a prefix, stemmed (turkish) or not (simple).
    vector = "participation_searchentry.search_vector"
    parts = [
        "(to_tsquery('turkish'::regconfig, %s) || to_tsquery('simple'::regconfig, %s))"
        for _term in terms
    ]
    params: list[str] = []
    for term in terms:
        params += [f"{term}:*", f"{term}:*"]
    # Only fixed SQL text is interpolated; the words themselves are parameters.
    sql = f"{vector} @@ ({' && '.join(parts)})"
    return RawSQL(sql, params, output_field=BooleanField())  # noqa: S611


def _matching(terms: list[str]) -> QuerySet[SearchEntry]:
    entries = SearchEntry.objects.filter(is_public=True)
    vendor = connection.vendor
    if vendor == "postgresql":
        return entries.filter(_postgres_match(terms))
    if vendor == "sqlite":
        match = " ".join(f'"{term}"*' for term in terms)
        return entries.filter(
            pk__in=RawSQL(
                "SELECT rowid FROM participation_searchfts WHERE participation_searchfts MATCH %s",
                [match],
            )
        )
    condition = Q()
    for term in terms:
        condition &= Q(text__contains=term)
    return entries.filter(condition)


class CountedEntries:
    """Matching entries whose number is known already (from the counts per kind).

    Handed to the paginator instead of the queryset, so that it does not count the matches a
    second time (on a national index a common word matches tens of thousands of entries).
    """

    def __init__(
        self,
        entries: QuerySet[SearchEntry],
        total: int,
        counts: dict[str, int] | None = None,
    ) -> None:
        self.entries = entries
        self.total = total
        self.counts = counts  # per kind, when the entries of every kind are listed

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index: int | slice) -> Any:
        if self.counts is None or not isinstance(index, slice):
            return self.entries[index]
        # All kinds: one query per kind the page reaches, newest first within a kind; each
        # stops at the page's end instead of ordering every match of every kind.
        start, stop = index.start or 0, index.stop if index.stop is not None else self.total
        rows: list[SearchEntry] = []
        offset = 0
        for kind in KIND_ORDER:
            count = self.counts.get(kind, 0)
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                rows += list(self.entries.filter(kind=kind).order_by("-id")[low:high])
            offset += count
            if offset >= stop:
                break
        return rows


@dataclass(frozen=True)
class SearchResults:
    query: str
    terms: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    entries: QuerySet[SearchEntry] | None = None
    kind: str | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def listing(self) -> CountedEntries | None:
        """The entries to paginate (of the chosen kind, if any), with their known count."""
        if self.entries is None:
            return None
        if self.kind:
            return CountedEntries(self.entries, self.counts.get(self.kind, 0))
        return CountedEntries(self.entries, self.total, self.counts)


def search(query: str, *, kind: str | None = None) -> SearchResults:
    """Matching public entries (lazy, for pagination) and the count per kind (one query, kept
    until the next write)."""
    terms = terms_of(query)
    if not terms:
        return SearchResults(query=query, terms=[])
    matching = _matching(terms)

    def count_per_kind() -> dict[str, int]:
        rows = matching.order_by().values("kind").annotate(n=Count("id"))
        return {row["kind"]: row["n"] for row in rows}

    # Counting a common word's matches on a national index costs 100+ ms; the counts are the
    # same for everyone (public entries only) until the next write.
    counts = pagecache.memo("search-counts:" + " ".join(terms), count_per_kind)
    entries = matching.select_related("municipality")
    kind = kind if kind in KIND_ORDER else None
    if kind:
        entries = entries.filter(kind=kind)
    rank = Case(
        *[When(kind=value, then=Value(i)) for i, value in enumerate(KIND_ORDER)],
        output_field=IntegerField(),
    )
    entries = entries.annotate(kind_rank=rank).order_by("kind_rank", "-id")
    return SearchResults(query=query, terms=terms, counts=counts, entries=entries, kind=kind)
