"""Data-quality audit of a plan: what the Court of Accounts and a careful reader would flag.

``audit_plan(plan)`` loads what it needs in a constant number of queries and returns findings
(frozen dataclasses). Editors see every finding with a link to the node on each plan page; the
public sees the "veri kalitesi" panel (``summarise``); operators run
``manage.py plan_audit <municipality-slug>``.

The checks (``Finding.code``):

- ``objective_without_indicators`` (error): an objective nobody can measure — a recurring Court of
  Accounts finding.
- ``indicator_missing_targets`` (error): an indicator without a target for every plan year.
- ``weights_not_100`` (warning): an objective's indicator weights do not add up to 100 (they are
  normalised for the computation, ARCHITECTURE §4 rule 6).
- ``indicator_without_baseline`` (warning): read as 0 by the computation.
- ``duplicate_activity_code`` (warning): aims, objectives and indicators are unique by constraint;
  activities are not.
- ``activity_without_unit`` (warning): nobody is responsible.
- ``measurement_overdue`` (warning): a period's due date has passed without a value.
- ``over_achievement_unexplained`` / ``deviation_unexplained`` (warning): a published value above
  or below the 95–105 % band of its year's target without an explanation.
- ``revision_chain_broken`` (error): the revision log was altered outside the application.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from ortak.core.templatetags.ortak import number
from ortak.plans import progress
from ortak.plans.codes import code_sort_key
from ortak.plans.models import (
    Activity,
    Aim,
    Indicator,
    IndicatorTarget,
    Measurement,
    NodeKind,
    Objective,
    StrategicPlan,
)
from ortak.plans.numbers import decimals_needed
from ortak.plans.revisions import verify_chain

__all__ = ["Finding", "QualitySummary", "Severity", "audit_plan", "findings_by_node", "summarise"]

# Same band as the explanation rule of measurement entry (services.figures.EXPLANATION_BAND).
BAND_LOW, BAND_HIGH = Decimal(95), Decimal(105)
HUNDRED = Decimal(100)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    node_kind: str
    node_id: int
    node_code: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR


@dataclass(frozen=True)
class QualitySummary:
    """Counts for the public panel: errors, warnings and findings per check."""

    errors: int
    warnings: int
    by_code: tuple[tuple[str, int], ...]

    @property
    def is_clean(self) -> bool:
        return self.errors == 0 and self.warnings == 0


def summarise(findings: list[Finding]) -> QualitySummary:
    counts = Counter(f.code for f in findings)
    return QualitySummary(
        errors=sum(1 for f in findings if f.is_error),
        warnings=sum(1 for f in findings if not f.is_error),
        by_code=tuple(sorted(counts.items())),
    )


def _fmt(value: Decimal) -> str:
    """A number in the reader's language, with the decimals it needs ("73,5" in Turkish)."""
    return number(value, decimals_needed([value]))


# --- The checks (pure: they take loaded data) -------------------------------------------------


def check_objectives(
    objectives: Sequence[Mapping[str, Any]], weights: dict[int, list[Decimal]]
) -> list[Finding]:
    findings = []
    for objective in objectives:
        pk, code = objective["id"], objective["code"]
        own = weights.get(pk, [])
        if not own:
            findings.append(
                Finding(
                    "objective_without_indicators",
                    Severity.ERROR,
                    _("Objective %(code)s has no performance indicator.") % {"code": code},
                    NodeKind.OBJECTIVE,
                    pk,
                    code,
                )
            )
            continue
        total = sum(own, Decimal(0))
        if total != HUNDRED:
            findings.append(
                Finding(
                    "weights_not_100",
                    Severity.WARNING,
                    _("The indicator weights of objective %(code)s add up to %(total)s, not 100.")
                    % {"code": code, "total": _fmt(total)},
                    NodeKind.OBJECTIVE,
                    pk,
                    code,
                )
            )
    return findings


def check_indicator(
    indicator: Mapping[str, Any],
    facts: progress.IndicatorFacts,
    explanations: dict[str, bool],
    years: list[int],
    today: datetime.date,
    monitored: bool = True,
) -> list[Finding]:
    """Baseline, targets, overdue values and unexplained deviations of one indicator.

    Only a monitored (adopted) plan has overdue values: a draft or a plan under consultation is
    not reported on yet (decision 0003).
    """
    pk, code = indicator["id"], indicator["code"]
    findings = []

    def add(check: str, severity: Severity, message: str) -> None:
        findings.append(Finding(check, severity, message, NodeKind.INDICATOR, pk, code))

    if facts.baseline is None:
        add(
            "indicator_without_baseline",
            Severity.WARNING,
            _("Indicator %(code)s has no baseline value.") % {"code": code},
        )
    missing = [year for year in years if year not in facts.targets]
    if missing:
        add(
            "indicator_missing_targets",
            Severity.ERROR,
            _("Indicator %(code)s has no target for %(years)s.")
            % {"code": code, "years": ", ".join(str(y) for y in missing)},
        )
    overdue = progress.overdue_periods(facts, years, today=today) if monitored else []
    if overdue:
        add(
            "measurement_overdue",
            Severity.WARNING,
            _("Indicator %(code)s has no value for %(periods)s although it was due.")
            % {"code": code, "periods": ", ".join(str(p) for p in overdue)},
        )
    baseline = facts.baseline if facts.baseline is not None else Decimal(0)
    for text, value in sorted(facts.values.items()):
        period = progress.parse_period(text)
        target = facts.targets.get(period.year)
        if target is None or not progress.is_usable(period, facts.kind) or explanations[text]:
            continue
        raw = progress.raw_realization(
            baseline=baseline, target=target, value=value, direction=facts.direction
        )
        if raw > BAND_HIGH:
            add(
                "over_achievement_unexplained",
                Severity.WARNING,
                _(
                    "Indicator %(code)s exceeds its %(period)s target (%(percent)s %%) without an explanation."
                )
                % {"code": code, "period": text, "percent": progress.round_display(raw)},
            )
        elif raw < BAND_LOW:
            add(
                "deviation_unexplained",
                Severity.WARNING,
                _(
                    "Indicator %(code)s falls short of its %(period)s target (%(percent)s %%) without an explanation."
                )
                % {"code": code, "period": text, "percent": progress.round_display(raw)},
            )
    return findings


def check_activities(activities: Sequence[Mapping[str, Any]]) -> list[Finding]:
    findings = []
    codes = Counter(a["code"].strip() for a in activities if a["code"].strip())
    reported: set[str] = set()
    for activity in activities:
        code = activity["code"].strip()
        label = code or activity["name"][:60]
        if code and codes[code] > 1 and code not in reported:
            reported.add(code)
            findings.append(
                Finding(
                    "duplicate_activity_code",
                    Severity.WARNING,
                    _("%(count)s activities share the code %(code)s.")
                    % {"count": codes[code], "code": code},
                    NodeKind.ACTIVITY,
                    activity["id"],
                    code,
                )
            )
        if activity["responsible_unit_id"] is None:
            findings.append(
                Finding(
                    "activity_without_unit",
                    Severity.WARNING,
                    _("Activity %(activity)s has no responsible unit.") % {"activity": label},
                    NodeKind.ACTIVITY,
                    activity["id"],
                    code,
                )
            )
    return findings


# --- Loading and running ----------------------------------------------------------------------


INDICATOR_FIELDS = (
    "id",
    "code",
    "objective_id",
    "weight",
    "baseline",
    "direction",
    "kind",
    "monitoring_frequency",
)
ACTIVITY_FIELDS = ("id", "code", "name", "responsible_unit_id")

Rows = list[Mapping[str, Any]]


def _tree_rows(aims: Sequence[Aim]) -> tuple[Rows, Rows, Rows]:
    """Objective, indicator and activity rows from a tree a page has already loaded.

    Activities come in the model's order (aim, objective, code, id), as the query would give them.
    """
    objectives: Rows = []
    indicators: Rows = []
    activities: Rows = []
    for aim in aims:
        for objective in aim.objectives.all():
            objectives.append({"id": objective.pk, "code": objective.code})
            for indicator in objective.indicators.all():
                indicators.append({name: getattr(indicator, name) for name in INDICATOR_FIELDS})
            for activity in objective.activities.all():
                activities.append({name: getattr(activity, name) for name in ACTIVITY_FIELDS})
    return objectives, indicators, activities


def _figures(
    plan: StrategicPlan,
) -> tuple[
    dict[int, dict[int, Decimal]], dict[int, dict[str, Decimal]], dict[int, dict[str, bool]]
]:
    """Targets, published values and whether each value is explained, by indicator. Two queries."""
    targets: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for indicator_id, year, value in IndicatorTarget.objects.filter(
        indicator__plan=plan
    ).values_list("indicator_id", "year", "value"):
        targets[indicator_id][year] = value
    values: dict[int, dict[str, Decimal]] = defaultdict(dict)
    explained: dict[int, dict[str, bool]] = defaultdict(dict)
    for indicator_id, period, value, explanation in Measurement.objects.filter(
        indicator__plan=plan, status=Measurement.Status.PUBLISHED
    ).values_list("indicator_id", "period", "value", "explanation"):
        values[indicator_id][period] = value
        explained[indicator_id][period] = bool(explanation.strip())
    return targets, values, explained


def audit_plan(
    plan: StrategicPlan,
    *,
    today: datetime.date | None = None,
    aims: Sequence[Aim] | None = None,
) -> list[Finding]:
    """Every finding for the plan, errors first, then in code order.

    Six queries (seven when the plan was loaded without its revision head). A page that has
    loaded the plan's tree passes ``aims`` — the aims with their objectives and, under each
    objective, its indicators and activities prefetched (``selectors_editor.plan_tree``) — and
    the audit reads them instead: three queries.
    """
    today = today or timezone.localdate()
    years = plan.years
    if aims is None:
        objectives: Rows = list(Objective.objects.filter(plan=plan).values("id", "code"))
        indicators: Rows = list(Indicator.objects.filter(plan=plan).values(*INDICATOR_FIELDS))
        activities: Rows | None = None
    else:
        objectives, indicators, activities = _tree_rows(aims)
    targets, values, explained = _figures(plan)
    if activities is None:
        activities = list(Activity.objects.filter(plan=plan).values(*ACTIVITY_FIELDS))

    weights: dict[int, list[Decimal]] = defaultdict(list)
    for row in indicators:
        weights[row["objective_id"]].append(row["weight"])
    findings = check_objectives(objectives, weights)
    for row in indicators:
        facts = progress.IndicatorFacts(
            baseline=row["baseline"],
            targets=targets.get(row["id"], {}),
            values=values.get(row["id"], {}),
            direction=row["direction"],
            kind=row["kind"],
            weight=row["weight"],
            monitoring_frequency=row["monitoring_frequency"],
        )
        findings.extend(
            check_indicator(
                row,
                facts,
                explained[row["id"]],
                years,
                today,
                monitored=plan.status == StrategicPlan.Status.ADOPTED,
            )
        )
    findings.extend(check_activities(activities))
    problems = verify_chain(plan)
    if problems:
        findings.append(
            Finding(
                "revision_chain_broken",
                Severity.ERROR,
                _("The revision log was changed outside the platform (%(count)s problems).")
                % {"count": len(problems)},
                NodeKind.PLAN,
                plan.pk,
            )
        )
    return sorted(findings, key=_order)


def _order(finding: Finding) -> tuple[Any, ...]:
    """Errors first; then the plan, the tree in code order (2.1 < 2.1.1 < 2.2), the activities.

    The sort is stable, so checks of one node keep the order in which they ran.
    """
    rank = {NodeKind.PLAN: 0, NodeKind.ACTIVITY: 2}.get(NodeKind(finding.node_kind), 1)
    key = code_sort_key(finding.node_code) if rank == 1 else ()
    return (not finding.is_error, rank, key)


def findings_by_node(findings: list[Finding]) -> dict[tuple[str, int], list[Finding]]:
    """Findings grouped by (node kind, node id), to show them beside each node."""
    grouped: dict[tuple[str, int], list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[(finding.node_kind, finding.node_id)].append(finding)
    return dict(grouped)
