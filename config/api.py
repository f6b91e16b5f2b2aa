"""The public API under /api/v1/ (django-ninja); each app adds its router here."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Ortak API",
    version="1",
    description="Strategic plans, progress and participation of Turkish municipalities as open data.",
    urls_namespace="api",
)
