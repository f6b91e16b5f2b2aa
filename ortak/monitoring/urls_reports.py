"""Report URLs under the plan: ``/belediyeler/<slug>/plan/2025-2029/raporlar/…``.

Included from ``ortak.monitoring.urls`` (namespace ``monitoring``). Kinds are Turkish in the
address like the rest of the site (``izleme``, ``degerlendirme``); periods are ``2026-H1`` or
``2025``.
"""

from __future__ import annotations

from django.urls import URLPattern, path, register_converter

from ortak.monitoring.reports.periods import KIND_SLUGS, kind_from_slug
from ortak.monitoring.views import reports


class ReportKindConverter:
    regex = "|".join(KIND_SLUGS.values())

    def to_python(self, value: str) -> str:
        return kind_from_slug(value)

    def to_url(self, value: str) -> str:
        return KIND_SLUGS.get(value, value)


class ReportPeriodConverter:
    regex = r"\d{4}(?:-H1)?"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return str(value)


class ReportFormatConverter:
    regex = "pdf|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ReportKindConverter, "report_kind")
register_converter(ReportPeriodConverter, "report_period")
register_converter(ReportFormatConverter, "report_format")

REPORTS = "belediyeler/<slug:slug>/plan/<int:start>-<int:end>/raporlar/"
REPORT = REPORTS + "<report_kind:kind>/<report_period:period>"

urlpatterns: list[URLPattern] = [
    path(REPORTS, reports.report_list, name="report_list"),
    path(REPORT + "/", reports.report_detail, name="report_detail"),
    path(REPORT + ".<report_format:fmt>", reports.report_download, name="report_download"),
    path(REPORT + ".<report_format:fmt>/durum/", reports.report_progress, name="report_progress"),
]
