"""The content of a monitoring or evaluation report as data: ``build_report(plan, period)``.

The tables follow the Strategic Planning Guide's monitoring and evaluation forms: per objective,
its indicators (weight, baseline, the year's target, the value the year lens uses, realization raw
and counted, status, deviation explanation), the objective's realization, and its activities with
the year's planned and actual cost. Every realization is read from the stored aggregates
(``realization_by_year``, ARCHITECTURE §4 rule 8) and rounded as exports round them
(``progress.round_export``: two decimals, half up), so the HTML page, the PDF and the XLSX show
exactly the numbers of the plan's JSON export. Nothing here recomputes a realization.

``ReportData`` is built in the active language (chart texts and number formats); the formats
render it without further queries. Nine queries whatever the size of the plan (see
``build_report``), plus those of the two outside sections (``sources``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from ortak.core.charts import Series, bar, default_format, line_chart
from ortak.monitoring.reports.periods import ReportPeriod
from ortak.monitoring.reports.sources import (
    CsoView,
    NodeCodes,
    ResponsivenessView,
    cso_view,
    responsiveness_view,
)
from ortak.plans import progress
from ortak.plans.codes import code_sort_key
from ortak.plans.models import (
    Activity,
    ActivityCost,
    Aim,
    Indicator,
    IndicatorTarget,
    Measurement,
    NodeKind,
    Objective,
    StrategicPlan,
)
from ortak.plans.selectors import display_decimals

__all__ = [
    "ActivityLine",
    "AimSection",
    "ChartBar",
    "ChartRow",
    "CostTotals",
    "IndicatorLine",
    "ObjectiveSection",
    "ReportChart",
    "ReportData",
    "ReportSummary",
    "StatusCount",
    "build_report",
    "export_number",
]

HUNDRED = Decimal(100)
# A value outside this band of the year's target needs a deviation explanation (the Court of
# Accounts asks for one for any shortfall and any over-achievement); plans.services uses the same.
EXPLANATION_BAND = (Decimal(95), Decimal(105))


def export_number(value: Any) -> Decimal | None:
    """A stored figure (decimal string or Decimal) as the JSON export shows it: two decimals."""
    if value is None or value == "":
        return None
    try:
        return progress.round_export(Decimal(str(value)))
    except InvalidOperation:
        return None


def _exact(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _year_entry(node: Any, year: int) -> Mapping[str, Any]:
    entry = (node.realization_by_year or {}).get(str(year))
    return entry if isinstance(entry, dict) else {}


# --- The rows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorLine:
    """One indicator in the year lens of the report's year."""

    code: str
    name: str
    unit_of_measure: str
    weight: Decimal
    baseline: Decimal | None
    target: Decimal | None
    value: Decimal | None
    value_period: str  # the period of ``value``: "2026" or, for a cumulative indicator, "2026-H1"
    raw: Decimal | None  # two decimals, unclamped
    realization: Decimal | None  # two decimals, clamped to 0–100
    status: str  # progress.Status of the year: a band, or not reported
    explanation: str
    kind: str
    decimals: int  # how many decimals the indicator's values need
    weight_decimals: int = 0

    @property
    def reported(self) -> bool:
        return self.realization is not None

    @property
    def status_label(self) -> str:
        return str(Indicator.Status(self.status).label)

    @property
    def over_achieved(self) -> bool:
        """Rule 4: raw realization above 100 needs an explanation."""
        return self.raw is not None and self.raw > HUNDRED

    @property
    def needs_explanation(self) -> bool:
        """Outside the 95–105 % band without a deviation explanation."""
        low, high = EXPLANATION_BAND
        return self.raw is not None and not low <= self.raw <= high and not self.explanation

    @property
    def is_half_year_value(self) -> bool:
        return self.value_period.endswith("-H1")

    @property
    def missing_target(self) -> bool:
        return self.value is not None and self.target is None

    @property
    def waits_for_whole_year(self) -> bool:
        """A periodic indicator (a yearly flow) has no January–June realization (rule 2)."""
        return self.kind == Indicator.Kind.PERIODIC and self.value is None


@dataclass(frozen=True)
class CostTotals:
    planned: Decimal | None
    actual: Decimal | None

    @property
    def spent_share(self) -> Decimal | None:
        """Actual / planned cost in percent (None without a planned cost)."""
        if not self.planned or self.actual is None:
            return None
        return progress.round_export(self.actual * HUNDRED / self.planned)

    @classmethod
    def of(cls, items: Iterable[CostTotals]) -> CostTotals:
        rows = list(items)
        planned = [r.planned for r in rows if r.planned is not None]
        actual = [r.actual for r in rows if r.actual is not None]
        return cls(
            planned=sum(planned, Decimal(0)) if planned else None,
            actual=sum(actual, Decimal(0)) if actual else None,
        )


@dataclass(frozen=True)
class ActivityLine:
    """One activity or project with the planned and actual cost of the report's year."""

    code: str
    name: str
    kind_label: str
    responsible_unit: str
    cost: CostTotals


@dataclass(frozen=True)
class ObjectiveSection:
    code: str
    title: str
    responsible_unit: str
    realization: Decimal | None  # year lens, two decimals
    coverage: Decimal | None
    indicators: tuple[IndicatorLine, ...]
    activities: tuple[ActivityLine, ...]
    cost: CostTotals


@dataclass(frozen=True)
class AimSection:
    code: str
    title: str
    realization: Decimal | None
    coverage: Decimal | None
    objectives: tuple[ObjectiveSection, ...]
    cost: CostTotals


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


@dataclass(frozen=True)
class ReportSummary:
    """The plan in the report's year: realization, coverage, indicators by status, costs."""

    realization: Decimal | None
    coverage: Decimal | None
    indicators: int
    reported: int
    statuses: tuple[StatusCount, ...]
    over_achieved: int
    unexplained: int
    cost: CostTotals


@dataclass(frozen=True)
class ChartRow:
    """One row of a chart's data table: a label and its values (two decimals)."""

    label: str
    values: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class ChartBar:
    """One 0–100 % bar: the page draws it as a Bootstrap progress bar, the PDF as ``svg``."""

    label: str
    value: Decimal | None
    svg: SafeString


@dataclass(frozen=True)
class ReportChart:
    """A chart and the data table beside it (STYLE rule 9).

    ``svg`` is a line chart; ``bars`` draw a 0–100 % bar per row instead.
    """

    key: str
    title: str
    columns: tuple[str, ...]  # the data table's headers, the row label's first
    rows: tuple[ChartRow, ...]
    svg: SafeString | None = None
    bars: tuple[ChartBar, ...] = ()


@dataclass(frozen=True)
class ReportData:
    plan: StrategicPlan
    period: ReportPeriod
    summary: ReportSummary
    aims: tuple[AimSection, ...]
    charts: tuple[ReportChart, ...]
    cso: CsoView
    responsiveness: ResponsivenessView
    data_as_of: datetime | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def year(self) -> int:
        return self.period.year

    @property
    def objectives(self) -> list[ObjectiveSection]:
        return [o for aim in self.aims for o in aim.objectives]

    @property
    def indicators(self) -> list[IndicatorLine]:
        return [i for o in self.objectives for i in o.indicators]

    @property
    def activities(self) -> list[ActivityLine]:
        return [a for o in self.objectives for a in o.activities]


# --- Reading --------------------------------------------------------------------------------


@dataclass
class _Facts:
    """What the tables need, read in seven queries."""

    aims: list[Aim]
    objectives: list[Objective]
    indicators: list[Indicator]
    targets: dict[int, Decimal]
    measurements: dict[int, dict[str, tuple[Decimal, str]]]
    activities: list[Activity]
    costs: dict[int, ActivityCost]


def _read(plan: StrategicPlan, year: int) -> _Facts:
    aims = sorted(
        Aim.objects.filter(plan=plan).only("id", "code", "title", "realization_by_year"),
        key=lambda a: code_sort_key(a.code),
    )
    objectives = sorted(
        Objective.objects.filter(plan=plan)
        .select_related("responsible_unit")
        .only("id", "aim_id", "code", "title", "realization_by_year", "responsible_unit__name"),
        key=lambda o: code_sort_key(o.code),
    )
    indicators = sorted(
        Indicator.objects.filter(plan=plan).only(
            "id",
            "objective_id",
            "code",
            "name",
            "unit_of_measure",
            "weight",
            "baseline",
            "kind",
            "realization_by_year",
        ),
        key=lambda i: code_sort_key(i.code),
    )
    targets = dict(
        IndicatorTarget.objects.filter(indicator__plan=plan, year=year).values_list(
            "indicator_id", "value"
        )
    )
    # Public reports read published values only, like the aggregates and the exports.
    measurements: dict[int, dict[str, tuple[Decimal, str]]] = defaultdict(dict)
    for indicator_id, period, value, explanation in Measurement.objects.filter(
        indicator__plan=plan, year=year, status=Measurement.Status.PUBLISHED
    ).values_list("indicator_id", "period", "value", "explanation"):
        measurements[indicator_id][period] = (value, explanation)
    activities = list(
        Activity.objects.filter(plan=plan)
        .select_related("responsible_unit")
        .only("id", "objective_id", "code", "name", "kind", "responsible_unit__name")
        .order_by("pk")
    )
    costs = {c.activity_id: c for c in ActivityCost.objects.filter(activity__plan=plan, year=year)}
    return _Facts(aims, objectives, indicators, targets, dict(measurements), activities, costs)


# --- Building -------------------------------------------------------------------------------


def _value_used(
    indicator: Indicator, year: int, values: Mapping[str, tuple[Decimal, str]]
) -> tuple[Decimal | None, str, str]:
    """The value the year lens uses (rule 3), its period and explanation: the whole year's, or
    for a cumulative indicator whose year is not reported yet, January–June's (rule 2)."""
    for period in (str(year), f"{year}-H1"):
        if period not in values:
            continue
        if period.endswith("-H1") and indicator.kind != Indicator.Kind.CUMULATIVE:
            continue
        value, explanation = values[period]
        return value, period, explanation.strip()
    return None, "", ""


def _indicator_line(
    indicator: Indicator,
    year: int,
    target: Decimal | None,
    values: Mapping[str, tuple[Decimal, str]],
    thresholds: progress.Thresholds,
) -> IndicatorLine:
    entry = _year_entry(indicator, year)
    value, period, explanation = _value_used(indicator, year, values)
    exact = _exact(entry.get("realization"))
    status = progress.Status.NOT_REPORTED if exact is None else thresholds.band(exact)
    return IndicatorLine(
        code=indicator.code,
        name=indicator.name,
        unit_of_measure=indicator.unit_of_measure,
        weight=indicator.weight,
        baseline=indicator.baseline,
        target=target,
        value=value,
        value_period=period,
        raw=export_number(entry.get("raw")),
        realization=export_number(entry.get("realization")),
        status=str(status),
        explanation=explanation,
        kind=indicator.kind,
        decimals=display_decimals([indicator.baseline, target, value]),
        weight_decimals=display_decimals([indicator.weight], most=3),
    )


def _activity_line(activity: Activity, cost: ActivityCost | None) -> ActivityLine:
    return ActivityLine(
        code=activity.code,
        name=activity.name,
        kind_label=str(activity.get_kind_display()),
        responsible_unit=activity.responsible_unit.name if activity.responsible_unit else "",
        cost=CostTotals(
            planned=cost.planned if cost else None, actual=cost.actual if cost else None
        ),
    )


def _sections(facts: _Facts, year: int) -> tuple[AimSection, ...]:
    thresholds = progress.Thresholds.from_settings()
    lines: dict[int, list[IndicatorLine]] = defaultdict(list)
    for indicator in facts.indicators:
        lines[indicator.objective_id].append(
            _indicator_line(
                indicator,
                year,
                facts.targets.get(indicator.pk),
                facts.measurements.get(indicator.pk, {}),
                thresholds,
            )
        )
    activities: dict[int, list[ActivityLine]] = defaultdict(list)
    for activity in facts.activities:
        activities[activity.objective_id].append(
            _activity_line(activity, facts.costs.get(activity.pk))
        )
    by_aim: dict[int, list[ObjectiveSection]] = defaultdict(list)
    for objective in facts.objectives:
        entry = _year_entry(objective, year)
        rows = tuple(activities.get(objective.pk, []))
        by_aim[objective.aim_id].append(
            ObjectiveSection(
                code=objective.code,
                title=objective.title,
                responsible_unit=(
                    objective.responsible_unit.name if objective.responsible_unit else ""
                ),
                realization=export_number(entry.get("realization")),
                coverage=export_number(entry.get("coverage")),
                indicators=tuple(lines.get(objective.pk, [])),
                activities=rows,
                cost=CostTotals.of(a.cost for a in rows),
            )
        )
    sections = []
    for aim in facts.aims:
        entry = _year_entry(aim, year)
        objectives = tuple(by_aim.get(aim.pk, []))
        sections.append(
            AimSection(
                code=aim.code,
                title=aim.title,
                realization=export_number(entry.get("realization")),
                coverage=export_number(entry.get("coverage")),
                objectives=objectives,
                cost=CostTotals.of(o.cost for o in objectives),
            )
        )
    return tuple(sections)


def _summary(plan: StrategicPlan, year: int, aims: Sequence[AimSection]) -> ReportSummary:
    entry = _year_entry(plan, year)
    indicators = [i for aim in aims for o in aim.objectives for i in o.indicators]
    counts: dict[str, int] = defaultdict(int)
    for line in indicators:
        counts[line.status] += 1
    order = [
        progress.Status.ON_TRACK,
        progress.Status.AT_RISK,
        progress.Status.OFF_TRACK,
        progress.Status.NOT_REPORTED,
    ]
    return ReportSummary(
        realization=export_number(entry.get("realization")),
        coverage=export_number(entry.get("coverage")),
        indicators=len(indicators),
        reported=sum(1 for line in indicators if line.reported),
        statuses=tuple(
            StatusCount(str(s), str(Indicator.Status(str(s)).label), counts[str(s)]) for s in order
        ),
        over_achieved=sum(1 for line in indicators if line.over_achieved),
        unexplained=sum(1 for line in indicators if line.needs_explanation),
        cost=CostTotals.of(aim.cost for aim in aims),
    )


def _charts(plan: StrategicPlan, year: int, aims: Sequence[AimSection]) -> tuple[ReportChart, ...]:
    years = [y for y in plan.years if y <= year]
    realization = [export_number(_year_entry(plan, y).get("realization")) for y in years]
    coverage = [export_number(_year_entry(plan, y).get("coverage")) for y in years]
    trend_title = gettext("Plan realization and coverage by year (%)")
    trend = ReportChart(
        key="trend",
        title=trend_title,
        columns=(gettext("Year"), gettext("Realization (%)"), gettext("Coverage (%)")),
        rows=tuple(
            ChartRow(str(y), (r, c)) for y, r, c in zip(years, realization, coverage, strict=True)
        ),
        svg=line_chart(
            title=trend_title,
            description=gettext(
                "The realization of the plan in each year, measured against that year's targets, "
                "and the share of the weight that has a value."
            ),
            x_labels=[str(y) for y in years],
            series=[
                Series(gettext("Realization"), realization),
                Series(gettext("Coverage"), coverage, dashed=True),
            ],
            y_label="%",
            format_value=default_format,
        ),
    )
    aims_title = gettext("Realization of the aims in %(year)s (%%)") % {"year": year}
    bars = ReportChart(
        key="aims",
        title=aims_title,
        columns=(gettext("Aim"), gettext("Realization (%)"), gettext("Coverage (%)")),
        rows=tuple(
            ChartRow(gettext("Aim %(code)s") % {"code": a.code}, (a.realization, a.coverage))
            for a in aims
        ),
        bars=tuple(
            ChartBar(
                label=gettext("Aim %(code)s") % {"code": a.code},
                value=a.realization,
                svg=bar(
                    a.realization,
                    label=gettext("Realization of aim %(code)s") % {"code": a.code},
                ),
            )
            for a in aims
        ),
    )
    return (trend, bars)


def _node_codes(facts: _Facts) -> NodeCodes:
    objectives = {o.pk: o.code for o in facts.objectives}
    codes: dict[tuple[str, int], str] = {}
    parents: dict[tuple[str, int], str] = {}
    for objective in facts.objectives:
        codes[(NodeKind.OBJECTIVE, objective.pk)] = objective.code
        parents[(NodeKind.OBJECTIVE, objective.pk)] = objective.code
    for node_kind, rows in (
        (NodeKind.INDICATOR, facts.indicators),
        (NodeKind.ACTIVITY, facts.activities),
    ):
        for row in rows:
            codes[(node_kind, row.pk)] = row.code or row.name[:60]
            parents[(node_kind, row.pk)] = objectives.get(row.objective_id, "")
    return NodeCodes(codes=codes, objectives=parents)


def _computed_statuses(aims: Sequence[AimSection]) -> dict[tuple[str, str], str]:
    """The status the platform computes for each objective and indicator in the report's year,
    to set beside the organizations' ratings."""
    thresholds = progress.Thresholds.from_settings()
    statuses: dict[tuple[str, str], str] = {}
    for aim in aims:
        for objective in aim.objectives:
            band = (
                progress.Status.NOT_REPORTED
                if objective.realization is None
                else thresholds.band(objective.realization)
            )
            statuses[("objective", objective.code)] = str(Indicator.Status(str(band)).label)
            for line in objective.indicators:
                statuses[("indicator", line.code)] = line.status_label
    return statuses


def build_report(plan: StrategicPlan, period: ReportPeriod) -> ReportData:
    """The report of ``plan`` for ``period``, in the active language.

    Queries: aims, objectives (with the responsible unit), indicators, the year's targets, the
    year's published values, activities (with their unit), the year's costs — seven — plus the
    CSO view and the responsiveness figures (``sources``). ``plan`` should come with its
    municipality (``select_related``).
    """
    facts = _read(plan, period.year)
    aims = _sections(facts, period.year)
    return ReportData(
        plan=plan,
        period=period,
        summary=_summary(plan, period.year, aims),
        aims=aims,
        charts=_charts(plan, period.year, aims),
        cso=cso_view(plan, period, _node_codes(facts), _computed_statuses(aims)),
        responsiveness=responsiveness_view(plan),
        data_as_of=plan.aggregates_updated_at,
    )
