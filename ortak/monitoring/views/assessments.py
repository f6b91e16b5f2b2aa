"""CSO assessments (gölge izleme): write, change, withdraw; the municipality's one reply.

Assessments are read on the plan pages (``monitoring/node_assessments.html``); these pages are
the forms. Evidence files are served as downloads only.
"""

from __future__ import annotations

import mimetypes
from pathlib import PurePath
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ortak.monitoring import permissions
from ortak.monitoring.forms import AssessmentEditForm, AssessmentForm, ReplyForm
from ortak.monitoring.models import Assessment, AssessmentEvidence, AssessmentReply
from ortak.monitoring.selectors import assessments as selectors
from ortak.monitoring.services import assessments as services
from ortak.monitoring.services.calendar import ensure_periods
from ortak.monitoring.views._common import add_errors
from ortak.plans.models import Activity, Indicator, NodeKind, Objective, StrategicPlan
from ortak.plans.permissions import can_view_plan
from ortak.plans.selectors import plan_by_period

GET_POST = require_http_methods(["GET", "POST"])
KINDS = {"hedef": NodeKind.OBJECTIVE, "gosterge": NodeKind.INDICATOR}


def _plan_or_404(request: HttpRequest, slug: str, start: int, end: int) -> StrategicPlan:
    plan = plan_by_period(slug=slug, start_year=start, end_year=end)
    if plan is None or not can_view_plan(request.user, plan):
        raise Http404
    return plan


def _targets(plan: StrategicPlan, kind: str, code: str) -> tuple[models.Model, list[Any]]:
    """The page's node and the items the form offers: an objective and its activities, or an
    indicator."""
    if kind == NodeKind.INDICATOR:
        indicator = Indicator.objects.filter(plan=plan, code=code).first()
        if indicator is None:
            raise Http404
        indicator.plan = plan
        return indicator, [indicator]
    objective = Objective.objects.filter(plan=plan, code=code).first()
    if objective is None:
        raise Http404
    objective.plan = plan
    activities = list(Activity.objects.filter(objective=objective).order_by("code", "id"))
    for activity in activities:
        activity.plan = plan
        activity.objective = objective
    return objective, [objective, *activities]


def _target_label(node: Any) -> str:
    if isinstance(node, Objective):
        return _("Objective %(code)s: %(title)s") % {"code": node.code, "title": node.title}
    if isinstance(node, Indicator):
        return _("Indicator %(code)s: %(name)s") % {"code": node.code, "name": node.name}
    return _("Activity %(code)s: %(name)s") % {"code": node.code or "–", "name": node.name}


def _target_key(node: Any) -> str:
    kind = {Objective: NodeKind.OBJECTIVE, Indicator: NodeKind.INDICATOR}.get(
        type(node), NodeKind.ACTIVITY
    )
    return f"{kind}:{node.pk}"


def _node_page(assessment: Assessment) -> str:
    plan = assessment.plan
    return selectors.node_url(plan, assessment.node_kind, assessment.node) + (
        f"#assessment-{assessment.pk}"
    )


@login_required
@GET_POST
def new_assessment(
    request: HttpRequest, slug: str, start: int, end: int, kind: str, code: str
) -> HttpResponse:
    if kind not in KINDS:
        raise Http404
    plan = _plan_or_404(request, slug, start, end)
    organizations = permissions.acting_organizations(request.user)
    if not permissions.can_assess(request.user, plan):
        raise PermissionDenied
    node, targets = _targets(plan, KINDS[kind], code)
    periods = selectors.periods_for_assessment(plan, timezone.localdate())
    if not periods:
        ensure_periods(plan)
        periods = selectors.periods_for_assessment(plan, timezone.localdate())
    by_key = {_target_key(t): t for t in targets}
    form = AssessmentForm(
        request.POST or None,
        request.FILES or None,
        organizations=organizations,
        targets=[(key, _target_label(t)) for key, t in by_key.items()],
        periods=periods,
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.submit_assessment(
                actor=request.user,
                organization=form.cleaned_data["organization"],
                node=by_key[form.cleaned_data["target"]],
                period=form.cleaned_data["period"],
                rating=form.cleaned_data["rating"],
                narrative=form.cleaned_data["narrative"],
                observed_value=form.cleaned_data["observed_value"],
                files=form.cleaned_data["attachments"],
                links=form.link_list(),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your organization's assessment is published."))
            return redirect(_node_page(assessment))
    context = {
        "plan": plan,
        "node": node,
        "node_label": _target_label(node),
        "form": form,
        "back_url": selectors.node_url(plan, KINDS[kind], node),
    }
    return render(request, "monitoring/assessments/assessment_form.html", context)


def _assessment_or_404(pk: int) -> Assessment:
    assessment = selectors.assessment_by_pk(pk)
    if assessment is None:
        raise Http404
    return assessment


@login_required
@GET_POST
def edit_assessment(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment_or_404(pk)
    if not permissions.can_edit_assessment(request.user, assessment):
        raise PermissionDenied
    evidence = [(e.pk, str(e)) for e in assessment.evidence.all()]
    form = AssessmentEditForm(
        request.POST or None,
        request.FILES or None,
        evidence=evidence,
        initial={
            "rating": assessment.rating,
            "observed_value": assessment.observed_value,
            "narrative": assessment.narrative,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_assessment(
                actor=request.user,
                assessment=assessment,
                rating=form.cleaned_data["rating"],
                narrative=form.cleaned_data["narrative"],
                observed_value=form.cleaned_data["observed_value"],
                files=form.cleaned_data["attachments"],
                links=form.link_list(),
                remove_evidence=form.removed(),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The assessment is updated."))
            return redirect(_node_page(assessment))
    context = {"assessment": assessment, "plan": assessment.plan, "form": form}
    return render(request, "monitoring/assessments/assessment_edit.html", context)


@login_required
@require_POST
def delete_assessment(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _assessment_or_404(pk)
    page = selectors.node_url(assessment.plan, assessment.node_kind, assessment.node)
    services.delete_assessment(actor=request.user, assessment=assessment)
    messages.success(request, _("The assessment is withdrawn."))
    return redirect(page)


@login_required
@GET_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the municipality's reply, or correct it once written."""
    assessment = _assessment_or_404(pk)
    existing: AssessmentReply | None = getattr(assessment, "reply", None)
    if existing is not None:
        if not permissions.can_edit_reply(request.user, existing):
            raise PermissionDenied
    elif not permissions.can_reply_to_assessment(request.user, assessment):
        raise PermissionDenied
    form = ReplyForm(request.POST or None, initial={"text": existing.text if existing else ""})
    if request.method == "POST" and form.is_valid():
        try:
            if existing is None:
                services.reply_to_assessment(
                    actor=request.user, assessment=assessment, text=form.cleaned_data["text"]
                )
            else:
                services.update_reply(
                    actor=request.user, reply=existing, text=form.cleaned_data["text"]
                )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The municipality's reply is published."))
            return redirect(_node_page(assessment))
    context = {
        "assessment": assessment,
        "plan": assessment.plan,
        "form": form,
        "existing": existing,
    }
    return render(request, "monitoring/assessments/reply_form.html", context)


def evidence(request: HttpRequest, pk: int) -> FileResponse:
    """An evidence file, public like its assessment, always served as a download."""
    row = (
        AssessmentEvidence.objects.select_related("assessment__plan")
        .filter(pk=pk)
        .exclude(file="")
        .first()
    )
    if row is None or not can_view_plan(request.user, row.assessment.plan):
        raise Http404
    try:
        handle = row.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    name = row.title or PurePath(row.file.name).name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
