"""Reading a plan file (xlsx, json or csv) into a ``PlanDocument`` and a list of issues.

Nothing here touches the database: the reader checks what the file alone can tell (sheets,
columns, types, plan years); ``validate`` checks the document against the municipality's data.

Untrusted input first: the size limit (``settings.ORTAK_IMPORT_MAX_BYTES``), the format by its
magic bytes (never by the file name alone); then the format's own reader (``reader_xlsx`` with
its zip-bomb checks, ``reader_json``, ``reader_csv``), with per-sheet row and column limits.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ortak.plans.io.cells import CellReader
from ortak.plans.io.document import ImportIssue, PlanDocument, Source, WithIssues
from ortak.plans.io.reader_csv import read_csv
from ortak.plans.io.reader_xlsx import read_xlsx

__all__ = ["ReadResult", "detect_format", "read_plan_file"]

FILE = ""  # the "sheet" of issues about the file as a whole

_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls


@dataclass(frozen=True)
class ReadResult(WithIssues):
    document: PlanDocument | None
    issues: tuple[ImportIssue, ...]

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
        document = read_xlsx(content, cells, limit)
    elif kind == "json":
        from ortak.plans.io.reader_json import read_json

        document = read_json(content, cells)
    else:
        document = read_csv(content, cells)
    return ReadResult(document, tuple(cells.issues))


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")
