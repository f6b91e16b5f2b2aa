"""Writing a ``PlanDocument`` as xlsx, json or csv (the three formats of docs/formats/).

Every text written goes through ``neutralise_formula`` (no formula injection); the reader takes
the guard off again, so a written file reads back to the same document. Numbers are written as
numbers (numeric cells, JSON numbers) except in the CSV, which Turkish spreadsheets open with
";" between fields and "," as the decimal mark.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ortak.core.sanitize import neutralise_formula
from ortak.core.turkish import format_number
from ortak.plans.io.document import (
    ActivityRow,
    IndicatorRow,
    MeasurementRow,
    ObjectiveRow,
    PlanDocument,
    PlanHeader,
)
from ortak.plans.io.workbook import (
    ACTIVITIES,
    AIMS,
    ALL_UNITS_LABELS,
    CHOICES,
    INDICATORS,
    MEASUREMENTS,
    OBJECTIVES,
    PLAN,
    ColumnType,
    SheetSpec,
    choice_label,
)
from ortak.plans.numbers import decimals_needed

__all__ = ["json_number", "plain_number", "write_csv", "write_xlsx"]


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
_WRAP = Alignment(wrap_text=True, vertical="top")
_LIRA_FORMAT = "#,##0.00"
_DATE_FORMAT = "DD.MM.YYYY"
# Template rows that get drop-down lists for choice columns.
_VALIDATED_ROWS = 1000


def _text(value: str) -> Any:
    return neutralise_formula(value) if value else None


def plain_number(value: Decimal | None) -> int | Decimal | None:
    """20.0000 → 20, 12.5000 → Decimal("12.5"): no trailing zeros, exact."""
    if value is None:
        return None
    normal = value.normalize()
    if normal == normal.to_integral_value():
        return int(normal)
    return Decimal(format(normal, "f"))


def json_number(value: Decimal | None) -> int | float | None:
    number = plain_number(value)
    return float(number) if isinstance(number, Decimal) else number


def _units_text(row: ObjectiveRow) -> str:
    names = list(row.cooperating_units)
    if row.cooperates_with_all_units:
        names.insert(0, ALL_UNITS_LABELS[0])
    text = "; ".join(names)
    # A single name with a comma would be split at the comma when read back.
    return f"{text};" if len(names) == 1 and "," in text else text


# --- xlsx -----------------------------------------------------------------------------


def _sheet(workbook: Workbook, spec: SheetSpec, years: Sequence[int]) -> Any:
    worksheet = workbook.create_sheet(spec.name)
    headers = spec.headers(years)
    worksheet.append(headers)
    for cell in worksheet[1]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP
    worksheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        width = 12 if header.isdigit() else min(max(len(header) + 4, 12), 40)
        worksheet.column_dimensions[get_column_letter(index)].width = width
    # Drop-down lists for the choice columns (Artan/Azalan…).
    for index, column in enumerate(
        (*spec.before, *[None] * (len(years) if spec.year_key else 0), *spec.after), start=1
    ):
        if column is None or column.type != ColumnType.CHOICE:
            continue
        labels = ",".join(labels[0] for labels in CHOICES[column.choices].values())
        validation = DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True)
        letter = get_column_letter(index)
        validation.add(f"{letter}2:{letter}{_VALIDATED_ROWS}")
        worksheet.add_data_validation(validation)
    return worksheet


def _cell_value(value: Any, kind: ColumnType) -> Any:
    if value is None or value == "":
        return None
    if kind in {ColumnType.NUMBER, ColumnType.LIRA}:
        return plain_number(value)
    if isinstance(value, str):
        return _text(value)
    return value


def _append(
    worksheet: Any,
    spec: SheetSpec,
    values: Mapping[str, Any],
    by_year: Mapping[int, Any],
    years: Sequence[int],
) -> None:
    row = [_cell_value(values.get(c.key), c.type) for c in spec.before]
    if spec.year_key:
        row += [_cell_value(by_year.get(year), spec.year_type) for year in years]
    row += [_cell_value(values.get(c.key), c.type) for c in spec.after]
    worksheet.append(row)
    cells = worksheet[worksheet.max_row]
    kinds = [c.type for c in spec.before] + ([spec.year_type] * len(years) if spec.year_key else [])
    kinds += [c.type for c in spec.after]
    for cell, kind in zip(cells, kinds, strict=False):
        if kind == ColumnType.LIRA:
            cell.number_format = _LIRA_FORMAT
        elif kind == ColumnType.DATE:
            cell.number_format = _DATE_FORMAT
        elif kind in {ColumnType.CODE, ColumnType.PERIOD}:
            cell.number_format = "@"  # text, so 1.10 stays 1.10


def _plan_sheet(workbook: Workbook, header: PlanHeader | None) -> None:
    worksheet: Any = workbook.active
    worksheet.title = PLAN.name
    worksheet.append([PLAN.label_header, PLAN.value_header])
    for cell in worksheet[1]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for field in PLAN.fields:
        value = getattr(header, field.key, None) if header is not None else None
        worksheet.append([field.label, _cell_value(value, field.type)])
        cell = worksheet.cell(row=worksheet.max_row, column=2)
        cell.alignment = _WRAP
        if field.type == ColumnType.DATE:
            cell.number_format = _DATE_FORMAT
    worksheet.column_dimensions["A"].width = 24
    worksheet.column_dimensions["B"].width = 80


def _objective_values(row: ObjectiveRow) -> dict[str, Any]:
    return {
        "code": row.code,
        "aim_code": row.aim_code,
        "title": row.title,
        "responsible_unit": row.responsible_unit,
        "cooperating_units": _units_text(row),
        "risks": row.risks,
        "strategies": row.strategies,
        "cost_estimate": row.cost_estimate,
        "findings": row.findings,
        "needs": row.needs,
    }


def _indicator_values(row: IndicatorRow) -> dict[str, Any]:
    return {
        "code": row.code,
        "objective_code": row.objective_code,
        "name": row.name,
        "unit_of_measure": row.unit_of_measure,
        "weight": row.weight,
        "baseline": row.baseline,
        "direction": choice_label("direction", row.direction),
        "kind": choice_label("indicator_kind", row.kind),
        "monitoring_frequency": (
            choice_label("frequency", row.monitoring_frequency) if row.monitoring_frequency else ""
        ),
        "reporting_frequency": (
            choice_label("frequency", row.reporting_frequency) if row.reporting_frequency else ""
        ),
        "data_source": row.data_source,
        "owner_unit": row.owner_unit,
    }


def _activity_values(row: ActivityRow) -> dict[str, Any]:
    return {
        "code": row.code,
        "objective_code": row.objective_code,
        "name": row.name,
        "kind": choice_label("activity_kind", row.kind),
        "responsible_unit": row.responsible_unit,
        "start_date": row.start_date,
        "end_date": row.end_date,
    }


def _measurement_values(row: MeasurementRow) -> dict[str, Any]:
    return {
        "indicator_code": row.indicator_code,
        "period": row.period,
        "value": row.value,
        "explanation": row.explanation,
        "evidence": row.evidence,
    }


def write_xlsx(document: PlanDocument, *, years: Sequence[int] | None = None) -> bytes:
    """The workbook of the template, filled with the document (an empty document: the template)."""
    header = document.plan
    years = list(years if years is not None else (header.years if header else ()))
    workbook = Workbook()
    _plan_sheet(workbook, header)
    sheet = _sheet(workbook, AIMS, years)
    for aim in document.aims:
        _append(sheet, AIMS, {"code": aim.code, "title": aim.title}, {}, years)
    sheet = _sheet(workbook, OBJECTIVES, years)
    for objective in document.objectives:
        _append(sheet, OBJECTIVES, _objective_values(objective), {}, years)
    sheet = _sheet(workbook, INDICATORS, years)
    for indicator in document.indicators:
        _append(sheet, INDICATORS, _indicator_values(indicator), indicator.target_map(), years)
    sheet = _sheet(workbook, ACTIVITIES, years)
    for activity in document.activities:
        _append(sheet, ACTIVITIES, _activity_values(activity), activity.cost_map(), years)
    sheet = _sheet(workbook, MEASUREMENTS, years)
    for measurement in document.measurements:
        _append(sheet, MEASUREMENTS, _measurement_values(measurement), {}, years)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


# --- csv ------------------------------------------------------------------------------


def _csv_number(value: Decimal) -> str:
    return format_number(value, decimals_needed([value]))


def write_csv(measurements: Sequence[MeasurementRow]) -> bytes:
    """Measurements only (the ``Ölçümler`` columns): UTF-8 with BOM, ";" between fields."""
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
    writer.writerow(MEASUREMENTS.headers())
    for row in measurements:
        writer.writerow(
            [
                neutralise_formula(row.indicator_code),
                row.period,
                _csv_number(row.value),
                neutralise_formula(row.explanation),
                neutralise_formula(row.evidence),
            ]
        )
    return ("\ufeff" + output.getvalue()).encode("utf-8")
