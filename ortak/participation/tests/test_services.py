from datetime import UTC, datetime, timedelta
from decimal import Decimal
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from ortak.accounts.tests.factories import UserFactory
from ortak.audit.models import AuditEvent
from ortak.notifications.models import Notification
from ortak.participation import services
from ortak.participation.models import (
    Attachment,
    Contribution,
    ContributionRevision,
    ResponsivenessFigure,
    SearchEntry,
)
from ortak.participation.tests.factories import (
    member_of,
    plan_tree,
    staff,
    verified_organization,
)
from ortak.plans.models import NodeKind

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
Role = __import__("ortak.organizations.models", fromlist=["Membership"]).Membership.Role
Status = Contribution.Status


@pytest.fixture
def tree():
    return plan_tree()


@pytest.fixture
def citizen():
    return UserFactory()


def suggest(tree, citizen, kind=NodeKind.OBJECTIVE, **kwargs):
    kwargs.setdefault("title", "Parklara gölgelik")
    kwargs.setdefault("text", "Yazın parklarda gölge yok.")
    return services.submit_suggestion(actor=citizen, target=tree.target(kind), **kwargs)


def offer(tree, user, organization, **kwargs):
    kwargs.setdefault("title", "Ağaçlandırmaya gönüllü desteği")
    kwargs.setdefault("text", "Elli gönüllüyle fidan dikimi.")
    kwargs.setdefault("offered", ["volunteers", "expertise"])
    kwargs.setdefault("contact_name", "Ayşe Yılmaz")
    kwargs.setdefault("contact_email", "ayse@example.org")
    return services.submit_offer(
        actor=user, target=tree.target(), organization=organization, **kwargs
    )


# --- Sending and routing ----------------------------------------------------------------


def test_suggestion_goes_to_the_unit_responsible_for_the_objective(tree, citizen):
    suggestion = suggest(tree, citizen)
    assert suggestion.kind == Contribution.Kind.SUGGESTION
    assert suggestion.unit == tree.unit
    assert suggestion.municipality == tree.municipality
    assert (suggestion.plan, suggestion.node_kind, suggestion.node_id) == (
        tree.plan,
        "objective",
        tree.objective.pk,
    )


@pytest.mark.parametrize("kind", [NodeKind.PLAN, NodeKind.AIM])
def test_contribution_without_a_responsible_unit_goes_to_the_strategy_unit(tree, citizen, kind):
    assert suggest(tree, citizen, kind=kind).unit == tree.strategy_unit


def test_indicator_and_activity_without_their_own_unit_use_the_objectives(tree, citizen):
    assert suggest(tree, citizen, kind=NodeKind.INDICATOR).unit == tree.unit
    assert suggest(tree, citizen, kind=NodeKind.ACTIVITY).unit == tree.unit


def test_activity_with_its_own_unit_goes_there(tree, citizen):
    tree.activity.responsible_unit = tree.strategy_unit
    tree.activity.save()
    assert suggest(tree, citizen, kind=NodeKind.ACTIVITY).unit == tree.strategy_unit


def test_deadline_is_30_days_or_the_municipalitys_shorter_one(citizen):
    with time_machine.travel(T0, tick=False):
        default = suggest(plan_tree(), citizen)
        short = suggest(plan_tree(answer_deadline_days=15), citizen)
    assert default.created_at == T0
    assert default.due_at == T0 + timedelta(days=30)
    assert short.due_at == T0 + timedelta(days=15)


def test_sending_is_audited_indexed_and_counted(tree, citizen):
    suggestion = suggest(tree, citizen)
    assert AuditEvent.objects.filter(
        action="participation.suggestion_sent", target_id=str(suggestion.pk)
    ).exists()
    entry = SearchEntry.objects.get(kind="suggestion", object_id=suggestion.pk)
    assert entry.is_public and entry.text.startswith("parklara golgelik")
    total = ResponsivenessFigure.objects.get(municipality=tree.municipality, unit=None)
    assert (total.received, total.answered) == (1, 0)
    assert ResponsivenessFigure.objects.get(unit=tree.unit).received == 1


def test_draft_and_archived_plans_take_no_contributions(citizen):
    for status in ("draft", "archived"):
        with pytest.raises(PermissionDenied):
            suggest(plan_tree(status=status), citizen)


def test_empty_title_is_refused_with_a_field_error(tree, citizen):
    with pytest.raises(ValidationError) as error:
        suggest(tree, citizen, title="   ")
    assert "title" in error.value.message_dict


def test_attachments_are_stored_after_type_and_content_checks(tree, citizen):
    pdf = SimpleUploadedFile("öneri.pdf", b"%PDF-1.7\n...", content_type="application/pdf")
    suggestion = suggest(tree, citizen, files=[pdf])
    attachment = Attachment.objects.get(contribution=suggestion)
    assert attachment.original_name == "öneri.pdf"
    assert attachment.content_type == "application/pdf"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("script.exe", b"MZ\x90\x00"),
        ("fake.pdf", b"<html><script>alert(1)</script>"),
        ("page.txt", b"<!DOCTYPE html><html>"),
        ("photo.png", b"\xff\xd8\xff\xe0 jpeg bytes"),
    ],
)
def test_attachments_of_the_wrong_type_are_refused(tree, citizen, name, content):
    upload = SimpleUploadedFile(name, content)
    with pytest.raises(ValidationError):
        suggest(tree, citizen, files=[upload])
    assert not Contribution.objects.exists()


def test_attachments_over_the_size_limit_are_refused(tree, citizen, settings):
    settings.ORTAK_UPLOAD_MAX_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError, match="MB"):
        suggest(tree, citizen, files=[upload])


def test_offer_from_a_verified_organization_keeps_its_contact(tree):
    organization = verified_organization()
    user = member_of(organization)
    sent = offer(tree, user, organization, offered=["volunteers", "volunteers", "venue"])
    assert sent.kind == Contribution.Kind.OFFER
    assert sent.offered == ["volunteers", "venue"]
    assert sent.contact_name == "Ayşe Yılmaz"


def test_offer_needs_what_is_offered_and_a_contact_channel(tree):
    organization = verified_organization()
    user = member_of(organization)
    with pytest.raises(ValidationError) as error:
        offer(tree, user, organization, offered=[], contact_email="")
    assert {"offered", "contact_email"} <= set(error.value.message_dict)


# --- Answers and the deadline -------------------------------------------------------------


def test_first_answer_within_the_deadline_is_recorded_as_such(tree, citizen):
    responder = staff(Role.RESPONDER, tree.municipality, tree.unit)
    with time_machine.travel(T0, tick=False):
        suggestion = suggest(tree, citizen)
    with time_machine.travel(T0 + timedelta(days=29, hours=23), tick=False):
        services.answer_contribution(
            actor=responder,
            contribution=suggestion,
            status=Status.UNDER_REVIEW,
            text="İnceliyoruz.",
        )
    suggestion.refresh_from_db()
    assert suggestion.status == Status.UNDER_REVIEW
    assert suggestion.first_answered_at == T0 + timedelta(days=29, hours=23)
    assert suggestion.answered_within_deadline is True


def test_answer_after_the_deadline_is_late_and_later_answers_keep_the_first_date(tree, citizen):
    responder = staff(Role.RESPONDER, tree.municipality, tree.unit)
    with time_machine.travel(T0, tick=False):
        suggestion = suggest(tree, citizen)
    with time_machine.travel(T0 + timedelta(days=31), tick=False):
        services.answer_contribution(
            actor=responder, contribution=suggestion, status=Status.ACCEPTED, text="Uygun."
        )
    with time_machine.travel(T0 + timedelta(days=90), tick=False):
        services.answer_contribution(
            actor=responder,
            contribution=suggestion,
            status=Status.IMPLEMENTED,
            text="Yapıldı.",
            activity=tree.activity,
        )
    suggestion.refresh_from_db()
    assert suggestion.answered_within_deadline is False
    assert suggestion.first_answered_at == T0 + timedelta(days=31)
    assert suggestion.status == Status.IMPLEMENTED
    assert suggestion.implementing_activity == tree.activity
    assert [a.status for a in suggestion.answers.all()] == [Status.ACCEPTED, Status.IMPLEMENTED]


def test_declining_needs_a_reason(tree, citizen):
    responder = staff(Role.RESPONDER, tree.municipality, tree.unit)
    suggestion = suggest(tree, citizen)
    with pytest.raises(ValidationError) as error:
        services.answer_contribution(
            actor=responder, contribution=suggestion, status=Status.DECLINED, text="Hayır."
        )
    assert "reason" in error.value.message_dict
    services.answer_contribution(
        actor=responder,
        contribution=suggestion,
        status=Status.DECLINED,
        text="Bu yıl yapılamıyor.",
        reason="Bütçe yok.",
    )
    assert Contribution.objects.get().status == Status.DECLINED


def test_implemented_needs_an_activity_of_the_same_plan(tree, citizen):
    responder = staff(Role.EDITOR, tree.municipality)
    suggestion = suggest(tree, citizen)
    services.answer_contribution(
        actor=responder, contribution=suggestion, status=Status.ACCEPTED, text="Kabul."
    )
    other_activity = plan_tree().activity
    for activity in (None, other_activity):
        with pytest.raises(ValidationError) as error:
            services.answer_contribution(
                actor=responder,
                contribution=suggestion,
                status=Status.IMPLEMENTED,
                text="Yapıldı.",
                activity=activity,
            )
        assert "activity" in error.value.message_dict


def test_a_status_outside_the_workflow_is_refused(tree, citizen):
    responder = staff(Role.RESPONDER, tree.municipality, tree.unit)
    suggestion = suggest(tree, citizen)
    with pytest.raises(ValidationError) as error:
        services.answer_contribution(
            actor=responder,
            contribution=suggestion,
            status=Status.IMPLEMENTED,
            text="Yapıldı.",
            activity=tree.activity,
        )
    assert "status" in error.value.message_dict


def test_responsiveness_figures_with_a_frozen_clock(citizen):
    """Received 4; answered on day 2 (accepted), day 10 (declined), day 35 (late); one unanswered.
    On day 40: answered 3/4, due 4 (3 answered + 1 overdue), in time 2/4, median 10 days,
    accepted 1 of 2 decided."""
    tree = plan_tree()
    responder = staff(Role.EDITOR, tree.municipality)
    with time_machine.travel(T0, tick=False):
        a, b, c, d = (suggest(tree, citizen, title=f"Öneri {i}") for i in range(4))
    steps = [
        (2, a, Status.ACCEPTED, ""),
        (10, b, Status.DECLINED, "Mevzuata aykırı."),
        (35, c, Status.UNDER_REVIEW, ""),
    ]
    for day, contribution, status, reason in steps:
        with time_machine.travel(T0 + timedelta(days=day), tick=False):
            services.answer_contribution(
                actor=responder,
                contribution=contribution,
                status=status,
                text="Yanıt",
                reason=reason,
            )
    with time_machine.travel(T0 + timedelta(days=40), tick=False):
        total = services.refresh_figures(municipality_id=tree.municipality.pk)
    assert (total.received, total.answered, total.due) == (4, 3, 4)
    assert total.answered_within_deadline == 2
    assert total.overdue == 1
    assert total.median_days_to_first_answer == Decimal("10.00")
    assert total.share_answered == 75
    assert total.share_within_deadline == 50
    assert total.share_accepted == 50
    assert d.pk  # the unanswered one
    unit_row = ResponsivenessFigure.objects.get(municipality=tree.municipality, unit=tree.unit)
    assert unit_row.received == 4


def test_edit_before_an_answer_keeps_no_history_but_after_an_answer_does(tree, citizen):
    suggestion = suggest(tree, citizen)
    services.edit_contribution(actor=citizen, contribution=suggestion, title="Yeni", text="Metin 1")
    assert not ContributionRevision.objects.exists()
    services.answer_contribution(
        actor=staff(Role.RESPONDER, tree.municipality, tree.unit),
        contribution=suggestion,
        status=Status.UNDER_REVIEW,
        text="İnceleniyor.",
    )
    services.edit_contribution(actor=citizen, contribution=suggestion, title="Son", text="Metin 2")
    revision = ContributionRevision.objects.get()
    assert (revision.title, revision.text) == ("Yeni", "Metin 1")
    suggestion.refresh_from_db()
    assert (suggestion.title, suggestion.edited_at is not None) == ("Son", True)
    assert SearchEntry.objects.get(object_id=suggestion.pk).title == "Son"


def test_only_the_author_edits(tree, citizen):
    suggestion = suggest(tree, citizen)
    with pytest.raises(PermissionDenied):
        services.edit_contribution(
            actor=UserFactory(), contribution=suggestion, title="x", text="y"
        )


def test_editor_routes_to_another_unit_and_figures_follow(tree, citizen):
    suggestion = suggest(tree, citizen)
    editor = staff(Role.EDITOR, tree.municipality)
    services.route_contribution(actor=editor, contribution=suggestion, unit=tree.strategy_unit)
    suggestion.refresh_from_db()
    assert suggestion.unit == tree.strategy_unit
    assert ResponsivenessFigure.objects.get(unit=tree.strategy_unit).received == 1
    assert not ResponsivenessFigure.objects.filter(unit=tree.unit).exists()
    with pytest.raises(ValidationError):
        services.route_contribution(actor=editor, contribution=suggestion, unit=plan_tree().unit)


# --- Notifications ------------------------------------------------------------------------


def test_notifications_are_created_and_mailed_only_after_commit(
    tree, citizen, django_capture_on_commit_callbacks
):
    responder = staff(Role.RESPONDER, tree.municipality, tree.unit)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        suggestion = suggest(tree, citizen)
    assert not Notification.objects.exists()
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    notification = Notification.objects.get(recipient=responder)
    assert notification.verb == "participation.suggestion_received"
    assert suggestion.title in notification.message
    assert [m.to for m in mail.outbox] == [[responder.email]]


def test_a_rolled_back_answer_notifies_nobody(tree, citizen, django_capture_on_commit_callbacks):
    from django.db import transaction

    responder = staff(Role.RESPONDER, tree.municipality, tree.unit)
    suggestion = suggest(tree, citizen)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                services.answer_contribution(
                    actor=responder, contribution=suggestion, status=Status.ACCEPTED, text="Evet."
                )
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert callbacks == []
    assert not Notification.objects.filter(recipient=citizen).exists()


def test_answer_notifies_author_and_followers_but_not_the_responder(
    tree, citizen, django_capture_on_commit_callbacks
):
    responder = staff(Role.RESPONDER, tree.municipality, tree.unit)
    follower, node_follower, municipality_follower = UserFactory(), UserFactory(), UserFactory()
    suggestion = suggest(tree, citizen)
    services.follow(actor=follower, contribution=suggestion)
    services.follow(actor=node_follower, target=tree.target())
    services.follow(actor=municipality_follower, municipality=tree.municipality)
    services.follow(actor=responder, contribution=suggestion)
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_contribution(
            actor=responder, contribution=suggestion, status=Status.ACCEPTED, text="Kabul."
        )
    told = set(
        Notification.objects.filter(verb="participation.answered.accepted").values_list(
            "recipient_id", flat=True
        )
    )
    assert told == {citizen.pk, follower.pk, node_follower.pk, municipality_follower.pk}


def test_offer_notifies_the_units_responders(tree, django_capture_on_commit_callbacks):
    organization = verified_organization(name="Yeşil Kent Derneği")
    responder = staff(Role.RESPONDER, tree.municipality, tree.unit)
    other_unit_responder = staff(Role.RESPONDER, tree.municipality, tree.strategy_unit)
    with django_capture_on_commit_callbacks(execute=True):
        offer(tree, member_of(organization), organization)
    notification = Notification.objects.get()
    assert notification.recipient == responder
    assert "Yeşil Kent Derneği" in notification.message
    assert not Notification.objects.filter(recipient=other_unit_responder).exists()


def test_without_unit_responders_the_editors_are_told(
    tree, citizen, django_capture_on_commit_callbacks
):
    editor = staff(Role.EDITOR, tree.municipality)
    with django_capture_on_commit_callbacks(execute=True):
        suggest(tree, citizen)
    assert Notification.objects.filter(recipient=editor).count() == 1


def test_send_reminders_reminds_before_and_escalates_after_the_deadline_once(
    tree, citizen, django_capture_on_commit_callbacks
):
    responder = staff(Role.RESPONDER, tree.municipality, tree.unit)
    admin = staff(Role.MUNICIPALITY_ADMIN, tree.municipality)
    with time_machine.travel(T0, tick=False):
        suggestion = suggest(tree, citizen)
    Notification.objects.all().delete()

    def run(day):
        with (
            time_machine.travel(T0 + timedelta(days=day), tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            call_command("send_reminders", stdout=StringIO())

    run(20)  # more than five days before: nothing
    assert not Notification.objects.exists()
    run(26)
    run(27)
    reminders = Notification.objects.filter(verb="participation.reminder")
    assert [n.recipient for n in reminders] == [responder]
    assert "2026-04-01" in reminders.get().message
    run(31)
    run(32)
    overdue = Notification.objects.filter(verb="participation.overdue")
    assert [n.recipient for n in overdue] == [admin]
    suggestion.refresh_from_db()
    assert suggestion.escalated_at is not None
    total = ResponsivenessFigure.objects.get(municipality=tree.municipality, unit=None)
    assert (total.due, total.overdue) == (1, 1)


def test_answered_contributions_get_no_reminder(tree, citizen, django_capture_on_commit_callbacks):
    responder = staff(Role.RESPONDER, tree.municipality, tree.unit)
    with time_machine.travel(T0, tick=False):
        suggestion = suggest(tree, citizen)
        services.answer_contribution(
            actor=responder, contribution=suggestion, status=Status.UNDER_REVIEW, text="Bakıyoruz."
        )
    Notification.objects.all().delete()
    with (
        time_machine.travel(T0 + timedelta(days=40), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_reminders", stdout=StringIO())
    assert not Notification.objects.exists()
