"""Posting rate limits per user and per IP address, counted in Django's cache.

A fixed window per key: the first post opens a window of ``window`` seconds; further posts in it
are counted, and past ``limit`` the post is refused. On Redis (production) the count is atomic;
on the database cache a burst may slip one or two posts through, which is acceptable for a
guard against floods.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

WINDOW_SECONDS = 10 * 60
USER_LIMIT = 10
IP_LIMIT = 30


class RateLimited(Exception):
    """Too many posts; ``message`` says so in the user's language."""

    message = _("You are posting too fast. Please wait a few minutes and try again.")


@dataclass(frozen=True)
class Limit:
    key: str
    limit: int
    window: int = WINDOW_SECONDS


def client_ip(request: HttpRequest) -> str:
    """The client's address; behind the load balancer, the last hop it appended to the header."""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return str(request.META.get("REMOTE_ADDR", "unknown"))


def _count(limit: Limit) -> int:
    key = f"ortak:rate:{limit.key}"
    if cache.add(key, 1, timeout=limit.window):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=limit.window)
        return 1


def check(*limits: Limit) -> None:
    """Count one post against every limit; raise ``RateLimited`` when one is exceeded."""
    exceeded = False
    for limit in limits:
        if _count(limit) > limit.limit:
            exceeded = True
    if exceeded:
        raise RateLimited


def check_post(request: HttpRequest) -> None:
    """The posting limits: per signed-in user and per IP address."""
    user_limit = int(getattr(settings, "ORTAK_POST_LIMIT_PER_USER", USER_LIMIT))
    ip_limit = int(getattr(settings, "ORTAK_POST_LIMIT_PER_IP", IP_LIMIT))
    limits = [Limit(key=f"ip:{client_ip(request)}", limit=ip_limit)]
    if request.user.is_authenticated:
        limits.append(Limit(key=f"user:{request.user.pk}", limit=user_limit))
    check(*limits)
