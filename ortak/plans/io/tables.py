"""A sheet (or a CSV) as rows of raw values, its header, and its rows read into typed rows.

Shared by the workbook and CSV readers; the row converters at the end also serve the JSON reader.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from ortak.plans.io.cells import CellReader
from ortak.plans.io.document import (
    ActivityRow,
    AimRow,
    IndicatorRow,
    MeasurementRow,
    ObjectiveRow,
    Source,
)
from ortak.plans.io.workbook import SheetSpec, header_key

__all__ = [
    "MAX_COLUMNS",
    "MAX_ROWS_PER_SHEET",
    "Header",
    "Table",
    "activity_row",
    "aim_row",
    "indicator_row",
    "map_header",
    "measurement_row",
    "objective_row",
    "too_many_rows",
    "typed_rows",
]

MAX_ROWS_PER_SHEET = 20_000
MAX_COLUMNS = 200


def too_many_rows(cells: CellReader, sheet: str) -> None:
    cells.add(
        Source(sheet),
        "",
        "",
        _("The sheet has more than %(max)s rows; split the file."),
        max=MAX_ROWS_PER_SHEET,
    )


@dataclass
class Table:
    name: str  # canonical sheet name (from workbook.py)
    rows: list[tuple[int, list[Any]]]  # (row number, values); the first row is the header

    @property
    def header(self) -> list[Any]:
        return self.rows[0][1] if self.rows else []

    def data(self) -> Iterator[tuple[int, list[Any]]]:
        for number, values in self.rows[1:]:
            if any(value not in (None, "") for value in values):
                yield number, values


@dataclass(frozen=True)
class Header:
    """Where each column of a sheet is: key → index, plan year → index."""

    columns: dict[str, int]
    years: dict[int, int]


def _year_of(value: Any) -> int | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip() if value is not None else ""
    if text.isdigit() and len(text) == 4:
        return int(text)
    return None


def map_header(
    table: Table, spec: SheetSpec, years: tuple[int, ...], cells: CellReader
) -> Header | None:
    """Find every column; a missing, doubled or out-of-plan column is an error."""
    by_key = {header_key(column.header): column for column in spec.columns}
    columns: dict[str, int] = {}
    year_columns: dict[int, int] = {}
    ok = True
    for index, value in enumerate(table.header):
        if value in (None, ""):
            continue
        source = Source(spec.name, 1)
        year = _year_of(value) if spec.year_key else None
        column = by_key.get(header_key(value))
        if year is not None:
            if year in year_columns:
                cells.add(source, str(year), value, _("This column appears twice."))
                ok = False
            elif years and year not in years:
                cells.add(
                    source,
                    str(year),
                    value,
                    _("The column %(year)s is outside the plan years %(start)s–%(end)s."),
                    year=year,
                    start=years[0],
                    end=years[-1],
                )
                ok = False
            year_columns[year] = index
        elif column is not None:
            if column.key in columns:
                cells.add(source, column.header, value, _("This column appears twice."))
                ok = False
            columns[column.key] = index
        else:
            cells.warn(
                source,
                str(value),
                value,
                _("This column is not part of the template; it is ignored."),
            )
    for column in spec.columns:
        if column.key not in columns:
            cells.add(
                Source(spec.name, 1),
                column.header,
                "",
                _("The column “%(column)s” is missing."),
                column=column.header,
            )
            ok = False
    for year in years if spec.year_key else ():
        if year not in year_columns:
            cells.add(
                Source(spec.name, 1),
                str(year),
                "",
                _("The column for the plan year %(year)s is missing."),
                year=year,
            )
            ok = False
    return Header(columns, year_columns) if ok else None


def typed_rows(
    table: Table, spec: SheetSpec, header: Header, cells: CellReader
) -> Iterator[dict[str, Any]]:
    for number, values in table.data():
        source = Source(spec.name, number)

        def cell(index: int) -> Any:
            return values[index] if index < len(values) else None  # noqa: B023

        row: dict[str, Any] = {"source": source}
        for column in spec.columns:
            row[column.key] = cells.read(
                source,
                column.header,
                cell(header.columns[column.key]),
                column.type,
                required=column.required,
                max_length=column.max_length,
                choices=column.choices,
                end_of_year=column.key == "end_date",
            )
        if spec.year_key:
            row[spec.year_key] = tuple(
                (year, cells.read(source, str(year), cell(index), spec.year_type))
                for year, index in sorted(header.years.items())
            )
        yield row


# --- Rows → document dataclasses (shared with the JSON reader) -------------------------


def aim_row(row: dict[str, Any]) -> AimRow:
    return AimRow(source=row["source"], code=row["code"], title=row["title"])


def objective_row(row: dict[str, Any]) -> ObjectiveRow:
    units, all_units = row["cooperating_units"]
    return ObjectiveRow(
        source=row["source"],
        code=row["code"],
        aim_code=row["aim_code"],
        title=row["title"],
        responsible_unit=row["responsible_unit"] or "",
        cooperating_units=units,
        cooperates_with_all_units=all_units,
        risks=row["risks"],
        strategies=row["strategies"],
        cost_estimate=row["cost_estimate"],
        findings=row["findings"],
        needs=row["needs"],
    )


def indicator_row(row: dict[str, Any]) -> IndicatorRow:
    return IndicatorRow(
        source=row["source"],
        code=row["code"],
        objective_code=row["objective_code"],
        name=row["name"],
        unit_of_measure=row["unit_of_measure"] or "",
        weight=row["weight"],
        baseline=row["baseline"],
        direction=row["direction"] or "increasing",
        kind=row["kind"] or "cumulative",
        targets=row["targets"],
        monitoring_frequency=row["monitoring_frequency"] or "",
        reporting_frequency=row["reporting_frequency"] or "",
        data_source=row["data_source"] or "",
        owner_unit=row["owner_unit"] or "",
    )


def activity_row(row: dict[str, Any]) -> ActivityRow:
    return ActivityRow(
        source=row["source"],
        code=row["code"] or "",
        objective_code=row["objective_code"],
        name=row["name"],
        kind=row["kind"] or "activity",
        responsible_unit=row["responsible_unit"] or "",
        start_date=row["start_date"],
        end_date=row["end_date"],
        planned_costs=row["planned_costs"],
    )


def measurement_row(row: dict[str, Any]) -> MeasurementRow | None:
    if not row["indicator_code"] or row["period"] is None or row["value"] is None:
        return None
    return MeasurementRow(
        source=row["source"],
        indicator_code=row["indicator_code"],
        period=row["period"],
        value=row["value"],
        explanation=row["explanation"],
        evidence=row["evidence"] or "",
    )
