"""Flow 5: a municipality editor (with MFA) uploads a plan workbook, reads the preview, imports,
publishes the plan and records a measurement, which the public indicator page then shows."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import Page

from e2e.data import person
from e2e.helpers import (
    activate_with_keyboard,
    as_number,
    assert_language,
    choose_with_keyboard,
    follow,
    log_in,
    step,
    type_into,
    visit,
)
from ortak.organizations.models import Membership
from ortak.organizations.tests.factories import (
    MunicipalityFactory,
    UnitFactory,
    municipality_membership,
)
from ortak.plans.models import Measurement, StrategicPlan
from ortak.plans.tests.data.builders import OTHER_UNIT, UNIT, sample_document, xlsx

TOWN = "Çamlıdere Belediyesi"


@pytest.mark.parametrize("language", ["tr", "en"])
def test_editor_imports_publishes_and_records_a_value(
    new_page: Callable[..., Page], language: str, tmp_path: Path
) -> None:
    municipality = MunicipalityFactory(name=TOWN, slug="camlidere")
    UnitFactory(municipality=municipality, name=UNIT, is_strategy_unit=True)
    UnitFactory(municipality=municipality, name=OTHER_UNIT)
    editor = person("strateji@camlidere.example.org", language=language, mfa=True)
    municipality_membership(Membership.Role.EDITOR, municipality=municipality, user=editor.user)
    workbook = tmp_path / "stratejik-plan-2025-2029.xlsx"
    workbook.write_bytes(xlsx(sample_document(municipality=TOWN, measurements=False)))
    base = f"/belediyeler/{municipality.slug}"
    plan_path = f"{base}/plan/2025-2029"

    page = new_page(language=language)
    with step("the editor logs in with the password and the authenticator code"):
        log_in(page, editor.email, editor.password, totp=editor.totp_code)
        assert_language(page, language)

    with step("from the municipality page to the plan editor, and from there to the import"):
        visit(page, f"{base}/")
        follow(page, page.locator(f'#plan a[href="{base}/planlar/"]'))
        visit(page, f"{base}/")
        activate_with_keyboard(page, page.locator(f'#plan a[href="{base}/planlar/ice-aktar/"]'))

    with step("upload the workbook and ask for the check"):
        page.locator("#id_file").set_input_files(workbook)
        activate_with_keyboard(page, page.locator('main form[enctype] button[type="submit"]'))
        assert "/planlar/ice-aktar/onizleme/" in page.url

    with step("the preview shows no error and what will be created"):
        assert page.locator("main .alert-danger").count() == 0
        counts = page.locator("main table").first
        assert counts.locator("caption").inner_text().strip()
        created = [
            as_number(cell, language)
            for cell in counts.locator("tbody tr td:nth-of-type(1)").all_inner_texts()
        ]
        # 2 aims, 4 objectives, 8 indicators, 4 activities (and their targets, costs …)
        assert {Decimal(2), Decimal(4), Decimal(8)} <= set(created), created
        assert not StrategicPlan.objects.filter(municipality=municipality).exists()

    with step("import: the draft plan is created and shown"):
        activate_with_keyboard(page, page.locator('main form[method="post"] button[type="submit"]'))
        assert page.url.endswith(f"{plan_path}/")
        plan = StrategicPlan.objects.get(municipality=municipality)
        assert plan.status == StrategicPlan.Status.DRAFT
        assert plan.indicators.count() == 8

    with step("publish: record the council's adoption on the editor dashboard"):
        visit(page, f"{plan_path}/duzenle/")
        adopt = page.locator('form:has(input[name="status"][value="adopted"])')
        type_into(page, adopt.locator('input[name="council_decision_date"]'), "01102024")
        type_into(page, adopt.locator('input[name="council_decision_number"]'), "2024/112")
        activate_with_keyboard(page, adopt.locator('button[type="submit"]'))
        plan.refresh_from_db()
        assert plan.status == StrategicPlan.Status.ADOPTED, page.locator("main").inner_text()[:500]

    with step("record the 2025 value of indicator 1.1.1 from the dashboard"):
        follow(page, page.locator(f'main a[href="{plan_path}/duzenle/gosterge/1.1.1/degerler/"]'))
        choose_with_keyboard(page, page.locator("#id_period"), value="2025")
        type_into(page, page.locator("#id_value"), "27")
        type_into(page, page.locator("#id_explanation"), "Mahalle toplantıları planlanandan fazla.")
        type_into(page, page.locator("#id_evidence_url"), "https://camlidere.example.org/rapor.pdf")
        choose_with_keyboard(page, page.locator("#id_status"), value="published")
        activate_with_keyboard(page, page.locator('main form[enctype] button[type="submit"]'))
        value = Measurement.objects.get(indicator__plan=plan, indicator__code="1.1.1")
        assert value.period == "2025"
        assert value.value == Decimal(27)
        assert value.status == Measurement.Status.PUBLISHED

    with step("the public indicator page shows the value in the chart's data table"):
        visit(page, f"{plan_path}/gosterge/1.1.1/")
        first_year = page.locator("main table.chart-data tbody tr").first
        actual = first_year.locator('[data-series="actual"]').inner_text()
        assert as_number(actual, language) == Decimal(27)
