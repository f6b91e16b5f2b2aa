"""Editor pages: who gets in, what the forms do, and how many queries the pages cost."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ortak.accounts.tests.factories import UserFactory
from ortak.organizations.tests.factories import MunicipalityFactory, UnitFactory
from ortak.plans.models import (
    Activity,
    Aim,
    FigureRevision,
    Indicator,
    IndicatorTarget,
    Measurement,
    Objective,
    StrategicPlan,
)
from ortak.plans.tests.factories import (
    ActivityFactory,
    IndicatorFactory,
    MeasurementFactory,
    PlanFactory,
    build_plan,
    plan_editor,
)

pytestmark = pytest.mark.django_db
D = Decimal


def url(name, plan, *extra):
    return reverse(
        f"plans:{name}", args=[plan.municipality.slug, plan.start_year, plan.end_year, *extra]
    )


@pytest.fixture
def plan():
    return PlanFactory()


@pytest.fixture
def editor_client(client, plan):
    client.force_login(plan_editor(plan.municipality))
    return client


def adopt(plan):
    StrategicPlan.objects.filter(pk=plan.pk).update(
        status="adopted", council_decision_date="2024-11-01", council_decision_number="2024/112"
    )
    plan.refresh_from_db()


# --- Access ---------------------------------------------------------------------------------


def test_anonymous_user_is_sent_to_log_in(client, plan):
    response = client.get(url("editor_dashboard", plan))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize(
    "who", ["citizen", "editor_of_another_municipality", "editor_without_mfa", "responder"]
)
def test_non_editors_get_404_for_a_draft_and_403_for_a_public_plan(client, plan, who):
    if who == "citizen":
        user = UserFactory()
    elif who == "editor_of_another_municipality":
        user = plan_editor(MunicipalityFactory())
    elif who == "editor_without_mfa":
        user = plan_editor(plan.municipality, mfa=False)
    else:
        user = plan_editor(plan.municipality, role="responder")
    client.force_login(user)
    assert client.get(url("editor_dashboard", plan)).status_code == 404
    adopt(plan)
    # A role holder without MFA is sent to set it up (accounts middleware) instead of a bare 403.
    refused = 302 if who == "editor_without_mfa" else 403
    response = client.get(url("editor_dashboard", plan))
    assert response.status_code == refused
    if refused == 302:
        assert reverse("accounts:mfa_required") in response["Location"]
    response = client.post(url("editor_aim_create", plan), {"code": "1", "title": "x"})
    assert response.status_code == refused
    assert not Aim.objects.exists()
    list_url = reverse("plans:editor_plan_list", args=[plan.municipality.slug])
    assert client.get(list_url).status_code == refused


def test_editor_cannot_post_to_another_municipalitys_plan(client, plan):
    other = IndicatorFactory()
    client.force_login(plan_editor(plan.municipality))
    response = client.post(
        url("editor_measurements", other.plan, other.code), {"period": "2025", "value": "20"}
    )
    assert response.status_code == 404  # a draft of another municipality does not exist for them
    assert not Measurement.objects.exists()


# --- The plan ---------------------------------------------------------------------------------


def test_plan_list_and_create(client):
    municipality = MunicipalityFactory()
    client.force_login(plan_editor(municipality))
    list_url = reverse("plans:editor_plan_list", args=[municipality.slug])
    assert client.get(list_url).status_code == 200
    create_url = reverse("plans:plan_create", args=[municipality.slug])
    assert create_url == f"/belediyeler/{municipality.slug}/planlar/yeni/"
    assert client.get(create_url).status_code == 200
    response = client.post(create_url, {"start_year": "2025", "mission": "Misyon"})
    plan = StrategicPlan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("editor_dashboard", plan)
    assert (plan.end_year, plan.mission) == (2029, "Misyon")


def test_plan_create_shows_service_errors_on_the_field(client, plan):
    client.force_login(plan_editor(plan.municipality))
    response = client.post(
        reverse("plans:plan_create", args=[plan.municipality.slug]), {"start_year": "2025"}
    )
    assert response.status_code == 200
    assert "start_year" in response.context["form"].errors


def test_dashboard_shows_tree_audit_and_actions(editor_client, plan):
    indicator = IndicatorFactory(objective__aim__plan=plan, baseline=None)
    response = editor_client.get(url("editor_dashboard", plan), HTTP_ACCEPT_LANGUAGE="en")
    content = response.content.decode()
    assert response.status_code == 200
    assert indicator.name in content
    assert "indicator_without_baseline" not in content  # messages, not codes
    assert ("indicator_without_baseline", 1) in response.context["summary"].by_code
    assert f"Indicator {indicator.code} has no baseline value." in content
    assert reverse("plans:editor_aim_create", args=[plan.municipality.slug, 2025, 2029]) in content


def test_adopting_from_the_dashboard_needs_the_decision(editor_client, plan):
    response = editor_client.post(
        url("editor_plan_status", plan),
        {"status": "adopted"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    plan.refresh_from_db()
    assert plan.status == "draft"
    assert any("council decision" in str(m) for m in response.context["messages"])
    editor_client.post(
        url("editor_plan_status", plan),
        {
            "status": "adopted",
            "council_decision_date": "2024-11-01",
            "council_decision_number": "2024/112",
        },
    )
    plan.refresh_from_db()
    assert plan.status == "adopted" and plan.published_at is not None


def test_plan_details_form(editor_client, plan):
    page = url("editor_plan_details", plan)
    assert editor_client.get(page).status_code == 200
    response = editor_client.post(
        page, {"title": "Yeni", "mission": "M", "vision": "", "core_values": ""}
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.title == "Yeni"


def test_draft_plan_deletion_asks_first(editor_client, plan):
    page = url("editor_plan_delete", plan)
    assert editor_client.get(page).status_code == 200
    editor_client.post(page)
    assert not StrategicPlan.objects.exists()


# --- The tree ----------------------------------------------------------------------------------


def test_aim_objective_indicator_activity_forms(editor_client, plan):
    unit = UnitFactory(municipality=plan.municipality)
    editor_client.post(url("editor_aim_create", plan), {"code": "A1", "title": "Yeşil kent"})
    aim = Aim.objects.get()
    assert aim.code == "1"
    form_page = editor_client.get(url("editor_objective_create", plan, "1"))
    assert "Tüm birimler" in form_page.content.decode()
    editor_client.post(
        url("editor_objective_create", plan, "1"),
        {
            "code": "H1.1",
            "title": "Park alanlarını artırmak",
            "responsible_unit": unit.pk,
            "cooperating_units": [unit.pk],
            "cost_estimate": "1.500.000",
        },
    )
    objective = Objective.objects.get()
    assert objective.cost_estimate == D(1500000)
    assert list(objective.cooperating_units.all()) == [unit]
    data = {
        "code": "PG1.1.1",
        "name": "Kişi başı yeşil alan",
        "unit_of_measure": "m²",
        "weight": "100",
        "baseline": "4,5",
        "baseline_year": "2024",
        "direction": "increasing",
        "kind": "cumulative",
        "monitoring_frequency": "six_monthly",
        "reporting_frequency": "yearly",
        "target_2025": "5",
        "target_2029": "10,25",
    }
    response = editor_client.post(url("editor_indicator_create", plan, "1.1"), data)
    assert response.status_code == 302
    indicator = Indicator.objects.get()
    assert (indicator.code, indicator.baseline) == ("1.1.1", D("4.5"))
    assert dict(indicator.targets.values_list("year", "value")) == {2025: 5, 2029: D("10.25")}
    editor_client.post(
        url("editor_activity_create", plan, "1.1"),
        {"code": "F1", "name": "Park yapımı", "kind": "project", "planned_2025": "2.500.000"},
    )
    activity = Activity.objects.get()
    assert activity.costs.get().planned == D(2500000)


def test_indicator_form_shows_turkish_numbers_and_errors(editor_client, plan):
    indicator = IndicatorFactory(
        objective__aim__plan=plan, targets=[47000, 48000, 49000, 50000, 51000]
    )
    page = editor_client.get(url("editor_indicator_edit", plan, indicator.code))
    assert 'value="47.000"' in page.content.decode()
    response = editor_client.post(
        url("editor_indicator_edit", plan, indicator.code),
        {
            "code": indicator.code,
            "name": "x",
            "weight": "12.5",
            "direction": "increasing",
            "kind": "cumulative",
            "monitoring_frequency": "yearly",
            "reporting_frequency": "yearly",
        },
    )
    assert response.status_code == 200
    assert "weight" in response.context["form"].errors


def test_adopted_indicator_form_keeps_figures_and_saves_texts(editor_client, plan):
    indicator = IndicatorFactory(objective__aim__plan=plan, weight=D(100))
    adopt(plan)
    response = editor_client.post(
        url("editor_indicator_edit", plan, indicator.code),
        {
            "code": "9.9.9",
            "name": "Yeni ad",
            "weight": "5",
            "direction": "decreasing",
            "kind": "periodic",
            "monitoring_frequency": "yearly",
            "reporting_frequency": "yearly",
            "target_2025": "1",
        },
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.name, indicator.code, indicator.weight, indicator.direction) == (
        "Yeni ad",
        indicator.code,
        D(100),
        "increasing",
    )
    assert IndicatorTarget.objects.get(indicator=indicator, year=2025).value == 20


def test_delete_pages(editor_client, plan):
    indicator = IndicatorFactory(objective__aim__plan=plan)
    activity = ActivityFactory(objective=indicator.objective)
    assert (
        editor_client.get(url("editor_indicator_delete", plan, indicator.code)).status_code == 200
    )
    editor_client.post(url("editor_activity_delete", plan, activity.pk))
    editor_client.post(url("editor_indicator_delete", plan, indicator.code))
    editor_client.post(url("editor_objective_delete", plan, indicator.objective.code))
    editor_client.post(url("editor_aim_delete", plan, indicator.objective.aim.code))
    assert not Aim.objects.exists() and not Activity.objects.exists()


def test_unknown_node_is_404(editor_client, plan):
    assert editor_client.get(url("editor_indicator_edit", plan, "9.9.9")).status_code == 404
    assert editor_client.get(url("editor_activity_edit", plan, 999)).status_code == 404


# --- Figures -------------------------------------------------------------------------------------


def test_record_a_value_in_turkish_format_with_evidence(editor_client, plan):
    indicator = IndicatorFactory(objective__aim__plan=plan, baseline=D(10000), targets=[20000] * 5)
    page = url("editor_measurements", plan, indicator.code)
    assert editor_client.get(page).status_code == 200
    response = editor_client.post(
        page,
        {
            "period": "2025",
            "value": "19.800",
            "status": "published",
            "evidence": SimpleUploadedFile("rapor.pdf", b"%PDF-1.4 rapor"),
        },
    )
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert measurement.value == D(19800) and measurement.evidence
    indicator.refresh_from_db()
    assert indicator.latest_value == D(19800)


def test_value_outside_the_band_asks_for_an_explanation(editor_client, plan):
    indicator = IndicatorFactory(objective__aim__plan=plan, baseline=D(10), targets=[20] * 5)
    response = editor_client.post(
        url("editor_measurements", plan, indicator.code),
        {"period": "2025", "value": "12", "status": "published"},
    )
    assert response.status_code == 200
    assert "explanation" in response.context["form"].errors
    assert not Measurement.objects.exists()


def test_changing_a_value_of_an_adopted_plan_needs_a_reason(editor_client, plan):
    indicator = IndicatorFactory(objective__aim__plan=plan, baseline=D(10), targets=[20] * 5)
    MeasurementFactory(indicator=indicator, period="2025", value=D(20))
    adopt(plan)
    page = url("editor_measurement_edit", plan, indicator.code, "2025")
    response = editor_client.post(page, {"value": "20,5"})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    response = editor_client.post(page, {"value": "20,5", "reason": "Düzeltme"})
    assert response.status_code == 302
    assert FigureRevision.objects.get().new_value == D("20.5")


def test_target_revision_form_on_an_adopted_plan(editor_client, plan):
    indicator = IndicatorFactory(objective__aim__plan=plan, targets=[47000] * 5)
    page = url("editor_indicator_targets", plan, indicator.code)
    assert editor_client.get(page).status_code == 403  # a draft changes in place
    adopt(plan)
    response = editor_client.post(page, {"target_2026": "14.100", "reason": ""})
    assert "reason" in response.context["form"].errors
    response = editor_client.post(
        page,
        {
            **{f"target_{y}": "47.000" for y in plan.years},
            "target_2026": "14.100",
            "reason": "plan güncellemesi",
        },
    )
    assert response.status_code == 302
    revision = FigureRevision.objects.get()
    assert (revision.year, revision.old_value, revision.new_value) == (2026, D(47000), D(14100))
    content = editor_client.get(url("editor_measurements", plan, indicator.code)).content.decode()
    assert "47.000,00 → 14.100,00" in content
    assert "plan güncellemesi" in content


def test_plan_update_form(editor_client, plan):
    adopt(plan)
    response = editor_client.post(
        url("editor_plan_revision_create", plan), {"date": "2026-08-04", "reason": "Ara dönem"}
    )
    assert response.status_code == 302
    assert plan.revisions.get().reason == "Ara dönem"


# --- Query counts ----------------------------------------------------------------------------


def _dashboard_queries(client, plan):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("editor_dashboard", plan))
    assert response.status_code == 200
    return len(queries)


# Session, user and unread notifications; the plan, the editor's membership and second factor;
# the tree (aims, objectives, indicators, activities), which the audit reads too; the audit's
# targets, published values and revision chain; the plan updates of an adopted plan.
DASHBOARD_QUERIES = 14


def test_dashboard_query_count_does_not_grow_with_the_plan(client):
    small = build_plan(
        aims=1, objectives_per_aim=2, indicators_per_objective=5, activities_per_objective=1
    )
    large = build_plan(
        aims=5, objectives_per_aim=3, indicators_per_objective=10, activities_per_objective=2
    )
    assert Indicator.objects.filter(plan=large).count() == 150
    client.force_login(plan_editor(small.municipality))
    small_count = _dashboard_queries(client, small)
    client.force_login(plan_editor(large.municipality))
    large_count = _dashboard_queries(client, large)
    assert small_count == large_count
    assert large_count == DASHBOARD_QUERIES, large_count


def test_measurement_page_query_count(client, django_assert_max_num_queries):
    plan = build_plan(aims=1, objectives_per_aim=1, indicators_per_objective=1)
    indicator = Indicator.objects.get(plan=plan)
    client.force_login(plan_editor(plan.municipality))
    with django_assert_max_num_queries(14):
        assert client.get(url("editor_measurements", plan, indicator.code)).status_code == 200
