"""Users, organizations and memberships, in bulk.

Passwords: one hash, computed once with the configured hasher, is stored on every generated user
(hashing 500,000 passwords with Argon2 would take hours). It is the demo password, so the command
runs only with DEBUG or ``--force``, like ``load_demo``. Generated users have no verified e-mail
address (allauth's ``EmailAddress``): they are data for pages and benchmarks, not log-ins.
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from ortak.core.turkish import collation_key, search_key, slugify
from ortak.demo.context import DEMO_PASSWORD
from ortak.demo.national import geography
from ortak.demo.national.names import person_name
from ortak.demo.national.options import ISTANBUL, MARK, USER_DOMAIN, Options
from ortak.demo.national.places import Place
from ortak.organizations.models import (
    FieldOfActivity,
    Membership,
    Municipality,
    Organization,
    Province,
)

Role = Membership.Role
Field = FieldOfActivity
Kind = Organization.Kind

# How an organization's name reads for its main field of activity.
TOPICS: dict[str, str] = {
    Field.ENVIRONMENT: "Çevre ve Doğa Gönüllüleri",
    Field.URBAN: "Kent ve Yaşam",
    Field.TRANSPORT: "Bisiklet ve Ulaşım",
    Field.EDUCATION: "Eğitim Gönüllüleri",
    Field.HEALTH: "Sağlıklı Yaşam",
    Field.SOCIAL: "Sosyal Dayanışma",
    Field.DISABILITY: "Engelsiz Yaşam",
    Field.WOMEN: "Kadın Dayanışma",
    Field.CHILDREN_YOUTH: "Gençlik ve Çocuk",
    Field.ELDERLY: "Yaşlılara Destek",
    Field.REFUGEES: "Göç ve Uyum",
    Field.HUMAN_RIGHTS: "İnsan Hakları",
    Field.TRANSPARENCY: "Şeffaflık ve Katılım",
    Field.CULTURE: "Kültür ve Sanat",
    Field.SPORTS: "Amatör Spor Kulüpleri",
    Field.DISASTER: "Afet Gönüllüleri",
    Field.ECONOMY: "Girişimciler",
    Field.AGRICULTURE: "Üreticiler",
    Field.ANIMALS: "Hayvan Hakları",
    Field.TECHNOLOGY: "Açık Veri ve Teknoloji",
}
KINDS: dict[str, float] = {
    Kind.ASSOCIATION: 0.74,
    Kind.FOUNDATION: 0.1,
    Kind.PLATFORM: 0.05,
    Kind.COOPERATIVE: 0.05,
    Kind.UNION: 0.02,
    Kind.CHAMBER: 0.03,
    Kind.UNIVERSITY: 0.01,
}
SUFFIX: dict[str, str] = {
    Kind.ASSOCIATION: "Derneği",
    Kind.FOUNDATION: "Vakfı",
    Kind.PLATFORM: "Platformu",
    Kind.COOPERATIVE: "Kooperatifi",
    Kind.UNION: "Sendikası Şubesi",
    Kind.CHAMBER: "Odası",
    Kind.UNIVERSITY: "Üniversitesi",
}
CHAMBERS = ("Mimarlar", "İnşaat Mühendisleri", "Şehir Plancıları", "Tabip", "Ticaret ve Sanayi")
UNIVERSITIES = ("Teknik", "Bilim ve Teknoloji", "Uygulamalı Bilimler", "Sağlık Bilimleri")
REGISTERED = (Kind.ASSOCIATION, Kind.FOUNDATION, Kind.COOPERATIVE)
# Units whose staff answer most contributions get a responder each.
RESPONDER_UNITS = ("strateji", "fen", "park", "cevre", "sosyal", "kultur", "ulasim", "imar")
REJECTION_NOTE = "Dernekler kaydında bu numarayla bir kuruluş bulunamadı."


@dataclass(frozen=True)
class Staff:
    admin: int
    editor: int
    responders: dict[int, int]  # unit id → user id


@dataclass(frozen=True)
class OrganizationRef:
    id: int
    province_id: int
    municipality_id: int | None
    verified: bool
    people: tuple[tuple[int, str], ...]  # (user id, role), the admin first


@dataclass
class People:
    citizens: list[int] = field(default_factory=list)
    staff: dict[int, Staff] = field(default_factory=dict)  # municipality id → its staff
    organizations: list[OrganizationRef] = field(default_factory=list)

    def verified_by_province(self) -> dict[int, list[OrganizationRef]]:
        found: dict[int, list[OrganizationRef]] = defaultdict(list)
        for organization in self.organizations:
            if organization.verified:
                found[organization.province_id].append(organization)
        return found


def _moment(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.datetime:
    day = start + datetime.timedelta(days=rng.randrange(max(1, (end - start).days)))
    return datetime.datetime(
        day.year, day.month, day.day, rng.randint(8, 22), rng.randint(0, 59), tzinfo=ISTANBUL
    )


def _chunks(count: int, size: int) -> Iterator[range]:
    for start in range(0, count, size):
        yield range(start, min(count, start + size))


def write_users(options: Options, tick: Callable[[int], None]) -> list[int]:
    """The users, numbered in e-mail order; returns their ids in that order."""
    User = get_user_model()
    password = make_password(DEMO_PASSWORD)  # once, for every generated user
    rng = options.rng("users")
    width = len(str(options.users))
    ids: list[int] = []
    for chunk in _chunks(options.users, options.batch_size):
        rows = [
            User(
                email=f"kisi{n:0{width}d}@{USER_DOMAIN}",
                password=password,
                display_name=person_name(rng) if rng.random() < 0.7 else "",
                date_joined=_moment(rng, datetime.date(2024, 9, 1), options.as_of),
            )
            for n in chunk
        ]
        ids += [row.pk for row in User.objects.bulk_create(rows, batch_size=options.batch_size)]
        tick(len(rows))
    return ids


def write_staff(places: Sequence[Place], users: list[int], options: Options) -> dict[int, Staff]:
    """An admin and an editor in every generated municipality, and responders in the main units
    of those with a plan; they take the first users."""
    taken = iter(users)
    memberships: list[Membership] = []
    staff: dict[int, Staff] = {}
    for place in places:
        admin, editor = next(taken), next(taken)
        memberships += [
            Membership(user_id=admin, municipality_id=place.id, role=Role.MUNICIPALITY_ADMIN),
            Membership(user_id=editor, municipality_id=place.id, role=Role.EDITOR),
        ]
        responders: dict[int, int] = {}
        for key in RESPONDER_UNITS if place.plan_required else ():
            unit = place.units[key]
            if unit in responders:
                continue
            responders[unit] = next(taken)
            memberships.append(
                Membership(
                    user_id=responders[unit],
                    municipality_id=place.id,
                    unit_id=unit,
                    role=Role.RESPONDER,
                )
            )
        staff[place.id] = Staff(admin, editor, responders)
    Membership.objects.bulk_create(memberships, batch_size=options.batch_size)
    return staff


def _name(rng: random.Random, kind: str, place: str, province: str, topic: str) -> str:
    if kind == Kind.CHAMBER:
        return f"{rng.choice(CHAMBERS)} {SUFFIX[kind]} {province} Şubesi"
    if kind == Kind.UNIVERSITY:
        return f"{province} {rng.choice(UNIVERSITIES)} {SUFFIX[kind]}"
    if kind == Kind.UNION:
        return f"{province} Belediye Çalışanları {SUFFIX[kind]}"
    return f"{place} {topic} {SUFFIX[kind]}"


@dataclass(frozen=True)
class _OrganizationPlan:
    row: Organization
    people: tuple[tuple[int, str], ...]


class _Drafter:
    """Draws organizations one by one; holds what every draw needs."""

    def __init__(self, places: Sequence[Place], citizens: list[int], options: Options) -> None:
        self.options = options
        self.citizens = citizens
        self.provinces = {p.pk: p for p in Province.objects.all()}
        by_code = sorted(self.provinces.values(), key=lambda p: p.code)
        self.province_ids = [p.pk for p in by_code]
        self.province_weights = [geography.POPULATION[p.code] for p in by_code]
        self.places_by_province: dict[int, list[Place]] = defaultdict(list)
        for place in places:
            self.places_by_province[place.province_id].append(place)

    def _people(self, rng: random.Random, count: int) -> tuple[tuple[int, str], ...]:
        chosen = rng.sample(self.citizens, min(count, len(self.citizens)))
        roles = [Role.ORGANIZATION_ADMIN, Role.REPRESENTATIVE] + [Role.MEMBER] * count
        return tuple(zip(chosen, roles, strict=False))

    def draw(self, n: int, council_of: Place | None) -> _OrganizationPlan:
        rng = self.options.rng("organization", n)
        if council_of is not None:
            place: Place | None = council_of
            province = self.provinces[council_of.province_id]
            kind: str = Kind.CITY_COUNCIL
            fields: list[str] = [Field.TRANSPARENCY, Field.URBAN]
            name = f"{council_of.name.removesuffix(' Belediyesi')} Kent Konseyi"
        else:
            province = self.provinces[
                rng.choices(self.province_ids, weights=self.province_weights)[0]
            ]
            nearby = self.places_by_province.get(province.pk, [])
            place = rng.choice(nearby) if nearby and rng.random() < 0.6 else None
            kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
            fields = rng.sample(list(TOPICS), rng.randint(1, 3))
            where = place.name.removesuffix(" Belediyesi") if place else province.name
            name = _name(rng, kind, where, province.name, TOPICS[fields[0]])
        decided = _moment(rng, datetime.date(2025, 1, 2), self.options.as_of)
        roll = rng.random()
        verification = (
            Organization.Verification.VERIFIED
            if council_of is not None or roll < 0.65
            else Organization.Verification.PENDING
            if roll < 0.95
            else Organization.Verification.REJECTED
        )
        people = self._people(rng, rng.choice((1, 1, 2, 2, 3, 4)))
        row = Organization(
            name=name,
            name_sort=collation_key(name),
            search_text=search_key(name),
            slug=f"{MARK}{slugify(name, 70)}-{n}",
            kind=kind,
            registry_number=f"SENTETIK-{province.code:02d}-{n:07d}" if kind in REGISTERED else "",
            province=province,
            municipality_id=place.id if place else None,
            fields_of_activity=[str(f) for f in fields],
            description=f"{name}, {province.name} ilinde {TOPICS[fields[0]].lower()} alanında çalışır.",
            verification=verification,
            verified_at=None if verification == Organization.Verification.PENDING else decided,
            verification_note=REJECTION_NOTE
            if verification == Organization.Verification.REJECTED
            else "",
            created_by_id=people[0][0] if people else None,
        )
        return _OrganizationPlan(row, people)


def write_organizations(
    places: Sequence[Place],
    citizens: list[int],
    options: Options,
    tick: Callable[[int], None],
) -> list[OrganizationRef]:
    """City councils of the generated municipalities (towns have none), then organizations of
    every kind spread over the provinces by population, each with an admin and members."""
    drafter = _Drafter(places, citizens, options)
    councils = [p for p in places if p.kind != Municipality.Kind.TOWN][: options.organizations]
    refs: list[OrganizationRef] = []
    for chunk in _chunks(options.organizations, options.batch_size):
        plans = [drafter.draw(n, councils[n] if n < len(councils) else None) for n in chunk]
        Organization.objects.bulk_create([p.row for p in plans], batch_size=options.batch_size)
        Membership.objects.bulk_create(
            [
                Membership(user_id=user, organization_id=p.row.pk, role=role)
                for p in plans
                for user, role in p.people
            ],
            batch_size=options.batch_size,
        )
        refs += [
            OrganizationRef(
                id=p.row.pk,
                province_id=p.row.province_id,
                municipality_id=p.row.municipality_id,
                verified=p.row.verification == Organization.Verification.VERIFIED,
                people=p.people,
            )
            for p in plans
        ]
        tick(len(plans))
    return refs
