"""Plan nodes as targets of participation: parsing ``kind:id``, routing and links.

A contribution goes to the unit responsible for its target: the objective's responsible unit,
an indicator's owner unit (else its objective's), an activity's responsible unit (else its
objective's). Plans and aims have none; then, as for targets without one, the strategy unit
answers (Unit.is_strategy_unit), and when the municipality has none either, every responder of
the municipality sees it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.urls import NoReverseMatch, reverse

from ortak.organizations.models import Municipality, Unit
from ortak.plans.models import Activity, Aim, Indicator, NodeKind, Objective, StrategicPlan
from ortak.plans.nodes import NODE_MODELS, kind_of, plan_of


class BadTarget(ValueError):
    """The ``hedef`` parameter does not name a plan node."""


@dataclass(frozen=True)
class Target:
    kind: str
    node: models.Model
    plan: StrategicPlan

    @property
    def node_id(self) -> int:
        return int(self.node.pk)

    @property
    def municipality(self) -> Municipality:
        return self.plan.municipality

    @property
    def label(self) -> str:
        return node_label(self.kind, self.node)

    @property
    def token(self) -> str:
        """The ``hedef`` value that names this target in URLs: ``objective:12``."""
        return f"{self.kind}:{self.node_id}"


def parse_target(value: str | None) -> tuple[str, int]:
    kind, _, raw_id = (value or "").partition(":")
    if kind not in NODE_MODELS or not raw_id.isdigit():
        raise BadTarget(value)
    return kind, int(raw_id)


def load_target(kind: str, node_id: int) -> Target:
    """The node with its plan and municipality (two queries at most)."""
    model = NODE_MODELS.get(kind)
    if model is None:
        raise BadTarget(kind)
    queryset = model._default_manager.all()
    if kind == NodeKind.PLAN:
        queryset = queryset.select_related("municipality")
    else:
        queryset = queryset.select_related("plan__municipality")
    node = queryset.filter(pk=node_id).first()
    if node is None:
        raise BadTarget(f"{kind}:{node_id}")
    return Target(kind=kind, node=node, plan=plan_of(node))


def target_of(node: models.Model) -> Target:
    return Target(kind=kind_of(node), node=node, plan=plan_of(node))


def node_label(kind: str, node: models.Model) -> str:
    if kind == NodeKind.PLAN:
        assert isinstance(node, StrategicPlan)
        return node.title
    return str(node)


def responsible_unit(target: Target) -> Unit | None:
    """The unit that answers for the target, before the strategy-unit fallback."""
    node = target.node
    unit_id: int | None = None
    if isinstance(node, Objective):
        unit_id = node.responsible_unit_id
    elif isinstance(node, Indicator):
        unit_id = node.owner_unit_id or node.objective.responsible_unit_id
    elif isinstance(node, Activity):
        unit_id = node.responsible_unit_id or node.objective.responsible_unit_id
    if unit_id is None:
        return None
    return Unit.objects.filter(pk=unit_id, municipality_id=target.plan.municipality_id).first()


def route(target: Target) -> Unit | None:
    """The responsible unit, else the strategy unit, else nobody in particular."""
    unit = responsible_unit(target)
    if unit is not None:
        return unit
    return Unit.objects.filter(
        municipality_id=target.plan.municipality_id, is_strategy_unit=True
    ).first()


def node_public_url(kind: str, node: models.Model, plan: StrategicPlan, slug: str) -> str:
    """The node's page in the plans app, or ours while that page does not exist."""
    base = [slug, plan.start_year, plan.end_year]
    try:
        if kind == NodeKind.PLAN:
            return reverse("plans:plan_detail", args=base)
        if isinstance(node, Aim):
            return reverse("plans:aim_detail", args=[*base, node.code])
        if isinstance(node, Objective):
            return reverse("plans:objective_detail", args=[*base, node.code])
        if isinstance(node, Indicator):
            return reverse("plans:indicator_detail", args=[*base, node.code])
        if isinstance(node, Activity):
            # Activities have no page of their own: the list, at their objective's table.
            return reverse("plans:activity_list", args=base) + f"#objective-{node.objective_id}"
    except NoReverseMatch:
        pass
    return reverse("participation:node", args=[kind, node.pk])
