"""The search index: one row per searchable object, holding its folded text.

``text`` is ``ortak.core.turkish.search_key`` of the title and body, so "ISPARTA", "ıspart" and
"Isparta" meet. The full-text index over it is created by migrations for the database in use:
on PostgreSQL a stored generated column ``search_vector`` (``to_tsvector('turkish', text) ||
to_tsvector('simple', text)``, migration 0004) with a GIN index, unknown to the ORM; on SQLite
an FTS5 table kept in sync by triggers (migration 0002).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ortak.organizations.models import Municipality
from ortak.plans.models import StrategicPlan


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        PLAN = "plan", _("strategic plan")
        AIM = "aim", _("aim")
        OBJECTIVE = "objective", _("objective")
        INDICATOR = "indicator", _("performance indicator")
        ACTIVITY = "activity", _("activity")
        SUGGESTION = "suggestion", _("suggestion")
        OFFER = "offer", _("cooperation offer")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("object id"))
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    plan = models.ForeignKey(
        StrategicPlan,
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=300)
    excerpt = models.CharField(_("excerpt"), max_length=300, blank=True)
    url = models.CharField(_("link"), max_length=500)
    text = models.TextField(_("folded text"))
    is_public = models.BooleanField(_("public"), default=True)
    updated_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique"),
        ]
        indexes = [models.Index(fields=["plan"], name="search_entry_plan_idx")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"
