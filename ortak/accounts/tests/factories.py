"""Users for tests, and helpers to give them a verified address, MFA or a consent.

Other apps' tests may use these: a municipality role or staff status needs MFA
(``with_mfa=True`` or ``activate_totp``) before pages let the user act.
"""

from __future__ import annotations

import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value

from ortak.accounts.models import Consent, PrivacyNotice, User

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Kullanıcı {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create:
            obj.save()

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        """``UserFactory(verified=True)``: a confirmed primary address, as after sign-up."""
        if create and extracted:
            verify_email(obj)

    @factory.post_generation
    def with_mfa(obj, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        """``UserFactory(with_mfa=True)``: an activated authenticator app."""
        if create and extracted:
            activate_totp(obj)

    @factory.post_generation
    def consented(obj, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        """``UserFactory(consented=True)``: accepted the current privacy notice."""
        if create and extracted:
            accept_current_notice(obj)


class StaffFactory(UserFactory):
    is_staff = True


def verify_email(user: User) -> EmailAddress:
    address, _created = EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return address


def activate_totp(user: User, *, recovery_codes: bool = True) -> str:
    """Activate an authenticator app for ``user`` and return its secret (for ``totp_code``)."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    if recovery_codes:
        RecoveryCodes.activate(user)
    if hasattr(user, "_ortak_has_mfa"):
        del user._ortak_has_mfa
    return secret


def totp_code(secret: str) -> str:
    """The code an authenticator app shows right now for ``secret``."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def totp_secret_of(user: User) -> str:
    return Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]


def accept_current_notice(user: User) -> Consent:
    notice = PrivacyNotice.objects.order_by("-version").first()
    assert notice is not None, "the first privacy notice is created by a migration"
    consent, _created = Consent.objects.get_or_create(
        user=user, notice=notice, defaults={"source": Consent.Source.SIGNUP}
    )
    return consent
