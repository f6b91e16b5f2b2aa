"""Provinces, municipalities and their units (the public-sector side)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, When
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
