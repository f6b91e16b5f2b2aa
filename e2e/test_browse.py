"""Flow 1: a visitor goes from the home page to a municipality, an aim, an objective and an
indicator, and reads the chart's data table."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from playwright.sync_api import Page

from e2e.data import TOWN_NAME, town_with_plan
from e2e.helpers import (
    as_number,
    assert_fits_width,
    assert_language,
    follow,
    step,
    submit_with_enter,
    type_into,
    visit,
)


@pytest.mark.parametrize(
    ("language", "device"), [("tr", "desktop"), ("en", "desktop"), ("tr", "mobile")]
)
def test_visitor_reads_an_indicator_from_the_home_page(
    new_page: Callable[..., Page], language: str, device: str
) -> None:
    town = town_with_plan()
    plan = f"/belediyeler/{town.municipality.slug}/plan/{town.plan.period_label}"
    page = new_page(language=language, device=device)

    with step("home page"):
        visit(page, "/")
        assert_language(page, language)
        if device == "mobile":
            assert_fits_width(page)

    with step("open the pilot municipality from the home page"):
        follow(page, page.get_by_role("link", name=TOWN_NAME, exact=True).first)
        assert page.get_by_role("heading", level=1).inner_text().startswith(TOWN_NAME)
        assert page.url.endswith(f"/belediyeler/{town.municipality.slug}/")
        fits(page, device)

    with step("the plan summary on the municipality page leads to aim 1"):
        follow(page, page.locator(f'#plan a[href="{plan}/amac/1/"]'))
        fits(page, device)

    with step("aim 1 lists its objectives; open objective 1.2"):
        follow(page, page.locator(f'main table a[href^="{plan}/hedef/1.2/"]'))
        fits(page, device)

    with step("objective 1.2 lists its indicators; open indicator 1.2.1"):
        follow(page, page.locator(f'main table a[href="{plan}/gosterge/1.2.1/"]'))
        fits(page, device)

    with step("the chart is a figure with a caption, and its data table has every plan year"):
        figure = page.locator("main figure").first
        assert figure.locator("svg").count() == 1
        assert figure.locator("figcaption").inner_text().strip()
        table = page.locator("main table.chart-data")
        assert table.locator("caption").inner_text().strip()
        years = table.locator("tbody th[scope=row]").all_inner_texts()
        assert [int(y) for y in years] == town.plan.years
        # build_plan: indicator 1.2.1 (the fourth) is decreasing from 60: targets 52, 44, …, 20;
        # its 2025 value is 60 − 8 × 0.8 = 53.6.
        first_year = table.locator("tbody tr").first
        target = first_year.locator('[data-series="target"]').inner_text()
        actual = first_year.locator('[data-series="actual"]').inner_text()
        assert as_number(target, language) == Decimal("52")
        assert as_number(actual, language) == Decimal("53.6")


def fits(page: Page, device: str) -> None:
    if device == "mobile":
        assert_fits_width(page)


def test_visitor_finds_a_municipality_by_name_with_the_keyboard(page: Page) -> None:
    town_with_plan()
    visit(page, "/belediyeler/")
    with step("type the name in capitals (Turkish folding: I → ı) and press Enter"):
        name = page.locator('main form[role="search"] input[name="q"]')
        type_into(page, name, "IŞIKLIKENT")
        submit_with_enter(page, name)
    with step("the list shows only the match, in a captioned table"):
        rows = page.locator("table tbody tr")
        assert rows.count() == 1
        assert page.locator("table caption").count() == 1
        follow(page, rows.get_by_role("link", name=TOWN_NAME))
