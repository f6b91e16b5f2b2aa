"""Two gates for signed-in users: MFA before powers, and acceptance of a newer privacy notice."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from ortak.accounts import permissions
from ortak.accounts.adapter import PRIVACY_PENDING_SESSION_KEY, privacy_accept_url

# Where the user returns after setting up MFA (shown as a link on the recovery-codes page).
MFA_NEXT_SESSION_KEY = "ortak_mfa_next"


def _admin_prefix() -> str:
    return reverse("admin:index")


def mfa_setup_redirect(request: HttpRequest) -> HttpResponse:
    """Send the user to the page that explains why MFA is needed and starts the set-up."""
    next_url = request.get_full_path()
    request.session[MFA_NEXT_SESSION_KEY] = next_url
    url = f"{reverse('accounts:mfa_required')}?{urlencode({'next': next_url})}"
    if getattr(request, "htmx", False):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return HttpResponseRedirect(url)


class StaffMFAMiddleware:
    """Staff and municipality-role holders must have MFA before they can use those powers.

    - The admin is refused to staff without MFA: they are sent to set it up.
    - Every other page checks its own permissions, which for municipality powers include MFA
      (``ortak.organizations.permissions``); when such a page answers 403 to a user who holds
      powers but has no MFA yet, the answer becomes the same redirect, so that the user learns
      what to do instead of seeing "not allowed". The API keeps its JSON 403.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if not permissions.is_signed_in(user):
            return self.get_response(request)
        if request.path.startswith(_admin_prefix()) and self._needs_setup(request):
            return mfa_setup_redirect(request)
        response = self.get_response(request)
        if (
            response.status_code == 403
            and response.get("Content-Type", "").startswith("text/html")
            and self._needs_setup(request)
        ):
            return mfa_setup_redirect(request)
        return response

    @staticmethod
    def _needs_setup(request: HttpRequest) -> bool:
        user = request.user
        return permissions.mfa_required(user) and not permissions.user_has_mfa(user)


class PrivacyNoticeMiddleware:
    """Keep a user who signed in without accepting the current notice on the acceptance page.

    The flag is set at sign-in (``AccountAdapter.post_login``), so this costs no query. Leaving
    is always possible: logging out, reading the notices, downloading one's data, deleting the
    account.
    """

    # Pages that stay reachable, by URL name; the privacy pages are reachable as a whole.
    EXEMPT_URL_NAMES = (
        "accounts:export_data",
        "accounts:delete_account",
        "account_logout",
        "set_language",
    )

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if (
            session is not None
            and session.get(PRIVACY_PENDING_SESSION_KEY)
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
            and not self._is_exempt(request.path)
        ):
            next_url = request.get_full_path() if request.method == "GET" else None
            return HttpResponseRedirect(privacy_accept_url(next_url))
        return self.get_response(request)

    def _is_exempt(self, path: str) -> bool:
        if path.startswith((settings.STATIC_URL or "/static/", reverse("accounts:privacy"))):
            return True
        return path in {reverse(name) for name in self.EXEMPT_URL_NAMES}
