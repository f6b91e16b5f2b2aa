"""Services for activities and projects (faaliyet / proje) and their planned and actual costs per
year. They are the yearly programme's business, so they stay editable after adoption, until the
plan is archived.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.organizations.models import Unit
from ortak.plans import permissions
from ortak.plans.models import Activity, ActivityCost, Objective, StrategicPlan
from ortak.plans.services._common import (
    changed_fields,
    check_plan_year,
    check_units,
    require,
    save,
)

CostMap = Mapping[int, tuple[Decimal | None, Decimal | None]]


def _set_costs(activity: Activity, costs: CostMap) -> bool:
    """Write planned and actual cost per year; a year with neither is removed."""
    for year in costs:
        check_plan_year(activity.plan, "costs", year)
    existing = {c.year: c for c in ActivityCost.objects.filter(activity=activity)}
    create, update, delete = [], [], []
    for year, (planned, actual) in costs.items():
        row = existing.get(year)
        if planned is None and actual is None:
            if row is not None:
                delete.append(row.pk)
            continue
        if row is None:
            create.append(
                ActivityCost(activity=activity, year=year, planned=planned, actual=actual)
            )
        elif (row.planned, row.actual) != (planned, actual):
            row.planned, row.actual = planned, actual
            update.append(row)
    for row in [*create, *update]:
        if (row.planned is not None and row.planned < 0) or (
            row.actual is not None and row.actual < 0
        ):
            raise ValidationError({"costs": _("Costs cannot be negative.")})
        row.full_clean(exclude=["activity"], validate_unique=False)
    if create:
        ActivityCost.objects.bulk_create(create)
    if update:
        ActivityCost.objects.bulk_update(update, ["planned", "actual"])
    if delete:
        ActivityCost.objects.filter(pk__in=delete).delete()
    return bool(create or update or delete)


def _activity_values(
    plan: StrategicPlan,
    *,
    code: str,
    name: str,
    kind: str,
    responsible_unit: Unit | None,
    start_date: datetime.date | None,
    end_date: datetime.date | None,
    description: str,
) -> dict[str, Any]:
    check_units(plan, "responsible_unit", [responsible_unit])
    if start_date and end_date and end_date < start_date:
        raise ValidationError({"end_date": _("The end date is before the start date.")})
    return {
        "code": code.strip(),
        "name": name.strip(),
        "kind": kind,
        "responsible_unit": responsible_unit,
        "start_date": start_date,
        "end_date": end_date,
        "description": description,
    }


@transaction.atomic
def create_activity(
    *,
    actor: Any,
    objective: Objective,
    name: str,
    code: str = "",
    kind: str = Activity.Kind.ACTIVITY,
    responsible_unit: Unit | None = None,
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
    description: str = "",
    costs: CostMap | None = None,
) -> Activity:
    """A new activity or project under an objective, with its planned/actual cost per year."""
    plan = objective.plan
    require(permissions.can_edit_activities(actor, plan))
    activity = Activity(
        plan=plan,
        objective=objective,
        **_activity_values(
            plan,
            code=code,
            name=name,
            kind=kind,
            responsible_unit=responsible_unit,
            start_date=start_date,
            end_date=end_date,
            description=description,
        ),
    )
    save(activity)
    _set_costs(activity, costs or {})
    record_event(actor=actor, action="activity.created", target=activity)
    return activity


@transaction.atomic
def update_activity(
    *,
    actor: Any,
    activity: Activity,
    name: str,
    code: str = "",
    kind: str = Activity.Kind.ACTIVITY,
    responsible_unit: Unit | None = None,
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
    description: str = "",
    costs: CostMap | None = None,
) -> Activity:
    plan = activity.plan
    require(permissions.can_edit_activities(actor, plan))
    changed = changed_fields(
        activity,
        _activity_values(
            plan,
            code=code,
            name=name,
            kind=kind,
            responsible_unit=responsible_unit,
            start_date=start_date,
            end_date=end_date,
            description=description,
        ),
    )
    if changed:
        save(activity)
    if costs is not None and _set_costs(activity, costs):
        changed.append("costs")
    if changed:
        record_event(
            actor=actor, action="activity.updated", target=activity, data={"fields": changed}
        )
    return activity


@transaction.atomic
def delete_activity(*, actor: Any, activity: Activity) -> None:
    plan = activity.plan
    require(permissions.can_edit_activities(actor, plan))
    record_event(
        actor=actor,
        action="activity.deleted",
        target=plan,
        data={"code": activity.code, "name": activity.name[:200]},
    )
    activity.delete()
