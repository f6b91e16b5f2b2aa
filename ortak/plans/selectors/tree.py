"""The plan tree as public pages show it: plans, aims, objectives, indicators with their figures.

A "lens" is either the plan lens (``year=None``, the default on public pages) or the year lens of
one plan year (ARCHITECTURE §4 rule 3), read from ``realization_by_year``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from ortak.organizations.models import Municipality
from ortak.plans.models import (
    Aim,
    FigureRevision,
    Indicator,
    IndicatorTarget,
    Measurement,
    Objective,
    StrategicPlan,
)
from ortak.plans.numbers import decimals_needed
from ortak.plans.permissions import can_view_plan

# --- Lenses and figures ---------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """What a page shows for one node in one lens.

    ``realization`` is clamped to 0–100 (rule 4); ``raw`` (indicators only) is the unclamped
    value shown next to it; ``coverage`` (aims, objectives, plans) is the share of the weight
    that has a value (rule 5). ``None`` means not reported.
    """

    realization: Decimal | None = None
    coverage: Decimal | None = None
    raw: Decimal | None = None
    value: Decimal | None = None
    period: str = ""

    @property
    def reported(self) -> bool:
        return self.realization is not None

    @property
    def over_achieved(self) -> bool:
        """Rule 4: raw realization above 100 needs an explanation."""
        return self.raw is not None and self.raw > 100


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _year_entry(node: Any, year: int) -> dict[str, Any]:
    by_year = node.realization_by_year or {}
    entry = by_year.get(str(year), by_year.get(year))  # JSON keys are strings
    return entry if isinstance(entry, dict) else {}


def node_figures(node: StrategicPlan | Aim | Objective, year: int | None = None) -> Figures:
    """The stored figures of a plan, aim or objective in the plan lens or a year lens."""
    if year is None:
        return Figures(realization=node.realization, coverage=node.coverage)
    entry = _year_entry(node, year)
    return Figures(
        realization=_decimal(entry.get("realization")), coverage=_decimal(entry.get("coverage"))
    )


def indicator_figures(indicator: Indicator, year: int | None = None) -> Figures:
    """The stored figures of an indicator in the plan lens or a year lens (raw and clamped).

    In the plan lens ``value``/``period`` are the latest published value; the year lens stores
    only the realization (``aggregates``), the value it used is read by ``indicator_years``.
    """
    if year is None:
        return Figures(
            realization=indicator.realization,
            raw=indicator.realization_raw,
            value=indicator.latest_value,
            period=indicator.latest_period,
        )
    entry = _year_entry(indicator, year)
    return Figures(
        realization=_decimal(entry.get("realization")),
        raw=_decimal(entry.get("raw")),
        coverage=_decimal(entry.get("coverage")),
    )


def parse_year(plan: StrategicPlan, text: str | None) -> int | None:
    """The year lens asked for in ``?yil=``; the plan lens when absent or not a plan year."""
    if not text or not text.strip().isdigit():
        return None
    year = int(text)
    return year if plan.start_year <= year <= plan.end_year else None


@dataclass(frozen=True)
class Row:
    """One node of the tree as a page shows it: the object, its figures, its children."""

    node: Any
    figures: Figures
    children: list[Row] = field(default_factory=list)


# --- Plans ----------------------------------------------------------------------------


def plan_by_period(*, slug: str, start_year: int, end_year: int) -> StrategicPlan | None:
    """One query (with the revision chain's recorded head, for ``verify_chain``). Visibility
    (drafts) is the view's business: ``permissions.can_view_plan``."""
    return (
        StrategicPlan.objects.select_related(
            "municipality", "municipality__province", "revision_head"
        )
        .filter(municipality__slug=slug, start_year=start_year, end_year=end_year)
        .first()
    )


def plan_visible_to(
    user: Any, *, slug: str, start_year: int, end_year: int
) -> StrategicPlan | None:
    """The plan of that period if ``user`` may see it (``permissions.can_view_plan``), else None.

    Every page and download of one plan reads it this way, so that a draft answers exactly as a
    plan that does not exist. One query (three for a signed-in reader of a draft).
    """
    plan = plan_by_period(slug=slug, start_year=start_year, end_year=end_year)
    if plan is None or not can_view_plan(user, plan):
        return None
    return plan


def municipality_by_slug(slug: str) -> Municipality | None:
    """One query."""
    return Municipality.objects.filter(slug=slug).first()


def public_plans_of(municipality: Municipality) -> QuerySet[StrategicPlan]:
    """Non-draft plans of a municipality, newest first."""
    return (
        StrategicPlan.objects.filter(municipality=municipality)
        .exclude(status=StrategicPlan.Status.DRAFT)
        .select_related("municipality")
        .order_by("-start_year")
    )


def current_plan(municipality: Municipality) -> StrategicPlan | None:
    """The plan a visitor expects to see (see ``pick_current``). One query."""
    return pick_current(list(public_plans_of(municipality)))


def pick_current(plans: list[StrategicPlan]) -> StrategicPlan | None:
    """The public plan that covers this year, else the newest public plan.

    Among plans covering this year the adopted one comes first, then one in public consultation
    (the one being discussed), then an archived one.
    """
    if not plans:
        return None
    this_year = timezone.localdate().year
    rank: dict[str, int] = {
        StrategicPlan.Status.ADOPTED: 0,
        StrategicPlan.Status.CONSULTATION: 1,
        StrategicPlan.Status.ARCHIVED: 2,
    }

    def key(plan: StrategicPlan) -> tuple[int, int, int]:
        covers = plan.start_year <= this_year <= plan.end_year
        return (0 if covers else 1, rank.get(plan.status, 3) if covers else 0, -plan.start_year)

    return min(plans, key=key)


def aim_rows(plan: StrategicPlan, year: int | None = None) -> list[Row]:
    """The plan's aims with their objectives, both with figures. Two queries."""
    aims = Aim.objects.filter(plan=plan).prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.order_by("number"))
    )
    return [
        Row(
            node=aim,
            figures=node_figures(aim, year),
            children=[Row(o, node_figures(o, year)) for o in aim.objectives.all()],
        )
        for aim in aims
    ]


@dataclass(frozen=True)
class PlanSummary:
    """The plan section of a municipality page."""

    plan: StrategicPlan
    figures: Figures
    aims: list[Row]
    other_plans: list[StrategicPlan]


def current_plan_summary(municipality: Municipality) -> PlanSummary | None:
    """The current public plan with its aims' figures, for ``/belediyeler/<slug>/``.

    Three queries (plans, aims, objectives); ``None`` when the municipality has no public plan.
    """
    plans = list(public_plans_of(municipality))
    plan = pick_current(plans)
    if plan is None:
        return None
    return PlanSummary(
        plan=plan,
        figures=node_figures(plan),
        aims=aim_rows(plan),
        other_plans=[p for p in plans if p.pk != plan.pk],
    )


# --- Aims, objectives, indicators ------------------------------------------------------


def aim_by_code(plan: StrategicPlan, code: str) -> Aim | None:
    """The aim with its objectives (and their responsible units) prefetched. Two queries."""
    return (
        Aim.objects.filter(plan=plan, code=code)
        .prefetch_related(
            Prefetch(
                "objectives",
                queryset=Objective.objects.select_related("responsible_unit").order_by("number"),
            )
        )
        .first()
    )


def _indicators_with_targets() -> Prefetch:
    """An objective's indicators in number order, with their owner unit and yearly targets."""
    return Prefetch(
        "indicators",
        queryset=Indicator.objects.select_related("owner_unit")
        .prefetch_related(Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")))
        .order_by("number"),
    )


def objective_by_code(plan: StrategicPlan, code: str) -> Objective | None:
    """The objective card and its indicators with their targets. Four queries."""
    return (
        Objective.objects.filter(plan=plan, code=code)
        .select_related("aim", "responsible_unit")
        .prefetch_related("cooperating_units", _indicators_with_targets())
        .first()
    )


def plan_tree(plan: StrategicPlan) -> list[Aim]:
    """Aims → objectives (with their responsible unit) → indicators with their targets, in
    number order. Four queries whatever the size of the plan."""
    objectives = (
        Objective.objects.select_related("responsible_unit")
        .order_by("number")
        .prefetch_related(_indicators_with_targets())
    )
    return list(
        Aim.objects.filter(plan=plan)
        .order_by("number")
        .prefetch_related(Prefetch("objectives", queryset=objectives))
    )


def published_measurements() -> QuerySet[Measurement]:
    return Measurement.objects.filter(status=Measurement.Status.PUBLISHED).order_by(
        "year", "-is_half_year"
    )


def indicator_by_code(plan: StrategicPlan, code: str) -> Indicator | None:
    """An indicator with its targets, published measurements and revision log. Four queries."""
    return (
        Indicator.objects.filter(plan=plan, code=code)
        .select_related("objective", "objective__aim", "owner_unit")
        .prefetch_related(
            Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")),
            Prefetch("measurements", queryset=published_measurements()),
            Prefetch(
                "revisions",
                queryset=FigureRevision.objects.select_related(
                    "changed_by", "plan_revision"
                ).order_by("-sequence"),
            ),
        )
        .first()
    )


@dataclass(frozen=True)
class IndicatorYear:
    """One plan year of an indicator: its target, the value the year lens uses, the result."""

    year: int
    target: Decimal | None
    value: Decimal | None
    period: str
    figures: Figures


def indicator_years(indicator: Indicator, years: list[int]) -> list[IndicatorYear]:
    """Targets and actuals by plan year, from prefetched targets and published measurements.

    The value shown for year Y is the one the year lens uses (rule 3): the whole-year value, or
    for a cumulative indicator whose year is not reported yet, the half-year value; a periodic
    indicator's half-year value is never a year's value (rule 2). The realization is the stored
    one.
    """
    targets = {t.year: t.value for t in indicator.targets.all()}
    values: dict[int, dict[bool, Measurement]] = defaultdict(dict)
    for m in indicator.measurements.all():
        values[m.year][m.is_half_year] = m
    rows = []
    for year in years:
        chosen = values[year].get(False)
        if chosen is None and indicator.kind == Indicator.Kind.CUMULATIVE:
            chosen = values[year].get(True)
        rows.append(
            IndicatorYear(
                year=year,
                target=targets.get(year),
                value=chosen.value if chosen else None,
                period=chosen.period if chosen else "",
                figures=indicator_figures(indicator, year),
            )
        )
    return rows


def display_decimals(values: list[Decimal | None], most: int = 2) -> int:
    """How many decimals a set of figures needs (0 for counts, at most ``most``).

    One precision per indicator keeps its table columns aligned (``numbers.decimals_needed``).
    """
    return decimals_needed(values, most=most)


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator in its objective's table: figures, targets aligned with the plan years."""

    node: Indicator
    figures: Figures
    targets: list[Decimal | None]
    decimals: int


def indicator_rows(
    objective: Objective, years: list[int], year: int | None = None
) -> list[IndicatorRow]:
    """The objective's (prefetched) indicators with their figures in the given lens."""
    rows = []
    for indicator in objective.indicators.all():
        by_year = {t.year: t.value for t in indicator.targets.all()}
        targets = [by_year.get(y) for y in years]
        rows.append(
            IndicatorRow(
                node=indicator,
                figures=indicator_figures(indicator, year),
                targets=targets,
                decimals=display_decimals([indicator.baseline, indicator.latest_value, *targets]),
            )
        )
    return rows
