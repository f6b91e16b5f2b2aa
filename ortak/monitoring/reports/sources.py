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

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.utils.translation import gettext

from ortak.monitoring.reports.periods import ReportPeriod
from ortak.plans.models import StrategicPlan
from ortak.plans.progress import round_export

__all__ = [
    "CsoLine",
    "CsoView",
    "ResponsivenessLine",
    "ResponsivenessView",
    "cso_view",
    "responsiveness_view",
]


# --- CSO view -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CsoLine:
    """One CSO assessment in the report's period."""

    node: str  # "Objective 2.3", "Indicator 2.3.1", "The plan"
    organization: str
    verdict: str
    summary: str
    answered: bool


@dataclass(frozen=True)
class CsoView:
    available: bool
    note: str
    lines: tuple[CsoLine, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()  # (verdict label, number of assessments)


def cso_view(plan: StrategicPlan, period: ReportPeriod) -> CsoView:
    """The assessments of the plan published in the report's period, or an explicit note."""
    return CsoView(
        available=False,
        note=gettext("No civil-society assessments of this plan have been published."),
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
