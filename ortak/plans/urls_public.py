"""Public plan pages, under the municipality: ``/belediyeler/<slug>/plan/2025-2029/…``."""

from django.urls import URLPattern, path

from ortak.plans.views import public

PLAN = "belediyeler/<slug:slug>/plan/<int:start>-<int:end>/"

urlpatterns: list[URLPattern] = [
    path(PLAN, public.plan_detail, name="plan_detail"),
    path(PLAN + "amac/<str:code>/", public.aim_detail, name="aim_detail"),
    path(PLAN + "hedef/<str:code>/", public.objective_detail, name="objective_detail"),
    path(PLAN + "gosterge/<str:code>/", public.indicator_detail, name="indicator_detail"),
    path(PLAN + "faaliyetler/", public.activity_list, name="activity_list"),
    path(PLAN + "nasil-hesaplaniyor/", public.methodology, name="methodology"),
]
