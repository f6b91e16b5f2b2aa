"""Public plan pages: thin views over ``ortak.plans.selectors`` (STYLE rule 3).

Every page is addressed by the municipality's slug and the plan period
(``/belediyeler/<slug>/plan/2025-2029/``). A draft plan answers 404 to anyone who may not see it
(``permissions.can_view_plan``), so its existence does not leak. ``?yil=2026`` switches the plan,
aim and objective pages to the year lens of that plan year (ARCHITECTURE §4 rule 3).
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from ortak.core import pagecache
from ortak.core.charts import Series, line_chart
from ortak.core.pagecache import public_page
from ortak.core.templatetags.ortak import number
from ortak.plans import selectors
from ortak.plans.models import Indicator, StrategicPlan
from ortak.plans.views._common import plan_or_404


def _year(request: HttpRequest, plan: StrategicPlan) -> int | None:
    """The year lens asked for with ``?yil=``, or None for the plan lens."""
    return selectors.parse_year(plan, request.GET.get("yil"))


@public_page
def plan_detail(request: HttpRequest, slug: str, start: int, end: int) -> HttpResponse:
    plan = plan_or_404(request, slug, start, end)
    year = _year(request, plan)
    context = {
        "plan": plan,
        "year": year,
        "figures": selectors.node_figures(plan, year),
        "aims": selectors.aim_rows(plan, year),
        # The audit reads the whole plan; kept until the next write (signed-in readers too).
        "quality": pagecache.memo(f"plan-quality:{plan.pk}", lambda: selectors.quality_panel(plan)),
    }
    return render(request, "plans/public/plan_detail.html", context)


@public_page
def aim_detail(request: HttpRequest, slug: str, start: int, end: int, code: str) -> HttpResponse:
    plan = plan_or_404(request, slug, start, end)
    aim = selectors.aim_by_code(plan, code)
    if aim is None:
        raise Http404
    year = _year(request, plan)
    context = {
        "plan": plan,
        "year": year,
        "aim": aim,
        "figures": selectors.node_figures(aim, year),
        "objectives": [
            selectors.Row(o, selectors.node_figures(o, year)) for o in aim.objectives.all()
        ],
    }
    return render(request, "plans/public/aim_detail.html", context)


@public_page
def objective_detail(
    request: HttpRequest, slug: str, start: int, end: int, code: str
) -> HttpResponse:
    plan = plan_or_404(request, slug, start, end)
    objective = selectors.objective_by_code(plan, code)
    if objective is None:
        raise Http404
    year = _year(request, plan)
    context = {
        "plan": plan,
        "year": year,
        "objective": objective,
        "aim": objective.aim,
        "figures": selectors.node_figures(objective, year),
        "indicators": selectors.indicator_rows(objective, plan.years, year),
    }
    return render(request, "plans/public/objective_detail.html", context)


@public_page
def indicator_detail(
    request: HttpRequest, slug: str, start: int, end: int, code: str
) -> HttpResponse:
    plan = plan_or_404(request, slug, start, end)
    indicator = selectors.indicator_by_code(plan, code)
    if indicator is None:
        raise Http404
    years = selectors.indicator_years(indicator, plan.years)
    measurements = list(indicator.measurements.all())
    decimals = selectors.display_decimals(
        [indicator.baseline, *[r.target for r in years], *[m.value for m in measurements]]
    )
    context = {
        "plan": plan,
        "indicator": indicator,
        "objective": indicator.objective,
        "aim": indicator.objective.aim,
        "figures": selectors.indicator_figures(indicator),
        "indicator_years": years,
        "chart": _indicator_chart(indicator, years, decimals),
        "decimals": decimals,
        "decimals_weight": selectors.display_decimals([indicator.weight], most=3),
        "measurements": measurements,
        "revisions": list(indicator.revisions.all()),
    }
    return render(request, "plans/public/indicator_detail.html", context)


def _indicator_chart(
    indicator: Indicator, years: list[selectors.IndicatorYear], decimals: int
) -> SafeString:
    """Targets and actuals by year; the table beside it shows the same numbers, same format."""
    return line_chart(
        title=_("Targets and actual values of indicator %(code)s by year")
        % {"code": indicator.code},
        description=indicator.name,
        x_labels=[str(row.year) for row in years],
        series=[
            Series(_("Target"), [row.target for row in years], dashed=True),
            Series(_("Actual"), [row.value for row in years]),
        ],
        y_label=indicator.unit_of_measure,
        format_value=lambda value: number(value, decimals),
    )


@public_page
def activity_list(request: HttpRequest, slug: str, start: int, end: int) -> HttpResponse:
    plan = plan_or_404(request, slug, start, end)
    context = {"plan": plan, "years": plan.years, "table": selectors.activity_table(plan)}
    return render(request, "plans/public/activity_list.html", context)


@public_page
def methodology(request: HttpRequest, slug: str, start: int, end: int) -> HttpResponse:
    """ "Nasıl hesaplanıyor?": rules 1–7 in plain words, with the plan's own numbers."""
    plan = plan_or_404(request, slug, start, end)
    context = {
        "plan": plan,
        "example": selectors.worked_example(plan),
        "on_track": settings.ORTAK_STATUS_ON_TRACK,
        "at_risk": settings.ORTAK_STATUS_AT_RISK,
    }
    return render(request, "plans/public/methodology.html", context)
