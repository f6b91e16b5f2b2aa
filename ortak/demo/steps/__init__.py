"""The ordered steps of ``manage.py load_demo``.

A step is a function ``(context: DemoContext) -> None`` in a module of this package, registered
with ``@step(order=…, name=…)``. Every module here is imported by ``all_steps()``, so adding a
step is adding a file, e.g. ``ortak/demo/steps/plans.py``::

    from ortak.demo.steps import step

    @step(order=30, name="plans")
    def load_plans(context):
        yenimahalle = Municipality.objects.get(slug="yenimahalle")
        editor = context.user("editor")
        ...

Steps must be idempotent: running ``load_demo`` twice neither fails nor duplicates (look rows up
by a natural key such as a slug, then create or update). Orders in use: 10 accounts,
20 organizations (units, organizations, memberships); leave gaps for new steps.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from ortak.demo.context import DemoContext

StepFunction = Callable[[DemoContext], None]


@dataclass(frozen=True)
class Step:
    order: int
    name: str
    run: StepFunction
    description: str


_registry: dict[str, Step] = {}


def step(*, order: int, name: str) -> Callable[[StepFunction], StepFunction]:
    """Register a demo step; the function's docstring's first line describes it."""

    def decorator(function: StepFunction) -> StepFunction:
        description = (function.__doc__ or name).strip().splitlines()[0]
        _registry[name] = Step(order=order, name=name, run=function, description=description)
        return function

    return decorator


def all_steps() -> list[Step]:
    """Every registered step, in order (modules of this package are imported first)."""
    for module in pkgutil.iter_modules(__path__):
        import_module(f"{__name__}.{module.name}")
    return sorted(_registry.values(), key=lambda s: (s.order, s.name))
