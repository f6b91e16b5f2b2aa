"""The plan template: sheet names, column headers and choice labels, defined once.

The Excel template, the reader and the exporters all take their names from here (issue 3). The
headers are Turkish because they are the wording strategy units know from their own plan tables;
they are a file format, not interface text, so they are deliberately not translated: a workbook
downloaded in the English interface must import the same way.

A sheet is a row of fixed columns, optionally followed by one column per plan year (headed by
the year, e.g. ``2025``) and more fixed columns. Headers match after Turkish case folding and
white-space collapsing ("hedef  KODU" reads as "Hedef kodu").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ortak.core.turkish import casefold, search_key

__all__ = [
    "ACTIVITIES",
    "ACTIVITY_KIND_LABELS",
    "AIMS",
    "ALL_UNITS_LABELS",
    "DIRECTION_LABELS",
    "FREQUENCY_LABELS",
    "INDICATORS",
    "INDICATOR_KIND_LABELS",
    "MEASUREMENTS",
    "OBJECTIVES",
    "PLAN",
    "PLAN_FIELDS",
    "SHEETS",
    "Column",
    "ColumnType",
    "PlanField",
    "PlanSheet",
    "SheetSpec",
    "choice_value",
    "header_key",
]


class ColumnType(StrEnum):
    TEXT = "text"  # free text; formulas are kept as text
    CODE = "code"  # a plan code such as "2.3.1"; numeric cells are read as text
    NUMBER = "number"  # a Decimal; numeric cell or Turkish text "1.234,56"
    LIRA = "lira"  # a lira amount, at most two decimals ("1.234,56 ₺")
    YEAR = "year"  # a four-digit year
    DATE = "date"  # a date cell, "31.12.2025", "2025-12-31" or a bare year
    CHOICE = "choice"  # one of a fixed set of labels (below)
    UNITS = "units"  # unit names separated by ";" (or "Tüm birimler")
    PERIOD = "period"  # a monitoring period: "2026-H1" or "2026"
    URL = "url"


@dataclass(frozen=True)
class Column:
    key: str  # the PlanDocument field it fills
    header: str  # exactly as in the template
    type: ColumnType = ColumnType.TEXT
    required: bool = False
    max_length: int | None = None
    choices: str = ""  # name of the label table for CHOICE columns


@dataclass(frozen=True)
class SheetSpec:
    """A sheet of rows; ``year_key`` names the per-year columns placed after ``before``."""

    name: str
    before: tuple[Column, ...]
    after: tuple[Column, ...] = ()
    year_key: str = ""
    year_type: ColumnType = ColumnType.NUMBER
    required: bool = True

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.before + self.after

    def headers(self, years: Iterable[int] = ()) -> list[str]:
        """The header row for a plan of the given years."""
        year_headers = [str(year) for year in years] if self.year_key else []
        return [c.header for c in self.before] + year_headers + [c.header for c in self.after]


@dataclass(frozen=True)
class PlanField:
    key: str
    label: str
    type: ColumnType = ColumnType.TEXT
    required: bool = False
    max_length: int | None = None


@dataclass(frozen=True)
class PlanSheet:
    """The ``Plan`` sheet: two columns, one row per field."""

    name: str
    label_header: str
    value_header: str
    fields: tuple[PlanField, ...]


PLAN_FIELDS = (
    PlanField("municipality", "Belediye"),
    PlanField("start_year", "Başlangıç yılı", ColumnType.YEAR, required=True),
    PlanField("end_year", "Bitiş yılı", ColumnType.YEAR, required=True),
    PlanField("title", "Başlık", required=True, max_length=255),
    PlanField("mission", "Misyon"),
    PlanField("vision", "Vizyon"),
    PlanField("core_values", "Temel değerler"),
    PlanField("council_decision_date", "Meclis karar tarihi", ColumnType.DATE),
    PlanField("council_decision_number", "Meclis karar sayısı", max_length=60),
)

PLAN = PlanSheet(name="Plan", label_header="Alan", value_header="Değer", fields=PLAN_FIELDS)

AIMS = SheetSpec(
    name="Amaçlar",
    before=(
        Column("code", "Kod", ColumnType.CODE, required=True, max_length=20),
        Column("title", "Amaç", required=True),
    ),
)

OBJECTIVES = SheetSpec(
    name="Hedefler",
    before=(
        Column("code", "Kod", ColumnType.CODE, required=True, max_length=20),
        Column("aim_code", "Amaç kodu", ColumnType.CODE, required=True, max_length=20),
        Column("title", "Hedef", required=True),
        Column("responsible_unit", "Sorumlu birim", max_length=160),
        Column("cooperating_units", "İşbirliği yapılacak birimler", ColumnType.UNITS),
        Column("risks", "Riskler"),
        Column("strategies", "Stratejiler"),
        Column("cost_estimate", "Maliyet tahmini", ColumnType.LIRA),
        Column("findings", "Tespitler"),
        Column("needs", "İhtiyaçlar"),
    ),
)

INDICATORS = SheetSpec(
    name="Göstergeler",
    before=(
        Column("code", "Kod", ColumnType.CODE, required=True, max_length=20),
        Column("objective_code", "Hedef kodu", ColumnType.CODE, required=True, max_length=20),
        Column("name", "Gösterge", required=True),
        Column("unit_of_measure", "Ölçü birimi", max_length=60),
        Column("weight", "Hedefe etkisi (%)", ColumnType.NUMBER),
        Column("baseline", "Başlangıç değeri", ColumnType.NUMBER),
        Column(
            "direction", "Yön (Artan/Azalan)", ColumnType.CHOICE, required=True, choices="direction"
        ),
        Column(
            "kind",
            "Tür (Kümülatif/Dönemsel)",
            ColumnType.CHOICE,
            required=True,
            choices="indicator_kind",
        ),
    ),
    year_key="targets",
    after=(
        Column(
            "monitoring_frequency",
            "İzleme sıklığı (6 aylık/Yıllık)",
            ColumnType.CHOICE,
            choices="frequency",
        ),
        Column("reporting_frequency", "Raporlama sıklığı", ColumnType.CHOICE, choices="frequency"),
        Column("data_source", "Veri kaynağı", max_length=255),
        Column("owner_unit", "Sorumlu birim", max_length=160),
    ),
)

ACTIVITIES = SheetSpec(
    name="Faaliyetler",
    before=(
        Column("code", "Kod", ColumnType.CODE, max_length=30),
        Column("objective_code", "Hedef kodu", ColumnType.CODE, required=True, max_length=20),
        Column("name", "Ad", required=True),
        Column("kind", "Tür (Faaliyet/Proje)", ColumnType.CHOICE, choices="activity_kind"),
        Column("responsible_unit", "Sorumlu birim", max_length=160),
        Column("start_date", "Başlangıç", ColumnType.DATE),
        Column("end_date", "Bitiş", ColumnType.DATE),
    ),
    year_key="planned_costs",
    year_type=ColumnType.LIRA,
)

MEASUREMENTS = SheetSpec(
    name="Ölçümler",
    before=(
        Column("indicator_code", "Gösterge kodu", ColumnType.CODE, required=True, max_length=20),
        Column("period", "Dönem", ColumnType.PERIOD, required=True),
        Column("value", "Değer", ColumnType.NUMBER, required=True),
        Column("explanation", "Açıklama"),
        Column("evidence", "Kanıt", ColumnType.URL, max_length=500),
    ),
    required=False,
)

# In workbook order. The Plan sheet is read separately (it is a list of fields, not of rows).
SHEETS = (AIMS, OBJECTIVES, INDICATORS, ACTIVITIES, MEASUREMENTS)

# Choice labels: the first label of each value is the one the exporter writes; the reader
# accepts any of them (compared by ``search_key``, so "AZALAN", "azalan" and "Azalan" all match),
# and the English code itself, which is what the JSON format writes.
DIRECTION_LABELS: dict[str, tuple[str, ...]] = {"increasing": ("Artan",), "decreasing": ("Azalan",)}
INDICATOR_KIND_LABELS: dict[str, tuple[str, ...]] = {
    "cumulative": ("Kümülatif",),
    "periodic": ("Dönemsel",),
}
FREQUENCY_LABELS: dict[str, tuple[str, ...]] = {
    "six_monthly": ("6 aylık", "6 ay", "altı aylık"),
    "yearly": ("Yıllık",),
}
ACTIVITY_KIND_LABELS: dict[str, tuple[str, ...]] = {
    "activity": ("Faaliyet",),
    "project": ("Proje",),
}
# "İşbirliği yapılacak birimler" may name every unit at once.
ALL_UNITS_LABELS = ("Tüm birimler", "Tüm müdürlükler")
UNIT_SEPARATORS = (";", "\n")

CHOICES: dict[str, dict[str, tuple[str, ...]]] = {
    "direction": DIRECTION_LABELS,
    "indicator_kind": INDICATOR_KIND_LABELS,
    "frequency": FREQUENCY_LABELS,
    "activity_kind": ACTIVITY_KIND_LABELS,
}


def header_key(text: object) -> str:
    """The form under which two headers are the same: Turkish case folding, collapsed spaces."""
    return casefold(str(text if text is not None else ""))


def choice_value(table: str, text: str) -> str | None:
    """The stored value for a label (``"Azalan"`` → ``"decreasing"``), or None if unknown."""
    key = search_key(text)
    for value, labels in CHOICES[table].items():
        if key == search_key(value) or key in {search_key(label) for label in labels}:
            return value
    return None


def choice_label(table: str, value: str) -> str:
    """The label the exporter writes for a stored value."""
    return CHOICES[table][value][0]


def is_all_units(text: str) -> bool:
    return search_key(text) in {search_key(label) for label in ALL_UNITS_LABELS}
