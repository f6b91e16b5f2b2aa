"""Report files kept between downloads (issue 5).

A PDF or XLSX monitoring/evaluation report is drawn once and kept; a download serves the kept
file while its ``data_fingerprint`` still matches the plan's data, and draws it again when the
data changed. Big reports are drawn by a task; ``status`` and ``progress`` are what the waiting
page shows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ortak.core.models import TimeStampedModel
from ortak.monitoring.reports.periods import ReportKind
from ortak.plans.models import StrategicPlan

REPORT_PERIOD_REGEX = r"^\d{4}(-H1)?$"


class GeneratedReport(TimeStampedModel):
    """One report file: a plan's report of one kind and period, in one language and format."""

    Kind = ReportKind

    class Format(models.TextChoices):
        PDF = "pdf", _("PDF")
        XLSX = "xlsx", _("Excel (XLSX)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("being prepared")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    plan = models.ForeignKey(
        StrategicPlan,
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="generated_reports",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ReportKind.choices)
    period = models.CharField(_("period"), max_length=7)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    file = models.FileField(_("file"), upload_to="monitoring/reports/%Y/", blank=True)
    data_fingerprint = models.CharField(
        _("data fingerprint"),
        max_length=64,
        blank=True,
        help_text=_("Hash of the plan data the file was drawn from; a different hash means stale."),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("generated report")
        verbose_name_plural = _("generated reports")
        ordering = ["plan", "kind", "period", "language", "format"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "kind", "period", "language", "format"],
                name="generated_report_unique_file",
            ),
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100),
                name="generated_report_progress_0_100",
            ),
            models.CheckConstraint(
                condition=Q(period__regex=REPORT_PERIOD_REGEX),
                name="generated_report_period_format",
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | ~Q(file=""),
                name="generated_report_done_has_file",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan} {self.kind} {self.period} {self.language}.{self.format}"

    @property
    def is_pending(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.RUNNING}
