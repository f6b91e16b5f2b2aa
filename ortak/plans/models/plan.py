from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ortak.core.models import TimeStampedModel
from ortak.organizations.models import Municipality, Unit
from ortak.plans.models.aggregates import ProgressAggregate


class StrategicPlan(ProgressAggregate, TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        CONSULTATION = "consultation", _("public consultation")
        ADOPTED = "adopted", _("adopted")
        ARCHIVED = "archived", _("archived")

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="plans",
    )
    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(_("end year"))
    title = models.CharField(_("title"), max_length=255)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    council_decision_date = models.DateField(_("council decision date"), null=True, blank=True)
    council_decision_number = models.CharField(
        _("council decision number"), max_length=60, blank=True
    )
    mission = models.TextField(_("mission"), blank=True)
    vision = models.TextField(_("vision"), blank=True)
    core_values = models.TextField(_("core values"), blank=True)
    source_document = models.FileField(
        _("source document"), upload_to="plans/sources/%Y/", blank=True
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("strategic plan")
        verbose_name_plural = _("strategic plans")
        ordering = ["municipality", "-start_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "start_year"], name="plan_unique_municipality_start"
            ),
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year"))
                & Q(end_year__lte=F("start_year") + 5)
                & Q(start_year__gte=2000, start_year__lte=2100),
                name="plan_years_sane",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.start_year}–{self.end_year}"

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))

    @property
    def period_label(self) -> str:
        """The URL and display form of the plan period: "2025-2029"."""
        return f"{self.start_year}-{self.end_year}"

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT

    @property
    def is_locked(self) -> bool:
        """Adopted and archived plans change only through revisions (never in place)."""
        return self.status in {self.Status.ADOPTED, self.Status.ARCHIVED}


class Aim(ProgressAggregate, TimeStampedModel):
    """Amaç: the top level of a plan, numbered 1..N."""

    plan = models.ForeignKey(
        StrategicPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="aims"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    code = models.CharField(_("code"), max_length=20)
    title = models.TextField(_("aim"))

    class Meta:
        verbose_name = _("aim")
        verbose_name_plural = _("aims")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="aim_unique_code"),
        ]

    def __str__(self) -> str:
        return f"A{self.code} {self.title}"


class Objective(ProgressAggregate, TimeStampedModel):
    """Hedef, with its objective card (hedef kartı)."""

    plan = models.ForeignKey(
        StrategicPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="objectives"
    )
    aim = models.ForeignKey(
        Aim, verbose_name=_("aim"), on_delete=models.CASCADE, related_name="objectives"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    code = models.CharField(_("code"), max_length=20)
    title = models.TextField(_("objective"))
    responsible_unit = models.ForeignKey(
        Unit,
        verbose_name=_("responsible unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="objectives",
    )
    cooperating_units = models.ManyToManyField(
        Unit, verbose_name=_("cooperating units"), blank=True, related_name="cooperating_objectives"
    )
    cooperates_with_all_units = models.BooleanField(
        _("all units cooperate"), default=False, help_text=_('"Tüm birimler" in the plan.')
    )
    risks = models.TextField(_("risks"), blank=True)
    strategies = models.TextField(_("strategies"), blank=True)
    cost_estimate = models.DecimalField(
        _("cost estimate (₺)"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    findings = models.TextField(_("findings"), blank=True)
    needs = models.TextField(_("needs"), blank=True)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["plan", "aim__number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="objective_unique_code"),
        ]

    def __str__(self) -> str:
        return f"H{self.code} {self.title}"


class Indicator(TimeStampedModel):
    """Performans göstergesi (PG) with its stored progress figures."""

    class Direction(models.TextChoices):
        INCREASING = "increasing", _("increasing")
        DECREASING = "decreasing", _("decreasing")

    class Kind(models.TextChoices):
        CUMULATIVE = "cumulative", _("cumulative")
        PERIODIC = "periodic", _("periodic")

    class Frequency(models.TextChoices):
        SIX_MONTHLY = "six_monthly", _("six-monthly")
        YEARLY = "yearly", _("yearly")

    class Status(models.TextChoices):
        ON_TRACK = "on_track", _("on track")
        AT_RISK = "at_risk", _("at risk")
        OFF_TRACK = "off_track", _("off track")
        OVERDUE = "overdue", _("overdue")
        NOT_REPORTED = "not_reported", _("not reported")

    plan = models.ForeignKey(
        StrategicPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="indicators"
    )
    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.CASCADE, related_name="indicators"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    code = models.CharField(_("code"), max_length=20)
    name = models.TextField(_("indicator"))
    unit_of_measure = models.CharField(_("unit of measure"), max_length=60, blank=True)
    weight = models.DecimalField(
        _("weight in objective (%)"), max_digits=7, decimal_places=3, default=0
    )
    baseline = models.DecimalField(
        _("baseline value"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    direction = models.CharField(
        _("direction"), max_length=12, choices=Direction.choices, default=Direction.INCREASING
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.CUMULATIVE)
    monitoring_frequency = models.CharField(
        _("monitoring frequency"),
        max_length=12,
        choices=Frequency.choices,
        default=Frequency.SIX_MONTHLY,
    )
    reporting_frequency = models.CharField(
        _("reporting frequency"),
        max_length=12,
        choices=Frequency.choices,
        default=Frequency.SIX_MONTHLY,
    )
    data_source = models.CharField(_("data source"), max_length=255, blank=True)
    owner_unit = models.ForeignKey(
        Unit,
        verbose_name=_("owner unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner (staff)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_indicators",
    )

    # Stored figures (ARCHITECTURE §4), written by services only.
    realization = models.DecimalField(
        _("realization (plan lens, clamped %)"),
        null=True,
        blank=True,
        max_digits=24,
        decimal_places=10,
    )
    realization_raw = models.DecimalField(
        _("realization (plan lens, raw %)"), null=True, blank=True, max_digits=24, decimal_places=10
    )
    realization_by_year = models.JSONField(_("realization by year"), default=dict, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.NOT_REPORTED,
        db_index=True,
    )
    latest_value = models.DecimalField(
        _("latest value"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    latest_period = models.CharField(_("latest period"), max_length=7, blank=True)
    last_published_at = models.DateTimeField(
        _("last updated"),
        null=True,
        blank=True,
        help_text=_("When a value of this indicator was last published or revised."),
    )
    aggregates_updated_at = models.DateTimeField(_("computed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("performance indicator")
        verbose_name_plural = _("performance indicators")
        ordering = ["plan", "objective__aim__number", "objective__number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="indicator_unique_code"),
            models.CheckConstraint(
                condition=Q(weight__gte=0) & Q(weight__lte=100), name="indicator_weight_0_100"
            ),
        ]

    def __str__(self) -> str:
        return f"PG{self.code} {self.name}"
