"""Exports of a plan (xlsx, json, csv) and the empty template.

An export is the plan read back into a ``PlanDocument`` (``document_from_tree``) and written by
``writer``, so that exporting and importing are mirror images: an export re-imports to the same
plan (the round trip). The JSON also carries the stored progress figures of every node. Reads
take a constant number of queries whatever the size of the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ortak.organizations.models import Municipality
from ortak.plans.io.document import (
    ActivityRow,
    AimRow,
    DocumentKind,
    IndicatorRow,
    MeasurementRow,
    ObjectiveRow,
    PlanDocument,
    PlanHeader,
    Source,
)
from ortak.plans.io.loader import PlanTree, load_tree
from ortak.plans.io.workbook import ACTIVITIES, AIMS, INDICATORS, MEASUREMENTS, OBJECTIVES, PLAN
from ortak.plans.io.writer import write_csv, write_xlsx
from ortak.plans.io.writer_json import NodeFigures, write_json
from ortak.plans.models import Measurement, StrategicPlan

__all__ = [
    "CONTENT_TYPES",
    "document_from_tree",
    "export_csv",
    "export_filename",
    "export_json",
    "export_plan",
    "export_xlsx",
    "template_xlsx",
]

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
}


def _evidence(measurement: Measurement) -> str:
    if measurement.evidence_url:
        return measurement.evidence_url
    return measurement.evidence.url if measurement.evidence else ""


def document_from_tree(tree: PlanTree) -> PlanDocument:
    plan = tree.plan
    header = PlanHeader(
        source=Source(PLAN.name),
        municipality=plan.municipality.name,
        start_year=plan.start_year,
        end_year=plan.end_year,
        title=plan.title,
        mission=plan.mission,
        vision=plan.vision,
        core_values=plan.core_values,
        council_decision_date=plan.council_decision_date,
        council_decision_number=plan.council_decision_number,
    )
    aims = tuple(
        AimRow(source=Source(AIMS.name, n), code=aim.code, title=aim.title)
        for n, aim in enumerate(tree.aims, start=2)
    )
    objectives = tuple(
        ObjectiveRow(
            source=Source(OBJECTIVES.name, n),
            code=o.code,
            aim_code=tree.aim_code(o),
            title=o.title,
            responsible_unit=o.responsible_unit.name if o.responsible_unit else "",
            cooperating_units=tuple(unit.name for unit in tree.cooperating.get(o.pk, [])),
            cooperates_with_all_units=o.cooperates_with_all_units,
            risks=o.risks,
            strategies=o.strategies,
            cost_estimate=o.cost_estimate,
            findings=o.findings,
            needs=o.needs,
        )
        for n, o in enumerate(tree.objectives, start=2)
    )
    years = plan.years
    indicators = []
    for n, i in enumerate(tree.indicators, start=2):
        targets = tree.targets.get(i.pk, {})
        indicators.append(
            IndicatorRow(
                source=Source(INDICATORS.name, n),
                code=i.code,
                objective_code=tree.objective_code(i),
                name=i.name,
                unit_of_measure=i.unit_of_measure,
                weight=i.weight,
                baseline=i.baseline,
                direction=i.direction,
                kind=i.kind,
                targets=tuple(
                    (year, targets[year].value if year in targets else None) for year in years
                ),
                monitoring_frequency=i.monitoring_frequency,
                reporting_frequency=i.reporting_frequency,
                data_source=i.data_source,
                owner_unit=i.owner_unit.name if i.owner_unit else "",
            )
        )
    activities = []
    for n, a in enumerate(tree.activities, start=2):
        costs = tree.costs.get(a.pk, {})
        activities.append(
            ActivityRow(
                source=Source(ACTIVITIES.name, n),
                code=a.code,
                objective_code=tree.objective_code(a),
                name=a.name,
                kind=a.kind,
                responsible_unit=a.responsible_unit.name if a.responsible_unit else "",
                start_date=a.start_date,
                end_date=a.end_date,
                planned_costs=tuple(
                    (year, costs[year].planned if year in costs else None) for year in years
                ),
            )
        )
    measurements = []
    row = 2
    for indicator in tree.indicators:
        for m in tree.measurements.get(indicator.pk, {}).values():
            measurements.append(
                MeasurementRow(
                    source=Source(MEASUREMENTS.name, row),
                    indicator_code=indicator.code,
                    period=m.period,
                    value=m.value,
                    explanation=m.explanation,
                    evidence=_evidence(m),
                )
            )
            row += 1
    return PlanDocument(
        kind=DocumentKind.PLAN,
        format="",
        plan=header,
        aims=aims,
        objectives=objectives,
        indicators=tuple(indicators),
        activities=tuple(activities),
        measurements=tuple(measurements),
        has_measurements=True,
    )


def _figures(tree: PlanTree) -> dict[tuple[str, str], NodeFigures]:
    figures: dict[tuple[str, str], NodeFigures] = {
        ("plan", ""): NodeFigures(
            realization=tree.plan.realization,
            coverage=tree.plan.coverage,
            realization_by_year=tree.plan.realization_by_year or {},
        )
    }
    for aim in tree.aims:
        figures[("aim", aim.code)] = NodeFigures(
            realization=aim.realization,
            coverage=aim.coverage,
            realization_by_year=aim.realization_by_year or {},
        )
    for objective in tree.objectives:
        figures[("objective", objective.code)] = NodeFigures(
            realization=objective.realization,
            coverage=objective.coverage,
            realization_by_year=objective.realization_by_year or {},
        )
    for indicator in tree.indicators:
        # An indicator's coverage is all or nothing: it has a usable value or it has not.
        by_year = {
            year: {
                "realization": v.get("realization"),
                "raw": v.get("raw"),
                "coverage": v.get("coverage"),
            }
            for year, v in (indicator.realization_by_year or {}).items()
        }
        figures[("indicator", indicator.code)] = NodeFigures(
            realization=indicator.realization,
            realization_raw=indicator.realization_raw,
            status=indicator.status,
            coverage=100 if indicator.realization is not None else 0,  # type: ignore[arg-type]
            realization_by_year=by_year,
        )
    return figures


def _tree(plan: StrategicPlan) -> PlanTree:
    # Public exports: only published values (drafts and submitted values are not public yet).
    return load_tree(plan, published_only=True)


def export_xlsx(plan: StrategicPlan) -> bytes:
    return write_xlsx(document_from_tree(_tree(plan)))


def export_json(plan: StrategicPlan) -> bytes:
    tree = _tree(plan)
    extra: dict[str, Any] = {
        "municipality_slug": plan.municipality.slug,
        "plan_status": plan.status,
    }
    return write_json(document_from_tree(tree), figures=_figures(tree), extra=extra)


def export_csv(plan: StrategicPlan) -> bytes:
    return write_csv(document_from_tree(_tree(plan)).measurements)


def export_plan(plan: StrategicPlan, fmt: str) -> bytes:
    """One of the three formats by name ("xlsx", "json", "csv")."""
    writers = {"xlsx": export_xlsx, "json": export_json, "csv": export_csv}
    return writers[fmt](plan)


def export_filename(plan: StrategicPlan, fmt: str) -> str:
    """``cankaya-stratejik-plan-2025-2029.xlsx`` (ASCII, safe in a Content-Disposition)."""
    suffix = "olcumler" if fmt == "csv" else "stratejik-plan"
    return f"{plan.municipality.slug}-{suffix}-{plan.period_label}.{fmt}"


def template_xlsx(
    *, start_year: int, end_year: int, municipality: Municipality | None = None, title: str = ""
) -> bytes:
    """The empty template for a plan of these years, with the Plan sheet filled in."""
    header = PlanHeader(
        source=Source(PLAN.name),
        municipality=municipality.name if municipality else "",
        start_year=start_year,
        end_year=end_year,
        title=title,
    )
    document = PlanDocument(kind=DocumentKind.PLAN, format="xlsx", plan=header)
    return write_xlsx(document, years=_years(start_year, end_year))


def _years(start: int, end: int) -> Sequence[int]:
    return list(range(start, end + 1))
