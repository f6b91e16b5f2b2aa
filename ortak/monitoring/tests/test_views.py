"""The monitoring pages in the browser's place: the staff dashboard and the value form, the
assessment forms and sections, the badges; in Turkish and English; their query counts."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ortak.monitoring.models import Assessment, AssessmentReply, Rating
from ortak.monitoring.services import assessments as assessment_services
from ortak.monitoring.services.calendar import generate_periods
from ortak.monitoring.tests.factories import (
    Tree,
    adopted_tree,
    measurement,
    member_of,
    new_assessment,
    new_municipality,
    new_organization,
    new_unit,
    period,
    publish_value,
    staff,
)
from ortak.organizations.models import Membership
from ortak.plans.models import Indicator, Measurement, StrategicPlan
from ortak.plans.tests.factories import build_plan

pytestmark = pytest.mark.django_db

Role = Membership.Role
Status = Measurement.Status
D = Decimal
# 20 August 2025: 2025-H1 (due 31 July) is overdue, the year 2025 is open (due 31 January 2026).
NOW = datetime.datetime(2025, 8, 20, 9, tzinfo=datetime.UTC)


@pytest.fixture
def tree() -> Tree:
    return adopted_tree()


@pytest.fixture
def frozen() -> Any:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def text_of(response: Any) -> str:
    html = response.content.decode()
    html = re.sub(r"<(script|svg)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def dashboard_url(tree: Tree) -> str:
    return reverse("monitoring:dashboard", args=[tree.municipality.slug])


def plan_url(name: str, plan: StrategicPlan, *extra: Any) -> str:
    return reverse(
        f"plans:{name}", args=[plan.municipality.slug, plan.start_year, plan.end_year, *extra]
    )


# --- The dashboard -------------------------------------------------------------------------


def test_the_dashboard_is_for_the_municipalitys_staff(client, tree: Tree) -> None:
    url = dashboard_url(tree)
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(member_of(new_organization()))
    assert client.get(url).status_code == 403
    client.force_login(staff(Role.EDITOR, adopted_tree().municipality))
    assert client.get(url).status_code == 403
    client.force_login(staff(Role.RESPONDER, tree.municipality, tree.unit, mfa=False))
    response = client.get(url)
    assert response.status_code == 302 and "/iki-adimli-dogrulama/" in response["Location"]
    client.force_login(staff(Role.RESPONDER, tree.municipality, tree.other_unit))
    assert client.get(url).status_code == 200


def test_the_dashboard_lists_due_submitted_and_overdue(client, tree: Tree, frozen: Any) -> None:
    measurement(tree.other_indicator, "2025", "20", Status.SUBMITTED)
    client.force_login(staff(Role.EDITOR, tree.municipality))
    response = client.get(dashboard_url(tree), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    data = response.context["data"]
    assert [(i.indicator.pk, i.period.code) for i in data.overdue] == [
        (tree.indicator.pk, "2025-H1")
    ]
    assert [(i.indicator.pk, i.period.code) for i in data.due] == [(tree.indicator.pk, "2025")]
    assert [(i.indicator.pk, i.can_publish) for i in data.submitted] == [
        (tree.other_indicator.pk, True)
    ]
    units = {line.name: (line.due, line.submitted, line.overdue) for line in data.units}
    assert units == {tree.unit.name: (1, 0, 1), tree.other_unit.name: (0, 1, 0)}
    text = text_of(response)
    assert "Publish the chosen values" in text and "Overdue" in text


def test_a_responder_sees_their_unit_first_and_may_choose_all(
    client, tree: Tree, frozen: Any
) -> None:
    client.force_login(staff(Role.RESPONDER, tree.municipality, tree.other_unit))
    data = client.get(dashboard_url(tree)).context["data"]
    assert data.unit_filter == tree.other_unit.pk
    assert data.overdue == []
    data = client.get(dashboard_url(tree) + "?birim=").context["data"]
    assert len(data.overdue) == 1
    assert not data.overdue[0].can_edit  # another unit's indicator


def test_unit_staff_enter_and_submit_a_value_from_the_dashboard(
    client, tree: Tree, frozen: Any
) -> None:
    client.force_login(tree.owner)
    form_url = reverse(
        "monitoring:measurement_form", args=[tree.municipality.slug, tree.indicator.pk, "2025-H1"]
    )
    assert client.get(form_url).status_code == 200
    response = client.post(form_url, {"value": "19,6", "explanation": ""})
    assert response.status_code == 200  # Turkish decimal comma: the form says what is wrong
    response = client.post(
        form_url,
        {"value": "19.6", "evidence": SimpleUploadedFile("kanit.pdf", b"%PDF-1.4 kanit")},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    draft = Measurement.objects.get(indicator=tree.indicator, period="2025-H1")
    assert (draft.status, draft.value) == (Status.DRAFT, D("19.6"))
    response = client.post(reverse("monitoring:submit", args=[tree.municipality.slug, draft.pk]))
    assert response.status_code == 302
    assert Measurement.objects.get(pk=draft.pk).status == Status.SUBMITTED
    assert client.post(form_url, {"value": "20"}).status_code == 403  # no longer theirs


def test_save_and_submit_in_one_step_and_a_deviation_explained(
    client, tree: Tree, frozen: Any
) -> None:
    client.force_login(tree.owner)
    form_url = reverse(
        "monitoring:measurement_form", args=[tree.municipality.slug, tree.indicator.pk, "2025"]
    )
    response = client.post(form_url, {"value": "40", "submit": "1"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "explain the deviation" in text_of(response)
    response = client.post(
        form_url, {"value": "40", "explanation": "Hibe ile ek toplantı.", "submit": "1"}
    )
    assert response.status_code == 302
    assert (
        Measurement.objects.get(indicator=tree.indicator, period="2025").status == Status.SUBMITTED
    )


def test_the_editor_publishes_and_the_figures_follow(client, tree: Tree, frozen: Any) -> None:
    first = measurement(tree.indicator, "2025-H1", "20", Status.SUBMITTED)
    second = measurement(tree.other_indicator, "2025", "20", Status.SUBMITTED)
    client.force_login(tree.owner)
    publish_url = reverse("monitoring:publish", args=[tree.municipality.slug])
    assert client.post(publish_url, {"measurement": [first.pk]}).status_code == 403
    client.force_login(staff(Role.EDITOR, tree.municipality))
    response = client.post(publish_url, {"measurement": [first.pk, second.pk]})
    assert response.status_code == 302
    assert set(Measurement.objects.values_list("status", flat=True)) == {Status.PUBLISHED}
    tree.plan.refresh_from_db()
    assert tree.plan.last_published_at is not None and tree.plan.overdue_count == 0


def test_the_editor_sends_a_value_back(client, tree: Tree) -> None:
    value = measurement(tree.indicator, "2025-H1", "20", Status.SUBMITTED)
    client.force_login(staff(Role.EDITOR, tree.municipality))
    url = reverse("monitoring:send_back", args=[tree.municipality.slug, value.pk])
    assert client.post(url, {"note": ""}).status_code == 302
    assert Measurement.objects.get(pk=value.pk).status == Status.SUBMITTED
    assert client.post(url, {"note": "Kanıt eksik."}).status_code == 302
    assert Measurement.objects.get(pk=value.pk).status == Status.DRAFT


def test_another_municipalitys_value_is_not_found(client, tree: Tree) -> None:
    value = measurement(tree.indicator, "2025-H1", "20", Status.SUBMITTED)
    elsewhere = adopted_tree()
    client.force_login(staff(Role.EDITOR, elsewhere.municipality))
    url = reverse("monitoring:send_back", args=[elsewhere.municipality.slug, value.pk])
    assert client.post(url, {"note": "x"}).status_code == 404


def test_the_dashboard_of_a_municipality_without_an_adopted_plan(client) -> None:
    municipality = new_municipality()
    client.force_login(staff(Role.EDITOR, municipality))
    response = client.get(reverse("monitoring:dashboard", args=[municipality.slug]))
    assert response.status_code == 200 and response.context["data"].plan is None


def _big(indicators_per_objective: int) -> StrategicPlan:
    municipality = new_municipality()
    unit = new_unit(municipality=municipality)
    plan = build_plan(
        municipality=municipality,
        aims=4,
        objectives_per_aim=5,
        indicators_per_objective=indicators_per_objective,
        unit=unit,
    )
    Indicator.objects.filter(plan=plan).update(owner_unit=unit)
    generate_periods(plan=plan)
    return plan


def test_the_dashboard_costs_the_same_queries_for_20_and_240_indicators(
    client, django_assert_max_num_queries
) -> None:
    with time_machine.travel(datetime.datetime(2026, 8, 20, 9, tzinfo=datetime.UTC), tick=False):
        small, big = _big(1), _big(12)
        assert Indicator.objects.filter(plan=big).count() == 240
        for plan in (small, big):
            client.force_login(staff(Role.EDITOR, plan.municipality))
            url = reverse("monitoring:dashboard", args=[plan.municipality.slug])
            with django_assert_max_num_queries(12):
                response = client.get(url)
            assert response.status_code == 200
        data = response.context["data"]
        assert len(data.due) == 240 and len(data.overdue) > 200


# --- CSO assessments -----------------------------------------------------------------------


def test_a_member_assesses_from_the_objective_page(client, tree: Tree) -> None:
    x = new_organization()
    member = member_of(x)
    client.force_login(member)
    page = client.get(plan_url("objective_detail", tree.plan, tree.objective.code))
    new_url = reverse(
        "monitoring:assessment_new",
        args=[tree.municipality.slug, 2025, 2029, "hedef", tree.objective.code],
    )
    assert new_url in page.content.decode()
    assert client.get(new_url).status_code == 200
    response = client.post(
        new_url,
        {
            "organization": x.pk,
            "target": f"activity:{tree.activity.pk}",
            "period": period(tree.plan, "2025").pk,
            "rating": Rating.OFF_TRACK,
            "narrative": "Forumlar **yapılmadı**.",
            "links": "https://example.org/haber\n",
            "attachments": [SimpleUploadedFile("foto.jpg", b"\xff\xd8\xff\xe0 jpeg")],
        },
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert (assessment.node_kind, assessment.node_id) == ("activity", tree.activity.pk)
    page = client.get(response["Location"].split("#")[0], HTTP_ACCEPT_LANGUAGE="en")
    text = text_of(page)
    assert x.name in text and "Off track" in text
    assert "<strong>yapılmadı</strong>" in page.content.decode()
    assert "1 organization assessed this objective" in text


def test_the_form_says_what_is_wrong(client, tree: Tree) -> None:
    x = new_organization()
    client.force_login(member_of(x))
    url = reverse(
        "monitoring:assessment_new",
        args=[tree.municipality.slug, 2025, 2029, "gosterge", tree.indicator.code],
    )
    response = client.post(
        url,
        {
            "organization": x.pk,
            "target": f"indicator:{tree.indicator.pk}",
            "period": period(tree.plan, "2025").pk,
            "rating": Rating.AT_RISK,
            "narrative": "Kanıt ekli.",
            "attachments": [SimpleUploadedFile("rapor.pdf", b"not a pdf")],
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "does not match its type" in text_of(response)
    assert not Assessment.objects.exists()


def test_citizens_and_unverified_organizations_cannot_assess(client, tree: Tree) -> None:
    url = reverse(
        "monitoring:assessment_new",
        args=[tree.municipality.slug, 2025, 2029, "hedef", tree.objective.code],
    )
    assert client.get(url).status_code == 302
    client.force_login(member_of(new_organization(verification="pending")))
    assert client.get(url).status_code == 403
    page = client.get(plan_url("objective_detail", tree.plan, tree.objective.code))
    assert url not in page.content.decode()


def test_the_municipality_replies_from_the_page(client, tree: Tree) -> None:
    x = new_organization()
    assessment = new_assessment(
        node=tree.indicator, organization=x, period=period(tree.plan, "2025")
    )
    editor = staff(Role.EDITOR, tree.municipality)
    client.force_login(editor)
    page = client.get(plan_url("indicator_detail", tree.plan, tree.indicator.code))
    reply_url = reverse("monitoring:assessment_reply", args=[assessment.pk])
    assert reply_url in page.content.decode()
    response = client.post(reply_url, {"text": "İkinci yarıda **hızlanacak**."})
    assert response.status_code == 302
    assert f"#assessment-{assessment.pk}" in response["Location"]
    client.logout()
    page = client.get(plan_url("indicator_detail", tree.plan, tree.indicator.code))
    html = page.content.decode()
    assert "<strong>hızlanacak</strong>" in html
    # One reply: the form now corrects it instead of adding a second one.
    client.force_login(editor)
    client.post(reply_url, {"text": "Düzeltilmiş yanıt."})
    assert AssessmentReply.objects.get().text == "Düzeltilmiş yanıt."
    client.force_login(member_of(x))
    assert (
        client.get(reverse("monitoring:assessment_edit", args=[assessment.pk])).status_code == 403
    )


def test_members_change_and_withdraw_their_assessment(client, tree: Tree) -> None:
    x = new_organization()
    member = member_of(x)
    assessment = assessment_services.submit_assessment(
        actor=member,
        organization=x,
        node=tree.objective,
        period=period(tree.plan, "2025"),
        rating=Rating.AT_RISK,
        narrative="İlk metin",
        links=["https://example.org/a"],
    )
    client.force_login(member)
    edit_url = reverse("monitoring:assessment_edit", args=[assessment.pk])
    assert client.get(edit_url).status_code == 200
    evidence = assessment.evidence.get()
    response = client.post(
        edit_url,
        {"rating": Rating.ON_TRACK, "narrative": "Yeni metin", "remove_evidence": [evidence.pk]},
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.rating == Rating.ON_TRACK and not assessment.evidence.exists()
    response = client.post(reverse("monitoring:assessment_delete", args=[assessment.pk]))
    assert response.status_code == 302
    assert not Assessment.objects.exists()


def test_evidence_files_are_downloads(client, tree: Tree) -> None:
    x = new_organization()
    assessment = assessment_services.submit_assessment(
        actor=member_of(x),
        organization=x,
        node=tree.objective,
        period=period(tree.plan, "2025"),
        rating=Rating.AT_RISK,
        narrative="Ekte.",
        files=[SimpleUploadedFile("tutanak.pdf", b"%PDF-1.7 tutanak")],
    )
    evidence = assessment.evidence.get()
    response = client.get(reverse("monitoring:assessment_evidence", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]


def test_the_objective_page_shows_where_organizations_disagree(client, tree: Tree) -> None:
    with time_machine.travel(datetime.datetime(2026, 1, 15, 12, tzinfo=datetime.UTC)):
        publish_value(tree.indicator, "2025", "20")  # on track
        x = new_organization()
        assessment_services.submit_assessment(
            actor=member_of(x),
            organization=x,
            node=tree.indicator,
            period=period(tree.plan, "2025"),
            rating=Rating.OFF_TRACK,
            narrative="Sahada göremedik.",
        )
        page = client.get(
            plan_url("objective_detail", tree.plan, tree.objective.code), HTTP_ACCEPT_LANGUAGE="en"
        )
    text = text_of(page)
    assert "Civil society's view" in text
    assert f"{x.name} says “off track”, the figures say “on track”." in text


def test_the_assessments_section_costs_the_same_for_2_and_40_assessments(
    client, tree: Tree, django_assert_max_num_queries
) -> None:
    def add(count: int) -> None:
        for _ in range(count):
            x = new_organization()
            for node in (tree.objective, tree.activity):
                a = new_assessment(node=node, organization=x, period=period(tree.plan, "2025"))
                AssessmentReply.objects.create(assessment=a, text="Yanıt")
                a.evidence.create(url="https://example.org/kanit")

    url = plan_url("objective_detail", tree.plan, tree.objective.code)
    editor = staff(Role.EDITOR, tree.municipality)
    add(1)
    client.force_login(editor)
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    add(19)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('<article class="card mb-3" id="assessment-') == 40


# --- Badges and languages ------------------------------------------------------------------


def test_badges_on_every_plan_node_and_in_the_municipality_list(client, tree: Tree) -> None:
    with time_machine.travel(datetime.datetime(2025, 8, 20, 9, tzinfo=datetime.UTC)):
        publish_value(tree.other_indicator, "2025", "20")
        pages = [
            plan_url("plan_detail", tree.plan),
            plan_url("aim_detail", tree.plan, tree.objective.aim.code),
            plan_url("objective_detail", tree.plan, tree.objective.code),
        ]
        for url in pages:
            text = text_of(client.get(url, HTTP_ACCEPT_LANGUAGE="en"))
            assert "Overdue: 1 indicator Last updated: 08/20/2025" in text, url
        late = client.get(plan_url("indicator_detail", tree.plan, tree.indicator.code))
        assert "badge-overdue" in late.content.decode()
        assert "No value published yet" in text_of(
            client.get(
                plan_url("indicator_detail", tree.plan, tree.indicator.code),
                HTTP_ACCEPT_LANGUAGE="en",
            )
        )
        fresh = client.get(
            plan_url("indicator_detail", tree.plan, tree.other_indicator.code),
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert "Last updated: 08/20/2025" in text_of(fresh)
        listing = client.get(reverse("organizations:municipality_list"), HTTP_ACCEPT_LANGUAGE="en")
    row = text_of(listing)
    assert "Plan updates" in row and "Overdue Last updated: 08/20/2025" in row


def test_a_node_without_values_says_so_and_is_not_overdue_before_adoption(client) -> None:
    plan = build_plan(
        aims=1,
        objectives_per_aim=1,
        indicators_per_objective=1,
        measurements=False,
        status=StrategicPlan.Status.CONSULTATION,
    )
    text = text_of(client.get(plan_url("plan_detail", plan), HTTP_ACCEPT_LANGUAGE="en"))
    assert "No value published yet" in text
    assert "badge-overdue" not in client.get(plan_url("plan_detail", plan)).content.decode()


@pytest.mark.parametrize("language", ["tr", "en"])
def test_every_monitoring_page_renders_in_both_languages(client, tree: Tree, language: str) -> None:
    x = new_organization()
    assessment = new_assessment(
        node=tree.objective, organization=x, period=period(tree.plan, "2025")
    )
    editor = staff(Role.EDITOR, tree.municipality)
    draft = measurement(tree.indicator, "2025-H1", "20", Status.SUBMITTED)
    client.force_login(editor)
    urls = [
        dashboard_url(tree),
        reverse("monitoring:calendar", args=[tree.municipality.slug]),
        reverse(
            "monitoring:measurement_form",
            args=[tree.municipality.slug, tree.indicator.pk, draft.period],
        ),
        reverse("monitoring:history", args=[tree.municipality.slug, 2025, 2029]),
        reverse("monitoring:assessment_reply", args=[assessment.pk]),
        plan_url("objective_detail", tree.plan, tree.objective.code),
    ]
    for url in urls:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, url
        assert f'lang="{language}"' in response.content.decode(), url
    client.force_login(member_of(x))
    for url in (
        reverse("monitoring:assessment_edit", args=[assessment.pk]),
        reverse(
            "monitoring:assessment_new",
            args=[tree.municipality.slug, 2025, 2029, "gosterge", tree.indicator.code],
        ),
    ):
        assert client.get(url, HTTP_ACCEPT_LANGUAGE=language).status_code == 200, url


def test_the_municipality_page_links_to_the_history_and_staff_to_their_dashboard(
    client, tree: Tree
) -> None:
    url = reverse("organizations:municipality_detail", args=[tree.municipality.slug])
    dashboard = reverse("monitoring:dashboard", args=[tree.municipality.slug])
    html = client.get(url).content.decode()
    assert reverse("monitoring:history", args=[tree.municipality.slug, 2025, 2029]) in html
    assert dashboard not in html
    client.force_login(staff(Role.RESPONDER, tree.municipality, tree.unit))
    assert dashboard in client.get(url).content.decode()


def test_the_editor_changes_an_owner_from_the_value_page(client, tree: Tree) -> None:
    newcomer = staff(Role.RESPONDER, tree.municipality, tree.other_unit)
    client.force_login(staff(Role.EDITOR, tree.municipality))
    value_page = reverse(
        "monitoring:measurement_form", args=[tree.municipality.slug, tree.indicator.pk, "2025"]
    )
    owner_url = reverse("monitoring:owner_form", args=[tree.municipality.slug, tree.indicator.pk])
    assert owner_url in client.get(value_page).content.decode()
    assert client.get(owner_url).status_code == 200
    response = client.post(owner_url, {"owner_unit": tree.other_unit.pk, "owner": newcomer.pk})
    assert response.status_code == 302
    tree.indicator.refresh_from_db()
    assert tree.indicator.owner == newcomer
    client.force_login(tree.owner)
    assert client.get(owner_url).status_code == 403
