from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    """Values every template needs: the site URL and the language list for the switcher."""
    return {"SITE_URL": settings.SITE_URL}
