"""The public pages joined with the rest of the plans app: downloads on the plan page, editor
links in the municipality page's plan section, objective-card fields shown as lists."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from ortak.accounts.tests.factories import UserFactory
from ortak.organizations.models import Membership
from ortak.organizations.tests.factories import MunicipalityFactory
from ortak.plans.models import Objective, StrategicPlan
from ortak.plans.templatetags.plans_public import lines
from ortak.plans.tests.factories import build_plan, plan_editor

pytestmark = pytest.mark.django_db

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _plan_url(name: str, plan: StrategicPlan, *extra: object) -> str:
    return reverse(
        f"plans:{name}", args=[plan.municipality.slug, plan.start_year, plan.end_year, *extra]
    )


@pytest.fixture
def plan() -> StrategicPlan:
    return build_plan(aims=1, objectives_per_aim=1, indicators_per_objective=1)


# --- Downloads on the plan page -----------------------------------------------------------


def test_plan_page_offers_the_plan_as_excel_json_and_measurements_csv(client, plan):
    html = client.get(_plan_url("plan_detail", plan), **ENGLISH).content.decode()
    assert "Download the plan" in html
    for fmt in ("xlsx", "json", "csv"):
        assert _plan_url("plan_export", plan, fmt) in html


def test_a_draft_plan_page_offers_its_downloads_to_its_editor(client):
    draft = build_plan(aims=1, objectives_per_aim=1, indicators_per_objective=1, status="draft")
    client.force_login(plan_editor(draft.municipality))
    html = client.get(_plan_url("plan_detail", draft)).content.decode()
    assert _plan_url("plan_export", draft, "xlsx") in html
    assert client.get(_plan_url("plan_export", draft, "xlsx")).status_code == 200


# --- Editor links in the municipality page's plan section ---------------------------------


def _links(municipality) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    return (
        reverse("plans:editor_plan_list", args=[municipality.slug]),
        reverse("plans:import_upload", args=[municipality.slug]),
    )


def _municipality_page(client, municipality) -> str:  # type: ignore[no-untyped-def]
    url = reverse("organizations:municipality_detail", args=[municipality.slug])
    response = client.get(url, **ENGLISH)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("role", [Membership.Role.EDITOR, Membership.Role.MUNICIPALITY_ADMIN])
def test_municipality_page_links_its_plan_editors_to_the_editor_and_the_import(client, plan, role):
    client.force_login(plan_editor(plan.municipality, role=role))
    html = _municipality_page(client, plan.municipality)
    plan_list, upload = _links(plan.municipality)
    assert plan_list in html and upload in html
    assert "Edit the strategic plans" in html


def test_editor_links_are_there_even_before_a_plan_is_published(client):
    municipality = MunicipalityFactory()
    client.force_login(plan_editor(municipality))
    html = _municipality_page(client, municipality)
    assert all(link in html for link in _links(municipality))


@pytest.mark.parametrize(
    "who", ["visitor", "citizen", "editor_elsewhere", "editor_without_mfa", "responder"]
)
def test_municipality_page_shows_no_editor_links_to_others(client, plan, who):
    municipality = plan.municipality
    if who == "citizen":
        client.force_login(UserFactory())
    elif who == "editor_elsewhere":
        client.force_login(plan_editor(MunicipalityFactory()))
    elif who == "editor_without_mfa":
        client.force_login(plan_editor(municipality, mfa=False))
    elif who == "responder":
        client.force_login(plan_editor(municipality, role=Membership.Role.RESPONDER))
    html = _municipality_page(client, municipality)
    assert not any(link in html for link in _links(municipality))


def test_plan_section_asks_about_the_editor_twice_at_most_whatever_the_plan_size(
    django_assert_num_queries,
):
    plan = build_plan(aims=5, objectives_per_aim=3, indicators_per_objective=2)
    request = RequestFactory().get("/")
    request.user = plan_editor(plan.municipality)
    # The summary (plans, aims, objectives), the editor question (membership, second factor)
    # and the unread-notifications count of the page's context processor.
    with django_assert_num_queries(6):
        html = render_to_string(
            "plans/municipality_plan_section.html",
            {"municipality": plan.municipality},
            request=request,
        )
    assert reverse("plans:import_upload", args=[plan.municipality.slug]) in html


def test_plan_section_costs_visitors_no_editor_query(django_assert_num_queries, plan):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with django_assert_num_queries(3):
        render_to_string(
            "plans/municipality_plan_section.html",
            {"municipality": plan.municipality},
            request=request,
        )


# --- Objective card lists -----------------------------------------------------------------


def test_lines_splits_a_card_field_into_items_without_typed_bullets():
    text = "• Bütçe kısıtı\r\n- Personel eksikliği\n\n  * Mevzuat değişikliği  \n"
    assert lines(text) == ["Bütçe kısıtı", "Personel eksikliği", "Mevzuat değişikliği"]
    assert lines("Tek satır") == ["Tek satır"]
    assert lines("") == [] and lines(None) == []
    assert lines("-5 derece") == ["-5 derece"]  # a minus sign is not a bullet


def test_objective_card_shows_multi_line_fields_as_lists(client, plan):
    objective = Objective.objects.get(plan=plan)
    Objective.objects.filter(pk=objective.pk).update(
        risks="Bütçe kısıtı\nPersonel eksikliği",
        strategies="- Mahalle toplantıları\n- Çevrim içi katılım",
        findings="Katılım oranı düşük.",
        needs="",
    )
    html = client.get(_plan_url("objective_detail", plan, objective.code)).content.decode()
    assert "<li>Bütçe kısıtı</li><li>Personel eksikliği</li>" in html
    assert "<li>Mahalle toplantıları</li><li>Çevrim içi katılım</li>" in html
    assert "<li>Katılım oranı düşük.</li>" not in html and "Katılım oranı düşük." in html


def test_objective_card_escapes_its_lines(client, plan):
    objective = Objective.objects.get(plan=plan)
    Objective.objects.filter(pk=objective.pk).update(risks="<b>kalın</b>\nikinci")
    html = client.get(_plan_url("objective_detail", plan, objective.code)).content.decode()
    assert "<li>&lt;b&gt;kalın&lt;/b&gt;</li>" in html
