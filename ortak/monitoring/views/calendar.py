"""The reporting calendar: the municipality's due dates and its plan's periods."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ortak.monitoring import permissions
from ortak.monitoring.forms import CalendarForm, PeriodDueDateForm
from ortak.monitoring.models import MonitoringPeriod
from ortak.monitoring.selectors.dashboard import monitored_plan
from ortak.monitoring.services import calendar as services
from ortak.monitoring.views._common import add_errors, municipality_or_404


@login_required
@require_http_methods(["GET", "POST"])
def calendar(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = municipality_or_404(slug)
    if not permissions.can_view_dashboard(request.user, municipality):
        raise PermissionDenied
    can_edit = permissions.can_edit_calendar(request.user, municipality)
    current = services.calendar_of(municipality)
    form = CalendarForm(
        request.POST or None,
        initial={
            "half_year_due_month": current.half_year_due_month,
            "half_year_due_day": current.half_year_due_day,
            "full_year_due_month": current.full_year_due_month,
            "full_year_due_day": current.full_year_due_day,
        },
    )
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.update_calendar(
                    actor=request.user, municipality=municipality, **form.cleaned_data
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The reporting calendar is saved."))
                return redirect("monitoring:calendar", municipality.slug)
    plan = monitored_plan(municipality, timezone.localdate())
    periods = services.ensure_periods(plan) if plan is not None else []
    context = {
        "municipality": municipality,
        "form": form,
        "can_edit": can_edit,
        "plan": plan,
        "periods": [
            (
                period,
                PeriodDueDateForm(initial={"due_date": period.due_date}, prefix=f"p{period.pk}"),
            )
            for period in periods
        ],
        "today": timezone.localdate(),
    }
    return render(request, "monitoring/calendar/calendar.html", context)


@login_required
@require_POST
def period_due_date(request: HttpRequest, slug: str, period_id: int) -> HttpResponse:
    municipality = municipality_or_404(slug)
    period = (
        MonitoringPeriod.objects.select_related("plan__municipality")
        .filter(pk=period_id, plan__municipality=municipality)
        .first()
    )
    if period is None:
        raise Http404
    form = PeriodDueDateForm(request.POST, prefix=f"p{period.pk}")
    if form.is_valid():
        try:
            services.set_period_due_date(
                actor=request.user, period=period, due_date=form.cleaned_data["due_date"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The due date of %(period)s is now %(date)s.")
                % {"period": period.code, "date": period.due_date.isoformat()},
            )
    else:
        messages.error(request, _("Enter a valid date."))
    return redirect("monitoring:calendar", municipality.slug)
