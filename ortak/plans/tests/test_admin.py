"""Plans admin: read-only pages that load, and the recompute/verify actions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ortak.accounts.tests.factories import UserFactory
from ortak.plans.models import StrategicPlan
from ortak.plans.tests.factories import build_plan, with_mfa

pytestmark = pytest.mark.django_db

MODELS = [
    "strategicplan",
    "aim",
    "objective",
    "indicator",
    "indicatortarget",
    "measurement",
    "planrevision",
    "figurerevision",
    "activity",
]


@pytest.fixture
def admin_client(client):
    client.force_login(with_mfa(UserFactory(is_staff=True, is_superuser=True)))
    return client


@pytest.mark.parametrize("model", MODELS)
def test_admin_lists_and_shows_but_never_adds(admin_client, model):
    plan = build_plan(
        aims=1, objectives_per_aim=1, indicators_per_objective=2, activities_per_objective=1
    )
    assert admin_client.get(reverse(f"admin:plans_{model}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:plans_{model}_add")).status_code == 403
    if model == "strategicplan":
        change = reverse("admin:plans_strategicplan_change", args=[plan.pk])
        assert admin_client.get(change).status_code == 200


def test_admin_actions_recompute_and_verify(admin_client):
    plan = build_plan(aims=1, objectives_per_aim=1, indicators_per_objective=1, recompute=False)
    response = admin_client.post(
        reverse("admin:plans_strategicplan_changelist"),
        {"action": "recompute", "_selected_action": [plan.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert StrategicPlan.objects.get(pk=plan.pk).aggregates_updated_at is not None
    response = admin_client.post(
        reverse("admin:plans_strategicplan_changelist"),
        {"action": "verify", "_selected_action": [plan.pk]},
        follow=True,
    )
    assert "intact" in response.content.decode() or "sağlam" in response.content.decode()
