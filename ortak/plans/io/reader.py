"""Reading a plan file (xlsx, json or csv) into a ``PlanDocument`` and a list of issues.

Nothing here touches the database: the reader checks what the file alone can tell (sheets,
columns, types, plan years); ``validate`` checks the document against the municipality's data.

Untrusted input first: the size limit (``settings.ORTAK_IMPORT_MAX_BYTES``), the format by its
magic bytes (never by the file name alone), the zip container's member count, uncompressed size
and compression ratio (zip bombs), and per-sheet row and column limits. Workbooks are opened
with openpyxl in read-only mode. Formulas in text columns are kept as their text (and exports
neutralise them); in number columns the value the spreadsheet computed is used, read from a
second, ``data_only`` pass that only happens when such a formula exists.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ortak.plans.io.cells import CellReader, Formula
from ortak.plans.io.document import (
    ActivityRow,
    AimRow,
    DocumentKind,
    ImportIssue,
    IndicatorRow,
    MeasurementRow,
    ObjectiveRow,
    PlanDocument,
    PlanHeader,
    Source,
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

__all__ = ["ReadResult", "detect_format", "read_plan_file"]

MAX_ROWS_PER_SHEET = 20_000
MAX_COLUMNS = 200
MAX_ZIP_MEMBERS = 1_000
# XML compresses well, but not this well: a higher ratio is a zip bomb.
MAX_COMPRESSION_RATIO = 200
# The workbook may expand to this many times the upload limit once unzipped.
MAX_EXPANSION = 20
FILE = ""  # the "sheet" of issues about the file as a whole

_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls


@dataclass(frozen=True)
class ReadResult:
    document: PlanDocument | None
    issues: tuple[ImportIssue, ...]

    @property
    def errors(self) -> tuple[ImportIssue, ...]:
        return tuple(issue for issue in self.issues if issue.is_error)

    @property
    def ok(self) -> bool:
        return self.document is not None and not self.errors


def detect_format(content: bytes, filename: str = "") -> str | None:
    """ "xlsx", "json" or "csv" by the content's first bytes; None when it is none of them."""
    if content.startswith(_XLSX_MAGIC):
        return "xlsx"
    if content.startswith(_OLE_MAGIC) or b"\x00" in content[:4096]:
        return None
    head = content[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return "json"
    return "csv"


def read_plan_file(content: bytes, *, filename: str = "") -> ReadResult:
    """Read a whole file; every problem found is in ``issues`` (reading does not stop at one)."""
    cells = CellReader()
    source = Source(FILE)
    limit = int(settings.ORTAK_IMPORT_MAX_BYTES)
    if not content:
        cells.add(source, "", filename, _("The file is empty."))
        return ReadResult(None, tuple(cells.issues))
    if len(content) > limit:
        cells.add(
            source,
            "",
            filename,
            _("The file is %(size)s MB; files of at most %(limit)s MB can be imported."),
            size=_megabytes(len(content)),
            limit=_megabytes(limit),
        )
        return ReadResult(None, tuple(cells.issues))
    kind = detect_format(content, filename)
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if kind is None or (extension in {"xlsx", "xlsm"} and kind != "xlsx"):
        message = (
            _("This is an old Excel file (.xls); save it as .xlsx and upload it again.")
            if content.startswith(_OLE_MAGIC)
            else _("The file is not an Excel workbook (.xlsx), a JSON file or a CSV file.")
        )
        cells.add(source, "", filename, message)
        return ReadResult(None, tuple(cells.issues))
    if kind == "xlsx":
        document = _read_xlsx(content, cells, limit)
    elif kind == "json":
        from ortak.plans.io.reader_json import read_json

        document = read_json(content, cells)
    else:
        document = _read_csv(content, cells)
    return ReadResult(document, tuple(cells.issues))


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


# --- Tables: a sheet or a CSV as rows of raw values -----------------------------------


@dataclass(frozen=True)
class _RawFormula:
    """A formula cell as found; resolved to text or to its computed value by column type."""

    text: str


@dataclass
class _Table:
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
class _Header:
    """Where each column of a sheet is: key → index, plan year → index."""

    columns: dict[str, int]
    years: dict[int, int]


def _check_zip(content: bytes, cells: CellReader, limit: int) -> bool:
    source = Source(FILE)
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        cells.add(source, "", "", _("The Excel file is damaged and cannot be opened."))
        return False
    total = sum(member.file_size for member in members)
    bomb = len(members) > MAX_ZIP_MEMBERS or total > MAX_EXPANSION * limit
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
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and "%" in (getattr(cell, "number_format", "") or "")
    ):
        # A percent-formatted cell shows 25% but holds 0.25; the user means 25.
        return (Decimal(repr(value)) * 100).normalize()
    return value


def _read_sheet(worksheet: Any, name: str, cells: CellReader) -> _Table:
    worksheet.reset_dimensions()  # some writers record wrong dimensions; read every row
    rows: list[tuple[int, list[Any]]] = []
    for number, row in enumerate(worksheet.iter_rows(), start=1):
        if number > MAX_ROWS_PER_SHEET + 1:
            cells.add(
                Source(name),
                "",
                "",
                _("The sheet has more than %(max)s rows; split the file."),
                max=MAX_ROWS_PER_SHEET,
            )
            break
        rows.append((number, [_cell_value(cell) for cell in row[:MAX_COLUMNS]]))
    return _Table(name, rows)


_KNOWN_SHEETS = {header_key(spec.name): spec.name for spec in (PLAN, *SHEETS)}


def _read_xlsx(content: bytes, cells: CellReader, limit: int) -> PlanDocument | None:
    if not _check_zip(content, cells, limit):
        return None
    try:
        workbook = _open_workbook(content, data_only=False)
        tables: dict[str, _Table] = {}
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
        spec.name: _map_header(tables[spec.name], spec, years, cells)
        for spec in SHEETS
        if spec.name in tables
    }
    for name, mapping in headers.items():
        if mapping is not None:
            spec = next(spec for spec in SHEETS if spec.name == name)
            _sheet_formulas(tables[name], spec, mapping, wanted[name])
    _resolve_formulas(content, tables, wanted)
    rows = {
        name: list(_typed_rows(tables[name], spec, mapping, cells))
        for spec in SHEETS
        if (name := spec.name) in headers and (mapping := headers[name]) is not None
    }
    return PlanDocument(
        kind=DocumentKind.PLAN,
        format="xlsx",
        plan=header,
        aims=tuple(_aim(row) for row in rows.get(AIMS.name, ()) if row["code"]),
        objectives=tuple(_objective(row) for row in rows.get(OBJECTIVES.name, ()) if row["code"]),
        indicators=tuple(_indicator(row) for row in rows.get(INDICATORS.name, ()) if row["code"]),
        activities=tuple(_activity(row) for row in rows.get(ACTIVITIES.name, ())),
        measurements=tuple(
            m for row in rows.get(MEASUREMENTS.name, ()) if (m := _measurement(row)) is not None
        ),
        has_measurements=MEASUREMENTS.name in tables,
    )


# --- The Plan sheet -------------------------------------------------------------------


def _read_plan_sheet(table: _Table, cells: CellReader) -> PlanHeader | None:
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


# --- Row sheets -----------------------------------------------------------------------


def _year_of(value: Any) -> int | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip() if value is not None else ""
    if text.isdigit() and len(text) == 4:
        return int(text)
    return None


def _map_header(
    table: _Table, spec: SheetSpec, years: tuple[int, ...], cells: CellReader
) -> _Header | None:
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
    return _Header(columns, year_columns) if ok else None


def _sheet_formulas(
    table: _Table, spec: SheetSpec, header: _Header, wanted: set[tuple[int, int]]
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


def _plan_formulas(table: _Table, wanted: set[tuple[int, int]]) -> None:
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
    content: bytes, tables: dict[str, _Table], wanted: dict[str, set[tuple[int, int]]]
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


def _typed_rows(
    table: _Table, spec: SheetSpec, header: _Header, cells: CellReader
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


def _aim(row: dict[str, Any]) -> AimRow:
    return AimRow(source=row["source"], code=row["code"], title=row["title"])


def _objective(row: dict[str, Any]) -> ObjectiveRow:
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


def _indicator(row: dict[str, Any]) -> IndicatorRow:
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


def _activity(row: dict[str, Any]) -> ActivityRow:
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


def _measurement(row: dict[str, Any]) -> MeasurementRow | None:
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


# --- CSV (measurements only) ----------------------------------------------------------

CSV_SHEET = "CSV"


def _decode(content: bytes) -> str:
    """UTF-8 (with or without BOM); Turkish Excel saves CSV as Windows-1254."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1254", errors="replace")


def _read_csv(content: bytes, cells: CellReader) -> PlanDocument | None:
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    rows: list[tuple[int, list[Any]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, values in enumerate(reader, start=1):
            if number > MAX_ROWS_PER_SHEET + 1:
                cells.add(
                    Source(CSV_SHEET),
                    "",
                    "",
                    _("The sheet has more than %(max)s rows; split the file."),
                    max=MAX_ROWS_PER_SHEET,
                )
                break
            rows.append((number, list(values[:MAX_COLUMNS])))
    except csv.Error:
        cells.add(Source(CSV_SHEET), "", "", _("The CSV file cannot be read."))
        return None
    table = _Table(CSV_SHEET, rows)
    spec = SheetSpec(name=CSV_SHEET, before=MEASUREMENTS.before)
    header = _map_header(table, spec, (), cells)
    if header is None:
        return None
    measurements = tuple(
        m for row in _typed_rows(table, spec, header, cells) if (m := _measurement(row)) is not None
    )
    return PlanDocument(
        kind=DocumentKind.MEASUREMENTS,
        format="csv",
        measurements=measurements,
        has_measurements=True,
    )
