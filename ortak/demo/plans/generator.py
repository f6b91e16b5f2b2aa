"""Assemble a pilot's 2025–2029 plan from the content bank, deterministically.

``build_plan(profile)`` is pure: the same profile gives the same ``PlanDraft`` on every run and
machine (``random.Random`` seeded with a string is stable across processes). Sizes follow issue 3:
6–9 aims, 3–5 objectives per aim, 2–5 indicators per objective (except an objective planted
without indicators), activities with yearly costs under every objective. Adopted plans carry
values for 2025-H1, 2025 and 2026-H1; the consultation and draft plans carry none.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from ortak.demo.plans import figures
from ortak.demo.plans.content import ON_REQUEST, THEMES, THEMES_BY_KEY, explanations
from ortak.demo.plans.content.types import IndicatorSpec, ObjectiveSpec, Profile, ThemeSpec
from ortak.demo.plans.drafts import (
    ActivityDraft,
    AimDraft,
    FigureChange,
    IndicatorDraft,
    ObjectiveDraft,
    PlanDraft,
    RevisionDraft,
)
from ortak.demo.plans.planting import plant

SEED_PREFIX = "ortak-demo-plans:"
ALWAYS = ("kurumsal",)  # every plan ends with an institutional-capacity aim
AIM_COUNTS = (6, 7, 7, 8, 8, 9)
SHORT = frozenset({"at_risk", "off_track", "short_unexplained"})
OVER = frozenset({"over", "over_unexplained"})


def rng_for(slug: str) -> random.Random:
    return random.Random(SEED_PREFIX + slug)


def build_plan(profile: Profile) -> PlanDraft:
    rng = rng_for(profile.slug)
    adopted = profile.status == "adopted"
    themes = choose_themes(profile, rng)
    aims = tuple(
        build_aim(number, theme, profile, rng, adopted=adopted)
        for number, theme in enumerate(themes, start=1)
    )
    aims, planted = plant(aims, profile.planted, rng)
    revision = None
    if profile.plan_revision is not None:
        date, decision = profile.plan_revision
        revision = build_revision(aims, datetime.date.fromisoformat(date), decision, rng)
    corrections = build_corrections(aims, rng) if profile.measurement_correction else ()
    decided = (
        datetime.date.fromisoformat(profile.council_decision_date)
        if profile.council_decision_date
        else None
    )
    return PlanDraft(
        slug=profile.slug,
        kind=profile.kind,
        status=profile.status,
        council_decision_date=decided,
        council_decision_number=profile.council_decision_number,
        published_at=_published_at(profile, decided, rng),
        mission=profile.mission,
        vision=profile.vision,
        core_values="\n".join(profile.values),
        aims=aims,
        revision=revision,
        corrections=corrections,
        planted=planted,
    )


def _published_at(
    profile: Profile, decided: datetime.date | None, rng: random.Random
) -> datetime.datetime | None:
    if profile.status == "draft":
        return None
    if decided is None:  # in consultation: opened for comments this autumn
        decided = datetime.date(2026, 10, rng.randint(1, 20))
    day = decided + datetime.timedelta(days=rng.randint(5, 20))
    return datetime.datetime(day.year, day.month, day.day, 10, 0, tzinfo=figures.ISTANBUL)


def choose_themes(profile: Profile, rng: random.Random) -> list[ThemeSpec]:
    """The pilot's own themes, then a seeded draw from the general ones, in plan order."""
    wanted = list(dict.fromkeys((*profile.themes, *ALWAYS)))
    pool = [
        theme
        for theme in THEMES
        if theme.key not in wanted
        and theme.key not in ON_REQUEST
        and profile.kind in theme.kinds
        and len(theme.objectives_for(profile.kind)) >= 3
    ]
    count = max(len(wanted), rng.choice(AIM_COUNTS))
    chosen = {*wanted, *(theme.key for theme in rng.sample(pool, count - len(wanted)))}
    return [THEMES_BY_KEY[key] for key in (t.key for t in THEMES) if key in chosen]


def build_aim(
    number: int, theme: ThemeSpec, profile: Profile, rng: random.Random, *, adopted: bool
) -> AimDraft:
    local = profile.local.get(theme.key, ())
    pool = theme.objectives_for(profile.kind)
    count = rng.randint(3, min(5, len(local) + len(pool)))
    picked = sorted(rng.sample(range(len(pool)), count - len(local)))
    specs = [(spec, True) for spec in local] + [(pool[i], False) for i in picked]
    code = str(number)
    return AimDraft(
        code=code,
        number=number,
        title=rng.choice(theme.aims),
        theme=theme.key,
        objectives=tuple(
            build_objective(code, n, spec, profile, rng, local=is_local, adopted=adopted)
            for n, (spec, is_local) in enumerate(specs, start=1)
        ),
    )


def build_objective(
    aim_code: str,
    number: int,
    spec: ObjectiveSpec,
    profile: Profile,
    rng: random.Random,
    *,
    local: bool,
    adopted: bool,
) -> ObjectiveDraft:
    code = f"{aim_code}.{number}"
    available = len(spec.indicators)
    count = max(2, available - rng.choice((0, 0, 1, 1, 2)))
    chosen = sorted(rng.sample(range(available), count))
    weights = figures.weights(count, rng)
    indicators = tuple(
        build_indicator(code, n, spec.indicators[index], spec.unit, weight, profile, rng, adopted)
        for n, (index, weight) in enumerate(zip(chosen, weights, strict=True), start=1)
    )
    acts = spec.activities
    if len(acts) >= 3 and rng.random() < 0.3:
        dropped = rng.randrange(len(acts))
        acts = tuple(a for i, a in enumerate(acts) if i != dropped)
    scale = 1.0 if local else figures.cost_scale(profile.population, profile.kind)
    activities = []
    for n, activity in enumerate(acts, start=1):
        first, last = activity.years
        activities.append(
            ActivityDraft(
                code=f"{'P' if activity.project else 'F'}{code}.{n}",
                name=activity.name,
                is_project=activity.project,
                unit=activity.unit,
                start=datetime.date(max(first, 2025), 1, 1),
                end=datetime.date(min(last, 2029), 12, 31),
                costs=figures.activity_costs(
                    cost_m=activity.cost_m,
                    years=activity.years,
                    scale=scale,
                    with_actuals=adopted,
                    rng=rng,
                ),
            )
        )
    cooperating = () if spec.all_units else tuple(k for k in spec.cooperating if k != spec.unit)
    return ObjectiveDraft(
        code=code,
        number=number,
        title=spec.title,
        unit=spec.unit,
        cooperating=cooperating,
        all_units=spec.all_units,
        risks="\n".join(spec.risks),
        strategies="\n".join(spec.strategies),
        findings="\n".join(spec.findings),
        needs="\n".join(spec.needs),
        cost_estimate=sum((planned for a in activities for _, planned, _ in a.costs), Decimal(0)),
        indicators=indicators,
        activities=tuple(activities),
        local=local,
    )


def build_indicator(
    objective_code: str,
    number: int,
    spec: IndicatorSpec,
    objective_unit: str,
    weight: Decimal,
    profile: Profile,
    rng: random.Random,
    adopted: bool,
) -> IndicatorDraft:
    baseline, end = figures.baseline_and_end(
        spec, figures.population_scale(profile.population), rng
    )
    targets = figures.yearly_targets(baseline, end, spec.decimals, rng)
    outcome = figures.draw_outcome(rng)
    values = (
        figures.measurements(
            baseline=baseline, targets=dict(targets), spec=spec, outcome=outcome, rng=rng
        )
        if adopted
        else ()
    )
    return IndicatorDraft(
        code=f"{objective_code}.{number}",
        number=number,
        name=spec.name,
        unit_of_measure=spec.unit,
        weight=weight,
        baseline=baseline,
        direction=spec.direction,
        kind=spec.kind,
        frequency=spec.frequency,
        data_source=spec.source,
        decimals=spec.decimals,
        owner=spec.owner or objective_unit,
        targets=targets,
        measurements=values,
        outcome=outcome if adopted else "",
    )


def build_revision(
    aims: tuple[AimDraft, ...], date: datetime.date, decision: str, rng: random.Random
) -> RevisionDraft:
    """A mid-term update: targets from 2027 on lowered where the plan lags, raised where it leads."""
    indicators = [
        i for aim in aims for o in aim.objectives for i in o.indicators if len(i.targets) == 5
    ]
    lagging = [i for i in indicators if i.outcome in SHORT]
    leading = [i for i in indicators if i.outcome in OVER]
    chosen = [(i, True) for i in rng.sample(lagging, min(3, len(lagging)))]
    chosen += [(i, False) for i in rng.sample(leading, min(1, len(leading)))]
    changes = []
    for indicator, lower in chosen:
        reason = rng.choice(explanations.REVISION_LOWER if lower else explanations.REVISION_RAISE)
        factor = rng.uniform(0.7, 0.85) if lower else rng.uniform(1.1, 1.25)
        for year, old in indicator.targets:
            if year < 2027:
                continue
            new = figures.nice(
                float(indicator.baseline + (old - indicator.baseline) * Decimal(str(factor))),
                indicator.decimals,
            )
            if indicator.unit_of_measure == "%":
                new = min(new, Decimal(100))
            if new != old and new >= 0:
                changes.append(
                    FigureChange(
                        indicator_code=indicator.code,
                        kind="target",
                        old=old,
                        new=new,
                        reason=f"Plan güncellemesi (Meclis kararı {decision}): {reason}",
                        year=year,
                    )
                )
    return RevisionDraft(
        date=date,
        council_decision_number=decision,
        reason=explanations.PLAN_UPDATE_REASON,
        changes=tuple(changes),
    )


def build_corrections(aims: tuple[AimDraft, ...], rng: random.Random) -> tuple[FigureChange, ...]:
    """A published 2025 value replaced by its final figure (the stored value is the final one)."""
    reported = [
        (indicator, m)
        for aim in aims
        for o in aim.objectives
        for indicator in o.indicators
        for m in indicator.measurements
        if m.period == "2025" and m.published and m.value > 10
    ]
    changes = []
    for indicator, measurement in rng.sample(reported, min(2, len(reported))):
        preliminary = figures.quantize(
            measurement.value * Decimal(str(rng.uniform(0.86, 0.95))), indicator.decimals
        )
        changes.append(
            FigureChange(
                indicator_code=indicator.code,
                kind="measurement",
                old=preliminary,
                new=measurement.value,
                reason=rng.choice(explanations.CORRECTION),
                year=2025,
                period="2025",
            )
        )
    return tuple(changes)
