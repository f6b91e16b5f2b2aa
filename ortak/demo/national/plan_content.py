"""Plan drafts at national sizes, from the pilot demo's content bank.

The pilots' generator (``ortak.demo.plans.generator``) builds plans of 6–9 aims and about 85
indicators; real plans are bigger (median 8 aims, 30 objectives, 120 indicators, 150 activities).
This module draws themes and objectives the same way, then gives each objective about four
indicators and five activities: its own from the bank, then ones of sibling objectives of the same
theme, then its activities again in other neighbourhoods. Indicators and figures come from the
generator's own ``build_indicator``; values for every period come from ``timeline``.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TypeVar

from ortak.demo.national import timeline
from ortak.demo.national.names import place_names
from ortak.demo.national.options import ISTANBUL, Options
from ortak.demo.national.places import Place
from ortak.demo.plans import figures
from ortak.demo.plans.content import THEMES
from ortak.demo.plans.content.types import (
    ActivitySpec,
    IndicatorSpec,
    MunicipalityKind,
    ObjectiveSpec,
    Profile,
    ThemeSpec,
)
from ortak.demo.plans.drafts import (
    ActivityDraft,
    AimDraft,
    IndicatorDraft,
    ObjectiveDraft,
    PlanDraft,
)
from ortak.demo.plans.generator import (
    build_corrections,
    build_indicator,
    build_objective,
    build_revision,
)

Spec = TypeVar("Spec", IndicatorSpec, ActivitySpec)
AIMS = (7, 8, 8, 8, 9, 9, 10)
OBJECTIVES_PER_AIM = (3, 3, 4, 4, 4, 5)
INDICATORS_PER_OBJECTIVE = (3, 4, 4, 4, 5, 5)
ACTIVITIES_PER_OBJECTIVE = (4, 5, 5, 5, 6)
STATUSES = {"adopted": 0.96, "consultation": 0.02, "draft": 0.02}
ALWAYS = ("kurumsal",)

MISSIONS = (
    "{name} olarak hemşehrilerimize katılımcı, şeffaf ve hesap verebilir bir anlayışla nitelikli, "
    "erişilebilir ve sürdürülebilir kamu hizmetleri sunmak.",
    "Kentin doğal, tarihî ve kültürel değerlerini koruyarak herkesin eşit biçimde yararlandığı, "
    "afetlere dirençli ve yaşanabilir bir {place} için hizmet üretmek.",
    "Kaynakları verimli kullanan, kararlarını hemşehrileriyle birlikte alan ve hizmetlerini "
    "ölçerek geliştiren bir yerel yönetim olarak {place} halkının yaşam kalitesini yükseltmek.",
)
VISIONS = (
    "Yeşil, dirençli ve katılımcı bir kent: {place}.",
    "Üreten, paylaşan ve herkes için yaşanabilir bir {place}.",
    "Hizmette örnek, geleceğe hazır ve kapsayıcı bir {place}.",
)
VALUES = (
    "Katılımcılık",
    "Şeffaflık",
    "Hesap verebilirlik",
    "Sosyal adalet",
    "Eşitlik",
    "Çevreye duyarlılık",
    "Liyakat",
    "Dayanışma",
    "Yenilikçilik",
    "Hemşehri memnuniyeti",
    "Kültürel mirasa saygı",
)


def profile_for(place: Place, rng: random.Random) -> Profile:
    """A content-bank profile for a generated municipality (sizes and costs scale with it)."""
    short = place.name.removesuffix(" Belediyesi").removesuffix(" Büyükşehir")
    return Profile(
        slug=place.slug,
        kind=place.content_kind,
        population=place.population,
        place=short,
        place_in=short,
        place_of=short,
        mission=rng.choice(MISSIONS).format(name=place.name, place=short),
        vision=rng.choice(VISIONS).format(place=short),
        values=tuple(rng.sample(VALUES, rng.randint(5, 7))),
        status=rng.choices(list(STATUSES), weights=list(STATUSES.values()))[0],  # type: ignore[arg-type]
    )


def _themes(kind: MunicipalityKind, rng: random.Random) -> list[ThemeSpec]:
    pool = [t for t in THEMES if kind in t.kinds and len(t.objectives_for(kind)) >= 2]
    count = min(len(pool), rng.choice(AIMS))
    wanted = {key for key in ALWAYS if any(t.key == key for t in pool)}
    others = [t for t in pool if t.key not in wanted]
    chosen = wanted | {t.key for t in rng.sample(others, count - len(wanted))}
    return [t for t in THEMES if t.key in chosen]


class _Assembler:
    """Draws one plan: remembers what the plan already uses, so that nothing repeats."""

    def __init__(self, place: Place, profile: Profile, options: Options, rng: random.Random):
        self.place = place
        self.profile = profile
        self.options = options
        self.rng = rng
        self.adopted = profile.status == "adopted"
        self.used: set[str] = set()
        self.neighbourhoods = place_names(rng, 12)
        self.cost_scale = figures.cost_scale(profile.population, profile.kind)

    def _fresh(self, candidates: Sequence[Spec], count: int) -> list[Spec]:
        picked: list[Spec] = []
        for candidate in candidates:
            if len(picked) == count:
                break
            if candidate.name not in self.used:
                self.used.add(candidate.name)
                picked.append(candidate)
        return picked

    def aim(self, number: int, theme: ThemeSpec) -> AimDraft:
        kind = self.profile.kind
        pool = theme.objectives_for(kind)
        count = min(len(pool), self.rng.choice(OBJECTIVES_PER_AIM))
        specs = [pool[i] for i in sorted(self.rng.sample(range(len(pool)), count))]
        siblings = [o for o in pool if o not in specs]
        code = str(number)
        return AimDraft(
            code=code,
            number=number,
            title=self.rng.choice(theme.aims),
            theme=theme.key,
            objectives=tuple(
                self.objective(code, n, spec, siblings) for n, spec in enumerate(specs, start=1)
            ),
        )

    def objective(
        self, aim_code: str, number: int, spec: ObjectiveSpec, siblings: list[ObjectiveSpec]
    ) -> ObjectiveDraft:
        rng = self.rng
        code = f"{aim_code}.{number}"
        own = list(spec.indicators)
        rng.shuffle(own)
        borrowed = [i for s in siblings for i in s.indicators]
        rng.shuffle(borrowed)
        chosen = self._fresh(own + borrowed, rng.choice(INDICATORS_PER_OBJECTIVE))
        indicators = tuple(
            self.indicator(code, n, indicator_spec, spec.unit, weight)
            for n, (indicator_spec, weight) in enumerate(
                zip(chosen, figures.weights(len(chosen), rng), strict=True), start=1
            )
        )
        activities = self.activities(code, spec, siblings)
        # The objective card (title, units, risks, strategies …) as the pilots' generator draws
        # it; its indicators and activities are replaced by the national-size ones.
        card = build_objective(
            aim_code, number, spec, self.profile, rng, local=False, adopted=False
        )
        return replace(
            card,
            cost_estimate=sum(
                (planned for a in activities for _, planned, _ in a.costs), Decimal(0)
            ),
            indicators=indicators,
            activities=activities,
        )

    def indicator(
        self, objective_code: str, number: int, spec: IndicatorSpec, unit: str, weight: Decimal
    ) -> IndicatorDraft:
        draft = build_indicator(
            objective_code, number, spec, unit, weight, self.profile, self.rng, False
        )
        if not self.adopted:
            return draft
        outcome = figures.draw_outcome(self.rng)
        values = timeline.measurements(draft, outcome, self.options.as_of, self.rng)
        return replace(draft, outcome=outcome, measurements=values)

    def activities(
        self, code: str, spec: ObjectiveSpec, siblings: list[ObjectiveSpec]
    ) -> tuple[ActivityDraft, ...]:
        rng = self.rng
        wanted = rng.choice(ACTIVITIES_PER_OBJECTIVE)
        borrowed = [a for s in siblings for a in s.activities]
        rng.shuffle(borrowed)
        chosen = self._fresh(list(spec.activities) + borrowed, wanted)
        # Short of activities: the same work in more neighbourhoods, as district plans list it.
        bases = list(spec.activities) or chosen
        while len(chosen) < wanted and bases:
            base = rng.choice(bases)
            local = replace(base, name=f"{base.name} ({rng.choice(self.neighbourhoods)} Mahallesi)")
            chosen += self._fresh([local], 1) or [replace(local, name=f"{local.name} – 2. etap")]
        return tuple(self.activity(code, n, a) for n, a in enumerate(chosen, start=1))

    def activity(self, objective_code: str, number: int, spec: ActivitySpec) -> ActivityDraft:
        first, last = spec.years
        return ActivityDraft(
            code=f"{'P' if spec.project else 'F'}{objective_code}.{number}",
            name=spec.name,
            is_project=spec.project,
            unit=spec.unit,
            start=datetime.date(max(first, 2025), 1, 1),
            end=datetime.date(min(last, 2029), 12, 31),
            costs=timeline.costs(
                spec, self.cost_scale, self.options.as_of if self.adopted else None, self.rng
            ),
        )


def _decided(rng: random.Random) -> datetime.date:
    return datetime.date(2024, rng.randint(9, 12), rng.randint(1, 28))


def build_national_plan(place: Place, options: Options) -> PlanDraft:
    """The 2025–2029 plan of one generated municipality (pure and deterministic)."""
    rng = options.rng("plan", place.slug)
    profile = profile_for(place, rng)
    assembler = _Assembler(place, profile, options, rng)
    aims = tuple(
        assembler.aim(number, theme)
        for number, theme in enumerate(_themes(profile.kind, rng), start=1)
    )
    decided = _decided(rng) if profile.status == "adopted" else None
    revision = None
    corrections: tuple = ()  # type: ignore[type-arg]
    if decided is not None:
        update = datetime.date(2027, rng.randint(4, 9), rng.randint(1, 28))
        if update < options.as_of and rng.random() < 0.7:
            revision = build_revision(aims, update, f"2027/{rng.randint(100, 699)}", rng)
        if options.as_of > timeline.CORRECTED_ON and rng.random() < 0.4:
            corrections = build_corrections(aims, rng)
    published = None
    if profile.status != "draft":
        opened = decided or datetime.date(2025, rng.randint(1, 2), rng.randint(1, 28))
        day = opened + datetime.timedelta(days=rng.randint(5, 20))
        published = datetime.datetime(day.year, day.month, day.day, 10, tzinfo=ISTANBUL)
    return PlanDraft(
        slug=place.slug,
        kind=profile.kind,
        status=profile.status,
        council_decision_date=decided,
        council_decision_number=f"2024/{rng.randint(100, 799)}" if decided else "",
        published_at=published,
        mission=profile.mission,
        vision=profile.vision,
        core_values="\n".join(profile.values),
        aims=aims,
        revision=revision,
        corrections=corrections,
        planted=(),
    )
