"""Factories for participation tests: people in their roles, a small plan tree, contributions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import factory
from allauth.mfa.models import Authenticator
from django.utils import timezone

from ortak.accounts.tests.factories import UserFactory
from ortak.organizations.models import Membership, Municipality, Organization, Unit
from ortak.organizations.tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    OrganizationFactory,
    UnitFactory,
)
from ortak.participation.models import Comment, Contribution
from ortak.participation.targets import Target, target_of
from ortak.plans.models import Activity, Aim, Indicator, NodeKind, Objective, StrategicPlan

Role = Membership.Role


def with_mfa(user: Any) -> Any:
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return user


def verified_organization(**kwargs: Any) -> Organization:
    kwargs.setdefault("verification", Organization.Verification.VERIFIED)
    if kwargs["verification"] != Organization.Verification.PENDING:
        kwargs.setdefault("verified_at", timezone.now())
    if kwargs["verification"] == Organization.Verification.REJECTED:
        kwargs.setdefault("verification_note", "Kayıt bulunamadı.")
    organization: Organization = OrganizationFactory(**kwargs)  # type: ignore[assignment]
    return organization


def pending_organization(**kwargs: Any) -> Organization:
    return verified_organization(verification=Organization.Verification.PENDING, **kwargs)


def staff(
    role: str, municipality: Municipality, unit: Unit | None = None, *, mfa: bool = True
) -> Any:
    user = UserFactory()
    MembershipFactory(user=user, role=role, municipality=municipality, organization=None, unit=unit)
    return with_mfa(user) if mfa else user


def member_of(organization: Organization, role: str = Role.MEMBER) -> Any:
    user = UserFactory()
    MembershipFactory(user=user, role=role, organization=organization)
    return user


@dataclass
class PlanTree:
    municipality: Municipality
    strategy_unit: Unit
    unit: Unit
    plan: StrategicPlan
    aim: Aim
    objective: Objective
    indicator: Indicator
    activity: Activity

    def target(self, kind: str = NodeKind.OBJECTIVE) -> Target:
        nodes: dict[str, Any] = {
            NodeKind.PLAN: self.plan,
            NodeKind.AIM: self.aim,
            NodeKind.OBJECTIVE: self.objective,
            NodeKind.INDICATOR: self.indicator,
            NodeKind.ACTIVITY: self.activity,
        }
        return target_of(nodes[kind])


def plan_tree(
    *,
    municipality: Municipality | None = None,
    status: str = StrategicPlan.Status.ADOPTED,
    objective_unit: bool = True,
    **municipality_fields: Any,
) -> PlanTree:
    """A published plan with one aim, objective (owned by a unit), indicator and activity."""
    if municipality is None:
        municipality = MunicipalityFactory(**municipality_fields)  # type: ignore[assignment]
    assert municipality is not None
    strategy_unit: Unit = UnitFactory(  # type: ignore[assignment]
        municipality=municipality, name="Strateji Geliştirme Müdürlüğü", is_strategy_unit=True
    )
    unit: Unit = UnitFactory(  # type: ignore[assignment]
        municipality=municipality, name="Park ve Bahçeler Müdürlüğü"
    )
    plan = StrategicPlan.objects.create(
        municipality=municipality,
        start_year=2025,
        end_year=2029,
        title=f"{municipality.name} Stratejik Planı 2025-2029",
        status=status,
        mission="Katılımcı ve şeffaf hizmet.",
    )
    aim = Aim.objects.create(plan=plan, number=1, code="1", title="Yeşil ve yaşanabilir kent")
    objective = Objective.objects.create(
        plan=plan,
        aim=aim,
        number=1,
        code="1.1",
        title="Kişi başına yeşil alanı artırmak",
        responsible_unit=unit if objective_unit else None,
    )
    indicator = Indicator.objects.create(
        plan=plan, objective=objective, number=1, code="1.1.1", name="Kişi başına yeşil alan (m²)"
    )
    activity = Activity.objects.create(
        plan=plan, objective=objective, code="F1", name="Mahalle parkları yapımı"
    )
    return PlanTree(municipality, strategy_unit, unit, plan, aim, objective, indicator, activity)


class ContributionFactory(factory.django.DjangoModelFactory):
    """A contribution written straight to the table (for list and figure tests; services are
    tested through their own calls)."""

    class Meta:
        model = Contribution

    kind = Contribution.Kind.SUGGESTION
    plan = factory.LazyAttribute(lambda o: o.tree.plan)
    node_kind = NodeKind.OBJECTIVE
    node_id = factory.LazyAttribute(lambda o: o.tree.objective.pk)
    municipality = factory.LazyAttribute(lambda o: o.tree.municipality)
    unit = factory.LazyAttribute(lambda o: o.tree.unit)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Öneri {n}: parklara gölgelik")
    text = "Parklara gölgelik ve içme suyu konulsun."
    created_at = factory.LazyFunction(timezone.now)
    due_at = factory.LazyAttribute(lambda o: o.created_at + timedelta(days=30))

    class Params:
        tree: PlanTree | None = None


def bulk_contributions(
    tree: PlanTree,
    count: int,
    *,
    authors: list[Any],
    organization: Organization | None = None,
    received: datetime | None = None,
) -> list[Contribution]:
    """Many contributions in one insert, spread over the tree's nodes, kinds and statuses."""
    received = received or timezone.now() - timedelta(days=40)
    nodes = [
        (NodeKind.OBJECTIVE, tree.objective.pk),
        (NodeKind.INDICATOR, tree.indicator.pk),
        (NodeKind.ACTIVITY, tree.activity.pk),
        (NodeKind.AIM, tree.aim.pk),
        (NodeKind.PLAN, tree.plan.pk),
    ]
    rows = []
    for i in range(count):
        kind, node_id = nodes[i % len(nodes)]
        is_offer = organization is not None and i % 4 == 0
        created = received + timedelta(hours=i)
        answered = created + timedelta(days=i % 45) if i % 3 else None
        rows.append(
            Contribution(
                kind=Contribution.Kind.OFFER if is_offer else Contribution.Kind.SUGGESTION,
                plan=tree.plan,
                node_kind=kind,
                node_id=node_id,
                municipality=tree.municipality,
                unit=tree.unit if i % 2 else tree.strategy_unit,
                author=authors[i % len(authors)],
                organization=organization if is_offer else None,
                title=f"Katkı {i}",
                text="Metin",
                offered=["expertise"] if is_offer else [],
                contact_name="Ayşe" if is_offer else "",
                contact_email="ayse@example.org" if is_offer else "",
                status=(
                    Contribution.Status.UNDER_REVIEW if answered else Contribution.Status.RECEIVED
                ),
                created_at=created,
                due_at=created + timedelta(days=30),
                first_answered_at=answered,
                answered_within_deadline=(answered <= created + timedelta(days=30))
                if answered
                else None,
                support_count=i % 7,
                comment_count=i % 5,
            )
        )
    return Contribution.objects.bulk_create(rows)


def comment(contribution: Contribution, author: Any, text: str = "Katılıyorum.") -> Comment:
    return Comment.objects.create(
        plan_id=contribution.plan_id,
        node_kind=contribution.node_kind,
        node_id=contribution.node_id,
        contribution=contribution,
        author=author,
        text=text,
    )
