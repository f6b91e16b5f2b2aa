"""Test data for monitoring: an adopted plan with units and owners, staff, organizations."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

import factory

from ortak.accounts.tests.factories import UserFactory
from ortak.monitoring.models import Assessment, MonitoringPeriod, Rating
from ortak.monitoring.services.calendar import generate_periods
from ortak.organizations.models import Membership, Municipality, Organization, Unit
from ortak.organizations.tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    OrganizationFactory,
    UnitFactory,
    municipality_membership,
)
from ortak.plans.aggregates import recompute_plan
from ortak.plans.models import Indicator, Measurement, Objective, StrategicPlan
from ortak.plans.tests.factories import (
    ActivityFactory,
    IndicatorFactory,
    ObjectiveFactory,
    PlanFactory,
    with_mfa,
)

Role = Membership.Role


def staff(
    role: str, municipality: Municipality, unit: Unit | None = None, *, mfa: bool = True
) -> Any:
    """A user with a municipality role (and MFA unless ``mfa=False``)."""
    user = UserFactory()
    municipality_membership(role, municipality=municipality, unit=unit, user=user)
    return with_mfa(user) if mfa else user


def member_of(organization: Organization, role: str = Role.MEMBER) -> Any:
    user = UserFactory()
    MembershipFactory(user=user, organization=organization, role=role)
    return user


@dataclass
class Tree:
    """An adopted 2025–2029 plan: one objective owned by ``unit`` with two indicators (one
    owned by ``unit`` and named ``owner``, one by ``other_unit``) and one activity."""

    municipality: Municipality
    plan: StrategicPlan
    unit: Unit
    other_unit: Unit
    objective: Objective
    indicator: Indicator
    other_indicator: Indicator
    activity: Any
    owner: Any


def new_organization(**fields: Any) -> Organization:
    """A verified organization (``verification="pending"`` for one awaiting a moderator)."""
    return cast(Organization, OrganizationFactory(**fields))


def new_municipality() -> Municipality:
    return cast(Municipality, MunicipalityFactory())


def new_unit(**fields: Any) -> Unit:
    return cast(Unit, UnitFactory(**fields))


def new_assessment(**fields: Any) -> Assessment:
    return cast(Assessment, AssessmentFactory(**fields))


def adopted_tree(place: Municipality | None = None) -> Tree:
    place = place or new_municipality()
    fen = new_unit(municipality=place, name="Fen İşleri Müdürlüğü")
    culture = new_unit(municipality=place, name="Kültür İşleri Müdürlüğü")
    plan: StrategicPlan = PlanFactory(  # type: ignore[assignment]
        municipality=place,
        status=StrategicPlan.Status.ADOPTED,
        council_decision_date=datetime.date(2024, 11, 7),
        council_decision_number="2024/112",
    )
    objective: Objective = ObjectiveFactory(aim__plan=plan, responsible_unit=fen)  # type: ignore[assignment]
    owner = staff(Role.RESPONDER, place, fen)
    indicator: Indicator = IndicatorFactory(  # type: ignore[assignment]
        objective=objective, owner_unit=fen, owner=owner, weight=60
    )
    other_indicator: Indicator = IndicatorFactory(  # type: ignore[assignment]
        objective=objective,
        owner_unit=culture,
        weight=40,
        monitoring_frequency=Indicator.Frequency.YEARLY,
    )
    activity = ActivityFactory(objective=objective, plan=plan, code="F1")
    generate_periods(plan=plan)
    return Tree(place, plan, fen, culture, objective, indicator, other_indicator, activity, owner)


def period(plan: StrategicPlan, code: str) -> MonitoringPeriod:
    return MonitoringPeriod.objects.get(plan=plan, code=code)


def measurement(
    indicator: Indicator,
    code: str,
    value: str = "22",
    status: str = Measurement.Status.DRAFT,
    **extra: Any,
) -> Measurement:
    return Measurement.objects.create(
        indicator=indicator,
        period=code,
        year=int(code[:4]),
        is_half_year=code.endswith("-H1"),
        value=Decimal(value),
        status=status,
        **extra,
    )


def publish_value(indicator: Indicator, code: str, value: str = "22", **extra: Any) -> Measurement:
    from django.utils import timezone

    row = measurement(
        indicator, code, value, Measurement.Status.PUBLISHED, published_at=timezone.now(), **extra
    )
    recompute_plan(indicator.plan)
    return row


class AssessmentFactory(factory.django.DjangoModelFactory):
    """An assessment of an objective; pass ``node=`` for another item (its kind is derived)."""

    class Meta:
        model = Assessment
        exclude = ("node",)

    node = factory.SubFactory(ObjectiveFactory)
    plan = factory.LazyAttribute(lambda o: o.node.plan)
    node_kind = factory.LazyAttribute(lambda o: type(o.node).__name__.lower())
    node_id = factory.LazyAttribute(lambda o: o.node.pk)
    period = factory.LazyAttribute(lambda o: generate_periods(plan=o.plan)[0] if o.plan else None)
    organization = factory.SubFactory(OrganizationFactory)
    author = factory.SubFactory(UserFactory)
    rating = Rating.AT_RISK
    narrative = "Mahallede yapılan gözlemlere göre çalışmalar planlanandan yavaş ilerliyor."


__all__ = [
    "AssessmentFactory",
    "Tree",
    "adopted_tree",
    "measurement",
    "member_of",
    "new_assessment",
    "new_municipality",
    "new_organization",
    "new_unit",
    "period",
    "publish_value",
    "staff",
]
