"""Reading a CSV of measurements (the ``Ölçümler`` columns) for the twice-yearly update."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils.translation import gettext_lazy as _

from ortak.plans.io.cells import CellReader
from ortak.plans.io.document import DocumentKind, PlanDocument, Source
from ortak.plans.io.tables import (
    MAX_COLUMNS,
    MAX_ROWS_PER_SHEET,
    Table,
    map_header,
    measurement_row,
    too_many_rows,
    typed_rows,
)
from ortak.plans.io.workbook import MEASUREMENTS, SheetSpec

__all__ = ["CSV_SHEET", "read_csv"]

CSV_SHEET = "CSV"


def _decode(content: bytes) -> str:
    """UTF-8 (with or without BOM); Turkish Excel saves CSV as Windows-1254."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1254", errors="replace")


def read_csv(content: bytes, cells: CellReader) -> PlanDocument | None:
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    rows: list[tuple[int, list[Any]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, values in enumerate(reader, start=1):
            if number > MAX_ROWS_PER_SHEET + 1:
                too_many_rows(cells, CSV_SHEET)
                break
            rows.append((number, list(values[:MAX_COLUMNS])))
    except csv.Error:
        cells.add(Source(CSV_SHEET), "", "", _("The CSV file cannot be read."))
        return None
    table = Table(CSV_SHEET, rows)
    spec = SheetSpec(name=CSV_SHEET, before=MEASUREMENTS.before)
    header = map_header(table, spec, (), cells)
    if header is None:
        return None
    measurements = tuple(
        m
        for row in typed_rows(table, spec, header, cells)
        if (m := measurement_row(row)) is not None
    )
    return PlanDocument(
        kind=DocumentKind.MEASUREMENTS,
        format="csv",
        measurements=measurements,
        has_measurements=True,
    )
