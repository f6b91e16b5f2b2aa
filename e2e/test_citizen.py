"""Flow 2: a citizen signs up with the keyboard alone, confirms the e-mail, sends a suggestion on
an objective, and later reads the municipality's answer through the notifications."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core import mail
from playwright.sync_api import Page

from e2e.data import PASSWORD, responder_of, town_with_plan
from e2e.helpers import (
    activate_with_keyboard,
    assert_language,
    check_with_keyboard,
    follow,
    mail_link,
    step,
    type_into,
    visit,
)
from ortak.accounts.models import User
from ortak.participation.models import Contribution, Status
from ortak.participation.services import answer_contribution

TITLE = "Mahalle forumları hafta sonu da yapılsın"


@pytest.mark.parametrize("language", ["tr", "en"])
def test_citizen_signs_up_suggests_on_an_objective_and_reads_the_answer(
    new_page: Callable[..., Page], language: str
) -> None:
    town = town_with_plan()
    responder = responder_of(town)
    plan = f"/belediyeler/{town.municipality.slug}/plan/{town.plan.period_label}"
    objective = town.plan.objectives.get(code="1.2")
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

    with step("read objective 1.2 and choose 'make a suggestion' on it"):
        visit(page, f"{plan}/hedef/1.2/")
        follow(
            page,
            page.locator(f'main a[href="/katilim/oneri/yeni/?hedef=objective:{objective.pk}"]'),
        )

    with step("write the suggestion with the keyboard and send it"):
        type_into(page, page.locator("#id_title"), TITLE)
        type_into(page, page.locator("#id_text"), "Çalışanlar hafta içi akşam katılamıyor.")
        activate_with_keyboard(page, page.locator('main form[enctype] button[type="submit"]'))
        suggestion = Contribution.objects.get(title=TITLE)
        assert suggestion.author == user
        assert suggestion.unit == town.unit
        assert page.url.endswith(f"/katilim/katki/{suggestion.pk}/")

    answer = "Öneriniz kabul edildi; Mart ayından itibaren cumartesi forumları başlıyor."
    answer_contribution(
        actor=responder.user, contribution=suggestion, status=Status.ACCEPTED, text=answer
    )

    with step("later: the header shows an unread notification that leads to the answer"):
        visit(page, "/")
        activate_with_keyboard(page, page.locator('header a[href="/bildirimler/"]'))
        notification = page.locator(f'main a[href*="/katilim/katki/{suggestion.pk}/"]').first
        assert TITLE in notification.inner_text()
        follow(page, notification)
        assert answer in page.locator("#answers").inner_text()
