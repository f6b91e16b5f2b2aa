"""Provinces, the MoDeL municipalities and their strategy units: reference data for every database.

Historical models do not run the models' ``save()``, so the derived sort and search keys are
computed here with the same helpers. Rows are matched by plate code and slug, so running this
again (or on a database where an operator already added a municipality) creates no duplicates.
See ``ortak/organizations/data/README.md``.
"""

import csv
from decimal import Decimal
from pathlib import Path

from django.db import migrations

from ortak.core.turkish import collation_key, search_key, slugify

DATA = Path(__file__).resolve().parent.parent / "data"

STRATEGY_UNIT_SLUG = "strateji-gelistirme"
STRATEGY_UNIT_NAMES = {
    "metropolitan": "Strateji Geliştirme Dairesi Başkanlığı",
    "default": "Strateji Geliştirme Müdürlüğü",
}


def _rows(name):
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_provinces(Province):
    by_code = {}
    for row in _rows("provinces.csv"):
        code = int(row["code"])
        name = row["name"].strip()
        province, _created = Province.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "slug": slugify(name),
                "name_sort": collation_key(name),
                "is_metropolitan": row["is_metropolitan"] == "1",
            },
        )
        by_code[code] = province
    return by_code


def _optional_int(text):
    return int(text) if text.strip() else None


def _optional_decimal(text):
    return Decimal(text) if text.strip() else None


def load_municipalities(Municipality, provinces):
    by_slug = {}
    rows = _rows("municipalities.csv")
    # Metropolitan municipalities first: districts point at them.
    rows.sort(key=lambda row: row["parent_slug"] != "")
    for row in rows:
        name = row["name"].strip()
        known = {
            "name": name,
            "name_sort": collation_key(name),
            "search_text": search_key(name),
            "kind": row["kind"],
            "province": provinces[int(row["province_code"])],
            "parent": by_slug[row["parent_slug"]] if row["parent_slug"] else None,
            "is_pilot": row["is_pilot"] == "1",
        }
        # Figures: set when the file knows them, never blank out what an operator entered.
        figures = {
            "population": _optional_int(row["population"]),
            "population_year": _optional_int(row["population_year"]),
            "area_km2": _optional_decimal(row["area_km2"]),
            "website": row["website"].strip(),
        }
        known.update({field: value for field, value in figures.items() if value not in (None, "")})
        municipality, _created = Municipality.objects.update_or_create(
            slug=row["slug"], defaults=known
        )
        by_slug[row["slug"]] = municipality
    return by_slug


def ensure_strategy_units(Unit, municipalities):
    for municipality in municipalities:
        if Unit.objects.filter(municipality=municipality, is_strategy_unit=True).exists():
            continue
        name = STRATEGY_UNIT_NAMES.get(municipality.kind, STRATEGY_UNIT_NAMES["default"])
        Unit.objects.update_or_create(
            municipality=municipality,
            slug=STRATEGY_UNIT_SLUG,
            defaults={"name": name, "is_strategy_unit": True},
        )


def load_reference_data(apps, schema_editor):
    Province = apps.get_model("organizations", "Province")
    Municipality = apps.get_model("organizations", "Municipality")
    Unit = apps.get_model("organizations", "Unit")
    provinces = load_provinces(Province)
    municipalities = load_municipalities(Municipality, provinces)
    ensure_strategy_units(Unit, municipalities.values())


class Migration(migrations.Migration):
    dependencies = [("organizations", "0002_refinements_and_invitations")]

    operations = [
        migrations.RunPython(load_reference_data, migrations.RunPython.noop, elidable=False)
    ]
