from __future__ import annotations

import time
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from ortak.audit.models import AuditEvent
from ortak.demo.context import DEMO_PASSWORD, DEMO_TOTP_SECRET, DemoContext
from ortak.demo.steps import _registry, all_steps, step
from ortak.demo.steps.accounts import ACCOUNTS
from ortak.notifications.models import Notification
from ortak.organizations import permissions
from ortak.organizations.models import Membership, Municipality, Organization, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _one_pilot_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the loader and its accounts; one pilot plan (Yenimahalle, where the
    demo roles work) stands for all ten, which ``test_pilot_plans`` covers."""
    from ortak.demo.plans import step as plans_step

    monkeypatch.setattr(
        plans_step, "PROFILES", [p for p in plans_step.PROFILES if p.slug == "yenimahalle"]
    )


def _load(**options) -> str:
    out = StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


def _counts() -> dict[str, int]:
    return {
        "users": get_user_model().objects.count(),
        "emails": EmailAddress.objects.count(),
        "authenticators": Authenticator.objects.count(),
        "organizations": Organization.objects.count(),
        "memberships": Membership.objects.count(),
        "units": Unit.objects.count(),
        "municipalities": Municipality.objects.count(),
    }


@pytest.fixture(autouse=True)
def _debug(settings):
    settings.DEBUG = True


def _demo_accounts():  # type: ignore[no-untyped-def]
    """The sign-in accounts of the demo (other steps add authors who never sign in)."""
    return get_user_model().objects.filter(email__in=[email for _key, email, *_ in ACCOUNTS])


def test_loading_twice_neither_fails_nor_duplicates():
    _load()
    first = _counts()
    _load()
    assert _counts() == first
    assert _demo_accounts().count() == len(ACCOUNTS)
    assert first["organizations"] >= 10


def test_the_demo_is_refused_outside_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        _load()
    assert not get_user_model().objects.exists()
    _load(force=True)
    assert _demo_accounts().count() == len(ACCOUNTS)


def test_the_output_lists_every_account_with_its_password_and_the_mfa_secret():
    output = _load()
    for _key, email, *_rest in ACCOUNTS:
        assert email in output
    assert DEMO_PASSWORD in output
    assert DEMO_TOTP_SECRET in output


def test_every_demo_account_has_a_verified_primary_address_and_the_password():
    _load()
    for user in _demo_accounts():
        assert EmailAddress.objects.filter(
            user=user, email=user.email, verified=True, primary=True
        ).exists()
        assert user.check_password(DEMO_PASSWORD)


def test_staff_and_municipality_accounts_have_the_published_totp_secret():
    _load()
    User = get_user_model()
    for _key, email, _name, _role, needs_mfa, _flags in ACCOUNTS:
        user = User.objects.get(email=email)
        totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if not needs_mfa:
            assert totp is None, email
            continue
        assert decrypt(totp.data["secret"]) == DEMO_TOTP_SECRET
    editor = User.objects.get(email="editor@demo.ortak")
    totp = TOTP(Authenticator.objects.get(user=editor, type=Authenticator.Type.TOTP))
    code = format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(time.time()) // 30))
    assert totp.validate_code(code)


def test_every_account_that_holds_a_municipality_role_or_staff_status_has_mfa():
    _load()
    for user in get_user_model().objects.all():
        if user.is_staff or permissions.holds_municipality_role(user):
            assert permissions.has_active_mfa(user), user.email


def test_the_demo_roles_work_in_yenimahalle_and_the_association():
    _load()
    User = get_user_model()
    yenimahalle = Municipality.objects.get(slug="yenimahalle")
    parks = Unit.objects.get(municipality=yenimahalle, slug="park-ve-bahceler-mudurlugu")
    association = Organization.objects.get(slug="ankara-engelsiz-yasam-dernegi")

    def user(email):
        return User.objects.get(email=email)

    assert permissions.is_municipality_editor(user("editor@demo.ortak"), yenimahalle)
    assert permissions.is_municipality_responder(user("yanitlayici@demo.ortak"), yenimahalle, parks)
    assert permissions.can_manage_municipality_staff(
        user("belediye-yonetici@demo.ortak"), yenimahalle
    )
    assert permissions.can_act_for_organization(user("uye@demo.ortak"), association)
    assert permissions.can_manage_organization_members(user("stk-yonetici@demo.ortak"), association)
    assert permissions.is_moderator(user("moderator@demo.ortak"))
    assert not permissions.can_act_for_organization(user("vatandas@demo.ortak"), association)


def test_the_demo_has_verified_and_pending_organizations_in_pilot_cities():
    _load()
    organizations = Organization.objects.select_related("municipality")
    assert {o.verification for o in organizations} == {"verified", "pending"}
    assert all(o.municipality and o.municipality.is_pilot for o in organizations)
    for organization in organizations:
        organization.full_clean()


def test_every_pilot_municipality_gets_units_besides_its_strategy_unit():
    _load()
    for municipality in Municipality.objects.filter(is_pilot=True):
        assert municipality.units.filter(is_strategy_unit=False).count() >= 10
        assert municipality.units.filter(is_strategy_unit=True).count() == 1


def test_a_moderators_decision_survives_a_reload():
    _load()
    organization = Organization.objects.get(slug="kars-kultur-ve-turizm-dernegi")
    organization.verification = Organization.Verification.REJECTED
    organization.verification_note = "Denendi."
    organization.verified_at = organization.created_at
    organization.save()
    _load()
    organization.refresh_from_db()
    assert organization.verification == Organization.Verification.REJECTED


def test_loading_sends_no_notifications_and_writes_no_audit_trail():
    _load()
    assert not Notification.objects.exists()
    assert not AuditEvent.objects.exists()


def test_steps_run_in_order_and_a_new_module_step_is_picked_up():
    names = [s.name for s in all_steps()]
    assert names.index("accounts") < names.index("organizations")

    calls: list[str] = []

    @step(order=99, name="test-extra")
    def extra(context: DemoContext) -> None:
        """An extra step."""
        calls.append(context.user("citizen").email)

    try:
        assert all_steps()[-1].name == "test-extra"
        _load()
        assert calls == ["vatandas@demo.ortak"]
    finally:
        del _registry["test-extra"]
