"""The reporting calendar: when each period's values are due, and who was reminded of what.

Periods are ``YYYY-H1`` (January–June, due by default on 31 July) and ``YYYY`` (the whole year,
due by default on 31 January of the next year). A municipality may move both dates once for all
its plans (``ReportingCalendar``) and move one period's date (``MonitoringPeriod.due_date`` with
``due_date_is_custom``).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.core.models import TimeStampedModel
from ortak.organizations.models import Municipality
from ortak.plans.models import Indicator, StrategicPlan
from ortak.plans.progress import DueDates, Period

PERIOD_REGEX = r"^\d{4}(-H1)?$"
# A non-leap year: a due date of 29 February would not exist three years out of four.
_CHECK_YEAR = 2001


class ReportingCalendar(TimeStampedModel):
    """A municipality's default due dates (one row per municipality; none means the defaults)."""

    municipality = models.OneToOneField(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="reporting_calendar",
    )
    half_year_due_month = models.PositiveSmallIntegerField(
        _("first-half values due: month"), default=7
    )
    half_year_due_day = models.PositiveSmallIntegerField(
        _("first-half values due: day"), default=31
    )
    full_year_due_month = models.PositiveSmallIntegerField(
        _("whole-year values due: month (of the next year)"), default=1
    )
    full_year_due_day = models.PositiveSmallIntegerField(
        _("whole-year values due: day"), default=31
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reporting calendar")
        verbose_name_plural = _("reporting calendars")
        constraints = [
            models.CheckConstraint(
                condition=Q(half_year_due_month__gte=7, half_year_due_month__lte=12)
                & Q(full_year_due_month__gte=1, full_year_due_month__lte=12)
                & Q(half_year_due_day__gte=1, half_year_due_day__lte=31)
                & Q(full_year_due_day__gte=1, full_year_due_day__lte=31),
                name="calendar_dates_in_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.municipality)

    def clean(self) -> None:
        errors = {}
        for prefix in ("half_year_due", "full_year_due"):
            month, day = getattr(self, f"{prefix}_month"), getattr(self, f"{prefix}_day")
            try:
                datetime.date(_CHECK_YEAR, month, day)
            except (TypeError, ValueError):
                errors[f"{prefix}_day"] = _("This day does not exist in that month every year.")
        if errors:
            raise ValidationError(errors)

    def due_dates(self) -> DueDates:
        return DueDates(
            half_year_month=self.half_year_due_month,
            half_year_day=self.half_year_due_day,
            full_year_month=self.full_year_due_month,
            full_year_day=self.full_year_due_day,
        )


class MonitoringPeriod(TimeStampedModel):
    """İzleme dönemi: one reported period of one plan, with its due date."""

    plan = models.ForeignKey(
        StrategicPlan,
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="monitoring_periods",
    )
    code = models.CharField(_("period"), max_length=7)
    year = models.PositiveSmallIntegerField(_("year"))
    is_half_year = models.BooleanField(_("first half of the year"), default=False)
    due_date = models.DateField(_("due date"))
    due_date_is_custom = models.BooleanField(
        _("due date set for this period"),
        default=False,
        help_text=_("Kept when the municipality's calendar changes."),
    )

    class Meta:
        verbose_name = _("monitoring period")
        verbose_name_plural = _("monitoring periods")
        # Time order: 2026-H1 before 2026.
        ordering = ["plan_id", "year", "-is_half_year"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="monitoring_period_unique_code"),
            models.CheckConstraint(
                condition=Q(code__regex=PERIOD_REGEX), name="monitoring_period_code_format"
            ),
        ]
        indexes = [models.Index(fields=["due_date"], name="monitoring_period_due_idx")]

    def __str__(self) -> str:
        return f"{self.plan} {self.code}"

    @property
    def period(self) -> Period:
        return Period(self.year, not self.is_half_year)

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return (today or timezone.localdate()) > self.due_date


class ReminderLog(models.Model):
    """One reminder or escalation sent: the schedule never sends the same one twice."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("reminder before the due date")
        ESCALATION = "escalation", _("overdue notice to the municipality admin")

    period = models.ForeignKey(
        MonitoringPeriod,
        verbose_name=_("period"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    days_before = models.PositiveSmallIntegerField(_("days before the due date"), null=True)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "indicator", "recipient", "days_before"],
                condition=Q(kind="reminder"),
                name="reminder_log_unique_reminder",
            ),
            models.UniqueConstraint(
                fields=["period", "recipient"],
                condition=Q(kind="escalation"),
                name="reminder_log_unique_escalation",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="reminder", indicator__isnull=False, days_before__isnull=False)
                    | Q(kind="escalation", days_before__isnull=True)
                ),
                name="reminder_log_kind_fields",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.period} → {self.recipient_id}"
