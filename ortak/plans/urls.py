from django.urls import path  # noqa: F401  (filled in by the plans work)

app_name = "plans"

urlpatterns: list = []
