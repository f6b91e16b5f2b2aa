"""The staff dashboard and the measurement workflow's pages (municipality staff with MFA).

Anonymous visitors are sent to sign in; signed-in users without a role in the municipality get
403. Every action is a POST to one service, then a redirect back to the dashboard.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ortak.monitoring import permissions
from ortak.monitoring.forms import MeasurementForm, OwnerForm, ReturnForm
from ortak.monitoring.selectors import dashboard as selectors
from ortak.monitoring.services import workflow
from ortak.monitoring.views._common import add_errors, municipality_or_404
from ortak.organizations.models import Municipality
from ortak.plans.models import Measurement, StrategicPlan


def _staff_municipality(request: HttpRequest, slug: str) -> Municipality:
    municipality = municipality_or_404(slug)
    if not permissions.can_view_dashboard(request.user, municipality):
        raise PermissionDenied
    return municipality


def _unit_filter(request: HttpRequest, municipality: Municipality) -> int | None:
    """``?birim=`` (a unit id, or 0 for indicators without a unit); a responder of one unit
    sees their unit first."""
    text = request.GET.get("birim")
    if text is None:
        role = permissions.staff_role(request.user, municipality)
        if role is not None and role.role == "responder" and role.unit_id is not None:
            return role.unit_id
        return None
    return int(text) if text.isdigit() else None


def _back(municipality: Municipality, anchor: str = "") -> HttpResponse:
    url = reverse("monitoring:dashboard", args=[municipality.slug])
    return redirect(f"{url}#{anchor}" if anchor else url)


@login_required
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = _staff_municipality(request, slug)
    data = selectors.dashboard(
        user=request.user,
        municipality=municipality,
        unit_filter=_unit_filter(request, municipality),
    )
    context = {
        "municipality": municipality,
        "data": data,
        "can_edit_calendar": permissions.can_edit_calendar(request.user, municipality),
    }
    return render(request, "monitoring/dashboard/dashboard.html", context)


def _plan_or_404(municipality: Municipality) -> StrategicPlan:
    plan = selectors.monitored_plan(municipality, timezone.localdate())
    if plan is None:
        raise Http404
    plan.municipality = municipality
    return plan


@login_required
@require_http_methods(["GET", "POST"])
def measurement_form(
    request: HttpRequest, slug: str, indicator_id: int, period: str
) -> HttpResponse:
    """Enter or change a value before publication (save as draft, or save and submit)."""
    municipality = _staff_municipality(request, slug)
    plan = _plan_or_404(municipality)
    indicator, monitoring_period, measurement = selectors.measurement_for_form(
        plan, indicator_id, period
    )
    if indicator is None or monitoring_period is None:
        raise Http404
    editable = (
        permissions.can_edit_draft(request.user, measurement)
        if measurement is not None
        else permissions.can_draft_measurement(request.user, indicator)
    )
    initial = {}
    if measurement is not None:
        initial = {
            "value": measurement.value,
            "explanation": measurement.explanation,
            "evidence_url": measurement.evidence_url,
        }
    form = MeasurementForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if form.is_valid():
            try:
                saved = workflow.save_draft(
                    actor=request.user,
                    indicator=indicator,
                    period=period,
                    value=form.cleaned_data["value"],
                    explanation=form.cleaned_data["explanation"],
                    evidence=form.cleaned_data["evidence"],
                    evidence_url=form.cleaned_data["evidence_url"],
                )
                if "submit" in request.POST and saved.status == Measurement.Status.DRAFT:
                    workflow.submit_measurement(actor=request.user, measurement=saved)
                    messages.success(request, _("The value is submitted for publication."))
                else:
                    messages.success(request, _("The value is saved as a draft."))
                return _back(municipality, "due")
            except ValidationError as error:
                add_errors(form, error)
    context = {
        "municipality": municipality,
        "plan": plan,
        "indicator": indicator,
        "period": monitoring_period,
        "measurement": measurement,
        "form": form,
        "editable": editable,
        "can_submit": measurement is None
        or permissions.can_submit_measurement(request.user, measurement),
        "can_publish": measurement is not None
        and permissions.can_publish_measurement(request.user, measurement),
        "can_return": measurement is not None
        and permissions.can_return_measurement(request.user, measurement),
        "return_form": ReturnForm(),
        "can_assign_owner": permissions.can_assign_owner(request.user, indicator),
    }
    return render(request, "monitoring/dashboard/measurement_form.html", context)


def _measurement_or_404(municipality: Municipality, measurement_id: int) -> Measurement:
    measurement = (
        Measurement.objects.select_related("indicator__plan")
        .filter(pk=measurement_id, indicator__plan__municipality=municipality)
        .first()
    )
    if measurement is None:
        raise Http404
    return measurement


@login_required
@require_POST
def submit(request: HttpRequest, slug: str, measurement_id: int) -> HttpResponse:
    municipality = _staff_municipality(request, slug)
    measurement = _measurement_or_404(municipality, measurement_id)
    workflow.submit_measurement(actor=request.user, measurement=measurement)
    messages.success(request, _("The value is submitted for publication."))
    return _back(municipality, "due")


@login_required
@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    """Publish the chosen submitted values (one or many), all or nothing."""
    municipality = _staff_municipality(request, slug)
    ids = [int(pk) for pk in request.POST.getlist("measurement") if pk.isdigit()]
    chosen = list(
        Measurement.objects.select_related("indicator__plan")
        .filter(pk__in=ids, indicator__plan__municipality=municipality)
        .order_by("pk")
    )
    if not chosen:
        messages.warning(request, _("Choose the values to publish."))
        return _back(municipality, "submitted")
    try:
        published = workflow.publish_measurements(actor=request.user, measurements=chosen)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(municipality, "submitted")
    messages.success(
        request,
        _("%(count)s value(s) published. The plan's figures are updated.")
        % {"count": len(published)},
    )
    return _back(municipality, "submitted")


@login_required
@require_POST
def send_back(request: HttpRequest, slug: str, measurement_id: int) -> HttpResponse:
    municipality = _staff_municipality(request, slug)
    measurement = _measurement_or_404(municipality, measurement_id)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            workflow.return_measurement(
                actor=request.user, measurement=measurement, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The value is sent back to the unit as a draft."))
            return _back(municipality, "submitted")
    else:
        messages.error(request, _("Say what needs to change."))
    return redirect(
        "monitoring:measurement_form",
        municipality.slug,
        measurement.indicator_id,
        measurement.period,
    )


@login_required
@require_http_methods(["GET", "POST"])
def owner_form(request: HttpRequest, slug: str, indicator_id: int) -> HttpResponse:
    """Name the indicator's owner unit and staff member (the strategy unit)."""
    municipality = _staff_municipality(request, slug)
    plan = _plan_or_404(municipality)
    indicator, _period, _value = selectors.measurement_for_form(plan, indicator_id, "")
    if indicator is None:
        raise Http404
    if not permissions.can_assign_owner(request.user, indicator):
        raise PermissionDenied
    form = OwnerForm(
        request.POST or None,
        municipality=municipality,
        initial={"owner_unit": indicator.owner_unit_id, "owner": indicator.owner_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            workflow.assign_owner(
                actor=request.user,
                indicator=indicator,
                owner_unit=form.cleaned_data["owner_unit"],
                owner=form.cleaned_data["owner"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The indicator's owner is saved."))
            return _back(municipality)
    context = {"municipality": municipality, "plan": plan, "indicator": indicator, "form": form}
    return render(request, "monitoring/dashboard/owner_form.html", context)
