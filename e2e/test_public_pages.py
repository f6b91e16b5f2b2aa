"""The public frame every page shares: languages, keyboard access, phones."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from e2e.helpers import (
    activate_with_keyboard,
    assert_fits_width,
    assert_focus_visible,
    assert_language,
    visit,
)


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
