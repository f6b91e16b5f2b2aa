"""Reading an Excel workbook of the template (openpyxl, read-only) into a ``PlanDocument``.

The container is checked before openpyxl sees it (member count, uncompressed size, compression
ratio: zip bombs). Formulas in text columns are kept as their text (exports neutralise them); in
number columns the value the spreadsheet computed is used, read from a second, ``data_only``
pass that only happens when such a formula exists.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from ortak.plans.io.cells import CellReader, Formula
from ortak.plans.io.document import DocumentKind, PlanDocument, PlanHeader, Source
from ortak.plans.io.tables import (
    MAX_COLUMNS,
    MAX_ROWS_PER_SHEET,
    Header,
    Table,
    activity_row,
    aim_row,
    indicator_row,
    map_header,
    measurement_row,
    objective_row,
    too_many_rows,
    typed_rows,
)
from ortak.plans.io.workbook import (
    ACTIVITIES,
    AIMS,
    INDICATORS,
    MEASUREMENTS,
    OBJECTIVES,
    PLAN,
    SHEETS,
    ColumnType,
    SheetSpec,
    header_key,
)

__all__ = ["read_xlsx"]

MAX_ZIP_MEMBERS = 1_000
# XML compresses well, but not this well: a higher ratio is a zip bomb.
MAX_COMPRESSION_RATIO = 200
# The workbook may expand to this many times the upload limit once unzipped, and never to more
# than MAX_UNCOMPRESSED (a real 150-indicator plan is well under 1 MB of XML).
MAX_EXPANSION = 10
MAX_UNCOMPRESSED = 100 * 1024 * 1024
FILE = ""  # the "sheet" of issues about the file as a whole
_EXCEL_EPOCH = datetime.datetime(1899, 12, 30)


@dataclass(frozen=True)
class _RawFormula:
    """A formula cell as found; resolved to text or to its computed value by column type."""

    text: str


def _check_zip(content: bytes, cells: CellReader, limit: int) -> bool:
    source = Source(FILE)
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        cells.add(source, "", "", _("The Excel file is damaged and cannot be opened."))
        return False
    total = sum(member.file_size for member in members)
    bomb = len(members) > MAX_ZIP_MEMBERS or total > min(MAX_EXPANSION * limit, MAX_UNCOMPRESSED)
    bomb = bomb or any(
        member.file_size > 1024 * 1024
        and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if bomb:
        cells.add(
            source,
            "",
            "",
            _("The Excel file expands to too much data to be read safely; it cannot be imported."),
        )
        return False
    if "xl/workbook.xml" not in {member.filename for member in members}:
        cells.add(source, "", "", _("The file is not an Excel workbook (.xlsx)."))
        return False
    return True


def _open_workbook(content: bytes, data_only: bool) -> Any:
    import openpyxl

    return openpyxl.load_workbook(
        io.BytesIO(content), read_only=True, data_only=data_only, keep_links=False
    )


def _cell_value(cell: Any) -> Any:
    value = cell.value
    if value is None:
        return None
    if getattr(cell, "data_type", None) == "f":
        return _RawFormula(value if isinstance(value, str) else getattr(value, "text", ""))
    if isinstance(value, datetime.datetime) and value.year < 1906:
        # A year typed into a date-formatted cell: 2026 shows as 18.07.1905. Plans give
        # activity dates as bare years often enough to read it as the year meant.
        serial = (value - _EXCEL_EPOCH).days
        if 2000 <= serial <= 2100 and value.time() == datetime.time():
            return serial
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and "%" in (getattr(cell, "number_format", "") or "")
    ):
        # A percent-formatted cell shows 25% but holds 0.25; the user means 25.
        return (Decimal(repr(value)) * 100).normalize()
    return value


def _read_sheet(worksheet: Any, name: str, cells: CellReader) -> Table:
    worksheet.reset_dimensions()  # some writers record wrong dimensions; read every row
    rows: list[tuple[int, list[Any]]] = []
    for number, row in enumerate(worksheet.iter_rows(), start=1):
        if number > MAX_ROWS_PER_SHEET + 1:
            too_many_rows(cells, name)
            break
        rows.append((number, [_cell_value(cell) for cell in row[:MAX_COLUMNS]]))
    return Table(name, rows)


_KNOWN_SHEETS = {header_key(spec.name): spec.name for spec in (PLAN, *SHEETS)}


def read_xlsx(content: bytes, cells: CellReader, limit: int) -> PlanDocument | None:
    if not _check_zip(content, cells, limit):
        return None
    try:
        workbook = _open_workbook(content, data_only=False)
        tables: dict[str, Table] = {}
        for title in workbook.sheetnames:
            canonical = _KNOWN_SHEETS.get(header_key(title))
            if canonical is None:
                cells.warn(
                    Source(title),
                    "",
                    "",
                    _("This sheet is not part of the template; it is ignored."),
                )
                continue
            if canonical in tables:
                cells.add(Source(title), "", "", _("The workbook has this sheet twice."))
                continue
            tables[canonical] = _read_sheet(workbook[title], canonical, cells)
        workbook.close()
    except Exception:  # openpyxl raises many kinds (KeyError, ParseError…) on damaged files
        cells.add(Source(FILE), "", "", _("The Excel file is damaged and cannot be opened."))
        return None
    for spec_name in (PLAN.name, *(spec.name for spec in SHEETS if spec.required)):
        if spec_name not in tables:
            cells.add(
                Source(spec_name),
                "",
                "",
                _("The workbook has no sheet “%(sheet)s”."),
                sheet=spec_name,
            )
    wanted: dict[str, set[tuple[int, int]]] = {name: set() for name in tables}
    if PLAN.name in tables:
        _plan_formulas(tables[PLAN.name], wanted[PLAN.name])
        # Only the Plan sheet's computed values are needed before the plan years are known.
        _resolve_formulas(content, tables, {PLAN.name: wanted.pop(PLAN.name)})
    header = _read_plan_sheet(tables[PLAN.name], cells) if PLAN.name in tables else None
    years = header.years if header is not None else ()
    headers = {
        spec.name: map_header(tables[spec.name], spec, years, cells)
        for spec in SHEETS
        if spec.name in tables
    }
    for name, mapping in headers.items():
        if mapping is not None:
            spec = next(spec for spec in SHEETS if spec.name == name)
            _sheet_formulas(tables[name], spec, mapping, wanted[name])
    _resolve_formulas(content, tables, wanted)
    rows = {
        name: list(typed_rows(tables[name], spec, mapping, cells))
        for spec in SHEETS
        if (name := spec.name) in headers and (mapping := headers[name]) is not None
    }
    return PlanDocument(
        kind=DocumentKind.PLAN,
        format="xlsx",
        plan=header,
        aims=tuple(aim_row(row) for row in rows.get(AIMS.name, ()) if row["code"]),
        objectives=tuple(
            objective_row(row) for row in rows.get(OBJECTIVES.name, ()) if row["code"]
        ),
        indicators=tuple(
            indicator_row(row) for row in rows.get(INDICATORS.name, ()) if row["code"]
        ),
        activities=tuple(activity_row(row) for row in rows.get(ACTIVITIES.name, ())),
        measurements=tuple(
            m for row in rows.get(MEASUREMENTS.name, ()) if (m := measurement_row(row)) is not None
        ),
        has_measurements=MEASUREMENTS.name in tables,
    )


# --- The Plan sheet -------------------------------------------------------------------


def _read_plan_sheet(table: Table, cells: CellReader) -> PlanHeader | None:
    source = Source(PLAN.name, 1)
    header = [header_key(value) for value in table.header[:2]]
    if header != [header_key(PLAN.label_header), header_key(PLAN.value_header)]:
        cells.add(
            source,
            "",
            " | ".join(str(value or "") for value in table.header[:2]),
            _("The sheet “%(sheet)s” must have the columns %(columns)s."),
            sheet=PLAN.name,
            columns=f"{PLAN.label_header} | {PLAN.value_header}",
        )
        return None
    fields = {header_key(field.label): field for field in PLAN.fields}
    values: dict[str, Any] = {}
    for number, row in table.data():
        label = _formula_as_text(row[0]) if row else None
        field = fields.get(header_key(label))
        source = Source(PLAN.name, number)
        if field is None:
            cells.warn(
                source,
                PLAN.label_header,
                label,
                _("This field is not part of the template; it is ignored."),
            )
            continue
        if field.key in values:
            cells.add(source, PLAN.label_header, label, _("This field is given twice."))
            continue
        raw = row[1] if len(row) > 1 else None
        values[field.key] = cells.read(
            source,
            field.label,
            raw,
            field.type,
            required=field.required,
            max_length=field.max_length,
        )
    for field in PLAN.fields:
        if field.key not in values:
            cells.add(
                Source(PLAN.name),
                PLAN.label_header,
                field.label,
                _("The field “%(field)s” is missing."),
                field=field.label,
            )
    start, end = values.get("start_year"), values.get("end_year")
    if start is not None and end is not None and not start <= end <= start + 5:
        cells.add(
            Source(PLAN.name),
            _END_YEAR_LABEL,
            end,
            _("The end year must be between the start year and five years after it."),
        )
        values["end_year"] = None
    return PlanHeader(
        source=Source(PLAN.name),
        **{key: value for key, value in values.items() if value is not None},
    )


_END_YEAR_LABEL = next(field.label for field in PLAN.fields if field.key == "end_year")


def _formula_as_text(value: Any) -> Any:
    return value.text if isinstance(value, _RawFormula) else value


def _sheet_formulas(
    table: Table, spec: SheetSpec, header: Header, wanted: set[tuple[int, int]]
) -> None:
    """Formulas in text columns stay as text; the others are wanted as computed values."""
    text_indexes = {header.columns[c.key] for c in spec.columns if c.type == ColumnType.TEXT}
    for number, values in table.rows[1:]:
        for index, value in enumerate(values):
            if isinstance(value, _RawFormula):
                if index in text_indexes:
                    values[index] = value.text
                else:
                    wanted.add((number, index))


def _plan_formulas(table: Table, wanted: set[tuple[int, int]]) -> None:
    fields = {header_key(field.label): field for field in PLAN.fields}
    for number, values in table.rows[1:]:
        if len(values) < 2 or not isinstance(values[1], _RawFormula):
            continue
        field = fields.get(header_key(_formula_as_text(values[0])))
        if field is not None and field.type == ColumnType.TEXT:
            values[1] = values[1].text
        else:
            wanted.add((number, 1))


def _resolve_formulas(
    content: bytes, tables: dict[str, Table], wanted: dict[str, set[tuple[int, int]]]
) -> None:
    """Replace wanted formula cells by the values the spreadsheet computed and saved.

    A formula never computed (a file written by a library, not a spreadsheet) becomes a
    ``Formula`` marker, which the cell reader reports as an error.
    """
    wanted = {name: positions for name, positions in wanted.items() if positions}
    if not wanted:
        return
    computed: dict[tuple[str, int, int], Any] = {}
    try:
        workbook = _open_workbook(content, data_only=True)
    except Exception:  # the first pass opened it; a failure now leaves the formulas unresolved
        workbook = None
    for title in workbook.sheetnames if workbook is not None else ():
        name = _KNOWN_SHEETS.get(header_key(title))
        if name not in wanted:
            continue
        last = max(number for number, _index in wanted[name])
        worksheet = workbook[title]
        worksheet.reset_dimensions()
        for number, row in enumerate(worksheet.iter_rows(max_row=last), start=1):
            for index, cell in enumerate(row[:MAX_COLUMNS]):
                if (number, index) in wanted[name]:
                    computed[(name, number, index)] = _cell_value(cell)
    if workbook is not None:
        workbook.close()
    for name, positions in wanted.items():
        rows = dict(tables[name].rows)
        for number, index in positions:
            value = computed.get((name, number, index))
            if value is None or isinstance(value, _RawFormula):
                value = Formula(rows[number][index].text)
            rows[number][index] = value
