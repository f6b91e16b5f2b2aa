"""The national-scale generator at scale 0.01: counts, figures, chains, participation rules,
search, refusal, determinism and removal.

The data is generated once per test class inside a transaction that is rolled back at the end,
so it never leaks into other tests (also under ``pytest -n 2``); each test runs in a savepoint.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterator
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, F, Q, Sum

from ortak.demo.national import clear as clearing
from ortak.demo.national.options import MARK, USER_DOMAIN, Options
from ortak.demo.national.places import ExistingPlace, sample, structure
from ortak.demo.national.run import AlreadyGenerated, Report, clear_only, generate
from ortak.demo.plans.step import load_pilot_plans
from ortak.organizations.models import Municipality, Organization, Province, Unit
from ortak.participation.models import (
    Answer,
    Comment,
    Contribution,
    Follow,
    ResponsivenessFigure,
    SearchEntry,
    Support,
)
from ortak.participation.search import search
from ortak.plans.models import (
    Activity,
    Aim,
    FigureRevision,
    Indicator,
    Measurement,
    Objective,
    StrategicPlan,
)
from ortak.plans.revisions import verify_chain

OPTIONS = Options(scale=0.01, seed=7)
REFERENCE_MUNICIPALITIES = 19


def _generated_plans():  # type: ignore[no-untyped-def]
    return StrategicPlan.objects.filter(municipality__slug__startswith=MARK)


def _fingerprint() -> dict[str, object]:
    """The generated data by natural keys (ids and computation times differ between runs)."""
    plans = _generated_plans().order_by("municipality__slug")
    return {
        "municipalities": list(
            Municipality.objects.filter(slug__startswith=MARK)
            .order_by("slug")
            .values_list("slug", "kind", "population")
        ),
        "plans": list(
            plans.annotate(n_indicators=Count("indicators", distinct=True)).values_list(
                "municipality__slug", "status", "n_indicators", "realization", "coverage"
            )
        ),
        "measurements": list(
            Measurement.objects.filter(indicator__plan__in=plans)
            .values("indicator__plan__municipality__slug")
            .annotate(total=Sum("value"), count=Count("id"))
            .order_by("indicator__plan__municipality__slug")
            .values_list("indicator__plan__municipality__slug", "total", "count")
        ),
        "users": list(
            get_user_model()
            .objects.filter(email__endswith=USER_DOMAIN)
            .order_by("email")
            .values_list("email", "display_name")[:200]
        ),
        "organizations": list(
            Organization.objects.filter(slug__startswith=MARK)
            .order_by("slug")
            .values_list("slug", "verification", "province__code")
        ),
        "contributions": list(
            Contribution.objects.filter(plan__in=plans)
            .order_by("created_at", "title")
            .values_list(
                "municipality__slug",
                "kind",
                "node_kind",
                "title",
                "created_at",
                "status",
                "support_count",
                "comment_count",
                "author__email",
            )
        ),
    }


@pytest.fixture(scope="class")
def national(django_db_setup, django_db_blocker) -> Iterator[Report]:  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock(), transaction.atomic():
        yield generate(OPTIONS)
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.usefixtures("national")
class TestNationalData:
    def test_counts_are_the_national_counts_scaled(self, national: Report):
        counts = national.counts
        assert 10 <= counts["municipalities"] <= 20
        assert 3 <= counts["plans"] <= 6
        assert counts["users"] == 5_000
        assert counts["organizations"] == 1_000
        assert counts["contributions"] == 3_000
        assert counts["comments"] == 10_000
        assert 19_000 <= counts["supports"] <= 20_000
        assert get_user_model().objects.filter(email__endswith=f"@{USER_DOMAIN}").count() == 5_000
        assert Contribution.objects.count() == 3_000
        assert Comment.objects.count() == 10_000
        assert Support.objects.count() == counts["supports"]
        assert Answer.objects.count() == counts["answers"] > 2_000

    def test_provinces_and_reference_municipalities_stay_as_they_were(self):
        assert Province.objects.count() == 81
        reference = Municipality.objects.exclude(slug__startswith=MARK)
        assert reference.count() == REFERENCE_MUNICIPALITIES
        assert not StrategicPlan.objects.filter(municipality__in=reference).exists()
        assert (
            not Unit.objects.filter(municipality__in=reference)
            .exclude(slug="strateji-gelistirme")
            .exists()
        )

    def test_municipalities_follow_the_law_on_kinds_and_parents(self):
        generated = Municipality.objects.filter(slug__startswith=MARK).select_related("parent")
        for municipality in generated:
            municipality.full_clean()
            assert municipality.units.filter(is_strategy_unit=True).count() == 1
        planned = set(_generated_plans().values_list("municipality_id", flat=True))
        required = set(generated.filter(plan_required=True).values_list("pk", flat=True))
        assert planned == required

    def test_plans_have_national_sizes_and_five_years_of_values(self):
        for plan in _generated_plans():
            assert 6 <= Aim.objects.filter(plan=plan).count() <= 10
            assert 18 <= Objective.objects.filter(plan=plan).count() <= 45
            assert 70 <= Indicator.objects.filter(plan=plan).count() <= 180
            assert 80 <= Activity.objects.filter(plan=plan).count() <= 230
        adopted = _generated_plans().filter(status=StrategicPlan.Status.ADOPTED)
        periods = set(
            Measurement.objects.filter(indicator__plan__in=adopted).values_list("period", flat=True)
        )
        assert periods == {f"{y}{h}" for y in range(2025, 2030) for h in ("-H1", "")}

    def test_every_generated_plan_has_its_stored_figures(self):
        for plan in _generated_plans():
            assert plan.aggregates_updated_at is not None
            nodes = [
                Aim.objects.filter(plan=plan),
                Objective.objects.filter(plan=plan),
                Indicator.objects.filter(plan=plan),
            ]
            for queryset in nodes:
                assert not queryset.filter(aggregates_updated_at__isnull=True).exists()
            if plan.status == StrategicPlan.Status.ADOPTED:
                assert plan.realization is not None
                assert set(plan.realization_by_year) == {str(y) for y in range(2025, 2030)}

    def test_every_revision_chain_verifies(self):
        plans = list(_generated_plans())
        assert FigureRevision.objects.filter(plan__in=plans).exists()
        for plan in plans:
            assert verify_chain(plan) == []

    def test_responsiveness_figures_count_every_contribution(self):
        for municipality in Municipality.objects.filter(slug__startswith=MARK):
            total = ResponsivenessFigure.objects.get(municipality=municipality, unit=None)
            assert total.received == Contribution.objects.filter(municipality=municipality).count()
        answered = ResponsivenessFigure.objects.filter(unit=None).aggregate(n=Sum("answered"))
        assert answered["n"] == Contribution.objects.filter(first_answered_at__isnull=False).count()

    def test_counters_match_the_comments_and_supports(self):
        wrong_comments = Contribution.objects.annotate(n=Count("comments")).exclude(
            comment_count=F("n")
        )
        wrong_supports = Contribution.objects.annotate(n=Count("supports")).exclude(
            support_count=F("n")
        )
        assert not wrong_comments.exists()
        assert not wrong_supports.exists()
        assert not Support.objects.filter(user_id=F("contribution__author_id")).exists()
        assert not Support.objects.filter(contribution__kind=Contribution.Kind.OFFER).exists()

    def test_contributions_follow_the_participation_rules(self):
        offers = Contribution.objects.filter(kind=Contribution.Kind.OFFER)
        assert offers.exists()
        assert not offers.exclude(
            organization__verification=Organization.Verification.VERIFIED
        ).exists()
        for contribution in Contribution.objects.prefetch_related("answers")[:500]:
            contribution.full_clean()
            steps = sorted(contribution.answers.all(), key=lambda a: a.created_at)
            if steps:
                assert contribution.status == steps[-1].status
                assert contribution.first_answered_at == steps[0].created_at
                assert contribution.answered_within_deadline == (
                    steps[0].created_at <= contribution.due_at
                )
            else:
                assert contribution.status == Contribution.Status.RECEIVED
        hidden_discussed = Comment.objects.filter(
            Q(contribution__is_public=False) | Q(contribution__hidden_at__isnull=False)
        )
        assert not hidden_discussed.exists()

    def test_search_finds_generated_plans_and_contributions(self):
        contributions = Contribution.objects.count()
        indexed = SearchEntry.objects.filter(
            kind__in=[SearchEntry.Kind.SUGGESTION, SearchEntry.Kind.OFFER]
        )
        assert indexed.count() == contributions
        public_plans = _generated_plans().exclude(status=StrategicPlan.Status.DRAFT)
        assert SearchEntry.objects.filter(kind="plan", plan__in=public_plans).count() == (
            public_plans.count()
        )
        results = search("belediyesi")
        assert results.counts.get("plan", 0) >= 1
        assert search("park").counts.get("suggestion", 0) >= 1

    def test_a_second_run_without_clear_is_refused(self, settings):
        before = Municipality.objects.count()
        with pytest.raises(AlreadyGenerated):
            generate(OPTIONS)
        settings.DEBUG = True
        with pytest.raises(CommandError, match="--clear"):
            call_command("generate_national", "--scale", "0.01", stdout=StringIO())
        assert Municipality.objects.count() == before

    def test_the_same_seed_generates_the_same_data(self):
        first = _fingerprint()
        report = generate(OPTIONS, replace=True)
        assert report.cleared is not None and report.cleared.plans == len(first["plans"])  # type: ignore[arg-type]
        assert _fingerprint() == first

    def test_clearing_removes_the_generated_data_and_nothing_else(self):
        reference = set(Municipality.objects.exclude(slug__startswith=MARK).values_list("slug"))
        (pilot_plan,) = load_pilot_plans(lambda line: None, only={"yenimahalle"})
        # A row of another app pointing at a generated user goes by that app's on_delete rule.
        someone = get_user_model().objects.filter(email__endswith=f"@{USER_DOMAIN}").first()
        Follow.objects.create(user=someone, municipality=pilot_plan.municipality)
        report = clear_only(None)
        assert report.cleared is not None and report.cleared.users == 5_000
        assert not clearing.generated().any
        assert list(StrategicPlan.objects.all()) == [pilot_plan]
        assert not Contribution.objects.exists() and not Comment.objects.exists()
        assert not Follow.objects.exists()
        assert set(Municipality.objects.values_list("slug")) == reference
        assert Province.objects.count() == 81


@pytest.mark.django_db
def test_the_whole_country_has_about_1390_municipalities_of_the_right_kinds():
    existing = [
        ExistingPlace(slug, kind, code)
        for slug, kind, code in Municipality.objects.values_list("slug", "kind", "province__code")
    ]
    specs = structure(Options(), list(Province.objects.all()), existing)
    kinds = Counter(s.kind for s in specs) + Counter(p.kind for p in existing)
    Kind = Municipality.Kind
    assert kinds[Kind.METROPOLITAN] == 30
    assert kinds[Kind.PROVINCIAL] == 51
    assert kinds[Kind.METROPOLITAN_DISTRICT] == 519
    assert 395 <= kinds[Kind.DISTRICT] <= 405
    assert kinds[Kind.TOWN] == 389
    assert 1_380 <= sum(kinds.values()) <= 1_400
    assert 370 <= sum(s.plan_required for s in specs) <= 420
    assert len({s.slug for s in specs}) == len(specs)
    small = sample(specs, Options(scale=0.01))
    assert 10 <= len(small) <= 20 and 3 <= sum(s.plan_required for s in small) <= 6


def test_options_scale_every_count():
    options = Options(scale=0.01)
    assert (options.users, options.organizations, options.contributions) == (5_000, 1_000, 3_000)
    assert (options.comments, options.supports) == (10_000, 20_000)
    assert Options().now.date() == datetime.date(2030, 2, 15)
    with pytest.raises(ValueError):
        Options(scale=0)


@pytest.mark.django_db
def test_the_command_refuses_outside_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("generate_national", "--scale", "0.01", stdout=StringIO())
    assert not Municipality.objects.filter(slug__startswith=MARK).exists()
