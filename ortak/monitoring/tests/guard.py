"""Monitoring's data for the query guard (config/tests/representatives.py): many assessments
with evidence and replies on the objective the guard measures, and an open value to enter."""

from __future__ import annotations

from typing import Any

from ortak.monitoring.models import Assessment, AssessmentReply, Rating
from ortak.monitoring.services.calendar import generate_periods
from ortak.organizations.tests.factories import OrganizationFactory
from ortak.plans.models import Activity, Indicator, Objective


def monitoring_data(d: Any) -> dict[str, Any]:
    """Built once per dataset: 20 organizations assess objective 2.2 and one of its activities
    (with a link each; half of them answered), plus the dataset organization's own assessment."""
    if "monitoring" in d.extra:
        return d.extra["monitoring"]  # type: ignore[no-any-return]
    plan = d.plan
    periods = {p.code: p for p in generate_periods(plan=plan)}
    objective = Objective.objects.get(plan=plan, code="2.2")
    activity = Activity.objects.filter(objective=objective).order_by("pk").first()
    nodes = [("objective", objective.pk)] + ([("activity", activity.pk)] if activity else [])
    for n, organization in enumerate(OrganizationFactory.create_batch(20)):
        for kind, node_id in nodes:
            assessment = Assessment.objects.create(
                plan=plan,
                node_kind=kind,
                node_id=node_id,
                period=periods[str(plan.start_year)],
                organization=organization,
                rating=Rating.AT_RISK,
                narrative=f"Gözlem {n}: çalışmalar **yavaş**.",
            )
            assessment.evidence.create(url=f"https://example.org/kanit/{n}")
            if n % 2:
                AssessmentReply.objects.create(assessment=assessment, text="Yanıtımız.")
    own = Assessment.objects.create(
        plan=plan,
        node_kind="objective",
        node_id=objective.pk,
        period=periods[f"{plan.start_year}-H1"],
        organization=d.organization,
        rating=Rating.OFF_TRACK,
        narrative="Bizim değerlendirmemiz.",
    )
    from ortak.monitoring.services.assessments import refresh_objective_summary

    refresh_objective_summary(objective.pk)
    indicator = (
        Indicator.objects.filter(plan=plan, owner_unit=d.units[0]).order_by("pk").first()
        or Indicator.objects.filter(plan=plan).order_by("pk").first()
    )
    assert indicator is not None
    data = {"assessment": own.pk, "indicator": indicator.pk}
    d.extra["monitoring"] = data
    return data


def assessment_kwargs(d: Any) -> dict[str, Any]:
    return {"pk": monitoring_data(d)["assessment"]}


def value_form_kwargs(d: Any) -> dict[str, Any]:
    data = monitoring_data(d)
    return {
        "slug": d.municipality.slug,
        "indicator_id": data["indicator"],
        "period": str(d.plan.start_year + 1),
    }
