"""Resolving plan-node references (see models/references.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import models

from ortak.plans.models import Activity, Aim, Indicator, NodeKind, Objective, StrategicPlan

NODE_MODELS: dict[str, type[models.Model]] = {
    NodeKind.PLAN: StrategicPlan,
    NodeKind.AIM: Aim,
    NodeKind.OBJECTIVE: Objective,
    NodeKind.INDICATOR: Indicator,
    NodeKind.ACTIVITY: Activity,
}


def kind_of(node: models.Model) -> str:
    for kind, model in NODE_MODELS.items():
        if isinstance(node, model):
            return kind
    raise TypeError(f"{type(node).__name__} is not a plan node")


def plan_of(node: models.Model) -> StrategicPlan:
    if isinstance(node, StrategicPlan):
        return node
    return node.plan  # type: ignore[attr-defined,no-any-return]


def resolve_node(kind: str, node_id: int) -> models.Model:
    return NODE_MODELS[kind]._default_manager.get(pk=node_id)


def resolve_many(refs: Iterable[tuple[str, int]]) -> dict[tuple[str, int], models.Model]:
    """Resolve many (kind, id) pairs with one query per kind."""
    by_kind: dict[str, set[int]] = defaultdict(set)
    for kind, node_id in refs:
        by_kind[kind].add(node_id)
    found: dict[tuple[str, int], models.Model] = {}
    for kind, ids in by_kind.items():
        for obj in NODE_MODELS[kind]._default_manager.filter(pk__in=ids):
            found[(kind, obj.pk)] = obj
    return found
