"""Staff and municipality-role holders must have MFA before they can use those powers.

Filled in by the accounts work; the middleware is wired in settings from the start.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class StaffMFAMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)
