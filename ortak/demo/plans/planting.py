"""Planted data-quality problems, so that the audit (``ortak.plans.quality``) has something to show.

Each problem is one a strategy unit really makes: weights that add up to 90, an objective left
without indicators, an indicator without its last-year target, an activity nobody owns, two
activities numbered alike. They go on different objectives of the plan.
"""

from __future__ import annotations

import random
from dataclasses import replace

from ortak.demo.plans.drafts import AimDraft, ObjectiveDraft, Planted


def plant(
    aims: tuple[AimDraft, ...], problems: tuple[str, ...], rng: random.Random
) -> tuple[tuple[AimDraft, ...], tuple[Planted, ...]]:
    objectives = {o.code: o for aim in aims for o in aim.objectives}
    used: set[str] = set()
    planted = []

    def pick(condition) -> ObjectiveDraft:  # type: ignore[no-untyped-def]
        candidates = sorted(
            (code for code, o in objectives.items() if code not in used and condition(o)),
            key=lambda code: tuple(int(p) for p in code.split(".")),
        )
        code = rng.choice(candidates)
        used.add(code)
        return objectives[code]

    for problem in problems:
        if problem == "weights_90":
            objective = pick(
                lambda o: len(o.indicators) >= 2 and max(i.weight for i in o.indicators) >= 20
            )
            heaviest = max(objective.indicators, key=lambda i: i.weight)
            indicators = tuple(
                replace(i, weight=i.weight - 10) if i is heaviest else i
                for i in objective.indicators
            )
            objectives[objective.code] = replace(objective, indicators=indicators)
            planted.append(Planted(problem, objective.code))
        elif problem == "objective_without_indicators":
            objective = pick(lambda o: not o.local)
            objectives[objective.code] = replace(objective, indicators=())
            planted.append(Planted(problem, objective.code))
        elif problem == "missing_final_target":
            objective = pick(lambda o: len(o.indicators) >= 2)
            indicator = rng.choice(objective.indicators)
            targets = tuple((year, value) for year, value in indicator.targets if year != 2029)
            indicators = tuple(
                replace(i, targets=targets) if i is indicator else i for i in objective.indicators
            )
            objectives[objective.code] = replace(objective, indicators=indicators)
            planted.append(Planted(problem, indicator.code))
        elif problem == "activity_without_unit":
            objective = pick(lambda o: len(o.activities) >= 1)
            activity = rng.choice(objective.activities)
            activities = tuple(
                replace(a, unit=None) if a is activity else a for a in objective.activities
            )
            objectives[objective.code] = replace(objective, activities=activities)
            planted.append(Planted(problem, activity.code))
        elif problem == "duplicate_activity_code":
            # A copy-paste slip: the second activity of an objective repeats the first one's code.
            objective = pick(lambda o: len(o.activities) >= 2)
            first, second, *rest = objective.activities
            activities = (first, replace(second, code=first.code), *rest)
            objectives[objective.code] = replace(objective, activities=activities)
            planted.append(Planted(problem, first.code))
        else:
            raise ValueError(f"unknown planted problem {problem!r}")
    new_aims = tuple(
        replace(aim, objectives=tuple(objectives[o.code] for o in aim.objectives)) for aim in aims
    )
    return new_aims, tuple(planted)


__all__ = ["plant"]
