from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine
from django.core.cache import cache

from ortak.accounts.tests.factories import StaffFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Rate-limit counters and used TOTP codes live in the cache; no test sees another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def frozen_time() -> Iterator[time_machine.Traveller]:
    """TOTP codes depend on the clock: freeze it so a code cannot expire mid-test."""
    with time_machine.travel("2026-03-02 10:00:05 +03:00", tick=False) as traveller:
        yield traveller


@pytest.fixture
def citizen(db):  # type: ignore[no-untyped-def]
    return UserFactory(verified=True, consented=True)


@pytest.fixture
def other_user(db):  # type: ignore[no-untyped-def]
    return UserFactory(verified=True, consented=True)


@pytest.fixture
def staff_without_mfa(db):  # type: ignore[no-untyped-def]
    return StaffFactory(verified=True, consented=True)


@pytest.fixture
def staff_with_mfa(db):  # type: ignore[no-untyped-def]
    return StaffFactory(verified=True, consented=True, with_mfa=True)
