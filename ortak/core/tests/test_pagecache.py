"""The page cache of public pages (ortak.core.pagecache): what is served again, to whom, until when.

The tests that change data use real commits (``transaction=True``): invalidation happens on
commit, and a test transaction that never commits would prove nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import StringIO

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ortak.accounts.tests.factories import UserFactory
from ortak.core import pagecache
from ortak.monitoring.verbs import SUBMITTED
from ortak.notifications.services import notify
from ortak.organizations.models import Municipality
from ortak.organizations.tests.factories import MunicipalityFactory

HEADER = "X-Ortak-Page-Cache"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(settings: pytest.FixtureRequest) -> Iterator[None]:
    settings.ORTAK_PAGE_CACHE_SECONDS = 600  # type: ignore[attr-defined]
    caches[pagecache.PAGES_ALIAS].clear()
    cache.delete(pagecache.GENERATION_KEY)
    yield
    caches[pagecache.PAGES_ALIAS].clear()


def _municipality(**fields: object) -> Municipality:
    return MunicipalityFactory(**fields)  # type: ignore[return-value]


def _url(municipality: Municipality) -> str:
    return reverse("organizations:municipality_detail", args=[municipality.slug])


def _cached(municipality: Municipality) -> str:
    """The municipality's page, requested twice: the second answer comes from the cache."""
    url = _url(municipality)
    Client().get(url)
    assert Client().get(url)[HEADER] == "hit"
    return url


@pytest.mark.django_db(transaction=True)
def test_second_anonymous_visit_is_served_from_the_cache_with_one_query() -> None:
    municipality = _municipality(name="Sinop")
    client = Client()
    first = client.get(_url(municipality))
    assert first[HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = Client().get(_url(municipality))
    assert second[HEADER] == "hit"
    assert second.content.decode().count("Sinop") == first.content.decode().count("Sinop")
    # Only the generation is read; no session, no view, no template.
    assert len(queries) == 1, [q["sql"] for q in queries]


@pytest.mark.django_db(transaction=True)
def test_a_committed_change_is_shown_at_once() -> None:
    municipality = _municipality(name="Sinop")
    url = _cached(municipality)

    Municipality.objects.filter(pk=municipality.pk).update(name="Sinopolis")

    response = Client().get(url)
    assert response[HEADER] == "miss"
    assert "Sinopolis" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_change_inside_a_transaction_counts_once_it_commits_and_not_when_rolled_back() -> None:
    municipality = _municipality(name="Sinop")
    Client().get(_url(municipality))
    before = pagecache.generation()

    with pytest.raises(RuntimeError), transaction.atomic():
        Municipality.objects.filter(pk=municipality.pk).update(name="Geri alınan")
        raise RuntimeError
    assert pagecache.generation() == before
    assert Client().get(_url(municipality))[HEADER] == "hit"

    with transaction.atomic():
        Municipality.objects.filter(pk=municipality.pk).update(name="Kars")
        Municipality.objects.filter(pk=municipality.pk).update(name="Van")
        # Not yet committed: other visitors still get the page of the committed data.
        assert pagecache.generation() == before
    assert pagecache.generation() != before
    assert "Van" in Client().get(_url(municipality)).content.decode()


@pytest.mark.django_db(transaction=True)
def test_writes_that_visitors_cannot_see_keep_the_cache() -> None:
    municipality = _municipality()
    user = UserFactory()
    Client().get(_url(municipality))
    before = pagecache.generation()

    session = SessionStore()
    session["seen"] = True
    session.save()  # a session row
    cache.set("unrelated", 1)  # a cache row
    notify(recipient=user, verb=SUBMITTED, params={"period": "2026", "code": "1.1.1"})

    assert pagecache.generation() == before
    assert Client().get(_url(municipality))[HEADER] == "hit"


@pytest.mark.parametrize(
    ("sql", "counts"),
    [
        ('INSERT INTO "plans_measurement" ("value") VALUES (%s)', True),
        ('  update "participation_contribution" SET "title" = %s', True),
        ('DELETE FROM "organizations_membership" WHERE "id" = %s', True),
        ('UPDATE "django_session" SET "expire_date" = %s', False),
        ('INSERT INTO "ortak_cache" ("cache_key") VALUES (%s)', False),
        ('INSERT INTO "notifications_notification" ("verb") VALUES (%s)', False),
        ('INSERT INTO "audit_auditevent" ("action") VALUES (%s)', False),
        ('SELECT "plans_indicator"."id" FROM "plans_indicator"', False),
    ],
)
def test_which_statements_change_what_visitors_see(sql: str, counts: bool) -> None:
    assert pagecache._is_content_write(sql) is counts


@pytest.mark.django_db
def test_signed_in_users_and_visitors_with_a_session_get_a_fresh_page() -> None:
    url = _cached(_municipality())

    member = Client()
    member.force_login(UserFactory())  # type: ignore[arg-type]
    assert HEADER not in member.get(url)

    with_session = Client()
    with_session.cookies["sessionid"] = "abc"
    assert HEADER not in with_session.get(url)

    with_message = Client()
    with_message.cookies["messages"] = "x"
    assert HEADER not in with_message.get(url)

    assert HEADER not in Client().get(url, headers={"HX-Request": "true"})


@pytest.mark.django_db
def test_each_language_and_query_has_its_own_page() -> None:
    municipality = _municipality()
    url = _url(municipality)
    turkish = Client(headers={"accept-language": "tr"}).get(url)
    english = Client(headers={"accept-language": "en"}).get(url)
    assert turkish[HEADER] == english[HEADER] == "miss"
    assert turkish["Content-Language"] == "tr"
    assert english["Content-Language"] == "en"
    again = Client(headers={"accept-language": "en"}).get(url)
    assert again[HEADER] == "hit"
    assert again["Content-Language"] == "en"
    assert b'<html lang="en">' in again.content  # the English copy, not the Turkish one
    assert Client().get(url + "?sayfa=2")[HEADER] == "miss"


@pytest.mark.django_db
def test_missing_pages_are_not_cached() -> None:
    url = reverse("organizations:municipality_detail", args=["yok-boyle-bir-belediye"])
    assert Client().get(url).status_code == 404
    response = Client().get(url)
    assert response.status_code == 404
    assert HEADER not in response


@pytest.mark.django_db
def test_a_cached_page_carries_the_visitors_own_csrf_token() -> None:
    municipality = _municipality()
    Client().get(_url(municipality))  # somebody else fills the cache

    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(_url(municipality))
    assert page[HEADER] == "hit"
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert tokens
    answer = visitor.post(
        reverse("set_language"),
        {"language": "en", "next": "/", "csrfmiddlewaretoken": tokens[0]},
    )
    assert answer.status_code == 302  # a token of another visitor would be refused (403)


@pytest.mark.django_db
def test_turned_off_nothing_is_stored(settings: pytest.FixtureRequest) -> None:
    settings.ORTAK_PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]
    municipality = _municipality()
    Client().get(_url(municipality))
    assert HEADER not in Client().get(_url(municipality))


@pytest.mark.django_db
def test_clear_page_cache_command_drops_every_page() -> None:
    url = _cached(_municipality())
    out = StringIO()
    call_command("clear_page_cache", stdout=out)
    assert "dropped" in out.getvalue()
    assert Client().get(url)[HEADER] == "miss"


@pytest.mark.django_db(transaction=True)
def test_memo_keeps_a_value_until_the_next_committed_write() -> None:
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert pagecache.memo("answer", compute) == 1
    assert pagecache.memo("answer", compute) == 1
    assert pagecache.memo("another", compute) == 2
    _municipality()  # a committed write
    assert pagecache.memo("answer", compute) == 3
    assert len(calls) == 3


@pytest.mark.django_db
def test_memo_computes_every_time_when_the_cache_is_off(settings: pytest.FixtureRequest) -> None:
    settings.ORTAK_PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]
    values = iter([1, 2])
    assert pagecache.memo("answer", lambda: next(values)) == 1
    assert pagecache.memo("answer", lambda: next(values)) == 2
