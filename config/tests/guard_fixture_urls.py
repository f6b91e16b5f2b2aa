"""A URL configuration for the query guard's own tests: one cheap page, one N+1, one unnamed."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from ortak.organizations.models import Municipality


def cheap(request: HttpRequest) -> HttpResponse:
    return HttpResponse(str(Municipality.objects.count()))


def n_plus_one(request: HttpRequest) -> HttpResponse:
    # The classic mistake: the province is fetched once per municipality.
    names = [f"{m.name} ({m.province.name})" for m in Municipality.objects.all()[:30]]
    return HttpResponse(", ".join(names))


guard_patterns = (
    [
        path("cheap/", cheap, name="cheap"),
        path("n-plus-one/", n_plus_one, name="n_plus_one"),
    ],
    "guard",
)

urlpatterns = [
    path("", include(guard_patterns)),
    path("unnamed/", cheap),
]
