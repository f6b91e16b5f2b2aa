from django.urls import path

from ortak.organizations import views

app_name = "organizations"

urlpatterns = [
    path("belediyeler/", views.municipality_list, name="municipality_list"),
    path("belediyeler/<slug:slug>/", views.municipality_detail, name="municipality_detail"),
    path("belediyeler/<slug:slug>/personel/", views.municipality_staff, name="municipality_staff"),
    path("belediyeler/<slug:slug>/birimler/", views.municipality_units, name="municipality_units"),
    path("belediyeler/<slug:slug>/birimler/<int:pk>/", views.unit_edit, name="unit_edit"),
    path("belediyeler/<slug:slug>/birimler/<int:pk>/sil/", views.unit_delete, name="unit_delete"),
    path("kuruluslar/", views.organization_list, name="organization_list"),
    path("kuruluslar/yeni/", views.organization_register, name="organization_register"),
    path("kuruluslar/inceleme/", views.moderation_queue, name="moderation_queue"),
    path("kuruluslar/<slug:slug>/", views.organization_detail, name="organization_detail"),
    path("kuruluslar/<slug:slug>/duzenle/", views.organization_edit, name="organization_edit"),
    path("kuruluslar/<slug:slug>/uyeler/", views.organization_members, name="organization_members"),
    path("kuruluslar/<slug:slug>/inceleme/", views.organization_review, name="organization_review"),
    path("uyelikler/<int:pk>/rol/", views.membership_role, name="membership_role"),
    path("uyelikler/<int:pk>/sil/", views.membership_remove, name="membership_remove"),
    path("davetler/<int:pk>/iptal/", views.invitation_revoke, name="invitation_revoke"),
    path("davet/<str:token>/", views.invitation, name="invitation"),
    path("uyeliklerim/", views.my_memberships, name="my_memberships"),
]
