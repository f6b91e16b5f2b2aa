"""Reading one cell into a typed value, or an issue that names it.

The same rules serve all three formats: a workbook cell, a CSV field and a JSON value go through
``CellReader.read``. Numbers may be numeric cells or Turkish-formatted text ("1.234,56"); lira
amounts may carry "₺"/"TL" and at most two decimals; every problem becomes an ``ImportIssue``
with the sheet, row, column and the value as written.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from ortak.core.turkish import TurkishNumberError, parse_lira, parse_number
from ortak.plans.io.document import ImportIssue, Severity, Source, format_message, number_text
from ortak.plans.io.workbook import (
    CHOICES,
    UNIT_SEPARATORS,
    ColumnType,
    choice_value,
    is_all_units,
)
from ortak.plans.progress import parse_period

__all__ = ["FORMULA_TRIGGERS", "CellReader", "Formula", "display_value", "unneutralise"]

# neutralise_formula (ortak.core.sanitize) prefixes these with "'" in every export; the reader
# takes that apostrophe off again so that an exported file re-imports to the same text.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Model limits (DecimalField max_digits / decimal_places): figures 20/4, weights 7/3, lira 18/2.
FIGURE_DECIMALS = 4
FIGURE_INTEGER_DIGITS = 16
WEIGHT_DECIMALS = 3
LIRA_INTEGER_DIGITS = 16


@dataclass(frozen=True)
class Formula:
    """A workbook formula whose computed value was not stored in the file."""

    text: str


def unneutralise(text: str) -> str:
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_TRIGGERS:
        return text[1:]
    return text


def display_value(value: object) -> str:
    """The value as the user wrote it, for an issue message."""
    if value is None:
        return ""
    if isinstance(value, Formula):
        return value.text
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    return text if len(text) <= 200 else text[:197] + "…"


# TurkishNumberError.reason is English prose for developers; users get these sentences.
_NUMBER_REASONS = {
    "empty": _("The cell is empty."),
    "more than one decimal comma": _("The number has more than one decimal comma."),
    "a dot after the decimal comma": _("The number has a dot after the decimal comma."),
    "invalid decimal part": _("The decimal part of the number is not valid."),
    "a lira amount has at most two decimals (kuruş)": _(
        "A lira amount has at most two decimals (kuruş); write 106.781,35 or 106.781.346."
    ),
}
_NUMBER_HINT = _(
    "This is not a number. Write numbers as numeric cells or in Turkish format, with dots for "
    "thousands and a comma for decimals (1.234,56)."
)

_DATE_FORMATS = ("%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y")
_YEAR = re.compile(r"^\d{4}$")
_url_validator = URLValidator(schemes=["http", "https"])


@dataclass
class CellReader:
    """Parses values and collects the issues; one per file being read."""

    issues: list[ImportIssue] = field(default_factory=list)

    # --- issues -----------------------------------------------------------------------

    def add(
        self,
        source: Source,
        column: str,
        value: object,
        message: Any,
        severity: Severity = Severity.ERROR,
        /,
        **params: object,
    ) -> None:
        rendered = format_message(message, params) if params else message
        self.issues.append(
            ImportIssue(
                sheet=source.sheet,
                row=source.row,
                column=column,
                value=display_value(value),
                message=rendered,
                severity=severity,
            )
        )

    def warn(
        self, source: Source, column: str, value: object, message: Any, /, **params: object
    ) -> None:
        self.add(source, column, value, message, Severity.WARNING, **params)

    @property
    def has_errors(self) -> bool:
        return any(issue.is_error for issue in self.issues)

    # --- values -----------------------------------------------------------------------

    def read(
        self,
        source: Source,
        column: str,
        value: object,
        kind: ColumnType,
        *,
        required: bool = False,
        max_length: int | None = None,
        choices: str = "",
        end_of_year: bool = False,
    ) -> Any:
        """The typed value of one cell, or None (empty or invalid; invalid adds an error)."""
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            if required:
                self.add(source, column, value, _("This column is required."))
            if kind == ColumnType.UNITS:
                return (), False
            return "" if kind in _TEXTUAL else None
        if isinstance(value, Formula):
            self.add(
                source,
                column,
                value,
                _(
                    "The cell holds a formula whose result is not saved in the file. Open the "
                    "file in a spreadsheet program and save it again, or paste the values."
                ),
            )
            return None
        reader = getattr(self, f"_read_{kind.value}")
        if kind == ColumnType.CHOICE:
            return reader(source, column, value, choices)
        if kind == ColumnType.DATE:
            return reader(source, column, value, end_of_year)
        result = reader(source, column, value)
        if max_length is not None and isinstance(result, str) and len(result) > max_length:
            self.add(
                source,
                column,
                value,
                _("The text is %(length)s characters long; at most %(max)s are allowed."),
                length=len(result),
                max=max_length,
            )
            return None
        return result

    def _read_text(self, source: Source, column: str, value: object) -> str:
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, datetime.datetime):
            return display_value(value)
        if isinstance(value, bool):
            return str(value)
        return unneutralise(str(value).replace("\r\n", "\n").replace("\r", "\n").strip())

    def _read_code(self, source: Source, column: str, value: object) -> str:
        if isinstance(value, float):
            # A code typed into a numeric cell ("1.2"): the spreadsheet keeps it as 1.2.
            return str(int(value)) if value.is_integer() else repr(value)
        return " ".join(self._read_text(source, column, value).split())

    def _read_number(self, source: Source, column: str, value: object) -> Decimal | None:
        number = self._parse(source, column, value, parse_number)
        if number is None:
            return None
        return self._fit(source, column, value, number, FIGURE_INTEGER_DIGITS, FIGURE_DECIMALS)

    def _read_lira(self, source: Source, column: str, value: object) -> Decimal | None:
        number = self._parse(source, column, value, parse_lira)
        if number is None:
            return None
        if number < 0:
            self.add(source, column, value, _("An amount cannot be negative."))
            return None
        return self._fit(source, column, value, number, LIRA_INTEGER_DIGITS, 2)

    def _parse(self, source: Source, column: str, value: object, parser: Any) -> Decimal | None:
        if isinstance(value, bool | datetime.date):
            self.add(source, column, value, _NUMBER_HINT)
            return None
        try:
            number: Decimal = parser(
                value if isinstance(value, int | float | Decimal) else str(value)
            )
        except TurkishNumberError as exc:
            self.add(source, column, value, _NUMBER_REASONS.get(exc.reason, _NUMBER_HINT))
            return None
        if not number.is_finite():
            self.add(source, column, value, _NUMBER_HINT)
            return None
        return number

    def _fit(
        self,
        source: Source,
        column: str,
        value: object,
        number: Decimal,
        integer_digits: int,
        decimals: int,
    ) -> Decimal | None:
        """Round to the stored precision (with a warning) and reject numbers too large to store."""
        quantum = Decimal(1).scaleb(-decimals)
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -decimals:
            rounded = number.quantize(quantum, rounding=ROUND_HALF_UP)
            if rounded != number:
                self.warn(
                    source,
                    column,
                    value,
                    _("The number is rounded to %(decimals)s decimals: %(rounded)s."),
                    decimals=decimals,
                    rounded=number_text(rounded),
                )
            number = rounded
        if abs(number) >= Decimal(10) ** integer_digits:
            self.add(source, column, value, _("The number is too large."))
            return None
        return number

    def _read_year(self, source: Source, column: str, value: object) -> int | None:
        text = display_value(value) if isinstance(value, int | float) else str(value).strip()
        if not _YEAR.match(text) or not 2000 <= int(text) <= 2100:
            self.add(source, column, value, _("Write a year with four digits, e.g. 2025."))
            return None
        return int(text)

    def _read_date(
        self, source: Source, column: str, value: object, end_of_year: bool
    ) -> datetime.date | None:
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = display_value(value) if isinstance(value, int | float) else str(value).strip()
        if _YEAR.match(text) and 2000 <= int(text) <= 2100:
            # Plans often give only the year of an activity's start and end.
            return (
                datetime.date(int(text), 12, 31) if end_of_year else datetime.date(int(text), 1, 1)
            )
        for pattern in _DATE_FORMATS:
            try:
                return datetime.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        self.add(source, column, value, _("Write a date as a date cell or as 31.12.2025."))
        return None

    def _read_choice(self, source: Source, column: str, value: object, table: str) -> str | None:
        text = self._read_text(source, column, value)
        found = choice_value(table, text)
        if found is None:
            labels = " / ".join(labels[0] for labels in CHOICES[table].values())
            self.add(source, column, value, _("Write one of: %(labels)s."), labels=labels)
        return found

    def _read_units(
        self, source: Source, column: str, value: object
    ) -> tuple[tuple[str, ...], bool]:
        """Unit names separated by ";" or new lines ("," when nothing else separates them)."""
        text = self._read_text(source, column, value)
        for separator in UNIT_SEPARATORS[1:]:
            text = text.replace(separator, UNIT_SEPARATORS[0])
        parts = [part.strip() for part in text.split(UNIT_SEPARATORS[0])]
        if len(parts) == 1 and "," in parts[0]:
            parts = [part.strip() for part in parts[0].split(",")]
        names = [part for part in parts if part]
        all_units = any(is_all_units(name) for name in names)
        return tuple(name for name in names if not is_all_units(name)), all_units

    def _read_period(self, source: Source, column: str, value: object) -> str | None:
        text = display_value(value).strip().upper().replace(" ", "-").replace("/", "-")
        text = text.replace("--", "-")
        if re.match(r"^\d{4}-H2$", text):
            self.add(
                source,
                column,
                value,
                _("The second half of a year is reported as the whole year: write %(year)s."),
                year=text[:4],
            )
            return None
        try:
            return str(parse_period(text))
        except ValueError:
            self.add(
                source,
                column,
                value,
                _("Write the period as 2026-H1 (January–June) or 2026 (the whole year)."),
            )
            return None

    def _read_url(self, source: Source, column: str, value: object) -> str | None:
        text = self._read_text(source, column, value)
        try:
            _url_validator(text)
        except ValidationError:
            self.add(source, column, value, _("Write the evidence as a web address (https://…)."))
            return None
        return text


_TEXTUAL = {ColumnType.TEXT, ColumnType.CODE}
