"""The PDF and the XLSX: their numbers are the JSON export's, read back from the files
(pdfplumber, openpyxl); Turkish letters, page numbers, repeated headers, sheets, formats."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pdfplumber
import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext
from openpyxl import load_workbook

from ortak.monitoring.reports.periods import ReportKind, ReportPeriod
from ortak.monitoring.reports.render import render_report
from ortak.monitoring.reports.xlsx import sheet_titles
from ortak.monitoring.tests.test_reports_data import (
    FORMULA_NAME,
    TURKISH_AIM,
    export_figures,
    read_number,
    report_plan,
    two,
)
from ortak.plans.models import StrategicPlan

EVALUATION_2025 = ReportPeriod(2025, ReportKind.EVALUATION)
MONITORING_2026 = ReportPeriod(2026, ReportKind.MONITORING)

INDICATOR_CODE = re.compile(r"^\d+\.\d+\.\d+$")
OBJECTIVE_CODE = re.compile(r"^\d+\.\d+$")
AIM_CODE = re.compile(r"^\d+$")


# --- Reading the files back -------------------------------------------------------------------


def _pdf_rows(pdf: bytes) -> Iterator[tuple[int, list[str]]]:
    """Every table row of every page, with its page number (1-based)."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages, start=1):
            for table in page.extract_tables():
                for row in table:
                    yield number, [cell or "" for cell in row]


def _pdf_text(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [page.extract_text() or "" for page in document.pages]


def _pdf_figures(pdf: bytes, language: str) -> dict[str, dict[str, Any]]:
    """Realizations and costs as the PDF prints them, by code."""
    found: dict[str, dict[str, Any]] = {
        "indicators": {},
        "objectives": {},
        "aims": {},
        "costs": {},
        "plan": {},
    }
    with translation.override(language):
        plan_label = gettext("Plan realization in %(year)s (%%)")
    for _page, row in _pdf_rows(pdf):
        code = row[0].strip()
        if len(row) == 10 and INDICATOR_CODE.match(code):
            found["indicators"][code] = (
                read_number(row[6], language),
                read_number(row[7], language),
            )
        elif len(row) == 6 and OBJECTIVE_CODE.match(code):
            found["objectives"][code] = (
                read_number(row[2], language),
                read_number(row[3], language),
            )
        elif len(row) == 6 and AIM_CODE.match(code):
            found["aims"][code] = (read_number(row[2], language), read_number(row[3], language))
        elif len(row) == 7 and ".F" in code:
            found["costs"][code] = read_number(row[4], language)
        elif len(row) == 2 and row[0].replace("\n", " ").startswith(plan_label.split("%")[0][:12]):
            found["plan"].setdefault("realization", read_number(row[1], language))
    return found


def _assert_equal_to_export(
    found: dict[str, dict[str, Any]], plan: StrategicPlan, year: int
) -> None:
    exported = export_figures(plan)
    key = str(year)
    assert found["plan"]["realization"] == two(exported["plan"][key]["realization"])
    assert set(found["indicators"]) == set(exported["indicators"])
    for code, (raw, counted) in found["indicators"].items():
        figures = exported["indicators"][code][key]
        assert (raw, counted) == (two(figures["raw"]), two(figures["realization"])), code
    assert set(found["objectives"]) == set(exported["objectives"])
    for code, (realization, coverage) in found["objectives"].items():
        figures = exported["objectives"][code][key]
        assert (realization, coverage) == (two(figures["realization"]), two(figures["coverage"]))
    for code, (realization, coverage) in found["aims"].items():
        figures = exported["aims"][code][key]
        assert (realization, coverage) == (two(figures["realization"]), two(figures["coverage"]))
    assert found["costs"]
    for code, planned in found["costs"].items():
        assert planned == two(exported["planned_costs"][code][key]), code


# --- PDF -----------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("period", "language"), [(EVALUATION_2025, "tr"), (MONITORING_2026, "en")])
def test_pdf_numbers_equal_the_json_export(period: ReportPeriod, language: str) -> None:
    plan = report_plan()

    pdf = render_report(plan, period, language=language, fmt="pdf")

    _assert_equal_to_export(_pdf_figures(pdf, language), plan, period.year)


@pytest.mark.django_db
def test_pdf_keeps_turkish_letters_numbers_its_pages_and_repeats_table_headers() -> None:
    plan = report_plan(aims=3, objectives_per_aim=3, indicators_per_objective=6)

    pdf = render_report(plan, EVALUATION_2025, language="tr", fmt="pdf")

    pages = _pdf_text(pdf)
    text = "\n".join(pages)
    for letter in ("İ", "ı", "ş", "ğ", "ü", "ö", "ç"):
        assert letter in text, letter
    assert TURKISH_AIM in text.replace("\n", " ")
    with translation.override("tr"):
        label, between = gettext("Page"), pgettext("page X of Y", " of ")
    total = len(pages)
    assert total > 3
    for number, page in enumerate(pages, start=1):
        assert f"{label} {number}{between}{total}" in page
    # Every page that carries indicator rows starts their table with the column headers again.
    with translation.override("tr"):
        header = [gettext("Code"), gettext("Indicator")]
    pages_with_indicators = set()
    pages_with_header = set()
    for number, row in _pdf_rows(pdf):
        if len(row) == 10 and INDICATOR_CODE.match(row[0].strip()):
            pages_with_indicators.add(number)
        if len(row) == 10 and row[:2] == header:
            pages_with_header.add(number)
    assert len(pages_with_indicators) > 1
    assert pages_with_indicators <= pages_with_header


@pytest.mark.django_db
def test_pdf_in_english_has_english_headers_and_page_numbers() -> None:
    plan = report_plan(aims=1, objectives_per_aim=1)

    pdf = render_report(plan, EVALUATION_2025, language="en", fmt="pdf")

    pages = _pdf_text(pdf)
    assert "Evaluation report 2025" in pages[0]
    assert f"Page 1 of {len(pages)}" in pages[0]
    headers = [row for _page, row in _pdf_rows(pdf) if len(row) == 10 and row[0] == "Code"]
    assert headers
    assert [cell.replace("\n", " ") for cell in headers[0][6:]] == [
        "Realization, raw (%)",
        "Realization, counted (%)",
        "Status",
        "Deviation explanation",
    ]


# --- XLSX ----------------------------------------------------------------------------------------


def _workbook(content: bytes) -> Any:
    return load_workbook(io.BytesIO(content))


def _xlsx_figures(content: bytes, language: str, year: int) -> dict[str, dict[str, Any]]:
    workbook = _workbook(content)
    with translation.override(language):
        summary, indicators, activities, _cso, _responsiveness = sheet_titles()
        plan_label = gettext("Plan realization in %(year)s (%%)") % {"year": year}
    found: dict[str, dict[str, Any]] = {
        "indicators": {},
        "objectives": {},
        "aims": {},
        "costs": {},
        "plan": {},
    }
    for row in workbook[summary].iter_rows(values_only=True):
        code = str(row[0] or "")
        if code == plan_label:
            found["plan"]["realization"] = _two(row[1])
        elif AIM_CODE.match(code) and len(row) > 3:
            found["aims"][code] = (_two(row[2]), _two(row[3]))
        elif OBJECTIVE_CODE.match(code) and len(row) > 3:
            found["objectives"][code] = (_two(row[2]), _two(row[3]))
    for row in workbook[indicators].iter_rows(min_row=3, values_only=True):
        if row[2] and INDICATOR_CODE.match(str(row[2])):
            found["indicators"][str(row[2])] = (_two(row[10]), _two(row[11]))
    for row in workbook[activities].iter_rows(min_row=3, values_only=True):
        if row[1] and ".F" in str(row[1]):
            found["costs"][str(row[1])] = _two(row[5])
    return found


def _two(value: Any) -> Decimal | None:
    if value is None:
        return None
    assert isinstance(value, int | float | Decimal), value  # a number, never text
    return Decimal(str(value)).quantize(Decimal("0.01"))


@pytest.mark.django_db
@pytest.mark.parametrize(("period", "language"), [(EVALUATION_2025, "tr"), (MONITORING_2026, "en")])
def test_xlsx_numbers_equal_the_json_export(period: ReportPeriod, language: str) -> None:
    plan = report_plan()

    content = render_report(plan, period, language=language, fmt="xlsx")

    _assert_equal_to_export(_xlsx_figures(content, language, period.year), plan, period.year)


@pytest.mark.django_db
def test_xlsx_has_one_sheet_per_section_named_in_the_report_language() -> None:
    plan = report_plan(aims=1, objectives_per_aim=1)

    english = _workbook(render_report(plan, EVALUATION_2025, language="en", fmt="xlsx"))
    turkish = _workbook(render_report(plan, EVALUATION_2025, language="tr", fmt="xlsx"))

    assert english.sheetnames == [
        "Summary",
        "Indicators",
        "Activities",
        "CSO view",
        "Responsiveness",
    ]
    with translation.override("tr"):
        assert turkish.sheetnames == sheet_titles()
    assert english["Indicators"]["D2"].value == "Indicator"


@pytest.mark.django_db
def test_xlsx_neutralises_formula_like_text_and_formats_numbers() -> None:
    plan = report_plan(aims=1, objectives_per_aim=1)

    sheet = _workbook(render_report(plan, EVALUATION_2025, language="en", fmt="xlsx"))["Indicators"]

    rows = {row[2].value: row for row in sheet.iter_rows(min_row=3) if row[2].value}
    first = rows["1.1.1"]
    assert first[3].value == "'" + FORMULA_NAME
    assert first[3].data_type == "s"
    assert first[10].number_format == "0.00"  # raw realization, two decimals
    assert first[5].number_format == "0.000"  # weight 33.333


# --- Progress -----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_drawing_reports_progress_in_order_up_to_95(fmt: str) -> None:
    plan = report_plan(aims=1, objectives_per_aim=1)
    heard: list[int] = []

    render_report(plan, EVALUATION_2025, language="tr", fmt=fmt, on_progress=heard.append)

    assert heard[0] == 20
    assert heard == sorted(heard)
    assert heard[-1] == 95
    assert len(heard) >= 4


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError):
        render_report(StrategicPlan(), EVALUATION_2025, language="tr", fmt="docx")
