"""What an import would change: the validated document compared with the plan in the database.

The same comparison serves the preview (a dry run writes nothing) and the import itself. It
applies the plan's rules of change (``ortak.plans.permissions`` and the services):

- a new plan, a draft or a plan in consultation changes in place;
- an adopted plan keeps its tree: new aims, objectives or indicators, and changed direction or
  kind, are errors; its targets, baselines, weights and published values change by revisions
  (``FigureChange.revised``); texts and activities change in place;
- an archived plan cannot change at all;
- nodes of the plan that the file does not mention are kept (a warning names them), and
  measurements are only ever added or changed, never removed: a file may carry a part of them.

New or changed values follow the rules of ``services.record_measurement``: the period has
started, a yearly indicator has no half-year value, and a value outside 95–105 % of its year's
target needs an explanation.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from ortak.plans import progress
from ortak.plans.codes import code_numbers
from ortak.plans.io.cells import CellReader
from ortak.plans.io.changes import Changes, FigureChange
from ortak.plans.io.document import (
    IndicatorRow,
    MeasurementRow,
    PlanHeader,
    Source,
)
from ortak.plans.io.loader import PlanTree
from ortak.plans.io.validate import ValidatedDocument
from ortak.plans.io.workbook import ACTIVITIES, AIMS, INDICATORS, MEASUREMENTS, OBJECTIVES
from ortak.plans.models import Activity, FigureRevision, Indicator, Measurement, StrategicPlan
from ortak.plans.services import EXPLANATION_BAND

__all__ = ["compute_changes", "number_of"]


PLAN_TEXT_FIELDS = (
    "title",
    "mission",
    "vision",
    "core_values",
    "council_decision_date",
    "council_decision_number",
)
OBJECTIVE_FIELDS = ("title", "risks", "strategies", "cost_estimate", "findings", "needs")
INDICATOR_TEXT_FIELDS = ("name", "unit_of_measure", "data_source")
INDICATOR_FROZEN_FIELDS = ("direction", "kind")


def _differences(obj: Any, values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if getattr(obj, name) != value}


class _Differ:
    def __init__(
        self,
        validated: ValidatedDocument,
        tree: PlanTree | None,
        cells: CellReader,
        today: datetime.date,
    ) -> None:
        self.validated = validated
        self.document = validated.document
        self.tree = tree
        self.cells = cells
        self.today = today
        plan = tree.plan if tree else None
        self.plan = plan
        self.locked = plan is not None and plan.is_locked
        self.archived = plan is not None and plan.status == StrategicPlan.Status.ARCHIVED
        self.changes = Changes(plan=plan, locked=self.locked)
        self.json = self.document.format == "json"

    def unit_name(self, unit: Any) -> str:
        return unit.name if unit is not None else ""

    def refuse_structure(self, source: Source, code: str) -> None:
        self.cells.add(
            source,
            "code",
            code,
            _(
                "The plan is adopted: its aims, objectives and indicators cannot be added or "
                "removed. Only figures change, by revisions."
            ),
        )

    # --- plan -------------------------------------------------------------------------

    def plan_header(self, header: PlanHeader) -> None:
        values = {name: getattr(header, name) for name in PLAN_TEXT_FIELDS}
        if self.plan is None:
            self.changes.plan_values = {
                **values,
                "start_year": header.start_year,
                "end_year": header.end_year,
            }
            self.changes.count("plan", "created")
            return
        differences = _differences(self.plan, values)
        self.changes.plan_values = differences
        if differences:
            self.changes.updates["plan"].append((self.plan, differences))
        self.changes.count("plan", "changed" if differences else "unchanged")

    # --- tree -------------------------------------------------------------------------

    def aims(self) -> None:
        existing = {aim.code: aim for aim in self.tree.aims} if self.tree else {}
        for row in self.document.aims:
            aim = existing.pop(row.code, None)
            if aim is None:
                if self.locked:
                    self.refuse_structure(row.source, row.code)
                self.changes.aims_new.append(row)
                self.changes.count("aims", "created")
                continue
            self.update("aims", aim, {"title": row.title})
        self.missing(AIMS.name, existing.values())

    def objectives(self) -> None:
        existing = {o.code: o for o in self.tree.objectives} if self.tree else {}
        for row in self.document.objectives:
            objective = existing.pop(row.code, None)
            unit = self.validated.unit(row.responsible_unit)
            names = [] if row.cooperates_with_all_units else list(row.cooperating_units)
            cooperating = (row.cooperates_with_all_units, names)
            if objective is None:
                if self.locked:
                    self.refuse_structure(row.source, row.code)
                self.changes.objectives_new.append(row)
                self.changes.cooperating[row.code] = cooperating
                self.changes.count("objectives", "created")
                continue
            values = {name: getattr(row, name) for name in OBJECTIVE_FIELDS}
            values["responsible_unit_id"] = unit.pk if unit else None
            values["cooperates_with_all_units"] = row.cooperates_with_all_units
            current = (
                {u.pk for u in self.tree.cooperating.get(objective.pk, [])} if self.tree else set()
            )
            wanted = {u.pk for name in names if (u := self.validated.unit(name)) is not None}
            coop_changed = current != wanted
            if coop_changed:
                self.changes.cooperating[row.code] = cooperating
            self.update("objectives", objective, values, force=coop_changed)
        self.missing(OBJECTIVES.name, existing.values())

    def indicators(self) -> None:
        existing = {i.code: i for i in self.tree.indicators} if self.tree else {}
        for row in self.document.indicators:
            indicator = existing.pop(row.code, None)
            if indicator is None:
                if self.locked:
                    self.refuse_structure(row.source, row.code)
                self.changes.indicators_new.append(row)
                self.changes.count("indicators", "created")
                targets = row.target_map()
                self.changes.targets[row.code] = dict(targets)
                self.changes.count("targets", "created", len(targets))
                continue
            self.indicator(row, indicator)
        self.missing(INDICATORS.name, existing.values())

    def indicator(self, row: IndicatorRow, indicator: Indicator) -> None:
        unit = self.validated.unit(row.owner_unit)
        values: dict[str, Any] = {name: getattr(row, name) for name in INDICATOR_TEXT_FIELDS}
        values["owner_unit_id"] = unit.pk if unit else None
        values["monitoring_frequency"] = row.monitoring_frequency or indicator.monitoring_frequency
        values["reporting_frequency"] = row.reporting_frequency or indicator.reporting_frequency
        for name in INDICATOR_FROZEN_FIELDS:
            new = getattr(row, name)
            if self.locked and getattr(indicator, name) != new:
                self.cells.add(
                    row.source,
                    name if self.json else _header(name),
                    new,
                    _("The plan is adopted: the direction and kind of an indicator cannot change."),
                )
            values[name] = new
        figures = {"weight": row.weight or Decimal(0), "baseline": row.baseline}
        for name, new in figures.items():
            old = getattr(indicator, name)
            if old != new:
                kind = (
                    FigureRevision.Kind.WEIGHT if name == "weight" else FigureRevision.Kind.BASELINE
                )
                self.figure(row.code, kind, old, new)
            values[name] = new
        self.update("indicators", indicator, values)
        self.targets(row, indicator)

    def targets(self, row: IndicatorRow, indicator: Indicator) -> None:
        current = self.tree.targets.get(indicator.pk, {}) if self.tree else {}
        wanted: dict[int, Decimal | None] = {}
        for year, value in row.targets:
            target = current.get(year)
            old = target.value if target is not None else None
            if old == value:
                if value is not None:
                    self.changes.count("targets", "unchanged")
                continue
            wanted[year] = value
            self.changes.count("targets", "created" if old is None else "changed")
            self.figure(row.code, FigureRevision.Kind.TARGET, old, value, year=year)
        if wanted:
            self.changes.targets[row.code] = wanted

    def figure(
        self,
        code: str,
        kind: str,
        old: Decimal | None,
        new: Decimal | None,
        *,
        revised: bool | None = None,
        **where: Any,
    ) -> None:
        revised = self.locked if revised is None else revised
        self.changes.figure_changes.append(
            FigureChange(code, kind, old, new, revised=revised, **where)
        )

    def activities(self) -> None:
        existing: dict[tuple[str, str], list[Activity]] = defaultdict(list)
        for activity in self.tree.activities if self.tree else []:
            existing[(self.tree.objective_code(activity), activity.code or activity.name)].append(  # type: ignore[union-attr]
                activity
            )
        for row in self.document.activities:
            matches = existing.get((row.objective_code, row.code or row.name))
            unit = self.validated.unit(row.responsible_unit)
            costs = row.cost_map()
            if not matches:
                self.changes.activities_new.append(row)
                self.changes.new_costs.append((row, costs))
                self.changes.count("activities", "created")
                continue
            activity = matches.pop(0)
            values = {
                "code": row.code,
                "name": row.name,
                "kind": row.kind,
                "responsible_unit_id": unit.pk if unit else None,
                "start_date": row.start_date,
                "end_date": row.end_date,
            }
            current = self.tree.costs.get(activity.pk, {}) if self.tree else {}
            wanted = {
                year: value
                for year, value in row.planned_costs
                if (current[year].planned if year in current else None) != value
            }
            if wanted:
                self.changes.costs[activity.pk] = wanted
            self.update("activities", activity, values, force=bool(wanted))
        self.missing(ACTIVITIES.name, (a for rows in existing.values() for a in rows))

    def update(
        self,
        kind: str,
        obj: Any,
        values: dict[str, Any],
        force: bool = False,
        revised: bool = False,
    ) -> None:
        differences = _differences(obj, values)
        if differences:
            self.changes.updates[kind].append((obj, differences))
        self.changes.count(kind, "changed" if differences or force or revised else "unchanged")

    def missing(self, sheet: str, nodes: Any) -> None:
        for node in nodes:
            self.cells.warn(
                Source(sheet),
                "",
                str(node),
                _("This item of the plan is not in the file; it is kept unchanged."),
            )

    # --- measurements -----------------------------------------------------------------

    def measurements(self) -> None:
        indicators = {i.code: i for i in self.tree.indicators} if self.tree else {}
        rows = {row.code: row for row in self.document.indicators}
        for row in self.document.measurements:
            indicator = indicators.get(row.indicator_code)
            current = (
                self.tree.measurements.get(indicator.pk, {}).get(row.period)
                if self.tree and indicator is not None
                else None
            )
            facts = self.facts(rows.get(row.indicator_code), indicator)
            if current is None:
                if self.check_measurement(row, facts):
                    self.changes.measurements_new.append(row)
                    self.changes.count("measurements", "created")
                continue
            values = {
                "value": row.value,
                "explanation": row.explanation,
                "status": Measurement.Status.PUBLISHED,
            }
            if not (current.evidence and current.evidence.url == row.evidence):
                values["evidence_url"] = row.evidence
            differences = _differences(current, values)
            if "value" in differences:
                if not self.check_measurement(row, facts):
                    continue
                # Only a published value has been seen by the public: a draft changes freely.
                published = current.status == Measurement.Status.PUBLISHED
                self.figure(
                    row.indicator_code,
                    FigureRevision.Kind.MEASUREMENT,
                    current.value,
                    row.value,
                    revised=self.locked and published,
                    year=current.year,
                    period=current.period,
                )
            self.update("measurements", current, values)

    def facts(
        self, row: IndicatorRow | None, indicator: Indicator | None
    ) -> progress.IndicatorFacts | None:
        """The indicator as it will be after the import (the file's figures win)."""
        if row is not None:
            return progress.IndicatorFacts(
                baseline=row.baseline,
                targets=row.target_map(),
                values={},
                direction=row.direction,
                kind=row.kind,
                monitoring_frequency=row.monitoring_frequency
                or (
                    indicator.monitoring_frequency if indicator else Indicator.Frequency.SIX_MONTHLY
                ),
            )
        if indicator is None or self.tree is None:
            return None
        return progress.IndicatorFacts(
            baseline=indicator.baseline,
            targets={year: t.value for year, t in self.tree.targets.get(indicator.pk, {}).items()},
            values={},
            direction=indicator.direction,
            kind=indicator.kind,
            monitoring_frequency=indicator.monitoring_frequency,
        )

    def check_measurement(self, row: MeasurementRow, facts: progress.IndicatorFacts | None) -> bool:
        """A new or changed value outside 95–105 % of its year's target needs an explanation
        (the rule of ``services.record_measurement``; the periods were checked by ``validate``)."""
        if facts is None or row.explanation:
            return True
        period = progress.parse_period(row.period)
        target = facts.targets.get(period.year)
        if target is None or not progress.is_usable(period, facts.kind):
            return True
        raw = progress.raw_realization(
            baseline=facts.baseline if facts.baseline is not None else Decimal(0),
            target=target,
            value=row.value,
            direction=facts.direction,
        )
        low, high = EXPLANATION_BAND
        if low <= raw <= high:
            return True
        self.cells.add(
            row.source,
            "explanation" if self.json else MEASUREMENTS.before[3].header,
            "",
            _(
                "The value reaches %(percent)s %% of the year's target, outside 95–105 %%: "
                "explain the deviation."
            ),
            percent=progress.round_display(raw),
        )
        return False


def _header(key: str) -> str:
    return next(c.header for c in INDICATORS.columns if c.key == key)


def compute_changes(
    validated: ValidatedDocument,
    tree: PlanTree | None,
    *,
    today: datetime.date,
) -> tuple[Changes, list[Any]]:
    """Compare; returns the changes and the issues found while comparing."""
    cells = CellReader()
    differ = _Differ(validated, tree, cells, today)
    document = validated.document
    if document.plan is not None:
        differ.plan_header(document.plan)
        differ.aims()
        differ.objectives()
        differ.indicators()
        differ.activities()
    if document.has_measurements:
        differ.measurements()
    changes = differ.changes
    if differ.archived and changes.has_changes:
        cells.add(Source(""), "", "", _("An archived plan can no longer be changed."))
    return changes, cells.issues


def number_of(code: str) -> int:
    """The node's own number: ``"2.3.1"`` → 1."""
    return code_numbers(code)[-1]
