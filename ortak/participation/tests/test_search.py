"""Search is Turkish-correct on both databases (the same tests run on SQLite FTS5 and on
PostgreSQL's full-text search)."""

import pytest
from django.urls import reverse

from ortak.accounts.tests.factories import UserFactory
from ortak.organizations.tests.factories import MunicipalityFactory, ProvinceFactory
from ortak.participation import search, services
from ortak.participation.models import SearchEntry
from ortak.participation.tests.factories import ContributionFactory, plan_tree
from ortak.plans.models import Objective

pytestmark = pytest.mark.django_db


@pytest.fixture
def isparta():
    province = ProvinceFactory(code=32, name="Isparta", slug="isparta")
    municipality = MunicipalityFactory(name="Isparta Belediyesi", slug="isparta", province=province)
    tree = plan_tree(municipality=municipality)
    Objective.objects.filter(pk=tree.objective.pk).update(
        title="Çevre kirliliğini azaltmak", strategies="Gül bahçeleri ve ırmak kıyısı"
    )
    search.reindex_plan(tree.plan)
    return tree


def titles(query: str, kind: str | None = None) -> set[str]:
    results = search.search(query, kind=kind)
    return {entry.title for entry in results.entries or []}


@pytest.mark.parametrize("query", ["ISPARTA", "ıspart", "Isparta", "isparta", "İSPARTA"])
def test_isparta_is_found_however_it_is_typed(isparta, query):
    assert titles(query) == {isparta.plan.title}


@pytest.mark.parametrize("query", ["Çevre", "çevre", "ÇEVRE", "cevre", "çevre kirliliği", "kirlil"])
def test_cevre_finds_the_objective(isparta, query):
    assert "H1.1 Çevre kirliliğini azaltmak" in titles(query)


def test_words_must_all_match_and_unknown_words_find_nothing(isparta):
    assert titles("çevre ırmak") == {"H1.1 Çevre kirliliğini azaltmak"}
    assert titles("çevre uzay") == set()
    assert titles("") == set()
    assert titles("!!! ***") == set()


def test_quotes_and_operators_in_a_query_are_harmless(isparta):
    for query in ['"çevre', "(çevre)", "çevre*", "çevre:*", "çevre & |", "-çevre"]:
        assert "H1.1 Çevre kirliliğini azaltmak" in titles(query), query


def test_reindex_plan_covers_every_node_and_replaces_old_entries(isparta):
    kinds = set(SearchEntry.objects.filter(plan=isparta.plan).values_list("kind", flat=True))
    assert kinds == {"plan", "aim", "objective", "indicator", "activity"}
    before = SearchEntry.objects.count()
    assert search.reindex_plan(isparta.plan) == 5
    assert SearchEntry.objects.count() == before


def test_draft_plans_are_not_searchable(isparta):
    isparta.plan.status = "draft"
    isparta.plan.save()
    assert search.reindex_plan(isparta.plan) == 0
    assert titles("isparta") == set()


def test_suggestions_are_found_and_hidden_ones_are_not(isparta):
    suggestion = services.submit_suggestion(
        actor=UserFactory(),
        target=isparta.target(),
        title="Gölcük Tabiat Parkı'na bisiklet yolu",
        text="ŞEHİR merkezinden göle.",
    )
    assert titles("golcuk") == {suggestion.title}
    assert titles("şehir", kind="suggestion") == {suggestion.title}
    assert titles("şehir", kind="objective") == set()
    private = ContributionFactory(tree=isparta, title="Gölcük gizli öneri", is_public=False)
    search.index_contribution(private)
    assert titles("gölcük") == {suggestion.title}


def test_counts_per_kind(isparta):
    results = search.search("isparta")
    assert results.counts == {"plan": 1}
    assert results.total == 1


def test_search_page_groups_results_and_keeps_the_query(
    client, isparta, django_assert_max_num_queries
):
    for n in range(40):
        ContributionFactory(tree=isparta, title=f"Çevre önerisi {n}")
    for row in isparta.municipality.contributions.all():
        search.index_contribution(row)
    # The counts per kind, then one query per kind on the page (the objective, the suggestions):
    # the paginator does not count them again, nor is every match ordered.
    with django_assert_max_num_queries(3):
        response = client.get(reverse("participation:search"), {"q": "ÇEVRE"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Çevre kirliliğini azaltmak" in html
    assert response.context["results"].counts == {"objective": 1, "suggestion": 40}
    response = client.get(reverse("participation:search"), {"q": "çevre", "tur": "suggestion"})
    assert response.context["page_obj"].paginator.count == 40
    assert response.context["page_obj"].paginator.num_pages == 2
    second = client.get(
        reverse("participation:search"), {"q": "çevre", "tur": "suggestion", "page": 2}
    )
    assert len(second.context["page_obj"].object_list) == 40 - 25


def test_reindex_search_command_rebuilds_plans_and_contributions(isparta):
    from io import StringIO

    from django.core.management import call_command

    SearchEntry.objects.all().delete()
    ContributionFactory(tree=isparta, title="Gölcük önerisi")
    out = StringIO()
    call_command("reindex_search", "--contributions", stdout=out)
    assert "5 search entries for 1 plan(s)" in out.getvalue()
    assert titles("golcuk") == {"Gölcük önerisi"}
    assert titles("ISPARTA") == {isparta.plan.title}
