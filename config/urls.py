"""Root URL configuration: each app owns its URLs under a Turkish public prefix."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from config.api import api
from ortak.organizations.views import home

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("i18n/js/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("yonetim/", admin.site.urls),
    path("hesap/", include("allauth.urls")),
    path("hesabim/", include("ortak.accounts.urls")),
    path("bildirimler/", include("ortak.notifications.urls")),
    path("api/v1/", api.urls),
    path("", home, name="home"),
    path("", include("ortak.organizations.urls")),
    path("", include("ortak.plans.urls")),
    path("", include("ortak.monitoring.urls")),
    path("", include("ortak.participation.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler403 = "ortak.core.views.permission_denied"
handler404 = "ortak.core.views.page_not_found"
handler500 = "ortak.core.views.server_error"
