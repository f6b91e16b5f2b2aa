"""The public API under /api/v1/ (django-ninja); each app adds its router here."""

from ninja import NinjaAPI

from ortak.plans.api import router as plans_router

api = NinjaAPI(
    title="Ortak API",
    version="1",
    description="Strategic plans, progress and participation of Turkish municipalities as open data.",
    urls_namespace="api",
)

api.add_router("/plans/", plans_router)
