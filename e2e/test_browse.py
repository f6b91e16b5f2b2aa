"""Flow 1: a visitor goes from the home page to a municipality, an aim, an objective and an
indicator, and reads the chart's data table."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from e2e.data import TOWN_NAME, town_with_plan
from e2e.helpers import (
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
def test_visitor_goes_from_the_home_page_to_a_municipality(
    new_page: Callable[..., Page], language: str, device: str
) -> None:
    town = town_with_plan()
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
