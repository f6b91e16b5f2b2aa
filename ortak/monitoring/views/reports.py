"""Monitoring and evaluation reports: the list, the report page, downloads and their progress.

Reports of a public plan are public; a draft's reports follow ``plans.permissions.can_view_plan``
(404 to anyone else, so that the draft does not leak). The page is drawn live from the stored
figures; a PDF or XLSX is kept and served again until the plan's data change
(``services.reports``). A big file is drawn by a task while the visitor watches a page that
refreshes itself: ``<meta http-equiv="refresh">`` without JavaScript, htmx polling with it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from ortak.core.pagecache import public_page
from ortak.monitoring.models import GeneratedReport
from ortak.monitoring.reports.periods import ReportPeriod, parse_report_period
from ortak.monitoring.reports.render import CONTENT_TYPES, report_filename
from ortak.monitoring.reports.tables import build_report
from ortak.monitoring.selectors.reports import generated_report, report_periods
from ortak.monitoring.services.reports import obtain_report
from ortak.plans import selectors as plan_selectors
from ortak.plans.models import StrategicPlan
from ortak.plans.permissions import can_view_plan

# The waiting page asks again this often (seconds).
REFRESH_SECONDS = 2


def _plan_or_404(request: HttpRequest, slug: str, start: int, end: int) -> StrategicPlan:
    plan = plan_selectors.plan_by_period(slug=slug, start_year=start, end_year=end)
    if plan is None or not can_view_plan(request.user, plan):
        raise Http404
    return plan


def _period_or_404(plan: StrategicPlan, kind: str, period: str) -> ReportPeriod:
    try:
        report_period = parse_report_period(kind, period)
    except ValueError:
        raise Http404 from None
    if report_period not in report_periods(plan):
        raise Http404
    return report_period


def _private(response: HttpResponseBase, plan: StrategicPlan) -> HttpResponseBase:
    if not plan.is_public:
        patch_cache_control(response, private=True, no_store=True)
    return response


def _args(plan: StrategicPlan, period: ReportPeriod) -> dict[str, object]:
    return {
        "slug": plan.municipality.slug,
        "start": plan.start_year,
        "end": plan.end_year,
        "kind": period.kind,
        "period": period.text,
    }


@public_page
@require_GET
def report_list(request: HttpRequest, slug: str, start: int, end: int) -> HttpResponseBase:
    plan = _plan_or_404(request, slug, start, end)
    context = {"plan": plan, "periods": report_periods(plan)}
    return _private(render(request, "monitoring/reports/report_list.html", context), plan)


@public_page
@require_GET
def report_detail(
    request: HttpRequest, slug: str, start: int, end: int, kind: str, period: str
) -> HttpResponseBase:
    plan = _plan_or_404(request, slug, start, end)
    report_period = _period_or_404(plan, kind, period)
    context = {"plan": plan, "report": build_report(plan, report_period)}
    return _private(render(request, "monitoring/reports/report_detail.html", context), plan)


@require_GET
def report_download(
    request: HttpRequest, slug: str, start: int, end: int, kind: str, period: str, fmt: str
) -> HttpResponseBase:
    """The kept file when it is still true; otherwise it is drawn now (small plans) or the
    visitor is sent to the page that shows the drawing's progress."""
    plan = _plan_or_404(request, slug, start, end)
    report_period = _period_or_404(plan, kind, period)
    try:
        report = obtain_report(
            actor=request.user,
            plan=plan,
            period=report_period,
            language=get_language() or "tr",
            fmt=fmt,
        )
    except ValidationError:
        raise Http404 from None
    if report.status != GeneratedReport.Status.DONE:
        return redirect(
            reverse("monitoring:report_progress", kwargs={**_args(plan, report_period), "fmt": fmt})
        )
    response = FileResponse(
        report.file.open("rb"),
        as_attachment=True,
        filename=report_filename(plan, report_period, report.language, fmt),
        content_type=CONTENT_TYPES[fmt],
    )
    return _private(response, plan)


@require_GET
def report_progress(
    request: HttpRequest, slug: str, start: int, end: int, kind: str, period: str, fmt: str
) -> HttpResponseBase:
    """Where the visitor waits for a big file: progress, then the link (or the error)."""
    plan = _plan_or_404(request, slug, start, end)
    report_period = _period_or_404(plan, kind, period)
    report = generated_report(plan, report_period, language=get_language() or "tr", fmt=fmt)
    download_url = reverse(
        "monitoring:report_download", kwargs={**_args(plan, report_period), "fmt": fmt}
    )
    if report is None:
        return redirect(download_url)  # nothing asked yet: the download starts it
    context = {
        "plan": plan,
        "period": report_period,
        "generated": report,
        "fmt": fmt,
        "download_url": download_url,
        "progress_url": request.path,
        "refresh_seconds": REFRESH_SECONDS,
    }
    template = "monitoring/reports/report_progress.html"
    if getattr(request, "htmx", False):
        template += "#status"
    response = render(request, template, context)
    patch_cache_control(response, no_store=True)
    return response
