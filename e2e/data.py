"""Data the flows start from, built with the project's factories (each test has its own database;
the reference data of the migrations — provinces, pilot municipalities, the privacy notice — is
restored before every test)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)

from ortak.accounts.models import Consent, User
from ortak.accounts.selectors import current_privacy_notice
from ortak.accounts.tests.factories import UserFactory
from ortak.organizations.models import Membership, Municipality, Organization, Province, Unit
from ortak.organizations.tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    OrganizationFactory,
    UnitFactory,
    municipality_membership,
)
from ortak.participation.targets import Target, load_target
from ortak.plans.models import Aim, Indicator, Objective, StrategicPlan
from ortak.plans.tests.factories import build_plan

# A name whose Turkish letters (I/ı, Ş, İ) exercise case folding in search and sorting.
TOWN_NAME = "Işıklıkent Belediyesi"


@dataclass(frozen=True)
class Town:
    municipality: Municipality
    unit: Unit
    plan: StrategicPlan


def town_with_plan() -> Town:
    """A pilot district municipality with an adopted 2025–2029 plan: 2 aims × 2 objectives × 3
    indicators, published values, two activities per objective."""
    province = Province.objects.get(code=6)
    municipality = MunicipalityFactory(
        name=TOWN_NAME, slug="isiklikent", province=province, is_pilot=True, population=180_000
    )
    unit = UnitFactory(municipality=municipality, name="Strateji Geliştirme Müdürlüğü")
    plan = build_plan(
        municipality=municipality,
        aims=2,
        objectives_per_aim=2,
        indicators_per_objective=3,
        activities_per_objective=2,
        unit=unit,
    )
    return Town(municipality=municipality, unit=unit, plan=plan)


PASSWORD = "Kırmızı-Elma-2026!"  # long, not common, not similar to the e-mail


@dataclass(frozen=True)
class Person:
    user: User
    email: str
    password: str
    totp_secret: str | None = None

    def totp_code(self) -> str:
        """The authenticator app's current six-digit code."""
        assert self.totp_secret is not None, f"{self.email} has no authenticator"
        counter = int(time.time()) // 30
        return format_hotp_value(hotp_value(self.totp_secret, counter))


def person(
    email: str,
    *,
    language: str = "tr",
    display_name: str = "",
    mfa: bool = False,
    **fields: object,
) -> Person:
    """An account that can log in: verified e-mail, the current privacy notice accepted, and
    (``mfa=True``) an authenticator app whose codes the test can compute."""
    user: User = UserFactory(  # type: ignore[assignment]
        email=email,
        display_name=display_name or email.split("@")[0].title(),
        preferred_language=language,
        password=PASSWORD,
        **fields,
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    notice = current_privacy_notice()
    if notice is not None:
        Consent.objects.create(user=user, notice=notice, source=Consent.Source.SIGNUP)
    secret = None
    if mfa:
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
        RecoveryCodes.activate(user)
    return Person(user=user, email=email, password=PASSWORD, totp_secret=secret)


def responder_of(
    town: Town, email: str = "yanit@isiklikent.example.org", **fields: object
) -> Person:
    """Staff of the town's unit (the one responsible for every objective), with MFA."""
    staff = person(email, mfa=True, **fields)  # type: ignore[arg-type]
    municipality_membership(
        Membership.Role.RESPONDER, municipality=town.municipality, unit=town.unit, user=staff.user
    )
    return staff


def node(town: Town, kind: str, code: str) -> Target:
    """A plan node of the town's plan as a participation target (``objective``, ``1.2``)."""
    model = {"aim": Aim, "objective": Objective, "indicator": Indicator}[kind]
    return load_target(kind, model.objects.get(plan=town.plan, code=code).pk)


def verified_organization(town: Town, admin: Person, name: str) -> Organization:
    organization: Organization = OrganizationFactory(  # type: ignore[assignment]
        name=name, municipality=town.municipality, province=town.municipality.province
    )
    MembershipFactory(
        organization=organization, user=admin.user, role=Membership.Role.ORGANIZATION_ADMIN
    )
    return organization
