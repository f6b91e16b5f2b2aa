"""Editor pages of a plan (municipality editors and admins with MFA): thin views that parse a
form, call one service and render (STYLE rule 3).

A user who may not edit gets 403, or 404 for a draft they may not even see (its existence does
not leak). Every page works without JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ortak.organizations.models import Municipality
from ortak.plans import permissions, quality, services
from ortak.plans import selectors_editor as selectors
from ortak.plans.forms import (
    ActivityForm,
    AimForm,
    IndicatorForm,
    MeasurementEditForm,
    MeasurementForm,
    ObjectiveForm,
    PlanCreateForm,
    PlanDetailsForm,
    PlanRevisionForm,
    PlanStatusForm,
    TargetRevisionForm,
    open_periods,
    period_label,
)
from ortak.plans.models import Activity, Aim, Indicator, Objective, StrategicPlan
from ortak.plans.services.plans import TRANSITIONS
from ortak.plans.views._common import municipality_or_404, plan_or_404

GET_POST = require_http_methods(["GET", "POST"])
YEAR_PREFIXES = ("target_", "planned_", "actual_")


# --- Helpers ----------------------------------------------------------------------------------


def _municipality(request: HttpRequest, slug: str) -> Municipality:
    municipality = municipality_or_404(slug)
    if not permissions.can_create_plan(request.user, municipality):
        raise PermissionDenied
    return municipality


def _plan(request: HttpRequest, slug: str, start: int, end: int) -> StrategicPlan:
    plan = plan_or_404(request, slug, start, end)
    if not permissions.can_edit_plan(request.user, plan):
        raise PermissionDenied
    return plan


def _node_or_404(node: Any) -> Any:
    if node is None:
        raise Http404
    return node


def plan_args(plan: StrategicPlan) -> list[Any]:
    return [plan.municipality.slug, plan.start_year, plan.end_year]


def _dashboard(plan: StrategicPlan, anchor: str = "") -> HttpResponse:
    url = reverse("plans:editor_dashboard", args=plan_args(plan))
    return redirect(f"{url}#{anchor}" if anchor else url)


def _add_errors(form: BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the field it names, else on the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            if field in ("targets", "costs"):
                target = None
            form.add_error(target, errors)
    else:
        form.add_error(None, error)


def _submit(request: HttpRequest, form: BaseForm, action: Callable[[], Any]) -> Any:
    """Run the service when the form is valid; its ValidationError lands on the form."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = action()
    except ValidationError as error:
        _add_errors(form, error)
        return None
    messages.success(request, _("Saved."))
    return result if result is not None else True


def _form_page(
    request: HttpRequest,
    plan: StrategicPlan,
    form: BaseForm,
    *,
    title: str,
    cancel: str = "",
    intro: str = "",
    multipart: bool = False,
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    main = [f for f in form if not f.name.startswith(YEAR_PREFIXES)]
    years = [f for f in form if f.name.startswith(YEAR_PREFIXES)]
    context = {
        "plan": plan,
        "form": form,
        "main_fields": main,
        "year_fields": years,
        "title": title,
        "intro": intro,
        "cancel": cancel or reverse("plans:editor_dashboard", args=plan_args(plan)),
        "multipart": multipart,
        **(extra or {}),
    }
    return render(request, "plans/editor/node_form.html", context)


# --- Plans of a municipality -------------------------------------------------------------------


@login_required
def plan_list(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = _municipality(request, slug)
    context = {"municipality": municipality, "plans": selectors.plans_of(municipality)}
    return render(request, "plans/editor/plan_list.html", context)


@login_required
@GET_POST
def plan_create(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = _municipality(request, slug)
    form = PlanCreateForm(request.POST or None)
    plan = _submit(
        request,
        form,
        lambda: services.create_plan(
            actor=request.user, municipality=municipality, **form.cleaned_data
        ),
    )
    if plan:
        return _dashboard(plan)
    context = {"municipality": municipality, "form": form}
    return render(request, "plans/editor/plan_create.html", context)


# --- The plan --------------------------------------------------------------------------------


@login_required
def dashboard(request: HttpRequest, slug: str, start: int, end: int) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    aims = selectors.plan_tree(plan)
    findings = quality.audit_plan(plan, aims=aims)
    context = {
        "plan": plan,
        "aims": aims,
        "findings": findings,
        "summary": quality.summarise(findings),
        "transitions": sorted(TRANSITIONS.get(plan.status, ())),
        "status_form": PlanStatusForm(),
        "plan_revisions": selectors.plan_revisions(plan),
        "can_edit_structure": permissions.can_edit_structure(request.user, plan),
        "can_revise": permissions.can_revise_figures(request.user, plan),
        "can_edit_activities": permissions.can_edit_activities(request.user, plan),
        "can_delete": permissions.can_delete_plan(request.user, plan),
        "can_publish": permissions.can_publish_plan(request.user, plan),
    }
    return render(request, "plans/editor/dashboard.html", context)


@login_required
@GET_POST
def plan_details(request: HttpRequest, slug: str, start: int, end: int) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    form = PlanDetailsForm.for_plan(plan, request.POST or None, request.FILES or None)
    if _submit(
        request,
        form,
        lambda: services.update_plan_details(actor=request.user, plan=plan, **form.cleaned_data),
    ):
        return _dashboard(plan)
    return _form_page(request, plan, form, title=_("Plan details"), multipart=True)


@login_required
@require_POST
def plan_status(request: HttpRequest, slug: str, start: int, end: int) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    form = PlanStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid status."))
        return _dashboard(plan)
    try:
        services.set_plan_status(actor=request.user, plan=plan, **form.cleaned_data)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("The plan is now %(status)s.") % {"status": plan.get_status_display()}
        )
    return _dashboard(plan)


@login_required
@GET_POST
def plan_delete(request: HttpRequest, slug: str, start: int, end: int) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    return _delete(
        request,
        plan,
        allowed=permissions.can_delete_plan(request.user, plan),
        question=_("Delete the draft plan %(plan)s?") % {"plan": plan},
        delete=lambda: services.delete_plan(actor=request.user, plan=plan),
        done=_("The draft plan was deleted."),
        next_url=reverse("plans:editor_plan_list", args=[plan.municipality.slug]),
    )


@login_required
@GET_POST
def plan_revision_create(request: HttpRequest, slug: str, start: int, end: int) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    if not permissions.can_revise_figures(request.user, plan):
        raise PermissionDenied
    form = PlanRevisionForm(request.POST or None, initial={"date": timezone.localdate()})
    if _submit(
        request,
        form,
        lambda: services.create_plan_revision(actor=request.user, plan=plan, **form.cleaned_data),
    ):
        return _dashboard(plan, "plan-revisions")
    return _form_page(
        request,
        plan,
        form,
        title=_("New plan update"),
        intro=_(
            "A mid-term update groups the target changes made under it; each change still "
            "needs its own reason."
        ),
    )


def _delete(
    request: HttpRequest,
    plan: StrategicPlan,
    *,
    allowed: bool,
    question: str,
    delete: Callable[[], Any],
    done: str,
    anchor: str = "",
    next_url: str = "",
) -> HttpResponse:
    """A deletion: the confirmation page (GET), or the service and back to the plan (POST)."""
    if not allowed:
        raise PermissionDenied
    if request.method == "POST":
        delete()
        messages.success(request, done)
        return redirect(next_url) if next_url else _dashboard(plan, anchor)
    context = {
        "plan": plan,
        "question": question,
        "cancel": reverse("plans:editor_dashboard", args=plan_args(plan)),
    }
    return render(request, "plans/editor/confirm_delete.html", context)


# --- Aims ------------------------------------------------------------------------------------


@login_required
@GET_POST
def aim_create(request: HttpRequest, slug: str, start: int, end: int) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    if not permissions.can_edit_structure(request.user, plan):
        raise PermissionDenied
    form = AimForm(request.POST or None)
    aim = _submit(
        request,
        form,
        lambda: services.create_aim(actor=request.user, plan=plan, **form.cleaned_data),
    )
    if aim:
        return _dashboard(plan, f"aim-{aim.pk}")
    return _form_page(request, plan, form, title=_("New aim"))


@login_required
@GET_POST
def aim_edit(request: HttpRequest, slug: str, start: int, end: int, code: str) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    aim: Aim = _node_or_404(selectors.aim_by_code(plan, code))
    form = AimForm(request.POST or None, initial={"code": aim.code, "title": aim.title})
    if plan.is_locked:
        form.fields["code"].disabled = True
    if _submit(
        request, form, lambda: services.update_aim(actor=request.user, aim=aim, **form.cleaned_data)
    ):
        return _dashboard(plan, f"aim-{aim.pk}")
    return _form_page(request, plan, form, title=_("Aim %(code)s") % {"code": aim.code})


@login_required
@GET_POST
def aim_delete(request: HttpRequest, slug: str, start: int, end: int, code: str) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    aim: Aim = _node_or_404(selectors.aim_by_code(plan, code))
    return _delete(
        request,
        plan,
        allowed=permissions.can_edit_structure(request.user, plan),
        question=_("Delete aim %(code)s with all its objectives, indicators and activities?")
        % {"code": aim.code},
        delete=lambda: services.delete_aim(actor=request.user, aim=aim),
        done=_("Aim %(code)s was deleted.") % {"code": aim.code},
    )


# --- Objectives ------------------------------------------------------------------------------


def _objective_initial(objective: Objective) -> dict[str, Any]:
    initial = {
        name: getattr(objective, name)
        for name in (
            "code",
            "title",
            "cooperates_with_all_units",
            "risks",
            "strategies",
            "cost_estimate",
            "findings",
            "needs",
        )
    }
    initial["responsible_unit"] = objective.responsible_unit_id
    initial["cooperating_units"] = [u.pk for u in objective.cooperating_units.all()]
    return initial


@login_required
@GET_POST
def objective_create(
    request: HttpRequest, slug: str, start: int, end: int, code: str
) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    aim: Aim = _node_or_404(selectors.aim_by_code(plan, code))
    if not permissions.can_edit_structure(request.user, plan):
        raise PermissionDenied
    units = selectors.units_of(plan.municipality_id)
    form = ObjectiveForm(
        request.POST or None,
        units=units,
        initial={"code": f"{aim.code}.{aim.objectives.count() + 1}"},
    )
    objective = _submit(
        request,
        form,
        lambda: services.create_objective(actor=request.user, aim=aim, **form.cleaned_data),
    )
    if objective:
        return _dashboard(plan, f"objective-{objective.pk}")
    return _form_page(
        request, plan, form, title=_("New objective under aim %(code)s") % {"code": aim.code}
    )


@login_required
@GET_POST
def objective_edit(
    request: HttpRequest, slug: str, start: int, end: int, code: str
) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    objective: Objective = _node_or_404(selectors.objective_by_code(plan, code))
    units = selectors.units_of(plan.municipality_id)
    form = ObjectiveForm(request.POST or None, units=units, initial=_objective_initial(objective))
    if plan.is_locked:
        form.fields["code"].disabled = True
    if _submit(
        request,
        form,
        lambda: services.update_objective(
            actor=request.user, objective=objective, **form.cleaned_data
        ),
    ):
        return _dashboard(plan, f"objective-{objective.pk}")
    return _form_page(
        request,
        plan,
        form,
        title=_("Objective %(code)s: objective card") % {"code": objective.code},
        extra={"activities": selectors.activities_of(objective), "objective": objective},
    )


@login_required
@GET_POST
def objective_delete(
    request: HttpRequest, slug: str, start: int, end: int, code: str
) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    objective: Objective = _node_or_404(selectors.objective_by_code(plan, code))
    return _delete(
        request,
        plan,
        allowed=permissions.can_edit_structure(request.user, plan),
        question=_("Delete objective %(code)s with its indicators and activities?")
        % {"code": objective.code},
        delete=lambda: services.delete_objective(actor=request.user, objective=objective),
        done=_("Objective %(code)s was deleted.") % {"code": objective.code},
    )


# --- Indicators ------------------------------------------------------------------------------


@login_required
@GET_POST
def indicator_create(
    request: HttpRequest, slug: str, start: int, end: int, code: str
) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    objective: Objective = _node_or_404(selectors.objective_by_code(plan, code))
    if not permissions.can_edit_structure(request.user, plan):
        raise PermissionDenied
    initial = {
        "code": f"{objective.code}.{objective.indicators.count() + 1}",
        "direction": Indicator.Direction.INCREASING,
        "kind": Indicator.Kind.CUMULATIVE,
        "monitoring_frequency": Indicator.Frequency.SIX_MONTHLY,
        "reporting_frequency": Indicator.Frequency.SIX_MONTHLY,
        "baseline_year": plan.start_year - 1,
    }
    units = selectors.units_of(plan.municipality_id)
    form = IndicatorForm(request.POST or None, plan=plan, units=units, initial=initial)
    indicator = _submit(
        request,
        form,
        lambda: services.create_indicator(
            actor=request.user, objective=objective, **form.service_kwargs()
        ),
    )
    if indicator:
        return _dashboard(plan, f"indicator-{indicator.pk}")
    return _form_page(
        request,
        plan,
        form,
        title=_("New indicator under objective %(code)s") % {"code": objective.code},
        extra={"year_legend": _("Targets per plan year")},
    )


@login_required
@GET_POST
def indicator_edit(
    request: HttpRequest, slug: str, start: int, end: int, code: str
) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    indicator: Indicator = _node_or_404(selectors.indicator_by_code(plan, code))
    units = selectors.units_of(plan.municipality_id)
    form = IndicatorForm(
        request.POST or None,
        plan=plan,
        units=units,
        locked=plan.is_locked,
        initial=IndicatorForm.initial_for(indicator),
    )
    if _submit(
        request,
        form,
        lambda: services.update_indicator(
            actor=request.user, indicator=indicator, **form.service_kwargs()
        ),
    ):
        return _dashboard(plan, f"indicator-{indicator.pk}")
    intro = ""
    if plan.is_locked:
        intro = _(
            "The plan is adopted: its code, weight, baseline, direction, kind and targets "
            "change only through a revision with a reason."
        )
    return _form_page(
        request,
        plan,
        form,
        title=_("Indicator %(code)s") % {"code": indicator.code},
        intro=intro,
        extra={"year_legend": _("Targets per plan year"), "indicator": indicator},
    )


@login_required
@GET_POST
def indicator_delete(
    request: HttpRequest, slug: str, start: int, end: int, code: str
) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    indicator: Indicator = _node_or_404(selectors.indicator_by_code(plan, code))
    return _delete(
        request,
        plan,
        allowed=permissions.can_edit_structure(request.user, plan),
        question=_("Delete indicator %(code)s with its targets and values?")
        % {"code": indicator.code},
        delete=lambda: services.delete_indicator(actor=request.user, indicator=indicator),
        done=_("Indicator %(code)s was deleted.") % {"code": indicator.code},
    )


@login_required
@GET_POST
def indicator_targets(
    request: HttpRequest, slug: str, start: int, end: int, code: str
) -> HttpResponse:
    """Revise the targets of an adopted plan's indicator, with one reason for the change."""
    plan = _plan(request, slug, start, end)
    indicator: Indicator = _node_or_404(selectors.indicator_by_code(plan, code))
    if not permissions.can_revise_figures(request.user, plan):
        raise PermissionDenied
    form = TargetRevisionForm(
        request.POST or None,
        plan=plan,
        initial={f"target_{t.year}": t.value for t in indicator.targets.all()},
    )

    if _submit(
        request,
        form,
        lambda: services.revise_targets(
            actor=request.user,
            indicator=indicator,
            targets=form.targets(),
            reason=form.cleaned_data["reason"],
            plan_revision=form.cleaned_data["plan_revision"],
        ),
    ):
        return _dashboard(plan, f"indicator-{indicator.pk}")
    return _form_page(
        request,
        plan,
        form,
        title=_("Revise the targets of indicator %(code)s") % {"code": indicator.code},
        intro=_(
            "The plan is adopted: each changed target is recorded with its old value, the new "
            "value and your reason, and shown on the public indicator page."
        ),
        extra={
            "year_legend": _("Targets per plan year"),
            "revisions": selectors.revisions_of_indicator(indicator),
        },
    )


# --- Measurements ----------------------------------------------------------------------------


@login_required
@GET_POST
def measurements(request: HttpRequest, slug: str, start: int, end: int, code: str) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    indicator: Indicator = _node_or_404(selectors.indicator_by_code(plan, code))
    can_enter = permissions.can_enter_measurement(request.user, indicator)
    values = list(selectors.measurements_of(indicator))
    periods = open_periods(indicator, [m.period for m in values], timezone.localdate())
    form = MeasurementForm(request.POST or None, request.FILES or None, periods=periods)
    if request.method == "POST" and not can_enter:
        raise PermissionDenied
    if _submit(
        request,
        form,
        lambda: services.record_measurement(
            actor=request.user, indicator=indicator, **form.cleaned_data
        ),
    ):
        return redirect(request.path)
    context = {
        "plan": plan,
        "indicator": indicator,
        "measurements": [(m, period_label(m.period)) for m in values],
        "targets": sorted(indicator.targets.all(), key=lambda t: t.year),
        "form": form if can_enter and periods else None,
        "revisions": selectors.revisions_of_indicator(indicator),
    }
    return render(request, "plans/editor/measurements.html", context)


@login_required
@GET_POST
def measurement_edit(
    request: HttpRequest, slug: str, start: int, end: int, code: str, period: str
) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    indicator: Indicator = _node_or_404(selectors.indicator_by_code(plan, code))
    measurement = _node_or_404(selectors.measurement_of(indicator, period))
    if not permissions.can_enter_measurement(request.user, indicator):
        raise PermissionDenied
    form = MeasurementEditForm(
        request.POST or None,
        request.FILES or None,
        plan=plan,
        initial={
            "value": measurement.value,
            "explanation": measurement.explanation,
            "evidence_url": measurement.evidence_url,
        },
    )
    if _submit(
        request,
        form,
        lambda: services.update_measurement(
            actor=request.user, measurement=measurement, **form.cleaned_data
        ),
    ):
        return redirect("plans:editor_measurements", *plan_args(plan), indicator.code)
    cancel = reverse("plans:editor_measurements", args=[*plan_args(plan), indicator.code])
    return _form_page(
        request,
        plan,
        form,
        title=_("Indicator %(code)s: value of %(period)s")
        % {"code": indicator.code, "period": period_label(measurement.period)},
        cancel=cancel,
        multipart=True,
    )


# --- Activities ------------------------------------------------------------------------------


@login_required
@GET_POST
def activity_create(
    request: HttpRequest, slug: str, start: int, end: int, code: str
) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    objective: Objective = _node_or_404(selectors.objective_by_code(plan, code))
    if not permissions.can_edit_activities(request.user, plan):
        raise PermissionDenied
    units = selectors.units_of(plan.municipality_id)
    form = ActivityForm(request.POST or None, plan=plan, units=units)
    if _submit(
        request,
        form,
        lambda: services.create_activity(
            actor=request.user, objective=objective, **form.service_kwargs()
        ),
    ):
        return _dashboard(plan, f"objective-{objective.pk}")
    return _form_page(
        request,
        plan,
        form,
        title=_("New activity under objective %(code)s") % {"code": objective.code},
        extra={"year_legend": _("Cost per year")},
    )


@login_required
@GET_POST
def activity_edit(request: HttpRequest, slug: str, start: int, end: int, pk: int) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    activity: Activity = _node_or_404(selectors.activity_of(plan, pk))
    if not permissions.can_edit_activities(request.user, plan):
        raise PermissionDenied
    units = selectors.units_of(plan.municipality_id)
    form = ActivityForm(
        request.POST or None, plan=plan, units=units, initial=ActivityForm.initial_for(activity)
    )
    if _submit(
        request,
        form,
        lambda: services.update_activity(
            actor=request.user, activity=activity, **form.service_kwargs()
        ),
    ):
        return _dashboard(plan, f"objective-{activity.objective_id}")
    return _form_page(
        request,
        plan,
        form,
        title=_("Activity %(name)s") % {"name": activity},
        extra={"year_legend": _("Cost per year")},
    )


@login_required
@GET_POST
def activity_delete(request: HttpRequest, slug: str, start: int, end: int, pk: int) -> HttpResponse:
    plan = _plan(request, slug, start, end)
    activity: Activity = _node_or_404(selectors.activity_of(plan, pk))
    return _delete(
        request,
        plan,
        allowed=permissions.can_edit_activities(request.user, plan),
        question=_("Delete the activity %(name)s?") % {"name": activity},
        delete=lambda: services.delete_activity(actor=request.user, activity=activity),
        done=_("The activity was deleted."),
        anchor=f"objective-{activity.objective_id}",
    )
