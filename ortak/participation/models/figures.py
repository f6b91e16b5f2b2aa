"""Stored responsiveness figures per municipality and per unit (pages read, never compute).

The services that change what the figures count (a new contribution, an answer, a re-routing, a
deadline passing) recompute the rows of that municipality in the same transaction; the rules
are in ``ortak.participation.rules.responsiveness``.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ortak.organizations.models import Municipality, Unit


def _share(part: int, whole: int) -> Decimal | None:
    return Decimal(part) * 100 / Decimal(whole) if whole else None


class ResponsivenessFigure(models.Model):
    """One row per municipality (``unit`` empty) and one per unit that received anything."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="responsiveness_figures",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="responsiveness_figures",
    )
    received = models.PositiveIntegerField(_("contributions received"), default=0)
    answered = models.PositiveIntegerField(_("answered"), default=0)
    due = models.PositiveIntegerField(
        _("due"),
        default=0,
        help_text=_("Answered, or unanswered past the deadline: those the deadline applies to."),
    )
    answered_within_deadline = models.PositiveIntegerField(
        _("answered within the deadline"), default=0
    )
    decided = models.PositiveIntegerField(
        _("decided"), default=0, help_text=_("Accepted, partly accepted, declined or implemented.")
    )
    accepted = models.PositiveIntegerField(
        _("accepted"), default=0, help_text=_("Accepted, partly accepted or implemented.")
    )
    overdue = models.PositiveIntegerField(_("overdue without an answer"), default=0)
    median_days_to_first_answer = models.DecimalField(
        _("median days to first answer"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    updated_at = models.DateTimeField(_("computed at"), auto_now=True)

    class Meta:
        verbose_name = _("responsiveness figure")
        verbose_name_plural = _("responsiveness figures")
        ordering = ["municipality", "unit"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(unit__isnull=True),
                name="responsiveness_one_total_per_municipality",
            ),
            models.UniqueConstraint(
                fields=["municipality", "unit"],
                condition=Q(unit__isnull=False),
                name="responsiveness_one_row_per_unit",
            ),
            models.CheckConstraint(
                condition=Q(answered__lte=models.F("received"))
                & Q(due__lte=models.F("received"))
                & Q(answered_within_deadline__lte=models.F("answered"))
                & Q(accepted__lte=models.F("decided"))
                & Q(decided__lte=models.F("answered")),
                name="responsiveness_counts_consistent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.unit or ''}".strip()

    @property
    def share_answered(self) -> Decimal | None:
        """Answered / received, in percent."""
        return _share(self.answered, self.received)

    @property
    def share_within_deadline(self) -> Decimal | None:
        """Answered in time / those the deadline applies to (answered or overdue), in percent."""
        return _share(self.answered_within_deadline, self.due)

    @property
    def share_accepted(self) -> Decimal | None:
        """Accepted (fully, partly or implemented) / decided, in percent."""
        return _share(self.accepted, self.decided)
