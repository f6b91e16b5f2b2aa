"""The ``load_demo`` step that loads the ten pilots' 2025–2029 plans.

Idempotent: a pilot whose 2025 plan exists is skipped, so running the demo twice duplicates
nothing. With ``reset=True`` (``context.objects["reset_plans"]`` in the step) the existing 2025
plan is deleted first, with everything that hangs on it (participation items included), and
generated again. A pilot municipality that is missing (reference data not loaded) is reported and
skipped.

The step registers itself with ``ortak.demo.steps`` when this module is imported; the steps
package imports only its own modules, so ``ortak/demo/steps/plans.py`` imports this one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection

from django.db import transaction

from ortak.demo.context import DemoContext
from ortak.demo.plans.content import PROFILES
from ortak.demo.plans.generator import build_plan
from ortak.demo.plans.writer import START_YEAR, write_plan
from ortak.demo.steps import step
from ortak.organizations.models import Municipality
from ortak.plans.models import StrategicPlan

PILOT_SLUGS: tuple[str, ...] = tuple(profile.slug for profile in PROFILES)


def load_pilot_plans(
    out: Callable[[str], None], *, reset: bool = False, only: Collection[str] | None = None
) -> list[StrategicPlan]:
    """Write the pilots' plans that are not there yet (all of them with ``reset``).

    ``only`` limits the run to some pilots' slugs (tests load one or two plans, not ten).
    """
    started = time.monotonic()
    profiles = [p for p in PROFILES if only is None or p.slug in only]
    slugs = [profile.slug for profile in profiles]
    municipalities = Municipality.objects.in_bulk(slugs, field_name="slug")
    existing = set(
        StrategicPlan.objects.filter(
            municipality__slug__in=slugs, start_year=START_YEAR
        ).values_list("municipality__slug", flat=True)
    )
    written = []
    for profile in profiles:
        municipality = municipalities.get(profile.slug)
        if municipality is None:
            out(f"  {profile.slug} is not in the database: its plan is skipped")
            continue
        if profile.slug in existing and not reset:
            continue
        with transaction.atomic():
            StrategicPlan.objects.filter(municipality=municipality, start_year=START_YEAR).delete()
            written.append(write_plan(build_plan(profile), municipality))
    out(
        f"  {len(written)} pilot plan(s) written, {len(profiles) - len(written)} left as they "
        f"were ({time.monotonic() - started:.1f} s)"
    )
    return written


@step(order=30, name="plans")
def load_plans(context: DemoContext) -> None:
    """The ten pilots' 2025–2029 strategic plans with values for 2025-H1, 2025 and 2026-H1."""
    load_pilot_plans(context.out, reset=bool(context.objects.get("reset_plans", False)))
