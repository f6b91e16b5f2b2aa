"""Reading the JSON format (docs/formats/plan.schema.json) into a ``PlanDocument``.

The JSON nests plan → aims → objectives → indicators (targets by year, measurements) and
activities; its keys are the ``Column.key`` names of the workbook columns, so both formats are
read by the same cell rules. Issues name the JSON path ("aims[0].objectives[1]") as their sheet
and the key as their column. Keys the reader does not know — the computed figures an export
carries (``realization``, ``status``…) — are ignored.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from ortak.plans.io.cells import CellReader, unneutralise
from ortak.plans.io.document import (
    ActivityRow,
    AimRow,
    DocumentKind,
    IndicatorRow,
    MeasurementRow,
    ObjectiveRow,
    PlanDocument,
    PlanHeader,
    Source,
)
from ortak.plans.io.tables import (
    activity_row,
    aim_row,
    indicator_row,
    measurement_row,
    objective_row,
)
from ortak.plans.io.workbook import (
    ACTIVITIES,
    AIMS,
    INDICATORS,
    MEASUREMENTS,
    OBJECTIVES,
    PLAN,
    Column,
    ColumnType,
    SheetSpec,
    is_all_units,
)

__all__ = ["JSON_ROOT", "read_json"]

JSON_ROOT = "JSON"

# Parent codes are implied by the nesting.
_PARENT_KEYS = {"aim_code", "objective_code", "indicator_code"}


class _Reader:
    def __init__(self, cells: CellReader) -> None:
        self.cells = cells
        self.years: tuple[int, ...] = ()
        self.aims: list[AimRow] = []
        self.objectives: list[ObjectiveRow] = []
        self.indicators: list[IndicatorRow] = []
        self.activities: list[ActivityRow] = []
        self.measurements: list[MeasurementRow] = []
        self.has_measurements = False

    # --- shape ------------------------------------------------------------------------

    def objects(
        self, parent: dict[str, Any], key: str, path: str
    ) -> list[tuple[str, dict[str, Any]]]:
        value = parent.get(key, [])
        if not isinstance(value, list):
            self.cells.add(Source(path), key, value, _("A list is expected here."))
            return []
        found = []
        for index, item in enumerate(value):
            item_path = f"{key}[{index}]" if path == JSON_ROOT else f"{path}.{key}[{index}]"
            if isinstance(item, dict):
                found.append((item_path, item))
            else:
                self.cells.add(Source(item_path), "", item, _("An object is expected here."))
        return found

    def fields(self, item: dict[str, Any], spec: SheetSpec, path: str) -> dict[str, Any]:
        source = Source(path)
        row: dict[str, Any] = {"source": source}
        for column in spec.columns:
            if column.key in _PARENT_KEYS:
                continue
            row[column.key] = self.value(item, column, source)
        if spec.year_key:
            row[spec.year_key] = self.by_year(item, spec, source)
        return row

    def value(self, item: dict[str, Any], column: Column, source: Source) -> Any:
        raw = item.get(column.key)
        if column.type == ColumnType.UNITS and isinstance(raw, list):
            names = [unneutralise(str(name).strip()) for name in raw if str(name).strip()]
            return (
                tuple(name for name in names if not is_all_units(name)),
                any(is_all_units(name) for name in names),
            )
        if isinstance(raw, dict | list):
            self.cells.add(
                source, column.key, json.dumps(raw)[:80], _("A single value is expected here.")
            )
            return self.cells.read(source, column.key, None, column.type)
        return self.cells.read(
            source,
            column.key,
            raw,
            column.type,
            required=column.required,
            max_length=column.max_length,
            choices=column.choices,
            end_of_year=column.key == "end_date",
        )

    def by_year(
        self, item: dict[str, Any], spec: SheetSpec, source: Source
    ) -> tuple[tuple[int, Any], ...]:
        raw = item.get(spec.year_key) or {}
        if not isinstance(raw, dict):
            self.cells.add(
                source, spec.year_key, raw, _("An object keyed by year is expected here.")
            )
            return ()
        values: dict[int, Any] = {}
        for key, value in raw.items():
            year = int(key) if str(key).isdigit() else None
            if year is None or (self.years and year not in self.years):
                self.cells.add(
                    source,
                    f"{spec.year_key}.{key}",
                    key,
                    _("This is not one of the plan years."),
                )
                continue
            values[year] = self.cells.read(source, f"{spec.year_key}.{key}", value, spec.year_type)
        return tuple((year, values.get(year)) for year in (self.years or sorted(values)))

    # --- levels -----------------------------------------------------------------------

    def plan(self, data: dict[str, Any]) -> PlanHeader:
        source = Source(JSON_ROOT)
        values: dict[str, Any] = {}
        for field in PLAN.fields:
            values[field.key] = self.cells.read(
                source,
                field.key,
                data.get(field.key),
                field.type,
                required=field.required,
                max_length=field.max_length,
            )
        start, end = values.get("start_year"), values.get("end_year")
        if start is not None and end is not None and not start <= end <= start + 5:
            self.cells.add(
                source,
                "end_year",
                end,
                _("The end year must be between the start year and five years after it."),
            )
            values["end_year"] = None
        header = PlanHeader(
            source=source, **{key: value for key, value in values.items() if value is not None}
        )
        self.years = header.years
        return header

    def aim(self, path: str, item: dict[str, Any]) -> None:
        row = self.fields(item, AIMS, path)
        if row["code"]:
            self.aims.append(aim_row(row))
        for child_path, child in self.objects(item, "objectives", path):
            self.objective(child_path, child, row["code"])

    def objective(self, path: str, item: dict[str, Any], aim_code: str) -> None:
        row = self.fields(item, OBJECTIVES, path)
        units, all_units = row["cooperating_units"]
        flag = item.get("cooperates_with_all_units")
        row["cooperating_units"] = (units, all_units or flag is True)
        if row["code"]:
            self.objectives.append(objective_row({**row, "aim_code": aim_code}))
        for child_path, child in self.objects(item, "indicators", path):
            self.indicator(child_path, child, row["code"])
        for child_path, child in self.objects(item, "activities", path):
            self.activity(child_path, child, row["code"])

    def indicator(self, path: str, item: dict[str, Any], objective_code: str) -> None:
        row = self.fields(item, INDICATORS, path)
        if row["code"]:
            self.indicators.append(indicator_row({**row, "objective_code": objective_code}))
        if "measurements" in item:
            self.has_measurements = True
        for child_path, child in self.objects(item, "measurements", path):
            fields = self.fields(child, MEASUREMENTS, child_path)
            measurement = measurement_row({**fields, "indicator_code": row["code"]})
            if measurement is not None:
                self.measurements.append(measurement)

    def activity(self, path: str, item: dict[str, Any], objective_code: str) -> None:
        row = self.fields(item, ACTIVITIES, path)
        self.activities.append(activity_row({**row, "objective_code": objective_code}))


def read_json(content: bytes, cells: CellReader) -> PlanDocument | None:
    source = Source(JSON_ROOT)
    try:
        data = json.loads(content.decode("utf-8-sig"), parse_float=Decimal)
    except UnicodeDecodeError:
        cells.add(source, "", "", _("The JSON file is not UTF-8 text."))
        return None
    except json.JSONDecodeError as exc:
        cells.add(
            source,
            "",
            exc.msg,
            _("The JSON file cannot be read (line %(line)s, column %(column)s)."),
            line=exc.lineno,
            column=exc.colno,
        )
        return None
    except RecursionError:
        cells.add(source, "", "", _("The JSON file is nested too deeply."))
        return None
    except ValueError:  # e.g. an integer with thousands of digits
        cells.add(source, "", "", _("The JSON file holds a number too large to read."))
        return None
    if not isinstance(data, dict):
        cells.add(source, "", "", _("The JSON file must hold one plan object."))
        return None
    reader = _Reader(cells)
    header = reader.plan(data)
    for path, item in reader.objects(data, "aims", JSON_ROOT):
        reader.aim(path, item)
    return PlanDocument(
        kind=DocumentKind.PLAN,
        format="json",
        plan=header,
        aims=tuple(reader.aims),
        objectives=tuple(reader.objectives),
        indicators=tuple(reader.indicators),
        activities=tuple(reader.activities),
        measurements=tuple(reader.measurements),
        has_measurements=reader.has_measurements,
    )
