"""Demo accounts, one per role, with verified e-mail addresses and, where needed, MFA."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import decrypt
from django.contrib.auth import get_user_model

from ortak.demo.context import DEMO_PASSWORD, DEMO_TOTP_SECRET, DemoAccount, DemoContext
from ortak.demo.steps import step

# key, e-mail, display name, role as printed, needs MFA, user flags
ACCOUNTS: list[tuple[str, str, str, str, bool, dict[str, bool]]] = [
    ("citizen", "vatandas@demo.ortak", "Ayşe Vatandaş", "citizen", False, {}),
    ("org_member", "uye@demo.ortak", "Mehmet Üye", "organization member", False, {}),
    ("org_representative", "temsilci@demo.ortak", "Elif Temsilci", "organization representative", False, {}),
    ("org_admin", "stk-yonetici@demo.ortak", "Can STK Yöneticisi", "organization admin", False, {}),
    ("editor", "editor@demo.ortak", "Zeynep Editör", "municipality editor (Yenimahalle, strategy unit)", True, {}),
    ("responder", "yanitlayici@demo.ortak", "Murat Yanıtlayıcı", "municipality responder (Yenimahalle, Park ve Bahçeler)", True, {}),
    ("municipality_admin", "belediye-yonetici@demo.ortak", "Selin Belediye Yöneticisi", "municipality admin (Yenimahalle)", True, {}),
    ("moderator", "moderator@demo.ortak", "Deniz Moderatör", "moderator", False, {"is_moderator": True}),
    ("admin", "admin@demo.ortak", "Platform Yöneticisi", "platform admin (superuser)", True, {"is_staff": True, "is_superuser": True}),
]  # fmt: skip


def _ensure_user(email: str, display_name: str, flags: dict[str, bool]) -> Any:
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email, DEMO_PASSWORD, display_name=display_name, **flags)
    else:
        user.display_name = display_name
        user.is_active = True
        for flag, value in flags.items():
            setattr(user, flag, value)
        user.set_password(DEMO_PASSWORD)
        user.full_clean(exclude=["password"])
        user.save()
    return user


def _ensure_verified_email(user: Any) -> None:
    EmailAddress.objects.filter(user=user, primary=True).exclude(email=user.email).update(
        primary=False
    )
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


def _ensure_totp(user: Any) -> None:
    """An authenticator with the published demo secret, plus recovery codes."""
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is not None and decrypt(totp.data["secret"]) != DEMO_TOTP_SECRET:
        totp.delete()
        totp = None
    if totp is None:
        TOTP.activate(user, DEMO_TOTP_SECRET)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
        RecoveryCodes.activate(user)


@step(order=10, name="accounts")
def load_accounts(context: DemoContext) -> None:
    """Demo accounts, one per role (password and MFA secret are printed at the end)."""
    for key, email, display_name, role, needs_mfa, flags in ACCOUNTS:
        user = _ensure_user(email, display_name, flags)
        _ensure_verified_email(user)
        if needs_mfa:
            _ensure_totp(user)
        context.users[key] = user
        context.accounts.append(DemoAccount(key=key, email=email, role=role, needs_mfa=needs_mfa))
