"""Ortak's hooks into allauth: sign-up fields, language and privacy notice at login, MFA rules."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from ortak.accounts import permissions, selectors

# Set at sign-in when the user has not accepted the current privacy notice; the
# PrivacyNoticeMiddleware keeps them on the acceptance page until they do.
PRIVACY_PENDING_SESSION_KEY = "ortak_privacy_pending"


def set_language_cookie(response: HttpResponseBase, language: str) -> None:
    """Remember the user's language in this browser, as Django's ``set_language`` view does."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,  # type: ignore[arg-type]  # a setting: str
    )


def privacy_accept_url(next_url: str | None) -> str:
    url = reverse("accounts:privacy_accept")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class AccountAdapter(DefaultAccountAdapter):
    def save_user(
        self,
        request: HttpRequest,
        user: AbstractBaseUser,
        form: BaseForm,
        commit: bool = True,
    ) -> AbstractBaseUser:
        """Store the display name from the sign-up form and the language the page was read in."""
        user = super().save_user(request, user, form, commit=False)
        user.display_name = (form.cleaned_data.get("display_name") or "").strip()  # type: ignore[attr-defined]
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language  # type: ignore[attr-defined]
        if commit:
            user.full_clean(exclude=["password"])
            user.save()
        return user

    def post_login(
        self, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any
    ) -> HttpResponse:
        """After every sign-in: switch to the user's language; ask for a newer privacy notice."""
        response = super().post_login(request, user, **kwargs)
        if not isinstance(response, HttpResponseRedirect):
            return response  # pragma: no cover - headless clients are not used
        set_language_cookie(response, user.preferred_language)  # type: ignore[attr-defined]
        if selectors.needs_to_accept_current_notice(user) is not None:
            request.session[PRIVACY_PENDING_SESSION_KEY] = True
            redirect = HttpResponseRedirect(privacy_accept_url(response.url))
            for cookie in response.cookies.values():
                redirect.cookies[cookie.key] = cookie
            return redirect
        request.session.pop(PRIVACY_PENDING_SESSION_KEY, None)
        return response


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": _(
            "Your role needs two-step verification, so you cannot switch it off."
        ),
    }

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Holders of powers keep a second factor; they may still renew recovery codes."""
        if authenticator.type == Authenticator.Type.RECOVERY_CODES:
            return True
        user = authenticator.user
        others = (
            Authenticator.objects.filter(user_id=user.pk, type__in=permissions.MFA_FACTOR_TYPES)
            .exclude(pk=authenticator.pk)
            .exists()
        )
        return others or permissions.can_deactivate_mfa(user)
