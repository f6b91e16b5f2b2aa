"""Plans services: permission-checked, validated, audited writes that keep figures current."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from ortak.audit.models import AuditEvent
from ortak.organizations.tests.factories import MunicipalityFactory, UnitFactory
from ortak.plans import services
from ortak.plans.models import (
    Activity,
    Aim,
    FigureRevision,
    Indicator,
    IndicatorTarget,
    Measurement,
    Objective,
    StrategicPlan,
)
from ortak.plans.revisions import verify_chain
from ortak.plans.services._common import target_writes
from ortak.plans.tests.factories import (
    ActivityFactory,
    AimFactory,
    IndicatorFactory,
    MeasurementFactory,
    ObjectiveFactory,
    PlanFactory,
    plan_editor,
)

pytestmark = pytest.mark.django_db
D = Decimal
TODAY = datetime.date(2026, 3, 1)
PDF = b"%PDF-1.4\n% evidence\n"


@pytest.fixture
def plan():
    return PlanFactory()


@pytest.fixture
def editor(plan):
    return plan_editor(plan.municipality)


@pytest.fixture
def stranger():
    return plan_editor(MunicipalityFactory())


def _indicator(plan, **kwargs):
    return IndicatorFactory(objective__aim__plan=plan, **kwargs)


def _adopt(plan):
    StrategicPlan.objects.filter(pk=plan.pk).update(
        status=StrategicPlan.Status.ADOPTED,
        council_decision_date=datetime.date(2024, 11, 1),
        council_decision_number="2024/112",
    )
    plan.refresh_from_db()


def _messages(error, field):
    return " ".join(str(m) for m in error.value.message_dict[field])


# --- The plan ------------------------------------------------------------------------------


def test_create_plan_makes_a_five_year_draft_and_audits_it():
    municipality = MunicipalityFactory(name="Çankaya Belediyesi")
    editor = plan_editor(municipality)
    plan = services.create_plan(actor=editor, municipality=municipality, start_year=2025)
    assert (plan.start_year, plan.end_year, plan.status) == (2025, 2029, "draft")
    assert "Çankaya Belediyesi" in plan.title and plan.created_by == editor
    assert AuditEvent.objects.filter(action="plan.created", actor=editor).exists()


def test_create_plan_rejects_an_editor_of_another_municipality(stranger):
    with pytest.raises(PermissionDenied):
        services.create_plan(actor=stranger, municipality=MunicipalityFactory(), start_year=2025)


def test_create_plan_rejects_a_second_plan_starting_the_same_year(plan, editor):
    with pytest.raises(ValidationError) as error:
        services.create_plan(actor=editor, municipality=plan.municipality, start_year=2025)
    assert "start_year" in error.value.message_dict


def test_create_plan_rejects_more_than_five_years(plan, editor):
    with pytest.raises(ValidationError) as error:
        services.create_plan(
            actor=editor, municipality=plan.municipality, start_year=2030, end_year=2036
        )
    assert "end_year" in error.value.message_dict


def test_adopting_needs_the_council_decision(plan, editor):
    with pytest.raises(ValidationError) as error:
        services.set_plan_status(actor=editor, plan=plan, status="adopted")
    assert set(error.value.message_dict) == {"council_decision_date", "council_decision_number"}
    plan.refresh_from_db()
    assert plan.status == "draft"


def test_publishing_sets_published_at_once_and_adoption_records_the_decision(plan, editor):
    services.set_plan_status(actor=editor, plan=plan, status="consultation")
    first = plan.published_at
    assert first is not None
    services.set_plan_status(
        actor=editor,
        plan=plan,
        status="adopted",
        council_decision_date=datetime.date(2024, 11, 1),
        council_decision_number=" 2024/112 ",
    )
    plan.refresh_from_db()
    assert plan.status == "adopted" and plan.published_at == first
    assert plan.council_decision_number == "2024/112"
    event = AuditEvent.objects.filter(action="plan.status_changed").order_by("pk").last()
    assert event is not None and event.data == {"from": "consultation", "to": "adopted"}


def test_an_adopted_plan_cannot_go_back_to_draft(plan, editor):
    _adopt(plan)
    with pytest.raises(ValidationError) as error:
        services.set_plan_status(actor=editor, plan=plan, status="draft")
    assert "status" in error.value.message_dict


def test_only_a_draft_can_be_deleted(plan, editor):
    _adopt(plan)
    with pytest.raises(PermissionDenied):
        services.delete_plan(actor=editor, plan=plan)
    draft = PlanFactory(municipality=plan.municipality, start_year=2020, end_year=2024)
    services.delete_plan(actor=editor, plan=draft)
    assert not StrategicPlan.objects.filter(pk=draft.pk).exists()


def test_update_plan_details_records_the_changed_fields(plan, editor):
    services.update_plan_details(
        actor=editor, plan=plan, title="Yeni başlık", mission="M", vision="V", core_values="D"
    )
    plan.refresh_from_db()
    assert plan.title == "Yeni başlık"
    event = AuditEvent.objects.get(action="plan.updated")
    assert event.data["fields"] == ["core_values", "mission", "title", "vision"]


# --- The tree ------------------------------------------------------------------------------


def test_codes_are_accepted_with_prefixes_and_stored_bare(plan, editor):
    aim = services.create_aim(actor=editor, plan=plan, code="A2", title="Amaç")
    objective = services.create_objective(actor=editor, aim=aim, code="H2.3", title="Hedef")
    indicator = services.create_indicator(
        actor=editor, objective=objective, code="PG 2.3.1", name="Gösterge", targets={}
    )
    assert (aim.code, aim.number) == ("2", 2)
    assert (objective.code, objective.number) == ("2.3", 3)
    assert (indicator.code, indicator.number) == ("2.3.1", 1)


def test_objective_code_must_start_with_its_aims_code(plan, editor):
    aim = AimFactory(plan=plan, number=2, code="2")
    with pytest.raises(ValidationError) as error:
        services.create_objective(actor=editor, aim=aim, code="3.1", title="Hedef")
    assert "2.1" in _messages(error, "code")


def test_duplicate_codes_are_rejected_on_the_code_field(plan, editor):
    AimFactory(plan=plan, number=1, code="1")
    with pytest.raises(ValidationError) as error:
        services.create_aim(actor=editor, plan=plan, code="1", title="Aynı")
    assert "1" in _messages(error, "code")


def test_malformed_code_gets_an_example(plan, editor):
    with pytest.raises(ValidationError) as error:
        services.create_aim(actor=editor, plan=plan, code="2.1", title="Amaç")
    assert "code" in error.value.message_dict


def test_objective_card_units_come_from_the_plans_municipality(plan, editor):
    aim = AimFactory(plan=plan, code="1", number=1)
    own = UnitFactory(municipality=plan.municipality)
    with pytest.raises(ValidationError) as error:
        services.create_objective(
            actor=editor, aim=aim, code="1.1", title="H", cooperating_units=[UnitFactory()]
        )
    assert "cooperating_units" in error.value.message_dict
    objective = services.create_objective(
        actor=editor,
        aim=aim,
        code="1.1",
        title="H",
        responsible_unit=own,
        cooperating_units=[own],
        risks="Bütçe",
        cost_estimate=D("1500000.00"),
    )
    assert list(objective.cooperating_units.all()) == [own]
    services.update_objective(
        actor=editor,
        objective=objective,
        code="1.1",
        title="H",
        responsible_unit=own,
        cooperates_with_all_units=True,
        cooperating_units=[own],
    )
    assert objective.cooperating_units.count() == 0 and objective.cooperates_with_all_units


def test_changing_an_aims_code_renumbers_its_objectives_and_indicators(plan, editor):
    indicator = _indicator(plan)
    aim = indicator.objective.aim
    services.update_aim(actor=editor, aim=aim, code="9", title=aim.title)
    indicator.refresh_from_db()
    assert indicator.objective.code == "9." + indicator.objective.code.split(".")[1]
    assert indicator.code.startswith(indicator.objective.code + ".")


def test_indicator_targets_are_set_per_plan_year_and_figures_recomputed(plan, editor):
    objective = ObjectiveFactory(aim__plan=plan)
    indicator = services.create_indicator(
        actor=editor,
        objective=objective,
        code=f"{objective.code}.1",
        name="Park alanı",
        weight=D(100),
        baseline=D(10),
        targets={2025: D(20), 2029: D(60)},
    )
    assert dict(indicator.targets.values_list("year", "value")) == {2025: 20, 2029: 60}
    services.update_indicator(
        actor=editor,
        indicator=indicator,
        code=indicator.code,
        name="Park alanı (m²)",
        weight=D(100),
        baseline=D(10),
        targets={2025: None, 2026: D(30)},
    )
    assert dict(indicator.targets.values_list("year", "value")) == {2026: 30, 2029: 60}
    plan.refresh_from_db()
    assert plan.coverage == 0 and plan.aggregates_updated_at is not None


def test_targets_outside_the_plan_years_are_rejected(plan, editor):
    objective = ObjectiveFactory(aim__plan=plan)
    with pytest.raises(ValidationError) as error:
        services.create_indicator(
            actor=editor,
            objective=objective,
            code=f"{objective.code}.1",
            name="x",
            targets={2031: D(1)},
        )
    assert "2031" in _messages(error, "targets")
    assert not Indicator.objects.exists()


def test_adopted_tree_is_frozen_but_texts_can_be_corrected(plan, editor):
    indicator = _indicator(plan, weight=D(100))
    _adopt(plan)
    with pytest.raises(PermissionDenied):
        services.create_aim(actor=editor, plan=plan, code="7", title="Yeni")
    with pytest.raises(PermissionDenied):
        services.delete_indicator(actor=editor, indicator=indicator)
    fields = {
        "code": indicator.code,
        "name": "Düzeltilmiş ad",
        "weight": D(100),
        "baseline": indicator.baseline,
        "baseline_year": indicator.baseline_year,
        "targets": {},
        "unit_of_measure": "kişi",
    }
    with pytest.raises(ValidationError) as error:
        services.update_indicator(actor=editor, indicator=indicator, **{**fields, "weight": D(50)})
    assert "weight" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.update_indicator(
            actor=editor, indicator=indicator, **{**fields, "targets": {2025: D(1)}}
        )
    assert "targets" in error.value.message_dict
    services.update_indicator(actor=editor, indicator=indicator, **fields)
    indicator.refresh_from_db()
    assert (indicator.name, indicator.unit_of_measure) == ("Düzeltilmiş ad", "kişi")


def test_deleting_an_objective_recomputes_the_plan(plan, editor):
    kept = _indicator(plan, baseline=D(0), targets=[10] * 5)
    dropped = _indicator(plan, baseline=D(0), targets=[10] * 5)
    MeasurementFactory(indicator=kept, period="2025", value=D(10))
    services.record_measurement(
        actor=editor, indicator=dropped, period="2025", value=D(0), explanation="yok", today=TODAY
    )
    plan.refresh_from_db()
    assert plan.realization == 50
    services.delete_objective(actor=editor, objective=dropped.objective)
    plan.refresh_from_db()
    assert plan.realization == 100


def test_editor_of_another_municipality_cannot_touch_the_tree(plan, stranger):
    indicator = _indicator(plan)
    with pytest.raises(PermissionDenied):
        services.create_aim(actor=stranger, plan=plan, code="5", title="x")
    with pytest.raises(PermissionDenied):
        services.update_aim(actor=stranger, aim=indicator.objective.aim, code="1", title="x")
    with pytest.raises(PermissionDenied):
        services.delete_objective(actor=stranger, objective=indicator.objective)


# --- Measurements ----------------------------------------------------------------------------


def test_record_measurement_stores_the_value_and_recomputes(plan, editor):
    indicator = _indicator(plan, baseline=D(10), targets=[20, 30, 40, 50, 60])
    measurement = services.record_measurement(
        actor=editor, indicator=indicator, period="2025", value=D(20), today=TODAY
    )
    assert (measurement.year, measurement.is_half_year, measurement.status) == (
        2025,
        False,
        "published",
    )
    assert measurement.reported_by == editor and measurement.published_at is not None
    indicator.refresh_from_db()
    assert indicator.latest_value == 20 and indicator.realization == 20
    assert indicator.realization_by_year["2025"]["realization"] == "100"
    assert AuditEvent.objects.filter(action="measurement.recorded").exists()


@pytest.mark.parametrize(
    ("value", "needs"), [("19.5", False), ("20.5", False), ("19", True), ("21", True)]
)
def test_explanation_is_required_outside_95_to_105_percent(plan, editor, value, needs):
    indicator = _indicator(plan, baseline=D(10), targets=[20, 30, 40, 50, 60])
    if needs:
        with pytest.raises(ValidationError) as error:
            services.record_measurement(
                actor=editor, indicator=indicator, period="2025", value=D(value), today=TODAY
            )
        assert "explanation" in error.value.message_dict
        assert not Measurement.objects.exists()
    services.record_measurement(
        actor=editor,
        indicator=indicator,
        period="2025",
        value=D(value),
        explanation="Pandemi etkisi" if needs else "",
        today=TODAY,
    )


def test_half_year_value_of_a_periodic_indicator_needs_no_explanation(plan, editor):
    indicator = _indicator(plan, kind="periodic", baseline=D(0), targets=[100] * 5)
    services.record_measurement(
        actor=editor, indicator=indicator, period="2025-H1", value=D(40), today=TODAY
    )


@pytest.mark.parametrize(
    ("period", "frequency", "message"),
    [
        ("2025-H2", "six_monthly", "2026-H1"),
        ("2024", "six_monthly", "2024"),
        ("2027", "six_monthly", "not started"),
        ("2025-H1", "yearly", "yearly"),
    ],
)
def test_periods_are_validated_against_the_plan(plan, editor, period, frequency, message):
    indicator = _indicator(plan, monitoring_frequency=frequency)
    with pytest.raises(ValidationError) as error:
        services.record_measurement(
            actor=editor, indicator=indicator, period=period, value=D(20), today=TODAY
        )
    with translation.override("en"):
        assert message in _messages(error, "period")


def test_a_period_is_recorded_once(plan, editor):
    indicator = _indicator(plan)
    MeasurementFactory(indicator=indicator, period="2025", value=D(20))
    with pytest.raises(ValidationError) as error:
        services.record_measurement(
            actor=editor, indicator=indicator, period="2025", value=D(20), today=TODAY
        )
    assert "period" in error.value.message_dict


def test_draft_measurement_does_not_move_the_figures(plan, editor):
    indicator = _indicator(plan, baseline=D(10), targets=[20, 30, 40, 50, 60])
    services.record_measurement(
        actor=editor, indicator=indicator, period="2025", value=D(20), status="draft", today=TODAY
    )
    indicator.refresh_from_db()
    assert indicator.latest_value is None


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("kanit.exe", b"MZ", "file_type"),
        ("kanit.pdf", b"MZ\x90\x00", "file_content"),
        ("kanit.csv", b"a,b\x00", "file_content"),
        ("kanit.pdf", PDF + b"x" * 200, "file_size"),
    ],
)
def test_evidence_is_checked_for_type_content_and_size(plan, editor, settings, name, content, code):
    settings.ORTAK_UPLOAD_MAX_BYTES = 100
    indicator = _indicator(plan, baseline=D(10), targets=[20] * 5)
    with pytest.raises(ValidationError) as error:
        services.record_measurement(
            actor=editor,
            indicator=indicator,
            period="2025",
            value=D(20),
            evidence=SimpleUploadedFile(name, content),
            today=TODAY,
        )
    assert error.value.error_dict["evidence"][0].code == code


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("kanit.pdf", PDF),
        ("tablo.xlsx", b"PK\x03\x04rest"),
        ("foto.JPG", b"\xff\xd8\xff\xe0"),
        ("liste.csv", "ilçe;değer\nÇankaya;12\n".encode()),
    ],
)
def test_accepted_evidence_is_stored(plan, editor, name, content):
    indicator = _indicator(plan, baseline=D(10), targets=[20] * 5)
    measurement = services.record_measurement(
        actor=editor,
        indicator=indicator,
        period="2025",
        value=D(20),
        evidence=SimpleUploadedFile(name, content),
        evidence_url="https://example.org/rapor",
        today=TODAY,
    )
    assert measurement.evidence.name.startswith("plans/evidence/")


def test_editor_of_another_municipality_cannot_record_a_value(plan, stranger):
    indicator = _indicator(plan)
    with pytest.raises(PermissionDenied):
        services.record_measurement(
            actor=stranger, indicator=indicator, period="2025", value=D(20), today=TODAY
        )


def test_changing_a_value_of_a_draft_plan_needs_no_revision(plan, editor):
    measurement = MeasurementFactory(indicator=_indicator(plan), value=D(20))
    services.update_measurement(actor=editor, measurement=measurement, value=D(21), explanation="x")
    assert not FigureRevision.objects.exists()
    measurement.refresh_from_db()
    assert measurement.value == 21


def test_changing_a_published_value_of_an_adopted_plan_appends_a_revision(plan, editor):
    indicator = _indicator(plan, baseline=D(10), targets=[20, 30, 40, 50, 60])
    measurement = MeasurementFactory(indicator=indicator, value=D(20))
    _adopt(plan)
    with pytest.raises(ValidationError) as error:
        services.update_measurement(actor=editor, measurement=measurement, value=D(19.5))
    assert "reason" in error.value.message_dict
    measurement.refresh_from_db()
    assert measurement.value == 20
    services.update_measurement(
        actor=editor, measurement=measurement, value=D("19.5"), reason="TÜİK verisi düzeltildi"
    )
    revision = FigureRevision.objects.get()
    assert (revision.kind, revision.period, revision.old_value, revision.new_value) == (
        "measurement",
        "2025",
        D(20),
        D("19.5"),
    )
    assert revision.changed_by == editor
    indicator.refresh_from_db()
    assert indicator.latest_value == D("19.5")
    assert verify_chain(plan) == []


def test_a_published_value_of_an_adopted_plan_cannot_be_deleted(plan, editor):
    measurement = MeasurementFactory(indicator=_indicator(plan))
    _adopt(plan)
    with pytest.raises(ValidationError):
        services.delete_measurement(actor=editor, measurement=measurement)
    draft = MeasurementFactory(indicator=measurement.indicator, period="2026", status="draft")
    services.delete_measurement(actor=editor, measurement=draft)
    assert Measurement.objects.count() == 1


# --- Targets and revisions -------------------------------------------------------------------


def test_target_of_a_draft_plan_changes_in_place(plan, editor):
    indicator = _indicator(plan)
    services.update_target(actor=editor, indicator=indicator, year=2026, value=D(33))
    assert IndicatorTarget.objects.get(indicator=indicator, year=2026).value == 33
    assert not FigureRevision.objects.exists()


def test_target_of_an_adopted_plan_changes_by_a_revision_in_a_plan_update(plan, editor):
    indicator = _indicator(plan, targets=[47000, 47000, 47000, 47000, 47000])
    _adopt(plan)
    update = services.create_plan_revision(
        actor=editor, plan=plan, date=datetime.date(2026, 8, 4), reason="plan güncellemesi"
    )
    services.update_target(
        actor=editor,
        indicator=indicator,
        year=2026,
        value=D(14100),
        reason="plan güncellemesi",
        plan_revision=update,
    )
    revision = FigureRevision.objects.get()
    assert (revision.kind, revision.year, revision.old_value, revision.new_value) == (
        "target",
        2026,
        D(47000),
        D(14100),
    )
    assert revision.plan_revision == update
    assert IndicatorTarget.objects.get(indicator=indicator, year=2026).value == 14100


def test_target_revision_without_a_reason_changes_nothing(plan, editor):
    indicator = _indicator(plan)
    _adopt(plan)
    with pytest.raises(ValidationError):
        services.update_target(actor=editor, indicator=indicator, year=2026, value=D(1))
    assert IndicatorTarget.objects.get(indicator=indicator, year=2026).value == 30
    assert not FigureRevision.objects.exists()


def test_plan_update_needs_an_adopted_plan(plan, editor):
    with pytest.raises(PermissionDenied):
        services.create_plan_revision(
            actor=editor, plan=plan, date=datetime.date(2026, 1, 1), reason="x"
        )


def test_weight_of_an_adopted_plan_is_revised_and_recomputed(plan, editor):
    first = _indicator(plan, weight=D(50), baseline=D(0), targets=[10] * 5)
    second = IndicatorFactory(
        objective=first.objective, weight=D(50), baseline=D(0), targets=[10] * 5
    )
    MeasurementFactory(indicator=first, value=D(10))
    MeasurementFactory(indicator=second, value=D(0))
    _adopt(plan)
    services.revise_indicator_figure(
        actor=editor, indicator=first, kind="weight", value=D(75), reason="etki yeniden tartıldı"
    )
    first.objective.refresh_from_db()
    assert first.objective.realization == 60  # 75·100 / (75 + 50)
    with pytest.raises(ValidationError):
        services.revise_indicator_figure(
            actor=editor, indicator=first, kind="weight", value=D(120), reason="x"
        )


# --- Activities ----------------------------------------------------------------------------------


def test_activity_with_costs_per_year(plan, editor):
    objective = ObjectiveFactory(aim__plan=plan)
    unit = UnitFactory(municipality=plan.municipality)
    activity = services.create_activity(
        actor=editor,
        objective=objective,
        code="F1",
        name="Mahalle forumları",
        responsible_unit=unit,
        costs={2025: (D("100000.00"), D("95000.50")), 2026: (D("120000"), None)},
    )
    assert activity.costs.count() == 2
    services.update_activity(
        actor=editor,
        activity=activity,
        code="F1",
        name="Mahalle forumları",
        responsible_unit=unit,
        costs={2025: (None, None), 2026: (D("130000"), None)},
    )
    assert list(activity.costs.values_list("year", "planned")) == [(2026, D("130000"))]


@pytest.mark.parametrize(
    ("costs", "field"),
    [({2035: (D(1), None)}, "costs"), ({2025: (D(-1), None)}, "costs")],
)
def test_activity_costs_are_validated(plan, editor, costs, field):
    objective = ObjectiveFactory(aim__plan=plan)
    with pytest.raises(ValidationError) as error:
        services.create_activity(actor=editor, objective=objective, name="x", costs=costs)
    assert field in error.value.message_dict
    assert not Activity.objects.exists()


def test_activities_stay_editable_after_adoption_until_archived(plan, editor):
    activity = ActivityFactory(objective__aim__plan=plan)
    _adopt(plan)
    services.update_activity(actor=editor, activity=activity, name="Yeni ad")
    StrategicPlan.objects.filter(pk=plan.pk).update(status="archived")
    activity.plan.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.delete_activity(actor=editor, activity=activity)


def test_activity_dates_must_be_ordered(plan, editor):
    objective = ObjectiveFactory(aim__plan=plan)
    with pytest.raises(ValidationError) as error:
        services.create_activity(
            actor=editor,
            objective=objective,
            name="x",
            start_date=datetime.date(2026, 5, 1),
            end_date=datetime.date(2026, 4, 1),
        )
    assert "end_date" in error.value.message_dict


def test_deleting_an_aim_removes_its_subtree(plan, editor):
    indicator = _indicator(plan)
    services.delete_aim(actor=editor, aim=indicator.objective.aim)
    assert not Aim.objects.exists() and not Objective.objects.exists()


def test_target_writes_create_change_and_remove_years_and_leave_equal_ones(plan):
    indicator = _indicator(plan)  # targets 20, 30, 40, 50, 60 for 2025…2029
    existing = {t.year: t for t in indicator.targets.all()}
    IndicatorTarget.objects.filter(indicator=indicator, year=2029).delete()
    del existing[2029]

    writes = target_writes(
        indicator, existing, {2025: D(20), 2026: D(35), 2027: None, 2029: D(70), 2028: None}
    )

    assert [(t.year, t.value) for t in writes.create] == [(2029, D(70))]
    assert [(t.year, t.value) for t in writes.update] == [(2026, D(35))]
    assert sorted(writes.delete) == sorted([existing[2027].pk, existing[2028].pk])
    assert writes.any
    assert not target_writes(indicator, existing, {2025: D(20)}).any
