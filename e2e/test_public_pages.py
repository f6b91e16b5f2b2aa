"""The public frame every page shares: languages, keyboard access, phones."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from e2e.data import town_with_plan
from e2e.helpers import (
    activate_with_keyboard,
    assert_fits_width,
    assert_focus_visible,
    assert_language,
    step,
    visit,
)
from ortak.organizations.tests.factories import OrganizationFactory


@pytest.mark.parametrize("language", ["tr", "en"])
def test_home_page_is_served_in_the_visitors_language(
    new_page: Callable[..., Page], language: str
) -> None:
    page = new_page(language=language)
    visit(page, "/")
    assert_language(page, language)


def test_first_tab_stop_is_a_visible_skip_link_to_the_content(page: Page) -> None:
    visit(page, "/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    assert skip.evaluate("el => document.activeElement === el"), "Skip link is not the first stop"
    assert skip.is_visible()
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_language_switcher_works_with_the_keyboard_alone(page: Page) -> None:
    visit(page, "/")
    activate_with_keyboard(page, page.locator('form.language-switcher button[value="en"]'))
    assert_language(page, "en")
    activate_with_keyboard(page, page.locator('form.language-switcher button[value="tr"]'))
    assert_language(page, "tr")


def test_home_page_fits_a_360_px_phone(new_page: Callable[..., Page]) -> None:
    page = new_page(device="mobile")
    visit(page, "/")
    assert_fits_width(page)


@pytest.mark.parametrize(("language", "device"), [("tr", "mobile"), ("en", "desktop")])
def test_public_pages_pass_axe(new_page: Callable[..., Page], language: str, device: str) -> None:
    """Every public page a visitor can reach without an account, with real content on it (on a
    desktop, the pages that flow 1 already checks are left out)."""
    town = town_with_plan()
    organization = OrganizationFactory(municipality=town.municipality, name="Kent Konseyi")
    plan = f"/belediyeler/{town.municipality.slug}/plan/{town.plan.period_label}"
    page = new_page(language=language, device=device)
    flow_1 = [
        f"/belediyeler/{town.municipality.slug}/",
        f"{plan}/amac/2/",
        f"{plan}/hedef/2.1/",
        f"{plan}/gosterge/2.1.3/",
    ]
    paths = [
        "/belediyeler/",
        "/belediyeler/?q=ışık",
        *(flow_1 if device == "mobile" else []),
        f"{plan}/",
        f"{plan}/faaliyetler/",
        f"{plan}/nasil-hesaplaniyor/",
        "/kuruluslar/",
        f"/kuruluslar/{organization.slug}/",
        "/hesabim/gizlilik/",
        "/hesap/login/",
        "/hesap/signup/",
        "/hesap/password/reset/",
        "/sayfa-yok/",
    ]
    for path in paths:
        with step(f"axe on {path}"):
            visit(page, path, status=404 if path == "/sayfa-yok/" else 200)
            assert_language(page, language)
            if device == "mobile":
                assert_fits_width(page)
