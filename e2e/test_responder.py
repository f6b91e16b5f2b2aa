"""Flow 4: a municipality responder (with MFA) answers a citizen's suggestion and an
organization's cooperation offer from the inbox; both authors are notified."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from e2e.data import node, person, responder_of, town_with_plan, verified_organization
from e2e.helpers import (
    activate_with_keyboard,
    assert_language,
    choose_with_keyboard,
    follow,
    log_in,
    step,
    type_into,
    visit,
)
from ortak.notifications.models import Notification
from ortak.participation.models import Status
from ortak.participation.services import submit_offer, submit_suggestion


@pytest.mark.parametrize("language", ["tr", "en"])
def test_responder_answers_a_suggestion_and_an_offer(
    new_page: Callable[..., Page], language: str
) -> None:
    town = town_with_plan()
    responder = responder_of(town, language=language)
    citizen = person("mehmet@example.org")
    founder = person("dernek@example.org")
    organization = verified_organization(town, founder, "Işıklıkent Kent Konseyi")
    suggestion = submit_suggestion(
        actor=citizen.user,
        target=node(town, "objective", "1.1"),
        title="Parklara içme suyu çeşmesi",
        text="Çocuk parklarının çoğunda çeşme yok.",
    )
    offer = submit_offer(
        actor=founder.user,
        target=node(town, "indicator", "2.2.1"),
        organization=organization,
        title="Gönüllü park bekçileri",
        text="Hafta sonları parklarda gönüllü nöbet tutabiliriz.",
        offered=["volunteers"],
        contact_name="Dernek Sekreteri",
        contact_email="dernek@example.org",
    )

    page = new_page(language=language)
    with step("the responder logs in with the password and the authenticator code"):
        log_in(page, responder.email, responder.password, totp=responder.totp_code)
        assert_language(page, language)

    with step("the inbox lists both, each with its due date (no link to the inbox yet)"):
        visit(page, "/katilim/gelen-kutusu/")
        inbox = page.locator("main")
        assert inbox.locator(f'a[href="/katilim/katki/{suggestion.pk}/"]').count() == 1
        assert inbox.locator(f'a[href="/katilim/katki/{offer.pk}/"]').count() == 1

    answers = {
        suggestion.pk: (Status.ACCEPTED, "Yaz aylarına kadar on iki parka çeşme koyacağız."),
        offer.pk: (Status.UNDER_REVIEW, "Park ve Bahçeler Müdürlüğü sizinle görüşecek."),
    }
    for pk, (status, text) in answers.items():
        with step(f"answer contribution {pk} as {status} with the keyboard"):
            visit(page, "/katilim/gelen-kutusu/")
            follow(page, page.locator(f'main a[href="/katilim/katki/{pk}/"]'))
            answer_form = page.locator('main form[action$="/yanit/"]')
            choose_with_keyboard(page, answer_form.locator('select[name="status"]'), value=status)
            type_into(page, answer_form.locator('textarea[name="text"]'), text)
            activate_with_keyboard(page, answer_form.locator('button[type="submit"]'))
            assert text in page.locator("#answers").inner_text()

    with step("both answered within the deadline, and both authors notified"):
        suggestion.refresh_from_db()
        offer.refresh_from_db()
        assert (suggestion.status, offer.status) == (Status.ACCEPTED, Status.UNDER_REVIEW)
        assert suggestion.answered_within_deadline and offer.answered_within_deadline
        assert Notification.objects.filter(
            recipient=citizen.user, url__contains=f"/katilim/katki/{suggestion.pk}/"
        ).exists()
        assert Notification.objects.filter(
            recipient=founder.user, url__contains=f"/katilim/katki/{offer.pk}/"
        ).exists()
