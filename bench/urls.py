"""The project's URLs, plus the framework floor view when ORTAK_BENCH_FLOOR=1."""

import os

from django.urls import path

from bench.views import floor
from config.urls import handler403, handler404, handler500
from config.urls import urlpatterns as project_urlpatterns

FLOOR_PATH = "__bench__/floor/"

urlpatterns = list(project_urlpatterns)
if os.environ.get("ORTAK_BENCH_FLOOR") == "1":
    urlpatterns.insert(0, path(FLOOR_PATH, floor, name="bench_floor"))

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]
