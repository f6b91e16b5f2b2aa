from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ortak.accounts.tests.factories import UserFactory
from ortak.organizations.models import Membership
from ortak.organizations.tests.factories import MembershipFactory
from ortak.participation import services
from ortak.participation.models import Comment, Contribution, Flag, Support
from ortak.participation.tests.factories import (
    ContributionFactory,
    bulk_contributions,
    comment,
    member_of,
    pending_organization,
    plan_tree,
    staff,
    verified_organization,
)

pytestmark = pytest.mark.django_db

Role = Membership.Role
Status = Contribution.Status
XSS = '<script>alert("x")</script>'


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def tree():
    return plan_tree()


@pytest.fixture
def citizen():
    return UserFactory()


def new_url(kind: str, target: str) -> str:
    name = "participation:offer_create" if kind == "offer" else "participation:suggestion_create"
    return f"{reverse(name)}?hedef={target}"


def suggestion_data(**extra):
    return {
        "title": "Bisiklet yolu",
        "text": "Sahil boyunca bisiklet yolu.",
        "is_public": "on",
        **extra,
    }


# --- Sending ------------------------------------------------------------------------------


def test_suggestion_form_sends_and_redirects_to_the_new_contribution(client, tree, citizen):
    client.force_login(citizen)
    url = new_url("suggestion", f"objective:{tree.objective.pk}")
    assert client.get(url).status_code == 200
    response = client.post(url, suggestion_data())
    suggestion = Contribution.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("participation:detail", args=[suggestion.pk])
    assert suggestion.author == citizen and suggestion.unit == tree.unit


def test_anonymous_visitor_is_sent_to_log_in(client, tree):
    response = client.get(new_url("suggestion", f"aim:{tree.aim.pk}"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize(
    "target", ["", "objective", "objective:x", "nothing:1", "objective:999999"]
)
def test_bad_target_is_not_found(client, citizen, target):
    client.force_login(citizen)
    assert client.get(new_url("suggestion", target)).status_code == 404


def test_draft_plan_items_are_not_found(client, citizen):
    draft = plan_tree(status="draft")
    client.force_login(citizen)
    assert client.get(new_url("suggestion", f"objective:{draft.objective.pk}")).status_code == 404


def test_bad_input_is_explained_in_turkish_and_english(client, tree, citizen):
    client.force_login(citizen)
    url = new_url("suggestion", f"objective:{tree.objective.pk}")
    response = client.post(url, {"title": "", "text": ""}, HTTP_ACCEPT_LANGUAGE="tr")
    assert response.status_code == 400
    assert "Bu alan zorunludur." in response.content.decode()
    client.cookies["ortak_language"] = "en"
    response = client.post(url, {"title": "", "text": ""})
    assert "This field is required." in response.content.decode()
    assert not Contribution.objects.exists()


def test_member_sends_a_suggestion_on_behalf_of_a_verified_organization(client, tree):
    organization = verified_organization()
    user = member_of(organization)
    client.force_login(user)
    url = new_url("suggestion", f"indicator:{tree.indicator.pk}")
    client.post(url, suggestion_data(organization=organization.pk))
    assert Contribution.objects.get().organization == organization


def test_member_of_x_cannot_send_on_behalf_of_y(client, tree):
    x, y = verified_organization(), verified_organization()
    client.force_login(member_of(x))
    response = client.post(
        new_url("suggestion", f"objective:{tree.objective.pk}"), suggestion_data(organization=y.pk)
    )
    assert response.status_code == 400
    assert not Contribution.objects.exists()


def test_offer_page_explains_that_only_verified_organizations_offer(client, tree, citizen):
    member_of(pending_organization(), role=Role.ORGANIZATION_ADMIN)
    for user in (citizen, member_of(pending_organization())):
        client.force_login(user)
        response = client.get(new_url("offer", f"objective:{tree.objective.pk}"))
        assert response.status_code == 403
        assert (
            "verified organization" in response.content.decode()
            or "doğrulanmış" in response.content.decode()
        )


def test_offer_form_sends_an_offer_with_attachment(client, tree):
    organization = verified_organization()
    client.force_login(member_of(organization))
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 teklif", content_type="application/pdf")
    response = client.post(
        new_url("offer", f"activity:{tree.activity.pk}"),
        {
            "organization": organization.pk,
            "title": "Fidan dikimi",
            "text": "Gönüllülerimizle.",
            "offered": ["volunteers", "in_kind"],
            "period_start": "2026-04-01",
            "period_end": "2026-05-01",
            "contact_name": "Ayşe",
            "contact_phone": "0312 000 00 00",
            "is_public": "on",
            "attachments": [upload],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    sent = Contribution.objects.get()
    assert sent.kind == "offer" and sent.offered == ["volunteers", "in_kind"]
    assert sent.attachments.get().original_name == "plan.pdf"


def test_wrong_attachment_type_is_refused_with_a_message(client, tree, citizen):
    client.force_login(citizen)
    upload = SimpleUploadedFile("virus.exe", b"MZ\x90")
    response = client.post(
        new_url("suggestion", f"objective:{tree.objective.pk}"),
        suggestion_data(attachments=[upload]),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "virus.exe" in response.content.decode()
    assert not Contribution.objects.exists()


# --- Reading, sanitising, contact details --------------------------------------------------


def test_a_script_in_a_suggestion_never_reaches_a_page_unescaped(client, tree, citizen):
    contribution = services.submit_suggestion(
        actor=citizen,
        target=tree.target(),
        title=f"Başlık {XSS}",
        text=f"Metin {XSS} **kalın** [bağlantı](javascript:alert(1))",
    )
    services.post_comment(actor=UserFactory(), text=f"Yorum {XSS}", contribution=contribution)
    pages = [
        reverse("participation:detail", args=[contribution.pk]),
        reverse("participation:node", args=["objective", tree.objective.pk]),
        reverse("participation:municipality", args=[tree.municipality.slug]),
        reverse("participation:search") + "?q=baslik",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert "<script>alert" not in html, url
        assert 'href="javascript' not in html, url
    html = client.get(pages[0]).content.decode()
    assert "&lt;script&gt;" in html
    assert "<strong>kalın</strong>" in html


def test_contact_details_are_for_the_municipality_only(client, tree):
    organization = verified_organization()
    author = member_of(organization)
    offer = services.submit_offer(
        actor=author,
        target=tree.target(),
        organization=organization,
        title="Veri desteği",
        text="Açık veri.",
        offered=["data"],
        contact_name="Mehmet Kaya",
        contact_email="mehmet@example.org",
    )
    url = reverse("participation:detail", args=[offer.pk])
    assert "mehmet@example.org" not in client.get(url).content.decode()
    client.force_login(UserFactory())
    assert "mehmet@example.org" not in client.get(url).content.decode()
    client.force_login(staff(Role.RESPONDER, tree.municipality, tree.strategy_unit))
    assert "mehmet@example.org" in client.get(url).content.decode()
    client.force_login(staff(Role.RESPONDER, plan_tree().municipality))
    assert "mehmet@example.org" not in client.get(url).content.decode()


def test_private_contribution_is_hidden_from_others_but_seen_by_the_municipality(
    client, tree, citizen
):
    private = ContributionFactory(tree=tree, author=citizen, is_public=False)
    url = reverse("participation:detail", args=[private.pk])
    assert client.get(url).status_code == 404
    client.force_login(citizen)
    assert client.get(url).status_code == 200
    client.force_login(staff(Role.RESPONDER, tree.municipality, tree.unit))
    assert client.get(url).status_code == 200


def test_attachment_download_follows_the_contributions_visibility(client, tree, citizen):
    contribution = services.submit_suggestion(
        actor=citizen,
        target=tree.target(),
        title="Ek",
        text="Ekte.",
        is_public=False,
        files=[SimpleUploadedFile("a.txt", b"merhaba")],
    )
    url = reverse("participation:attachment", args=[contribution.attachments.get().pk])
    assert client.get(url).status_code == 404
    client.force_login(citizen)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


# --- Answering ----------------------------------------------------------------------------


def test_responder_answers_from_the_page(client, tree, citizen):
    contribution = ContributionFactory(tree=tree, author=citizen)
    responder = staff(Role.RESPONDER, tree.municipality, tree.unit)
    client.force_login(responder)
    page = client.get(reverse("participation:detail", args=[contribution.pk])).content.decode()
    assert 'action="' + reverse("participation:answer", args=[contribution.pk]) in page
    response = client.post(
        reverse("participation:answer", args=[contribution.pk]),
        {"status": Status.DECLINED, "text": "Olmaz.", "reason": ""},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "Give the reason for declining." in response.content.decode()
    response = client.post(
        reverse("participation:answer", args=[contribution.pk]),
        {"status": Status.DECLINED, "text": "Olmaz.", "reason": "İmar planına aykırı."},
    )
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.status == Status.DECLINED


def test_responder_of_another_municipality_cannot_answer(client, tree, citizen):
    contribution = ContributionFactory(tree=tree, author=citizen)
    client.force_login(staff(Role.MUNICIPALITY_ADMIN, plan_tree().municipality))
    response = client.post(
        reverse("participation:answer", args=[contribution.pk]),
        {"status": Status.ACCEPTED, "text": "Kabul."},
    )
    assert response.status_code == 403
    assert not contribution.answers.exists()


def test_staff_without_mfa_cannot_answer(client, tree, citizen):
    contribution = ContributionFactory(tree=tree, author=citizen)
    client.force_login(staff(Role.RESPONDER, tree.municipality, tree.unit, mfa=False))
    response = client.post(
        reverse("participation:answer", args=[contribution.pk]),
        {"status": Status.ACCEPTED, "text": "Kabul."},
    )
    assert response.status_code in (302, 403)  # sent to set up MFA, or refused
    assert not contribution.answers.exists()


def test_editor_routes_from_the_page(client, tree, citizen):
    contribution = ContributionFactory(tree=tree, author=citizen)
    client.force_login(staff(Role.EDITOR, tree.municipality))
    client.post(
        reverse("participation:route", args=[contribution.pk]), {"unit": tree.strategy_unit.pk}
    )
    contribution.refresh_from_db()
    assert contribution.unit == tree.strategy_unit


def test_author_edits_and_the_page_shows_the_earlier_wording(client, tree, citizen):
    contribution = ContributionFactory(
        tree=tree,
        author=citizen,
        title="Eski başlık",
        status=Status.UNDER_REVIEW,
        first_answered_at=timezone.now(),
        answered_within_deadline=True,
    )
    client.force_login(citizen)
    url = reverse("participation:edit", args=[contribution.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"title": "Yeni başlık", "text": "Yeni metin"})
    html = client.get(reverse("participation:detail", args=[contribution.pk])).content.decode()
    assert "Yeni başlık" in html and "Eski başlık" in html
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403


# --- Discussion ---------------------------------------------------------------------------


def test_support_button_adds_once_and_withdraws(client, tree, citizen):
    contribution = ContributionFactory(tree=tree)
    client.force_login(citizen)
    url = reverse("participation:support", args=[contribution.pk])
    client.post(url)
    client.post(url)
    contribution.refresh_from_db()
    assert contribution.support_count == 1
    assert Support.objects.count() == 1
    client.post(url, {"action": "withdraw"})
    contribution.refresh_from_db()
    assert contribution.support_count == 0


def test_comment_and_one_level_of_replies(client, tree, citizen):
    contribution = ContributionFactory(tree=tree)
    client.force_login(citizen)
    client.post(reverse("participation:comment", args=[contribution.pk]), {"text": "İlk yorum"})
    top = Comment.objects.get()
    response = client.post(reverse("participation:reply", args=[top.pk]), {"text": "Yanıt"})
    assert response.status_code == 302
    reply = Comment.objects.get(parent=top)
    response = client.post(reverse("participation:reply", args=[reply.pk]), {"text": "Derin"})
    assert response.status_code == 403
    assert Comment.objects.count() == 2
    contribution.refresh_from_db()
    assert contribution.comment_count == 2


def test_comment_on_a_plan_node(client, tree, citizen):
    client.force_login(citizen)
    url = reverse("participation:node_comment", args=["indicator", tree.indicator.pk])
    client.post(url, {"text": "Bu gösterge ölçülebilir mi?"})
    comment_row = Comment.objects.get()
    assert comment_row.contribution is None
    assert (comment_row.node_kind, comment_row.node_id) == ("indicator", tree.indicator.pk)
    page = client.get(reverse("participation:node", args=["indicator", tree.indicator.pk]))
    assert "Bu gösterge ölçülebilir mi?" in page.content.decode()


def test_follow_and_unfollow_a_municipality(client, tree, citizen):
    client.force_login(citizen)
    url = reverse("participation:follow")
    client.post(url, {"municipality": tree.municipality.pk})
    client.post(url, {"municipality": tree.municipality.pk})
    assert citizen.follows.count() == 1
    client.post(url, {"municipality": tree.municipality.pk, "action": "unfollow"})
    assert citizen.follows.count() == 0


def test_follow_redirect_never_leaves_the_site(client, tree, citizen):
    client.force_login(citizen)
    response = client.post(
        reverse("participation:follow"),
        {"node": f"aim:{tree.aim.pk}", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("participation:node", args=["aim", tree.aim.pk])


# --- Flags and moderation -------------------------------------------------------------------


def test_flag_moderate_hide_and_the_author_is_told_why(
    client, tree, citizen, django_capture_on_commit_callbacks
):
    contribution = ContributionFactory(tree=tree, author=citizen, title="Hakaret içeren başlık")
    reporter = UserFactory()
    client.force_login(reporter)
    client.post(reverse("participation:flag", args=[contribution.pk]), {"reason": "Hakaret var."})
    client.post(reverse("participation:flag", args=[contribution.pk]), {"reason": "Tekrar."})
    assert Flag.objects.count() == 1
    assert client.get(reverse("participation:moderation")).status_code == 403
    moderator = UserFactory(is_moderator=True)
    client.force_login(moderator)
    assert "Hakaret var." in client.get(reverse("participation:moderation")).content.decode()
    flag = Flag.objects.get()
    response = client.post(
        reverse("participation:decide", args=[flag.pk]), {"decision": "hide", "note": ""}
    )
    flag.refresh_from_db()
    assert flag.state == Flag.State.OPEN  # a hide without a reason is refused
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("participation:decide", args=[flag.pk]),
            {"decision": "hide", "note": "Kişilik haklarına saldırı."},
        )
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.is_hidden
    notification = citizen.notifications.get(verb="participation.hidden")
    assert "Kişilik haklarına saldırı." in notification.message
    client.logout()
    assert client.get(reverse("participation:detail", args=[contribution.pk])).status_code == 404
    assert any("Kişilik" in m.body for m in mail.outbox)


def test_keep_decision_closes_the_flag_and_leaves_the_comment(client, tree, citizen):
    contribution = ContributionFactory(tree=tree)
    target = comment(contribution, citizen, "Sert ama yerinde bir eleştiri.")
    client.force_login(UserFactory())
    client.post(reverse("participation:flag_comment", args=[target.pk]), {"reason": "Sert."})
    client.force_login(UserFactory(is_moderator=True))
    client.post(reverse("participation:decide", args=[Flag.objects.get().pk]), {"decision": "keep"})
    target.refresh_from_db()
    assert not target.is_hidden
    assert Flag.objects.get().state == Flag.State.KEPT


# --- Rate limits --------------------------------------------------------------------------


def test_posting_is_limited_per_user(client, tree, citizen, settings):
    settings.ORTAK_POST_LIMIT_PER_USER = 3
    contribution = ContributionFactory(tree=tree)
    client.force_login(citizen)
    url = reverse("participation:comment", args=[contribution.pk])
    for n in range(3):
        client.post(url, {"text": f"yorum {n}"})
    response = client.post(url, {"text": "bir tane daha"}, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert Comment.objects.count() == 3
    assert "You are posting too fast" in response.content.decode()
    create = new_url("suggestion", f"objective:{tree.objective.pk}")
    response = client.post(create, suggestion_data(), HTTP_ACCEPT_LANGUAGE="tr")
    assert response.status_code == 429
    assert "Çok hızlı" in response.content.decode()


def test_posting_is_limited_per_ip_across_users(client, tree, settings):
    settings.ORTAK_POST_LIMIT_PER_IP = 4
    contribution = ContributionFactory(tree=tree)
    url = reverse("participation:comment", args=[contribution.pk])
    for n in range(6):
        client.force_login(UserFactory())
        client.post(url, {"text": f"yorum {n}"}, REMOTE_ADDR="203.0.113.9")
    assert Comment.objects.count() == 4
    client.force_login(UserFactory())
    client.post(url, {"text": "başka adres"}, REMOTE_ADDR="203.0.113.10")
    assert Comment.objects.count() == 5


# --- Lists and their query counts -----------------------------------------------------------


@pytest.fixture
def big(tree):
    """1,000 contributions from 50 authors (every fourth an offer), with answers and comments."""
    authors = UserFactory.create_batch(50)
    organization = verified_organization()
    rows = bulk_contributions(tree, 1000, authors=authors, organization=organization)
    for row in rows[:40]:
        comment(row, authors[0])
    services.refresh_figures(municipality_id=tree.municipality.pk)
    return rows


def test_inbox_is_overdue_first_with_constant_queries(
    client, tree, big, django_assert_max_num_queries
):
    responder = staff(Role.RESPONDER, tree.municipality, tree.unit)
    client.force_login(responder)
    with django_assert_max_num_queries(13):
        response = client.get(reverse("participation:inbox"))
    assert response.status_code == 200
    items = list(response.context["page_obj"])
    assert len(items) == 50
    assert all(c.unit_id == tree.unit.pk for c in items)
    assert items[0].is_overdue
    assert [c.due_at for c in items] == sorted(c.due_at for c in items)
    with django_assert_max_num_queries(13):
        response = client.get(
            reverse("participation:inbox")
            + "?status=under_review&target=indicator&age=older&page=2"
        )
    assert all(
        c.status == Status.UNDER_REVIEW and c.node_kind == "indicator"
        for c in response.context["page_obj"]
    )


def test_editor_inbox_covers_every_unit(client, tree, big, django_assert_max_num_queries):
    client.force_login(staff(Role.EDITOR, tree.municipality))
    with django_assert_max_num_queries(13):
        response = client.get(reverse("participation:inbox") + "?status=")
    assert response.context["page_obj"].paginator.count == 1000


def test_inbox_needs_an_answering_role(client, citizen):
    client.force_login(citizen)
    assert client.get(reverse("participation:inbox")).status_code == 403


@pytest.mark.parametrize(
    "url_of",
    [
        lambda t: reverse("participation:municipality", args=[t.municipality.slug]),
        lambda t: reverse("participation:node", args=["objective", t.objective.pk]),
        lambda t: (
            reverse("participation:municipality", args=[t.municipality.slug])
            + "?kind=offer&status=awaiting"
        ),
    ],
)
def test_contribution_lists_have_constant_queries(
    client, tree, big, url_of, django_assert_max_num_queries
):
    client.force_login(UserFactory())
    with django_assert_max_num_queries(12):
        response = client.get(url_of(tree))
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 25


def test_my_contributions_and_comparison_have_constant_queries(
    client, tree, big, django_assert_max_num_queries
):
    author = big[0].author
    client.force_login(author)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("participation:mine"))
    assert response.context["page_obj"].paginator.count == 20
    for _ in range(30):
        other = plan_tree()
        ContributionFactory(tree=other)
        services.refresh_figures(municipality_id=other.municipality.pk)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("participation:comparison") + "?sirala=answered")
    assert len(response.context["rows"]) == 31


def test_detail_page_has_constant_queries(client, tree, big, django_assert_max_num_queries):
    """The heaviest view of a contribution: an edited offer with answers, attachments and a long
    discussion, seen by an editor (answer and route forms, contact details)."""
    offer = next(c for c in big if c.is_offer and c.first_answered_at)
    for n in range(30):
        comment(offer, UserFactory(), f"Yorum {n}")
    services.edit_contribution(actor=offer.author, contribution=offer, title="Yeni", text="Metin")
    for n in range(3):
        services.answer_contribution(
            actor=staff(Role.EDITOR, tree.municipality),
            contribution=offer,
            status=Status.UNDER_REVIEW,
            text=f"Ara yanıt {n}",
        )
    client.force_login(staff(Role.EDITOR, tree.municipality))
    with django_assert_max_num_queries(14):
        response = client.get(reverse("participation:detail", args=[offer.pk]))
    assert response.status_code == 200
    assert "ayse@example.org" in response.content.decode()
    client.logout()
    with django_assert_max_num_queries(7):
        assert client.get(reverse("participation:detail", args=[offer.pk])).status_code == 200


def test_node_section_for_plan_pages(tree, big, rf, django_assert_max_num_queries):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    request = rf.get("/")
    request.user = AnonymousUser()
    template = Template('{% include "participation/node_section.html" with node=node %}')
    with django_assert_max_num_queries(3):
        html = template.render(Context({"node": tree.objective, "request": request}))
    assert "Make a suggestion" in html or "Öneride bulun" in html
    assert "?hedef=objective:" in html


def test_municipality_section_shows_the_figures(tree, big, django_assert_max_num_queries):
    from django.template import Context, Template

    template = Template('{% include "participation/municipality_section.html" %}')
    with django_assert_max_num_queries(1):
        html = template.render(Context({"municipality": tree.municipality}))
    assert "1.000" in html or "1,000" in html


def test_figures_show_on_the_municipality_participation_page(client, tree, citizen):
    ContributionFactory(
        tree=tree,
        created_at=timezone.now() - timedelta(days=40),
        due_at=timezone.now() - timedelta(days=10),
    )
    services.refresh_figures(municipality_id=tree.municipality.pk)
    html = client.get(
        reverse("participation:municipality", args=[tree.municipality.slug])
    ).content.decode()
    assert tree.unit.name in html


def test_contribution_forms_have_constant_queries(client, tree, django_assert_max_num_queries):
    organization = verified_organization()
    user = member_of(organization)
    for _ in range(20):  # many organizations to choose from must not cost a query each
        MembershipFactory(user=user, organization=verified_organization())
    client.force_login(user)
    for kind in ("suggestion", "offer"):
        with django_assert_max_num_queries(9):
            response = client.get(new_url(kind, f"indicator:{tree.indicator.pk}"))
        assert response.status_code == 200
