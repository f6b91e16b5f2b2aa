"""Whole-page cache of public pages for anonymous visitors, exact by construction.

Most readers of Ortak are anonymous visitors reading the same published plans; rendering a plan
tree of 150 indicators for each of them is wasted work. ``@public_page`` stores the rendered
response of a public view and serves it again to any anonymous visitor, until anything changes:

* **What is cached**: ``GET``/``HEAD`` answers with status 200, no cookie and no
  ``Cache-Control`` of the view's own, for visitors who are not signed in and carry no session
  and no flash-message cookie (a visitor with a session may have messages or a half-finished form
  waiting; they get a fresh page); htmx requests, which may be answered with a fragment, never.
* **Key**: the generation (below), the day in the site's time zone (deadlines and "overdue"
  badges turn with the date), the active language, the host and the full path with its query.
* **Invalidation**: every statement that writes to a table of the site's content (all tables
  but those in ``IGNORED_TABLE_PREFIXES``: sessions, the cache itself, the task queue, personal
  notifications, the audit trail) marks the connection; when that write is committed the
  generation changes, so every cached page is dropped at once. The hook sits on the database
  connection (``execute_wrappers``), so services, bulk updates, raw SQL, tasks and management
  commands are all seen; nothing has to remember to invalidate. A write that is rolled back
  changes nothing.
* **Where**: the generation lives in the ``default`` cache (shared by all processes: the
  database cache or Redis); the pages in the ``pages`` cache (Redis when configured, otherwise
  a bounded memory cache per process, which is correct because its keys carry the generation).
* **CSRF**: a cached page carries another visitor's masked CSRF token in its forms (the language
  switcher); every token is replaced with the current visitor's on the way out.

``ORTAK_PAGE_CACHE_SECONDS`` bounds the life of an entry (0 turns the cache off, as the unit
tests do by default; the tests of this module turn it on).
"""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeGuard, TypeVar

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache, caches
from django.db import DatabaseError, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

GENERATION_KEY = "ortak:pages:generation"
PAGES_ALIAS = "pages"
# Writes to these tables do not change what an anonymous visitor sees.
IGNORED_TABLE_PREFIXES = (
    "django_session",
    "ortak_cache",
    "django_tasks",
    "notifications_",
    "audit_",
)
# Headers a cached answer keeps; cookies, language and other per-request headers are set by the
# middleware on the way out, as for a rendered page.
KEPT_HEADERS = ("Content-Type", "Content-Disposition")

_WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z0-9_]+)', re.I)
_CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')

View = Callable[..., HttpResponseBase]
T = TypeVar("T")
_MISSING = object()


# --- The generation -------------------------------------------------------------------


def generation() -> str:
    """The current generation; a missing one (first start, evicted) is a new one.

    Raises ``DatabaseError`` when the database cache has no table (``createcachetable`` not run).
    """
    flush_pending()
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        # add(): two processes starting together agree on one generation.
        cache.add(GENERATION_KEY, value, timeout=None)
        value = cache.get(GENERATION_KEY, value)
    return str(value)


def invalidate() -> None:
    """Drop every cached page (a new generation).

    Runs outside any transaction (after a commit, or between two statements in autocommit
    mode). Before ``createcachetable`` (the migrations of a first deployment) there is no
    generation to change.
    """
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except DatabaseError as exc:
        logger.warning("Page cache generation not changed (%s).", exc)


def _is_content_write(sql: str) -> bool:
    match = _WRITE.match(sql)
    if match is None:
        return False
    return not match.group(1).lower().startswith(IGNORED_TABLE_PREFIXES)


# A write in autocommit mode is committed when its statement ends, but the generation cannot be
# changed from inside that statement (its cursor may still hold the rows it returns): the
# connection is marked stale and the change is made before its next statement outside a
# transaction, at the end of the request, or before the generation is read.
_STALE = "_ortak_pages_stale"


def _flush(connection: BaseDatabaseWrapper) -> None:
    if getattr(connection, _STALE, False) and not connection.in_atomic_block:
        setattr(connection, _STALE, False)
        invalidate()


def flush_pending(**kwargs: object) -> None:
    for connection in connections.all(initialized_only=True):
        _flush(connection)


def _watch_writes(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]
) -> Any:
    connection = context["connection"]
    _flush(connection)
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and _is_content_write(sql):
        if connection.in_atomic_block:
            # Once per transaction: only its commit makes the change visible to visitors.
            pending = connection.run_on_commit
            if not any(callback is invalidate for _sids, callback, _robust in pending):
                transaction.on_commit(invalidate, using=connection.alias, robust=True)
        else:
            setattr(connection, _STALE, True)
    return result


def watch_connection(sender: object, connection: BaseDatabaseWrapper, **kwargs: object) -> None:
    """``connection_created`` receiver: install the write hook once per connection object."""
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch_writes)


# --- The decorator --------------------------------------------------------------------


def _enabled() -> bool:
    return settings.ORTAK_PAGE_CACHE_SECONDS > 0


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or not _enabled():
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if CookieStorage.cookie_name in request.COOKIES:
        return False
    if "HX-Request" in request.headers:  # an htmx request may be answered with a fragment
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _cacheable_response(response: HttpResponseBase) -> TypeGuard[HttpResponse]:
    return (
        isinstance(response, HttpResponse)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
    )


def _key(kind: str, what: str) -> str:
    """A cache key valid for this generation, day and language only."""
    digest = hashlib.sha256(what.encode()).hexdigest()[:32]
    return f"{kind}:{generation()}:{timezone.localdate().isoformat()}:{get_language()}:{digest}"


def page_key(request: HttpRequest) -> str:
    return _key("page", f"{request.get_host()}{request.get_full_path()}")


def _with_own_token(request: HttpRequest, content: bytes) -> bytes:
    """The stored page's CSRF tokens replaced with this visitor's (one new mask each)."""
    if b"csrfmiddlewaretoken" not in content:
        return content
    return _CSRF_INPUT.sub(lambda m: m.group(1) + get_token(request).encode() + m.group(2), content)


def _store(key: str, response: HttpResponse) -> None:
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    caches[PAGES_ALIAS].set(
        key, (response.content, headers), timeout=int(settings.ORTAK_PAGE_CACHE_SECONDS)
    )


def _replay(request: HttpRequest, stored: tuple[bytes, dict[str, str]]) -> HttpResponse:
    content, headers = stored
    response = HttpResponse(_with_own_token(request, content))
    for name, value in headers.items():
        response[name] = value
    response["X-Ortak-Page-Cache"] = "hit"
    return response


def memo(key: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept until the next committed write (and the day and language turn).

    For parts of pages that signed-in users see too and that cost more than a query to compute
    (the plan's data-quality audit): the same generation as the page cache makes it exact.
    The value must pickle; ``key`` names what is computed and for which object.
    """
    if not _enabled():
        return compute()
    try:
        full_key = _key("memo", key)
    except DatabaseError:
        return compute()
    store = caches[PAGES_ALIAS]
    found = store.get(full_key, _MISSING)
    if found is not _MISSING:
        return found  # type: ignore[no-any-return]
    value = compute()
    store.set(full_key, value, timeout=int(settings.ORTAK_PAGE_CACHE_SECONDS))
    return value


def public_page(view: View) -> View:
    """Serve ``view``'s answers to anonymous visitors from the page cache (module docstring)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        try:
            key = page_key(request)
        except DatabaseError:
            logger.exception("Page cache unavailable; run `manage.py createcachetable`.")
            return view(request, *args, **kwargs)
        stored = caches[PAGES_ALIAS].get(key)
        if stored is not None:
            return _replay(request, stored)
        response = view(request, *args, **kwargs)
        if _cacheable_response(response):
            if not getattr(response, "is_rendered", True):
                response.render()  # type: ignore[attr-defined]
            _store(key, response)
            response["X-Ortak-Page-Cache"] = "miss"
        return response

    return wrapper
