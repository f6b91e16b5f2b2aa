"""Services for the plan tree: aims, objectives (with their card), indicators (with their yearly
targets).

Before adoption the tree is edited in place. After adoption (ARCHITECTURE §3) texts may still be
corrected, but the tree and its figures are frozen: codes, baselines, weights, directions, kinds
and targets change only through ``ortak.plans.services.figures`` (a revision with a reason).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.organizations.models import Unit
from ortak.plans import permissions
from ortak.plans.aggregates import recompute_plan
from ortak.plans.codes import CodeError, Level, child_code, code_numbers, parse_code
from ortak.plans.models import (
    Aim,
    Indicator,
    IndicatorTarget,
    Objective,
    StrategicPlan,
)
from ortak.plans.services._common import (
    changed_fields,
    check_plan_year,
    check_units,
    require,
    save,
    target_writes,
)

# Indicator fields that are figures: frozen after adoption, changed by a revision instead.
FIGURE_FIELDS = ("weight", "baseline", "baseline_year", "direction", "kind")


def _code(text: str | int, level: Level) -> str:
    try:
        return parse_code(text, level)
    except CodeError:
        examples = {Level.AIM: "2", Level.OBJECTIVE: "2.3", Level.INDICATOR: "2.3.1"}
        raise ValidationError(
            {"code": _("Enter a code like %(example)s.") % {"example": examples[level]}}
        ) from None


def _require_texts_editable(actor: Any, plan: StrategicPlan) -> None:
    require(permissions.can_edit_plan(actor, plan))
    if plan.status == StrategicPlan.Status.ARCHIVED:
        raise ValidationError(_("An archived plan can no longer be changed."))


def _frozen_error(field: str) -> ValidationError:
    return ValidationError(
        {field: _("The plan is adopted: change this through a revision with a reason.")}
    )


def _unique_code(
    model: type[Aim | Objective | Indicator], plan: StrategicPlan, code: str, pk: int | None
) -> None:
    rows = model._default_manager.filter(plan=plan, code=code)
    if pk is not None:
        rows = rows.exclude(pk=pk)
    if rows.exists():
        raise ValidationError(
            {"code": _("Code %(code)s is already used in this plan.") % {"code": code}}
        )


# --- Aims ------------------------------------------------------------------------------


@transaction.atomic
def create_aim(*, actor: Any, plan: StrategicPlan, code: str | int, title: str) -> Aim:
    require(permissions.can_edit_structure(actor, plan))
    normalised = _code(code, Level.AIM)
    _unique_code(Aim, plan, normalised, None)
    aim = Aim(plan=plan, code=normalised, number=int(normalised), title=title.strip())
    save(aim)
    record_event(actor=actor, action="aim.created", target=aim)
    recompute_plan(plan)
    return aim


@transaction.atomic
def update_aim(*, actor: Any, aim: Aim, code: str | int, title: str) -> Aim:
    plan = aim.plan
    _require_texts_editable(actor, plan)
    normalised = _code(code, Level.AIM)
    if normalised != aim.code:
        if plan.is_locked:
            raise _frozen_error("code")
        _unique_code(Aim, plan, normalised, aim.pk)
        _recode_descendants(plan, old=aim.code, new=normalised)
    changed = changed_fields(
        aim, {"code": normalised, "number": int(normalised), "title": title.strip()}
    )
    if changed:
        save(aim)
        record_event(actor=actor, action="aim.updated", target=aim, data={"fields": changed})
    return aim


@transaction.atomic
def delete_aim(*, actor: Any, aim: Aim) -> None:
    plan = aim.plan
    require(permissions.can_edit_structure(actor, plan))
    record_event(actor=actor, action="aim.deleted", target=plan, data={"code": aim.code})
    aim.delete()
    recompute_plan(plan)


def _recode_descendants(plan: StrategicPlan, *, old: str, new: str) -> None:
    """Renumber objectives and indicators under a node whose code changed (2 → 3: 2.1.1 → 3.1.1)."""
    # Codes stay consistent with their parents (enforced above), so no row already carries a
    # new code and one UPDATE per table cannot clash with the unique (plan, code) constraint.
    prefix = f"{old}."
    objectives = list(Objective.objects.filter(plan=plan, code__startswith=prefix))
    indicators = list(Indicator.objects.filter(plan=plan, code__startswith=prefix))
    for objective in objectives:
        objective.code = new + objective.code[len(old) :]
    for indicator in indicators:
        indicator.code = new + indicator.code[len(old) :]
    if objectives:
        Objective.objects.bulk_update(objectives, ["code"])
    if indicators:
        Indicator.objects.bulk_update(indicators, ["code"])


# --- Objectives ------------------------------------------------------------------------


def _objective_code(aim: Aim, code: str | int) -> tuple[str, int]:
    normalised = _code(code, Level.OBJECTIVE)
    numbers = code_numbers(normalised)
    if str(numbers[0]) != aim.code:
        raise ValidationError(
            {
                "code": _("An objective of aim %(aim)s is coded %(example)s.")
                % {"aim": aim.code, "example": child_code(aim.code, numbers[-1])}
            }
        )
    return normalised, numbers[-1]


@transaction.atomic
def create_objective(
    *,
    actor: Any,
    aim: Aim,
    code: str | int,
    title: str,
    responsible_unit: Unit | None = None,
    cooperating_units: Iterable[Unit] = (),
    cooperates_with_all_units: bool = False,
    risks: str = "",
    strategies: str = "",
    cost_estimate: Decimal | None = None,
    findings: str = "",
    needs: str = "",
) -> Objective:
    """A new objective with its card (hedef kartı)."""
    plan = aim.plan
    require(permissions.can_edit_structure(actor, plan))
    normalised, number = _objective_code(aim, code)
    _unique_code(Objective, plan, normalised, None)
    units = list(cooperating_units)
    check_units(plan, "responsible_unit", [responsible_unit])
    check_units(plan, "cooperating_units", units)
    objective = Objective(
        plan=plan,
        aim=aim,
        code=normalised,
        number=number,
        title=title.strip(),
        responsible_unit=responsible_unit,
        cooperates_with_all_units=cooperates_with_all_units,
        risks=risks,
        strategies=strategies,
        cost_estimate=cost_estimate,
        findings=findings,
        needs=needs,
    )
    save(objective)
    objective.cooperating_units.set([] if cooperates_with_all_units else units)
    record_event(actor=actor, action="objective.created", target=objective)
    recompute_plan(plan)
    return objective


@transaction.atomic
def update_objective(
    *,
    actor: Any,
    objective: Objective,
    code: str | int,
    title: str,
    responsible_unit: Unit | None = None,
    cooperating_units: Iterable[Unit] = (),
    cooperates_with_all_units: bool = False,
    risks: str = "",
    strategies: str = "",
    cost_estimate: Decimal | None = None,
    findings: str = "",
    needs: str = "",
) -> Objective:
    """Edit the objective and its card; its code only before adoption."""
    plan = objective.plan
    _require_texts_editable(actor, plan)
    normalised, number = _objective_code(objective.aim, code)
    if normalised != objective.code:
        if plan.is_locked:
            raise _frozen_error("code")
        _unique_code(Objective, plan, normalised, objective.pk)
        _recode_descendants(plan, old=objective.code, new=normalised)
    units = list(cooperating_units)
    check_units(plan, "responsible_unit", [responsible_unit])
    check_units(plan, "cooperating_units", units)
    changed = changed_fields(
        objective,
        {
            "code": normalised,
            "number": number,
            "title": title.strip(),
            "responsible_unit": responsible_unit,
            "cooperates_with_all_units": cooperates_with_all_units,
            "risks": risks,
            "strategies": strategies,
            "cost_estimate": cost_estimate,
            "findings": findings,
            "needs": needs,
        },
    )
    wanted = set() if cooperates_with_all_units else {u.pk for u in units}
    if wanted != set(objective.cooperating_units.values_list("pk", flat=True)):
        objective.cooperating_units.set(list(wanted))
        changed.append("cooperating_units")
    if changed:
        save(objective)
        record_event(
            actor=actor, action="objective.updated", target=objective, data={"fields": changed}
        )
    return objective


@transaction.atomic
def delete_objective(*, actor: Any, objective: Objective) -> None:
    plan = objective.plan
    require(permissions.can_edit_structure(actor, plan))
    record_event(
        actor=actor, action="objective.deleted", target=plan, data={"code": objective.code}
    )
    objective.delete()
    recompute_plan(plan)


# --- Indicators ------------------------------------------------------------------------


def _indicator_code(objective: Objective, code: str | int) -> tuple[str, int]:
    normalised = _code(code, Level.INDICATOR)
    numbers = code_numbers(normalised)
    if normalised.rpartition(".")[0] != objective.code:
        raise ValidationError(
            {
                "code": _("An indicator of objective %(objective)s is coded %(example)s.")
                % {"objective": objective.code, "example": child_code(objective.code, numbers[-1])}
            }
        )
    return normalised, numbers[-1]


def _set_targets(indicator: Indicator, targets: Mapping[int, Decimal | None]) -> bool:
    """Write the yearly targets given (None removes one); True when anything changed."""
    plan = indicator.plan
    for year in targets:
        check_plan_year(plan, "targets", year)
    existing = {t.year: t for t in IndicatorTarget.objects.filter(indicator=indicator)}
    writes = target_writes(indicator, existing, targets)
    for row in [*writes.create, *writes.update]:
        row.full_clean(exclude=["indicator"], validate_unique=False)
    if writes.create:
        IndicatorTarget.objects.bulk_create(writes.create)
    if writes.update:
        IndicatorTarget.objects.bulk_update(writes.update, ["value"])
    if writes.delete:
        IndicatorTarget.objects.filter(pk__in=writes.delete).delete()
    return writes.any


@transaction.atomic
def create_indicator(
    *,
    actor: Any,
    objective: Objective,
    code: str | int,
    name: str,
    targets: Mapping[int, Decimal | None],
    unit_of_measure: str = "",
    weight: Decimal = Decimal(0),
    baseline: Decimal | None = None,
    baseline_year: int | None = None,
    direction: str = Indicator.Direction.INCREASING,
    kind: str = Indicator.Kind.CUMULATIVE,
    monitoring_frequency: str = Indicator.Frequency.SIX_MONTHLY,
    reporting_frequency: str = Indicator.Frequency.SIX_MONTHLY,
    data_source: str = "",
    owner_unit: Unit | None = None,
) -> Indicator:
    """A new indicator with its targets per plan year."""
    plan = objective.plan
    require(permissions.can_edit_structure(actor, plan))
    normalised, number = _indicator_code(objective, code)
    _unique_code(Indicator, plan, normalised, None)
    check_units(plan, "owner_unit", [owner_unit])
    indicator = Indicator(
        plan=plan,
        objective=objective,
        code=normalised,
        number=number,
        name=name.strip(),
        unit_of_measure=unit_of_measure.strip(),
        weight=weight,
        baseline=baseline,
        baseline_year=baseline_year,
        direction=direction,
        kind=kind,
        monitoring_frequency=monitoring_frequency,
        reporting_frequency=reporting_frequency,
        data_source=data_source.strip(),
        owner_unit=owner_unit,
    )
    save(indicator)
    _set_targets(indicator, targets)
    record_event(actor=actor, action="indicator.created", target=indicator)
    recompute_plan(plan)
    return indicator


@transaction.atomic
def update_indicator(
    *,
    actor: Any,
    indicator: Indicator,
    code: str | int,
    name: str,
    targets: Mapping[int, Decimal | None],
    unit_of_measure: str = "",
    weight: Decimal = Decimal(0),
    baseline: Decimal | None = None,
    baseline_year: int | None = None,
    direction: str = Indicator.Direction.INCREASING,
    kind: str = Indicator.Kind.CUMULATIVE,
    monitoring_frequency: str = Indicator.Frequency.SIX_MONTHLY,
    reporting_frequency: str = Indicator.Frequency.SIX_MONTHLY,
    data_source: str = "",
    owner_unit: Unit | None = None,
) -> Indicator:
    """Edit an indicator. After adoption only its texts, unit and frequencies change here."""
    plan = indicator.plan
    _require_texts_editable(actor, plan)
    normalised, number = _indicator_code(indicator.objective, code)
    figures = {
        "weight": weight,
        "baseline": baseline,
        "baseline_year": baseline_year,
        "direction": direction,
        "kind": kind,
    }
    if plan.is_locked:
        if normalised != indicator.code:
            raise _frozen_error("code")
        for field, value in figures.items():
            if getattr(indicator, field) != value:
                raise _frozen_error(field)
        current = dict(indicator.targets.values_list("year", "value"))
        if any(current.get(year) != value for year, value in targets.items()):
            raise _frozen_error("targets")
    elif normalised != indicator.code:
        _unique_code(Indicator, plan, normalised, indicator.pk)
    check_units(plan, "owner_unit", [owner_unit])
    changed = changed_fields(
        indicator,
        {
            "code": normalised,
            "number": number,
            "name": name.strip(),
            "unit_of_measure": unit_of_measure.strip(),
            **figures,
            "monitoring_frequency": monitoring_frequency,
            "reporting_frequency": reporting_frequency,
            "data_source": data_source.strip(),
            "owner_unit": owner_unit,
        },
    )
    if changed:
        save(indicator)
    if not plan.is_locked and _set_targets(indicator, targets):
        changed.append("targets")
    if changed:
        record_event(
            actor=actor, action="indicator.updated", target=indicator, data={"fields": changed}
        )
        recompute_plan(plan)
    return indicator


@transaction.atomic
def delete_indicator(*, actor: Any, indicator: Indicator) -> None:
    plan = indicator.plan
    require(permissions.can_edit_structure(actor, plan))
    record_event(
        actor=actor, action="indicator.deleted", target=plan, data={"code": indicator.code}
    )
    indicator.delete()
    recompute_plan(plan)
