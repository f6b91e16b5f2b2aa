from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ortak.core.models import TimeStampedModel
from ortak.plans.models.plan import Indicator, StrategicPlan

PERIOD_REGEX = r"^\d{4}(-H1)?$"


class IndicatorTarget(models.Model):
    """Hedeflenen değer: one target value per plan year."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="targets"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("target value"), max_digits=20, decimal_places=4)

    class Meta:
        verbose_name = _("yearly target")
        verbose_name_plural = _("yearly targets")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="target_unique_year"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value}"


class Measurement(TimeStampedModel):
    """Gerçekleşen değer for one monitoring period: "2026-H1" (January–June) or "2026"."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        PUBLISHED = "published", _("published")

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    period = models.CharField(_("period"), max_length=7)
    year = models.PositiveSmallIntegerField(_("year"))
    is_half_year = models.BooleanField(_("half-year value"), default=False)
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4)
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Why the value deviates from the target.")
    )
    evidence = models.FileField(_("evidence file"), upload_to="plans/evidence/%Y/", blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True, max_length=500)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED, db_index=True
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reported_at = models.DateTimeField(_("reported at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["indicator", "year", "-is_half_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"], name="measurement_unique_period"
            ),
            models.CheckConstraint(
                condition=Q(period__regex=PERIOD_REGEX), name="measurement_period_format"
            ),
        ]
        indexes = [models.Index(fields=["indicator", "status", "year"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}: {self.value}"


class PlanRevision(TimeStampedModel):
    """Plan güncellemesi: a mid-term update of an adopted plan that groups figure changes."""

    plan = models.ForeignKey(
        StrategicPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="revisions"
    )
    date = models.DateField(_("date"))
    reason = models.TextField(_("reason"))
    council_decision_number = models.CharField(
        _("council decision number"), max_length=60, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("plan revision")
        verbose_name_plural = _("plan revisions")
        ordering = ["plan", "-date"]

    def __str__(self) -> str:
        return f"{self.plan} – {self.date}"


class FigureRevision(models.Model):
    """One change of a published figure: who, when, old, new, reason (never an edit in place).

    Revisions of one plan form a hash chain (``sequence``, ``previous_hash``, ``content_hash``)
    that anyone can verify: altering or deleting a row behind the application's back breaks it.
    """

    class Kind(models.TextChoices):
        TARGET = "target", _("yearly target")
        MEASUREMENT = "measurement", _("measured value")
        BASELINE = "baseline", _("baseline value")
        WEIGHT = "weight", _("weight")

    plan = models.ForeignKey(
        StrategicPlan,
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="figure_revisions",
    )
    sequence = models.PositiveIntegerField(_("sequence"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    period = models.CharField(_("period"), max_length=7, blank=True)
    old_value = models.DecimalField(
        _("old value"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    new_value = models.DecimalField(
        _("new value"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    reason = models.TextField(_("reason"))
    plan_revision = models.ForeignKey(
        PlanRevision,
        verbose_name=_("plan revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="figure_revisions",
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"))
    previous_hash = models.CharField(_("previous hash"), max_length=64, blank=True)
    content_hash = models.CharField(_("hash"), max_length=64)

    class Meta:
        verbose_name = _("figure revision")
        verbose_name_plural = _("figure revisions")
        ordering = ["plan", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "sequence"], name="revision_unique_sequence"),
        ]
        indexes = [models.Index(fields=["indicator", "changed_at"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.kind} {self.old_value} → {self.new_value}"


class RevisionHead(models.Model):
    """The end of a plan's revision chain, written with each revision.

    Without it, deleting the newest revisions would leave a shorter chain that still verifies.
    A row of its own (not columns of the plan) so that saving the plan never overwrites it.
    """

    plan = models.OneToOneField(
        StrategicPlan,
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="revision_head",
    )
    sequence = models.PositiveIntegerField(_("last revision number"))
    content_hash = models.CharField(_("last revision hash"), max_length=64)

    class Meta:
        verbose_name = _("revision chain head")
        verbose_name_plural = _("revision chain heads")

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.sequence}"


class TargetRevisionManager(models.Manager["TargetRevision"]):
    def get_queryset(self) -> models.QuerySet[TargetRevision]:
        return super().get_queryset().filter(kind=FigureRevision.Kind.TARGET)


class TargetRevision(FigureRevision):
    """Hedef değişikliği (GLOSSARY): the target-kind rows of the one revision chain."""

    objects = TargetRevisionManager()  # type: ignore[misc]

    class Meta:
        proxy = True
        verbose_name = _("target revision")
        verbose_name_plural = _("target revisions")
