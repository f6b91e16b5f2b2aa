"""Reads for participation pages, with their joins written once (STYLE rule 2).

Every list resolves the plan nodes of its contributions with one query per node kind
(``attach_targets``), so a page costs a constant number of queries; the tests pin the counts
on 1,000 contributions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from allauth.mfa.models import Authenticator
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Model,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from ortak.organizations.models import Membership, Municipality, Organization, Unit
from ortak.organizations.permissions import (
    MFA_FACTOR_TYPES,
    MUNICIPALITY_RESPONDER_ROLES,
    has_active_mfa,
    is_moderator,
    is_signed_in,
)
from ortak.participation.models import (
    Answer,
    Comment,
    Contribution,
    Flag,
    Follow,
    ResponsivenessFigure,
    Support,
)
from ortak.participation.targets import node_label, node_public_url
from ortak.plans.models import NodeKind
from ortak.plans.nodes import resolve_many

Role = Membership.Role
LIST_RELATED = ("municipality", "unit", "author", "organization", "plan")
NODE_PREVIEW_SIZE = 10


# --- Visibility -----------------------------------------------------------------------


def visible_contributions(user: Any) -> QuerySet[Contribution]:
    """What ``user`` may read (the queryset form of ``permissions.can_view_contribution``).

    No query of its own: memberships and the MFA check are subqueries.
    """
    contributions = Contribution.objects.all()
    if not is_signed_in(user):
        return contributions.published()
    if is_moderator(user):
        return contributions
    condition = Q(is_public=True, hidden_at__isnull=True) | Q(author_id=user.pk)
    condition |= Q(
        hidden_at__isnull=True,
        organization_id__in=Membership.objects.filter(
            user_id=user.pk, organization__isnull=False
        ).values("organization_id"),
    )
    # Municipality staff see everything of their municipality, with MFA (as the predicates say);
    # both conditions are subqueries, so this costs no extra round trip.
    condition |= Q(
        Exists(Authenticator.objects.filter(user_id=user.pk, type__in=MFA_FACTOR_TYPES)),
        municipality_id__in=Membership.objects.filter(
            user_id=user.pk, municipality__isnull=False, role__in=MUNICIPALITY_RESPONDER_ROLES
        ).values("municipality_id"),
    )
    return contributions.filter(condition)


def acting_organizations(user: Any) -> QuerySet[Organization]:
    """Verified organizations the user may act for (the "on behalf of" choices)."""
    if not is_signed_in(user):
        return Organization.objects.none()
    return Organization.objects.filter(
        memberships__user_id=user.pk, verification=Organization.Verification.VERIFIED
    ).order_by("name_sort")


# --- Lists ----------------------------------------------------------------------------


def attach_targets(contributions: Iterable[Contribution]) -> list[Contribution]:
    """Give each contribution ``target_label`` and ``target_url`` (one query per node kind
    below the plan; plan targets reuse the joined ``plan``).

    The contributions must come with ``plan`` and ``municipality`` (``LIST_RELATED``).
    """
    items = list(contributions)
    nodes = resolve_many((c.node_kind, c.node_id) for c in items if c.node_kind != NodeKind.PLAN)
    for contribution in items:
        node: Model | None
        if contribution.node_kind == NodeKind.PLAN:
            node = contribution.plan
        else:
            node = nodes.get((contribution.node_kind, contribution.node_id))
        if node is None:
            contribution.target_label = ""  # type: ignore[attr-defined]
            contribution.target_url = ""  # type: ignore[attr-defined]
            continue
        contribution.target_label = node_label(contribution.node_kind, node)  # type: ignore[attr-defined]
        contribution.target_url = node_public_url(  # type: ignore[attr-defined]
            contribution.node_kind, node, contribution.plan, contribution.municipality.slug
        )
    return items


def with_list_joins(contributions: QuerySet[Contribution]) -> QuerySet[Contribution]:
    return contributions.select_related(*LIST_RELATED)


@dataclass(frozen=True)
class ContributionFilters:
    kind: str = ""
    status: str = ""
    node_kind: str = ""
    unit_id: int | None = None
    age: str = ""
    overdue_only: bool = False

    def apply(self, contributions: QuerySet[Contribution]) -> QuerySet[Contribution]:
        now = timezone.now()
        if self.kind:
            contributions = contributions.filter(kind=self.kind)
        if self.status == "awaiting":
            contributions = contributions.filter(first_answered_at__isnull=True)
        elif self.status:
            contributions = contributions.filter(status=self.status)
        if self.node_kind:
            contributions = contributions.filter(node_kind=self.node_kind)
        if self.unit_id:
            contributions = contributions.filter(unit_id=self.unit_id)
        if self.age == "week":
            contributions = contributions.filter(created_at__gte=now - timedelta(days=7))
        elif self.age == "month":
            contributions = contributions.filter(
                created_at__lt=now - timedelta(days=7), created_at__gte=now - timedelta(days=30)
            )
        elif self.age == "older":
            contributions = contributions.filter(created_at__lt=now - timedelta(days=30))
        if self.overdue_only:
            contributions = contributions.filter(first_answered_at__isnull=True, due_at__lt=now)
        return contributions


def contributions_of_municipality(
    user: Any, municipality: Municipality, filters: ContributionFilters | None = None
) -> QuerySet[Contribution]:
    contributions = visible_contributions(user).filter(municipality=municipality)
    if filters:
        contributions = filters.apply(contributions)
    return with_list_joins(contributions).order_by("-created_at", "-id")


def contributions_of_user(user: Any) -> QuerySet[Contribution]:
    return with_list_joins(Contribution.objects.filter(author_id=user.pk)).order_by(
        "-created_at", "-id"
    )


@dataclass(frozen=True)
class NodeContributions:
    """What a plan node's page shows: the latest suggestions and offers, and their totals."""

    kind: str
    node_id: int
    suggestions: list[Contribution] = field(default_factory=list)
    offers: list[Contribution] = field(default_factory=list)
    suggestion_count: int = 0
    offer_count: int = 0


def contributions_for_node(
    kind: str, node_id: int, user: Any = None, *, limit: int | None = NODE_PREVIEW_SIZE
) -> NodeContributions:
    """The visible contributions on one plan node (three queries, four for staff)."""
    visible = visible_contributions(user).filter(node_kind=kind, node_id=node_id)
    counts = {
        row["kind"]: row["n"] for row in visible.order_by().values("kind").annotate(n=Count("id"))
    }
    joined = visible.select_related("unit", "author", "organization").order_by("-created_at", "-id")
    if limit is None:
        rows = list(joined)
    else:
        suggestions = joined.filter(kind=Contribution.Kind.SUGGESTION)[:limit]
        rows = [*suggestions, *joined.filter(kind=Contribution.Kind.OFFER)[:limit]]
    return NodeContributions(
        kind=kind,
        node_id=node_id,
        suggestions=[c for c in rows if c.is_suggestion],
        offers=[c for c in rows if c.is_offer],
        suggestion_count=counts.get(Contribution.Kind.SUGGESTION, 0),
        offer_count=counts.get(Contribution.Kind.OFFER, 0),
    )


# --- The responder's inbox --------------------------------------------------------------


@dataclass(frozen=True)
class InboxScope:
    """What a responder answers for: their memberships, the units, and the matching condition."""

    memberships: list[Membership]
    units: list[Unit]
    condition: Q


def inbox_scope(user: Any) -> InboxScope:
    """The user's answering roles (nothing without MFA); three queries."""
    memberships: list[Membership] = []
    if is_signed_in(user) and has_active_mfa(user):
        memberships = list(
            Membership.objects.filter(
                user_id=user.pk, municipality__isnull=False, role__in=MUNICIPALITY_RESPONDER_ROLES
            ).select_related("municipality", "unit")
        )
    condition = Q(pk__in=[])
    whole_municipalities: list[int] = []
    for membership in memberships:
        if membership.role == Role.RESPONDER and membership.unit_id is not None:
            condition |= Q(municipality_id=membership.municipality_id, unit_id=membership.unit_id)
        else:
            condition |= Q(municipality_id=membership.municipality_id)
            whole_municipalities.append(membership.municipality_id)  # type: ignore[arg-type]
    units: list[Unit] = []
    if memberships:
        units = list(
            Unit.objects.filter(
                Q(municipality_id__in=whole_municipalities)
                | Q(pk__in=[m.unit_id for m in memberships if m.unit_id])
            )
            .select_related("municipality")
            .order_by("municipality__name_sort", "name")
        )
    return InboxScope(memberships=memberships, units=units, condition=condition)


def inbox(scope: InboxScope, filters: ContributionFilters | None = None) -> QuerySet[Contribution]:
    """Contributions in the scope: overdue first (most overdue on top), then unanswered by
    deadline, then answered ones."""
    now = timezone.now()
    contributions: QuerySet[Contribution] = Contribution.objects.filter(scope.condition)
    if filters:
        contributions = filters.apply(contributions)
    return (
        with_list_joins(contributions)
        .annotate(
            urgency=Case(
                When(first_answered_at__isnull=True, due_at__lt=now, then=Value(0)),
                When(first_answered_at__isnull=True, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("urgency", "due_at", "id")
    )


# --- One contribution -------------------------------------------------------------------


def contribution_for_page(pk: int) -> Contribution:
    """The contribution with its answers and attachments (three queries; its earlier wordings
    are read only when it was edited, see ``revisions_of``)."""
    return (
        Contribution.objects.select_related(
            *LIST_RELATED, "plan__municipality", "implementing_activity"
        )
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=Answer.objects.select_related("author", "unit", "activity").order_by(
                    "created_at", "id"
                ),
            ),
            "attachments",
        )
        .get(pk=pk)
    )


@dataclass(frozen=True)
class Thread:
    """A top-level comment and its replies."""

    comment: Comment
    replies: list[Comment]


def _threads(comments: Iterable[Comment]) -> list[Thread]:
    replies: dict[int, list[Comment]] = defaultdict(list)
    top: list[Comment] = []
    for comment in comments:
        if comment.parent_id is None:
            top.append(comment)
        else:
            replies[comment.parent_id].append(comment)
    return [Thread(comment=c, replies=replies.get(c.pk, [])) for c in top]


def comments_on_contribution(contribution: Contribution) -> list[Thread]:
    return _threads(
        Comment.objects.filter(contribution=contribution)
        .select_related("author")
        .order_by("created_at", "id")
    )


def comments_on_node(kind: str, node_id: int) -> list[Thread]:
    return _threads(
        Comment.objects.filter(contribution__isnull=True, node_kind=kind, node_id=node_id)
        .select_related("author")
        .order_by("created_at", "id")
    )


def revisions_of(contribution: Contribution) -> list[Any]:
    """Earlier wordings, newest first; no query for a contribution that was never edited."""
    if contribution.edited_at is None:
        return []
    return list(contribution.revisions.all())


def has_supported(user: Any, contribution: Contribution) -> bool:
    if not is_signed_in(user) or not contribution.is_suggestion:
        return False
    return Support.objects.filter(user_id=user.pk, contribution=contribution).exists()


def follows_of(user: Any) -> QuerySet[Follow]:
    if not is_signed_in(user):
        return Follow.objects.none()
    return Follow.objects.filter(user_id=user.pk)


def is_following(
    user: Any,
    *,
    municipality_id: int | None = None,
    contribution_id: int | None = None,
    node: tuple[str, int] | None = None,
) -> bool:
    follows = follows_of(user)
    if municipality_id is not None:
        return follows.filter(municipality_id=municipality_id).exists()
    if contribution_id is not None:
        return follows.filter(contribution_id=contribution_id).exists()
    if node is not None:
        return follows.filter(node_kind=node[0], node_id=node[1]).exists()
    return False


# --- Figures --------------------------------------------------------------------------


@dataclass(frozen=True)
class MunicipalityFigures:
    total: ResponsivenessFigure | None
    units: list[ResponsivenessFigure]


def figures_of_municipality(municipality: Municipality) -> MunicipalityFigures:
    """The stored figures of one municipality and its units (one query)."""
    rows = list(
        ResponsivenessFigure.objects.filter(municipality=municipality)
        .select_related("unit")
        .order_by("unit__name")
    )
    total = next((row for row in rows if row.unit_id is None), None)
    return MunicipalityFigures(total=total, units=[row for row in rows if row.unit_id is not None])


COMPARISON_SORTS = {
    "name": lambda row: row.municipality.name_sort,
    "received": lambda row: -row.received,
    "answered": lambda row: -(row.share_answered if row.share_answered is not None else -1),
    "median": lambda row: (
        row.median_days_to_first_answer
        if row.median_days_to_first_answer is not None
        else float("inf")
    ),
    "deadline": lambda row: (
        -(row.share_within_deadline if row.share_within_deadline is not None else -1)
    ),
    "accepted": lambda row: -(row.share_accepted if row.share_accepted is not None else -1),
}


def comparison(sort: str = "name") -> list[ResponsivenessFigure]:
    """The municipalities' totals for the comparison table (one query)."""
    rows = list(
        ResponsivenessFigure.objects.filter(unit__isnull=True, received__gt=0).select_related(
            "municipality__province"
        )
    )
    key = COMPARISON_SORTS.get(sort, COMPARISON_SORTS["name"])
    rows.sort(key=lambda row: (key(row), row.municipality.name_sort))
    return rows


# --- Moderation -----------------------------------------------------------------------


def open_flags() -> QuerySet[Flag]:
    return (
        Flag.objects.filter(state=Flag.State.OPEN)
        .select_related(
            "reporter",
            "contribution__author",
            "comment__author",
            "comment__contribution",
        )
        .order_by("created_at", "id")
    )


def units_for_routing(contribution: Contribution) -> QuerySet[Unit]:
    return Unit.objects.filter(municipality_id=contribution.municipality_id).order_by("name")
