from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ortak.core.models import TimeStampedModel
from ortak.organizations.models import Unit
from ortak.plans.models.plan import Objective, StrategicPlan


class Activity(TimeStampedModel):
    """Faaliyet / proje under an objective, with cost per year (planned and actual)."""

    class Kind(models.TextChoices):
        ACTIVITY = "activity", _("activity")
        PROJECT = "project", _("project")

    plan = models.ForeignKey(
        StrategicPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="activities"
    )
    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.CASCADE, related_name="activities"
    )
    # Activity codes are not unique by constraint: real plans number activities loosely, and the
    # data-quality audit reports duplicates instead of rejecting the plan.
    code = models.CharField(_("code"), max_length=30, blank=True)
    name = models.TextField(_("name"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ACTIVITY)
    responsible_unit = models.ForeignKey(
        Unit,
        verbose_name=_("responsible unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["plan", "objective__aim__number", "objective__number", "code", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="activity_dates_ordered",
            ),
        ]
        indexes = [models.Index(fields=["plan", "code"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()


class ActivityCost(models.Model):
    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="costs"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    planned = models.DecimalField(
        _("planned cost (₺)"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    actual = models.DecimalField(
        _("actual cost (₺)"), max_digits=18, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("activity cost")
        verbose_name_plural = _("activity costs")
        ordering = ["activity", "year"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "year"], name="activity_cost_unique_year"),
            models.CheckConstraint(
                condition=(Q(planned__isnull=True) | Q(planned__gte=0))
                & (Q(actual__isnull=True) | Q(actual__gte=0)),
                name="activity_cost_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity.code} {self.year}"
