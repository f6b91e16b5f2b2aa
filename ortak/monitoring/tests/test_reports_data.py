"""Test data shared by the report tests (no tests here): a plan with Turkish texts, explanations,
actual costs and a formula-like name, and the JSON export's figures to compare reports with."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any

from ortak.core import turkish
from ortak.monitoring.models import Assessment, MonitoringPeriod
from ortak.organizations.models import Organization
from ortak.plans.io.exporter import export_json
from ortak.plans.models import (
    Activity,
    ActivityCost,
    Aim,
    Indicator,
    Measurement,
    Objective,
    StrategicPlan,
)
from ortak.plans.tests.factories import build_plan

TURKISH_AIM = "İşçi sağlığını ve güvenliğini güçlendirmek"
TURKISH_OBJECTIVE = "Iğdır yolunda ışıklı, güvenli kavşaklar yapılması"
FORMULA_NAME = '=HYPERLINK("http://example.org","tıkla")'
EXPLANATION = "Ödenek gecikmesi nedeniyle ihale ertelendi."


def report_plan(
    *,
    aims: int = 2,
    objectives_per_aim: int = 2,
    indicators_per_objective: int = 3,
    activities_per_objective: int = 2,
    status: str = StrategicPlan.Status.ADOPTED,
    **kwargs: Any,
) -> StrategicPlan:
    """A ``build_plan`` plan with what reports must show: Turkish letters (İ, ı, ş, ğ), a
    deviation explanation, actual costs, and an indicator name that looks like a formula."""
    plan = build_plan(
        aims=aims,
        objectives_per_aim=objectives_per_aim,
        indicators_per_objective=indicators_per_objective,
        activities_per_objective=activities_per_objective,
        status=status,
        **kwargs,
    )
    Aim.objects.filter(plan=plan, code="1").update(title=TURKISH_AIM)
    Objective.objects.filter(plan=plan, code="1.1").update(title=TURKISH_OBJECTIVE)
    Indicator.objects.filter(plan=plan, code="1.1.1").update(name=FORMULA_NAME)
    Measurement.objects.filter(
        indicator__plan=plan, indicator__code="1.1.1", period=str(plan.start_year)
    ).update(explanation=EXPLANATION)
    for n, cost in enumerate(
        ActivityCost.objects.filter(activity__plan=plan, year=plan.start_year).order_by("pk")
    ):
        cost.actual = Decimal("180000.50") + n
        cost.save(update_fields=["actual"])
    return StrategicPlan.objects.select_related("municipality").get(pk=plan.pk)


def assess(
    plan: StrategicPlan,
    *,
    organization: Organization,
    node: Objective | Indicator | Activity,
    period: str,
    rating: str = Assessment.Rating.AT_RISK,
    narrative: str = "Sahada gördüğümüz çalışmalar hedefin gerisinde.",
) -> Assessment:
    monitoring_period, _created = MonitoringPeriod.objects.get_or_create(
        plan=plan,
        code=period,
        defaults={
            "year": int(period[:4]),
            "is_half_year": period.endswith("-H1"),
            "due_date": datetime.date(int(period[:4]) + 1, 1, 31),
        },
    )
    kind = {Objective: "objective", Indicator: "indicator", Activity: "activity"}[type(node)]
    return Assessment.objects.create(
        plan=plan,
        node_kind=kind,
        node_id=node.pk,
        period=monitoring_period,
        organization=organization,
        rating=rating,
        narrative=narrative,
    )


def export_figures(plan: StrategicPlan) -> dict[str, Any]:
    """The JSON export's figures by node code: ``{"plan": by_year, "aims": {code: by_year},
    "objectives": …, "indicators": …, "planned_costs": {activity code: {year: value}}}``."""
    data = json.loads(export_json(plan))
    figures: dict[str, Any] = {
        "plan": data["realization_by_year"],
        "aims": {},
        "objectives": {},
        "indicators": {},
        "planned_costs": {},
    }
    for aim in data["aims"]:
        figures["aims"][aim["code"]] = aim["realization_by_year"]
        for objective in aim["objectives"]:
            figures["objectives"][objective["code"]] = objective["realization_by_year"]
            for indicator in objective["indicators"]:
                figures["indicators"][indicator["code"]] = indicator["realization_by_year"]
            for activity in objective["activities"]:
                figures["planned_costs"][activity["code"]] = activity["planned_costs"]
    return figures


def two(value: float | int | None) -> Decimal | None:
    """A JSON export number at two decimals, for comparing with a report's."""
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def read_number(text: str | None, language: str = "tr") -> Decimal | None:
    """A number as a report prints it ("1.234,50" in Turkish, "1,234.50" in English), taken
    from the first line of a cell; None for "–" or an empty cell."""
    if text is None:
        return None
    first = text.strip().splitlines()[0].strip() if text.strip() else ""
    if not first or first in {"–", "-"}:
        return None
    if language == "tr":
        return turkish.parse_number(first)
    return Decimal(first.replace(",", ""))
