"""Provinces, municipalities and their units, civil-society organizations, and memberships."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, When
from django.utils.translation import gettext_lazy as _

from ortak.core.models import TimeStampedModel, TurkishSortedName

# Law 5216 and the strategic-planning regulation: metropolitan municipalities and those of
# 50,000+ people must publish a strategic plan.
PLAN_REQUIRED_POPULATION = 50_000


class Province(TurkishSortedName):
    code = models.PositiveSmallIntegerField(_("plate code"), unique=True)
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

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


class Municipality(TurkishSortedName, TimeStampedModel):
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


class Organization(TurkishSortedName, TimeStampedModel):
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

    def __str__(self) -> str:
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verification == self.Verification.VERIFIED


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
