"""The two report sections whose figures other parts of the platform keep.

- The CSO view (STK görüşü): civil-society organizations' own assessments of the plan's progress
  (``ortak.monitoring`` assessments).
- Responsiveness (yanıt verme): how the municipality and its units answer suggestions and
  cooperation offers, from the stored figures of ``ortak.participation``.

``participation`` is a sibling of ``monitoring`` in the layers contract (pyproject.toml: neither
imports the other), so its figures are read through the app registry by model name, not by
import; when the app is not installed the section says so instead of showing made-up zeros.
Each section costs one query.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext

from ortak.monitoring.models import Assessment, Rating
from ortak.monitoring.reports.periods import ReportPeriod
from ortak.plans.codes import code_sort_key
from ortak.plans.models import NodeKind, StrategicPlan
from ortak.plans.progress import round_export

__all__ = [
    "CsoLine",
    "CsoObjective",
    "CsoView",
    "NodeCodes",
    "ResponsivenessLine",
    "ResponsivenessView",
    "cso_view",
    "responsiveness_view",
]


# --- CSO view -----------------------------------------------------------------------------------

EXCERPT_LENGTH = 280


@dataclass(frozen=True)
class CsoLine:
    """One organization's latest rating of one plan item in the report's period, beside the
    status the platform computes for the item in the report's year."""

    code: str
    kind_label: str
    organization: str
    rating: str
    rating_label: str
    period: str
    computed: str  # the computed status's label, "" when the item has none (activities)
    excerpt: str
    replied: bool


@dataclass(frozen=True)
class CsoObjective:
    """The ratings of an objective and of the items under it, in the report's period."""

    code: str
    organizations: int
    on_track: int
    at_risk: int
    off_track: int
    cannot_assess: int

    @property
    def assessments(self) -> int:
        return self.on_track + self.at_risk + self.off_track + self.cannot_assess


@dataclass(frozen=True)
class CsoView:
    available: bool
    note: str
    objectives: tuple[CsoObjective, ...] = ()
    lines: tuple[CsoLine, ...] = ()


@dataclass(frozen=True)
class NodeCodes:
    """What the CSO view needs to place an assessed item: its code and its objective's code."""

    codes: Mapping[tuple[str, int], str]  # (node kind, id) → code
    objectives: Mapping[tuple[str, int], str]  # (node kind, id) → code of its objective


def _periods_of(period: ReportPeriod) -> list[str]:
    """An evaluation report covers both halves of its year; a monitoring report January–June."""
    return [period.text] if period.is_monitoring else [str(period.year), f"{period.year}-H1"]


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_LENGTH else flat[: EXCERPT_LENGTH - 1].rstrip() + "…"


def _replied(assessment: Assessment) -> bool:
    """Whether the municipality replied (``reply`` is selected with the row: no query)."""
    try:
        assessment.reply  # noqa: B018 - the reverse one-to-one raises when there is none
    except ObjectDoesNotExist:
        return False
    return True


def cso_view(
    plan: StrategicPlan,
    period: ReportPeriod,
    nodes: NodeCodes,
    computed: Mapping[tuple[str, str], str],
) -> CsoView:
    """Organizations' assessments of the plan's items in the report's period (one query), each
    organization's latest per item, or an explicit note when there are none.

    The stored per-objective summaries (``ObjectiveAssessmentSummary``) keep only the latest
    assessment of all periods; a report of a past period needs that period's own, so they are
    read here. ``computed`` maps (node kind, code) to the label of the status the platform
    computes for the item in the report's year, so that the reader can compare the two.
    """
    wanted = _periods_of(period)
    rows = (
        Assessment.objects.filter(plan=plan, period__code__in=wanted)
        .select_related("organization", "period", "reply")
        .order_by("period__is_half_year", "-created_at", "-id")  # whole year first, then newest
    )
    latest: dict[tuple[int, str, int], Assessment] = {}
    for row in rows:
        latest.setdefault((row.organization_id, row.node_kind, row.node_id), row)
    if not latest:
        return CsoView(
            available=False,
            note=gettext(
                "No civil-society organization has assessed this plan's items for %(period)s."
            )
            % {"period": period.label},
        )
    kinds = dict(NodeKind.choices)
    ratings = dict(Rating.choices)
    lines: list[tuple[tuple[tuple[int, ...], int], CsoLine]] = []
    by_objective: dict[str, list[Assessment]] = {}
    for assessment in latest.values():
        key = (assessment.node_kind, assessment.node_id)
        code = nodes.codes.get(key, "")
        objective = nodes.objectives.get(key, "")
        by_objective.setdefault(objective, []).append(assessment)
        lines.append(
            (
                (code_sort_key(code), assessment.pk),
                CsoLine(
                    code=code,
                    kind_label=str(kinds.get(assessment.node_kind, assessment.node_kind)),
                    organization=assessment.organization.name,
                    rating=assessment.rating,
                    rating_label=str(ratings.get(assessment.rating, assessment.rating)),
                    period=assessment.period.code,
                    computed=computed.get((assessment.node_kind, code), ""),
                    excerpt=_excerpt(assessment.narrative),
                    replied=_replied(assessment),
                ),
            )
        )
    objectives = []
    for code in sorted(by_objective, key=code_sort_key):
        items = by_objective[code]
        count = {rating: sum(1 for a in items if a.rating == rating) for rating in Rating.values}
        objectives.append(
            CsoObjective(
                code=code,
                organizations=len({a.organization_id for a in items}),
                on_track=count[Rating.ON_TRACK],
                at_risk=count[Rating.AT_RISK],
                off_track=count[Rating.OFF_TRACK],
                cannot_assess=count[Rating.CANNOT_ASSESS],
            )
        )
    return CsoView(
        available=True,
        note="",
        objectives=tuple(objectives),
        lines=tuple(line for _, line in sorted(lines, key=lambda pair: pair[0])),
    )


# --- Responsiveness -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ResponsivenessLine:
    """Stored responsiveness figures of the municipality (``unit`` empty) or one unit."""

    name: str
    received: int
    answered: int
    overdue: int
    share_answered: Decimal | None
    share_within_deadline: Decimal | None
    share_accepted: Decimal | None
    median_days: Decimal | None


@dataclass(frozen=True)
class ResponsivenessView:
    available: bool
    note: str
    total: ResponsivenessLine | None = None
    units: tuple[ResponsivenessLine, ...] = ()

    @property
    def rows(self) -> list[ResponsivenessLine]:
        """The municipality first, then its units."""
        return ([self.total] if self.total else []) + list(self.units)


def _line(name: str, row: Any) -> ResponsivenessLine:
    return ResponsivenessLine(
        name=name,
        received=row.received,
        answered=row.answered,
        overdue=row.overdue,
        share_answered=round_export(row.share_answered),
        share_within_deadline=round_export(row.share_within_deadline),
        share_accepted=round_export(row.share_accepted),
        median_days=round_export(row.median_days_to_first_answer),
    )


def responsiveness_view(plan: StrategicPlan) -> ResponsivenessView:
    """The municipality's stored responsiveness figures and those of its units. One query."""
    if not apps.is_installed("ortak.participation"):
        return ResponsivenessView(
            available=False,
            note=gettext("Suggestions and cooperation offers are not in use on this platform."),
        )
    figure = apps.get_model("participation", "ResponsivenessFigure")
    rows = list(
        figure.objects.filter(municipality_id=plan.municipality_id)
        .select_related("unit")
        .order_by("unit__name", "pk")
    )
    total = next((row for row in rows if row.unit_id is None), None)
    if total is None or not total.received:
        return ResponsivenessView(
            available=False,
            note=gettext(
                "The municipality has not received any suggestion or cooperation offer yet."
            ),
        )
    return ResponsivenessView(
        available=True,
        note="",
        total=_line(plan.municipality.name, total),
        units=tuple(_line(row.unit.name, row) for row in rows if row.unit_id is not None),
    )
