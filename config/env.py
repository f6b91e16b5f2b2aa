"""Reading configuration from environment variables (12-factor).

Every setting that differs between the demo, CI and production is read here, so that
`config/settings.py` stays a plain list of choices. With nothing set, the embedded
defaults run: SQLite, the database cache, console e-mail and the database task queue.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def email_settings(url: str) -> dict[str, Any]:
    """Translate an EMAIL_URL into Django's e-mail settings.

    Accepted: ``console://``, ``file:///path/to/dir``, ``locmem://``, ``dummy://``,
    ``smtp://user:password@host:587`` and ``smtps://…`` (implicit TLS); ``?tls=1`` turns
    on STARTTLS for ``smtp://``.
    """
    parsed = urlparse(url)
    scheme = parsed.scheme
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "file": "django.core.mail.backends.filebased.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
    }
    if scheme not in backends:
        raise ValueError(f"EMAIL_URL has an unknown scheme: {scheme!r}")
    result: dict[str, Any] = {"EMAIL_BACKEND": backends[scheme]}
    if scheme == "file":
        result["EMAIL_FILE_PATH"] = unquote(parsed.path)
    if scheme in {"smtp", "smtps"}:
        query = parse_qs(parsed.query)
        result.update(
            EMAIL_HOST=parsed.hostname or "localhost",
            EMAIL_PORT=parsed.port or (465 if scheme == "smtps" else 25),
            EMAIL_HOST_USER=unquote(parsed.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parsed.password or ""),
            EMAIL_USE_SSL=scheme == "smtps",
            EMAIL_USE_TLS=query.get("tls", ["0"])[0] in {"1", "true"},
        )
    return result
