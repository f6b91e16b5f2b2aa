"""The catalogue of notification events. Each app registers its verbs in ``AppConfig.ready()``.

A verb has a translatable message with ``%(name)s`` placeholders filled from the notification's
parameters, so the same row reads in Turkish for one person and in English for another.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Verb:
    code: str
    message: str | Promise
    subject: str | Promise


_verbs: dict[str, Verb] = {}


def register_verb(code: str, *, message: str | Promise, subject: str | Promise) -> None:
    _verbs[code] = Verb(code=code, message=message, subject=subject)


def get_verb(code: str) -> Verb:
    try:
        return _verbs[code]
    except KeyError:
        return Verb(code=code, message=_("You have a new notification."), subject=_("Notification"))


def render_message(code: str, params: dict[str, Any]) -> str:
    template = str(get_verb(code).message)
    try:
        return template % params
    except (KeyError, TypeError, ValueError):
        # A parameter went missing (an old row, a renamed placeholder): show the text without it
        # rather than breaking the page.
        return template


def render_subject(code: str, params: dict[str, Any]) -> str:
    template = str(get_verb(code).subject)
    try:
        return template % params
    except (KeyError, TypeError, ValueError):
        return template
