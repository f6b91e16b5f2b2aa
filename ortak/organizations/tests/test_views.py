from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from ortak.accounts.tests.factories import UserFactory
from ortak.notifications.models import Notification
from ortak.organizations import services
from ortak.organizations.models import Invitation, Membership, Municipality, Organization
from ortak.organizations.tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ProvinceFactory,
    municipality_membership,
)
from ortak.organizations.tests.helpers import sign_in, with_mfa, with_verified_email

pytestmark = pytest.mark.django_db

Role = Membership.Role


def _row_names(response) -> list[str]:
    """The names in the first column of the page's table, in order."""
    html = response.content.decode()
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)


# --- Home -----------------------------------------------------------------------------


def test_home_explains_the_platform_and_highlights_the_pilots(client):
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'action="{reverse("participation:search")}"' in html
    assert 'name="q"' in html
    pilots = html.split('id="pilots-heading"')[1].split('id="others-heading"')[0]
    assert "Yenimahalle Belediyesi" in pilots
    assert "Şişli Belediyesi" not in pilots
    assert "Şişli Belediyesi" in html


def test_without_the_site_search_the_home_search_filters_municipalities(client, monkeypatch):
    from ortak.organizations.views import public as views

    monkeypatch.setattr(views, "SITE_SEARCH_URL_NAME", "nowhere:search")
    html = client.get(reverse("home")).content.decode()
    assert f'action="{reverse("organizations:municipality_list")}"' in html


def test_home_costs_the_same_queries_with_many_municipalities(
    client, django_assert_max_num_queries
):
    MunicipalityFactory.create_batch(220)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("home"))
    assert response.status_code == 200
    assert response.content.decode().count('href="/belediyeler/') < 60


# --- Municipality list ----------------------------------------------------------------


def test_the_municipality_list_sorts_in_turkish_alphabetical_order(client):
    isparta = ProvinceFactory(code=32, name="Isparta", slug="isparta")
    cankiri = ProvinceFactory(code=18, name="Çankırı", slug="cankiri")
    MunicipalityFactory(name="Isparta Belediyesi", province=isparta, kind="provincial")
    MunicipalityFactory(name="Çankırı Belediyesi", province=cankiri, kind="provincial")
    names = _row_names(client.get(reverse("organizations:municipality_list")))
    assert names.index("Burdur Belediyesi") < names.index("Çankırı Belediyesi")
    assert names.index("Çankırı Belediyesi") < names.index("Eskişehir Büyükşehir Belediyesi")
    assert names.index("Isparta Belediyesi") < names.index("İstanbul Büyükşehir Belediyesi")
    assert names.index("İstanbul Büyükşehir Belediyesi") < names.index(
        "İzmir Büyükşehir Belediyesi"
    )
    assert names.index("Şişli Belediyesi") > names.index("Sinop Belediyesi")


@pytest.mark.parametrize("query", ["KARŞIYAKA", "karsiyaka", "Karşıyaka", "KARSIYAKA", "şıyak"])
def test_the_name_filter_folds_turkish_letters(client, query):
    response = client.get(reverse("organizations:municipality_list"), {"q": query})
    assert _row_names(response) == ["Karşıyaka Belediyesi"]


def test_dotted_and_dotless_i_meet_in_the_filter(client):
    isparta = ProvinceFactory(code=32, name="Isparta", slug="isparta")
    MunicipalityFactory(name="Isparta Belediyesi", province=isparta, kind="provincial")
    for query in ("ISPARTA", "ıspart", "İsparta"):
        response = client.get(reverse("organizations:municipality_list"), {"q": query})
        assert _row_names(response) == ["Isparta Belediyesi"], query


def test_the_municipality_list_filters_by_province_and_kind(client):
    response = client.get(
        reverse("organizations:municipality_list"),
        {"province": "istanbul", "kind": "metropolitan_district"},
    )
    assert _row_names(response) == [
        "Büyükçekmece Belediyesi",
        "Maltepe Belediyesi",
        "Sultanbeyli Belediyesi",
        "Şişli Belediyesi",
    ]


def test_an_unknown_filter_value_shows_an_error_not_a_crash(client):
    response = client.get(reverse("organizations:municipality_list"), {"province": "atlantis"})
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()


def test_the_municipality_list_paginates_with_a_constant_number_of_queries(
    client, django_assert_max_num_queries
):
    MunicipalityFactory.create_batch(230)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("organizations:municipality_list"), {"page": 3})
    assert response.status_code == 200
    assert len(_row_names(response)) == 25
    with django_assert_max_num_queries(5):
        response = client.get(
            reverse("organizations:municipality_list"), {"q": "deneme", "province": "ankara"}
        )
    assert 'href="?q=deneme&amp;province=ankara&amp;page=2"' in response.content.decode()


# --- Municipality page ----------------------------------------------------------------


def test_the_municipality_page_shows_the_profile(client):
    response = client.get(reverse("organizations:municipality_detail", args=["maltepe"]))
    html = response.content.decode()
    assert "Maltepe Belediyesi" in html
    assert "İstanbul Büyükşehir Belediyesi" in html  # the metropolitan parent
    assert "524.921" in html and "(2024)" in html
    assert "53 km²" in html
    assert "Strateji Geliştirme Müdürlüğü" in html


def test_the_municipality_page_says_when_a_figure_is_unknown(client):
    html = client.get(reverse("organizations:municipality_detail", args=["kars"])).content.decode()
    with translation.override("tr"):
        assert gettext("not known") in html


def test_an_unknown_municipality_is_404(client):
    assert client.get(reverse("organizations:municipality_detail", args=["yok"])).status_code == 404


def test_the_municipality_page_includes_the_plans_section_when_it_exists(
    client, settings, tmp_path
):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "municipality_plan_section.html").write_text(
        "<p>PLAN SECTION OF {{ municipality.slug }}</p>"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    html = client.get(reverse("organizations:municipality_detail", args=["sinop"])).content
    assert b"PLAN SECTION OF sinop" in html


def test_the_municipality_page_stands_without_the_plans_section(client, monkeypatch):
    from ortak.organizations.views import public as views

    monkeypatch.setattr(views, "PLAN_SECTION_TEMPLATE", "plans/no_such_template.html")
    response = client.get(reverse("organizations:municipality_detail", args=["sinop"]))
    assert response.status_code == 200
    assert response.context["plan_section_template"] is None


def test_the_municipality_page_costs_constant_queries(client, django_assert_max_num_queries):
    municipality = Municipality.objects.get(slug="yenimahalle")
    for number in range(60):
        services_unit = municipality.units.create(name=f"Birim {number}", slug=f"birim-{number}")
        municipality_membership(Role.RESPONDER, municipality=municipality, unit=services_unit)
    OrganizationFactory.create_batch(60, municipality=municipality, province=municipality.province)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("organizations:municipality_detail", args=["yenimahalle"]))
    assert response.status_code == 200


# --- Organization directory and profile -----------------------------------------------


def test_the_directory_hides_rejected_organizations_and_filters_verified(client):
    OrganizationFactory(name="Onaylı Dernek")
    OrganizationFactory(name="Bekleyen Dernek", verification=Organization.Verification.PENDING)
    OrganizationFactory(name="Reddedilen Dernek", verification=Organization.Verification.REJECTED)
    url = reverse("organizations:organization_list")
    assert _row_names(client.get(url)) == ["Bekleyen Dernek", "Onaylı Dernek"]
    assert _row_names(client.get(url, {"verified": "on"})) == ["Onaylı Dernek"]


def test_the_directory_filters_by_province_kind_and_name(client):
    van = ProvinceFactory(code=65, name="Van", slug="van")
    OrganizationFactory(name="Van Kadın Platformu", province=van, kind="platform")
    OrganizationFactory(name="Van Çevre Derneği", province=van)
    OrganizationFactory(name="Ankara Çevre Derneği")
    url = reverse("organizations:organization_list")
    assert _row_names(client.get(url, {"province": "van", "kind": "platform"})) == [
        "Van Kadın Platformu"
    ]
    assert _row_names(client.get(url, {"q": "CEVRE"})) == [
        "Ankara Çevre Derneği",
        "Van Çevre Derneği",
    ]


def test_the_directory_paginates_with_constant_queries(client, django_assert_max_num_queries):
    municipality = Municipality.objects.get(slug="yenimahalle")
    OrganizationFactory.create_batch(230, municipality=municipality, province=municipality.province)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("organizations:organization_list"), {"page": 2})
    assert len(_row_names(response)) == 25


def test_a_rejected_organization_is_404_for_the_public_but_visible_to_its_members(client):
    organization = OrganizationFactory(verification=Organization.Verification.REJECTED)
    url = reverse("organizations:organization_detail", args=[organization.slug])
    assert client.get(url).status_code == 404
    member = MembershipFactory(organization=organization).user
    sign_in(client, member)
    response = client.get(url)
    assert response.status_code == 200
    assert organization.verification_note in response.content.decode()


def test_a_pending_organization_is_marked_as_such(client):
    organization = OrganizationFactory(verification=Organization.Verification.PENDING)
    html = client.get(
        reverse("organizations:organization_detail", args=[organization.slug])
    ).content.decode()
    with translation.override("tr"):
        assert gettext("pending verification") in html


# --- Registration and moderation ------------------------------------------------------


def test_registering_through_the_form_makes_the_user_admin_of_a_pending_organization(client):
    user = UserFactory()
    sign_in(client, user)
    response = client.post(
        reverse("organizations:organization_register"),
        {
            "name": "Burdur Engelsiz Yaşam Derneği",
            "kind": "association",
            "province": Municipality.objects.get(slug="burdur").province_id,
            "municipality": Municipality.objects.get(slug="burdur").pk,
            "fields_of_activity": ["disability", "social"],
            "website": "burdurengelsiz.example.org",
        },
    )
    organization = Organization.objects.get(name="Burdur Engelsiz Yaşam Derneği")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "organizations:organization_detail", args=[organization.slug]
    )
    assert organization.verification == Organization.Verification.PENDING
    assert organization.fields_of_activity == ["disability", "social"]
    assert organization.website == "https://burdurengelsiz.example.org"
    assert Membership.objects.get(organization=organization).user == user


def test_registering_with_a_municipality_of_another_province_shows_the_error(client):
    sign_in(client, UserFactory())
    response = client.post(
        reverse("organizations:organization_register"),
        {
            "name": "Yanlış İl Derneği",
            "kind": "association",
            "province": Municipality.objects.get(slug="burdur").province_id,
            "municipality": Municipality.objects.get(slug="kars").pk,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["municipality"]
    assert not Organization.objects.filter(name="Yanlış İl Derneği").exists()


def test_the_moderation_queue_lists_pending_oldest_first_with_constant_queries(
    client, django_assert_max_num_queries
):
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        OrganizationFactory(name="İlk Başvuran", verification=Organization.Verification.PENDING)
    municipality = Municipality.objects.get(slug="van-buyuksehir")
    OrganizationFactory.create_batch(
        220,
        verification=Organization.Verification.PENDING,
        municipality=municipality,
        province=municipality.province,
        created_by=factory_user(),
    )
    OrganizationFactory(name="Onaylı Olan")
    sign_in(client, UserFactory(is_moderator=True))
    with django_assert_max_num_queries(8):
        response = client.get(reverse("organizations:moderation_queue"))
    names = _row_names(response)
    assert names[0] == "İlk Başvuran"
    assert "Onaylı Olan" not in names
    assert len(names) == 25


def factory_user():
    return UserFactory()


def test_rejecting_from_the_review_page_needs_a_reason_and_notifies_the_admin(client):
    organization = OrganizationFactory(verification=Organization.Verification.PENDING)
    admin = MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN).user
    sign_in(client, UserFactory(is_moderator=True))
    url = reverse("organizations:organization_review", args=[organization.slug])
    response = client.post(url, {"decision": "reject", "reason": ""})
    assert response.status_code == 200
    assert response.context["reject_form"].errors["reason"]
    response = client.post(url, {"decision": "reject", "reason": "Tüzük eksik."})
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.verification == Organization.Verification.REJECTED
    assert Notification.objects.filter(recipient=admin, verb="organizations.rejected").exists()


def test_the_admin_of_a_rejected_organization_resubmits_it_from_the_edit_page(client):
    organization = OrganizationFactory(verification=Organization.Verification.REJECTED)
    admin = MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN).user
    sign_in(client, admin)
    url = reverse("organizations:organization_edit", args=[organization.slug])
    assert b'name="resubmit"' in client.get(url).content
    response = client.post(url, {"resubmit": "1"})
    assert response["Location"] == reverse(
        "organizations:organization_detail", args=[organization.slug]
    )
    organization.refresh_from_db()
    assert organization.verification == Organization.Verification.PENDING


def test_verifying_from_the_review_page(client):
    organization = OrganizationFactory(verification=Organization.Verification.PENDING)
    admin = MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN).user
    sign_in(client, UserFactory(is_superuser=True, is_staff=True))
    url = reverse("organizations:organization_review", args=[organization.slug])
    assert client.post(url, {"decision": "verify", "note": ""}).status_code == 302
    organization.refresh_from_db()
    assert organization.is_verified
    assert Notification.objects.filter(recipient=admin, verb="organizations.verified").exists()


# --- Members and staff ----------------------------------------------------------------


def test_the_members_page_has_constant_queries_with_many_members(
    client, django_assert_max_num_queries
):
    organization = OrganizationFactory()
    admin = MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN).user
    MembershipFactory.create_batch(220, organization=organization)
    for number in range(30):
        Invitation.objects.create(
            email=f"davet{number}@example.org",
            organization=organization,
            role=Role.MEMBER,
            token=f"token-{number}",
            invited_by=admin,
            expires_at=timezone.now() + timedelta(days=3),
        )
    sign_in(client, admin)
    with django_assert_max_num_queries(10):
        response = client.get(
            reverse("organizations:organization_members", args=[organization.slug])
        )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('name="role"') == 51  # 50 members on the page + the invitation form
    assert html.count("davet") >= 30


def test_the_staff_page_has_constant_queries_with_many_staff(client, django_assert_max_num_queries):
    municipality = Municipality.objects.get(slug="yenimahalle")
    admin = with_mfa(
        municipality_membership(Role.MUNICIPALITY_ADMIN, municipality=municipality).user
    )
    unit = municipality.units.get()
    for _number in range(220):
        municipality_membership(Role.RESPONDER, municipality=municipality, unit=unit)
    sign_in(client, admin)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("organizations:municipality_staff", args=[municipality.slug]))
    assert response.status_code == 200
    assert "Strateji Geliştirme Müdürlüğü" in response.content.decode()


def test_the_admins_are_listed_first(client):
    organization = OrganizationFactory()
    MembershipFactory(organization=organization, user=UserFactory(display_name="Ahmet"))
    admin = MembershipFactory(
        organization=organization,
        role=Role.ORGANIZATION_ADMIN,
        user=UserFactory(display_name="Zehra"),
    ).user
    sign_in(client, admin)
    response = client.get(reverse("organizations:organization_members", args=[organization.slug]))
    rows = [membership for membership, _form in response.context["rows"]]
    assert [m.user.display_name for m in rows] == ["Zehra", "Ahmet"]


def test_removing_the_last_admin_from_the_page_shows_why(client):
    organization = OrganizationFactory()
    admin = MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN)
    sign_in(client, admin.user)
    response = client.post(reverse("organizations:membership_remove", args=[admin.pk]), follow=True)
    assert Membership.objects.filter(pk=admin.pk).exists()
    assert any(organization.name in str(m) for m in response.context["messages"])


def test_inviting_from_the_members_page_sends_the_email(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    organization = OrganizationFactory()
    admin = MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN).user
    sign_in(client, admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organizations:organization_members", args=[organization.slug]),
            {"email": "yeni.uye@example.org", "role": "representative"},
        )
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["yeni.uye@example.org"]]
    assert Invitation.objects.get().role == Role.REPRESENTATIVE


def test_an_invalid_invitation_re_renders_the_page_with_the_error(client):
    organization = OrganizationFactory()
    admin = MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN).user
    sign_in(client, admin)
    response = client.post(
        reverse("organizations:organization_members", args=[organization.slug]),
        {"email": admin.email, "role": "member"},
    )
    assert response.status_code == 200
    assert response.context["invite_form"].errors["email"]


# --- Invitation link and my memberships -----------------------------------------------


@pytest.fixture
def invitation():
    organization = OrganizationFactory(name="Kars Kent Konseyi")
    admin = MembershipFactory(organization=organization, role=Role.ORGANIZATION_ADMIN).user
    return services.invite_member(
        actor=admin, email="davetli@example.org", role=Role.MEMBER, organization=organization
    )


def test_an_anonymous_visitor_is_asked_to_sign_in_with_the_invited_address(client, invitation):
    url = reverse("organizations:invitation", args=[invitation.token])
    html = client.get(url).content.decode()
    assert "davetli@example.org" in html
    assert f"{reverse('account_login')}?next={url}" in html.replace("%2F", "/")
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_user_with_another_address_cannot_accept(client, invitation):
    sign_in(client, with_verified_email(UserFactory()))
    url = reverse("organizations:invitation", args=[invitation.token])
    assert client.get(url).context["can_accept"] is False
    client.post(url)
    assert not Membership.objects.filter(role=Role.MEMBER).exists()


def test_the_invited_user_accepts_and_sees_the_role(client, invitation):
    user = with_verified_email(UserFactory(email="davetli@example.org"))
    sign_in(client, user)
    response = client.post(reverse("organizations:invitation", args=[invitation.token]))
    assert response.status_code == 302
    assert response["Location"] == reverse("organizations:my_memberships")
    html = client.get(response["Location"]).content.decode()
    assert "Kars Kent Konseyi" in html


def test_an_expired_invitation_page_says_so(client, invitation):
    user = with_verified_email(UserFactory(email="davetli@example.org"))
    sign_in(client, user)
    url = reverse("organizations:invitation", args=[invitation.token])
    with time_machine.travel(timezone.now() + timedelta(days=30)):
        response = client.post(url)
    assert response.status_code == 200
    assert not Membership.objects.filter(user=user).exists()


def test_an_unknown_token_is_404(client):
    assert client.get(reverse("organizations:invitation", args=["nope"])).status_code == 404


def test_my_memberships_lists_roles_and_open_invitations(client, invitation):
    user = with_verified_email(UserFactory(email="davetli@example.org"))
    MembershipFactory(user=user, organization=OrganizationFactory(name="Sinop Doğa Derneği"))
    municipality_membership(
        Role.EDITOR, user=user, municipality=Municipality.objects.get(slug="sinop")
    )
    sign_in(client, user)
    response = client.get(reverse("organizations:my_memberships"))
    html = response.content.decode()
    assert "Sinop Doğa Derneği" in html
    assert "Sinop Belediyesi" in html
    assert reverse("organizations:invitation", args=[invitation.token]) in html
    assert response.context["needs_mfa"] is True


def test_leaving_from_my_memberships(client):
    membership = MembershipFactory()
    sign_in(client, membership.user)
    response = client.post(reverse("organizations:membership_remove", args=[membership.pk]))
    assert response["Location"] == reverse("organizations:my_memberships")
    assert not Membership.objects.filter(pk=membership.pk).exists()
