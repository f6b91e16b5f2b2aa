"""Contributions (suggestions and cooperation offers), their answers, attachments and history.

Why one table for both kinds: a suggestion and a cooperation offer share everything the
municipality works with: the target plan node, the routed unit, the author and organization,
the status, the answers, the legal deadline, the comments, follows and flags. One table gives one
inbox query (sorted "overdue first" across both kinds), one set of responsiveness figures and one
foreign key from every answer, comment, follow and flag. The offer-only fields (what is offered,
the period, the contact person) are a handful of blank-able columns, guarded by check
constraints. ``Suggestion`` and ``CooperationOffer`` are proxy models over the table, so code
and the admin still speak the glossary's words.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.core.models import TimeStampedModel
from ortak.organizations.models import Municipality, Organization, Unit
from ortak.plans.models import Activity, PlanNodeReference

TITLE_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 10_000


class Status(models.TextChoices):
    RECEIVED = "received", _("received")
    UNDER_REVIEW = "under_review", _("under review")
    ACCEPTED = "accepted", _("accepted")
    PARTLY_ACCEPTED = "partly_accepted", _("partly accepted")
    DECLINED = "declined", _("declined")
    IMPLEMENTED = "implemented", _("implemented")


class Offered(models.TextChoices):
    """What an organization offers (GLOSSARY: İşbirliği teklifi)."""

    EXPERTISE = "expertise", _("expertise")
    VOLUNTEERS = "volunteers", _("volunteers")
    VENUE = "venue", _("venue")
    IN_KIND = "in_kind", _("in-kind support")
    FUNDING = "funding", _("funding")
    DATA = "data", _("data")
    CO_IMPLEMENTATION = "co_implementation", _("co-implementation")


class ContributionQuerySet(models.QuerySet["Contribution"]):
    def suggestions(self) -> ContributionQuerySet:
        return self.filter(kind=Contribution.Kind.SUGGESTION)

    def offers(self) -> ContributionQuerySet:
        return self.filter(kind=Contribution.Kind.OFFER)

    def published(self) -> ContributionQuerySet:
        """What every visitor may see: public and not hidden by a moderator."""
        return self.filter(is_public=True, hidden_at__isnull=True)

    def awaiting_first_answer(self) -> ContributionQuerySet:
        return self.filter(first_answered_at__isnull=True)

    def overdue(self, now: Any = None) -> ContributionQuerySet:
        return self.filter(first_answered_at__isnull=True, due_at__lt=now or timezone.now())


class Contribution(PlanNodeReference, TimeStampedModel):
    """A suggestion (öneri) or a cooperation offer (işbirliği teklifi) about one plan node.

    ``created_at`` is the moment the municipality received it; the deadline runs from there.
    """

    class Kind(models.TextChoices):
        SUGGESTION = "suggestion", _("suggestion")
        OFFER = "offer", _("cooperation offer")

    Status = Status
    Offered = Offered

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # Set by the service (not auto_now_add) so that the deadline is computed from exactly this
    # moment; the demo data also backdates it.
    created_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    # Denormalised from the plan: the inbox and the figures filter by municipality and unit.
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
        help_text=_("The unit that answers: the target's responsible unit or the strategy unit."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    text = models.TextField(
        _("text"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Plain text, or simple markdown: **bold**, *italic*, lists and links."),
    )
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_(
            "Public contributions can be read by everyone; others only by the municipality."
        ),
    )
    # Offer-only fields.
    offered = models.JSONField(_("what is offered"), default=list, blank=True)
    period_start = models.DateField(_("from"), null=True, blank=True)
    period_end = models.DateField(_("until"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    # The answer process. Stored so that the inbox and the figures are plain indexed reads.
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.RECEIVED
    )
    due_at = models.DateTimeField(_("first answer due"))
    first_answered_at = models.DateTimeField(_("first answered at"), null=True, blank=True)
    answered_within_deadline = models.BooleanField(
        _("answered within the deadline"), null=True, blank=True
    )
    implementing_activity = models.ForeignKey(
        Activity,
        verbose_name=_("implemented by activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="implemented_contributions",
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("overdue notice sent at"), null=True, blank=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)

    # Counters kept by the services with F() updates in the same transaction.
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    comment_count = models.PositiveIntegerField(_("comments"), default=0)

    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)

    objects = ContributionQuerySet.as_manager()

    class Meta(PlanNodeReference.Meta):
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-created_at", "-id"]
        indexes = [
            *PlanNodeReference.Meta.indexes,
            models.Index(fields=["municipality", "unit", "due_at"], name="contribution_inbox_idx"),
            models.Index(fields=["municipality", "-created_at"], name="contribution_list_idx"),
            models.Index(
                fields=["due_at"],
                condition=Q(first_answered_at__isnull=True),
                name="contribution_unanswered_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="suggestion") | Q(organization__isnull=False),
                name="contribution_offer_has_organization",
            ),
            models.CheckConstraint(
                condition=Q(kind="offer")
                | (Q(contact_name="") & Q(contact_email="") & Q(contact_phone="")),
                name="contribution_contact_only_on_offers",
            ),
            models.CheckConstraint(
                condition=Q(status="received") | Q(first_answered_at__isnull=False),
                name="contribution_status_needs_answer",
            ),
            models.CheckConstraint(
                condition=Q(first_answered_at__isnull=True, answered_within_deadline__isnull=True)
                | Q(first_answered_at__isnull=False, answered_within_deadline__isnull=False),
                name="contribution_deadline_flag_with_answer",
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="contribution_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True) | ~Q(hidden_reason=""),
                name="contribution_hidden_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_suggestion(self) -> bool:
        return self.kind == self.Kind.SUGGESTION

    @property
    def is_offer(self) -> bool:
        return self.kind == self.Kind.OFFER

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_overdue(self) -> bool:
        """No first answer and the deadline has passed (the badge on every list)."""
        return self.first_answered_at is None and self.due_at < timezone.now()

    @property
    def offered_labels(self) -> list[str]:
        labels = dict(Offered.choices)
        return [str(labels.get(code, code)) for code in self.offered or []]

    def clean(self) -> None:
        super().clean()
        errors: dict[str, ValidationError] = {}
        offered = self.offered
        if not isinstance(offered, list) or any(v not in Offered.values for v in offered):
            errors["offered"] = ValidationError(
                _("Choose what you offer from the list."), code="offered_invalid"
            )
        elif self.kind == self.Kind.OFFER and not offered:
            errors["offered"] = ValidationError(
                _("Choose at least one thing you offer."), code="offered_required"
            )
        elif self.kind == self.Kind.SUGGESTION and offered:
            errors["offered"] = ValidationError(
                _("Only cooperation offers list what is offered."), code="offered_on_suggestion"
            )
        if self.kind == self.Kind.OFFER and not self.contact_name:
            errors["contact_name"] = ValidationError(
                _("Name the person the municipality can contact."), code="contact_required"
            )
        if self.kind == self.Kind.OFFER and not (self.contact_email or self.contact_phone):
            errors["contact_email"] = ValidationError(
                _("Give an e-mail address or a phone number for the contact person."),
                code="contact_channel_required",
            )
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = ValidationError(
                _("The period must end after it starts."), code="period_order"
            )
        if self.unit is not None and self.unit.municipality_id != self.municipality_id:
            errors["unit"] = ValidationError(
                _("The unit must belong to the same municipality."), code="unit_elsewhere"
            )
        if errors:
            raise ValidationError(errors)


class _KindManager(models.Manager[Contribution]):
    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind

    def get_queryset(self) -> models.QuerySet[Contribution]:
        return super().get_queryset().filter(kind=self.kind)


class Suggestion(Contribution):
    """Öneri: a proposal about a plan item from a citizen or an organization."""

    KIND = Contribution.Kind.SUGGESTION
    objects = _KindManager(Contribution.Kind.SUGGESTION)  # type: ignore[assignment,misc]

    class Meta:
        proxy = True
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if not args:
            kwargs.setdefault("kind", self.KIND)
        super().__init__(*args, **kwargs)


class CooperationOffer(Contribution):
    """İşbirliği teklifi: a verified organization's offer to work on a plan item."""

    KIND = Contribution.Kind.OFFER
    objects = _KindManager(Contribution.Kind.OFFER)  # type: ignore[assignment,misc]

    class Meta:
        proxy = True
        verbose_name = _("cooperation offer")
        verbose_name_plural = _("cooperation offers")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if not args:
            kwargs.setdefault("kind", self.KIND)
        super().__init__(*args, **kwargs)


class Attachment(models.Model):
    """A file sent with a contribution; served through a view that checks who may read it."""

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to="participation/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["contribution", "id"]

    def __str__(self) -> str:
        return self.original_name


class Answer(models.Model):
    """One step of the municipality's answer: a status with its text, by whom and when.

    The rows of one contribution are its public history; the latest row gives the status.
    """

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    text = models.TextField(_("answer"), max_length=TEXT_MAX_LENGTH)
    reason = models.TextField(
        _("reason"),
        blank=True,
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Required when declining: why the municipality will not take this up."),
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("implemented by activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,  # the unit answers; the person is shown when known
        on_delete=models.SET_NULL,
        related_name="+",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("answered at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["contribution", "created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(status="received"), name="answer_status_is_a_step"),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(reason=""),
                name="answer_decline_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contribution} → {self.get_status_display()}"


class ContributionRevision(models.Model):
    """The text of a contribution before an edit made after the municipality answered.

    Once answered, a contribution's wording is part of the record: the answer refers to it.
    """

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    text = models.TextField(_("text"))
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("edited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("replaced at"), default=timezone.now)

    class Meta:
        verbose_name = _("contribution revision")
        verbose_name_plural = _("contribution revisions")
        ordering = ["contribution", "-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.created_at:%Y-%m-%d})"
