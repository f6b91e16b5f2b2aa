"""My account (under /hesabim/); allauth's sign-in, e-mail, password and MFA pages are under /hesap/."""

from django.urls import path

from ortak.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("gizlilik/", views.privacy, name="privacy"),
    path("gizlilik/surum/<int:version>/", views.privacy_version, name="privacy_version"),
    path("gizlilik/onay/", views.privacy_accept, name="privacy_accept"),
    path("verilerim/", views.export_data, name="export_data"),
    path("sil/", views.delete_account, name="delete_account"),
    path("iki-adimli-dogrulama/", views.mfa_required, name="mfa_required"),
]
