from django.urls import path
from django.views.generic import TemplateView

app_name = "organizations"

urlpatterns = [
    path("belediyeler/", TemplateView.as_view(template_name="base.html"), name="municipality_list"),
    path("kuruluslar/", TemplateView.as_view(template_name="base.html"), name="organization_list"),
]
