"""Exports: the round trip, the JSON figures, formula neutralising and constant query counts."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ortak.organizations.tests.factories import MunicipalityFactory, UnitFactory
from ortak.plans.io.exporter import (
    export_csv,
    export_filename,
    export_json,
    export_xlsx,
    template_xlsx,
)
from ortak.plans.io.importer import import_file
from ortak.plans.io.reader import read_plan_file
from ortak.plans.models import Aim, Indicator, Measurement, Objective, StrategicPlan
from ortak.plans.tests.data.builders import OTHER_UNIT, UNIT, edit_xlsx, xlsx
from ortak.plans.tests.factories import MeasurementFactory, build_plan

pytestmark = pytest.mark.django_db


def fresh(plan):
    """The plan as a view would load it: nothing cached."""
    return StrategicPlan.objects.get(pk=plan.pk)


def sheet_rows(content, sheet):
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return [list(row) for row in workbook[sheet].iter_rows(values_only=True)]


@pytest.fixture
def plan():
    municipality = MunicipalityFactory(name="Deneme Belediyesi")
    unit = UnitFactory(municipality=municipality, name=UNIT)
    return build_plan(municipality=municipality, activities_per_objective=2, unit=unit)


# --- Round trip -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "json"])
def test_an_export_reimports_to_the_same_plan(plan, fmt):
    content = export_xlsx(fresh(plan)) if fmt == "xlsx" else export_json(fresh(plan))

    report = import_file(
        municipality=plan.municipality,
        content=content,
        filename=f"plan.{fmt}",
        actor=None,
        reason="round trip",
    )

    assert report.ok, [str(e) for e in report.errors]
    assert report.applied
    assert not report.has_changes, report.counts
    assert report.count("indicators").unchanged == 18
    assert report.count("activities").unchanged == 12
    assert report.count("measurements").unchanged == Measurement.objects.count()


def test_a_csv_export_reimports_to_the_same_measurements(plan):
    report = import_file(
        municipality=plan.municipality,
        content=export_csv(fresh(plan)),
        filename="olcumler.csv",
        actor=None,
        plan=plan,
    )

    assert report.ok and not report.has_changes


def test_a_plan_imported_elsewhere_exports_the_same_file():
    first = MunicipalityFactory(name="Birinci Belediyesi")
    second = MunicipalityFactory(name="İkinci Belediyesi")
    for municipality in (first, second):
        UnitFactory(municipality=municipality, name=UNIT)
        UnitFactory(municipality=municipality, name=OTHER_UNIT)
    original = import_file(municipality=first, content=xlsx(), filename="p.xlsx", actor=None).plan
    exported = export_xlsx(fresh(original))
    # The Plan sheet names the first municipality; an import elsewhere must not pretend otherwise.
    moved = edit_xlsx(exported, {("Plan", "B2"): "İkinci Belediyesi"})

    copy = import_file(municipality=second, content=moved, filename="p.xlsx", actor=None).plan

    again = export_xlsx(fresh(copy))
    for sheet in ("Amaçlar", "Hedefler", "Göstergeler", "Faaliyetler", "Ölçümler"):
        assert sheet_rows(again, sheet) == sheet_rows(exported, sheet)
    assert sheet_rows(again, "Plan")[2:] == sheet_rows(exported, "Plan")[2:]


# --- The workbook -----------------------------------------------------------------------


def test_the_workbook_has_the_template_sheets_and_headers(plan):
    workbook = openpyxl.load_workbook(io.BytesIO(export_xlsx(fresh(plan))))

    assert workbook.sheetnames == [
        "Plan",
        "Amaçlar",
        "Hedefler",
        "Göstergeler",
        "Faaliyetler",
        "Ölçümler",
    ]
    assert [c.value for c in workbook["Göstergeler"][1]] == [
        "Kod",
        "Hedef kodu",
        "Gösterge",
        "Ölçü birimi",
        "Hedefe etkisi (%)",
        "Başlangıç değeri",
        "Yön (Artan/Azalan)",
        "Tür (Kümülatif/Dönemsel)",
        "2025",
        "2026",
        "2027",
        "2028",
        "2029",
        "İzleme sıklığı (6 aylık/Yıllık)",
        "Raporlama sıklığı",
        "Veri kaynağı",
        "Sorumlu birim",
    ]
    assert [c.value for c in workbook["Plan"]["A"]] == [
        "Alan",
        "Belediye",
        "Başlangıç yılı",
        "Bitiş yılı",
        "Başlık",
        "Misyon",
        "Vizyon",
        "Temel değerler",
        "Meclis karar tarihi",
        "Meclis karar sayısı",
    ]
    assert [c.value for c in workbook["Ölçümler"][1]] == [
        "Gösterge kodu",
        "Dönem",
        "Değer",
        "Açıklama",
        "Kanıt",
    ]


def test_numbers_are_numeric_cells_and_labels_are_turkish(plan):
    rows = sheet_rows(export_xlsx(fresh(plan)), "Göstergeler")

    first = rows[1]
    assert first[:3] == ["1.1.1", "1.1", "Gösterge 1.1.1"]
    assert isinstance(first[4], float | int) and isinstance(first[8], float | int)
    assert first[6] in {"Artan", "Azalan"} and first[7] in {"Kümülatif", "Dönemsel"}
    assert first[13] == "6 aylık"


def test_the_template_is_empty_with_the_years_and_municipality_filled_in():
    municipality = MunicipalityFactory(name="Çankaya Belediyesi")

    content = template_xlsx(start_year=2030, end_year=2034, municipality=municipality)

    assert sheet_rows(content, "Plan")[1:4] == [
        ["Belediye", "Çankaya Belediyesi"],
        ["Başlangıç yılı", 2030],
        ["Bitiş yılı", 2034],
    ]
    assert sheet_rows(content, "Faaliyetler")[0][-5:] == ["2030", "2031", "2032", "2033", "2034"]
    assert len(sheet_rows(content, "Göstergeler")) == 1


# --- Formulas are neutralised in every export -----------------------------------------


@pytest.fixture
def hostile_plan():
    municipality = MunicipalityFactory(name="Deneme Belediyesi")
    UnitFactory(municipality=municipality, name=UNIT)
    UnitFactory(municipality=municipality, name=OTHER_UNIT)
    content = edit_xlsx(
        xlsx(),
        {
            ("Amaçlar", "B2"): '=HYPERLINK("http://evil.example","tıkla")',
            ("Ölçümler", "D2"): "-2+3",
            ("Hedefler", "F2"): "@SUM(A1:A9)",
        },
    )
    return import_file(municipality=municipality, content=content, filename="p", actor=None).plan


def test_formulas_are_neutralised_in_the_workbook_and_read_back_as_typed(hostile_plan):
    content = export_xlsx(fresh(hostile_plan))

    assert sheet_rows(content, "Amaçlar")[1][1] == '\'=HYPERLINK("http://evil.example","tıkla")'
    assert sheet_rows(content, "Ölçümler")[1][3] == "'-2+3"
    assert sheet_rows(content, "Hedefler")[1][5] == "'@SUM(A1:A9)"
    document = read_plan_file(content, filename="p.xlsx").document
    assert document.aims[0].title == '=HYPERLINK("http://evil.example","tıkla")'


def test_formulas_are_neutralised_in_the_csv(hostile_plan):
    text = export_csv(fresh(hostile_plan)).decode("utf-8-sig")

    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1][3] == "'-2+3"


def test_formulas_are_neutralised_in_the_json(hostile_plan):
    data = json.loads(export_json(fresh(hostile_plan)))

    assert data["aims"][0]["title"].startswith("'=")
    assert data["aims"][0]["objectives"][0]["risks"] == "'@SUM(A1:A9)"


# --- JSON figures ----------------------------------------------------------------------


def test_the_json_carries_the_computed_figures_on_every_node(plan):
    data = json.loads(export_json(fresh(plan)))
    stored = fresh(plan)

    assert data["format"] == "ortak-plan"
    assert data["plan_status"] == "adopted"
    assert data["realization"] == float(round(stored.realization, 2))
    assert set(data["realization_by_year"]) == {"2025", "2026", "2027", "2028", "2029"}
    assert set(data["realization_by_year"]["2025"]) == {"realization", "coverage"}
    aim = data["aims"][0]
    objective = aim["objectives"][0]
    indicator = objective["indicators"][0]
    for node in (data, aim, objective, indicator):
        assert {"realization", "realization_by_year", "coverage"} <= set(node)
    assert {"realization_raw", "status"} <= set(indicator)
    assert "status" not in objective


def test_json_figures_have_two_decimals_and_null_when_not_reported(plan):
    data = json.loads(export_json(fresh(plan)))
    indicators = [i for a in data["aims"] for o in a["objectives"] for i in o["indicators"]]
    stored = {i.code: i for i in Indicator.objects.filter(plan=plan)}

    silent = [i for i in indicators if stored[i["code"]].realization is None]
    assert silent, "build_plan leaves every fifth indicator unreported"
    for item in silent:
        assert (item["realization"], item["realization_raw"], item["coverage"]) == (None, None, 0)
        assert item["status"] in {"not_reported", "overdue"}
    reported = next(i for i in indicators if stored[i["code"]].realization is not None)
    expected = stored[reported["code"]].realization.quantize(Decimal("0.01"))
    assert reported["realization"] == float(expected)
    assert reported["coverage"] == 100
    for item in indicators:
        for value in (item["realization"], item["realization_raw"]):
            assert value is None or round(value, 2) == value


def test_objective_and_aim_figures_come_from_the_stored_aggregates(plan):
    data = json.loads(export_json(fresh(plan)))
    aim = Aim.objects.get(plan=plan, code="1")
    objective = Objective.objects.get(plan=plan, code="1.1")

    assert data["aims"][0]["realization"] == float(aim.realization.quantize(Decimal("0.01")))
    assert data["aims"][0]["objectives"][0]["coverage"] == float(
        objective.coverage.quantize(Decimal("0.01"))
    )


# --- What is public --------------------------------------------------------------------


def test_exports_leave_out_values_that_are_not_published(plan):
    indicator = Indicator.objects.filter(plan=plan).first()
    MeasurementFactory(
        indicator=indicator, period="2027", value=Decimal(99), status=Measurement.Status.DRAFT
    )

    text = export_csv(fresh(plan)).decode("utf-8-sig")

    assert "2027" not in text
    assert "99" not in json.dumps(json.loads(export_json(fresh(plan))))


def test_export_file_names_are_safe(plan):
    name = export_filename(fresh(plan), "xlsx")

    assert name == f"{plan.municipality.slug}-stratejik-plan-2025-2029.xlsx"
    assert export_filename(fresh(plan), "csv").endswith("-olcumler-2025-2029.csv")


# --- Query counts ----------------------------------------------------------------------


@pytest.mark.parametrize("export", [export_xlsx, export_json, export_csv])
def test_exporting_a_150_indicator_plan_costs_the_same_queries_as_a_small_one(export):
    small = build_plan(
        aims=1, objectives_per_aim=1, indicators_per_objective=2, activities_per_objective=1
    )
    big = build_plan(
        aims=5, objectives_per_aim=6, indicators_per_objective=5, activities_per_objective=2
    )
    assert Indicator.objects.filter(plan=big).count() == 150

    with CaptureQueriesContext(connection) as small_queries:
        export(fresh(small))
    with CaptureQueriesContext(connection) as big_queries:
        export(fresh(big))

    assert len(big_queries) == len(small_queries) <= 10
