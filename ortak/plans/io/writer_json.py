"""Writing a ``PlanDocument`` as the nested JSON format (docs/formats/plan.schema.json).

Keys are the workbook's ``Column.key`` names; numbers are JSON numbers; every text goes through
``neutralise_formula`` like every other export. An export also carries the stored progress
figures of every node (``NodeFigures``): plan-lens realization (clamped, two decimals), the
year lens by year, coverage, and on indicators the raw realization and the status.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ortak.core.sanitize import neutralise_formula
from ortak.plans.io.document import PlanDocument
from ortak.plans.io.writer import json_number
from ortak.plans.progress import round_export

__all__ = ["JSON_FORMAT", "JSON_VERSION", "SCHEMA_ID", "NodeFigures", "write_json"]

JSON_FORMAT = "ortak-plan"
JSON_VERSION = 1
SCHEMA_ID = "https://ortak.example.org/formats/plan.schema.json"


class NodeFigures:
    """The computed figures a JSON export carries on a node (ARCHITECTURE §4)."""

    __slots__ = ("coverage", "realization", "realization_by_year", "realization_raw", "status")

    def __init__(
        self,
        *,
        realization: Decimal | None,
        coverage: Decimal | None,
        realization_by_year: Mapping[str, Any],
        realization_raw: Decimal | None = None,
        status: str | None = None,
    ) -> None:
        self.realization = realization
        self.coverage = coverage
        self.realization_by_year = realization_by_year
        self.realization_raw = realization_raw
        self.status = status


def _json_text(value: str) -> str:
    return neutralise_formula(value) if value else value  # type: ignore[return-value]


def _by_year(values: Mapping[int, Decimal]) -> dict[str, Any]:
    return {str(year): json_number(value) for year, value in sorted(values.items())}


def _figures(figures: NodeFigures | None, *, indicator: bool = False) -> dict[str, Any]:
    if figures is None:
        return {}

    def two(value: Any) -> float | None:
        if value is None:
            return None
        return float(round_export(Decimal(str(value))))  # type: ignore[arg-type]

    by_year = {
        year: {key: two(value) for key, value in values.items()}
        for year, values in sorted(figures.realization_by_year.items())
    }
    result: dict[str, Any] = {"realization": two(figures.realization)}
    if indicator:
        result["realization_raw"] = two(figures.realization_raw)
        result["status"] = figures.status
    result["realization_by_year"] = by_year
    result["coverage"] = two(figures.coverage)
    return result


def write_json(
    document: PlanDocument,
    *,
    figures: Mapping[tuple[str, str], NodeFigures] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> bytes:
    """The nested JSON form; ``figures`` keyed by (node kind, code), the plan by ("plan", "")."""
    figures = figures or {}
    header = document.plan
    data: dict[str, Any] = {"$schema": SCHEMA_ID, "format": JSON_FORMAT, "version": JSON_VERSION}
    if header is not None:
        data.update(
            {
                "municipality": _json_text(header.municipality),
                "start_year": header.start_year,
                "end_year": header.end_year,
                "title": _json_text(header.title),
                "mission": _json_text(header.mission),
                "vision": _json_text(header.vision),
                "core_values": _json_text(header.core_values),
                "council_decision_date": (
                    header.council_decision_date.isoformat()
                    if header.council_decision_date
                    else None
                ),
                "council_decision_number": _json_text(header.council_decision_number),
            }
        )
    data.update(extra or {})
    data.update(_figures(figures.get(("plan", ""))))
    measurements: dict[str, list[dict[str, Any]]] = {}
    for m in document.measurements:
        measurements.setdefault(m.indicator_code, []).append(
            {
                "period": m.period,
                "value": json_number(m.value),
                "explanation": _json_text(m.explanation),
                "evidence": _json_text(m.evidence),
            }
        )
    indicators: dict[str, list[dict[str, Any]]] = {}
    for i in document.indicators:
        indicators.setdefault(i.objective_code, []).append(
            {
                "code": i.code,
                "name": _json_text(i.name),
                "unit_of_measure": _json_text(i.unit_of_measure),
                "weight": json_number(i.weight),
                "baseline": json_number(i.baseline),
                "direction": i.direction,
                "kind": i.kind,
                "targets": _by_year(i.target_map()),
                "monitoring_frequency": i.monitoring_frequency or None,
                "reporting_frequency": i.reporting_frequency or None,
                "data_source": _json_text(i.data_source),
                "owner_unit": _json_text(i.owner_unit),
                "measurements": measurements.get(i.code, []),
                **_figures(figures.get(("indicator", i.code)), indicator=True),
            }
        )
    activities: dict[str, list[dict[str, Any]]] = {}
    for a in document.activities:
        activities.setdefault(a.objective_code, []).append(
            {
                "code": _json_text(a.code),
                "name": _json_text(a.name),
                "kind": a.kind,
                "responsible_unit": _json_text(a.responsible_unit),
                "start_date": a.start_date.isoformat() if a.start_date else None,
                "end_date": a.end_date.isoformat() if a.end_date else None,
                "planned_costs": _by_year(a.cost_map()),
            }
        )
    objectives: dict[str, list[dict[str, Any]]] = {}
    for o in document.objectives:
        objectives.setdefault(o.aim_code, []).append(
            {
                "code": o.code,
                "title": _json_text(o.title),
                "responsible_unit": _json_text(o.responsible_unit),
                "cooperating_units": [_json_text(name) for name in o.cooperating_units],
                "cooperates_with_all_units": o.cooperates_with_all_units,
                "risks": _json_text(o.risks),
                "strategies": _json_text(o.strategies),
                "cost_estimate": json_number(o.cost_estimate),
                "findings": _json_text(o.findings),
                "needs": _json_text(o.needs),
                **_figures(figures.get(("objective", o.code))),
                "indicators": indicators.get(o.code, []),
                "activities": activities.get(o.code, []),
            }
        )
    data["aims"] = [
        {
            "code": aim.code,
            "title": _json_text(aim.title),
            **_figures(figures.get(("aim", aim.code))),
            "objectives": objectives.get(aim.code, []),
        }
        for aim in document.aims
    ]
    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default).encode("utf-8")


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
