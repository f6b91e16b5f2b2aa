"""The theme bank, in the order aims appear in a plan (institutional capacity last, as is usual)."""

from __future__ import annotations

from ortak.demo.plans.content.themes.afet import AFET
from ortak.demo.plans.content.themes.cevre import CEVRE
from ortak.demo.plans.content.themes.ekonomi import EKONOMI
from ortak.demo.plans.content.themes.goc import GOC
from ortak.demo.plans.content.themes.imar import IMAR
from ortak.demo.plans.content.themes.katilim import KATILIM
from ortak.demo.plans.content.themes.kultur import KULTUR
from ortak.demo.plans.content.themes.kurumsal import KURUMSAL
from ortak.demo.plans.content.themes.saglik import SAGLIK
from ortak.demo.plans.content.themes.sosyal import SOSYAL
from ortak.demo.plans.content.themes.tarim import TARIM
from ortak.demo.plans.content.themes.turizm import TURIZM
from ortak.demo.plans.content.themes.ulasim import ULASIM
from ortak.demo.plans.content.types import ThemeSpec

THEMES: tuple[ThemeSpec, ...] = (
    ULASIM,
    CEVRE,
    AFET,
    IMAR,
    SOSYAL,
    KULTUR,
    SAGLIK,
    EKONOMI,
    TARIM,
    TURIZM,
    GOC,
    KATILIM,
    KURUMSAL,
)
THEMES_BY_KEY: dict[str, ThemeSpec] = {theme.key: theme for theme in THEMES}

# Themes that only appear where a pilot's profile asks for them (local economy of tourism,
# migration): the generator never draws them at random.
ON_REQUEST: frozenset[str] = frozenset({"turizm", "goc", "tarim"})
