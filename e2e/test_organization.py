"""Flow 3: a user registers an organization, a moderator verifies it, and the organization's
member sends a cooperation offer on an indicator of the municipality's plan."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from e2e.data import person, town_with_plan
from e2e.helpers import (
    activate_with_keyboard,
    assert_language,
    check_with_keyboard,
    choose_with_keyboard,
    follow,
    log_in,
    step,
    type_into,
    visit,
)
from ortak.organizations.models import Membership, Organization
from ortak.participation.models import Contribution

ORGANIZATION_NAME = "Işıklıkent Çevre Gönüllüleri Derneği"


@pytest.mark.parametrize("language", ["tr", "en"])
def test_user_registers_an_organization_and_a_moderator_verifies_it(
    new_page: Callable[..., Page], language: str
) -> None:
    town = town_with_plan()
    founder = person("deniz@example.org", language=language)
    moderator = person("moderator@example.org", language=language, is_moderator=True)

    page = new_page(language=language)
    with step("the founder logs in and opens the registration form from the home page"):
        log_in(page, founder.email, founder.password)
        assert_language(page, language)
        visit(page, "/")
        activate_with_keyboard(page, page.locator('main a[href="/kuruluslar/yeni/"]'))

    with step("fill the registration form with the keyboard"):
        type_into(page, page.locator("#id_name"), ORGANIZATION_NAME)
        choose_with_keyboard(page, page.locator("#id_kind"), value="association")
        type_into(page, page.locator("#id_registry_number"), "06-123-456")
        choose_with_keyboard(
            page, page.locator("#id_province"), value=str(town.municipality.province_id)
        )
        choose_with_keyboard(
            page, page.locator("#id_municipality"), value=str(town.municipality.pk)
        )
        check_with_keyboard(
            page, page.locator('input[name="fields_of_activity"][value="environment"]')
        )
        type_into(page, page.locator("#id_description"), "Kent ormanlarını ve dereleri izleriz.")
        type_into(page, page.locator("#id_email"), "iletisim@cevre.example.org")
        activate_with_keyboard(page, page.locator('main form button[type="submit"]'))

    organization = Organization.objects.get(name=ORGANIZATION_NAME)
    with step("the organization is registered, pending, with the founder as its admin"):
        assert page.url.endswith(f"/kuruluslar/{organization.slug}/")
        assert organization.verification == Organization.Verification.PENDING
        assert Membership.objects.filter(
            user=founder.user, organization=organization, role=Membership.Role.ORGANIZATION_ADMIN
        ).exists()

    moderator_page = new_page(language=language)
    with step("the moderator finds it in the queue and verifies it"):
        log_in(moderator_page, moderator.email, moderator.password)
        visit(moderator_page, "/kuruluslar/inceleme/")
        activate_with_keyboard(
            moderator_page, moderator_page.get_by_role("link", name=ORGANIZATION_NAME)
        )
        type_into(
            moderator_page, moderator_page.locator("#id_note"), "Dernekler kütüğünde kayıtlı."
        )
        activate_with_keyboard(
            moderator_page,
            moderator_page.locator('form:has(input[name="decision"][value="verify"]) button'),
        )
        assert moderator_page.url.endswith("/kuruluslar/inceleme/")
        organization.refresh_from_db()
        assert organization.verification == Organization.Verification.VERIFIED

    with step("the founder sees the decision in the notifications and on the public page"):
        visit(page, "/bildirimler/")
        assert ORGANIZATION_NAME in page.locator("main").inner_text()
        visit(page, f"/kuruluslar/{organization.slug}/")

    indicator = town.plan.indicators.get(code="2.1.2")
    plan = f"/belediyeler/{town.municipality.slug}/plan/{town.plan.period_label}"
    with step("on behalf of the organization, offer cooperation on indicator 2.1.2"):
        visit(page, f"{plan}/gosterge/2.1.2/")
        follow(
            page,
            page.locator(f'main a[href="/katilim/isbirligi/yeni/?hedef=indicator:{indicator.pk}"]'),
        )
        organization_choice = page.locator("#id_organization")
        assert organization_choice.input_value() == str(organization.pk)
        type_into(page, page.locator("#id_title"), "Dere izleme gönüllüleri")
        type_into(page, page.locator("#id_text"), "Her ay iki derede su kalitesi ölçümü yaparız.")
        check_with_keyboard(page, page.locator('input[name="offered"][value="volunteers"]'))
        check_with_keyboard(page, page.locator('input[name="offered"][value="data"]'))
        type_into(page, page.locator("#id_contact_name"), "Deniz Kaya")
        type_into(page, page.locator("#id_contact_email"), "deniz@example.org")
        activate_with_keyboard(page, page.locator('main form[enctype] button[type="submit"]'))

    with step("the offer is on record for the unit responsible for the indicator"):
        offer = Contribution.objects.get(title="Dere izleme gönüllüleri")
        assert offer.is_offer
        assert offer.organization == organization
        assert offer.unit == town.unit
        assert page.url.endswith(f"/katilim/katki/{offer.pk}/")
