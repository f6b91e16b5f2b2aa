"""A municipality's units, managed by its admins."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ortak.organizations import permissions, selectors, services
from ortak.organizations.forms import (
    UnitForm,
)
from ortak.organizations.models import (
    Municipality,
    Unit,
)
from ortak.organizations.views._common import (
    _add_errors,
    _flash_errors,
)


@login_required
@require_http_methods(["GET", "POST"])
def municipality_units(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality, slug=slug)
    if not permissions.can_manage_units(request.user, municipality):
        raise PermissionDenied
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.create_unit(
                actor=request.user, municipality=municipality, **form.cleaned_data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("%(name)s is added.") % {"name": unit.name})
            return redirect("organizations:municipality_units", slug=municipality.slug)
    context = {
        "municipality": municipality,
        "units": selectors.units_of(municipality),
        "form": form,
    }
    return render(request, "organizations/municipality_units.html", context)


def _unit(slug: str, pk: int) -> Unit:
    return get_object_or_404(
        Unit.objects.select_related("municipality"), pk=pk, municipality__slug=slug
    )


@login_required
@require_http_methods(["GET", "POST"])
def unit_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit = _unit(slug, pk)
    if not permissions.can_manage_units(request.user, unit.municipality):
        raise PermissionDenied
    initial = {"name": unit.name, "is_strategy_unit": unit.is_strategy_unit}
    form = UnitForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_unit(actor=request.user, unit=unit, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The unit is saved."))
            return redirect("organizations:municipality_units", slug=slug)
    return render(request, "organizations/unit_form.html", {"unit": unit, "form": form})


@login_required
@require_POST
def unit_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit = _unit(slug, pk)
    if not permissions.can_manage_units(request.user, unit.municipality):
        raise PermissionDenied
    try:
        services.delete_unit(actor=request.user, unit=unit)
    except ValidationError as error:
        _flash_errors(request, error)
    else:
        messages.success(request, _("%(name)s is deleted.") % {"name": unit.name})
    return redirect("organizations:municipality_units", slug=slug)
