"""The measurement workflow: draft (unit staff) → submitted → published (strategy unit)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from ortak.audit.models import AuditEvent
from ortak.monitoring import verbs
from ortak.monitoring.services import workflow
from ortak.monitoring.tests.factories import Tree, adopted_tree, measurement, staff
from ortak.notifications.models import Notification
from ortak.organizations.models import Membership
from ortak.plans.models import FigureRevision, Indicator, Measurement, StrategicPlan
from ortak.plans.services import update_measurement

pytestmark = pytest.mark.django_db

Role = Membership.Role
Status = Measurement.Status
TODAY = datetime.date(2025, 7, 15)
D = Decimal


@pytest.fixture
def tree() -> Tree:
    return adopted_tree()


def _draft(tree: Tree, value: str = "20", **extra: object) -> Measurement:
    return workflow.save_draft(
        actor=tree.owner,
        indicator=tree.indicator,
        period="2025-H1",
        value=D(value),
        today=TODAY,
        **extra,  # type: ignore[arg-type]
    )


def test_a_draft_is_neither_public_nor_counted(tree: Tree) -> None:
    draft = _draft(tree)
    assert draft.status == Status.DRAFT
    assert draft.reported_by == tree.owner
    tree.indicator.refresh_from_db()
    assert tree.indicator.latest_value is None
    assert AuditEvent.objects.filter(action="measurement.draft_saved").exists()


def test_the_whole_way_from_draft_to_published(
    tree: Tree, django_capture_on_commit_callbacks
) -> None:
    editor = staff(Role.EDITOR, tree.municipality)
    draft = _draft(tree)
    with django_capture_on_commit_callbacks(execute=True):
        submitted = workflow.submit_measurement(actor=tree.owner, measurement=draft)
    assert submitted.status == Status.SUBMITTED
    assert Notification.objects.filter(recipient=editor, verb=verbs.SUBMITTED).exists()

    with django_capture_on_commit_callbacks(execute=True):
        published = workflow.publish_measurement(actor=editor, measurement=submitted)
    assert published.status == Status.PUBLISHED
    assert published.published_at is not None
    tree.indicator.refresh_from_db()
    assert tree.indicator.latest_value == D(20)
    assert tree.indicator.last_published_at == published.published_at
    notice = Notification.objects.get(recipient=tree.owner, verb=verbs.PUBLISHED)
    assert notice.params == {"code": tree.indicator.code, "period": "2025-H1"}
    assert f"/gosterge/{tree.indicator.code}/" in notice.url


def test_a_draft_is_changed_in_place_until_submitted(tree: Tree) -> None:
    first = _draft(tree, "20")
    second = _draft(tree, "20.5", evidence_url="https://example.org/rapor.pdf")
    assert first.pk == second.pk
    assert second.value == D("20.5")
    assert Measurement.objects.filter(indicator=tree.indicator).count() == 1


def test_a_deviation_needs_an_explanation_already_in_the_draft(tree: Tree) -> None:
    with pytest.raises(ValidationError) as error:
        workflow.save_draft(
            actor=tree.owner, indicator=tree.indicator, period="2025", value=D(40), today=TODAY
        )
    assert "explanation" in error.value.message_dict
    explained = workflow.save_draft(
        actor=tree.owner,
        indicator=tree.indicator,
        period="2025",
        value=D(40),
        explanation="Hibe ile ek toplantılar yapıldı.",
        today=TODAY,
    )
    assert explained.explanation.startswith("Hibe")


def test_evidence_files_are_checked_like_the_plans_evidence(tree: Tree) -> None:
    fake = SimpleUploadedFile("rapor.pdf", b"<html>not a pdf</html>")
    with pytest.raises(ValidationError) as error:
        _draft(tree, evidence=fake)
    assert "evidence" in error.value.message_dict
    real = SimpleUploadedFile("rapor.pdf", b"%PDF-1.7 rapor")
    assert _draft(tree, evidence=real).evidence.name.endswith(".pdf")


def test_a_period_that_has_not_started_is_refused(tree: Tree) -> None:
    with pytest.raises(ValidationError) as error:
        workflow.save_draft(
            actor=tree.owner, indicator=tree.indicator, period="2026", value=D(1), today=TODAY
        )
    assert "period" in error.value.message_dict


def test_a_yearly_indicator_has_no_half_year_value(tree: Tree) -> None:
    anyone = staff(Role.RESPONDER, tree.municipality, tree.other_unit)
    with pytest.raises(ValidationError):
        workflow.save_draft(
            actor=anyone,
            indicator=tree.other_indicator,
            period="2025-H1",
            value=D(1),
            today=TODAY,
        )


def test_staff_of_another_unit_may_not_enter_the_value(tree: Tree) -> None:
    stranger = staff(Role.RESPONDER, tree.municipality, tree.other_unit)
    with pytest.raises(PermissionDenied):
        workflow.save_draft(
            actor=stranger, indicator=tree.indicator, period="2025-H1", value=D(1), today=TODAY
        )
    draft = _draft(tree)
    with pytest.raises(PermissionDenied):
        workflow.submit_measurement(actor=stranger, measurement=draft)


def test_unit_staff_may_not_publish(tree: Tree) -> None:
    draft = workflow.submit_measurement(actor=tree.owner, measurement=_draft(tree))
    with pytest.raises(PermissionDenied):
        workflow.publish_measurement(actor=tree.owner, measurement=draft)
    assert Measurement.objects.get(pk=draft.pk).status == Status.SUBMITTED


def test_a_submitted_value_is_not_submitted_twice(tree: Tree) -> None:
    draft = _draft(tree)
    workflow.submit_measurement(actor=tree.owner, measurement=draft)
    with pytest.raises(PermissionDenied):
        workflow.submit_measurement(actor=tree.owner, measurement=draft)


def test_a_published_value_changes_only_through_a_revision(tree: Tree) -> None:
    editor = staff(Role.EDITOR, tree.municipality)
    submitted = workflow.submit_measurement(actor=tree.owner, measurement=_draft(tree))
    published = workflow.publish_measurement(actor=editor, measurement=submitted)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        _draft(tree, "99")
    assert "revision" in str(error.value)
    update_measurement(
        actor=editor,
        measurement=published,
        value=D("20.4"),
        reason="Sayım hatası düzeltildi.",
    )
    revision = FigureRevision.objects.get(plan=tree.plan)
    assert (revision.old_value, revision.new_value) == (D(20), D("20.4"))
    tree.indicator.refresh_from_db()
    assert tree.indicator.last_published_at == revision.changed_at


def test_the_strategy_unit_sends_a_value_back_with_a_note(
    tree: Tree, django_capture_on_commit_callbacks
) -> None:
    editor = staff(Role.EDITOR, tree.municipality)
    submitted = workflow.submit_measurement(actor=tree.owner, measurement=_draft(tree))
    with pytest.raises(ValidationError):
        workflow.return_measurement(actor=editor, measurement=submitted, note="  ")
    with django_capture_on_commit_callbacks(execute=True):
        returned = workflow.return_measurement(
            actor=editor, measurement=submitted, note="Kanıt dosyasını ekleyin."
        )
    assert returned.status == Status.DRAFT
    notice = Notification.objects.get(recipient=tree.owner, verb=verbs.RETURNED)
    assert notice.params["note"] == "Kanıt dosyasını ekleyin."


def test_publishing_several_values_is_all_or_nothing(tree: Tree) -> None:
    editor = staff(Role.EDITOR, tree.municipality)
    mine = workflow.submit_measurement(actor=tree.owner, measurement=_draft(tree))
    elsewhere = adopted_tree()
    foreign = measurement(elsewhere.indicator, "2025-H1", status=Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        workflow.publish_measurements(actor=editor, measurements=[mine, foreign])
    assert Measurement.objects.get(pk=mine.pk).status == Status.SUBMITTED


def test_publishing_recomputes_the_figures_once_per_plan(tree: Tree) -> None:
    editor = staff(Role.EDITOR, tree.municipality)
    first = measurement(tree.indicator, "2025", "20", Status.SUBMITTED)
    second = measurement(tree.other_indicator, "2025", "20", Status.SUBMITTED)
    workflow.publish_measurements(actor=editor, measurements=[first, second])
    tree.objective.refresh_from_db()
    assert tree.objective.realization == D(20)  # both at 20: (20 − 10)/(60 − 10)
    assert Indicator.objects.filter(plan=tree.plan, latest_value=D(20)).count() == 2


def test_no_workflow_on_a_plan_that_is_not_adopted(tree: Tree) -> None:
    StrategicPlan.objects.filter(pk=tree.plan.pk).update(status=StrategicPlan.Status.CONSULTATION)
    tree.indicator.plan.refresh_from_db()
    with pytest.raises(PermissionDenied):
        _draft(tree)


def test_the_strategy_unit_names_an_indicators_owner_after_adoption(tree: Tree) -> None:
    editor = staff(Role.EDITOR, tree.municipality)
    newcomer = staff(Role.RESPONDER, tree.municipality, tree.other_unit)
    workflow.assign_owner(
        actor=editor, indicator=tree.indicator, owner_unit=tree.other_unit, owner=newcomer
    )
    tree.indicator.refresh_from_db()
    assert (tree.indicator.owner_unit, tree.indicator.owner) == (tree.other_unit, newcomer)
    assert AuditEvent.objects.filter(action="indicator.owner_assigned").exists()


def test_an_owner_comes_from_the_municipality(tree: Tree) -> None:
    editor = staff(Role.EDITOR, tree.municipality)
    elsewhere = adopted_tree()
    with pytest.raises(ValidationError) as error:
        workflow.assign_owner(
            actor=editor, indicator=tree.indicator, owner_unit=elsewhere.unit, owner=elsewhere.owner
        )
    assert {"owner_unit", "owner"} == set(error.value.message_dict)
    with pytest.raises(PermissionDenied):
        workflow.assign_owner(
            actor=tree.owner, indicator=tree.indicator, owner_unit=None, owner=None
        )
