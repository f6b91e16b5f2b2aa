"""Editor pages: ``/belediyeler/<slug>/planlar/…`` and ``/belediyeler/<slug>/plan/<start>-<end>/duzenle/…``."""

from django.urls import URLPattern, path

from ortak.plans.views import editor

PLANS = "belediyeler/<slug:slug>/planlar/"
EDIT = "belediyeler/<slug:slug>/plan/<int:start>-<int:end>/duzenle/"

urlpatterns: list[URLPattern] = [
    path(PLANS, editor.plan_list, name="editor_plan_list"),
    path(PLANS + "yeni/", editor.plan_create, name="plan_create"),
    path(EDIT, editor.dashboard, name="editor_dashboard"),
    path(EDIT + "bilgiler/", editor.plan_details, name="editor_plan_details"),
    path(EDIT + "durum/", editor.plan_status, name="editor_plan_status"),
    path(EDIT + "sil/", editor.plan_delete, name="editor_plan_delete"),
    path(
        EDIT + "guncelleme/yeni/", editor.plan_revision_create, name="editor_plan_revision_create"
    ),
    path(EDIT + "amac/yeni/", editor.aim_create, name="editor_aim_create"),
    path(EDIT + "amac/<str:code>/", editor.aim_edit, name="editor_aim_edit"),
    path(EDIT + "amac/<str:code>/sil/", editor.aim_delete, name="editor_aim_delete"),
    path(
        EDIT + "amac/<str:code>/hedef/yeni/",
        editor.objective_create,
        name="editor_objective_create",
    ),
    path(EDIT + "hedef/<str:code>/", editor.objective_edit, name="editor_objective_edit"),
    path(EDIT + "hedef/<str:code>/sil/", editor.objective_delete, name="editor_objective_delete"),
    path(
        EDIT + "hedef/<str:code>/gosterge/yeni/",
        editor.indicator_create,
        name="editor_indicator_create",
    ),
    path(
        EDIT + "hedef/<str:code>/faaliyet/yeni/",
        editor.activity_create,
        name="editor_activity_create",
    ),
    path(EDIT + "gosterge/<str:code>/", editor.indicator_edit, name="editor_indicator_edit"),
    path(
        EDIT + "gosterge/<str:code>/sil/", editor.indicator_delete, name="editor_indicator_delete"
    ),
    path(
        EDIT + "gosterge/<str:code>/hedefler/",
        editor.indicator_targets,
        name="editor_indicator_targets",
    ),
    path(
        EDIT + "gosterge/<str:code>/degerler/",
        editor.measurements,
        name="editor_measurements",
    ),
    path(
        EDIT + "gosterge/<str:code>/degerler/<str:period>/",
        editor.measurement_edit,
        name="editor_measurement_edit",
    ),
    path(EDIT + "faaliyet/<int:pk>/", editor.activity_edit, name="editor_activity_edit"),
    path(EDIT + "faaliyet/<int:pk>/sil/", editor.activity_delete, name="editor_activity_delete"),
]
