"""Civil-society organizations and their fields of activity."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ortak.core.models import TimeStampedModel, TurkishSortedName
from ortak.organizations.models.places import Municipality, Province, SearchableName


class FieldOfActivity(models.TextChoices):
    """Fields of activity an organization may choose; stored as a list of these codes."""

    ENVIRONMENT = "environment", _("environment and climate")
    URBAN = "urban", _("urban planning and housing")
    TRANSPORT = "transport", _("transport and mobility")
    EDUCATION = "education", _("education")
    HEALTH = "health", _("health")
    SOCIAL = "social", _("social assistance and poverty")
    DISABILITY = "disability", _("disability and accessibility")
    WOMEN = "women", _("women and gender equality")
    CHILDREN_YOUTH = "children_youth", _("children and youth")
    ELDERLY = "elderly", _("elderly people")
    REFUGEES = "refugees", _("migrants and refugees")
    HUMAN_RIGHTS = "human_rights", _("human rights and democracy")
    TRANSPARENCY = "transparency", _("transparency and accountability")
    CULTURE = "culture", _("culture, arts and heritage")
    SPORTS = "sports", _("sports")
    DISASTER = "disaster", _("disaster preparedness")
    ECONOMY = "economy", _("local economy and employment")
    AGRICULTURE = "agriculture", _("agriculture and rural development")
    ANIMALS = "animals", _("animal rights")
    TECHNOLOGY = "technology", _("technology and open data")


class Organization(SearchableName, TurkishSortedName, TimeStampedModel):
    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("association")
        FOUNDATION = "foundation", _("foundation")
        PLATFORM = "platform", _("platform or initiative")
        COOPERATIVE = "cooperative", _("cooperative")
        UNION = "union", _("union")
        CHAMBER = "chamber", _("professional chamber")
        UNIVERSITY = "university", _("university")
        CITY_COUNCIL = "city_council", _("city council")

    class Verification(models.TextChoices):
        PENDING = "pending", _("pending verification")
        VERIFIED = "verified", _("verified")
        REJECTED = "rejected", _("rejected")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=90, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    registry_number = models.CharField(
        _("registry number"),
        max_length=40,
        blank=True,
        help_text=_("Number in the associations or foundations registry (DERBİS / VGM)."),
    )
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="organizations"
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organizations",
    )
    fields_of_activity = models.JSONField(_("fields of activity"), default=list, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    verification = models.CharField(
        _("verification"),
        max_length=10,
        choices=Verification.choices,
        default=Verification.PENDING,
        db_index=True,
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verification_note = models.TextField(_("verification note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta(TurkishSortedName.Meta):
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name_sort"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "registry_number"],
                condition=~Q(registry_number=""),
                name="organization_registry_number_unique",
                violation_error_message=_(
                    "An organization of this kind with this registry number is already registered."
                ),
            ),
            models.CheckConstraint(
                condition=Q(verification="pending") | Q(verified_at__isnull=False),
                name="organization_decision_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(verification="rejected") | ~Q(verification_note=""),
                name="organization_rejection_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verification == self.Verification.VERIFIED

    @property
    def fields_of_activity_labels(self) -> list[str]:
        labels = dict(FieldOfActivity.choices)
        return [str(labels.get(code, code)) for code in self.fields_of_activity or []]

    def clean(self) -> None:
        super().clean()
        errors: dict[str, ValidationError] = {}
        values = self.fields_of_activity
        if not isinstance(values, list) or any(v not in FieldOfActivity.values for v in values):
            errors["fields_of_activity"] = ValidationError(
                _("Choose fields of activity from the list."), code="invalid_field"
            )
        if (
            self.municipality is not None
            and self.province_id is not None
            and self.municipality.province_id != self.province_id
        ):
            errors["municipality"] = ValidationError(
                _("The municipality must be in the organization's province."),
                code="municipality_province",
            )
        if self.kind == self.Kind.CITY_COUNCIL and self.municipality_id is None:
            errors["municipality"] = ValidationError(
                _("A city council belongs to a municipality: choose it."),
                code="city_council_municipality",
            )
        if errors:
            raise ValidationError(errors)
