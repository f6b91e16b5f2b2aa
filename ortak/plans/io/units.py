"""Unit names in a plan file, resolved within the municipality.

Names are matched by ``search_key`` (case, Turkish letters and spacing do not matter), against
the unit's name or slug. **An unknown unit name is an error**, not a reason to create a unit:
units belong to the municipality's admins (``organizations.permissions.can_manage_units``), and a
typo would otherwise create a twin unit that starts receiving suggestions. With
``create_units`` (the ``--create-units`` flag, or the checkbox the upload page offers to users
who may manage units) the unknown names are created instead, each with a warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _

from ortak.core.turkish import search_key
from ortak.organizations.models import Municipality, Unit
from ortak.plans.io.cells import CellReader
from ortak.plans.io.document import PlanDocument, Source
from ortak.plans.io.workbook import ACTIVITIES, INDICATORS, OBJECTIVES, SheetSpec

__all__ = ["resolve_units"]


def _named_units(document: PlanDocument) -> list[tuple[Source, str, str]]:
    """Every (row, column, name) naming a unit."""
    json = document.format == "json"

    def column(spec: SheetSpec, key: str) -> str:
        return key if json else next(c.header for c in spec.columns if c.key == key)

    named: list[tuple[Source, str, str]] = []
    for objective in document.objectives:
        if objective.responsible_unit:
            named.append(
                (
                    objective.source,
                    column(OBJECTIVES, "responsible_unit"),
                    objective.responsible_unit,
                )
            )
        cooperating = column(OBJECTIVES, "cooperating_units")
        named.extend((objective.source, cooperating, name) for name in objective.cooperating_units)
    for indicator in document.indicators:
        if indicator.owner_unit:
            named.append((indicator.source, column(INDICATORS, "owner_unit"), indicator.owner_unit))
    for activity in document.activities:
        if activity.responsible_unit:
            named.append(
                (activity.source, column(ACTIVITIES, "responsible_unit"), activity.responsible_unit)
            )
    return named


def _by_key(units: Iterable[Unit]) -> dict[str, Unit]:
    found: dict[str, Unit] = {}
    for unit in units:
        found.setdefault(search_key(unit.name), unit)
        found.setdefault(search_key(unit.slug), unit)
    return found


def resolve_units(
    document: PlanDocument,
    municipality: Municipality,
    cells: CellReader,
    *,
    create_units: bool = False,
    known: Iterable[Unit] = (),
) -> tuple[dict[str, Unit], tuple[str, ...]]:
    """The municipality's units by ``search_key``, and the names to create; issues into ``cells``.

    ``known``: units already loaded (those the stored plan names); the municipality's units are
    read only when the file names another one, so re-importing a plan costs no query here.
    """
    named = _named_units(document)
    if not named:
        return {}, ()
    units = _by_key(unit for unit in known if unit.municipality_id == municipality.pk)
    if any(search_key(name) not in units for _source, _column, name in named):
        units = _by_key(Unit.objects.filter(municipality=municipality))
    new: dict[str, str] = {}
    max_length: Any = Unit._meta.get_field("name").max_length
    for source, column, name in named:
        key = search_key(name)
        if key in units or key in new:
            continue
        if len(name) > max_length:
            cells.add(source, column, name, _("The unit name is too long."))
        elif create_units:
            new[key] = name
            cells.warn(
                source,
                column,
                name,
                _("The unit “%(name)s” does not exist yet; it will be created."),
                name=name,
            )
        else:
            cells.add(
                source,
                column,
                name,
                _(
                    "The municipality has no unit named “%(name)s”. Check the spelling, or ask "
                    "the municipality's admin to add the unit first."
                ),
                name=name,
            )
    return units, tuple(new.values())
