"""The shapes of the content bank: themes → objectives → indicators and activities.

Figures are given for a *reference municipality* of 500,000 people; the generator scales the
ones marked ``scaled`` (counts, lengths, tonnes) and every cost to the pilot's population.
Shares, durations and ratios are never scaled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Direction = Literal["increasing", "decreasing"]
IndicatorKind = Literal["cumulative", "periodic"]
Frequency = Literal["six_monthly", "yearly"]
MunicipalityKind = Literal["metropolitan", "provincial", "metropolitan_district"]

ALL_KINDS: frozenset[MunicipalityKind] = frozenset(
    {"metropolitan", "provincial", "metropolitan_district"}
)
METROPOLITAN: frozenset[MunicipalityKind] = frozenset({"metropolitan"})
# Fire brigades, public transport and water are the metropolitan municipality's job in a
# metropolitan province (Law 5216 art. 7), the provincial municipality's elsewhere.
NOT_DISTRICT: frozenset[MunicipalityKind] = frozenset({"metropolitan", "provincial"})
PROVINCIAL: frozenset[MunicipalityKind] = frozenset({"provincial"})
# Street cleaning and household waste collection belong to district and provincial municipalities.
NOT_METROPOLITAN: frozenset[MunicipalityKind] = frozenset({"provincial", "metropolitan_district"})

REFERENCE_POPULATION = 500_000


@dataclass(frozen=True)
class IndicatorSpec:
    name: str
    unit: str  # ölçü birimi
    source: str  # veri kaynağı
    baseline: float  # plan dönemi başlangıç değeri (2024)
    target: float  # 2029 hedefi
    direction: Direction = "increasing"
    kind: IndicatorKind = "cumulative"
    frequency: Frequency = "six_monthly"
    scaled: bool = False
    decimals: int = 0
    owner: str | None = None  # unit key; defaults to the objective's responsible unit


@dataclass(frozen=True)
class ActivitySpec:
    name: str
    unit: str  # unit key
    cost_m: float  # planned yearly cost in million ₺ for the reference municipality
    project: bool = False
    years: tuple[int, int] = (2025, 2029)


@dataclass(frozen=True)
class ObjectiveSpec:
    title: str
    unit: str  # unit key of the responsible unit
    indicators: tuple[IndicatorSpec, ...]
    activities: tuple[ActivitySpec, ...]
    risks: tuple[str, ...]
    strategies: tuple[str, ...]
    findings: tuple[str, ...]
    needs: tuple[str, ...]
    cooperating: tuple[str, ...] = ()
    all_units: bool = False  # "Tüm birimler"
    kinds: frozenset[MunicipalityKind] = ALL_KINDS


@dataclass(frozen=True)
class ThemeSpec:
    key: str
    name: str
    aims: tuple[str, ...]  # alternative wordings of the aim
    objectives: tuple[ObjectiveSpec, ...]
    kinds: frozenset[MunicipalityKind] = ALL_KINDS

    def objectives_for(self, kind: MunicipalityKind) -> tuple[ObjectiveSpec, ...]:
        return tuple(o for o in self.objectives if kind in o.kinds)


@dataclass(frozen=True)
class Profile:
    """One pilot: identity, plan texts and local colour."""

    slug: str
    kind: MunicipalityKind
    population: int  # for scaling only (2024 ADNKS, rounded)
    place: str  # "Maltepe"
    place_in: str  # "Maltepe'de"
    place_of: str  # "Maltepe'nin"
    mission: str
    vision: str
    values: tuple[str, ...]
    status: Literal["draft", "consultation", "adopted"] = "adopted"
    council_decision_date: str = ""  # ISO date
    council_decision_number: str = ""
    themes: tuple[str, ...] = ()  # always in the plan
    local: dict[str, tuple[ObjectiveSpec, ...]] = field(default_factory=dict)
    planted: tuple[str, ...] = ()  # data-quality problems for the audit to find
    plan_revision: tuple[str, str] | None = (
        None  # (ISO date, council decision) of a mid-term update
    )
    measurement_correction: bool = False  # a published value corrected through a revision


def ind(
    name: str,
    unit: str,
    source: str,
    baseline: float,
    target: float,
    *,
    down: bool = False,
    periodic: bool = False,
    yearly: bool = False,
    scaled: bool = False,
    decimals: int = 0,
    owner: str | None = None,
) -> IndicatorSpec:
    """Compact constructor for the bank: ``down`` = decreasing, ``periodic`` = a yearly flow."""
    return IndicatorSpec(
        name=name,
        unit=unit,
        source=source,
        baseline=baseline,
        target=target,
        direction="decreasing" if down else "increasing",
        kind="periodic" if periodic else "cumulative",
        frequency="yearly" if yearly else "six_monthly",
        scaled=scaled,
        decimals=decimals,
        owner=owner,
    )


def act(
    name: str,
    unit: str,
    cost_m: float,
    *,
    project: bool = False,
    years: tuple[int, int] = (2025, 2029),
) -> ActivitySpec:
    return ActivitySpec(name=name, unit=unit, cost_m=cost_m, project=project, years=years)
