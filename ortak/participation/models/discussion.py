"""Comments, supports, follows and flags.

A comment's target. Every comment inherits ``PlanNodeReference`` and so always names a plan node:
a comment on a node names that node; a comment on a contribution also names the contribution
(``contribution``) and copies the contribution's node. One model and one index then answer both
"the discussion of this objective" (``contribution IS NULL``) and "everything said about this
plan", without a ContentType relation that the database cannot check.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ortak.core.models import TimeStampedModel
from ortak.organizations.models import Municipality
from ortak.participation.models.contributions import TEXT_MAX_LENGTH, Contribution
from ortak.plans.models import NodeKind, PlanNodeReference, StrategicPlan

COMMENT_MAX_LENGTH = 4_000


class Comment(PlanNodeReference, TimeStampedModel):
    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="participation_comments",
    )
    text = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)

    class Meta(PlanNodeReference.Meta):
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [
            *PlanNodeReference.Meta.indexes,
            models.Index(fields=["contribution", "created_at"], name="comment_contribution_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True) | ~Q(hidden_reason=""),
                name="comment_hidden_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class Support(models.Model):
    """Destek: one per user per suggestion, guaranteed by the database (concurrent clicks)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="supports",
    )
    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("suggestion"),
        on_delete=models.CASCADE,
        related_name="supports",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "user"], name="support_one_per_user_and_suggestion"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} + {self.contribution}"


class Follow(models.Model):
    """Takip: a user follows a municipality, a plan node or a contribution (exactly one)."""

    class Target(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        NODE = "node", _("plan item")
        CONTRIBUTION = "contribution", _("contribution")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    plan = models.ForeignKey(
        StrategicPlan,
        verbose_name=_("plan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    node_kind = models.CharField(
        _("plan item kind"), max_length=10, choices=NodeKind.choices, blank=True
    )
    node_id = models.PositiveBigIntegerField(_("plan item id"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        indexes = [models.Index(fields=["node_kind", "node_id"], name="follow_node_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    municipality__isnull=False,
                    contribution__isnull=True,
                    plan__isnull=True,
                    node_kind="",
                    node_id__isnull=True,
                )
                | Q(
                    municipality__isnull=True,
                    contribution__isnull=False,
                    plan__isnull=True,
                    node_kind="",
                    node_id__isnull=True,
                )
                | (
                    Q(
                        municipality__isnull=True,
                        contribution__isnull=True,
                        plan__isnull=False,
                        node_id__isnull=False,
                    )
                    & ~Q(node_kind="")
                ),
                name="follow_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "municipality"],
                condition=Q(municipality__isnull=False),
                name="follow_unique_municipality",
            ),
            models.UniqueConstraint(
                fields=["user", "contribution"],
                condition=Q(contribution__isnull=False),
                name="follow_unique_contribution",
            ),
            models.UniqueConstraint(
                fields=["user", "node_kind", "node_id"],
                condition=Q(node_id__isnull=False),
                name="follow_unique_node",
            ),
        ]

    def __str__(self) -> str:
        target = self.municipality or self.contribution or f"{self.node_kind}:{self.node_id}"
        return f"{self.user} → {target}"


class Flag(models.Model):
    """Şikâyet: a report of a contribution or a comment, decided by a moderator."""

    class State(models.TextChoices):
        OPEN = "open", _("open")
        KEPT = "kept", _("kept")
        HIDDEN = "hidden", _("hidden")

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="participation_flags",
    )
    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="flags",
    )
    comment = models.ForeignKey(
        Comment,
        verbose_name=_("comment"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="flags",
    )
    reason = models.TextField(_("reason"), max_length=TEXT_MAX_LENGTH)
    state = models.CharField(
        _("state"), max_length=8, choices=State.choices, default=State.OPEN, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("moderator's note"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(contribution__isnull=False, comment__isnull=True)
                | Q(contribution__isnull=True, comment__isnull=False),
                name="flag_exactly_one_target",
            ),
            models.CheckConstraint(
                condition=Q(state="open", decided_at__isnull=True)
                | (~Q(state="open") & Q(decided_at__isnull=False)),
                name="flag_decision_has_date",
            ),
            models.UniqueConstraint(
                fields=["reporter", "contribution"],
                condition=Q(contribution__isnull=False),
                name="flag_once_per_contribution",
            ),
            models.UniqueConstraint(
                fields=["reporter", "comment"],
                condition=Q(comment__isnull=False),
                name="flag_once_per_comment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_state_display()}: {self.contribution or self.comment}"

    @property
    def target(self) -> Contribution | Comment:
        target = self.contribution or self.comment
        assert target is not None
        return target
