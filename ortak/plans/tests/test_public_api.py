"""The read-only plans API: published plans and their tree with stored figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ortak.organizations.tests.factories import MunicipalityFactory
from ortak.plans.models import StrategicPlan
from ortak.plans.tests.factories import PlanFactory, build_plan, plan_editor

pytestmark = pytest.mark.django_db

BASE = "/api/v1/plans/municipalities"


@pytest.fixture
def plan() -> StrategicPlan:
    return build_plan(aims=2, objectives_per_aim=2, indicators_per_objective=3)


def test_municipality_plans_lists_published_plans_newest_first(client, plan):
    PlanFactory(municipality=plan.municipality, start_year=2020, end_year=2024, status="archived")
    PlanFactory(municipality=plan.municipality, start_year=2030, end_year=2034)  # draft
    response = client.get(f"{BASE}/{plan.municipality.slug}")
    assert response.status_code == 200
    body = response.json()
    assert [p["period"] for p in body] == ["2025-2029", "2020-2024"]
    assert body[0]["status"] == "adopted"
    assert Decimal(body[0]["realization"]) == plan.realization
    assert body[0]["url"] == f"/belediyeler/{plan.municipality.slug}/plan/2025-2029/"


def test_municipality_plans_shows_drafts_to_the_municipalitys_editor(client, plan):
    PlanFactory(municipality=plan.municipality, start_year=2030, end_year=2034)
    client.force_login(plan_editor(plan.municipality))
    body = client.get(f"{BASE}/{plan.municipality.slug}").json()
    assert [p["period"] for p in body] == ["2030-2034", "2025-2029"]


def test_municipality_plans_of_an_unknown_municipality_is_404(client):
    assert client.get(f"{BASE}/yok-boyle-belediye").status_code == 404


def test_plan_tree_carries_every_node_with_its_stored_figures(client, plan):
    response = client.get(f"{BASE}/{plan.municipality.slug}/2025-2029")
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == plan.title
    assert [a["code"] for a in body["aims"]] == ["1", "2"]
    assert [o["code"] for o in body["aims"][1]["objectives"]] == ["2.1", "2.2"]
    indicator = body["aims"][0]["objectives"][0]["indicators"][0]
    stored = plan.indicators.get(code="1.1.1")
    assert indicator["code"] == "1.1.1"
    assert Decimal(indicator["realization_raw"]) == stored.realization_raw
    assert indicator["status"] == stored.status
    assert indicator["realization_by_year"] == stored.realization_by_year
    assert {y: Decimal(v) for y, v in indicator["targets"].items()} == {
        str(t.year): t.value for t in stored.targets.all()
    }
    objective = plan.objectives.get(code="1.1")
    assert Decimal(body["aims"][0]["objectives"][0]["coverage"]) == objective.coverage
    assert Decimal(body["realization"]) == plan.realization


def test_plan_tree_of_a_draft_is_404_except_to_its_editors(client):
    draft = build_plan(aims=1, objectives_per_aim=1, indicators_per_objective=1, status="draft")
    path = f"{BASE}/{draft.municipality.slug}/2025-2029"
    assert client.get(path).status_code == 404
    client.force_login(plan_editor(MunicipalityFactory()))
    assert client.get(path).status_code == 404
    client.force_login(plan_editor(draft.municipality))
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("period", ["2025-2030", "abc", "2025"])
def test_plan_tree_of_an_unknown_period_is_404(client, plan, period):
    assert client.get(f"{BASE}/{plan.municipality.slug}/{period}").status_code == 404


def test_plan_tree_query_count_does_not_grow_with_the_plan(client, django_assert_max_num_queries):
    small = build_plan(aims=1, objectives_per_aim=1, indicators_per_objective=1)
    big = build_plan(aims=5, objectives_per_aim=5, indicators_per_objective=6)
    for plan in (small, big):
        with django_assert_max_num_queries(6):
            response = client.get(f"{BASE}/{plan.municipality.slug}/2025-2029")
        assert response.status_code == 200
    assert (
        sum(len(o["indicators"]) for a in response.json()["aims"] for o in a["objectives"]) == 150
    )


def test_plans_api_is_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/plans/municipalities/{slug}" in paths
    assert "/api/v1/plans/municipalities/{slug}/{period}" in paths
