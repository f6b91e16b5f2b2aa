"""Importing plans: validation of the whole file, creation, re-imports, adopted plans, permissions."""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from ortak.audit.models import AuditEvent
from ortak.organizations.models import Membership, Unit
from ortak.organizations.tests.factories import MunicipalityFactory, UnitFactory
from ortak.plans.io.document import Severity
from ortak.plans.io.importer import import_file, import_plan
from ortak.plans.models import (
    Activity,
    ActivityCost,
    Aim,
    FigureRevision,
    Indicator,
    IndicatorTarget,
    Measurement,
    Objective,
    PlanRevision,
    StrategicPlan,
)
from ortak.plans.revisions import verify_chain
from ortak.plans.tests.data.builders import (
    OTHER_UNIT,
    UNIT,
    csv_file,
    edit_xlsx,
    json_file,
    sample_document,
    xlsx,
)
from ortak.plans.tests.factories import plan_editor

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 9, 1)


@pytest.fixture
def municipality():
    municipality = MunicipalityFactory(name="Deneme Belediyesi", slug="deneme")
    UnitFactory(municipality=municipality, name=UNIT, slug="strateji")
    UnitFactory(municipality=municipality, name=OTHER_UNIT, slug="fen-isleri")
    return municipality


@pytest.fixture
def editor(municipality):
    return plan_editor(municipality)


def run(municipality, content, *, actor=None, filename="plan.xlsx", **kwargs):
    kwargs.setdefault("today", TODAY)
    return import_file(
        municipality=municipality, content=content, filename=filename, actor=actor, **kwargs
    )


def error_texts(report):
    with translation.override("en"):
        return [str(issue) for issue in report.errors]


# --- A good file -----------------------------------------------------------------------


@pytest.mark.parametrize(("writer", "name"), [(xlsx, "plan.xlsx"), (json_file, "plan.json")])
def test_a_good_file_creates_the_whole_plan_as_a_draft(municipality, editor, writer, name):
    report = run(municipality, writer(), actor=editor, filename=name)

    assert report.ok, error_texts(report)
    assert report.applied and report.plan_created
    plan = StrategicPlan.objects.get(municipality=municipality)
    assert plan.status == StrategicPlan.Status.DRAFT
    assert (plan.start_year, plan.end_year, plan.council_decision_number) == (
        2025,
        2029,
        "2024/112",
    )
    assert Aim.objects.filter(plan=plan).count() == 2
    assert Objective.objects.filter(plan=plan).count() == 4
    assert Indicator.objects.filter(plan=plan).count() == 8
    assert IndicatorTarget.objects.filter(indicator__plan=plan).count() == 40
    assert Measurement.objects.filter(indicator__plan=plan, status="published").count() == 8
    assert Activity.objects.filter(plan=plan).count() == 4
    assert ActivityCost.objects.filter(activity__plan=plan).count() == 20
    assert report.count("indicators").created == 8


def test_an_import_links_units_and_computes_the_figures(municipality, editor):
    run(municipality, xlsx(), actor=editor)

    indicator = Indicator.objects.select_related("owner_unit").get(code="1.1.1")
    objective = Objective.objects.get(code="1.1")
    assert indicator.owner_unit.name == UNIT
    assert [u.name for u in objective.cooperating_units.all()] == [OTHER_UNIT]
    assert (indicator.number, indicator.weight, indicator.baseline) == (1, Decimal(50), Decimal(10))
    # A = 10, targets 20…60, value 2025 = 20: year lens 100 %, plan lens 20 %.
    assert indicator.realization == Decimal(20)
    assert indicator.realization_by_year["2025"]["realization"] == "100"
    assert StrategicPlan.objects.get().realization == Decimal(20)


def test_an_import_leaves_an_audit_row(municipality, editor):
    report = run(municipality, xlsx(), actor=editor)

    event = AuditEvent.objects.get(action="plan.imported")
    assert event.actor == editor
    assert event.target_id == str(report.plan.pk)
    assert event.data["counts"]["indicators"]["created"] == 8


def test_a_dry_run_reports_everything_and_writes_nothing(municipality, editor):
    report = run(municipality, xlsx(), actor=editor, dry_run=True)

    assert report.ok and report.dry_run and not report.applied
    assert report.count("aims").created == 2
    assert report.count("targets").created == 40
    assert report.plan_label == "2025-2029"
    assert not StrategicPlan.objects.exists()


def test_the_same_file_imported_again_changes_nothing(municipality, editor):
    run(municipality, xlsx(), actor=editor)

    report = run(municipality, xlsx(), actor=editor)

    assert report.ok
    assert not report.has_changes
    assert report.count("indicators").unchanged == 8
    assert report.count("measurements").unchanged == 8
    assert report.count("activities").unchanged == 4


def test_weights_that_do_not_sum_to_100_are_a_warning_and_the_import_goes_on(municipality, editor):
    content = edit_xlsx(xlsx(), {("Göstergeler", "E2"): 30})

    report = run(municipality, content, actor=editor)

    assert report.applied
    warning = next(w for w in report.warnings if w.value == "80")
    assert (warning.sheet, warning.row) == ("Hedefler", 2)


def test_numbers_in_messages_follow_the_readers_language(municipality, editor):
    content = edit_xlsx(xlsx(), {("Göstergeler", "E2"): "49,5"})

    warning = run(municipality, content, actor=editor, dry_run=True).warnings[0]

    with translation.override("en"):
        assert "add up to 99.5, not 100" in warning.text
    with translation.override("tr"):
        assert "99,5" in warning.text


def test_unit_names_match_whatever_their_case_and_turkish_letters(municipality, editor):
    content = edit_xlsx(xlsx(), {("Göstergeler", "Q2"): "STRATEJI gelistirme  MÜDÜRLÜĞÜ"})

    report = run(municipality, content, actor=editor)

    assert report.applied
    assert Indicator.objects.get(code="1.1.1").owner_unit.name == UNIT


def test_all_units_cooperate_is_stored_as_the_flag(municipality, editor):
    run(municipality, edit_xlsx(xlsx(), {("Hedefler", "E2"): "Tüm birimler"}), actor=editor)

    objective = Objective.objects.get(code="1.1")
    assert objective.cooperates_with_all_units
    assert not objective.cooperating_units.exists()


def test_activities_with_the_same_code_are_kept_apart_and_reimport_unchanged(municipality, editor):
    content = edit_xlsx(xlsx(), {("Faaliyetler", "A3"): "F1.1", ("Faaliyetler", "B3"): "1.1"})

    first = run(municipality, content, actor=editor)
    second = run(municipality, content, actor=editor)

    assert any(w.sheet == "Faaliyetler" and w.row == 3 for w in first.warnings)
    assert Activity.objects.filter(code="F1.1").count() == 2
    assert second.count("activities").unchanged == 4


def test_codes_with_prefixes_are_normalised(municipality, editor):
    content = edit_xlsx(xlsx(), {("Amaçlar", "A2"): "A1", ("Hedefler", "A2"): "H1.1"})
    content = edit_xlsx(content, {("Göstergeler", "A2"): "PG 1.1.1."})

    report = run(municipality, content, actor=editor)

    assert report.applied
    assert Indicator.objects.filter(code="1.1.1").exists()


# --- Bad files: nothing is written ---------------------------------------------------


def assert_nothing_written():
    assert not StrategicPlan.objects.exists()
    assert not Indicator.objects.exists()


def test_one_bad_cell_anywhere_means_nothing_is_written(municipality, editor):
    content = edit_xlsx(xlsx(), {("Faaliyetler", "H5"): "106.781,346 ₺"})

    report = run(municipality, content, actor=editor)

    assert not report.ok and not report.applied
    assert [(e.sheet, e.row, e.column) for e in report.errors] == [("Faaliyetler", 5, "2025")]
    assert_nothing_written()


def test_duplicated_codes_are_errors_that_point_at_the_first_one(municipality, editor):
    content = edit_xlsx(xlsx(), {("Göstergeler", "A3"): "1.1.1"})

    report = run(municipality, content, actor=editor)

    error = report.errors[0]
    assert (error.sheet, error.row, error.column, error.value) == ("Göstergeler", 3, "Kod", "1.1.1")
    with translation.override("en"):
        assert "used twice (first at Göstergeler row 2)" in error.text
    with translation.override("tr"):  # the earlier row is named in the reader's language too
        assert "iki kez kullanılmış (ilki: Göstergeler, 2. satır)" in error.text
    assert_nothing_written()


@pytest.mark.parametrize(
    ("edits", "where"),
    [
        ({("Hedefler", "B2"): "7"}, ("Hedefler", 2, "Amaç kodu")),
        ({("Göstergeler", "B2"): "1.9"}, ("Göstergeler", 2, "Hedef kodu")),
        ({("Faaliyetler", "B2"): "3.1"}, ("Faaliyetler", 2, "Hedef kodu")),
        ({("Ölçümler", "A2"): "9.9.9"}, ("Ölçümler", 2, "Gösterge kodu")),
    ],
    ids=["aim", "objective", "activity-objective", "measurement-indicator"],
)
def test_unknown_parent_codes_are_errors(municipality, editor, edits, where):
    report = run(municipality, edit_xlsx(xlsx(), edits), actor=editor)

    assert [(e.sheet, e.row, e.column) for e in report.errors] == [where]
    assert_nothing_written()


def test_a_code_that_does_not_start_with_its_parent_is_an_error(municipality, editor):
    content = edit_xlsx(xlsx(measurements=False), {("Göstergeler", "A2"): "2.1.9"})

    report = run(municipality, content, actor=editor)

    assert error_texts(report) == [
        "Göstergeler, row 2, column “Kod” «2.1.9»: The code 2.1.9 does not start with its "
        "parent's code 1.1."
    ]


def test_a_weight_above_100_is_an_error(municipality, editor):
    report = run(municipality, edit_xlsx(xlsx(), {("Göstergeler", "E2"): 150}), actor=editor)

    assert [(e.sheet, e.column) for e in report.errors] == [("Göstergeler", "Hedefe etkisi (%)")]


def test_an_unknown_unit_is_an_error(municipality, editor):
    report = run(
        municipality, edit_xlsx(xlsx(), {("Hedefler", "D2"): "Yok Müdürlüğü"}), actor=editor
    )

    assert [(e.sheet, e.row, e.column, e.value) for e in report.errors] == [
        ("Hedefler", 2, "Sorumlu birim", "Yok Müdürlüğü")
    ]
    assert not Unit.objects.filter(name="Yok Müdürlüğü").exists()


def test_unknown_units_are_created_on_request_with_a_warning(municipality, editor):
    content = edit_xlsx(
        xlsx(), {("Hedefler", "D2"): "Yeni Müdürlük", ("Hedefler", "D3"): "YENİ müdürlük"}
    )

    report = run(municipality, content, actor=editor, create_units=True)

    assert report.applied
    unit = Unit.objects.get(municipality=municipality, name="Yeni Müdürlük")
    assert unit.slug == "yeni-mudurluk"
    assert Objective.objects.filter(responsible_unit=unit).count() == 2
    assert sum(1 for w in report.warnings if w.value == "Yeni Müdürlük") == 1


def test_a_file_for_another_municipality_is_refused(municipality, editor):
    content = xlsx(municipality="Çankaya Belediyesi")

    report = run(municipality, content, actor=editor)

    assert [(e.sheet, e.column) for e in report.errors] == [("Plan", "Belediye")]


def test_the_municipality_may_be_named_with_or_without_belediyesi(municipality, editor):
    assert run(municipality, xlsx(municipality="DENEME"), actor=editor).applied


def test_two_values_for_one_period_are_an_error(municipality, editor):
    content = edit_xlsx(xlsx(), {("Ölçümler", "A3"): "1.1.1"})

    report = run(municipality, content, actor=editor)

    assert [(e.sheet, e.row, e.column) for e in report.errors] == [("Ölçümler", 3, "Dönem")]


def test_a_period_outside_the_plan_or_not_started_is_an_error(municipality, editor):
    content = edit_xlsx(xlsx(), {("Ölçümler", "B2"): "2024", ("Ölçümler", "B3"): "2027"})

    report = run(municipality, content, actor=editor)

    assert [(e.row, e.column) for e in report.errors] == [(2, "Dönem"), (3, "Dönem")]


def test_a_half_year_value_of_a_yearly_indicator_is_an_error(municipality, editor):
    content = edit_xlsx(xlsx(), {("Göstergeler", "N2"): "Yıllık", ("Ölçümler", "B2"): "2026-H1"})

    report = run(municipality, content, actor=editor)

    assert [(e.row, e.column) for e in report.errors] == [(2, "Dönem")]


def test_a_deviating_value_needs_an_explanation(municipality, editor):
    content = edit_xlsx(xlsx(), {("Ölçümler", "C2"): 12, ("Ölçümler", "D2"): None})

    report = run(municipality, content, actor=editor)

    with translation.override("en"):
        assert [(e.row, e.column) for e in report.errors] == [(2, "Açıklama")]
        assert "20 % of the year's target" in report.errors[0].text


def test_a_formula_in_a_text_field_is_stored_as_text(municipality, editor):
    formula = '=HYPERLINK("http://evil.example","tıkla")'

    run(municipality, edit_xlsx(xlsx(), {("Amaçlar", "B2"): formula}), actor=editor)

    assert Aim.objects.get(code="1").title == formula


def test_an_empty_file_is_refused(municipality, editor):
    report = run(municipality, b"", actor=editor)

    assert not report.ok
    assert_nothing_written()


# --- Re-imports ------------------------------------------------------------------------


def changed(content_edits, base=None):
    return edit_xlsx(base or xlsx(), content_edits)


def test_a_changed_file_updates_a_draft_in_place_without_revisions(municipality, editor):
    run(municipality, xlsx(), actor=editor)

    report = run(
        municipality,
        changed({("Göstergeler", "J2"): 35, ("Amaçlar", "B2"): "Yeni amaç"}),
        actor=editor,
    )

    assert report.applied
    assert report.count("targets").changed == 1
    assert report.count("aims").changed == 1
    assert [(c.indicator_code, c.year, c.old, c.new, c.revised) for c in report.figure_changes] == [
        ("1.1.1", 2026, Decimal(30), Decimal(35), False)
    ]
    assert IndicatorTarget.objects.get(indicator__code="1.1.1", year=2026).value == Decimal(35)
    assert not FigureRevision.objects.exists()


def test_a_changed_unit_or_card_text_is_updated_in_place(municipality, editor):
    run(municipality, xlsx(), actor=editor)
    content = changed(
        {
            ("Göstergeler", "Q2"): OTHER_UNIT,
            ("Hedefler", "D2"): OTHER_UNIT,
            ("Hedefler", "E2"): UNIT,
            ("Hedefler", "F2"): "Yeni risk",
            ("Faaliyetler", "E2"): OTHER_UNIT,
        }
    )

    report = run(municipality, content, actor=editor)

    assert report.applied
    assert (report.count("objectives").changed, report.count("indicators").changed) == (1, 1)
    objective = Objective.objects.get(code="1.1")
    assert objective.responsible_unit.name == OTHER_UNIT
    assert objective.risks == "Yeni risk"
    assert [u.name for u in objective.cooperating_units.all()] == [UNIT]
    assert Indicator.objects.get(code="1.1.1").owner_unit.name == OTHER_UNIT
    assert Activity.objects.get(code="F1.1").responsible_unit.name == OTHER_UNIT


def test_an_empty_target_cell_removes_the_target_of_a_draft(municipality, editor):
    run(municipality, xlsx(), actor=editor)

    run(municipality, changed({("Göstergeler", "J2"): None}), actor=editor)

    assert not IndicatorTarget.objects.filter(indicator__code="1.1.1", year=2026).exists()


def test_new_rows_are_added_to_a_draft_and_missing_ones_kept_with_a_warning(municipality, editor):
    run(municipality, xlsx(), actor=editor)
    document = sample_document()
    smaller = dataclasses.replace(
        document,
        indicators=document.indicators[1:],
        measurements=document.measurements[1:],
    )
    bigger = dataclasses.replace(
        smaller,
        indicators=(
            *smaller.indicators,
            dataclasses.replace(document.indicators[0], code="1.1.3", name="Yeni gösterge"),
        ),
    )

    report = run(municipality, xlsx(bigger), actor=editor)

    assert report.applied
    assert report.count("indicators").created == 1
    assert Indicator.objects.filter(code__in=["1.1.1", "1.1.3"]).count() == 2
    assert any("1.1.1" in w.value for w in report.warnings)


def adopt(plan):
    StrategicPlan.objects.filter(pk=plan.pk).update(status=StrategicPlan.Status.ADOPTED)
    plan.refresh_from_db()
    return plan


def test_a_changed_file_for_an_adopted_plan_appends_revisions(municipality, editor):
    plan = adopt(run(municipality, xlsx(), actor=editor).plan)
    content = changed(
        {("Göstergeler", "J2"): 35, ("Göstergeler", "F2"): 12, ("Ölçümler", "C2"): 21}
    )

    report = run(municipality, content, actor=editor, reason="Orta dönem güncellemesi")

    assert report.applied
    revisions = list(FigureRevision.objects.filter(plan=plan).order_by("sequence"))
    assert [(r.kind, r.old_value, r.new_value, r.year, r.period) for r in revisions] == [
        ("baseline", Decimal(10), Decimal(12), None, ""),
        ("target", Decimal(30), Decimal(35), 2026, ""),
        ("measurement", Decimal(20), Decimal(21), 2025, "2025"),
    ]
    assert {r.reason for r in revisions} == {"Orta dönem güncellemesi"}
    assert {r.changed_by for r in revisions} == {editor}
    update = PlanRevision.objects.get(plan=plan)
    assert [r.plan_revision for r in revisions] == [update, update, None]
    assert verify_chain(plan) == []
    assert IndicatorTarget.objects.get(indicator__code="1.1.1", year=2026).value == Decimal(35)
    assert Measurement.objects.get(indicator__code="1.1.1", period="2025").value == Decimal(21)


def test_an_adopted_plans_changed_figures_need_a_reason(municipality, editor):
    adopt(run(municipality, xlsx(), actor=editor).plan)
    content = changed({("Göstergeler", "J2"): 35})

    preview = run(municipality, content, actor=editor, dry_run=True)
    with pytest.raises(ValidationError):
        run(municipality, content, actor=editor)

    assert preview.needs_reason
    assert IndicatorTarget.objects.get(indicator__code="1.1.1", year=2026).value == Decimal(30)


def test_an_adopted_plan_takes_new_measurements_and_texts_without_revisions(municipality, editor):
    adopt(run(municipality, xlsx(measurements=False), actor=editor).plan)

    report = run(municipality, changed({("Amaçlar", "B2"): "Daha iyi amaç"}), actor=editor)

    assert report.applied
    assert report.count("measurements").created == 8
    assert not report.needs_reason
    assert not FigureRevision.objects.exists()


def test_an_adopted_plans_tree_cannot_grow_by_import(municipality, editor):
    adopt(run(municipality, xlsx(), actor=editor).plan)
    content = changed({("Amaçlar", "A4"): "3", ("Amaçlar", "B4"): "Yeni amaç"})

    report = run(municipality, content, actor=editor, reason="x")

    assert [(e.sheet, e.row) for e in report.errors] == [("Amaçlar", 4)]
    assert Aim.objects.count() == 2


def test_an_adopted_indicators_direction_cannot_change(municipality, editor):
    adopt(run(municipality, xlsx(), actor=editor).plan)

    report = run(municipality, changed({("Göstergeler", "G2"): "Azalan"}), actor=editor, reason="x")

    assert [(e.sheet, e.row, e.column) for e in report.errors] == [
        ("Göstergeler", 2, "Yön (Artan/Azalan)")
    ]


def test_an_archived_plan_cannot_change(municipality, editor):
    plan = run(municipality, xlsx(), actor=editor).plan
    StrategicPlan.objects.filter(pk=plan.pk).update(status=StrategicPlan.Status.ARCHIVED)

    changed_report = run(municipality, changed({("Amaçlar", "B2"): "x"}), actor=editor)
    same_report = run(municipality, xlsx(), actor=editor)

    assert not changed_report.ok
    assert same_report.ok


# --- CSV of measurements ---------------------------------------------------------------


def test_a_csv_adds_and_corrects_measurements_of_the_chosen_plan(municipality, editor):
    plan = adopt(run(municipality, xlsx(), actor=editor).plan)
    text = (
        "Gösterge kodu;Dönem;Değer;Açıklama;Kanıt\n"
        "1.1.1;2026-H1;25;Yarı yıl;\n"
        "1.1.2;2025;20,5;Düzeltme;\n"
    )

    report = run(
        municipality, text.encode(), actor=editor, filename="o.csv", plan=plan, reason="Düzeltme"
    )

    assert report.applied
    assert report.count("measurements").created == 1
    assert report.count("measurements").changed == 1
    assert FigureRevision.objects.get().kind == "measurement"
    assert not PlanRevision.objects.exists()


def test_a_csv_needs_a_plan(municipality, editor):
    report = run(municipality, csv_file(), actor=editor, filename="o.csv")

    assert not report.ok


def test_a_csv_for_an_unknown_indicator_is_an_error(municipality, editor):
    plan = run(municipality, xlsx(), actor=editor).plan
    text = "Gösterge kodu;Dönem;Değer;Açıklama;Kanıt\n4.4.4;2025;1;;\n"

    report = run(municipality, text.encode(), actor=editor, filename="o.csv", plan=plan)

    assert [(e.sheet, e.row, e.column) for e in report.errors] == [("CSV", 2, "Gösterge kodu")]


# --- Permissions -----------------------------------------------------------------------


def test_an_editor_of_another_municipality_cannot_import(municipality):
    outsider = plan_editor(MunicipalityFactory())

    with pytest.raises(PermissionDenied):
        run(municipality, xlsx(), actor=outsider)
    assert_nothing_written()


def test_an_editor_without_mfa_cannot_import(municipality):
    with pytest.raises(PermissionDenied):
        run(municipality, xlsx(), actor=plan_editor(municipality, mfa=False))


def test_a_responder_cannot_import(municipality):
    with pytest.raises(PermissionDenied):
        run(municipality, xlsx(), actor=plan_editor(municipality, role=Membership.Role.RESPONDER))


def test_a_csv_cannot_target_another_municipalitys_plan(municipality, editor):
    other = MunicipalityFactory()
    UnitFactory(municipality=other, name=UNIT, slug="s")
    UnitFactory(municipality=other, name=OTHER_UNIT, slug="f")
    other_plan = run(other, xlsx(), actor=None).plan

    with pytest.raises(PermissionDenied):
        run(municipality, csv_file(), actor=editor, filename="o.csv", plan=other_plan)


def test_the_operator_at_the_command_line_imports_without_a_user(municipality):
    report = run(municipality, xlsx(), actor=None)

    assert report.applied
    assert report.plan.created_by is None


def test_import_plan_takes_a_document_directly(municipality, editor):
    report = import_plan(
        municipality=municipality, document=sample_document(), actor=editor, today=TODAY
    )

    assert report.applied
    assert all(issue.severity == Severity.WARNING for issue in report.issues)
