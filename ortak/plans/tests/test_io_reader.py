"""Reading plan files: sheets, columns, cells, formats and hostile input (no database)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from decimal import Decimal

import pytest
from django.utils import translation

from ortak.plans.io.document import Severity
from ortak.plans.io.exporter import template_xlsx
from ortak.plans.io.reader import detect_format, read_plan_file
from ortak.plans.tests.data.builders import (
    csv_file,
    delete_column,
    edit_xlsx,
    json_file,
    rename_sheet,
    sample_document,
    without_source,
    xlsx,
)


def errors_of(result):
    return [issue for issue in result.issues if issue.severity == Severity.ERROR]


def only_error(result):
    errors = errors_of(result)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


# --- Good files ------------------------------------------------------------------------


@pytest.mark.parametrize("writer", [xlsx, json_file], ids=["xlsx", "json"])
def test_a_written_plan_reads_back_to_the_same_document(writer):
    document = sample_document()

    result = read_plan_file(writer(document), filename="plan")

    assert result.issues == ()
    assert without_source(result.document) == without_source(document)


def test_rows_remember_their_sheet_and_row():
    result = read_plan_file(xlsx(), filename="plan.xlsx")

    indicator = result.document.indicators[2]
    assert (indicator.source.sheet, indicator.source.row) == ("Göstergeler", 4)
    assert indicator.code == "1.2.1"


def test_the_template_has_every_sheet_and_column_and_only_needs_a_title():
    result = read_plan_file(template_xlsx(start_year=2025, end_year=2029), filename="t.xlsx")

    error = only_error(result)
    assert (error.sheet, error.column) == ("Plan", "Başlık")
    assert result.document.plan.years == (2025, 2026, 2027, 2028, 2029)


def test_headers_match_whatever_their_case_and_spacing():
    content = edit_xlsx(
        xlsx(), {("Göstergeler", "B1"): "  HEDEF   kodu ", ("Amaçlar", "B1"): "AMAÇ"}
    )

    result = read_plan_file(content, filename="plan.xlsx")

    assert errors_of(result) == []


def test_turkish_formatted_text_in_number_cells_is_read_as_numbers():
    content = edit_xlsx(
        xlsx(), {("Göstergeler", "I2"): "1.234,56", ("Hedefler", "H2"): "106.781,35 ₺"}
    )

    result = read_plan_file(content, filename="plan.xlsx")

    assert errors_of(result) == []
    assert result.document.indicators[0].targets[0] == (2025, Decimal("1234.56"))
    assert result.document.objectives[0].cost_estimate == Decimal("106781.35")


def test_a_percent_formatted_weight_cell_means_what_it_shows():
    workbook_bytes = xlsx()
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes))
    cell = workbook["Göstergeler"]["E2"]
    cell.value = 0.25
    cell.number_format = "0%"
    output = io.BytesIO()
    workbook.save(output)

    result = read_plan_file(output.getvalue(), filename="plan.xlsx")

    assert result.document.indicators[0].weight == Decimal(25)


def test_a_code_typed_into_a_numeric_cell_is_read_as_text():
    content = edit_xlsx(xlsx(), {("Hedefler", "A2"): 1.1, ("Amaçlar", "A2"): 1})

    result = read_plan_file(content, filename="plan.xlsx")

    assert result.document.objectives[0].code == "1.1"
    assert result.document.aims[0].code == "1"


def test_activity_dates_may_be_text_or_bare_years():
    content = edit_xlsx(xlsx(), {("Faaliyetler", "F2"): "15.03.2025", ("Faaliyetler", "G2"): 2026})

    activity = read_plan_file(content, filename="plan.xlsx").document.activities[0]

    assert activity.start_date.isoformat() == "2025-03-15"
    assert activity.end_date.isoformat() == "2026-12-31"


def test_choices_accept_labels_in_any_case_and_without_turkish_letters():
    content = edit_xlsx(
        xlsx(), {("Göstergeler", "G2"): "AZALAN", ("Göstergeler", "H2"): "donemsel"}
    )

    indicator = read_plan_file(content, filename="plan.xlsx").document.indicators[0]

    assert (indicator.direction, indicator.kind) == ("decreasing", "periodic")


def test_all_units_is_a_flag_not_a_unit():
    content = edit_xlsx(xlsx(), {("Hedefler", "E2"): "Tüm birimler"})

    objective = read_plan_file(content, filename="plan.xlsx").document.objectives[0]

    assert objective.cooperates_with_all_units
    assert objective.cooperating_units == ()


def test_cooperating_units_are_split_at_semicolons_new_lines_or_commas():
    content = edit_xlsx(xlsx(), {("Hedefler", "E2"): "A Müdürlüğü;B Müdürlüğü\nC Müdürlüğü"})
    content = edit_xlsx(content, {("Hedefler", "E3"): "A Müdürlüğü, B Müdürlüğü"})

    objectives = read_plan_file(content, filename="plan.xlsx").document.objectives

    assert objectives[0].cooperating_units == ("A Müdürlüğü", "B Müdürlüğü", "C Müdürlüğü")
    assert objectives[1].cooperating_units == ("A Müdürlüğü", "B Müdürlüğü")


def test_an_unknown_sheet_or_column_is_a_warning_only():
    content = edit_xlsx(xlsx(), {("Amaçlar", "D1"): "Notlar", ("Amaçlar", "D2"): "x"})
    content = rename_sheet(content, "Ölçümler", "Notlarım")

    result = read_plan_file(content, filename="plan.xlsx")

    assert errors_of(result) == []
    assert {i.sheet for i in result.issues} == {"Amaçlar", "Notlarım"}
    assert result.document.has_measurements is False


# --- Bad sheets and columns ----------------------------------------------------------


def test_a_missing_sheet_is_named():
    result = read_plan_file(rename_sheet(xlsx(), "Hedefler", None), filename="plan.xlsx")

    error = errors_of(result)[0]
    assert error.sheet == "Hedefler"
    with translation.override("en"):
        assert "no sheet “Hedefler”" in error.text


def test_a_misspelt_sheet_is_ignored_and_the_real_one_reported_missing():
    result = read_plan_file(rename_sheet(xlsx(), "Göstergeler", "Gösterge"), filename="p.xlsx")

    assert [i.sheet for i in errors_of(result)] == ["Göstergeler"]
    assert [i.sheet for i in result.issues if i.severity == Severity.WARNING] == ["Gösterge"]


def test_a_missing_column_is_named_with_its_sheet():
    result = read_plan_file(delete_column(xlsx(), "Göstergeler", 4), filename="plan.xlsx")

    error = only_error(result)
    assert (error.sheet, error.row, error.column) == ("Göstergeler", 1, "Ölçü birimi")


def test_a_missing_plan_year_column_is_an_error():
    result = read_plan_file(delete_column(xlsx(), "Göstergeler", 11), filename="plan.xlsx")

    error = only_error(result)
    assert (error.sheet, error.column) == ("Göstergeler", "2027")


def test_a_year_column_outside_the_plan_is_an_error():
    result = read_plan_file(edit_xlsx(xlsx(), {("Faaliyetler", "M1"): 2031}), filename="p.xlsx")

    error = only_error(result)
    assert (error.sheet, error.column) == ("Faaliyetler", "2031")


def test_a_column_given_twice_is_an_error():
    result = read_plan_file(edit_xlsx(xlsx(), {("Amaçlar", "C1"): "Amaç"}), filename="p.xlsx")

    assert only_error(result).column == "Amaç"


def test_the_plan_sheet_needs_every_field_and_sane_years():
    content = edit_xlsx(xlsx(), {("Plan", "A10"): "Meclis karar no", ("Plan", "B4"): 2035})

    result = read_plan_file(content, filename="plan.xlsx")

    messages = {(e.column, e.value) for e in errors_of(result)}
    assert ("Alan", "Meclis karar sayısı") in messages
    assert ("Bitiş yılı", "2035") in messages


# --- Bad cells -------------------------------------------------------------------------


def test_text_in_a_number_cell_names_sheet_row_column_and_value_in_both_languages():
    result = read_plan_file(edit_xlsx(xlsx(), {("Göstergeler", "E3"): "yüksek"}), filename="p.xlsx")

    error = only_error(result)
    assert (error.sheet, error.row, error.column, error.value) == (
        "Göstergeler",
        3,
        "Hedefe etkisi (%)",
        "yüksek",
    )
    with translation.override("en"):
        english = str(error)
    assert "Göstergeler, row 3, column “Hedefe etkisi (%)” «yüksek»" in english
    assert "not a number" in english


def test_a_lira_amount_with_three_decimals_is_rejected_as_ambiguous():
    content = edit_xlsx(xlsx(), {("Hedefler", "H2"): "106.781,346 ₺"})

    error = only_error(read_plan_file(content, filename="plan.xlsx"))

    assert (error.column, error.value) == ("Maliyet tahmini", "106.781,346 ₺")
    with translation.override("en"):
        assert "at most two decimals" in error.text


def test_an_ambiguous_dot_in_a_number_is_rejected():
    error = only_error(
        read_plan_file(edit_xlsx(xlsx(), {("Göstergeler", "F2"): "12.5"}), filename="p.xlsx")
    )

    assert error.column == "Başlangıç değeri"


def test_an_unknown_choice_lists_the_accepted_labels():
    error = only_error(
        read_plan_file(edit_xlsx(xlsx(), {("Göstergeler", "G2"): "Yukarı"}), filename="p.xlsx")
    )

    with translation.override("en"):
        assert "Artan / Azalan" in error.text


def test_a_required_cell_left_empty_is_an_error():
    error = only_error(
        read_plan_file(edit_xlsx(xlsx(), {("Göstergeler", "C2"): None}), filename="p.xlsx")
    )

    assert (error.row, error.column) == (2, "Gösterge")


def test_a_second_half_period_is_explained():
    error = only_error(
        read_plan_file(edit_xlsx(xlsx(), {("Ölçümler", "B2"): "2025-H2"}), filename="p.xlsx")
    )

    with translation.override("en"):
        assert "write 2025" in error.text


def test_periods_are_normalised():
    content = edit_xlsx(xlsx(), {("Ölçümler", "B2"): "2026 h1", ("Ölçümler", "B3"): 2026})

    measurements = read_plan_file(content, filename="p.xlsx").document.measurements

    assert [m.period for m in measurements[:2]] == ["2026-H1", "2026"]


def test_a_too_long_text_is_an_error():
    error = only_error(
        read_plan_file(edit_xlsx(xlsx(), {("Göstergeler", "D2"): "x" * 61}), filename="p.xlsx")
    )

    assert error.column == "Ölçü birimi"


def test_evidence_must_be_a_web_address():
    error = only_error(
        read_plan_file(edit_xlsx(xlsx(), {("Ölçümler", "E2"): "dosya.pdf"}), filename="p.xlsx")
    )

    assert error.column == "Kanıt"


# --- Formulas --------------------------------------------------------------------------


def test_a_formula_in_a_text_cell_is_kept_as_text():
    content = edit_xlsx(xlsx(), {("Amaçlar", "B2"): '=HYPERLINK("http://evil.example","tıkla")'})

    result = read_plan_file(content, filename="plan.xlsx")

    assert errors_of(result) == []
    assert result.document.aims[0].title == '=HYPERLINK("http://evil.example","tıkla")'


@pytest.mark.parametrize("text", ["+90 312", "-kırmızı", "@SUM(A1)"])
def test_text_starting_with_a_formula_sign_is_kept_as_text(text):
    content = edit_xlsx(xlsx(), {("Hedefler", "F2"): text})

    assert read_plan_file(content, filename="p.xlsx").document.objectives[0].risks == text


def test_a_formula_in_a_number_cell_without_a_saved_result_is_an_error():
    content = edit_xlsx(xlsx(), {("Göstergeler", "E2"): "=25+25"})

    error = only_error(read_plan_file(content, filename="plan.xlsx"))

    assert (error.column, error.value) == ("Hedefe etkisi (%)", "=25+25")


def _with_cached_value(content: bytes, sheet_file: str, cell: str, value: str) -> bytes:
    """Add the result a spreadsheet program would have saved beside a formula."""
    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == sheet_file:
                text = data.decode()
                text = re.sub(
                    rf'(<c r="{cell}"[^>]*>)<f>([^<]*)</f><v\s*/?>(</v>)?',
                    rf"\1<f>\2</f><v>{value}</v>",
                    text,
                )
                data = text.encode()
            target.writestr(item, data)
    return output.getvalue()


def test_a_formula_in_a_number_cell_uses_the_saved_result():
    content = edit_xlsx(xlsx(), {("Göstergeler", "E2"): "=25+25"})
    content = _with_cached_value(content, "xl/worksheets/sheet4.xml", "E2", "50")

    result = read_plan_file(content, filename="plan.xlsx")

    assert errors_of(result) == []
    assert result.document.indicators[0].weight == Decimal(50)


# --- Files that are not what they claim -----------------------------------------------


def test_an_empty_file_is_rejected():
    error = only_error(read_plan_file(b"", filename="plan.xlsx"))

    with translation.override("en"):
        assert "empty" in error.text


def test_a_20_megabyte_file_is_rejected_before_it_is_read():
    content = b"PK\x03\x04" + b"\0" * (20 * 1024 * 1024)

    result = read_plan_file(content, filename="plan.xlsx")

    assert result.document is None
    with translation.override("en"):
        assert "20,0 MB" in only_error(result).text


def test_the_size_limit_is_a_setting(settings):
    settings.ORTAK_IMPORT_MAX_BYTES = 1000

    assert read_plan_file(xlsx(), filename="plan.xlsx").document is None


@pytest.mark.parametrize(
    ("content", "filename"),
    [
        (b"%PDF-1.7 ...", "plan.xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "plan.xls"),
        (b"\x89PNG\r\n\x1a\n\0\0", "plan.csv"),
        (b"Kod;Amac\n1;x", "plan.xlsx"),
    ],
    ids=["pdf-named-xlsx", "old-xls", "png", "csv-named-xlsx"],
)
def test_content_that_is_not_a_plan_file_is_rejected_by_its_bytes(content, filename):
    result = read_plan_file(content, filename=filename)

    assert result.document is None
    assert len(errors_of(result)) == 1


def test_formats_are_detected_by_content_not_by_name():
    assert detect_format(xlsx(), "plan.csv") == "xlsx"
    assert detect_format(b'\xef\xbb\xbf  {"aims": []}', "plan.txt") == "json"
    assert detect_format("Gösterge kodu;Dönem".encode(), "x.json") == "csv"


def test_a_zip_bomb_is_refused_without_being_unpacked():
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 * 1024 * 1024))

    result = read_plan_file(output.getvalue(), filename="plan.xlsx")

    with translation.override("en"):
        assert "too much data" in only_error(result).text


def test_a_zip_that_is_not_a_workbook_is_refused():
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("word/document.xml", b"<w/>")

    assert read_plan_file(output.getvalue(), filename="plan.xlsx").document is None


def test_a_damaged_workbook_is_refused():
    content = xlsx()[:2000]

    result = read_plan_file(content, filename="plan.xlsx")

    assert result.document is None


# --- JSON ------------------------------------------------------------------------------


def test_broken_json_names_line_and_column():
    error = only_error(read_plan_file(b'{"aims": [}', filename="plan.json"))

    assert error.sheet == "JSON"
    with translation.override("en"):
        assert "line 1, column 11" in error.text


def test_json_issues_name_the_path_and_key():
    data = json.loads(json_file())
    data["aims"][1]["objectives"][0]["indicators"][1]["weight"] = "çok"
    data["aims"][0]["objectives"] = {"not": "a list"}

    result = read_plan_file(json.dumps(data).encode(), filename="plan.json")

    located = {(e.sheet, e.column) for e in errors_of(result)}
    assert located == {
        ("aims[1].objectives[0].indicators[1]", "weight"),
        ("aims[0]", "objectives"),
    }


def test_json_targets_for_a_year_outside_the_plan_are_an_error():
    data = json.loads(json_file())
    data["aims"][0]["objectives"][0]["indicators"][0]["targets"]["2031"] = 5

    error = only_error(read_plan_file(json.dumps(data).encode(), filename="plan.json"))

    assert error.column == "targets.2031"


def test_json_may_use_turkish_labels_and_turkish_number_text():
    data = json.loads(json_file())
    indicator = data["aims"][0]["objectives"][0]["indicators"][0]
    indicator.update(direction="Azalan", baseline="1.234,5")

    result = read_plan_file(json.dumps(data).encode(), filename="plan.json")

    row = result.document.indicators[0]
    assert (row.direction, row.baseline) == ("decreasing", Decimal("1234.5"))


@pytest.mark.parametrize(
    "content",
    [b"[" * 100_000 + b"]" * 100_000, b'{"start_year": ' + b"9" * 5000 + b"}"],
    ids=["deep", "huge-number"],
)
def test_hostile_json_is_refused_not_crashed_on(content):
    result = read_plan_file(content, filename="plan.json")

    assert result.document is None
    assert len(errors_of(result)) == 1


def test_json_that_is_not_one_plan_object_is_refused():
    assert read_plan_file(b"[1, 2]", filename="plan.json").document is None


# --- CSV -------------------------------------------------------------------------------


def test_a_csv_of_measurements_reads_back():
    document = sample_document()

    result = read_plan_file(csv_file(document), filename="olcumler.csv")

    assert result.issues == ()
    assert result.document.is_measurements_only
    assert [m.value for m in result.document.measurements] == [
        m.value for m in document.measurements
    ]


def test_a_csv_from_turkish_excel_in_windows_1254_with_commas_reads():
    text = 'Gösterge kodu,Dönem,Değer,Açıklama,Kanıt\n1.1.1,2026-H1,"1.234,5",Artış,\n'

    result = read_plan_file(text.encode("cp1254"), filename="olcumler.csv")

    assert result.issues == ()
    row = result.document.measurements[0]
    assert (row.indicator_code, row.period, row.value, row.explanation) == (
        "1.1.1",
        "2026-H1",
        Decimal("1234.5"),
        "Artış",
    )


def test_csv_errors_name_the_line():
    text = "Gösterge kodu;Dönem;Değer;Açıklama;Kanıt\n1.1.1;2026;bilinmiyor;;\n"

    error = only_error(read_plan_file(text.encode(), filename="olcumler.csv"))

    assert (error.sheet, error.row, error.column, error.value) == ("CSV", 2, "Değer", "bilinmiyor")


def test_a_csv_with_wrong_columns_is_refused():
    result = read_plan_file(b"Kod;Deger\n1;2\n", filename="olcumler.csv")

    assert result.document is None
    assert {e.column for e in errors_of(result)} >= {"Gösterge kodu", "Dönem", "Değer"}
