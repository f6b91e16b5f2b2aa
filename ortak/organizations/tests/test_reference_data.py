"""The data migration: provinces and the MoDeL municipalities exist in every database."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ortak.organizations.models import Municipality, Province, Unit

pytestmark = pytest.mark.django_db

Kind = Municipality.Kind


def test_there_are_81_provinces_with_plate_codes_1_to_81():
    assert Province.objects.count() == 81
    assert sorted(Province.objects.values_list("code", flat=True)) == list(range(1, 82))


@pytest.mark.parametrize(
    ("code", "name", "slug"),
    [
        (1, "Adana", "adana"),
        (4, "Ağrı", "agri"),
        (6, "Ankara", "ankara"),
        (18, "Çankırı", "cankiri"),
        (32, "Isparta", "isparta"),
        (34, "İstanbul", "istanbul"),
        (35, "İzmir", "izmir"),
        (63, "Şanlıurfa", "sanliurfa"),
        (73, "Şırnak", "sirnak"),
        (76, "Iğdır", "igdir"),
        (81, "Düzce", "duzce"),
    ],
)
def test_provinces_have_correct_turkish_names(code, name, slug):
    province = Province.objects.get(code=code)
    assert (province.name, province.slug) == (name, slug)


def test_thirty_provinces_are_metropolitan():
    metropolitan = set(Province.objects.filter(is_metropolitan=True).values_list("name", flat=True))
    assert len(metropolitan) == 30
    assert {"Ankara", "İstanbul", "İzmir", "Van", "Malatya", "Balıkesir"} <= metropolitan
    assert not {"Burdur", "Kars", "Sinop", "Yalova"} & metropolitan


def test_provinces_sort_in_turkish_alphabetical_order():
    names = list(Province.objects.values_list("name", flat=True))
    assert names.index("Burdur") < names.index("Bursa") < names.index("Çanakkale")
    assert names.index("Isparta") < names.index("İstanbul") < names.index("İzmir")
    assert names.index("Iğdır") < names.index("Isparta")
    assert names[-1] == "Zonguldak"


PILOTS = {
    "adana-buyuksehir",
    "yenimahalle",
    "burdur",
    "gaziantep-buyuksehir",
    "maltepe",
    "karsiyaka",
    "kars",
    "sinop",
    "van-buyuksehir",
    "yalova",
}
JOINERS = {
    "istanbul-buyuksehir",
    "ankara-buyuksehir",
    "izmir-buyuksehir",
    "balikesir-buyuksehir",
    "malatya-buyuksehir",
    "eskisehir-buyuksehir",
    "sultanbeyli",
    "sisli",
    "buyukcekmece",
}


def test_the_nineteen_municipalities_are_shipped_with_the_ten_pilots():
    assert set(Municipality.objects.values_list("slug", flat=True)) == PILOTS | JOINERS
    assert set(Municipality.objects.filter(is_pilot=True).values_list("slug", flat=True)) == PILOTS


# slug → (name, kind, province code, parent slug, population, area)
EXPECTED = {
    "adana-buyuksehir": ("Adana Büyükşehir Belediyesi", Kind.METROPOLITAN, 1, None, 2_270_298, None),
    "yenimahalle": ("Yenimahalle Belediyesi", Kind.METROPOLITAN_DISTRICT, 6, "ankara-buyuksehir", 714_866, None),
    "burdur": ("Burdur Belediyesi", Kind.PROVINCIAL, 15, None, None, None),
    "gaziantep-buyuksehir": ("Gaziantep Büyükşehir Belediyesi", Kind.METROPOLITAN, 27, None, 2_193_363, None),
    "maltepe": ("Maltepe Belediyesi", Kind.METROPOLITAN_DISTRICT, 34, "istanbul-buyuksehir", 524_921, Decimal("53")),
    "karsiyaka": ("Karşıyaka Belediyesi", Kind.METROPOLITAN_DISTRICT, 35, "izmir-buyuksehir", None, None),
    "kars": ("Kars Belediyesi", Kind.PROVINCIAL, 36, None, None, None),
    "sinop": ("Sinop Belediyesi", Kind.PROVINCIAL, 57, None, None, None),
    "van-buyuksehir": ("Van Büyükşehir Belediyesi", Kind.METROPOLITAN, 65, None, None, None),
    "yalova": ("Yalova Belediyesi", Kind.PROVINCIAL, 77, None, None, None),
    "istanbul-buyuksehir": ("İstanbul Büyükşehir Belediyesi", Kind.METROPOLITAN, 34, None, 15_701_602, None),
    "ankara-buyuksehir": ("Ankara Büyükşehir Belediyesi", Kind.METROPOLITAN, 6, None, 5_864_049, Decimal("25632")),
    "izmir-buyuksehir": ("İzmir Büyükşehir Belediyesi", Kind.METROPOLITAN, 35, None, 4_493_242, None),
    "balikesir-buyuksehir": ("Balıkesir Büyükşehir Belediyesi", Kind.METROPOLITAN, 10, None, 1_276_096, None),
    "malatya-buyuksehir": ("Malatya Büyükşehir Belediyesi", Kind.METROPOLITAN, 44, None, None, None),
    "eskisehir-buyuksehir": ("Eskişehir Büyükşehir Belediyesi", Kind.METROPOLITAN, 26, None, None, None),
    "sultanbeyli": ("Sultanbeyli Belediyesi", Kind.METROPOLITAN_DISTRICT, 34, "istanbul-buyuksehir", 369_193, None),
    "sisli": ("Şişli Belediyesi", Kind.METROPOLITAN_DISTRICT, 34, "istanbul-buyuksehir", 263_063, None),
    "buyukcekmece": ("Büyükçekmece Belediyesi", Kind.METROPOLITAN_DISTRICT, 34, "istanbul-buyuksehir", 280_528, None),
}  # fmt: skip


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_each_municipality_has_the_given_figures_and_nothing_invented(slug):
    name, kind, code, parent, population, area = EXPECTED[slug]
    municipality = Municipality.objects.select_related("province", "parent").get(slug=slug)
    assert municipality.name == name
    assert municipality.kind == kind
    assert municipality.province.code == code
    assert (municipality.parent.slug if municipality.parent else None) == parent
    assert municipality.population == population
    assert municipality.population_year == (2024 if population else None)
    assert municipality.area_km2 == area
    municipality.full_clean()  # kinds, parents and provinces agree with each other


def test_plan_required_follows_kind_and_population():
    required = set(Municipality.objects.filter(plan_required=True).values_list("slug", flat=True))
    metropolitan = {slug for slug, row in EXPECTED.items() if row[1] == Kind.METROPOLITAN}
    populous = {slug for slug, row in EXPECTED.items() if row[4] and row[4] >= 50_000}
    assert required == metropolitan | populous
    # Unknown populations are not guessed: these stay "not required" until a figure is entered.
    assert not {"burdur", "kars", "sinop", "yalova", "karsiyaka"} & required


def test_plan_required_is_computed_by_the_database_when_the_population_changes():
    municipality = Municipality.objects.get(slug="sinop")
    municipality.population, municipality.population_year = 50_000, 2024
    municipality.save()
    municipality.refresh_from_db()
    assert municipality.plan_required is True


def test_every_shipped_municipality_has_one_strategy_unit():
    for municipality in Municipality.objects.all():
        units = Unit.objects.filter(municipality=municipality, is_strategy_unit=True)
        assert units.count() == 1, municipality.slug
        unit = units.get()
        assert unit.slug == "strateji-gelistirme"
        expected = (
            "Strateji Geliştirme Dairesi Başkanlığı"
            if municipality.kind == Kind.METROPOLITAN
            else "Strateji Geliştirme Müdürlüğü"
        )
        assert unit.name == expected


def test_search_and_sort_keys_are_filled_by_the_migration():
    karsiyaka = Municipality.objects.get(slug="karsiyaka")
    assert karsiyaka.search_text == "karsiyaka belediyesi"
    assert karsiyaka.name_sort


def test_loading_the_reference_data_again_creates_no_duplicates():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("ortak.organizations.migrations.0003_reference_data")
    Municipality.objects.filter(slug="sinop").update(population=55_000, population_year=2024)
    migration.load_reference_data(apps, None)
    assert Province.objects.count() == 81
    assert Municipality.objects.count() == 19
    assert Unit.objects.filter(is_strategy_unit=True).count() == 19
    # A figure an operator entered is not blanked by the file's empty cell.
    assert Municipality.objects.get(slug="sinop").population == 55_000
