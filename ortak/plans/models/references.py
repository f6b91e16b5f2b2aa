"""The one generic reference to a plan node (ARCHITECTURE §3).

Participation items (suggestions, offers, comments, assessments) point at exactly one node of a
plan: the plan itself, an aim, an objective, an indicator or an activity. Instead of five
nullable foreign keys or a ContentType generic relation, every such model inherits
``PlanNodeReference``: the plan (a real foreign key, for "everything about this plan" queries),
the node kind and the node id, with one composite index.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class NodeKind(models.TextChoices):
    PLAN = "plan", _("plan")
    AIM = "aim", _("aim")
    OBJECTIVE = "objective", _("objective")
    INDICATOR = "indicator", _("indicator")
    ACTIVITY = "activity", _("activity")


class PlanNodeReference(models.Model):
    plan = models.ForeignKey(
        "plans.StrategicPlan",
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    node_kind = models.CharField(_("plan item kind"), max_length=10, choices=NodeKind.choices)
    node_id = models.PositiveBigIntegerField(_("plan item id"))

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["node_kind", "node_id"], name="%(class)s_node_idx")]

    @property
    def node(self) -> models.Model:
        """The referenced object (one query; use plans.selectors to resolve many at once)."""
        from ortak.plans.nodes import resolve_node

        return resolve_node(self.node_kind, self.node_id)
