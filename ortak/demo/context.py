"""What the demo steps share: where to print, the demo accounts, and objects for later steps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Every demo account has this password (printed by load_demo); the demo is refused outside
# DEBUG unless --force is given, so these accounts never appear on a real site by accident.
DEMO_PASSWORD = "Ortak.Demo.2026"  # noqa: S105 - published demo password
# The TOTP secret of every demo account that needs MFA (staff and municipality roles). Add it to
# an authenticator app (or run `oathtool --totp -b <secret>`) to get the six-digit codes.
DEMO_TOTP_SECRET = "ORTAKDEMOTOTPKEYORTAKDEMOTOTPKEY"  # noqa: S105 - published demo secret


@dataclass(frozen=True)
class DemoAccount:
    key: str
    email: str
    role: str
    needs_mfa: bool


@dataclass
class DemoContext:
    """Filled step by step (hence not frozen): earlier steps leave objects for later ones.

    ``users`` maps an account key ("editor", "org_admin", …) to its User; ``objects`` holds
    anything else a later step needs (e.g. ``objects["organization"]``).
    """

    out: Callable[[str], None]
    accounts: list[DemoAccount] = field(default_factory=list)
    users: dict[str, Any] = field(default_factory=dict)
    objects: dict[str, Any] = field(default_factory=dict)

    def user(self, key: str) -> Any:
        return self.users[key]
