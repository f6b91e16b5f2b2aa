"""Provinces, municipalities and their units, civil-society organizations, and memberships."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.core.models import TimeStampedModel, TurkishSortedName
from ortak.core.turkish import search_key

# Law 5216 and the strategic-planning regulation: metropolitan municipalities and those of
# 50,000+ people must publish a strategic plan.
PLAN_REQUIRED_POPULATION = 50_000


class SearchableName(models.Model):
    """A model with a ``name`` whose folded search key is kept in ``search_text``.

    Like ``name_sort``, the key is derived data refreshed on every save, so that a search for
    "karsiyaka", "KARŞIYAKA" or "Karşıyaka" is one indexed ``LIKE`` on every database.
    """

    search_text = models.CharField(max_length=200, editable=False, db_index=True, default="")

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = search_key(self.name)  # type: ignore[attr-defined]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)


class Province(TurkishSortedName):
    code = models.PositiveSmallIntegerField(_("plate code"), unique=True)
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    is_metropolitan = models.BooleanField(
        _("metropolitan province"),
        default=False,
        help_text=_("The province has a metropolitan municipality (Law 6360)."),
    )

    class Meta(TurkishSortedName.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["name_sort"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__gte=1, code__lte=81), name="province_code_1_81"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Municipality(SearchableName, TurkishSortedName, TimeStampedModel):
    class Kind(models.TextChoices):
        METROPOLITAN = "metropolitan", _("metropolitan municipality")
        PROVINCIAL = "provincial", _("provincial municipality")
        METROPOLITAN_DISTRICT = "metropolitan_district", _("metropolitan district municipality")
        DISTRICT = "district", _("district municipality")
        TOWN = "town", _("town municipality")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("metropolitan municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="districts",
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)
    area_km2 = models.DecimalField(
        _("area (km²)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    is_pilot = models.BooleanField(
        _("MoDeL pilot"), default=False, help_text=_("One of the MoDeL programme's pilots.")
    )
    answer_deadline_days = models.PositiveSmallIntegerField(
        _("answer deadline (days)"),
        null=True,
        blank=True,
        help_text=_("Days to the first answer; empty means the legal 30 days."),
    )
    plan_required = models.GeneratedField(
        expression=Case(
            When(
                Q(kind="metropolitan") | Q(population__gte=PLAN_REQUIRED_POPULATION),
                then=True,
            ),
            default=False,
            output_field=models.BooleanField(),
        ),
        output_field=models.BooleanField(),
        db_persist=True,
        verbose_name=_("strategic plan required"),
    )

    class Meta(TurkishSortedName.Meta):
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name_sort"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answer_deadline_days__isnull=True)
                | Q(answer_deadline_days__gte=1, answer_deadline_days__lte=30),
                name="municipality_deadline_within_legal_30_days",
            ),
            models.CheckConstraint(
                condition=Q(parent__isnull=True) | Q(kind__in=["metropolitan_district", "town"]),
                name="municipality_only_districts_have_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors: dict[str, ValidationError] = {}
        if self.kind == self.Kind.METROPOLITAN_DISTRICT and self.parent_id is None:
            errors["parent"] = ValidationError(
                _("A metropolitan district municipality belongs to a metropolitan municipality."),
                code="parent_required",
            )
        if self.parent is not None:
            if self.parent.kind != self.Kind.METROPOLITAN:
                errors["parent"] = ValidationError(
                    _("The parent must be a metropolitan municipality."), code="parent_kind"
                )
            elif self.parent.province_id != self.province_id:
                errors["parent"] = ValidationError(
                    _("The metropolitan municipality must be in the same province."),
                    code="parent_province",
                )
        if (
            self.kind == self.Kind.PROVINCIAL
            and self.province_id is not None
            and self.province.is_metropolitan
        ):
            errors["kind"] = ValidationError(
                _("A metropolitan province has a metropolitan municipality, not a provincial one."),
                code="provincial_in_metropolitan_province",
            )
        if (self.population is None) != (self.population_year is None):
            errors["population_year"] = ValidationError(
                _("Give the population together with the year it was counted."),
                code="population_year",
            )
        if errors:
            raise ValidationError(errors)


class Unit(TimeStampedModel):
    """A department (müdürlük) of a municipality."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.CASCADE, related_name="units"
    )
    name = models.CharField(_("name"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=80)
    is_strategy_unit = models.BooleanField(
        _("strategy unit"),
        default=False,
        help_text=_("Contributions without a responsible unit are routed here."),
    )

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="unit_slug_unique"),
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(is_strategy_unit=True),
                name="unit_one_strategy_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.name


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


class Membership(TimeStampedModel):
    """A user's role in exactly one municipality or one organization (ARCHITECTURE §5)."""

    class Role(models.TextChoices):
        # municipality roles
        EDITOR = "editor", _("municipality editor (strategy unit)")
        RESPONDER = "responder", _("municipality responder (unit staff)")
        MUNICIPALITY_ADMIN = "municipality_admin", _("municipality admin")
        # organization roles
        MEMBER = "member", _("organization member")
        REPRESENTATIVE = "representative", _("organization representative")
        ORGANIZATION_ADMIN = "organization_admin", _("organization admin")

    MUNICIPALITY_ROLES = (Role.EDITOR, Role.RESPONDER, Role.MUNICIPALITY_ADMIN)
    ORGANIZATION_ROLES = (Role.MEMBER, Role.REPRESENTATIVE, Role.ORGANIZATION_ADMIN)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
        help_text=_("For responders: the unit whose contributions they answer."),
    )
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(municipality__isnull=False, organization__isnull=True)
                    & Q(role__in=["editor", "responder", "municipality_admin"])
                )
                | (
                    Q(municipality__isnull=True, organization__isnull=False, unit__isnull=True)
                    & Q(role__in=["member", "representative", "organization_admin"])
                ),
                name="membership_one_target_matching_role",
            ),
            models.UniqueConstraint(
                fields=["user", "municipality"],
                condition=Q(municipality__isnull=False),
                name="membership_unique_user_municipality",
            ),
            models.UniqueConstraint(
                fields=["user", "organization"],
                condition=Q(organization__isnull=False),
                name="membership_unique_user_organization",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.municipality or self.organization} ({self.get_role_display()})"

    @property
    def target(self) -> Municipality | Organization:
        target = self.municipality or self.organization
        assert target is not None
        return target

    @property
    def is_admin(self) -> bool:
        return self.role in (self.Role.MUNICIPALITY_ADMIN, self.Role.ORGANIZATION_ADMIN)

    def clean(self) -> None:
        super().clean()
        validate_unit_in_municipality(self.unit, self.municipality_id)


def validate_unit_in_municipality(unit: Unit | None, municipality_id: int | None) -> None:
    if unit is not None and unit.municipality_id != municipality_id:
        raise ValidationError(
            {"unit": _("The unit must belong to the same municipality.")}, code="unit_elsewhere"
        )


class Invitation(TimeStampedModel):
    """An e-mailed offer of a role in a municipality or an organization.

    The token in the link is not enough on its own: accepting needs a signed-in account with
    the invited address verified (see ``permissions.can_accept_invitation``).
    """

    email = models.EmailField(_("e-mail address"))
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    role = models.CharField(_("role"), max_length=24, choices=Membership.Role.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(municipality__isnull=False, organization__isnull=True)
                    & Q(role__in=["editor", "responder", "municipality_admin"])
                )
                | (
                    Q(municipality__isnull=True, organization__isnull=False, unit__isnull=True)
                    & Q(role__in=["member", "representative", "organization_admin"])
                ),
                name="invitation_one_target_matching_role",
            ),
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(revoked_at__isnull=True),
                name="invitation_not_accepted_and_revoked",
            ),
            models.UniqueConstraint(
                fields=["email", "municipality"],
                condition=Q(
                    municipality__isnull=False, accepted_at__isnull=True, revoked_at__isnull=True
                ),
                name="invitation_one_open_per_municipality",
            ),
            models.UniqueConstraint(
                fields=["email", "organization"],
                condition=Q(
                    organization__isnull=False, accepted_at__isnull=True, revoked_at__isnull=True
                ),
                name="invitation_one_open_per_organization",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.email} → {self.municipality or self.organization} ({self.get_role_display()})"
        )

    @property
    def target(self) -> Municipality | Organization:
        target = self.municipality or self.organization
        assert target is not None
        return target

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_open(self) -> bool:
        """Still acceptable: not accepted, not revoked, not expired."""
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired

    def clean(self) -> None:
        super().clean()
        validate_unit_in_municipality(self.unit, self.municipality_id)
