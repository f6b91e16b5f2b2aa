"""Figure revisions form a hash chain per plan; verify_chain finds altered and missing rows."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from ortak.accounts.tests.factories import UserFactory
from ortak.plans.models import FigureRevision, PlanRevision, RevisionHead, TargetRevision
from ortak.plans.revisions import append_revision, canonical_json, content_hash, verify_chain
from ortak.plans.tests.factories import IndicatorFactory, PlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    return IndicatorFactory(objective__aim__plan__status="adopted")


def _append(indicator, old="47000", new="14100", **extra):
    return append_revision(
        plan=indicator.plan,
        indicator=indicator,
        kind=FigureRevision.Kind.TARGET,
        old_value=Decimal(old),
        new_value=Decimal(new),
        reason="plan güncellemesi",
        actor=extra.pop("actor", None),
        year=extra.pop("year", 2026),
        **extra,
    )


def test_revisions_are_numbered_and_linked(indicator):
    first = _append(indicator)
    second = _append(indicator, old="14100", new="15000")
    assert (first.sequence, second.sequence) == (1, 2)
    assert first.previous_hash == ""
    assert second.previous_hash == first.content_hash
    assert len(first.content_hash) == 64
    assert verify_chain(indicator.plan) == []


def test_hash_survives_a_reload_from_the_database(indicator):
    revision = _append(indicator, actor=UserFactory())
    reloaded = FigureRevision.objects.get(pk=revision.pk)
    assert canonical_json(reloaded) == canonical_json(revision)
    assert content_hash(reloaded) == revision.content_hash


def test_each_plan_has_its_own_chain(indicator):
    other = IndicatorFactory()
    _append(indicator)
    assert _append(other).sequence == 1


def test_altered_row_is_reported(indicator):
    _append(indicator)
    second = _append(indicator, old="14100", new="15000")
    FigureRevision.objects.filter(pk=second.pk).update(new_value=Decimal("99999"))
    problems = verify_chain(indicator.plan)
    assert [(p.sequence, p.kind) for p in problems] == [(2, "hash")]


def test_deleted_row_is_reported_as_a_gap_and_a_broken_link(indicator):
    _append(indicator)
    second = _append(indicator, old="14100", new="15000")
    _append(indicator, old="15000", new="16000")
    FigureRevision.objects.filter(pk=second.pk).delete()
    problems = verify_chain(indicator.plan)
    assert {(p.sequence, p.kind) for p in problems} == {(3, "gap"), (3, "link")}
    assert "2" in problems[0].message


def test_reason_is_required(indicator):
    with pytest.raises(ValidationError) as error:
        append_revision(
            plan=indicator.plan,
            indicator=indicator,
            kind=FigureRevision.Kind.TARGET,
            old_value=Decimal(1),
            new_value=Decimal(2),
            reason="  ",
            actor=None,
        )
    assert "reason" in error.value.message_dict


def test_indicator_of_another_plan_is_rejected(indicator):
    with pytest.raises(ValidationError):
        append_revision(
            plan=PlanFactory(),
            indicator=indicator,
            kind=FigureRevision.Kind.TARGET,
            old_value=None,
            new_value=Decimal(2),
            reason="düzeltme",
            actor=None,
        )


def test_revision_may_belong_to_a_plan_update_and_shows_as_target_revision(indicator):
    update = PlanRevision.objects.create(
        plan=indicator.plan, date="2023-08-04", reason="plan güncellemesi"
    )
    revision = _append(indicator, plan_revision=update)
    assert list(update.figure_revisions.all()) == [revision]
    assert TargetRevision.objects.get().pk == revision.pk
    assert verify_chain(indicator.plan) == []


def test_deleting_the_newest_revisions_is_reported(indicator):
    _append(indicator)
    _append(indicator, old="14100", new="15000")
    third = _append(indicator, old="15000", new="16000")
    FigureRevision.objects.filter(pk=third.pk).delete()
    problems = verify_chain(indicator.plan)
    assert [(p.sequence, p.kind) for p in problems] == [(3, "gap")]
    assert "3" in problems[0].message


def test_a_row_added_behind_the_applications_back_is_reported(indicator):
    first = _append(indicator)
    forged = FigureRevision(
        plan=first.plan,
        sequence=2,
        kind=first.kind,
        indicator=indicator,
        year=2026,
        old_value=Decimal("14100"),
        new_value=Decimal("1"),
        reason="forged",
        changed_at=first.changed_at,
        previous_hash=first.content_hash,
        content_hash="",
    )
    forged.content_hash = content_hash(forged)
    forged.save()
    assert [(p.sequence, p.kind) for p in verify_chain(indicator.plan)] == [(2, "head")]


def test_the_plan_records_the_head_of_its_chain(indicator):
    _append(indicator)
    revision = _append(indicator, old="14100", new="15000")
    head = RevisionHead.objects.get(plan=indicator.plan)
    assert (head.sequence, head.content_hash) == (2, revision.content_hash)


def test_a_plan_loaded_with_its_head_is_verified_in_one_query(indicator, django_assert_num_queries):
    from ortak.plans.selectors import plan_by_period

    _append(indicator)
    plan = plan_by_period(slug=indicator.plan.municipality.slug, start_year=2025, end_year=2029)
    with django_assert_num_queries(1):
        assert verify_chain(plan) == []
