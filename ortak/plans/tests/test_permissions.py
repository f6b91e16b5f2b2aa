"""Role × action matrix for plans: nobody acts on another municipality's plan (ARCHITECTURE §5)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ortak.accounts.tests.factories import UserFactory
from ortak.organizations.models import Membership
from ortak.organizations.tests.factories import MembershipFactory, MunicipalityFactory
from ortak.plans import permissions, services
from ortak.plans.models import StrategicPlan
from ortak.plans.tests.factories import IndicatorFactory, plan_editor, with_mfa

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "citizen",
    "organization_member",
    "responder",
    "editor_without_mfa",
    "editor",
    "municipality_admin",
    "editor_of_another_municipality",
    "superuser",
]
EDITORS = {"editor", "municipality_admin", "superuser"}


def make_user(role, municipality):
    if role == "anonymous":
        return AnonymousUser()
    if role == "citizen":
        return UserFactory()
    if role == "organization_member":
        return with_mfa(MembershipFactory(organization__verified_at=timezone.now()).user)
    if role == "responder":
        return plan_editor(municipality, role=Membership.Role.RESPONDER)
    if role == "editor_without_mfa":
        return plan_editor(municipality, mfa=False)
    if role == "editor":
        return plan_editor(municipality)
    if role == "municipality_admin":
        return plan_editor(municipality, role=Membership.Role.MUNICIPALITY_ADMIN)
    if role == "editor_of_another_municipality":
        return plan_editor(MunicipalityFactory())
    assert role == "superuser"
    return UserFactory(is_superuser=True, is_staff=True)


def _indicator(status):
    return IndicatorFactory(objective__aim__plan__status=status)


ACTIONS = {
    # action: (plan status, predicate)
    "view draft": ("draft", lambda user, ind: permissions.can_view_plan(user, ind.plan)),
    "view audit": ("adopted", lambda user, ind: permissions.can_view_plan_audit(user, ind.plan)),
    "create plan": (
        "draft",
        lambda user, ind: permissions.can_create_plan(user, ind.plan.municipality),
    ),
    "import plan": (
        "draft",
        lambda user, ind: permissions.can_import_plan(user, ind.plan.municipality),
    ),
    "edit plan": ("consultation", lambda user, ind: permissions.can_edit_plan(user, ind.plan)),
    "edit node": ("draft", lambda user, ind: permissions.can_edit_structure(user, ind.plan)),
    "enter measurement": ("adopted", permissions.can_enter_measurement),
    "publish": ("draft", lambda user, ind: permissions.can_publish_plan(user, ind.plan)),
    "revise adopted figure": (
        "adopted",
        lambda user, ind: permissions.can_revise_figures(user, ind.plan),
    ),
    "edit activities": (
        "adopted",
        lambda user, ind: permissions.can_edit_activities(user, ind.plan),
    ),
    "delete draft": ("draft", lambda user, ind: permissions.can_delete_plan(user, ind.plan)),
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_only_editors_of_the_plans_municipality_act_on_it(role, action):
    status, predicate = ACTIONS[action]
    indicator = _indicator(status)
    user = make_user(role, indicator.plan.municipality)
    assert predicate(user, indicator) is (role in EDITORS)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", ["consultation", "adopted", "archived"])
def test_everyone_sees_plans_out_of_draft(role, status):
    indicator = _indicator(status)
    assert permissions.can_view_plan(make_user(role, indicator.plan.municipality), indicator.plan)


@pytest.mark.parametrize(
    ("status", "structure", "revise", "measure", "activities", "delete"),
    [
        ("draft", True, False, True, True, True),
        ("consultation", True, False, True, True, False),
        ("adopted", False, True, True, True, False),
        ("archived", False, True, False, False, False),
    ],
)
def test_plan_status_decides_how_an_editor_changes_it(
    status, structure, revise, measure, activities, delete
):
    indicator = _indicator(status)
    editor = plan_editor(indicator.plan.municipality)
    plan = indicator.plan
    assert permissions.can_edit_structure(editor, plan) is structure
    assert permissions.can_revise_figures(editor, plan) is revise
    assert permissions.can_enter_measurement(editor, indicator) is measure
    assert permissions.can_edit_activities(editor, plan) is activities
    assert permissions.can_delete_plan(editor, plan) is delete


def test_inactive_or_erased_editor_has_no_power():
    indicator = _indicator(StrategicPlan.Status.DRAFT)
    editor = plan_editor(indicator.plan.municipality)
    editor.is_active = False
    assert not permissions.can_edit_plan(editor, indicator.plan)


def test_editor_checks_cost_two_queries_per_request_whatever_is_asked(
    django_assert_num_queries,
):
    indicator = _indicator(StrategicPlan.Status.DRAFT)
    editor = plan_editor(indicator.plan.municipality)
    plan = indicator.plan
    with django_assert_num_queries(2):
        assert permissions.can_edit_plan(editor, plan)
        assert permissions.can_publish_plan(editor, plan)
        assert permissions.can_view_plan(editor, plan)
        assert permissions.can_enter_measurement(editor, indicator)


# --- The same matrix, enforced by the services --------------------------------------------------

TODAY = datetime.date(2026, 3, 1)

SERVICE_ACTIONS = {
    "edit plan": (
        "draft",
        lambda user, ind: services.update_plan_details(
            actor=user, plan=ind.plan, title="T", mission="", vision="", core_values=""
        ),
    ),
    "edit node": (
        "draft",
        lambda user, ind: services.create_aim(actor=user, plan=ind.plan, code="9", title="x"),
    ),
    "enter measurement": (
        "adopted",
        lambda user, ind: services.record_measurement(
            actor=user, indicator=ind, period="2025", value=Decimal(20), today=TODAY
        ),
    ),
    "publish": (
        "draft",
        lambda user, ind: services.set_plan_status(
            actor=user, plan=ind.plan, status="consultation"
        ),
    ),
    "revise adopted figure": (
        "adopted",
        lambda user, ind: services.update_target(
            actor=user, indicator=ind, year=2026, value=Decimal(31), reason="güncelleme"
        ),
    ),
}


@pytest.mark.parametrize("action", SERVICE_ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_services_refuse_everyone_but_the_plans_editors(role, action):
    status, call = SERVICE_ACTIONS[action]
    indicator = _indicator(status)
    user = make_user(role, indicator.plan.municipality)
    if role in EDITORS:
        call(user, indicator)
    else:
        with pytest.raises(PermissionDenied):
            call(user, indicator)
