"""Gölge izleme: organizations' own assessments of plan items, and the municipality's reply.

A verified organization's members assess an objective, an indicator or an activity for one
monitoring period. The assessment is shown beside the municipality's figures; the municipality
may reply once, publicly. Each objective keeps a stored summary of the assessments of itself and
of the indicators and activities under it, so that its page reads one row.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ortak.core.models import TimeStampedModel
from ortak.monitoring.models.calendar import MonitoringPeriod
from ortak.organizations.models import Organization
from ortak.plans.models import NodeKind, Objective, PlanNodeReference, StrategicPlan

TEXT_MAX_LENGTH = 10_000
ASSESSABLE_KINDS = (NodeKind.OBJECTIVE, NodeKind.INDICATOR, NodeKind.ACTIVITY)


class Rating(models.TextChoices):
    ON_TRACK = "on_track", _("on track")
    AT_RISK = "at_risk", _("at risk")
    OFF_TRACK = "off_track", _("off track")
    CANNOT_ASSESS = "cannot_assess", _("cannot assess")


class Assessment(PlanNodeReference, TimeStampedModel):
    """STK değerlendirmesi: one organization's rating of one plan item for one period."""

    Rating = Rating

    period = models.ForeignKey(
        MonitoringPeriod,
        verbose_name=_("period"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessments",
    )
    rating = models.CharField(_("rating"), max_length=16, choices=Rating.choices)
    observed_value = models.DecimalField(
        _("observed value"),
        max_digits=20,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("The value the organization observed, if it measured one."),
    )
    narrative = models.TextField(
        _("assessment"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Plain text, or simple markdown: **bold**, *italic*, lists and links."),
    )
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)

    class Meta(PlanNodeReference.Meta):
        verbose_name = _("CSO assessment")
        verbose_name_plural = _("CSO assessments")
        ordering = ["-created_at", "-id"]
        indexes = [
            *PlanNodeReference.Meta.indexes,
            models.Index(fields=["plan", "period"], name="assessment_plan_period_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(node_kind__in=[kind.value for kind in ASSESSABLE_KINDS]),
                name="assessment_node_kind_assessable",
            ),
            models.UniqueConstraint(
                fields=["organization", "node_kind", "node_id", "period"],
                name="assessment_unique_per_organization_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.node_kind} {self.node_id} {self.period.code}"


class AssessmentEvidence(models.Model):
    """A file or a link that backs an assessment (exactly one of the two)."""

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(_("file"), upload_to="monitoring/assessments/%Y/", blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("assessment evidence")
        verbose_name_plural = _("assessment evidence")
        ordering = ["assessment", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="assessment_evidence_file_or_link",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.url or self.file.name


class AssessmentReply(TimeStampedModel):
    """The municipality's right of reply: one public reply per assessment."""

    assessment = models.OneToOneField(
        Assessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="reply"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(
        _("reply"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Plain text, or simple markdown: **bold**, *italic*, lists and links."),
    )
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)

    class Meta:
        verbose_name = _("municipality's reply")
        verbose_name_plural = _("municipality's replies")

    def __str__(self) -> str:
        return f"{self.assessment}: reply"


class ObjectiveAssessmentSummary(models.Model):
    """Sivil toplumun görüşü: the assessments of an objective and of the items under it.

    Written by the assessment services in the same transaction as the assessment (a
    denormalisation: the objective page reads one row). Only each organization's latest
    assessment of each item counts. ``items`` lists them (kind, id, code, organization, rating,
    period) so that the page can compare each rating with the item's current computed status,
    which changes when values are published.
    """

    objective = models.OneToOneField(
        Objective,
        verbose_name=_("objective"),
        on_delete=models.CASCADE,
        related_name="assessment_summary",
    )
    plan = models.ForeignKey(
        StrategicPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="+"
    )
    organizations = models.PositiveIntegerField(_("organizations"), default=0)
    assessments = models.PositiveIntegerField(_("assessments"), default=0)
    on_track = models.PositiveIntegerField(_("on track"), default=0)
    at_risk = models.PositiveIntegerField(_("at risk"), default=0)
    off_track = models.PositiveIntegerField(_("off track"), default=0)
    cannot_assess = models.PositiveIntegerField(_("cannot assess"), default=0)
    items = models.JSONField(_("latest assessments"), default=list, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("assessment summary")
        verbose_name_plural = _("assessment summaries")

    def __str__(self) -> str:
        return f"{self.objective}: {self.organizations}"
