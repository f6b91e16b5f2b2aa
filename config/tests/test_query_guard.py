"""Query guard: every page of the project, requested on a realistic dataset, makes at most
``MAX_QUERIES`` SQL queries (ARCHITECTURE §6: a page's cost must not grow with the data).

Every URL pattern is found by walking the resolver, so a new page cannot escape the guard: it needs
a representative in ``config/tests/representatives.py`` (or a reason to be skipped there).

What is counted: the second request of the page in this process (the first warms process-wide
caches such as content types and the site), after the application cache is cleared, so pages
that cache are measured cold. Session and user loading of a signed-in request count too. The
page cache of anonymous pages (ortak.core.pagecache) is on, as in production, but emptied before
the measured request: an anonymous page is measured as a miss, with the read of the cache's
generation (one query) on top of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from config.tests.representatives import (
    REPRESENTATIVES,
    SKIPPED,
    SKIPPED_NAMESPACES,
    Representative,
    build_dataset,
    sign_in,
)
from ortak.core import pagecache

MAX_QUERIES = 15
REGISTRY = "config/tests/representatives.py"


@dataclass(frozen=True)
class Endpoint:
    name: str | None  # namespaced, e.g. "plans:objective_detail"
    namespace: str | None
    route: str

    @property
    def label(self) -> str:
        return self.name or f"<unnamed> /{self.route}"


def walk(
    patterns: list[URLPattern | URLResolver], prefix: str = "", namespace: str | None = None
) -> Iterator[Endpoint]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield Endpoint(name=name, namespace=namespace, route=prefix + str(pattern.pattern))


def endpoints() -> list[Endpoint]:
    return list(walk(get_resolver().url_patterns))


def _skipped_namespace(endpoint: Endpoint) -> bool:
    root = (endpoint.namespace or "").split(":")[0]
    return root in SKIPPED_NAMESPACES


def guarded_names() -> list[str]:
    """Every URL name the guard requests, in resolver order, without duplicates."""
    seen: dict[str, None] = {}
    for endpoint in endpoints():
        if endpoint.name and not _skipped_namespace(endpoint) and endpoint.name not in SKIPPED:
            seen.setdefault(endpoint.name, None)
    return list(seen)


def coverage_problems(
    found: list[Endpoint],
    representatives: dict[str, Representative],
    skipped: dict[str, str],
) -> list[str]:
    """What keeps the guard from covering every URL: missing, stale or doubled entries."""
    problems: list[str] = []
    names: set[str] = set()
    for endpoint in found:
        if _skipped_namespace(endpoint):
            continue
        if endpoint.name is None:
            problems.append(
                f"URL pattern /{endpoint.route} has no name: name it (path(..., name=...)) so the"
                " query guard can find its representative."
            )
            continue
        names.add(endpoint.name)
        if endpoint.name not in representatives and endpoint.name not in skipped:
            problems.append(
                f"URL name {endpoint.name!r} (/{endpoint.route}) has no representative: add"
                f' REPRESENTATIVES["{endpoint.name}"] = Representative(kwargs=..., user=...) to'
                f' {REGISTRY}, or SKIPPED["{endpoint.name}"] = "<why it is not a page>".'
            )
    for stale in sorted((set(representatives) | set(skipped)) - names):
        problems.append(f"{REGISTRY} lists {stale!r}, which no URL pattern has: remove it.")
    for both in sorted(set(representatives) & set(skipped)):
        problems.append(f"{both!r} is both represented and skipped in {REGISTRY}: choose one.")
    return problems


def test_every_url_pattern_has_a_representative_or_a_reason_to_be_skipped() -> None:
    problems = coverage_problems(endpoints(), REPRESENTATIVES, SKIPPED)
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_no_page_makes_more_than_the_query_budget(settings: pytest.FixtureRequest) -> None:
    settings.ORTAK_PAGE_CACHE_SECONDS = 600  # type: ignore[attr-defined]
    dataset = build_dataset()
    failures: list[str] = []
    measured: list[tuple[str, int]] = []
    for name in guarded_names():
        representative = REPRESENTATIVES.get(name)
        if representative is None:
            continue  # reported by the test above
        try:
            count, problem = _measure(name, representative, dataset)
        except Exception as error:
            failures.append(f"{name}: request failed: {type(error).__name__}: {error}")
            continue
        measured.append((name, count))
        if problem:
            failures.append(problem)
    summary = "\n".join(f"  {count:3d}  {name}" for name, count in measured)
    assert not failures, (
        f"{len(failures)} page(s) broke the query guard (budget {MAX_QUERIES}):\n\n"
        + "\n\n".join(failures)
        + f"\n\nQueries per page:\n{summary}"
    )


def _measure(name: str, representative: Representative, dataset: object) -> tuple[int, str]:
    url = reverse(name, kwargs=representative.kwargs(dataset))  # type: ignore[arg-type]
    query = representative.query
    if callable(query):
        query = query(dataset)  # type: ignore[arg-type]
    if query:
        url = f"{url}?{query}"
    client = Client()
    who = representative.user or "anonymous"
    if representative.user:
        sign_in(
            client,
            dataset.user(representative.user),  # type: ignore[attr-defined]
            reauthenticated=representative.reauthenticated,
        )
    client.get(url)  # warm process-wide caches (content types, site, translations)
    if representative.clear_cache:
        cache.clear()
    caches[pagecache.PAGES_ALIAS].clear()
    pagecache.generation()  # the steady state: a generation exists, the page is not cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    count = len(queries.captured_queries)
    where = f"{name} — GET {url} as {who}"
    if response.status_code != representative.status:
        location = response.headers.get("Location", "")
        return count, (
            f"{where}: status {response.status_code}"
            f"{' → ' + location if location else ''}, expected {representative.status}"
            f" (fix the representative's kwargs/user/status in {REGISTRY})"
        )
    budget = representative.max_queries or MAX_QUERIES
    if count > budget:
        return count, f"{where}: {count} queries\n{_repeated(queries.captured_queries)}"
    return count, ""


def _repeated(captured: list[dict[str, str]]) -> str:
    """The SQL of the page grouped by shape: an N+1 shows as one shape run many times."""
    shapes = Counter(re.sub(r"\b\d+\b|'[^']*'|%s", "?", query["sql"])[:220] for query in captured)
    return "\n".join(f"    {times:3d} × {sql}" for sql, times in shapes.most_common(8))


# --- The guard guards: it names what is missing and shows an N+1 ----------------------------


def test_coverage_names_the_url_without_a_representative_and_the_unnamed_pattern(
    settings: pytest.FixtureRequest,
) -> None:
    settings.ROOT_URLCONF = "config.tests.guard_fixture_urls"  # type: ignore[attr-defined]
    problems = coverage_problems(
        endpoints(), {"guard:cheap": Representative(), "guard:gone": Representative()}, {}
    )
    assert any("'guard:n_plus_one' (/n-plus-one/) has no representative" in p for p in problems)
    assert any("/unnamed/ has no name" in p for p in problems)
    assert any("'guard:gone', which no URL pattern has" in p for p in problems)
    assert not any("guard:cheap" in p for p in problems)


@pytest.mark.django_db
def test_guard_reports_an_n_plus_one_with_its_repeated_query(
    settings: pytest.FixtureRequest,
) -> None:
    settings.ROOT_URLCONF = "config.tests.guard_fixture_urls"  # type: ignore[attr-defined]
    dataset = build_dataset()

    cheap, cheap_problem = _measure("guard:cheap", Representative(), dataset)
    costly, costly_problem = _measure("guard:n_plus_one", Representative(), dataset)

    assert cheap <= 2
    assert not cheap_problem
    assert costly > MAX_QUERIES
    assert f"guard:n_plus_one — GET /n-plus-one/ as anonymous: {costly} queries" in costly_problem
    assert "× SELECT" in costly_problem
