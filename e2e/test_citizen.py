"""Flow 2 (first part): a citizen signs up with the keyboard alone and confirms the e-mail.

The rest of flow 2 (a suggestion on an objective, the answer in the notifications) needs the
participation pages; see e2e/README.md.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core import mail
from playwright.sync_api import Page

from e2e.data import PASSWORD
from e2e.helpers import (
    activate_with_keyboard,
    assert_language,
    check_with_keyboard,
    mail_link,
    step,
    type_into,
    visit,
)
from ortak.accounts.models import User


@pytest.mark.parametrize("language", ["tr", "en"])
def test_citizen_signs_up_and_confirms_the_email_with_the_keyboard(
    new_page: Callable[..., Page], language: str
) -> None:
    page = new_page(language=language)
    email = f"ayse.{language}@example.org"

    with step("open the sign-up form from the header"):
        visit(page, "/")
        activate_with_keyboard(page, page.locator('header a[href="/hesap/signup/"]'))
        assert_language(page, language)

    with step("fill the form with Tab and typing, accept the privacy notice with Space"):
        type_into(page, page.locator("#id_email"), email)
        type_into(page, page.locator("#id_display_name"), "Ayşe Yılmaz")
        type_into(page, page.locator("#id_password1"), PASSWORD)
        type_into(page, page.locator("#id_password2"), PASSWORD)
        check_with_keyboard(page, page.locator("#id_privacy_consent"))
        activate_with_keyboard(page, page.locator('main form button[type="submit"]'))
        assert "/hesap/confirm-email/" in page.url, f"Sign-up did not go through: {page.url}"

    with step("open the confirmation link from the e-mail and confirm"):
        link = mail_link(mail.outbox, email, r"/hesap/confirm-email/[^/\s]+/")
        visit(page, link)
        activate_with_keyboard(page, page.locator('main form button[type="submit"]'))

    with step("signed in, in the chosen language, with the consent on record"):
        assert page.locator('form[action="/hesap/logout/"]').count() == 1
        assert_language(page, language)
        user = User.objects.get(email=email)
        assert user.preferred_language == language
        assert user.consents.count() == 1
