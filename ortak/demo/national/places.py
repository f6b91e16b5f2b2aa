"""The municipalities of the country and their units.

``structure`` lays out the whole country (pure: provinces and the existing municipalities in,
specifications out); ``sample`` keeps a share of it for a scale below 1; ``write_places`` stores
the generated ones with their units. Existing municipalities of a kind in a province (the
reference data, or any entered by hand) take the place of generated ones: Istanbul keeps its
metropolitan municipality and its four reference districts and gets 35 generated ones.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ortak.core.turkish import collation_key, search_key, slugify
from ortak.demo.national import geography
from ortak.demo.national.names import place_names
from ortak.demo.national.options import MARK, Options
from ortak.demo.plans.content import STRATEGY_UNIT, UNITS, unit_name
from ortak.demo.plans.content.types import MunicipalityKind
from ortak.organizations.models import PLAN_REQUIRED_POPULATION, Municipality, Province, Unit

Kind = Municipality.Kind
# Units of a municipality without a plan (the plan municipalities get every unit of the bank).
SMALL_UNITS = ("strateji", "fen", "park", "temizlik", "zabita", "imar", "kultur", "mali")
# A town's population: Law 5393 asks for 5,000 to found one; many have fallen below since.
TOWN_POPULATION = (1_500, 16_000)


@dataclass(frozen=True)
class ExistingPlace:
    slug: str
    kind: str
    province_code: int


@dataclass(frozen=True)
class PlaceSpec:
    slug: str
    name: str
    kind: str
    province_code: int
    parent_slug: str | None
    population: int

    @property
    def plan_required(self) -> bool:
        return self.kind == Kind.METROPOLITAN or self.population >= PLAN_REQUIRED_POPULATION


@dataclass(frozen=True)
class Place:
    """A generated municipality as later phases need it."""

    id: int
    slug: str
    name: str
    kind: str
    province_id: int
    population: int
    plan_required: bool
    units: dict[str, int] = field(default_factory=dict)  # unit key → id (plan municipalities)
    strategy_unit: int | None = None
    unit_ids: tuple[int, ...] = ()

    @property
    def content_kind(self) -> MunicipalityKind:
        return content_kind(self.kind)


def content_kind(kind: str) -> MunicipalityKind:
    """Which plans and unit names of the content bank fit: districts and towns outside
    metropolitan provinces run their services alone, like a provincial municipality."""
    if kind == Kind.METROPOLITAN:
        return "metropolitan"
    if kind == Kind.METROPOLITAN_DISTRICT:
        return "metropolitan_district"
    return "provincial"


def unit_names(kind: str, plan_required: bool) -> dict[str, str]:
    """Unit key → unit name: every unit of the bank where there is a plan, a few elsewhere."""
    keys = UNITS if plan_required else SMALL_UNITS
    return {key: unit_name(key, content_kind(kind)) for key in keys}


def _shares(rng: random.Random, count: int, sigma: float) -> list[float]:
    weights = [rng.lognormvariate(0, sigma) for _ in range(max(count, 1))]
    total = sum(weights)
    return [w / total for w in weights]


def _towns_per_province(non_metropolitan: Sequence[int]) -> dict[int, int]:
    """Spread the towns over the provinces in proportion to their district municipalities."""
    weights = {code: geography.DISTRICTS[code] - 1 for code in non_metropolitan}
    total = sum(weights.values())
    exact = {code: geography.TOWNS * w / total for code, w in weights.items()}
    counts = {code: math.floor(x) for code, x in exact.items()}
    left = geography.TOWNS - sum(counts.values())
    for code in sorted(exact, key=lambda c: (counts[c] - exact[c], c))[:left]:
        counts[code] += 1
    return counts


def structure(
    options: Options, provinces: Sequence[Province], existing: Iterable[ExistingPlace]
) -> list[PlaceSpec]:
    """Every municipality the country should have and does not: metropolitan or provincial ones
    first, so that parents come before their districts."""
    have: dict[tuple[int, str], list[str]] = defaultdict(list)
    for place in existing:
        have[(place.province_code, place.kind)].append(place.slug)
    towns = _towns_per_province([p.code for p in provinces if not p.is_metropolitan])
    tops: list[PlaceSpec] = []
    rest: list[PlaceSpec] = []
    for province in sorted(provinces, key=lambda p: p.code):
        rng = options.rng("places", province.code)
        people = geography.POPULATION[province.code] * 1000
        top_kind = Kind.METROPOLITAN if province.is_metropolitan else Kind.PROVINCIAL
        top_slugs = have[(province.code, top_kind)]
        if province.is_metropolitan:
            top_share, district_kind = 1.0, Kind.METROPOLITAN_DISTRICT
            districts = geography.DISTRICTS[province.code]
            district_people = float(people)
            top_name, top_slug = (
                f"{province.name} Büyükşehir Belediyesi",
                f"{MARK}{province.slug}-buyuksehir",
            )
        else:
            top_share = rng.uniform(0.35, 0.6)
            district_kind = Kind.DISTRICT
            districts = geography.DISTRICTS[province.code] - 1  # the centre is the province's
            district_people = people * (1 - top_share) * 0.85
            top_name, top_slug = f"{province.name} Belediyesi", f"{MARK}{province.slug}"
        parent = top_slugs[0] if top_slugs else top_slug
        if not top_slugs:
            population = round(people * top_share * rng.uniform(0.98, 1.02))
            tops.append(PlaceSpec(top_slug, top_name, top_kind, province.code, None, population))
        missing = max(0, districts - len(have[(province.code, district_kind)]))
        town_count = 0 if province.is_metropolitan else towns[province.code]
        names = place_names(rng, missing + town_count)
        shares = _shares(rng, districts, 1.1 if province.is_metropolitan else 0.8)
        for name, share in zip(names[:missing], shares, strict=False):
            rest.append(
                PlaceSpec(
                    f"{MARK}{slugify(name)}-{province.slug}",
                    f"{name} Belediyesi",
                    district_kind,
                    province.code,
                    parent if province.is_metropolitan else None,
                    max(1_000, round(district_people * share)),
                )
            )
        for name in names[missing:]:
            rest.append(
                PlaceSpec(
                    f"{MARK}{slugify(name)}-{province.slug}",
                    f"{name} Belediyesi",
                    Kind.TOWN,
                    province.code,
                    None,
                    round(rng.uniform(*TOWN_POPULATION)),
                )
            )
    return tops + rest


def _systematic(items: list[PlaceSpec], count: int, rng: random.Random) -> list[PlaceSpec]:
    """Every k-th item from a random start: a sample that keeps the kinds' proportions."""
    if count <= 0:
        return []
    if count >= len(items):
        return items
    step = len(items) / count
    start = rng.random() * step
    return [items[int(start + i * step)] for i in range(count)]


def sample(specs: list[PlaceSpec], options: Options) -> list[PlaceSpec]:
    """A share ``scale`` of the country (all of it from 1.0 up).

    Each kind is sampled apart, plan municipalities apart from the others, so that the kinds keep
    their proportions; metropolitan districts only where their metropolitan municipality exists
    or was chosen, so that the sample needs no parents beyond its share.
    """
    if options.scale >= 1:
        return specs
    rng = options.rng("sample")
    generated = {s.slug for s in specs}
    chosen: list[PlaceSpec] = []
    for kinds in (
        (Kind.METROPOLITAN, Kind.PROVINCIAL),
        (Kind.METROPOLITAN_DISTRICT,),
        (Kind.DISTRICT, Kind.TOWN),
    ):
        slugs = {s.slug for s in chosen}
        for required in (True, False):
            stratum = [s for s in specs if s.kind in kinds and s.plan_required == required]
            eligible = [
                s
                for s in stratum
                if s.parent_slug is None or s.parent_slug not in generated or s.parent_slug in slugs
            ]
            chosen += _systematic(eligible, round(len(stratum) * options.scale), rng)
    if not any(s.plan_required for s in chosen):
        chosen += _systematic([s for s in specs if s.plan_required and not s.parent_slug], 1, rng)
    slugs = {s.slug for s in chosen}
    return [s for s in specs if s.slug in slugs]


def write_places(
    specs: list[PlaceSpec], options: Options, tick: Callable[[int], None]
) -> list[Place]:
    """Store the municipalities (parents first) and their units; return them with unit ids."""
    provinces = {p.code: p for p in Province.objects.all()}
    existing = dict(Municipality.objects.values_list("slug", "pk"))
    by_slug: dict[str, Municipality] = {}
    for wave in (
        [s for s in specs if s.parent_slug is None],
        [s for s in specs if s.parent_slug],
    ):
        rows = [
            Municipality(
                name=spec.name,
                name_sort=collation_key(spec.name),
                search_text=search_key(spec.name),
                slug=spec.slug,
                kind=spec.kind,
                province=provinces[spec.province_code],
                parent_id=(
                    by_slug[spec.parent_slug].pk
                    if spec.parent_slug in by_slug
                    else existing.get(spec.parent_slug or "")
                ),
                population=spec.population,
                population_year=geography.POPULATION_YEAR,
            )
            for spec in wave
        ]
        for row in Municipality.objects.bulk_create(rows, batch_size=options.batch_size):
            by_slug[row.slug] = row
        tick(len(rows))
    return _write_units(specs, by_slug, options)


def _write_units(
    specs: list[PlaceSpec], rows: dict[str, Municipality], options: Options
) -> list[Place]:
    units: list[Unit] = []
    for spec in specs:
        municipality = rows[spec.slug]
        names = unit_names(spec.kind, spec.plan_required)
        strategy = names[STRATEGY_UNIT]
        for name in sorted(set(names.values())):
            units.append(
                Unit(
                    municipality=municipality,
                    name=name,
                    slug=slugify(name),
                    is_strategy_unit=name == strategy,
                )
            )
    Unit.objects.bulk_create(units, batch_size=options.batch_size)
    unit_ids: dict[tuple[int, str], int] = {(u.municipality_id, u.name): u.pk for u in units}
    required = set(
        Municipality.objects.filter(pk__in=[r.pk for r in rows.values()], plan_required=True)
        .values_list("pk", flat=True)
        .iterator()
    )
    places = []
    for spec in specs:
        row = rows[spec.slug]
        names = unit_names(spec.kind, spec.plan_required)
        by_key = {key: unit_ids[(row.pk, name)] for key, name in names.items()}
        places.append(
            Place(
                id=row.pk,
                slug=spec.slug,
                name=spec.name,
                kind=spec.kind,
                province_id=row.province_id,
                population=spec.population,
                plan_required=row.pk in required,
                units=by_key if row.pk in required else {},
                strategy_unit=by_key[STRATEGY_UNIT],
                unit_ids=tuple(sorted(set(by_key.values()))),
            )
        )
    return places
