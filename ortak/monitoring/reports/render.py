"""One report file, drawn in its language: ``render_report(plan, period, language=, fmt=)``."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import translation

from ortak.monitoring.reports.pdf import render_pdf
from ortak.monitoring.reports.periods import ReportPeriod
from ortak.monitoring.reports.tables import build_report
from ortak.monitoring.reports.xlsx import render_xlsx
from ortak.plans.models import StrategicPlan

__all__ = ["CONTENT_TYPES", "FORMATS", "render_report", "report_filename"]

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMATS = tuple(CONTENT_TYPES)

Progress = Callable[[int], None]


def report_filename(plan: StrategicPlan, period: ReportPeriod, language: str, fmt: str) -> str:
    """``van-buyuksehir-izleme-raporu-2026-H1-tr.pdf`` (ASCII, safe in a Content-Disposition)."""
    return f"{plan.municipality.slug}-{period.slug}-raporu-{period.text}-{language}.{fmt}"


def render_report(
    plan: StrategicPlan,
    period: ReportPeriod,
    *,
    language: str,
    fmt: str,
    on_progress: Progress | None = None,
) -> bytes:
    """Build the report's tables and draw them as ``fmt`` ("pdf" or "xlsx") in ``language``.

    ``on_progress`` hears percentages as the sections are done: 20 when the tables are built,
    then the format's own steps, up to 95 before the file is stored.
    """
    if fmt not in CONTENT_TYPES:
        raise ValueError(f"{fmt!r} is not a report format")
    progress = on_progress or (lambda _: None)
    with translation.override(language):
        data = build_report(plan, period)
        progress(20)
        if fmt == "pdf":
            return render_pdf(data, on_progress=progress)
        return render_xlsx(data, on_progress=progress)
