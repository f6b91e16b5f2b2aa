"""Import and export pages: upload → preview → confirm, the template, the download buttons.

Thin views (STYLE rule 3): the work is ``ortak.plans.io`` (``import_file`` checks the
permission again and writes in one transaction). Nothing is written before the confirmation:
the upload waits in the cache (``io.uploads``) under a signed token.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ortak.core import pagecache
from ortak.core.pagecache import public_page
from ortak.organizations import permissions as org_permissions
from ortak.organizations.models import Municipality
from ortak.plans import permissions
from ortak.plans.io.exporter import CONTENT_TYPES, export_filename, export_plan, template_xlsx
from ortak.plans.io.forms import ImportConfirmForm, ImportUploadForm, TemplateForm
from ortak.plans.io.importer import ImportReport, import_file
from ortak.plans.io.reader import read_plan_file
from ortak.plans.io.uploads import (
    StoredUpload,
    UploadTicket,
    forget_upload,
    keep_upload,
    load_upload,
    read_ticket,
)
from ortak.plans.io.validate import find_plan
from ortak.plans.models import StrategicPlan
from ortak.plans.views._common import municipality_or_404, plan_or_404


def _municipality_for_import(request: HttpRequest, slug: str) -> Municipality:
    municipality = municipality_or_404(slug)
    if not permissions.can_import_plan(request.user, municipality):
        raise PermissionDenied
    return municipality


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = _municipality_for_import(request, slug)
    form = ImportUploadForm(
        request.POST or None,
        request.FILES or None,
        municipality=municipality,
        may_create_units=org_permissions.can_manage_units(request.user, municipality),
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        plan = form.cleaned_data.get("plan") or _plan_of_file(municipality, content, upload.name)
        token = keep_upload(
            user=request.user,
            municipality_id=municipality.pk,
            upload=StoredUpload(
                content=content,
                filename=upload.name or "",
                plan_id=plan.pk if plan else None,
                create_units=bool(form.cleaned_data.get("create_units")),
            ),
        )
        return redirect("plans:import_preview", slug=slug, token=token)
    template_form = TemplateForm(initial={"baslangic": datetime.date.today().year + 1})
    context = {"municipality": municipality, "form": form, "template_form": template_form}
    return render(request, "plans/io/upload.html", context)


def _plan_of_file(municipality: Municipality, content: bytes, name: str | None) -> Any:
    """The stored plan a workbook or JSON file is for (its Plan sheet's start year), if any."""
    document = read_plan_file(content, filename=name or "").document
    if document is None or document.plan is None:
        return None
    return find_plan(municipality, document.plan.start_year)


def _upload_target(
    request: HttpRequest, slug: str, token: str
) -> tuple[Municipality, StrategicPlan | None, UploadTicket | None]:
    """The municipality (404 unless the user may import there), the plan and the ticket."""
    ticket = read_ticket(token, user=request.user)
    plan = None
    if ticket is not None and ticket.plan_id is not None:
        plan = (
            StrategicPlan.objects.select_related("municipality")
            .filter(pk=ticket.plan_id, municipality_id=ticket.municipality_id)
            .first()
        )
    if plan is not None and plan.municipality.slug == slug:
        municipality = plan.municipality
    else:
        plan = None
        municipality = municipality_or_404(slug)
    if not permissions.can_import_plan(request.user, municipality):
        raise PermissionDenied
    if ticket is not None and ticket.municipality_id != municipality.pk:
        ticket = None
    return municipality, plan, ticket


@login_required
@require_http_methods(["GET", "POST"])
def import_preview(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """GET: what the import would do. POST: do it (with the reason an adopted plan needs)."""
    municipality, plan, ticket = _upload_target(request, slug, token)
    stored = load_upload(ticket) if ticket is not None else None
    if ticket is None or stored is None:
        messages.error(request, _("The uploaded file is no longer available; upload it again."))
        return redirect("plans:import_upload", slug=slug)
    arguments: dict[str, Any] = {
        "municipality": municipality,
        "content": stored.content,
        "filename": stored.filename,
        "actor": request.user,
        "plan": plan,
        "create_units": stored.create_units,
    }
    if request.method == "POST":
        form = ImportConfirmForm(request.POST, needs_reason=False)
        reason = request.POST.get("reason", "")
        try:
            report = import_file(**arguments, reason=reason)
        except ValidationError as error:
            report = import_file(**arguments, dry_run=True)
            form = ImportConfirmForm(request.POST, needs_reason=report.needs_reason)
            form.is_valid()
            form.add_error("reason" if "reason" in form.fields else None, error.messages)
        else:
            if report.applied:
                forget_upload(ticket)
                return _imported(request, report)
    else:
        report = import_file(**arguments, dry_run=True)
        form = ImportConfirmForm(needs_reason=report.needs_reason)
    context = {"municipality": municipality, "report": report, "form": form, "token": token}
    return render(request, "plans/io/preview.html", context)


def _imported(request: HttpRequest, report: ImportReport) -> HttpResponse:
    plan = report.plan
    assert plan is not None
    messages.success(
        request,
        _("The plan %(period)s is imported: %(created)s rows created, %(changed)s changed.")
        % {
            "period": plan.period_label,
            "created": sum(count.created for count in report.counts),
            "changed": sum(count.changed for count in report.counts),
        },
    )
    return redirect(
        "plans:plan_detail", slug=plan.municipality.slug, start=plan.start_year, end=plan.end_year
    )


@require_GET
def import_template(request: HttpRequest, slug: str) -> HttpResponse:
    """The empty Excel template, with the municipality and the plan years filled in."""
    municipality = municipality_or_404(slug)
    try:
        start = int(request.GET.get("baslangic", ""))
    except ValueError:
        start = datetime.date.today().year + 1
    if not 2000 <= start <= 2100:
        raise Http404
    content = template_xlsx(start_year=start, end_year=start + 4, municipality=municipality)
    filename = f"{municipality.slug}-stratejik-plan-sablonu-{start}-{start + 4}.xlsx"
    return _attachment(content, CONTENT_TYPES["xlsx"], filename)


@public_page
@require_GET
def plan_export(request: HttpRequest, slug: str, start: int, end: int, fmt: str) -> HttpResponse:
    """Download a plan; public once out of draft, a draft only to its editors (404 otherwise)."""
    if fmt not in CONTENT_TYPES:
        raise Http404
    plan = plan_or_404(request, slug, start, end)
    # Drawn once per change of the database (a 150-indicator plan's JSON costs ~100 ms).
    content = pagecache.memo(f"plan-export:{plan.pk}:{fmt}", lambda: export_plan(plan, fmt))
    response = _attachment(content, CONTENT_TYPES[fmt], export_filename(plan, fmt))
    if not plan.is_public:
        patch_cache_control(response, private=True, no_store=True)
    return response
