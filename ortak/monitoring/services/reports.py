"""Report files: kept, served while true, drawn again when the data changed (issue 5).

``obtain_report`` is what a download asks for. It answers with the kept file when the plan's
data fingerprint still matches; otherwise it claims the report row for a new drawing, and either
draws it at once (a small plan) or enqueues ``tasks_reports.draw_report_task`` (more indicators
than ``settings.ORTAK_REPORT_INLINE_MAX_INDICATORS``) so that the visitor watches its progress.

``draw_report`` is deliberately not one transaction: it runs for seconds, and the progress it
writes after each section must be visible to the waiting page at once. Its writes are single
``UPDATE``s; the file and the final status are stored together in one transaction.
"""

from __future__ import annotations

import datetime
import logging
import secrets
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.monitoring.models import GeneratedReport
from ortak.monitoring.reports.periods import ReportPeriod, parse_report_period
from ortak.monitoring.reports.render import FORMATS, render_report, report_filename
from ortak.monitoring.selectors.reports import data_stamp, report_periods
from ortak.plans.models import StrategicPlan
from ortak.plans.permissions import can_view_plan

__all__ = ["STALLED_AFTER", "ReportClaim", "draw_report", "obtain_report"]

logger = logging.getLogger(__name__)

# A drawing that has not moved for this long is taken for dead (a worker restarted mid-task) and
# may be claimed again.
STALLED_AFTER = datetime.timedelta(minutes=10)


@dataclass(frozen=True)
class ReportClaim:
    report: GeneratedReport
    draw_now: bool = False  # the caller draws it in this request
    queued: bool = False  # a task was enqueued


def _inline_limit() -> int:
    return int(settings.ORTAK_REPORT_INLINE_MAX_INDICATORS)


def _language(language: str) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def _stalled(report: GeneratedReport, now: datetime.datetime) -> bool:
    return report.updated_at is not None and now - report.updated_at > STALLED_AFTER


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def claim_report(
    *, actor: Any, plan: StrategicPlan, period: ReportPeriod, language: str, fmt: str
) -> ReportClaim:
    """Decide what a request for this report gets: the kept file, a drawing now, or a task.

    Raises ``PermissionDenied`` for a plan the actor may not see and ``ValidationError`` for a
    report the plan's data do not allow.
    """
    if not can_view_plan(actor, plan):
        raise PermissionDenied
    if fmt not in FORMATS:
        raise ValidationError({"format": _("Choose PDF or XLSX.")})
    if period not in report_periods(plan):
        raise ValidationError({"period": _("This plan has no published values for this period.")})
    language = _language(language)
    stamp = data_stamp(plan)
    report, created = GeneratedReport.objects.select_for_update().get_or_create(
        plan=plan,
        kind=period.kind,
        period=period.text,
        language=language,
        format=fmt,
        defaults={"status": GeneratedReport.Status.QUEUED, "data_fingerprint": stamp.fingerprint},
    )
    now = timezone.now()
    same_data = report.data_fingerprint == stamp.fingerprint
    if same_data and report.status == GeneratedReport.Status.DONE and report.file:
        return ReportClaim(report=report)
    if same_data and report.is_pending and not created and not _stalled(report, now):
        return ReportClaim(report=report)  # already on its way
    inline = stamp.indicators <= _inline_limit()
    report.data_fingerprint = stamp.fingerprint
    report.status = GeneratedReport.Status.RUNNING if inline else GeneratedReport.Status.QUEUED
    report.progress = 0
    report.error = ""
    report.requested_by = _user(actor)
    report.started_at = now if inline else None
    report.finished_at = None
    # A stale file stays until the new one replaces it; "done" needs a file (constraint).
    report.full_clean()
    report.save()
    if inline:
        return ReportClaim(report=report, draw_now=True)
    from ortak.monitoring.tasks_reports import draw_report_task

    transaction.on_commit(partial(draw_report_task.enqueue, report_id=report.pk))
    return ReportClaim(report=report, queued=True)


def obtain_report(
    *, actor: Any, plan: StrategicPlan, period: ReportPeriod, language: str, fmt: str
) -> GeneratedReport:
    """The report file for a download: kept, drawn now, or queued (``status`` tells which)."""
    claim = claim_report(actor=actor, plan=plan, period=period, language=language, fmt=fmt)
    if claim.draw_now:
        return draw_report(report_id=claim.report.pk) or claim.report
    return claim.report


def _set(report: GeneratedReport, **values: Any) -> None:
    """Write progress at once (outside any long transaction) so the waiting page sees it."""
    values["updated_at"] = timezone.now()
    GeneratedReport.objects.filter(pk=report.pk).update(**values)
    for name, value in values.items():
        setattr(report, name, value)


def _failure_message(report: GeneratedReport, error: Exception) -> str:
    with translation.override(report.language):
        reason = str(error).strip() or type(error).__name__
        return gettext("The report could not be drawn: %(reason)s") % {"reason": reason}


def draw_report(*, report_id: int) -> GeneratedReport | None:
    """Draw a claimed report, keep the file and record the outcome (done, or failed with a
    readable message). Progress: 5 at the start, 20 when the tables are built, then the
    format's steps, 100 when the file is stored. None when the report (its plan) was deleted
    meanwhile."""
    report = (
        GeneratedReport.objects.select_related("plan", "plan__municipality")
        .filter(pk=report_id)
        .first()
    )
    if report is None or report.status == GeneratedReport.Status.DONE:
        return report  # gone with its plan, or a duplicate task: nothing to do
    plan = report.plan
    period = parse_report_period(report.kind, report.period)
    _set(report, status=GeneratedReport.Status.RUNNING, progress=5, started_at=timezone.now())
    try:
        content = render_report(
            plan,
            period,
            language=report.language,
            fmt=report.format,
            on_progress=lambda percent: _set(report, progress=percent),
        )
    except Exception as error:
        logger.exception("Report %s could not be drawn", report.pk)
        _set(
            report,
            status=GeneratedReport.Status.FAILED,
            error=_failure_message(report, error),
            finished_at=timezone.now(),
        )
        record_event(
            actor=report.requested_by,
            action="monitoring.report_failed",
            target=plan,
            data={"report": report.pk, "period": report.period, "format": report.format},
        )
        return report
    _store(report, plan, period, content)
    return report


@transaction.atomic
def _store(
    report: GeneratedReport, plan: StrategicPlan, period: ReportPeriod, content: bytes
) -> None:
    old_name = report.file.name if report.file else ""
    name = report_filename(plan, period, report.language, report.format)
    # A random part keeps the stored name unguessable (draft plans' reports are not public).
    stem, _dot, extension = name.rpartition(".")
    report.file.save(f"{stem}-{secrets.token_hex(6)}.{extension}", ContentFile(content), save=False)
    report.status = GeneratedReport.Status.DONE
    report.progress = 100
    report.error = ""
    report.finished_at = timezone.now()
    report.full_clean()
    report.save(update_fields=["file", "status", "progress", "error", "finished_at", "updated_at"])
    record_event(
        actor=report.requested_by,
        action="monitoring.report_generated",
        target=plan,
        data={
            "report": report.pk,
            "kind": report.kind,
            "period": report.period,
            "language": report.language,
            "format": report.format,
        },
    )
    if old_name and old_name != report.file.name:
        storage = report.file.storage
        transaction.on_commit(partial(storage.delete, old_name))
