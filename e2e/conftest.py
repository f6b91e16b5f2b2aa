"""Browser tests: Playwright (Python) driving Debian's Chromium against a live server on 127.0.0.1.

How it is served: pytest-django's ``live_server`` (a threaded WSGI server in this process, on the
test database; with SQLite the in-memory connection is shared with the server thread). Tests
build their data with the factories and read e-mails from ``django.core.mail.outbox``.

Cookies: outside DEBUG, settings mark the session, CSRF and language cookies Secure (HTTPS).
The live server speaks plain HTTP on 127.0.0.1, so the ``_plain_http_cookies`` fixture turns
Secure off for these tests only; production settings are untouched.

The browser is never downloaded: ``/usr/bin/chromium`` comes from Debian (``ORTAK_BROWSER=1
scripts/setup.sh``, which ``make e2e`` runs). Playwright starts it with a fresh temporary
profile (user-data dir) that it deletes afterwards; every test gets a new browser context
(no cookies, no storage).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from e2e.helpers import (
    ARTIFACTS,
    AXE_FINDINGS,
    AXE_SCRIPT,
    KNOWN_HITS,
    KNOWN_VIOLATIONS,
    write_axe_findings,
)

CHROMIUM = os.environ.get("ORTAK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 360, "height": 740}

# Playwright's sync API runs an asyncio loop in this thread; Django's async-safety guard would
# then refuse ORM calls from the test body (factories), which are synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

_PAGES = pytest.StashKey[list[Page]]()


def pytest_configure(config: pytest.Config) -> None:
    # Only the loopback address: the live server must never listen on a public interface.
    if not config.getvalue("liveserver"):
        config.option.liveserver = "127.0.0.1"


def pytest_sessionstart(session: pytest.Session) -> None:
    """Artifacts describe this run only: screenshots of an earlier run's failures would mislead."""
    if ARTIFACTS.exists():
        for stale in [*ARTIFACTS.glob("*.png"), *ARTIFACTS.glob("*.html")]:
            stale.unlink()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    if report.failed and call.when in {"setup", "call"}:  # type: ignore[attr-defined]
        saved = _save_failure_artifacts(item)
        if saved:
            report.sections.append(("e2e artifacts", "\n".join(saved)))  # type: ignore[attr-defined]
    return report


def _save_failure_artifacts(item: pytest.Item) -> list[str]:
    """A screenshot and the HTML of every page the failed test had open."""
    saved: list[str] = []
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid.split("::", 1)[-1])[:120]
    for index, page in enumerate(item.stash.get(_PAGES, [])):
        if page.is_closed():
            continue
        ARTIFACTS.mkdir(exist_ok=True)
        stem = ARTIFACTS / f"{name}-{index}"
        try:
            page.screenshot(path=f"{stem}.png", full_page=True)
            Path(f"{stem}.html").write_text(page.content(), encoding="utf-8")
        except Exception as error:  # a crashed page must not hide the test's own failure
            saved.append(f"could not save {stem}: {error}")
            continue
        saved.append(f"{page.url}\n  {stem}.png\n  {stem}.html")
    return saved


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for key, where in KNOWN_VIOLATIONS.items():
        state = "seen, tolerated" if key in KNOWN_HITS else "not seen in this run"
        terminalreporter.write_line(f"known axe violation {key[0]} ({state}): {where}")
    if AXE_FINDINGS:
        target = write_axe_findings()
        terminalreporter.write_line(
            f"{len(AXE_FINDINGS)} axe finding(s) of any impact written to {target}"
        )
    elif ARTIFACTS.exists():
        write_axe_findings()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} is missing: run `ORTAK_BROWSER=1 scripts/setup.sh` (or `make e2e`).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings: pytest.FixtureRequest) -> None:
    """The live server is plain HTTP on 127.0.0.1: Secure cookies would never come back."""
    settings.SESSION_COOKIE_SECURE = False  # type: ignore[attr-defined]
    settings.CSRF_COOKIE_SECURE = False  # type: ignore[attr-defined]
    settings.LANGUAGE_COOKIE_SECURE = False  # type: ignore[attr-defined]
    settings.SECURE_HSTS_SECONDS = 0  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _page_cache_on(settings: pytest.FixtureRequest) -> Iterator[None]:
    """As in production: anonymous pages come from the page cache, dropped on every commit.

    The live server's transactions commit, so the flows prove that what a visitor reads after
    somebody else's change is the changed page.
    """
    from django.core.cache import caches

    from ortak.core.pagecache import PAGES_ALIAS

    settings.ORTAK_PAGE_CACHE_SECONDS = 600  # type: ignore[attr-defined]
    caches[PAGES_ALIAS].clear()
    yield
    caches[PAGES_ALIAS].clear()


@pytest.fixture
def new_page(
    browser: Browser,
    live_server: object,
    django_db_serialized_rollback: None,
    request: pytest.FixtureRequest,
) -> Iterator[Callable[..., Page]]:
    """Open a page in a fresh browser context: ``new_page(language="en", device="mobile")``.

    The language is chosen the way a returning visitor's is: the ``ortak_language`` cookie
    (plus a matching Accept-Language). Use ``switch_language`` to test the switcher itself.

    The database is the migrated one (serialized rollback): provinces, the pilot municipalities,
    the site and the privacy notice are there before every test, as in production.
    """
    base_url: str = live_server.url  # type: ignore[attr-defined]
    pages: list[Page] = []
    request.node.stash[_PAGES] = pages
    contexts = []

    def make(*, language: str = "tr", device: str = "desktop") -> Page:
        mobile = device == "mobile"
        context = browser.new_context(
            base_url=base_url,
            viewport=MOBILE if mobile else DESKTOP,
            is_mobile=mobile,
            has_touch=mobile,
            locale="tr-TR" if language == "tr" else "en-GB",
            timezone_id="Europe/Istanbul",
            service_workers="block",
        )
        context.add_init_script(script=AXE_SCRIPT)
        context.set_default_timeout(10_000)
        context.set_default_navigation_timeout(15_000)
        context.add_cookies([{"name": "ortak_language", "value": language, "url": base_url}])
        contexts.append(context)
        page = context.new_page()
        pages.append(page)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    """A desktop page in Turkish."""
    return new_page()
