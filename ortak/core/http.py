"""Typed requests for views behind ``login_required``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:  # type-only: core does not depend on accounts at run time
    from ortak.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """``request.user`` is a real user (the view is behind ``login_required``)."""

    user: User  # type: ignore[assignment]
