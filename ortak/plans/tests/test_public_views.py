"""Public plan pages: the right numbers, drafts hidden, constant query counts."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from ortak.accounts.tests.factories import UserFactory
from ortak.organizations.tests.factories import MunicipalityFactory
from ortak.plans.aggregates import recompute_plan
from ortak.plans.models import FigureRevision, Indicator, StrategicPlan
from ortak.plans.revisions import append_revision
from ortak.plans.tests.factories import (
    ActivityCostFactory,
    ActivityFactory,
    AimFactory,
    IndicatorFactory,
    MeasurementFactory,
    ObjectiveFactory,
    PlanFactory,
    build_plan,
    plan_editor,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 8, 1)


def url(name: str, plan: StrategicPlan, code: str | None = None) -> str:
    args: list[object] = [plan.municipality.slug, plan.start_year, plan.end_year]
    if code is not None:
        args.append(code)
    return reverse(f"plans:{name}", args=args)


def text_of(response) -> str:  # type: ignore[no-untyped-def]
    """The page as text with tags and repeated white space removed, for content assertions."""
    html = response.content.decode()
    html = re.sub(r"<(script|svg)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def example_plan() -> StrategicPlan:
    """ARCHITECTURE §4's worked examples as one objective with two indicators.

    1.1.1 increasing, cumulative, A = 10, targets 20…60, values 2025 = 22 and 2026-H1 = 31:
    year 2025 → 120 raw / 100 counted, plan lens → 42.
    1.1.2 decreasing, A = 30, targets 25, 20, 15, 12, 10, value 2025 = 27: year 2025 → 60,
    plan lens → (27 − 30)/(10 − 30) = 15; 2026-H1 is overdue on 1 August 2026.
    Objective (weights 60/40): plan lens 0.6·42 + 0.4·15 = 31.2; year 2025 0.6·100 + 0.4·60 = 84.
    """
    plan: StrategicPlan = PlanFactory(  # type: ignore[assignment]
        status=StrategicPlan.Status.ADOPTED,
        council_decision_date=datetime.date(2024, 11, 7),
        council_decision_number="2024/112",
        core_values="Şeffaflık, katılım",
    )
    aim = AimFactory(plan=plan, number=1, code="1", title="Katılımcı bir kent")
    objective = ObjectiveFactory(
        aim=aim,
        number=1,
        code="1.1",
        title="Mahalle meclislerini yaygınlaştırmak",
        risks="Katılımın düşük kalması",
        cost_estimate=Decimal("1250000"),
    )
    rising = IndicatorFactory(
        objective=objective,
        number=1,
        code="1.1.1",
        name="Kurulan mahalle meclisi sayısı",
        weight=Decimal(60),
    )
    falling = IndicatorFactory(
        objective=objective,
        number=2,
        code="1.1.2",
        name="Şikâyetlerin yanıtlanma süresi",
        unit_of_measure="gün",
        weight=Decimal(40),
        baseline=Decimal(30),
        direction=Indicator.Direction.DECREASING,
        targets=[25, 20, 15, 12, 10],
    )
    MeasurementFactory(
        indicator=rising,
        period="2025",
        value=Decimal(22),
        explanation="Yeni merkez açıldı; hedefin üzerinde.",
        evidence_url="https://example.org/faaliyet-raporu-2025.pdf",
    )
    MeasurementFactory(indicator=rising, period="2026-H1", value=Decimal(31))
    MeasurementFactory(indicator=rising, period="2026", value=Decimal(99), status="draft")
    MeasurementFactory(indicator=falling, period="2025", value=Decimal(27))
    recompute_plan(plan, today=TODAY)
    return plan


# --- The plan page --------------------------------------------------------------------


def test_plan_page_shows_texts_council_decision_and_realization_of_aims(client, example_plan):
    response = client.get(url("plan_detail", example_plan))
    assert response.status_code == 200
    text = text_of(response)
    assert example_plan.title in text
    assert "Kentimize katılımcı ve şeffaf hizmet sunmak." in text
    assert "Şeffaflık, katılım" in text
    assert "2024/112" in text
    assert "Katılımcı bir kent" in text
    # Plan = aim = objective = 31.2 → "%31", coverage 100 %.
    assert text.count("%31") >= 3
    assert "%100" in text
    assert 'aria-valuenow="31"' in response.content.decode()
    assert "w-pct-31" in response.content.decode()


def test_plan_page_year_lens_shows_that_years_realization(client, example_plan):
    response = client.get(url("plan_detail", example_plan), {"yil": "2025"})
    html = response.content.decode()
    assert "w-pct-84" in html
    assert "%84" in text_of(response)
    assert 'href="?yil=2025" aria-current="page"' in html
    # Links into the tree keep the lens.
    assert url("aim_detail", example_plan, "1") + "?yil=2025" in html


@pytest.mark.parametrize("year", ["2031", "abc", ""])
def test_plan_page_ignores_a_year_outside_the_plan(client, example_plan, year):
    response = client.get(url("plan_detail", example_plan), {"yil": year})
    assert response.status_code == 200
    assert "w-pct-31" in response.content.decode()


def test_plan_page_has_breadcrumbs_and_no_inline_style(client, example_plan):
    html = client.get(url("plan_detail", example_plan)).content.decode()
    assert re.search(r'<nav aria-label="[^"]+">\s*<ol class="breadcrumb">', html)
    assert not re.search(r"\sstyle=", html)
    assert "<style" not in html


def test_plan_page_shows_the_data_quality_findings_with_links(client, example_plan):
    response = client.get(url("plan_detail", example_plan), HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    panel = re.search(r'<section [^>]*class="[^"]*quality-panel.*?</section>', html, re.S)
    assert panel is not None
    # 1.1.2 reached 27 against a 2025 target of 25 from 30 (60 %) and nobody explained why.
    assert "Values below target without an explanation: 1" in panel.group(0)
    assert (
        f'<a href="{url("indicator_detail", example_plan, "1.1.2")}">Indicator 1.1.2 falls short'
        in panel.group(0)
    )
    # 1.1.1 is above target but explained: not a finding.
    assert "Values above target without an explanation" not in panel.group(0)


def test_plan_page_of_an_unknown_period_is_404(client, example_plan):
    response = client.get(
        reverse("plans:plan_detail", args=[example_plan.municipality.slug, 2020, 2024])
    )
    assert response.status_code == 404


# --- Drafts ---------------------------------------------------------------------------

PAGES = [
    ("plan_detail", None),
    ("aim_detail", "1"),
    ("objective_detail", "1.1"),
    ("indicator_detail", "1.1.1"),
    ("activity_list", None),
    ("methodology", None),
]


@pytest.fixture
def draft_plan(example_plan) -> StrategicPlan:
    StrategicPlan.objects.filter(pk=example_plan.pk).update(status=StrategicPlan.Status.DRAFT)
    example_plan.refresh_from_db()
    return example_plan


@pytest.mark.parametrize(("name", "code"), PAGES)
def test_draft_plan_pages_are_404_to_anonymous_visitors(client, draft_plan, name, code):
    assert client.get(url(name, draft_plan, code)).status_code == 404


@pytest.mark.parametrize(("name", "code"), PAGES)
def test_draft_plan_pages_are_404_to_editors_of_another_municipality(
    client, draft_plan, name, code
):
    client.force_login(plan_editor(MunicipalityFactory()))
    assert client.get(url(name, draft_plan, code)).status_code == 404


def test_draft_plan_pages_are_404_to_a_signed_in_citizen(client, draft_plan):
    client.force_login(UserFactory())
    assert client.get(url("plan_detail", draft_plan)).status_code == 404


def test_draft_plan_pages_are_404_to_an_editor_without_mfa(client, draft_plan):
    client.force_login(plan_editor(draft_plan.municipality, mfa=False))
    assert client.get(url("plan_detail", draft_plan)).status_code == 404


@pytest.mark.parametrize(("name", "code"), PAGES)
def test_draft_plan_pages_are_visible_to_the_municipalitys_editor(client, draft_plan, name, code):
    client.force_login(plan_editor(draft_plan.municipality))
    response = client.get(url(name, draft_plan, code))
    assert response.status_code == 200
    assert "Taslak" in response.content.decode() or "draft" in response.content.decode()


# --- Aim and objective pages -----------------------------------------------------------


def test_aim_page_lists_objectives_with_bars(client, example_plan):
    response = client.get(url("aim_detail", example_plan, "1"))
    html = response.content.decode()
    text = text_of(response)
    assert "Mahalle meclislerini yaygınlaştırmak" in text
    assert url("objective_detail", example_plan, "1.1") in html
    assert 'role="progressbar"' in html
    assert "w-pct-31" in html


def test_aim_page_year_lens_shows_that_years_realization(client, example_plan):
    html = client.get(url("aim_detail", example_plan, "1"), {"yil": "2025"}).content.decode()
    assert "w-pct-84" in html
    assert url("objective_detail", example_plan, "1.1") + "?yil=2025" in html


def test_unknown_codes_are_404(client, example_plan):
    assert client.get(url("aim_detail", example_plan, "9")).status_code == 404
    assert client.get(url("objective_detail", example_plan, "9.9")).status_code == 404
    assert client.get(url("indicator_detail", example_plan, "9.9.9")).status_code == 404


def _row(html: str, code: str) -> str:
    """The table row whose first cell links to the indicator ``code``, as text."""
    for row in re.findall(r"<tr\b.*?</tr>", html, flags=re.S):
        if f">{code}</a>" in row:
            return " ".join(re.sub(r"<[^>]+>", " ", row).split())
    raise AssertionError(f"no row for {code}")


def test_objective_page_shows_card_and_indicator_table(client, example_plan):
    response = client.get(url("objective_detail", example_plan, "1.1"))
    html = response.content.decode()
    text = text_of(response)
    assert "Katılımın düşük kalması" in text
    assert "1.250.000 ₺" in text
    header = re.search(r"<thead>.*?</thead>", html, re.S)
    assert header is not None
    assert re.findall(r">(20\d\d)</th>", header.group(0)) == [
        "2025",
        "2026",
        "2027",
        "2028",
        "2029",
    ]
    assert 'colspan="5"' in header.group(0)
    rising = _row(html, "1.1.1")
    # weight, baseline, targets 2025…2029, latest value (period), raw, counted, status.
    assert rising.startswith("1.1.1 Kurulan mahalle meclisi sayısı (adet) %60 10 20 30 40 50 60")
    assert "31 (2026-H1) %42 %42" in rising
    assert "Yolunda" in rising or "On track" in rising
    falling = _row(html, "1.1.2")
    assert "%40 30 25 20 15 12 10 27 (2025) %15 %15" in falling
    assert "Gecikmiş" in falling or "Overdue" in falling
    assert "badge-overdue" in html and "badge-on-track" in html


def test_objective_page_year_lens_shows_raw_above_100_and_counted_100(client, example_plan):
    response = client.get(
        url("objective_detail", example_plan, "1.1"), {"yil": "2025"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    rising = _row(html, "1.1.1")
    assert "120% above target 100%" in rising
    assert "w-pct-84" in html
    assert "60% 60%" in _row(html, "1.1.2")


# --- Indicator page -------------------------------------------------------------------


@pytest.fixture
def revised_plan(example_plan) -> StrategicPlan:
    indicator = Indicator.objects.get(plan=example_plan, code="1.1.1")
    editor = plan_editor(example_plan.municipality)
    append_revision(
        plan=example_plan,
        indicator=indicator,
        kind=FigureRevision.Kind.TARGET,
        old_value=Decimal(60),
        new_value=Decimal(65),
        reason="Yeni mahalleler kuruldu.",
        actor=editor,
        year=2029,
    )
    return example_plan


def test_indicator_page_shows_figures_measurements_and_revision_log(client, revised_plan):
    response = client.get(url("indicator_detail", revised_plan, "1.1.1"))
    text = text_of(response)
    html = response.content.decode()
    assert "Kurulan mahalle meclisi sayısı" in text
    assert "%42" in text  # plan lens
    assert "Yeni merkez açıldı; hedefin üzerinde." in text
    assert 'href="https://example.org/faaliyet-raporu-2025.pdf"' in html
    assert "Yeni mahalleler kuruldu." in text
    assert "60 65" in text  # old → new
    # The draft value (99) is not public.
    assert " 99 " not in text


def _chart_points(svg: str) -> list[dict[str, str]]:
    """Each series of the chart as {year: the value its point's tooltip shows}, in order."""
    ns = "{http://www.w3.org/2000/svg}"
    root = ET.fromstring(svg)  # noqa: S314 - our own markup
    assert root.get("role") == "img"
    series = []
    for group in root.iter(f"{ns}g"):
        if group.get("class") == "chart-series":
            points = {}
            for point in group.findall(f"{ns}g"):
                tip = point.findtext(f"{ns}*/{ns}title") or ""
                points[point.get("data-x") or ""] = tip.rsplit(": ", 1)[1]
            series.append(points)
    return series


def _table_columns(table: str) -> list[dict[str, str]]:
    """The data table's target and actual columns as {year: value}, blanks left out."""
    columns: list[dict[str, str]] = [{}, {}]
    for year, cells in re.findall(r'<th scope="row">(\d{4})</th>(.*?)</tr>', table, re.S):
        for index, name in enumerate(("target", "actual")):
            cell = re.search(rf'data-series="{name}">([^<]*)<', cells)
            assert cell is not None
            if cell.group(1).strip() != "–":
                columns[index][year] = cell.group(1).strip()
    return columns


def test_indicator_chart_is_in_a_figure_and_matches_its_data_table(client, example_plan):
    html = client.get(url("indicator_detail", example_plan, "1.1.1")).content.decode()
    figure = re.search(r"<figure\b.*?</figure>", html, flags=re.S)
    assert figure is not None and "<figcaption" in figure.group(0)
    svg = re.search(r"<svg\b.*?</svg>", figure.group(0), flags=re.S)
    table = re.search(r'<table class="[^"]*chart-data">.*?</table>', html, re.S)
    assert svg is not None and table is not None
    chart = _chart_points(svg.group(0))
    assert chart == _table_columns(table.group(0))
    assert chart == [
        {"2025": "20", "2026": "30", "2027": "40", "2028": "50", "2029": "60"},
        {"2025": "22", "2026": "31"},
    ]


# --- Activities -----------------------------------------------------------------------


def test_activities_are_grouped_by_objective_with_costs_per_year_and_totals(client, example_plan):
    objective = example_plan.objectives.get()
    activity = ActivityFactory(
        objective=objective,
        code="F1",
        name="Mahalle forumları",
        start_date=datetime.date(2025, 3, 1),
        end_date=datetime.date(2026, 6, 30),
    )
    ActivityCostFactory(
        activity=activity, year=2025, planned=Decimal(100000), actual=Decimal(95500)
    )
    ActivityCostFactory(activity=activity, year=2026, planned=Decimal(150000))
    other = ActivityFactory(objective=objective, code="F2", name="Gençlik meclisi", kind="project")
    ActivityCostFactory(
        activity=other, year=2025, planned=Decimal(1000000), actual=Decimal(1200000)
    )
    response = client.get(url("activity_list", example_plan))
    text = text_of(response)
    assert "Mahalle forumları" in text and "Gençlik meclisi" in text
    assert "100.000 ₺ 95.500 ₺ 150.000 ₺ – – – – – – – 250.000 ₺ 95.500 ₺" in text
    # Objective total for 2025: 1.100.000 planned, 1.295.500 actual; overall 1.250.000 planned.
    assert "1.100.000 ₺ 1.295.500 ₺" in text
    assert "1.250.000 ₺ 1.295.500 ₺" in text
    assert "01 Mar 2025" in text


def test_activities_page_without_activities_says_so(client, example_plan):
    response = client.get(url("activity_list", example_plan))
    assert response.status_code == 200
    assert "<table" not in response.content.decode()


# --- How is it calculated -------------------------------------------------------------


def test_methodology_page_works_the_rules_through_the_plans_own_numbers(client, example_plan):
    response = client.get(url("methodology", example_plan), HTTP_ACCEPT_LANGUAGE="en")
    text = text_of(response)
    # Rule 1, plan lens: (31 − 10) ÷ (60 − 10) × 100 = 42.
    assert "r = (31 − 10) ÷ (60 − 10) × 100 = 42.00" in text
    # Rule 3, year lens of the latest year: (31 − 10) ÷ (30 − 10) × 100 = 105 (2026-H1).
    assert "r = (31 − 10) ÷ (30 − 10) × 100 = 105.00 (value of 2026-H1)" in text
    # Rule 4: raw and counted.
    assert "Indicator 1.1.1: raw 42.00, counted as 42%." in text
    # Rule 6: shares 60 % and 40 %, contributions 25.2 and 6, objective 31.2; aim and plan means.
    assert "1.1.1 60.000 60.00 % 42.00 25.20" in text
    assert "1.1.2 40.000 40.00 % 15.00 6.00" in text
    assert "Realization of objective 1.1 31.20" in text
    assert "Realization of aim 1 31.20" in text
    assert "Plan realization 31.20" in text
    # Rule 7: thresholds from the settings, and the example's own status.
    assert "90 % or more" in text
    assert "Status of indicator 1.1.1: On track" in text


def test_methodology_page_in_turkish_uses_turkish_numbers(client, example_plan):
    text = text_of(client.get(url("methodology", example_plan)))
    assert "r = (31 − 10) ÷ (60 − 10) × 100 = 42,00" in text


def test_methodology_page_without_reported_values_explains_without_example(client):
    plan = build_plan(aims=1, objectives_per_aim=1, indicators_per_objective=1, measurements=False)
    response = client.get(url("methodology", plan), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "worked-formula" not in response.content.decode()
    assert "No indicator of this plan has a reported value yet" in text_of(response)


# --- Query counts ---------------------------------------------------------------------


@pytest.fixture
def big_plan() -> StrategicPlan:
    """5 aims × 5 objectives × 6 indicators = 150 indicators, with activities."""
    plan = build_plan(
        aims=5, objectives_per_aim=5, indicators_per_objective=6, activities_per_objective=2
    )
    assert plan.indicators.count() >= 150
    return plan


@pytest.fixture
def small_plan() -> StrategicPlan:
    return build_plan(
        aims=1, objectives_per_aim=1, indicators_per_objective=1, activities_per_objective=1
    )


def _count(client, path: str, django_assert_max_num_queries, limit: int) -> None:  # type: ignore[no-untyped-def]
    with django_assert_max_num_queries(limit):
        assert client.get(path).status_code == 200


# Public plans also show the item's suggestions and offers (participation's node section).
NODE_SECTION = 4
QUERY_LIMITS = {
    "plan_detail": 9 + NODE_SECTION,  # 3 for the page, 6 for the data-quality audit
    "aim_detail": 3 + NODE_SECTION,
    "objective_detail": 5 + NODE_SECTION + 2,  # + monitoring's CSO assessments and summary
    "indicator_detail": 5 + NODE_SECTION + 1,  # + monitoring's CSO assessments
    "activity_list": 3,
    "methodology": 7,
}


@pytest.mark.parametrize(("name", "code"), PAGES)
def test_page_query_count_is_small_and_independent_of_plan_size(
    client, big_plan, small_plan, django_assert_max_num_queries, name, code
):
    limit = QUERY_LIMITS[name]
    _count(client, url(name, big_plan, code), django_assert_max_num_queries, limit)
    _count(client, url(name, small_plan, code), django_assert_max_num_queries, limit)
    _count(client, url(name, big_plan, code) + "?yil=2026", django_assert_max_num_queries, limit)


# Signed in: session, user and unread notifications (+3); a draft asks for the editor's
# membership and second factor (+2).
SIGNED_IN_DRAFT_EXTRA = 5


@pytest.mark.parametrize(("name", "code"), PAGES)
def test_editor_reading_a_big_draft_costs_a_fixed_number_of_queries_more(
    client, django_assert_max_num_queries, name, code
):
    plan = build_plan(
        aims=5,
        objectives_per_aim=5,
        indicators_per_objective=6,
        activities_per_objective=2,
        status=StrategicPlan.Status.DRAFT,
    )
    client.force_login(plan_editor(plan.municipality))
    limit = QUERY_LIMITS[name] + SIGNED_IN_DRAFT_EXTRA
    _count(client, url(name, plan, code), django_assert_max_num_queries, limit)


def test_big_plan_page_shows_every_aim(client, big_plan):
    text = text_of(client.get(url("plan_detail", big_plan)))
    for code in range(1, 6):
        assert f"Amaç {code}: kentte yaşam kalitesini artırmak" in text


# --- The plan section of the municipality page -----------------------------------------


def test_municipality_page_shows_the_current_plan_with_its_aims(client, example_plan):
    municipality = example_plan.municipality
    PlanFactory(municipality=municipality, start_year=2020, end_year=2024, status="archived")
    PlanFactory(municipality=municipality, start_year=2030, end_year=2034)  # a draft
    response = client.get(reverse("organizations:municipality_detail", args=[municipality.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    assert url("plan_detail", example_plan) in html
    assert url("aim_detail", example_plan, "1") in html
    assert "w-pct-31" in html
    # The archived plan is offered as another plan; the draft is not shown at all.
    assert reverse("plans:plan_detail", args=[municipality.slug, 2020, 2024]) in html
    assert "2030" not in html


def test_municipality_page_without_a_public_plan_says_so(client):
    municipality = PlanFactory().municipality  # a draft only
    response = client.get(reverse("organizations:municipality_detail", args=[municipality.slug]))
    assert response.status_code == 200
    assert "/plan/2025-2029/" not in response.content.decode()


def test_plan_section_costs_three_queries_whatever_the_plan_size(
    big_plan, django_assert_num_queries
):
    from django.template.loader import render_to_string

    with django_assert_num_queries(3):
        html = render_to_string(
            "plans/municipality_plan_section.html", {"municipality": big_plan.municipality}
        )
    assert html.count('role="progressbar"') == 6  # the plan and its five aims


def test_current_plan_prefers_the_adopted_plan_covering_this_year(example_plan):
    from ortak.plans.selectors import current_plan

    municipality = example_plan.municipality
    PlanFactory(municipality=municipality, start_year=2030, end_year=2034, status="consultation")
    PlanFactory(municipality=municipality, start_year=2020, end_year=2024, status="archived")
    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)):
        assert current_plan(municipality) == example_plan
    with time_machine.travel(datetime.datetime(2031, 6, 1, 12, tzinfo=datetime.UTC)):
        # The plan in consultation covers 2031; the adopted one has ended.
        assert current_plan(municipality).start_year == 2030
    with time_machine.travel(datetime.datetime(2036, 6, 1, 12, tzinfo=datetime.UTC)):
        # No plan covers 2036: the newest one.
        assert current_plan(municipality).start_year == 2030
