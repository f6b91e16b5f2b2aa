"""The PDF of a report: the report's HTML drawn by WeasyPrint with ``print.css``.

The document is self-contained: charts are inline SVG, fonts are local (DejaVu), and the URL
fetcher refuses every URL, so drawing a report never reaches the network or the file system
beyond the stylesheet read here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, NoReturn

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_spaces_between_tags
from django.utils.translation import get_language
from weasyprint import CSS, HTML

from ortak.monitoring.reports.tables import ReportData

__all__ = ["PRINT_STYLESHEET", "render_pdf", "render_print_html"]

PRINT_STYLESHEET = "monitoring/reports/print.css"

Progress = Callable[[int], None]


def _no_fetching(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    raise ValueError(f"Reports load no resources ({url!r}).")


@cache
def _stylesheet() -> CSS:
    path = finders.find(PRINT_STYLESHEET)
    if not path or not isinstance(path, str):
        raise FileNotFoundError(f"Static file {PRINT_STYLESHEET} not found.")
    return CSS(filename=path, url_fetcher=_no_fetching)


def render_print_html(data: ReportData) -> str:
    """The report as the standalone HTML document the PDF is drawn from."""
    return render_to_string(
        "monitoring/reports/report_print.html",
        {
            "report": data,
            "plan": data.plan,
            "language": get_language(),
            "generated_at": timezone.localtime(),
        },
    )


def render_pdf(data: ReportData, *, on_progress: Progress | None = None) -> bytes:
    """Draw the report; ``on_progress`` hears 40 (HTML ready), 85 (pages laid out), 95 (PDF)."""
    progress = on_progress or (lambda _: None)
    html = strip_spaces_between_tags(render_print_html(data))
    progress(40)
    document = HTML(string=html, url_fetcher=_no_fetching, media_type="print").render(
        stylesheets=[_stylesheet()]
    )
    progress(85)
    pdf = document.write_pdf()
    progress(95)
    return bytes(pdf) if pdf is not None else b""
