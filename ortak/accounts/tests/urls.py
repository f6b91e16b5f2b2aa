"""The project's URLs plus two pages that refuse everyone, to test the MFA redirect on a 403."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def municipality_only_page(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def api_forbidden(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"detail": "forbidden"}, status=403)


urlpatterns = [
    path("test/municipality-only/", municipality_only_page, name="test_municipality_only"),
    path("test/api-forbidden/", api_forbidden, name="test_api_forbidden"),
    *project_urlpatterns,
]

handler403 = "ortak.core.views.permission_denied"
