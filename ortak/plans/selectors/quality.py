"""The "veri kalitesi" panel of the plan page, from the audit in ``ortak.plans.quality``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from ortak.plans.models import StrategicPlan
from ortak.plans.quality import Finding, QualitySummary, audit_plan, summarise

# --- Data quality ---------------------------------------------------------------------

# What each check of ``ortak.plans.quality`` means to a reader, as a count heading.
QUALITY_LABELS: dict[str, Any] = {
    "revision_chain_broken": _("Revision log changed outside the platform"),
    "objective_without_indicators": _("Objectives without a performance indicator"),
    "indicator_missing_targets": _("Indicators without a target for every plan year"),
    "weights_not_100": _("Objectives whose indicator weights do not add up to 100"),
    "indicator_without_baseline": _("Indicators without a baseline value"),
    "measurement_overdue": _("Indicators with an overdue value"),
    "over_achievement_unexplained": _("Values above target without an explanation"),
    "deviation_unexplained": _("Values below target without an explanation"),
    "duplicate_activity_code": _("Activity codes used more than once"),
    "activity_without_unit": _("Activities without a responsible unit"),
}


@dataclass(frozen=True)
class QualityCheck:
    code: str
    label: str
    count: int
    findings: list[Finding]


@dataclass(frozen=True)
class QualityPanel:
    """The "veri kalitesi" panel: counts per check, and every finding with its node."""

    summary: QualitySummary
    checks: list[QualityCheck]


def quality_panel(plan: StrategicPlan) -> QualityPanel:
    """The plan's data-quality audit (``ortak.plans.quality``), grouped for the panel.

    The audit reads the plan in a constant number of queries (see ``audit_plan``).
    """
    findings = audit_plan(plan)
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[finding.code].append(finding)
    order = list(QUALITY_LABELS)
    checks = [
        QualityCheck(
            code=code,
            label=str(QUALITY_LABELS.get(code, code)),
            count=len(items),
            findings=items,
        )
        for code, items in sorted(
            grouped.items(),
            key=lambda item: order.index(item[0]) if item[0] in order else len(order),
        )
    ]
    return QualityPanel(summary=summarise(findings), checks=checks)
