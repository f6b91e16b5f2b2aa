"""Project-wide pytest configuration: fast hashing, tasks run in-process, shared fixtures."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Property tests must not fail because a shared CI machine is slow: no deadline, no "too slow"
# health check; the number of examples stays at Hypothesis's default.
hypothesis_settings.register_profile(
    "ortak", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("ortak")


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    # Argon2 is deliberately slow; tests create thousands of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tasks run in-process as soon as they are enqueued (after commit, where services say so).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # A module imported at start-up may already have built the database backend; tell
    # django-tasks the setting changed so that every enqueue from now on runs in-process.
    from django.core.signals import setting_changed

    setting_changed.send(sender=None, setting="TASKS", value=settings.TASKS, enter=True)
    settings.MFA_TOTP_INSECURE_BYPASS_CODE = None
    # Tests write inside a transaction that never commits, so a cached public page would never be
    # dropped: the page cache is off, except in its own tests (ortak/core/tests/test_pagecache.py)
    # and in the browser tests, which commit.
    settings.ORTAK_PAGE_CACHE_SECONDS = 0
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _media_in_tmp(
    settings: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Uploaded files of a test never land in the real media folder."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))  # type: ignore[attr-defined]
