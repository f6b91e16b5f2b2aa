"""Factories for plans, and ``build_plan``: a realistic plan tree in a handful of queries.

Used by all plans tests (core, import/export, public pages) and by other apps' tests.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import factory
from allauth.mfa.models import Authenticator

from ortak.accounts.tests.factories import UserFactory
from ortak.organizations.models import Membership, Municipality, Unit
from ortak.organizations.tests.factories import MunicipalityFactory, municipality_membership
from ortak.plans.aggregates import recompute_plan
from ortak.plans.models import (
    Activity,
    ActivityCost,
    Aim,
    Indicator,
    IndicatorTarget,
    Measurement,
    Objective,
    StrategicPlan,
)


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StrategicPlan

    municipality = factory.SubFactory(MunicipalityFactory)
    start_year = 2025
    end_year = 2029
    title = factory.LazyAttribute(
        lambda o: f"{o.municipality.name} Stratejik Planı {o.start_year}-{o.end_year}"
    )
    status = StrategicPlan.Status.DRAFT
    mission = "Kentimize katılımcı ve şeffaf hizmet sunmak."
    vision = "Yaşanabilir, adil ve yeşil bir kent."


class AimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aim

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    code = factory.LazyAttribute(lambda o: str(o.number))
    title = factory.Sequence(lambda n: f"Katılımcı yönetişimi güçlendirmek ({n})")


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    aim = factory.SubFactory(AimFactory)
    plan = factory.SelfAttribute("aim.plan")
    number = factory.Sequence(lambda n: n + 1)
    code = factory.LazyAttribute(lambda o: f"{o.aim.code}.{o.number}")
    title = factory.Sequence(lambda n: f"Kent konseyiyle ortak çalışmaları artırmak ({n})")


class IndicatorFactory(factory.django.DjangoModelFactory):
    """An indicator with one target per plan year (``targets=[...]`` to choose them).

    Default targets rise linearly from the baseline: 20, 30, 40, 50, 60 for a baseline of 10.
    """

    class Meta:
        model = Indicator
        skip_postgeneration_save = True

    objective = factory.SubFactory(ObjectiveFactory)
    plan = factory.SelfAttribute("objective.plan")
    number = factory.Sequence(lambda n: n + 1)
    code = factory.LazyAttribute(lambda o: f"{o.objective.code}.{o.number}")
    name = factory.Sequence(lambda n: f"Düzenlenen katılım toplantısı sayısı ({n})")
    unit_of_measure = "adet"
    weight = Decimal(100)
    baseline = Decimal(10)
    baseline_year = 2024
    direction = Indicator.Direction.INCREASING
    kind = Indicator.Kind.CUMULATIVE

    @factory.post_generation
    def targets(obj: Indicator, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create or extracted is False:
            return
        years = obj.plan.years
        if extracted is None:
            base = obj.baseline or Decimal(0)
            extracted = [base + 10 * (i + 1) for i in range(len(years))]
        IndicatorTarget.objects.bulk_create(
            IndicatorTarget(indicator=obj, year=year, value=Decimal(value))
            for year, value in zip(years, extracted, strict=False)
        )


class IndicatorTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorTarget

    indicator = factory.SubFactory(IndicatorFactory, targets=False)
    year = 2025
    value = Decimal(20)


class MeasurementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    period = "2025"
    year = factory.LazyAttribute(lambda o: int(o.period[:4]))
    is_half_year = factory.LazyAttribute(lambda o: o.period.endswith("-H1"))
    value = Decimal(22)
    status = Measurement.Status.PUBLISHED


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    objective = factory.SubFactory(ObjectiveFactory)
    plan = factory.SelfAttribute("objective.plan")
    code = factory.Sequence(lambda n: f"F{n + 1}")
    name = factory.Sequence(lambda n: f"Mahalle forumları düzenlenmesi ({n})")


class ActivityCostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityCost

    activity = factory.SubFactory(ActivityFactory)
    year = 2025
    planned = Decimal("100000.00")


def _weights(count: int) -> list[Decimal]:
    """Weights summing to exactly 100 with three decimals: 33.333, 33.333, 33.334."""
    share = (Decimal(100) / count).quantize(Decimal("0.001"))
    return [share] * (count - 1) + [Decimal(100) - share * (count - 1)]


def build_plan(
    *,
    aims: int = 3,
    objectives_per_aim: int = 2,
    indicators_per_objective: int = 3,
    activities_per_objective: int = 0,
    municipality: Municipality | None = None,
    status: str = StrategicPlan.Status.ADOPTED,
    start_year: int = 2025,
    measurements: bool = True,
    unit: Unit | None = None,
    recompute: bool = True,
) -> StrategicPlan:
    """A realistic plan tree built with ``bulk_create`` (a few queries whatever its size).

    Indicators alternate increasing/decreasing and cumulative/periodic, weights sum to 100 per
    objective, every plan year has a target, and (with ``measurements``) most indicators have a
    published value for the first year and cumulative ones also for the second year's H1; every
    fifth indicator reports nothing. Aggregates are computed unless ``recompute=False``.
    """
    plan: StrategicPlan = PlanFactory(  # type: ignore[assignment]
        municipality=municipality or MunicipalityFactory(),
        status=status,
        start_year=start_year,
        end_year=start_year + 4,
    )
    years = plan.years
    aim_rows = Aim.objects.bulk_create(
        Aim(plan=plan, number=a, code=str(a), title=f"Amaç {a}: kentte yaşam kalitesini artırmak")
        for a in range(1, aims + 1)
    )
    objective_rows = Objective.objects.bulk_create(
        Objective(
            plan=plan,
            aim=aim,
            number=o,
            code=f"{aim.code}.{o}",
            title=f"Hedef {aim.code}.{o}: hizmetlere erişimi kolaylaştırmak",
            responsible_unit=unit,
            strategies="Mahalle ölçeğinde katılımcı planlama.",
        )
        for aim in aim_rows
        for o in range(1, objectives_per_aim + 1)
    )
    indicators: list[Indicator] = []
    weights = _weights(indicators_per_objective) if indicators_per_objective else []
    for objective in objective_rows:
        for i in range(1, indicators_per_objective + 1):
            n = len(indicators)
            decreasing = n % 4 == 3
            indicators.append(
                Indicator(
                    plan=plan,
                    objective=objective,
                    number=i,
                    code=f"{objective.code}.{i}",
                    name=f"Gösterge {objective.code}.{i}",
                    unit_of_measure="%" if decreasing else "adet",
                    weight=weights[i - 1],
                    baseline=Decimal(60 if decreasing else 10 + n % 7),
                    baseline_year=start_year - 1,
                    direction=(
                        Indicator.Direction.DECREASING
                        if decreasing
                        else Indicator.Direction.INCREASING
                    ),
                    kind=Indicator.Kind.PERIODIC if n % 3 == 2 else Indicator.Kind.CUMULATIVE,
                    owner_unit=unit,
                )
            )
    Indicator.objects.bulk_create(indicators)
    targets = []
    values = []
    for n, indicator in enumerate(indicators):
        assert indicator.baseline is not None
        step = Decimal(-8) if indicator.direction == Indicator.Direction.DECREASING else Decimal(10)
        for k, year in enumerate(years):
            targets.append(
                IndicatorTarget(
                    indicator=indicator, year=year, value=indicator.baseline + step * (k + 1)
                )
            )
        if not measurements or n % 5 == 4:
            continue
        first = indicator.baseline + step * Decimal(n % 6 + 5) / 10  # 50 %–100 % of year 1
        values.append(_measurement(indicator, str(start_year), first))
        if indicator.kind == Indicator.Kind.CUMULATIVE:
            values.append(_measurement(indicator, f"{start_year + 1}-H1", first + step / 2))
    IndicatorTarget.objects.bulk_create(targets)
    Measurement.objects.bulk_create(values)
    if activities_per_objective:
        activities = Activity.objects.bulk_create(
            Activity(
                plan=plan,
                objective=objective,
                code=f"{objective.code}.F{a}",
                name=f"Faaliyet {objective.code}.{a}",
                responsible_unit=unit,
            )
            for objective in objective_rows
            for a in range(1, activities_per_objective + 1)
        )
        ActivityCost.objects.bulk_create(
            ActivityCost(activity=activity, year=year, planned=Decimal("250000.00"))
            for activity in activities
            for year in years
        )
    if recompute:
        recompute_plan(plan)
    return plan


def _measurement(indicator: Indicator, period: str, value: Decimal) -> Measurement:
    return Measurement(
        indicator=indicator,
        period=period,
        year=int(period[:4]),
        is_half_year=period.endswith("-H1"),
        value=value,
        status=Measurement.Status.PUBLISHED,
    )


def with_mfa(user: Any) -> Any:
    """Give the user an active TOTP authenticator (municipality powers need MFA)."""
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    return user


def plan_editor(
    municipality: Municipality, *, role: str = Membership.Role.EDITOR, mfa: bool = True
) -> Any:
    """A user holding ``role`` in the municipality, with MFA unless ``mfa=False``."""
    user = UserFactory()
    municipality_membership(role, municipality=municipality, user=user)
    return with_mfa(user) if mfa else user
