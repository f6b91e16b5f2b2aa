"""Participation URLs under /katilim/, and site search at /ara/."""

from django.urls import path

from ortak.participation import views

app_name = "participation"

K = "katilim/"

urlpatterns = [
    path(K + "oneri/yeni/", views.suggestion_create, name="suggestion_create"),
    path(K + "isbirligi/yeni/", views.offer_create, name="offer_create"),
    path(K + "katki/<int:pk>/", views.contribution_detail, name="detail"),
    path(K + "katki/<int:pk>/duzenle/", views.contribution_edit, name="edit"),
    path(K + "katki/<int:pk>/yanit/", views.contribution_answer, name="answer"),
    path(K + "katki/<int:pk>/yonlendir/", views.contribution_route, name="route"),
    path(K + "katki/<int:pk>/destek/", views.support_toggle, name="support"),
    path(K + "katki/<int:pk>/yorum/", views.comment_on_contribution, name="comment"),
    path(K + "katki/<int:pk>/bildir/", views.flag_contribution, name="flag"),
    path(K + "ek/<int:pk>/", views.attachment_download, name="attachment"),
    path(K + "yorum/<int:pk>/yanit/", views.comment_reply, name="reply"),
    path(K + "yorum/<int:pk>/bildir/", views.flag_comment, name="flag_comment"),
    path(K + "plan-ogesi/<str:kind>/<int:node_id>/", views.node_page, name="node"),
    path(
        K + "plan-ogesi/<str:kind>/<int:node_id>/yorum/", views.comment_on_node, name="node_comment"
    ),
    path(K + "takip/", views.follow_toggle, name="follow"),
    path(K + "belediye/<slug:slug>/", views.municipality_contributions, name="municipality"),
    path(K + "katkilarim/", views.my_contributions, name="mine"),
    path(K + "gelen-kutusu/", views.inbox, name="inbox"),
    path(K + "moderasyon/", views.moderation_queue, name="moderation"),
    path(K + "moderasyon/<int:pk>/karar/", views.flag_decide, name="decide"),
    path(K + "karsilastirma/", views.comparison, name="comparison"),
    path("ara/", views.search, name="search"),
]
