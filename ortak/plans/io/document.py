"""What a plan file says, independent of its format: a frozen ``PlanDocument`` and its issues.

The three formats (xlsx, json, csv) are read into the same document. Rows keep their parent's
code instead of being nested, because a file can name a parent that does not exist and the
validator has to be able to say so; every row also remembers where it came from (sheet and row
for a workbook or CSV, a JSON path for JSON) so that every issue can point at the cell.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from ortak.plans.numbers import decimals_needed

__all__ = [
    "ActivityRow",
    "AimRow",
    "DocumentKind",
    "ImportIssue",
    "IndicatorRow",
    "MeasurementRow",
    "ObjectiveRow",
    "PlanDocument",
    "PlanHeader",
    "Severity",
    "Source",
    "WithIssues",
    "format_message",
    "number_text",
]


def _format(template: Any, params: dict[str, Any]) -> str:
    return str(template) % params


# A message whose template is translated when it is rendered, not when it is built, so one
# issue can be shown in Turkish to one reader and in English to the next (%(name)s placeholders).
format_message = lazy(_format, str)


def _number_text(value: Decimal) -> str:
    from ortak.core.templatetags.ortak import number

    return number(value, decimals_needed([value]))


# A number for a message, formatted when rendered: "1.234,5" in Turkish, "1,234.5" in English.
number_text = lazy(_number_text, str)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Source:
    """Where a row came from: a sheet and row number, or a JSON path with no row."""

    sheet: str
    row: int | None = None


@dataclass(frozen=True)
class ImportIssue:
    """One problem found in a file: which cell, which value, what is wrong.

    ``message`` is lazy: ``str(issue.message)`` renders in the active language. Errors stop the
    import; warnings are shown in the preview and the import goes on.
    """

    sheet: str
    row: int | None
    column: str
    value: str
    message: Any  # a lazy string (Promise); str() renders it in the active language
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    @property
    def text(self) -> str:
        return str(self.message)

    @property
    def location(self) -> str:
        """ "Göstergeler, row 5, column "Hedefe etkisi (%)"" in the active language."""
        parts = [self.sheet] if self.sheet else []
        if self.row is not None:
            parts.append(str(_("row %(row)s") % {"row": self.row}))
        if self.column:
            parts.append(str(_("column “%(column)s”") % {"column": self.column}))
        return ", ".join(parts)

    def __str__(self) -> str:
        value = f" «{self.value}»" if self.value else ""
        return f"{self.location}{value}: {self.text}"


class WithIssues:
    """The errors, warnings and verdict of a result that carries ``issues`` (reading a file,
    validating it, importing it)."""

    issues: tuple[ImportIssue, ...]

    @property
    def errors(self) -> tuple[ImportIssue, ...]:
        return tuple(issue for issue in self.issues if issue.is_error)

    @property
    def warnings(self) -> tuple[ImportIssue, ...]:
        return tuple(issue for issue in self.issues if not issue.is_error)

    @property
    def ok(self) -> bool:
        return not self.errors


class DocumentKind(StrEnum):
    PLAN = "plan"  # a whole plan (xlsx or json)
    MEASUREMENTS = "measurements"  # measurements only (csv)


@dataclass(frozen=True)
class PlanHeader:
    source: Source
    municipality: str = ""
    start_year: int | None = None
    end_year: int | None = None
    title: str = ""
    mission: str = ""
    vision: str = ""
    core_values: str = ""
    council_decision_date: datetime.date | None = None
    council_decision_number: str = ""

    @property
    def years(self) -> tuple[int, ...]:
        if self.start_year is None or self.end_year is None:
            return ()
        return tuple(range(self.start_year, self.end_year + 1))


@dataclass(frozen=True)
class AimRow:
    source: Source
    code: str
    title: str = ""


@dataclass(frozen=True)
class ObjectiveRow:
    source: Source
    code: str
    aim_code: str
    title: str = ""
    responsible_unit: str = ""
    cooperating_units: tuple[str, ...] = ()
    cooperates_with_all_units: bool = False
    risks: str = ""
    strategies: str = ""
    cost_estimate: Decimal | None = None
    findings: str = ""
    needs: str = ""


@dataclass(frozen=True)
class IndicatorRow:
    source: Source
    code: str
    objective_code: str
    name: str = ""
    unit_of_measure: str = ""
    weight: Decimal | None = None
    baseline: Decimal | None = None
    direction: str = "increasing"
    kind: str = "cumulative"
    # One pair per plan year column, empty cells as None: ((2025, Decimal("20")), (2026, None)…)
    targets: tuple[tuple[int, Decimal | None], ...] = ()
    monitoring_frequency: str = ""  # "" = the model's default
    reporting_frequency: str = ""
    data_source: str = ""
    owner_unit: str = ""

    def target_map(self) -> dict[int, Decimal]:
        return {year: value for year, value in self.targets if value is not None}


@dataclass(frozen=True)
class ActivityRow:
    source: Source
    code: str
    objective_code: str
    name: str = ""
    kind: str = "activity"
    responsible_unit: str = ""
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    planned_costs: tuple[tuple[int, Decimal | None], ...] = ()

    def cost_map(self) -> dict[int, Decimal]:
        return {year: value for year, value in self.planned_costs if value is not None}


@dataclass(frozen=True)
class MeasurementRow:
    source: Source
    indicator_code: str
    period: str  # normalised: "2026-H1" or "2026"
    value: Decimal
    explanation: str = ""
    evidence: str = ""


@dataclass(frozen=True)
class PlanDocument:
    """The content of one file. ``plan`` is None for a measurements-only (CSV) file.

    ``has_measurements`` says whether the file carries measurements at all (the ``Ölçümler``
    sheet is optional): without it, existing measurements are left alone.
    """

    kind: DocumentKind
    format: str  # "xlsx", "json" or "csv"
    plan: PlanHeader | None = None
    aims: tuple[AimRow, ...] = ()
    objectives: tuple[ObjectiveRow, ...] = ()
    indicators: tuple[IndicatorRow, ...] = ()
    activities: tuple[ActivityRow, ...] = ()
    measurements: tuple[MeasurementRow, ...] = ()
    has_measurements: bool = False

    @property
    def is_measurements_only(self) -> bool:
        return self.kind == DocumentKind.MEASUREMENTS
