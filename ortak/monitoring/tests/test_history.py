"""The public history of a plan's figures and ``verify_plan_history``: a row altered or removed
behind the application's back is detected, on the page and by the command (exit status 1)."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from ortak.monitoring.tests.factories import Tree, adopted_tree, publish_value, staff
from ortak.organizations.models import Membership
from ortak.plans.models import FigureRevision, StrategicPlan
from ortak.plans.services import update_measurement, update_target

pytestmark = pytest.mark.django_db

Role = Membership.Role
D = Decimal


@pytest.fixture
def tree() -> Tree:
    """Three revisions: a corrected value and two revised targets."""
    tree = adopted_tree()
    editor = staff(Role.EDITOR, tree.municipality)
    value = publish_value(tree.indicator, "2025", "20")
    update_measurement(actor=editor, measurement=value, value=D("20.5"), reason="Sayım düzeltildi.")
    update_target(actor=editor, indicator=tree.indicator, year=2027, value=D(41), reason="Bütçe")
    update_target(actor=editor, indicator=tree.indicator, year=2028, value=D(52), reason="Bütçe")
    return tree


def _url(tree: Tree) -> str:
    return reverse(
        "monitoring:history",
        args=[tree.municipality.slug, tree.plan.start_year, tree.plan.end_year],
    )


def _verify(tree: Tree) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("verify_plan_history", tree.municipality.slug, stdout=out, stderr=StringIO())
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue()
    return 0, out.getvalue()


def test_an_intact_chain_is_confirmed_by_the_page_and_the_command(client, tree: Tree) -> None:
    response = client.get(_url(tree))
    assert response.status_code == 200
    html = response.content.decode()
    assert "alert-success" in html
    last = FigureRevision.objects.filter(plan=tree.plan).order_by("-sequence").first()
    assert last is not None and last.content_hash in html
    assert "Sayım düzeltildi." in html and "Bütçe" in html
    status, out = _verify(tree)
    assert status == 0
    assert "2025-2029: intact (3 revision(s)" in out


def test_a_value_altered_in_the_database_is_detected(client, tree: Tree) -> None:
    FigureRevision.objects.filter(plan=tree.plan, sequence=2).update(new_value=D(99))
    html = client.get(_url(tree)).content.decode()
    assert "alert-danger" in html and "table-danger" in html
    status, out = _verify(tree)
    assert status == 1
    assert "BROKEN" in out and "#2 [hash]" in out


def test_a_removed_row_is_detected(client, tree: Tree) -> None:
    FigureRevision.objects.filter(plan=tree.plan, sequence=2).delete()
    assert "alert-danger" in client.get(_url(tree)).content.decode()
    status, out = _verify(tree)
    assert status == 1
    assert "#3 [gap]" in out and "#3 [link]" in out


def test_removing_the_newest_row_is_detected(client, tree: Tree) -> None:
    FigureRevision.objects.filter(plan=tree.plan, sequence=3).delete()
    assert "alert-danger" in client.get(_url(tree)).content.decode()
    status, out = _verify(tree)
    assert status == 1
    assert "[gap]" in out


def test_a_rewritten_reason_is_detected(tree: Tree) -> None:
    FigureRevision.objects.filter(plan=tree.plan, sequence=1).update(reason="Başka bir neden")
    status, out = _verify(tree)
    assert status == 1 and "#1 [hash]" in out


def test_the_command_checks_one_plan_on_request_and_rejects_unknown_ones(tree: Tree) -> None:
    out = StringIO()
    call_command("verify_plan_history", tree.municipality.slug, "--plan", "2025-2029", stdout=out)
    assert "intact" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("verify_plan_history", "yok-boyle-bir-belediye")
    with pytest.raises(CommandError):
        call_command("verify_plan_history", tree.municipality.slug, "--plan", "2030-2034")


def test_a_draft_plans_history_is_not_public(client) -> None:
    tree = adopted_tree()
    StrategicPlan.objects.filter(pk=tree.plan.pk).update(status=StrategicPlan.Status.DRAFT)
    assert client.get(_url(tree)).status_code == 404


def test_the_page_reads_in_english_too(client, tree: Tree) -> None:
    client.cookies["django_language"] = "en"
    html = client.get(_url(tree), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "History of published figures" in html


def test_the_history_page_costs_the_same_queries_for_3_and_300_revisions(
    client, tree: Tree, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(7) as small:
        client.get(_url(tree))
    editor = staff(Role.EDITOR, tree.municipality)
    for step in range(300):
        update_target(
            actor=editor,
            indicator=tree.indicator if step % 2 else tree.other_indicator,
            year=2029,
            value=D(1000 + step),
            reason=f"Güncelleme {step}",
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(_url(tree) + "?page=2")
    assert response.status_code == 200
    assert "alert-success" in response.content.decode()
