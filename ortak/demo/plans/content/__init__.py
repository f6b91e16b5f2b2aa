"""The content bank of the demo plans: realistic Turkish plan content by theme and municipality.

- ``types``: the shapes (themes → objectives with their card → indicators and activities);
- ``themes``: one module per theme, figures for a reference municipality of 500,000 people;
- ``local``: objectives only one pilot has (Seyhan Nehri, Maltepe Sahil Parkı, Ani …);
- ``municipalities``: the ten pilots' mission, vision, values, council decision and special cases;
- ``units``: municipal unit names (Dairesi Başkanlığı / Müdürlük);
- ``explanations``: deviation explanations and revision reasons.

Synthetic content with real municipality names; it is data, not interface text, so it is not
translated.
"""

from ortak.demo.plans.content.municipalities import PROFILES, PROFILES_BY_SLUG
from ortak.demo.plans.content.themes import ON_REQUEST, THEMES, THEMES_BY_KEY
from ortak.demo.plans.content.units import STRATEGY_UNIT, UNITS, unit_name

__all__ = [
    "ON_REQUEST",
    "PROFILES",
    "PROFILES_BY_SLUG",
    "STRATEGY_UNIT",
    "THEMES",
    "THEMES_BY_KEY",
    "UNITS",
    "unit_name",
]
