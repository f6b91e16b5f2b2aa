"""Data the flows start from, built with the project's factories (each test has its own database;
the reference data of the migrations — provinces, pilot municipalities, the privacy notice — is
restored before every test)."""

from __future__ import annotations

from dataclasses import dataclass

from ortak.organizations.models import Municipality, Province, Unit
from ortak.organizations.tests.factories import MunicipalityFactory, UnitFactory
from ortak.plans.models import StrategicPlan
from ortak.plans.tests.factories import build_plan

# A name whose Turkish letters (I/ı, Ş, İ) exercise case folding in search and sorting.
TOWN_NAME = "Işıklıkent Belediyesi"


@dataclass(frozen=True)
class Town:
    municipality: Municipality
    unit: Unit
    plan: StrategicPlan


def town_with_plan() -> Town:
    """A pilot district municipality with an adopted 2025–2029 plan: 2 aims × 2 objectives × 3
    indicators, published values, two activities per objective."""
    province = Province.objects.get(code=6)
    municipality = MunicipalityFactory(
        name=TOWN_NAME, slug="isiklikent", province=province, is_pilot=True, population=180_000
    )
    unit = UnitFactory(municipality=municipality, name="Strateji Geliştirme Müdürlüğü")
    plan = build_plan(
        municipality=municipality,
        aims=2,
        objectives_per_aim=2,
        indicators_per_objective=3,
        activities_per_objective=2,
        unit=unit,
    )
    return Town(municipality=municipality, unit=unit, plan=plan)
