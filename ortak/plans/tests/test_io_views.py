"""Import and export pages: upload → preview → confirm, downloads, permissions, query counts."""

from __future__ import annotations

import datetime
import io
import json

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ortak.accounts.tests.factories import UserFactory
from ortak.organizations.models import Membership
from ortak.organizations.tests.factories import MunicipalityFactory, UnitFactory
from ortak.plans.models import FigureRevision, Indicator, IndicatorTarget, StrategicPlan
from ortak.plans.tests.data.builders import OTHER_UNIT, UNIT, edit_xlsx, xlsx
from ortak.plans.tests.factories import build_plan, plan_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipality():
    municipality = MunicipalityFactory(name="Deneme Belediyesi", slug="deneme")
    UnitFactory(municipality=municipality, name=UNIT, slug="strateji")
    UnitFactory(municipality=municipality, name=OTHER_UNIT, slug="fen")
    return municipality


@pytest.fixture
def editor(municipality):
    return plan_editor(municipality)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def upload_url(municipality):
    return reverse("plans:import_upload", args=[municipality.slug])


def upload(client, municipality, content, name="plan.xlsx", **data):
    return client.post(
        upload_url(municipality), {"file": SimpleUploadedFile(name, content), **data}
    )


def export_url(plan, fmt):
    return reverse(
        "plans:plan_export", args=[plan.municipality.slug, plan.start_year, plan.end_year, fmt]
    )


# --- Upload, preview, confirm ---------------------------------------------------------


def test_the_upload_page_offers_the_form_and_the_template(editor_client, municipality):
    response = editor_client.get(upload_url(municipality))

    assert response.status_code == 200
    page = response.content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert reverse("plans:import_template", args=["deneme"]) in page
    assert 'name="create_units"' not in page  # editors do not manage units


def test_a_municipality_admin_may_ask_to_create_units(client, municipality):
    client.force_login(plan_editor(municipality, role=Membership.Role.MUNICIPALITY_ADMIN))

    assert 'name="create_units"' in client.get(upload_url(municipality)).content.decode()


def test_uploading_shows_a_preview_and_writes_nothing(editor_client, municipality):
    response = upload(editor_client, municipality, xlsx())

    assert response.status_code == 302
    preview = editor_client.get(response["Location"])
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "2025-2029" in page
    assert 'name="csrfmiddlewaretoken"' in page and "<table" in page
    assert not StrategicPlan.objects.exists()


def test_confirming_imports_the_plan_and_opens_it(editor_client, municipality):
    preview_url = upload(editor_client, municipality, xlsx())["Location"]

    response = editor_client.post(preview_url)

    plan = StrategicPlan.objects.get(municipality=municipality)
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:plan_detail", args=["deneme", 2025, 2029])
    assert Indicator.objects.filter(plan=plan).count() == 8
    # The upload is gone once imported: the same token cannot import twice.
    assert editor_client.get(preview_url).status_code == 302


def test_errors_are_listed_with_sheet_row_column_and_value(editor_client, municipality):
    content = edit_xlsx(xlsx(), {("Göstergeler", "E3"): "yüksek"})

    preview = editor_client.get(upload(editor_client, municipality, content)["Location"])

    page = preview.content.decode()
    assert "Göstergeler" in page and "Hedefe etkisi (%)" in page and "<code>yüksek</code>" in page
    assert 'id="import-errors"' in page
    assert '<button type="submit" class="btn btn-primary">' not in page


def test_errors_are_shown_in_english_to_an_english_reader(editor_client, municipality):
    content = edit_xlsx(xlsx(), {("Göstergeler", "E3"): "yüksek"})
    preview_url = upload(editor_client, municipality, content)["Location"]
    editor_client.cookies["ortak_language"] = "en"

    page = editor_client.get(preview_url).content.decode()

    assert "This is not a number." in page


def test_confirming_a_file_with_errors_writes_nothing(editor_client, municipality):
    preview_url = upload(editor_client, municipality, edit_xlsx(xlsx(), {("Amaçlar", "A3"): "1"}))[
        "Location"
    ]

    response = editor_client.post(preview_url)

    assert response.status_code == 200
    assert not StrategicPlan.objects.exists()


def test_an_adopted_plan_asks_for_a_reason_before_revising(editor_client, municipality, editor):
    upload_and_confirm = upload(editor_client, municipality, xlsx())["Location"]
    editor_client.post(upload_and_confirm)
    StrategicPlan.objects.update(status=StrategicPlan.Status.ADOPTED)
    preview_url = upload(
        editor_client, municipality, edit_xlsx(xlsx(), {("Göstergeler", "J2"): 35})
    )["Location"]

    page = editor_client.get(preview_url).content.decode()
    refused = editor_client.post(preview_url, {"reason": ""})
    accepted = editor_client.post(preview_url, {"reason": "Ara değerlendirme"})

    assert 'name="reason"' in page
    assert refused.status_code == 200 and 'aria-invalid="true"' in refused.content.decode()
    assert accepted.status_code == 302
    assert FigureRevision.objects.get().reason == "Ara değerlendirme"
    assert IndicatorTarget.objects.get(indicator__code="1.1.1", year=2026).value == 35


def test_a_csv_is_imported_into_the_chosen_plan(editor_client, municipality):
    editor_client.post(upload(editor_client, municipality, xlsx(measurements=False))["Location"])
    plan = StrategicPlan.objects.get()
    text = "Gösterge kodu;Dönem;Değer;Açıklama;Kanıt\n1.1.1;2025;20;;\n"

    preview_url = upload(editor_client, municipality, text.encode(), name="o.csv", plan=plan.pk)[
        "Location"
    ]
    editor_client.post(preview_url)

    assert plan.indicators.get(code="1.1.1").measurements.get(period="2025").value == 20


def test_a_file_over_the_limit_is_refused_by_the_form(editor_client, municipality, settings):
    settings.ORTAK_IMPORT_MAX_BYTES = 1000

    response = upload(editor_client, municipality, xlsx())

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()


def test_a_preview_token_of_another_user_finds_nothing(client, editor_client, municipality):
    preview_url = upload(editor_client, municipality, xlsx())["Location"]
    client.force_login(plan_editor(municipality))

    response = client.get(preview_url)

    assert response.status_code == 302
    assert response["Location"] == upload_url(municipality)


def test_a_forged_token_finds_nothing(editor_client, municipality):
    url = reverse("plans:import_preview", args=["deneme", "bm90LWEtdG9rZW4:abc:def"])

    assert editor_client.get(url).status_code == 302


# --- Template and downloads -------------------------------------------------------------


def test_the_template_download_is_an_xlsx_with_the_chosen_years(client, municipality):
    response = client.get(reverse("plans:import_template", args=["deneme"]), {"baslangic": 2030})

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook["Plan"]["B2"].value == "Deneme Belediyesi"
    assert workbook["Plan"]["B3"].value == 2030


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("json", "application/json"),
        ("csv", "text/csv; charset=utf-8"),
    ],
)
def test_an_adopted_plan_downloads_for_anyone(client, fmt, content_type):
    plan = build_plan()

    response = client.get(export_url(plan, fmt))

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == (
        f'attachment; filename="{plan.municipality.slug}-'
        f'{"olcumler" if fmt == "csv" else "stratejik-plan"}-2025-2029.{fmt}"'
    )


def test_a_draft_plan_downloads_only_for_its_editors(client):
    plan = build_plan(status=StrategicPlan.Status.DRAFT)

    anonymous = client.get(export_url(plan, "json"))
    client.force_login(plan_editor(plan.municipality))
    editor = client.get(export_url(plan, "json"))

    assert anonymous.status_code == 404
    assert editor.status_code == 200
    assert "no-store" in editor["Cache-Control"]
    assert json.loads(editor.content)["plan_status"] == "draft"


def test_an_unknown_format_or_plan_is_404(client):
    plan = build_plan()

    assert client.get(export_url(plan, "pdf")).status_code == 404
    assert (
        client.get(reverse("plans:plan_export", args=["yok", 2025, 2029, "xlsx"])).status_code
        == 404
    )


def test_the_download_buttons_link_every_format():
    from django.template.loader import render_to_string

    plan = build_plan()

    html = render_to_string("plans/io/_downloads.html", {"plan": plan})

    for fmt in ("xlsx", "json", "csv"):
        assert export_url(plan, fmt) in html


# --- Permissions: role × action --------------------------------------------------------


def _user(kind, municipality):
    if kind == "anonymous":
        return None
    if kind == "citizen":
        return UserFactory()
    if kind == "other_editor":
        return plan_editor(MunicipalityFactory())
    if kind == "responder":
        return plan_editor(municipality, role=Membership.Role.RESPONDER)
    if kind == "editor_without_mfa":
        return plan_editor(municipality, mfa=False)
    if kind == "editor":
        return plan_editor(municipality)
    if kind == "municipality_admin":
        return plan_editor(municipality, role=Membership.Role.MUNICIPALITY_ADMIN)
    return UserFactory(is_superuser=True, is_staff=True)


ROLES = [
    ("anonymous", False),
    ("citizen", False),
    ("other_editor", False),
    ("responder", False),
    ("editor_without_mfa", False),
    ("editor", True),
    ("municipality_admin", True),
    ("superuser", True),
]


@pytest.mark.parametrize(("role", "allowed"), ROLES)
def test_who_may_open_the_upload_page(client, municipality, role, allowed):
    user = _user(role, municipality)
    if user is not None:
        client.force_login(user)

    response = client.get(upload_url(municipality))

    if allowed:
        assert response.status_code == 200
    elif user is None:
        assert response.status_code == 302 and "/hesap/" in response["Location"]
    else:
        assert response.status_code in {302, 403}  # 302: sent to set up MFA first


@pytest.mark.parametrize(("role", "allowed"), ROLES)
def test_who_may_upload_and_import(client, municipality, role, allowed):
    user = _user(role, municipality)
    if user is not None:
        client.force_login(user)

    response = upload(client, municipality, xlsx())
    if response.status_code == 302 and "onizleme" in response["Location"]:
        client.post(response["Location"])

    assert StrategicPlan.objects.exists() is allowed


@pytest.mark.parametrize(
    ("role", "draft_allowed"),
    [(role, allowed) for role, allowed in ROLES],
)
def test_who_may_download_a_draft_and_an_adopted_plan(client, municipality, role, draft_allowed):
    draft = build_plan(municipality=municipality, status=StrategicPlan.Status.DRAFT)
    adopted = build_plan(municipality=municipality, start_year=2020)
    user = _user(role, municipality)
    if user is not None:
        client.force_login(user)

    assert client.get(export_url(adopted, "csv")).status_code == 200
    assert (client.get(export_url(draft, "csv")).status_code == 200) is draft_allowed


# --- Query counts ------------------------------------------------------------------------


def test_the_preview_costs_a_constant_number_of_queries(
    editor_client, municipality, django_assert_max_num_queries
):
    big = build_plan(
        municipality=municipality,
        aims=5,
        objectives_per_aim=6,
        indicators_per_objective=5,
        activities_per_objective=2,
        status=StrategicPlan.Status.DRAFT,
    )
    StrategicPlan.objects.filter(pk=big.pk).update(start_year=2030, end_year=2034)
    preview_url = upload(editor_client, municipality, xlsx())["Location"]

    with django_assert_max_num_queries(30):
        response = editor_client.get(preview_url)

    assert response.status_code == 200


def test_re_importing_a_150_indicator_plan_costs_a_constant_number_of_queries(
    editor_client, municipality, django_assert_max_num_queries
):
    from ortak.plans.io.exporter import export_xlsx

    plan = build_plan(
        municipality=municipality,
        aims=5,
        objectives_per_aim=6,
        indicators_per_objective=5,
        activities_per_objective=2,
        status=StrategicPlan.Status.DRAFT,
    )
    content = export_xlsx(StrategicPlan.objects.get(pk=plan.pk))
    preview_url = upload(editor_client, municipality, content)["Location"]

    with django_assert_max_num_queries(30):
        response = editor_client.get(preview_url)

    assert response.status_code == 200
    assert "150" in response.content.decode()


def test_the_download_costs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    plan = build_plan(aims=5, objectives_per_aim=6, indicators_per_objective=5)

    with django_assert_max_num_queries(12):
        response = client.get(export_url(plan, "json"))

    assert response.status_code == 200


def test_the_upload_page_costs_a_constant_number_of_queries(
    editor_client, municipality, django_assert_max_num_queries
):
    for year in range(2000, 2040, 5):
        build_plan(municipality=municipality, aims=1, objectives_per_aim=1, start_year=year)

    with django_assert_max_num_queries(12):
        response = editor_client.get(upload_url(municipality))

    assert response.status_code == 200
    assert str(datetime.date.today().year + 1) in response.content.decode()
