"""Reads for the report pages and the kept report files."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Count, Max, OuterRef, QuerySet, Subquery, Sum

from ortak.monitoring.models import Assessment, GeneratedReport
from ortak.monitoring.reports.periods import ReportKind, ReportPeriod
from ortak.plans.models import (
    Activity,
    ActivityCost,
    Aim,
    FigureRevision,
    Indicator,
    Measurement,
    Objective,
    StrategicPlan,
)
from ortak.plans.progress import parse_period

__all__ = [
    "LAYOUT_VERSION",
    "DataStamp",
    "data_stamp",
    "generated_report",
    "report_periods",
]

# Part of every fingerprint: bump it when the report's tables or layout change, so that kept
# files are drawn again.
LAYOUT_VERSION = "1"


# --- Which reports a plan has -----------------------------------------------------------------


def report_periods(plan: StrategicPlan) -> list[ReportPeriod]:
    """The reports the plan's published values allow, newest first (one query).

    A monitoring report for every plan year with a January–June value, an evaluation report for
    every plan year with a whole-year value.
    """
    texts = (
        Measurement.objects.filter(indicator__plan=plan, status=Measurement.Status.PUBLISHED)
        .order_by()
        .values_list("period", flat=True)
        .distinct()
    )
    periods: set[ReportPeriod] = set()
    for text in texts:
        try:
            period = parse_period(text)
        except ValueError:
            continue
        if plan.start_year <= period.year <= plan.end_year:
            kind = ReportKind.EVALUATION if period.is_full_year else ReportKind.MONITORING
            periods.add(ReportPeriod(year=period.year, kind=kind))
    # Within a year the evaluation (the whole year) comes before January–June.
    return sorted(periods, key=lambda p: (-p.year, p.kind != ReportKind.EVALUATION))


# --- The data a kept file was drawn from -----------------------------------------------------


@dataclass(frozen=True)
class DataStamp:
    """The fingerprint of everything a report shows, and the plan's size."""

    fingerprint: str
    indicators: int


def _aggregate(queryset: QuerySet[Any], group: str, expression: Any) -> Subquery:
    """One aggregate of the plan's rows as a subquery of the plan's own row."""
    return Subquery(
        queryset.order_by().values(group).annotate(value=expression).values("value")[:1]
    )


def _stamps(plan_ref: OuterRef, municipality_ref: OuterRef) -> dict[str, Subquery]:
    stamps = {
        "indicators": _aggregate(Indicator.objects.filter(plan=plan_ref), "plan", Count("pk")),
        "indicators_changed": _aggregate(
            Indicator.objects.filter(plan=plan_ref), "plan", Max("updated_at")
        ),
        "aims": _aggregate(Aim.objects.filter(plan=plan_ref), "plan", Count("pk")),
        "aims_changed": _aggregate(Aim.objects.filter(plan=plan_ref), "plan", Max("updated_at")),
        "objectives": _aggregate(Objective.objects.filter(plan=plan_ref), "plan", Count("pk")),
        "objectives_changed": _aggregate(
            Objective.objects.filter(plan=plan_ref), "plan", Max("updated_at")
        ),
        "measurements": _aggregate(
            Measurement.objects.filter(indicator__plan=plan_ref), "indicator__plan", Count("pk")
        ),
        "measurements_changed": _aggregate(
            Measurement.objects.filter(indicator__plan=plan_ref),
            "indicator__plan",
            Max("updated_at"),
        ),
        "activities": _aggregate(Activity.objects.filter(plan=plan_ref), "plan", Count("pk")),
        "activities_changed": _aggregate(
            Activity.objects.filter(plan=plan_ref), "plan", Max("updated_at")
        ),
        # Costs carry no timestamp: their count and sums change with every edit.
        "costs": _aggregate(
            ActivityCost.objects.filter(activity__plan=plan_ref), "activity__plan", Count("pk")
        ),
        "costs_planned": _aggregate(
            ActivityCost.objects.filter(activity__plan=plan_ref), "activity__plan", Sum("planned")
        ),
        "costs_actual": _aggregate(
            ActivityCost.objects.filter(activity__plan=plan_ref), "activity__plan", Sum("actual")
        ),
        "revision_head": Subquery(
            FigureRevision.objects.filter(plan=plan_ref)
            .order_by("-sequence")
            .values("content_hash")[:1]
        ),
        "assessments": _aggregate(Assessment.objects.filter(plan=plan_ref), "plan", Count("pk")),
        "assessments_changed": _aggregate(
            Assessment.objects.filter(plan=plan_ref), "plan", Max("updated_at")
        ),
        "replies_changed": _aggregate(
            Assessment.objects.filter(plan=plan_ref), "plan", Max("reply__updated_at")
        ),
    }
    if apps.is_installed("ortak.participation"):
        figure = apps.get_model("participation", "ResponsivenessFigure")
        stamps["responsiveness_changed"] = _aggregate(
            figure.objects.filter(municipality=municipality_ref), "municipality", Max("updated_at")
        )
    # Prefixed: plain names such as "indicators" are the plan's reverse relations.
    return {f"stamp_{name}": value for name, value in stamps.items()}


def data_stamp(plan: StrategicPlan) -> DataStamp:
    """A hash of what the plan's reports show: the stored aggregates' time, the revision chain's
    head, the tree's and the values' last changes and counts, activity costs, the CSO
    assessments and the responsiveness figures. One query (subqueries of the plan's row).

    A report file drawn under the same fingerprint is still true; any write that changes a
    report's content changes at least one of these.
    """
    stamps = _stamps(OuterRef("pk"), OuterRef("municipality"))
    row = (
        StrategicPlan.objects.filter(pk=plan.pk)
        .annotate(**stamps)
        .values(
            "updated_at",
            "status",
            "aggregates_updated_at",
            "municipality__updated_at",
            "municipality__name",
            *stamps.keys(),
        )
        .first()
    )
    values: dict[str, Any] = dict(row or {})
    values["layout"] = LAYOUT_VERSION
    text = json.dumps(values, sort_keys=True, default=str)
    return DataStamp(
        fingerprint=hashlib.sha256(text.encode()).hexdigest(),
        indicators=int(values.get("stamp_indicators") or 0),
    )


# --- Kept files -------------------------------------------------------------------------------


def generated_report(
    plan: StrategicPlan, period: ReportPeriod, *, language: str, fmt: str
) -> GeneratedReport | None:
    """The kept file (or the one being drawn) of this report, if any. One query."""
    return GeneratedReport.objects.filter(
        plan=plan, kind=period.kind, period=period.text, language=language, format=fmt
    ).first()
