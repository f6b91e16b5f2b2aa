"""What one run generates: counts for a scale, the seed, the as-of date, the marks of its rows."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

# Generated municipalities and organizations have slugs starting with MARK; generated users have
# e-mail addresses at USER_DOMAIN (".invalid" is reserved: mail to it can never be delivered).
MARK = "sentetik-"
USER_DOMAIN = "sentetik.ortak.invalid"
ISTANBUL = ZoneInfo("Europe/Istanbul")

# The generated world is told from this date (the last whole-year values of the 2025–2029 plans
# are due on 31 January 2030), so that the plans carry all five years of half-yearly values. It is
# fixed, so that a seed gives the same data on every day; ``--as-of`` moves it.
DEFAULT_AS_OF = datetime.date(2030, 2, 15)

# Counts at scale 1.0 (the whole country).
ORGANIZATIONS = 100_000
USERS = 500_000
CONTRIBUTIONS = 300_000
COMMENTS = 1_000_000
SUPPORTS = 2_000_000


def _scaled(count: int, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(count * scale))


@dataclass(frozen=True)
class Options:
    scale: float = 1.0
    seed: int = 1
    as_of: datetime.date = DEFAULT_AS_OF
    batch_size: int = 5_000

    def __post_init__(self) -> None:
        if not 0 < self.scale <= 2:
            raise ValueError("The scale must be more than 0 and at most 2.")
        if not datetime.date(2025, 3, 1) <= self.as_of <= datetime.date(2031, 12, 31):
            raise ValueError("The as-of date must fall between March 2025 and 2031.")

    @property
    def organizations(self) -> int:
        return _scaled(ORGANIZATIONS, self.scale, 10)

    @property
    def users(self) -> int:
        return _scaled(USERS, self.scale, 100)

    @property
    def contributions(self) -> int:
        return _scaled(CONTRIBUTIONS, self.scale)

    @property
    def comments(self) -> int:
        return _scaled(COMMENTS, self.scale, 0)

    @property
    def supports(self) -> int:
        return _scaled(SUPPORTS, self.scale, 0)

    @property
    def now(self) -> datetime.datetime:
        """The generated world's "now": noon of the as-of date, Istanbul time."""
        return datetime.datetime.combine(self.as_of, datetime.time(12), tzinfo=ISTANBUL)

    def rng(self, *parts: object) -> random.Random:
        """A generator seeded by the run's seed and a name: independent of batching and order."""
        return random.Random(":".join(["ortak-national", str(self.seed), *map(str, parts)]))
