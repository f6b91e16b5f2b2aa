"""Stored progress aggregates (ARCHITECTURE §4 rule 8).

Every node of the plan carries its computed figures so that a page read costs a constant number
of queries. They are written only by ``ortak.plans.services`` in the same transaction as the
write that changes them, never by hand.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgressAggregate(models.Model):
    realization = models.DecimalField(
        _("realization (plan lens, %)"),
        null=True,
        blank=True,
        help_text=_("Clamped to 0–100; empty when nothing is reported."),
        max_digits=24,
        decimal_places=10,
    )
    coverage = models.DecimalField(
        _("coverage (%)"),
        null=True,
        blank=True,
        help_text=_("Share of the weight that has a usable value."),
        max_digits=24,
        decimal_places=10,
    )
    realization_by_year = models.JSONField(
        _("realization by year"),
        default=dict,
        blank=True,
        help_text=_("Year lens: {year: {realization, coverage}} as decimal strings."),
    )
    # Freshness (monitoring's badges): son güncelleme and gecikmiş, stored by the same pass.
    last_published_at = models.DateTimeField(
        _("last updated"),
        null=True,
        blank=True,
        help_text=_("When a value under this item was last published or revised."),
    )
    overdue_count = models.PositiveIntegerField(
        _("overdue indicators"),
        default=0,
        help_text=_("Indicators under this item whose value is overdue."),
    )
    aggregates_updated_at = models.DateTimeField(_("computed at"), null=True, blank=True)

    class Meta:
        abstract = True
