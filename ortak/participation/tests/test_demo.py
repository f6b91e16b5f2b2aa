from io import StringIO

import pytest

from ortak.organizations.models import Membership
from ortak.participation.demo import PER_MUNICIPALITY, load_participation_demo
from ortak.participation.models import Contribution, ResponsivenessFigure, SearchEntry
from ortak.participation.tests.factories import (
    member_of,
    plan_tree,
    staff,
    verified_organization,
)

pytestmark = pytest.mark.django_db


def test_demo_gives_pilots_contributions_answers_and_figures_once():
    trees = [plan_tree(is_pilot=True), plan_tree(is_pilot=True)]
    organization = verified_organization(municipality=trees[0].municipality)
    member = member_of(organization)
    plan_tree(is_pilot=False)
    responder = staff(Membership.Role.RESPONDER, trees[1].municipality, trees[1].unit)
    out = StringIO()
    report = load_participation_demo(out.write, users={"responder": responder})
    assert report.municipalities == 2
    assert report.contributions == 2 * PER_MUNICIPALITY
    assert Contribution.objects.count() == 2 * PER_MUNICIPALITY
    offers = Contribution.objects.filter(kind="offer")
    assert offers.exists()
    assert set(offers.values_list("author", flat=True)) == {member.pk}
    assert Contribution.objects.filter(answered_within_deadline=True).exists()
    assert Contribution.objects.filter(answered_within_deadline=False).exists()  # late
    assert Contribution.objects.overdue().exists()  # missing
    assert Contribution.objects.filter(status="declined").exists()
    for tree in trees:
        total = ResponsivenessFigure.objects.get(municipality=tree.municipality, unit=None)
        assert total.received == PER_MUNICIPALITY
        assert 0 < total.answered < total.received
    assert SearchEntry.objects.filter(kind="plan").count() == 2
    inbox = Contribution.objects.filter(unit=trees[1].unit, first_answered_at__isnull=True)
    assert inbox.overdue().count() >= 2  # the demo responder has work waiting
    assert inbox.count() >= 4
    again = load_participation_demo(out.write)
    assert again.contributions == 0
    assert Contribution.objects.count() == 2 * PER_MUNICIPALITY
