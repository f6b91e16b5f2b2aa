"""Fixtures of the organizations tests."""

from __future__ import annotations

import pytest
from django.test import Client

from ortak.organizations.tests.helpers import sign_in


@pytest.fixture
def signed_in(client: Client):  # type: ignore[no-untyped-def]
    """``signed_in(user)`` logs the test client in as that user and returns the client."""
    return lambda user: sign_in(client, user)
