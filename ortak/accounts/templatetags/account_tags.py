"""Template helpers of the accounts pages: the privacy notice's text, and the MFA rule."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from ortak.accounts import permissions
from ortak.accounts.models import PrivacyNotice
from ortak.core.sanitize import render_markdown

register = template.Library()


@register.filter
def notice_html(notice: PrivacyNotice | None) -> SafeString:
    """{{ notice|notice_html }}: the notice as HTML, in the active language."""
    if notice is None:
        return mark_safe("")
    # render_markdown's output is sanitised (nh3), so it may be marked safe.
    return mark_safe(render_markdown(notice.text_for(get_language())))


@register.filter
def needs_mfa(user: Any) -> bool:
    """{% if user|needs_mfa %}: the user's powers require two-step verification."""
    return permissions.mfa_required(user)
