"""The plans pages in Turkish, the default language: the words of users' own plan documents.

The other plans tests read English wording (``Accept-Language: en`` or ``translation.override``);
these check that the Turkish catalogue is loaded and that both languages render.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from ortak.plans.models import Indicator, Objective, StrategicPlan
from ortak.plans.tests.factories import IndicatorFactory, build_plan, plan_editor

pytestmark = pytest.mark.django_db


def _url(name: str, plan: StrategicPlan, *extra: object) -> str:
    return reverse(
        f"plans:{name}", args=[plan.municipality.slug, plan.start_year, plan.end_year, *extra]
    )


def _text(response) -> str:  # type: ignore[no-untyped-def]
    html = re.sub(r"<(script|svg)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def plan() -> StrategicPlan:
    return build_plan(aims=1, objectives_per_aim=1, indicators_per_objective=2)


def test_plan_page_in_turkish_names_aims_and_plan_realization(client, plan):
    text = _text(client.get(_url("plan_detail", plan)))
    assert "Amaçlar" in text
    assert "Planın gerçekleşme oranı" in text
    assert "Veri kalitesi" in text
    assert "Planı indir" in text


def test_objective_page_in_turkish_shows_the_objective_card_words(client, plan):
    text = _text(client.get(_url("objective_detail", plan, "1.1")))
    for words in (
        "Hedef kartı",
        "Sorumlu birim",
        "İşbirliği yapılacak birimler",
        "Maliyet tahmini",
        "Tespitler",
        "İhtiyaçlar",
        "Performans göstergeleri",
        "Hedefe etkisi",
        "Hedeflenen değerler",
    ):
        assert words in text, words


def test_indicator_page_in_turkish_names_direction_kind_and_frequency(client, plan):
    indicator = Indicator.objects.filter(plan=plan).order_by("code").first()
    assert indicator is not None
    text = _text(client.get(_url("indicator_detail", plan, indicator.code)))
    assert "Plan dönemi gerçekleşme oranı" in text
    assert "Artan" in text and "Kümülatif" in text
    assert "İzleme sıklığı" in text


def test_english_is_served_when_the_reader_asks_for_it(client, plan):
    text = _text(client.get(_url("plan_detail", plan), HTTP_ACCEPT_LANGUAGE="en"))
    assert "Aims" in text
    assert "Amaçlar" not in text


def test_editor_dashboard_in_turkish_shows_audit_findings_in_turkish(client, plan):
    objective = Objective.objects.get(plan=plan)
    indicator = IndicatorFactory(objective=objective, number=9, baseline=None)
    client.force_login(plan_editor(plan.municipality))
    text = _text(client.get(_url("editor_dashboard", plan)))
    assert "Veri kalitesi denetimi" in text
    assert f"Gösterge {indicator.code} için plan dönemi başlangıç değeri yok." in text
