"""CSO assessments (gölge izleme): who writes them, the evidence, the one reply, the summary."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from ortak.audit.models import AuditEvent
from ortak.monitoring import verbs
from ortak.monitoring.models import (
    Assessment,
    AssessmentReply,
    ObjectiveAssessmentSummary,
    Rating,
)
from ortak.monitoring.selectors.assessments import opinion_of
from ortak.monitoring.services import assessments as services
from ortak.monitoring.tests.factories import (
    Tree,
    adopted_tree,
    member_of,
    new_organization,
    period,
    publish_value,
    staff,
)
from ortak.notifications.models import Notification
from ortak.organizations.models import Membership, Organization
from ortak.plans.models import Objective

pytestmark = pytest.mark.django_db

Role = Membership.Role
D = Decimal


@pytest.fixture
def tree() -> Tree:
    return adopted_tree()


def _assess(
    tree: Tree,
    organization: Organization,
    user,
    node=None,
    rating=Rating.AT_RISK,
    code="2025",
    **extra,
):  # type: ignore[no-untyped-def]
    return services.submit_assessment(
        actor=user,
        organization=organization,
        node=node or tree.objective,
        period=period(tree.plan, code),
        rating=rating,
        narrative=extra.pop("narrative", "Mahallede **gözlemledik**: çalışmalar yavaş."),
        **extra,
    )


def test_a_member_of_a_verified_organization_assesses_for_it(
    tree: Tree, django_capture_on_commit_callbacks
) -> None:
    x = new_organization()
    member = member_of(x)
    editor = staff(Role.EDITOR, tree.municipality)
    with django_capture_on_commit_callbacks(execute=True):
        assessment = _assess(
            tree,
            x,
            member,
            node=tree.indicator,
            observed_value=D("14.5"),
            links=["https://example.org/gozlem", ""],
            files=[SimpleUploadedFile("foto.png", b"\x89PNG\r\n\x1a\nxxxx")],
        )
    assert (assessment.node_kind, assessment.node_id) == ("indicator", tree.indicator.pk)
    assert assessment.author == member and assessment.observed_value == D("14.5")
    assert sorted(bool(e.file) for e in assessment.evidence.all()) == [False, True]
    notice = Notification.objects.get(recipient=editor, verb=verbs.ASSESSED)
    assert notice.params["organization"] == x.name
    assert notice.params["item"] == f"PG{tree.indicator.code}"
    assert AuditEvent.objects.filter(action="assessment.submitted").exists()


def test_nobody_assesses_for_an_unverified_or_someone_elses_organization(tree: Tree) -> None:
    pending = new_organization(verification=Organization.Verification.PENDING)
    with pytest.raises(PermissionDenied):
        _assess(tree, pending, member_of(pending))
    x, y = new_organization(), new_organization()
    with pytest.raises(PermissionDenied):
        _assess(tree, x, member_of(y))


def test_only_objectives_indicators_and_activities_are_assessed(tree: Tree) -> None:
    x = new_organization()
    with pytest.raises(ValidationError):
        _assess(tree, x, member_of(x), node=tree.objective.aim)
    assert _assess(tree, x, member_of(x), node=tree.activity).node_kind == "activity"


def test_the_database_refuses_an_assessment_of_a_plan(tree: Tree) -> None:
    x = new_organization()
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.create(
            plan=tree.plan,
            node_kind="plan",
            node_id=tree.plan.pk,
            period=period(tree.plan, "2025"),
            organization=x,
            rating=Rating.ON_TRACK,
            narrative="-",
        )


def test_one_assessment_per_organization_item_and_period(tree: Tree) -> None:
    x = new_organization()
    member = member_of(x)
    _assess(tree, x, member)
    with pytest.raises(ValidationError) as error:
        _assess(tree, x, member)
    assert "period" in error.value.message_dict
    assert _assess(tree, x, member, code="2025-H1").period.code == "2025-H1"


def test_a_period_of_another_plan_is_refused(tree: Tree) -> None:
    x = new_organization()
    other = adopted_tree()
    with pytest.raises(ValidationError):
        services.submit_assessment(
            actor=member_of(x),
            organization=x,
            node=tree.objective,
            period=period(other.plan, "2025"),
            rating=Rating.ON_TRACK,
            narrative="Yerinde.",
        )


def test_a_rating_and_a_narrative_are_required(tree: Tree) -> None:
    x = new_organization()
    with pytest.raises(ValidationError) as error:
        _assess(tree, x, member_of(x), rating="excellent", narrative="  ")
    assert {"rating", "narrative"} <= set(error.value.message_dict)


def test_evidence_files_are_checked_and_counted(tree: Tree) -> None:
    x = new_organization()
    with pytest.raises(ValidationError):
        _assess(tree, x, member_of(x), files=[SimpleUploadedFile("a.pdf", b"MZ\x90 not a pdf")])
    with pytest.raises(ValidationError):
        _assess(tree, x, member_of(x), links=["javascript:alert(1)"])
    with pytest.raises(ValidationError):
        _assess(tree, x, member_of(x), links=[f"https://example.org/{n}" for n in range(6)])
    assert not Assessment.objects.exists()


def test_the_municipality_replies_once(tree: Tree, django_capture_on_commit_callbacks) -> None:
    x = new_organization()
    member = member_of(x)
    assessment = _assess(tree, x, member)
    editor = staff(Role.EDITOR, tree.municipality)
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.reply_to_assessment(
            actor=editor, assessment=assessment, text="Çalışmalar ikinci yarıda hızlanacak."
        )
    assert reply.author == editor
    assert Notification.objects.filter(recipient=member, verb=verbs.REPLIED).exists()
    with pytest.raises(ValidationError):
        services.reply_to_assessment(actor=editor, assessment=assessment, text="İkinci yanıt")
    assert AssessmentReply.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        AssessmentReply.objects.create(assessment=assessment, text="Veritabanı da reddeder")


def test_the_reply_can_be_corrected_but_stays_one(tree: Tree) -> None:
    x = new_organization()
    assessment = _assess(tree, x, member_of(x))
    editor = staff(Role.EDITOR, tree.municipality)
    reply = services.reply_to_assessment(actor=editor, assessment=assessment, text="İlk metin")
    corrected = services.update_reply(actor=editor, reply=reply, text="Düzeltilmiş metin")
    assert corrected.pk == reply.pk and corrected.edited_at is not None


def test_only_the_municipalitys_editors_reply(tree: Tree) -> None:
    x = new_organization()
    assessment = _assess(tree, x, member_of(x))
    for user in (
        member_of(x),
        staff(Role.RESPONDER, tree.municipality, tree.unit),
        staff(Role.EDITOR, adopted_tree().municipality),
    ):
        with pytest.raises(PermissionDenied):
            services.reply_to_assessment(actor=user, assessment=assessment, text="Yanıt")


def test_an_assessment_is_changed_or_withdrawn_until_the_reply(tree: Tree) -> None:
    x = new_organization()
    author, colleague = member_of(x), member_of(x)
    assessment = _assess(tree, x, author, links=["https://example.org/a"])
    changed = services.update_assessment(
        actor=colleague,
        assessment=assessment,
        rating=Rating.OFF_TRACK,
        narrative="Daha kötü.",
        remove_evidence=[e.pk for e in assessment.evidence.all()],
    )
    assert changed.rating == Rating.OFF_TRACK and changed.edited_at is not None
    assert not changed.evidence.exists()
    services.reply_to_assessment(
        actor=staff(Role.EDITOR, tree.municipality), assessment=assessment, text="Yanıt"
    )
    with pytest.raises(PermissionDenied):
        services.update_assessment(
            actor=author, assessment=assessment, rating=Rating.ON_TRACK, narrative="Geri al"
        )
    with pytest.raises(PermissionDenied):
        services.delete_assessment(actor=author, assessment=assessment)


def test_withdrawing_updates_the_summary(tree: Tree) -> None:
    x = new_organization()
    assessment = _assess(tree, x, member_of(x))
    assert ObjectiveAssessmentSummary.objects.get(objective=tree.objective).assessments == 1
    services.delete_assessment(actor=member_of(x), assessment=assessment)
    assert ObjectiveAssessmentSummary.objects.get(objective=tree.objective).assessments == 0


def test_the_summary_counts_each_organizations_latest_rating_of_each_item(tree: Tree) -> None:
    x, y, z = new_organization(), new_organization(), new_organization()
    _assess(tree, x, member_of(x), rating=Rating.ON_TRACK, code="2025-H1")
    _assess(tree, x, member_of(x), rating=Rating.OFF_TRACK, code="2025")  # X's latest
    _assess(tree, y, member_of(y), node=tree.indicator, rating=Rating.AT_RISK)
    _assess(tree, z, member_of(z), node=tree.activity, rating=Rating.CANNOT_ASSESS)
    summary = ObjectiveAssessmentSummary.objects.get(objective=tree.objective)
    assert (summary.organizations, summary.assessments) == (3, 3)
    assert (summary.on_track, summary.at_risk, summary.off_track, summary.cannot_assess) == (
        0,
        1,
        1,
        1,
    )
    codes = sorted(item["code"] for item in summary.items)
    assert codes == sorted([tree.objective.code, tree.indicator.code, tree.activity.code])


def test_disagreements_compare_ratings_with_the_current_computed_status(tree: Tree) -> None:
    x, y = new_organization(), new_organization()
    _assess(tree, x, member_of(x), node=tree.indicator, rating=Rating.OFF_TRACK)
    _assess(tree, y, member_of(y), node=tree.indicator, rating=Rating.ON_TRACK)
    objective = Objective.objects.get(pk=tree.objective.pk)
    assert opinion_of(objective).disagreements == []  # nothing computed yet: nothing to compare
    with time_machine.travel(datetime.datetime(2026, 1, 15, 12, tzinfo=datetime.UTC)):
        publish_value(tree.indicator, "2025", "20")  # 100 % of the 2025 target: on track
    objective = Objective.objects.get(pk=tree.objective.pk)
    disagreements = opinion_of(objective).disagreements
    assert [(d.organization, d.rating, d.computed) for d in disagreements] == [
        (x.name, "off_track", "on_track")
    ]
