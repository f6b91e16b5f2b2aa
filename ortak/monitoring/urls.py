"""Monitoring URLs: the staff dashboard and calendar (``/belediyeler/<slug>/izleme/…``), CSO
assessments (forms under the plan pages and ``/izleme/degerlendirme/…``) and the public history
of a plan's figures (``/belediyeler/<slug>/plan/<start>-<end>/gecmis/``)."""

from django.urls import URLPattern, URLResolver, include, path

from ortak.monitoring.views import assessments, calendar, dashboard, history

app_name = "monitoring"

STAFF = "belediyeler/<slug:slug>/izleme/"
PLAN = "belediyeler/<slug:slug>/plan/<int:start>-<int:end>/"
ASSESSMENT = "izleme/degerlendirme/<int:pk>/"

urlpatterns: list[URLPattern | URLResolver] = [
    # Staff: dashboard, the value form and the workflow's actions, the calendar.
    path(STAFF, dashboard.dashboard, name="dashboard"),
    path(
        STAFF + "deger/<int:indicator_id>/<str:period>/",
        dashboard.measurement_form,
        name="measurement_form",
    ),
    path(STAFF + "sorumlu/<int:indicator_id>/", dashboard.owner_form, name="owner_form"),
    path(STAFF + "gonder/<int:measurement_id>/", dashboard.submit, name="submit"),
    path(STAFF + "yayimla/", dashboard.publish, name="publish"),
    path(STAFF + "geri-gonder/<int:measurement_id>/", dashboard.send_back, name="send_back"),
    path(STAFF + "takvim/", calendar.calendar, name="calendar"),
    path(STAFF + "takvim/donem/<int:period_id>/", calendar.period_due_date, name="period_due_date"),
    # Public: the revision chain.
    path(PLAN + "gecmis/", history.history, name="history"),
    # CSO assessments.
    path(
        PLAN + "<str:kind>/<str:code>/degerlendir/",
        assessments.new_assessment,
        name="assessment_new",
    ),
    path(ASSESSMENT + "duzenle/", assessments.edit_assessment, name="assessment_edit"),
    path(ASSESSMENT + "geri-cek/", assessments.delete_assessment, name="assessment_delete"),
    path(ASSESSMENT + "yanit/", assessments.reply, name="assessment_reply"),
    path("izleme/kanit/<int:pk>/", assessments.evidence, name="assessment_evidence"),
    # Monitoring and evaluation reports (the reports engineer's module).
    path("", include("ortak.monitoring.urls_reports")),
]
