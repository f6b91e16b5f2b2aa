"""A municipality's units (müdürlükler) and its one strategy unit."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.organizations import permissions
from ortak.organizations.models import (
    Municipality,
    Unit,
)
from ortak.organizations.services._common import (
    _require,
    _unit_slug,
)


def _make_strategy_unit(unit: Unit) -> None:
    """There is one strategy unit per municipality: moving the flag clears the old one."""
    Unit.objects.filter(municipality_id=unit.municipality_id, is_strategy_unit=True).exclude(
        pk=unit.pk
    ).update(is_strategy_unit=False, updated_at=timezone.now())


@transaction.atomic
def create_unit(
    *, actor: Any, municipality: Municipality, name: str, is_strategy_unit: bool = False
) -> Unit:
    _require(permissions.can_manage_units(actor, municipality))
    name = name.strip()
    unit = Unit(
        municipality=municipality,
        name=name,
        slug=_unit_slug(municipality, name),
        is_strategy_unit=False,
    )
    unit.full_clean()
    unit.save()
    if is_strategy_unit:
        _make_strategy_unit(unit)
        unit.is_strategy_unit = True
        unit.save(update_fields=["is_strategy_unit", "updated_at"])
    record_event(actor=actor, action="unit.created", target=unit)
    return unit


@transaction.atomic
def update_unit(*, actor: Any, unit: Unit, name: str, is_strategy_unit: bool) -> Unit:
    _require(permissions.can_manage_units(actor, unit.municipality))
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    if unit.is_strategy_unit and not is_strategy_unit:
        raise ValidationError(
            {
                "is_strategy_unit": _(
                    "Every municipality needs a strategy unit: mark another unit as the strategy unit instead."
                )
            },
            code="strategy_unit_required",
        )
    old_name = unit.name
    name = name.strip()
    if name != unit.name:
        unit.name = name
        unit.slug = _unit_slug(unit.municipality, name, exclude=unit)
    if is_strategy_unit and not unit.is_strategy_unit:
        _make_strategy_unit(unit)
        unit.is_strategy_unit = True
    unit.full_clean()
    unit.save()
    record_event(
        actor=actor,
        action="unit.updated",
        target=unit,
        data={"old_name": old_name, "is_strategy_unit": unit.is_strategy_unit},
    )
    return unit


@transaction.atomic
def delete_unit(*, actor: Any, unit: Unit) -> None:
    """Delete a unit that nothing depends on; staff assigned to it keep their role."""
    _require(permissions.can_manage_units(actor, unit.municipality))
    if unit.is_strategy_unit:
        raise ValidationError(
            _("The strategy unit cannot be deleted: contributions are routed to it."),
            code="strategy_unit",
        )
    record_event(actor=actor, action="unit.deleted", target=unit, data={"name": unit.name})
    try:
        with transaction.atomic():
            unit.delete()
    except ProtectedError as exc:
        raise ValidationError(
            _("This unit is still responsible for plan items; reassign them first."),
            code="unit_in_use",
        ) from exc
