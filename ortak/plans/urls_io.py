"""Import and export URLs: ``/belediyeler/<slug>/planlar/ice-aktar/…`` and ``…/plan/<period>/indir/<format>/``."""

from django.urls import URLPattern, path

from ortak.plans.views import io

IMPORT = "belediyeler/<slug:slug>/planlar/ice-aktar/"

urlpatterns: list[URLPattern] = [
    path(IMPORT, io.import_upload, name="import_upload"),
    path(IMPORT + "sablon/", io.import_template, name="import_template"),
    path(IMPORT + "onizleme/<str:token>/", io.import_preview, name="import_preview"),
    path(
        "belediyeler/<slug:slug>/plan/<int:start>-<int:end>/indir/<str:fmt>/",
        io.plan_export,
        name="plan_export",
    ),
]
