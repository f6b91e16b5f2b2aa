"""Drawing big report files in the background (django-tasks; the database queue by default).

``services.reports.claim_report`` enqueues this after its transaction commits; the task writes
its progress on the report row as it goes, which the waiting page shows.
"""

from __future__ import annotations

from django_tasks import task

from ortak.monitoring.models import GeneratedReport
from ortak.monitoring.services.reports import draw_report


class ReportDrawingFailed(RuntimeError):
    """The report could not be drawn; the reason is on the report row (``error``)."""


@task()
def draw_report_task(report_id: int) -> str:
    """Draw one claimed report. A failure is recorded on the row for the visitor and raised
    again so that the task queue shows it too."""
    report = draw_report(report_id=report_id)
    if report is None:
        return "gone"
    if report.status == GeneratedReport.Status.FAILED:
        raise ReportDrawingFailed(report.error)
    return str(report.status)
