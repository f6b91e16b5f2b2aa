"""The XLSX of a report: the same tables as the page and the PDF, one sheet per section.

Sheets: Summary (Özet), Indicators (Göstergeler), Activities (Faaliyetler), CSO view (STK
görüşü) and Responsiveness (Yanıt verme), with headers in the report's language. Numbers are
numbers (two decimals for realizations and costs, as in the JSON export), never text; every text
cell goes through ``neutralise_formula`` like every other spreadsheet Ortak writes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext, pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ortak.core.sanitize import neutralise_formula
from ortak.monitoring.reports.tables import ReportData

__all__ = ["render_xlsx"]

Progress = Callable[[int], None]

PERCENT = "0.00"
MONEY = "#,##0.00"
COUNT = "0"
HEADER_FILL = PatternFill("solid", fgColor="E6F0F2")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")


def _text(value: str) -> str:
    return str(neutralise_formula(value))


def _value_format(decimals: int) -> str:
    return "0" if decimals == 0 else "0." + "0" * decimals


class _Sheet:
    """A worksheet written row by row: text neutralised, numbers with their format."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.row = 1

    def cell(self, column: int, value: Any, number_format: str = "", bold: bool = False) -> None:
        if isinstance(value, str):
            value = _text(value)
        elif isinstance(value, datetime):
            value = timezone.localtime(value).replace(tzinfo=None)
        cell = self.sheet.cell(row=self.row, column=column, value=value)
        if number_format and isinstance(value, int | Decimal | float):
            cell.number_format = number_format
        if bold:
            cell.font = BOLD

    def line(self, values: Sequence[Any], formats: Sequence[str] = (), bold: bool = False) -> None:
        for index, value in enumerate(values, start=1):
            fmt = formats[index - 1] if index - 1 < len(formats) else ""
            self.cell(index, value, fmt, bold=bold)
        self.row += 1

    def title(self, text: str) -> None:
        self.sheet.cell(row=self.row, column=1, value=_text(text)).font = TITLE
        self.row += 2

    def caption(self, text: str) -> None:
        self.sheet.cell(row=self.row, column=1, value=_text(text)).font = BOLD
        self.row += 1

    def header(self, names: Sequence[str]) -> int:
        for index, name in enumerate(names, start=1):
            cell = self.sheet.cell(row=self.row, column=index, value=_text(name))
            cell.font = BOLD
            cell.fill = HEADER_FILL
            cell.alignment = WRAP
        self.row += 1
        return self.row - 1

    def skip(self, rows: int = 1) -> None:
        self.row += rows

    def widths(self, widths: Sequence[int]) -> None:
        for index, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(index)].width = width


def _summary(sheet: _Sheet, data: ReportData) -> None:
    plan, summary, year = data.plan, data.summary, data.year
    sheet.title(f"{plan.municipality.name} · {data.period.title}")
    sheet.line([gettext("Strategic plan"), f"{plan.title} ({plan.period_label})"])
    sheet.line([gettext("Period covered"), data.period.label])
    sheet.line([gettext("Figures computed at"), data.data_as_of], ["", "yyyy-mm-dd hh:mm"])
    sheet.skip()
    sheet.caption(
        gettext("The plan in %(year)s: realization against the targets of %(year)s")
        % {"year": year}
    )
    rows: list[tuple[str, Any, str]] = [
        (
            gettext("Plan realization in %(year)s (%%)") % {"year": year},
            summary.realization,
            PERCENT,
        ),
        (
            gettext("Coverage: share of the weight that has a value (%)"),
            summary.coverage,
            PERCENT,
        ),
        (gettext("Performance indicators"), summary.indicators, COUNT),
        (gettext("Indicators with a usable value"), summary.reported, COUNT),
        *[
            (gettext("Indicators %(status)s") % {"status": item.label}, item.count, COUNT)
            for item in summary.statuses
        ],
        (
            gettext("Indicators above their target (raw realization over 100 %)"),
            summary.over_achieved,
            COUNT,
        ),
        (
            gettext("Deviations outside 95–105 % without an explanation"),
            summary.unexplained,
            COUNT,
        ),
        (
            gettext("Planned cost of the activities in %(year)s (₺)") % {"year": year},
            summary.cost.planned,
            MONEY,
        ),
        (
            gettext("Actual cost of the activities in %(year)s (₺)") % {"year": year},
            summary.cost.actual,
            MONEY,
        ),
        (
            gettext("Actual cost as a share of the planned cost (%)"),
            summary.cost.spent_share,
            PERCENT,
        ),
    ]
    for label, value, fmt in rows:
        sheet.line([label, value], ["", fmt])
    sheet.skip()
    sheet.caption(
        gettext("Aims in %(year)s: realization, coverage and activity costs") % {"year": year}
    )
    sheet.header(
        [
            gettext("Code"),
            gettext("Aim"),
            gettext("Realization (%)"),
            gettext("Coverage (%)"),
            gettext("Planned cost (₺)"),
            gettext("Actual cost (₺)"),
        ]
    )
    for aim in data.aims:
        sheet.line(
            [aim.code, aim.title, aim.realization, aim.coverage, aim.cost.planned, aim.cost.actual],
            ["", "", PERCENT, PERCENT, MONEY, MONEY],
        )
    sheet.skip()
    sheet.caption(
        gettext("Objectives in %(year)s: realization, coverage and activity costs") % {"year": year}
    )
    sheet.header(
        [
            gettext("Code"),
            gettext("Objective"),
            gettext("Realization (%)"),
            gettext("Coverage (%)"),
            gettext("Planned cost (₺)"),
            gettext("Actual cost (₺)"),
            gettext("Responsible unit"),
        ]
    )
    for objective in data.objectives:
        sheet.line(
            [
                objective.code,
                objective.title,
                objective.realization,
                objective.coverage,
                objective.cost.planned,
                objective.cost.actual,
                objective.responsible_unit,
            ],
            ["", "", PERCENT, PERCENT, MONEY, MONEY],
        )
    sheet.widths([14, 70, 16, 16, 18, 18, 30])


def _indicators(sheet: _Sheet, data: ReportData) -> None:
    year = data.year
    sheet.caption(gettext("Performance indicators in %(year)s, by objective") % {"year": year})
    first = sheet.header(
        [
            gettext("Objective"),
            gettext("Objective realization (%)"),
            gettext("Code"),
            gettext("Indicator"),
            gettext("Unit of measure"),
            gettext("Weight (%)"),
            gettext("Baseline"),
            gettext("Target %(year)s") % {"year": year},
            gettext("Actual value"),
            gettext("Period of the value"),
            gettext("Realization, raw (%)"),
            gettext("Realization, counted (%)"),
            gettext("Status"),
            gettext("Deviation explanation"),
        ]
    )
    for objective in data.objectives:
        for line in objective.indicators:
            value_format = _value_format(line.decimals)
            sheet.line(
                [
                    objective.code,
                    objective.realization,
                    line.code,
                    line.name,
                    line.unit_of_measure,
                    line.weight,
                    line.baseline,
                    line.target,
                    line.value,
                    line.value_period,
                    line.raw,
                    line.realization,
                    line.status_label,
                    line.explanation,
                ],
                [
                    "",
                    PERCENT,
                    "",
                    "",
                    "",
                    _value_format(line.weight_decimals),
                    value_format,
                    value_format,
                    value_format,
                    "",
                    PERCENT,
                    PERCENT,
                ],
            )
    sheet.sheet.freeze_panes = f"D{first + 1}"
    if sheet.row > first + 1:
        sheet.sheet.auto_filter.ref = f"A{first}:N{sheet.row - 1}"
    sheet.widths([11, 14, 11, 60, 14, 11, 12, 12, 12, 12, 14, 14, 14, 50])


def _activities(sheet: _Sheet, data: ReportData) -> None:
    year = data.year
    sheet.caption(gettext("Activities and projects: cost in %(year)s") % {"year": year})
    first = sheet.header(
        [
            gettext("Objective"),
            gettext("Code"),
            gettext("Activity or project"),
            gettext("Kind"),
            gettext("Responsible unit"),
            gettext("Planned cost %(year)s (₺)") % {"year": year},
            gettext("Actual cost %(year)s (₺)") % {"year": year},
            gettext("Spent (%)"),
        ]
    )
    for objective in data.objectives:
        for activity in objective.activities:
            sheet.line(
                [
                    objective.code,
                    activity.code,
                    activity.name,
                    activity.kind_label,
                    activity.responsible_unit,
                    activity.cost.planned,
                    activity.cost.actual,
                    activity.cost.spent_share,
                ],
                ["", "", "", "", "", MONEY, MONEY, PERCENT],
            )
    total = data.summary.cost
    sheet.line(
        [gettext("Total"), "", "", "", "", total.planned, total.actual, total.spent_share],
        ["", "", "", "", "", MONEY, MONEY, PERCENT],
        bold=True,
    )
    sheet.sheet.freeze_panes = f"C{first + 1}"
    sheet.widths([11, 12, 60, 12, 30, 18, 18, 12])


def _cso(sheet: _Sheet, data: ReportData) -> None:
    cso = data.cso
    if not cso.available:
        sheet.line([cso.note])
        sheet.widths([100])
        return
    sheet.caption(
        gettext("Organizations' ratings by objective (the objective and the items under it)")
    )
    sheet.header(
        [
            gettext("Objective"),
            gettext("Organizations"),
            gettext("Ratings"),
            gettext("on track"),
            gettext("at risk"),
            gettext("off track"),
            gettext("cannot assess"),
        ]
    )
    for row in cso.objectives:
        sheet.line(
            [
                row.code,
                row.organizations,
                row.assessments,
                row.on_track,
                row.at_risk,
                row.off_track,
                row.cannot_assess,
            ],
            ["", COUNT, COUNT, COUNT, COUNT, COUNT, COUNT],
        )
    sheet.skip()
    sheet.caption(gettext("Organizations' ratings beside the computed status"))
    sheet.header(
        [
            gettext("Code"),
            gettext("Plan item"),
            gettext("Organization"),
            gettext("Organization's rating"),
            gettext("Period"),
            gettext("Computed status"),
            gettext("Assessment (excerpt)"),
            gettext("Municipality replied"),
        ]
    )
    for line in cso.lines:
        sheet.line(
            [
                line.code,
                line.kind_label,
                line.organization,
                line.rating_label,
                line.period,
                line.computed,
                line.excerpt,
                gettext("yes") if line.replied else gettext("no"),
            ]
        )
    sheet.widths([14, 16, 45, 20, 12, 20, 80, 12])


def _responsiveness(sheet: _Sheet, data: ReportData) -> None:
    view = data.responsiveness
    if not view.available:
        sheet.line([view.note])
        sheet.widths([100])
        return
    sheet.caption(
        gettext(
            "How the municipality and its units answer suggestions and cooperation offers "
            "(figures as of the report's date)"
        )
    )
    sheet.header(
        [
            gettext("Municipality or unit"),
            pgettext("number of contributions", "Received"),
            gettext("Answered"),
            gettext("Answered (%)"),
            gettext("Answered within the deadline (%)"),
            gettext("Accepted (%)"),
            gettext("Overdue without an answer"),
            gettext("Median days to first answer"),
        ]
    )
    for row in view.rows:
        sheet.line(
            [
                row.name,
                row.received,
                row.answered,
                row.share_answered,
                row.share_within_deadline,
                row.share_accepted,
                row.overdue,
                row.median_days,
            ],
            ["", COUNT, COUNT, PERCENT, PERCENT, PERCENT, COUNT, PERCENT],
        )
    sheet.widths([45, 12, 12, 14, 18, 14, 16, 16])


def sheet_titles() -> list[str]:
    """The five sheets' names in the active language (Excel allows 31 characters)."""
    # Turkish: Özet, Göstergeler, Faaliyetler, STK görüşü, Yanıt verme.
    # The context is written out in each call so that makemessages can extract it.
    return [
        pgettext("sheet of a report workbook", "Summary"),
        pgettext("sheet of a report workbook", "Indicators"),
        pgettext("sheet of a report workbook", "Activities"),
        pgettext("sheet of a report workbook", "CSO view"),
        pgettext("sheet of a report workbook", "Responsiveness"),
    ]


def render_xlsx(data: ReportData, *, on_progress: Progress | None = None) -> bytes:
    """The workbook; ``on_progress`` hears the share done after each sheet."""
    progress = on_progress or (lambda _: None)
    workbook = Workbook()
    writers = [_summary, _indicators, _activities, _cso, _responsiveness]
    for index, (title, writer) in enumerate(zip(sheet_titles(), writers, strict=True)):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        assert sheet is not None
        sheet.title = title[:31]
        writer(_Sheet(sheet), data)
        progress(20 + 70 * (index + 1) // len(writers))
    workbook.properties.title = f"{data.plan.municipality.name} · {data.period.title}"
    workbook.properties.creator = "Ortak"
    out = io.BytesIO()
    workbook.save(out)
    progress(95)
    return out.getvalue()
