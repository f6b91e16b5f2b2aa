"""Whole-document validation against the municipality's data, before anything is written.

``validate_document`` normalises every code (``ortak.plans.codes``), checks parent links and
duplicates, plan years, weights, periods and dates, resolves unit names within the municipality,
and finds the plan the file is for. It returns the normalised document and every issue found;
the importer writes nothing when one of them is an error.

Unit names are resolved by ``units.resolve_units`` (an unknown unit is an error unless the
import is asked to create it; that module says why).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.core.turkish import search_key
from ortak.organizations.models import Municipality, Unit
from ortak.plans.codes import CodeError, Level, parent_code, parse_code
from ortak.plans.io.cells import CellReader
from ortak.plans.io.document import (
    ActivityRow,
    AimRow,
    ImportIssue,
    IndicatorRow,
    MeasurementRow,
    ObjectiveRow,
    PlanDocument,
    Source,
    WithIssues,
    format_message,
    number_text,
)
from ortak.plans.io.loader import PlanTree
from ortak.plans.io.units import resolve_units
from ortak.plans.io.workbook import ACTIVITIES, AIMS, INDICATORS, MEASUREMENTS, OBJECTIVES, PLAN
from ortak.plans.models import Indicator, StrategicPlan

__all__ = ["ValidatedDocument", "find_plan", "validate_document"]

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class ValidatedDocument(WithIssues):
    """The document with normalised codes, the plan it is for, and its units by name."""

    document: PlanDocument
    issues: tuple[ImportIssue, ...]
    plan: StrategicPlan | None  # the existing plan; None when the import creates it
    units: dict[str, Unit]  # search_key(name) → unit
    new_units: tuple[str, ...]  # names to create (only with create_units)

    def unit(self, name: str) -> Unit | None:
        return self.units.get(search_key(name)) if name else None


def _column(spec: Any, key: str, json: bool) -> str:
    """The header of a column (workbook, CSV) or its key (JSON)."""
    if json:
        return key
    return next(column.header for column in spec.columns if column.key == key)


def _municipality_matches(text: str, municipality: Municipality) -> bool:
    def bare(name: str) -> str:
        key = search_key(name)
        return key.removesuffix(" buyuksehir belediyesi").removesuffix(" belediyesi").strip()

    return bare(text) in {bare(municipality.name), municipality.slug, search_key(municipality.slug)}


def find_plan(municipality: Municipality, start_year: int | None) -> StrategicPlan | None:
    if start_year is None:
        return None
    return StrategicPlan.objects.filter(municipality=municipality, start_year=start_year).first()


class _Validator:
    def __init__(self, document: PlanDocument, municipality: Municipality) -> None:
        self.document = document
        self.municipality = municipality
        self.cells = CellReader()
        self.json = document.format == "json"
        # Rows already reported: their children are not reported again as orphans.
        self.rejected: set[str] = set()

    def column(self, spec: Any, key: str) -> str:
        return _column(spec, key, self.json)

    def code(self, source: Source, column: str, text: str, level: Level) -> str | None:
        try:
            return parse_code(text, level)
        except CodeError:
            example = {Level.AIM: "2", Level.OBJECTIVE: "2.3", Level.INDICATOR: "2.3.1"}[level]
            self.cells.add(
                source,
                column,
                text,
                _("This is not a valid code here; write it like %(example)s."),
                example=example,
            )
            return None

    # --- plan -------------------------------------------------------------------------

    def plan(self, plan: StrategicPlan | None) -> None:
        header = self.document.plan
        if header is None:
            return
        source = header.source
        if header.municipality and not _municipality_matches(
            header.municipality, self.municipality
        ):
            self.cells.add(
                source,
                "municipality" if self.json else PLAN.fields[0].label,
                header.municipality,
                _("The file is for another municipality; you are importing into %(name)s."),
                name=self.municipality.name,
            )
        if plan is not None and header.end_year is not None and plan.end_year != header.end_year:
            self.cells.add(
                source,
                "end_year" if self.json else PLAN.fields[2].label,
                header.end_year,
                _("The plan starting in %(start)s ends in %(end)s; the file says otherwise."),
                start=plan.start_year,
                end=plan.end_year,
            )

    # --- tree -------------------------------------------------------------------------

    def tree(self) -> PlanDocument:
        aims, aim_rows = self.aims()
        objectives, objective_rows = self.objectives(aims)
        indicator_rows = self.indicators(objectives)
        self.weights(indicator_rows, objective_rows)
        return dataclasses.replace(
            self.document,
            aims=tuple(aim_rows),
            objectives=tuple(objective_rows),
            indicators=tuple(indicator_rows),
            activities=tuple(self.activities(objectives)),
        )

    def aims(self) -> tuple[dict[str, Source], list[AimRow]]:
        seen: dict[str, Source] = {}
        rows = []
        column = self.column(AIMS, "code")
        for row in self.document.aims:
            code = self.code(row.source, column, row.code, Level.AIM)
            if code is None or self.duplicate(seen, code, row.source, column):
                self.reject(row.code, code)
                continue
            rows.append(dataclasses.replace(row, code=code))
        return seen, rows

    def objectives(self, aims: dict[str, Source]) -> tuple[dict[str, Source], list[ObjectiveRow]]:
        seen: dict[str, Source] = {}
        rows = []
        column = self.column(OBJECTIVES, "code")
        parent_column = self.column(OBJECTIVES, "aim_code")
        for row in self.document.objectives:
            code = self.code(row.source, column, row.code, Level.OBJECTIVE)
            aim_code = self.parent(row.source, parent_column, row.aim_code, Level.AIM, aims)
            if (
                code is None
                or aim_code is None
                or not self.belongs(row.source, column, code, aim_code)
                or self.duplicate(seen, code, row.source, column)
            ):
                self.reject(row.code, code)
                continue
            rows.append(dataclasses.replace(row, code=code, aim_code=aim_code))
        return seen, rows

    def indicators(self, objectives: dict[str, Source]) -> list[IndicatorRow]:
        seen: dict[str, Source] = {}
        rows = []
        column = self.column(INDICATORS, "code")
        parent_column = self.column(INDICATORS, "objective_code")
        for row in self.document.indicators:
            code = self.code(row.source, column, row.code, Level.INDICATOR)
            objective_code = self.parent(
                row.source, parent_column, row.objective_code, Level.OBJECTIVE, objectives
            )
            if (
                code is None
                or objective_code is None
                or not self.belongs(row.source, column, code, objective_code)
                or self.duplicate(seen, code, row.source, column)
            ):
                self.reject(row.code, code)
                continue
            self.indicator_figures(row.source, row.weight, row.target_map())
            rows.append(dataclasses.replace(row, code=code, objective_code=objective_code))
        return rows

    def activities(self, objectives: dict[str, Source]) -> list[ActivityRow]:
        rows = []
        seen: dict[tuple[str, str], Source] = {}
        parent_column = self.column(ACTIVITIES, "objective_code")
        for row in self.document.activities:
            objective_code = self.parent(
                row.source, parent_column, row.objective_code, Level.OBJECTIVE, objectives
            )
            if objective_code is None:
                continue
            if row.start_date and row.end_date and row.end_date < row.start_date:
                self.cells.add(
                    row.source,
                    self.column(ACTIVITIES, "end_date"),
                    row.end_date,
                    _("The end date is before the start date."),
                )
            key = (objective_code, row.code)
            if row.code and key in seen:
                # Real plans number activities loosely; the data-quality audit lists these too.
                self.cells.warn(
                    row.source,
                    self.column(ACTIVITIES, "code"),
                    row.code,
                    _("Another activity of this objective has the same code (%(where)s)."),
                    where=_where(seen[key]),
                )
            seen.setdefault(key, row.source)
            rows.append(dataclasses.replace(row, objective_code=objective_code))
        return rows

    def reject(self, text: str, code: str | None) -> None:
        """A row that was reported and left out; unless it was a duplicate, its code is gone."""
        self.rejected.add(text)
        if code is not None:
            self.rejected.add(code)

    def parent(
        self, source: Source, column: str, text: str, level: Level, known: dict[str, Source]
    ) -> str | None:
        if not text or text in self.rejected:  # the parent's row was reported already
            return None
        code = self.code(source, column, text, level)
        if code is not None and code not in known and code in self.rejected:
            return None
        if code is not None and code not in known:
            message = {
                Level.AIM: _("There is no aim with the code %(code)s in the file."),
                Level.OBJECTIVE: _("There is no objective with the code %(code)s in the file."),
                Level.INDICATOR: _("There is no indicator with the code %(code)s."),
            }[level]
            self.cells.add(source, column, text, message, code=code)
            return None
        return code

    def belongs(self, source: Source, column: str, code: str, parent: str) -> bool:
        if parent_code(code) == parent:
            return True
        self.cells.add(
            source,
            column,
            code,
            _("The code %(code)s does not start with its parent's code %(parent)s."),
            code=code,
            parent=parent,
        )
        return False

    def duplicate(self, seen: dict[str, Source], code: str, source: Source, column: str) -> bool:
        if code in seen:
            self.cells.add(
                source,
                column,
                code,
                _("The code %(code)s is used twice (first at %(where)s)."),
                code=code,
                where=_where(seen[code]),
            )
            return True
        seen[code] = source
        return False

    def indicator_figures(
        self, source: Source, weight: Decimal | None, targets: dict[int, Decimal]
    ) -> None:
        if weight is not None and not 0 <= weight <= HUNDRED:
            self.cells.add(
                source,
                self.column(INDICATORS, "weight"),
                weight,
                _("The weight must be between 0 and 100."),
            )
        header = self.document.plan
        if header is not None and header.years and header.years[-1] not in targets:
            self.cells.warn(
                source,
                str(header.years[-1]) if not self.json else "targets",
                "",
                _(
                    "There is no target for the plan's last year %(year)s; the plan-period "
                    "realization cannot be computed."
                ),
                year=header.years[-1],
            )

    def weights(self, indicators: Iterable[Any], objectives: Iterable[Any]) -> None:
        """Weights that do not sum to 100 are normalised (ARCHITECTURE §4 rule 6): a warning."""
        totals: dict[str, Decimal] = defaultdict(Decimal)
        for row in indicators:
            totals[row.objective_code] += row.weight or 0
        for objective in objectives:
            total = totals.get(objective.code)
            if total is not None and total != HUNDRED:
                self.cells.warn(
                    objective.source,
                    self.column(INDICATORS, "weight"),
                    total,
                    _(
                        "The weights of the indicators of objective %(code)s add up to %(total)s, "
                        "not 100; they will be scaled to 100."
                    ),
                    code=objective.code,
                    total=number_text(total),
                )

    # --- measurements -----------------------------------------------------------------

    def measurements(
        self, frequencies: dict[str, str], years: tuple[int, ...], today: datetime.date
    ) -> tuple[MeasurementRow, ...]:
        """``frequencies``: indicator code → monitoring frequency, for every known indicator."""
        seen: dict[tuple[str, str], Source] = {}
        rows = []
        column = self.column(MEASUREMENTS, "indicator_code")
        period_column = self.column(MEASUREMENTS, "period")
        for row in self.document.measurements:
            if row.indicator_code in self.rejected:
                continue
            code = self.code(row.source, column, row.indicator_code, Level.INDICATOR)
            if code is None or (code in self.rejected and code not in frequencies):
                continue
            if code not in frequencies:
                self.cells.add(
                    row.source,
                    column,
                    row.indicator_code,
                    _("There is no indicator with the code %(code)s."),
                    code=code,
                )
                continue
            if not self.period(row, frequencies[code], years, today):
                continue
            key = (code, row.period)
            if key in seen:
                self.cells.add(
                    row.source,
                    period_column,
                    row.period,
                    _("Indicator %(code)s has two values for %(period)s (first at %(where)s)."),
                    code=code,
                    period=row.period,
                    where=_where(seen[key]),
                )
                continue
            seen[key] = row.source
            rows.append(dataclasses.replace(row, indicator_code=code))
        return tuple(rows)

    def period(
        self, row: MeasurementRow, frequency: str, years: tuple[int, ...], today: datetime.date
    ) -> bool:
        """The rules of ``services.record_measurement`` about periods."""
        column = self.column(MEASUREMENTS, "period")
        year = int(row.period[:4])
        if years and year not in years:
            self.cells.add(
                row.source,
                column,
                row.period,
                _("The period is outside the plan years %(start)s–%(end)s."),
                start=years[0],
                end=years[-1],
            )
            return False
        if year > today.year:
            self.cells.add(row.source, column, row.period, _("This period has not started yet."))
            return False
        if row.period.endswith("-H1") and frequency == Indicator.Frequency.YEARLY:
            self.cells.add(
                row.source,
                column,
                row.period,
                _("This indicator is monitored yearly: give the whole year's value."),
            )
            return False
        return True


def _where(source: Source) -> str:
    """Where an earlier row is, rendered with the message (in the reader's language)."""
    if source.row is None:
        return source.sheet
    return format_message(_("%(sheet)s row %(row)s"), {"sheet": source.sheet, "row": source.row})


def _frequencies(plan: StrategicPlan, tree: PlanTree | None) -> dict[str, str]:
    """Indicator code → monitoring frequency of the stored plan (from its tree when loaded)."""
    if tree is not None and tree.plan.pk == plan.pk:
        return {i.code: i.monitoring_frequency for i in tree.indicators}
    return dict(Indicator.objects.filter(plan=plan).values_list("code", "monitoring_frequency"))


def validate_document(
    *,
    document: PlanDocument,
    municipality: Municipality,
    plan: StrategicPlan | None = None,
    create_units: bool = False,
    issues: Iterable[ImportIssue] = (),
    today: datetime.date | None = None,
    tree: PlanTree | None = None,
) -> ValidatedDocument:
    """Validate the whole document; ``issues`` from reading are carried along.

    ``plan`` is required for a measurements-only document (a CSV names no plan); for a whole plan
    it is found by the municipality and the start year of the file's Plan sheet, and when given
    it must be that plan. ``tree``, the stored plan's tree when the caller has loaded it already
    (``loader.load_tree``), saves reading the plan and its units again.
    """
    validator = _Validator(document, municipality)
    today = today or timezone.localdate()
    if document.is_measurements_only:
        if plan is None:
            validator.cells.add(Source(""), "", "", _("Choose the plan the measurements are for."))
            return ValidatedDocument(document, (*issues, *validator.cells.issues), None, {}, ())
        measurements = validator.measurements(_frequencies(plan, tree), tuple(plan.years), today)
        normalised = dataclasses.replace(document, measurements=measurements)
        return ValidatedDocument(normalised, (*issues, *validator.cells.issues), plan, {}, ())
    header = document.plan
    start = header.start_year if header else None
    found = tree.plan if tree is not None else find_plan(municipality, start)
    if plan is not None and (found is None or found.pk != plan.pk):
        validator.cells.add(
            header.source if header else Source(""),
            "",
            "",
            _("The file is for the plan starting in %(start)s, not for the plan %(plan)s."),
            start=start,
            plan=plan.period_label,
        )
    validator.plan(found)
    normalised = validator.tree()
    current = _frequencies(found, tree) if found is not None else {}
    frequencies = {
        row.code: row.monitoring_frequency or current.get(row.code, Indicator.Frequency.SIX_MONTHLY)
        for row in normalised.indicators
    }
    measurements = validator.measurements(frequencies, header.years if header else (), today)
    normalised = dataclasses.replace(normalised, measurements=measurements)
    units, new_units = resolve_units(
        normalised,
        municipality,
        validator.cells,
        create_units=create_units,
        known=tree.units() if tree is not None else (),
    )
    return ValidatedDocument(
        normalised, (*issues, *validator.cells.issues), found, units, new_units
    )
