"""The framework's floor: the cheapest response Django can give through the full middleware stack."""

from django.http import HttpRequest, HttpResponse


def floor(request: HttpRequest) -> HttpResponse:
    """No template, no database: what every page pays before doing any work of its own."""
    return HttpResponse(b"ok", content_type="text/plain")
