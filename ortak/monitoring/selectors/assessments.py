"""CSO assessments as plan pages show them, and the "sivil toplumun görüşü" summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import Prefetch, QuerySet
from django.urls import reverse

from ortak.monitoring.models import (
    Assessment,
    AssessmentEvidence,
    MonitoringPeriod,
    ObjectiveAssessmentSummary,
    Rating,
)
from ortak.plans.models import Activity, Indicator, NodeKind, Objective, StrategicPlan
from ortak.plans.nodes import kind_of, plan_of
from ortak.plans.progress import Thresholds

__all__ = [
    "Disagreement",
    "NodeAssessments",
    "Notice",
    "Opinion",
    "assessment_by_pk",
    "assessment_for_notice",
    "assessments_of",
    "node_url",
    "opinion_of",
]

BANDED = {Rating.ON_TRACK.value, Rating.AT_RISK.value, Rating.OFF_TRACK.value}


def assessments_of() -> QuerySet[Assessment]:
    """Assessments with everything a page shows: organization, period, author, reply, evidence."""
    return (
        Assessment.objects.select_related(
            "organization", "period", "author", "reply", "reply__author", "plan"
        )
        .prefetch_related(Prefetch("evidence", queryset=AssessmentEvidence.objects.order_by("id")))
        .order_by("-period__year", "period__is_half_year", "-created_at", "-id")
    )


def assessment_by_pk(pk: int) -> Assessment | None:
    return assessments_of().select_related("plan__municipality").filter(pk=pk).first()


@dataclass(frozen=True)
class NodeAssessments:
    """The assessments shown on one page: of the node itself and, on an objective's page, of
    its activities (which have no page of their own)."""

    node: models.Model
    kind: str
    plan: StrategicPlan
    assessments: list[Assessment]
    activities: dict[int, Activity] = field(default_factory=dict)


def for_node(node: models.Model) -> NodeAssessments:
    """One query, two with evidence; on an objective's page one more when some assessments are
    of its activities (their names)."""
    kind = kind_of(node)
    plan = plan_of(node)
    condition = models.Q(node_kind=kind, node_id=node.pk)
    if kind == NodeKind.OBJECTIVE:
        activity_ids = Activity.objects.filter(objective_id=node.pk).values("pk")
        condition |= models.Q(node_kind=NodeKind.ACTIVITY, node_id__in=activity_ids)
    rows = list(assessments_of().filter(condition))
    for row in rows:
        row.plan = plan
    wanted = {row.node_id for row in rows if row.node_kind == NodeKind.ACTIVITY}
    activities = {a.pk: a for a in Activity.objects.filter(pk__in=wanted)} if wanted else {}
    return NodeAssessments(node=node, kind=kind, plan=plan, assessments=rows, activities=activities)


# --- Sivil toplumun görüşü --------------------------------------------------------------


@dataclass(frozen=True)
class Disagreement:
    """An organization's rating of an item that differs from the item's computed status."""

    code: str
    node_kind: str
    organization: str
    organization_slug: str
    rating: str
    computed: str

    @property
    def rating_label(self) -> str:
        return str(Rating(self.rating).label)

    @property
    def computed_label(self) -> str:
        return str(Indicator.Status(self.computed).label)


@dataclass(frozen=True)
class Opinion:
    """What the summary page shows: counts per rating and the disagreements."""

    summary: ObjectiveAssessmentSummary | None
    disagreements: list[Disagreement]

    @property
    def organizations(self) -> int:
        return self.summary.organizations if self.summary else 0

    @property
    def ratings(self) -> list[tuple[str, str, int]]:
        if self.summary is None:
            return []
        return [
            (value, str(label), getattr(self.summary, value)) for value, label in Rating.choices
        ]


def _objective_status(objective: Objective, thresholds: Thresholds) -> str:
    if objective.realization is None:
        return ""
    return str(thresholds.band(objective.realization))


def opinion_of(objective: Objective) -> Opinion:
    """The stored summary compared with the current computed status of each item (one query;
    the objective's indicators are the page's prefetched ones)."""
    summary = ObjectiveAssessmentSummary.objects.filter(objective=objective).first()
    if summary is None:
        return Opinion(summary=None, disagreements=[])
    thresholds = Thresholds.from_settings()
    computed = {(NodeKind.OBJECTIVE.value, objective.pk): _objective_status(objective, thresholds)}
    for indicator in objective.indicators.all():
        computed[(NodeKind.INDICATOR.value, indicator.pk)] = indicator.status
    disagreements = []
    for item in summary.items:
        status = computed.get((item["node_kind"], item["node_id"]), "")
        if item["rating"] in BANDED and status in BANDED and item["rating"] != status:
            disagreements.append(
                Disagreement(
                    code=item["code"],
                    node_kind=item["node_kind"],
                    organization=item["organization"],
                    organization_slug=item["organization_slug"],
                    rating=item["rating"],
                    computed=status,
                )
            )
    disagreements.sort(key=lambda d: (d.node_kind != NodeKind.OBJECTIVE, d.code, d.organization))
    return Opinion(summary=summary, disagreements=disagreements)


# --- Links and notifications ------------------------------------------------------------


def node_url(plan: StrategicPlan, kind: str, node: Any) -> str:
    """The public page that shows an assessment of this node."""
    args = [plan.municipality.slug, plan.start_year, plan.end_year]
    if kind == NodeKind.INDICATOR:
        return reverse("plans:indicator_detail", args=[*args, node.code])
    if kind == NodeKind.ACTIVITY:
        return reverse("plans:objective_detail", args=[*args, node.objective.code])
    return reverse("plans:objective_detail", args=[*args, node.code])


def item_label(kind: str, node: Any) -> str:
    """How notifications name the item: its kind and code (language-neutral parts only)."""
    code = getattr(node, "code", "") or getattr(node, "name", "")[:60]
    prefix = {NodeKind.OBJECTIVE: "H", NodeKind.INDICATOR: "PG", NodeKind.ACTIVITY: ""}.get(
        NodeKind(kind), ""
    )
    return f"{prefix}{code}"


@dataclass(frozen=True)
class Notice:
    municipality_id: int
    author: Any
    replier: Any
    params: dict[str, Any]
    url: str


def assessment_for_notice(assessment_id: int) -> Notice | None:
    assessment = (
        Assessment.objects.select_related(
            "plan__municipality", "organization", "author", "reply__author"
        )
        .filter(pk=assessment_id)
        .first()
    )
    if assessment is None:
        return None
    plan = assessment.plan
    node: Any = assessment.node
    reply = getattr(assessment, "reply", None)
    return Notice(
        municipality_id=plan.municipality_id,
        author=assessment.author,
        replier=reply.author if reply else None,
        params={
            "organization": assessment.organization.name,
            "item": item_label(assessment.node_kind, node),
            "plan": plan.period_label,
            "municipality": plan.municipality.name,
        },
        url=node_url(plan, assessment.node_kind, node) + f"#assessment-{assessment.pk}",
    )


def periods_for_assessment(plan: StrategicPlan, today: Any) -> list[MonitoringPeriod]:
    """Periods that can be assessed: those that have started, newest first."""
    return sorted(
        (p for p in MonitoringPeriod.objects.filter(plan=plan) if p.year <= today.year),
        key=lambda p: p.period,
        reverse=True,
    )
