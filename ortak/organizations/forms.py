"""Forms parse and validate input; the services make the change."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ortak.organizations.models import (
    FieldOfActivity,
    Membership,
    Municipality,
    Organization,
    Province,
    Unit,
)


def _with_blank(choices: Any, label: Any) -> list[tuple[str, Any]]:
    return [("", label), *choices]


class MunicipalityFilterForm(forms.Form):
    """GET filters of the municipality list; every field is optional."""

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Province.objects.order_by("name_sort"),
        to_field_name="slug",
        required=False,
        empty_label=_("All provinces"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=_with_blank(Municipality.Kind.choices, _("All kinds")),
        required=False,
    )

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        return {
            "q": self.cleaned_data["q"],
            "province": self.cleaned_data["province"],
            "kind": self.cleaned_data["kind"],
        }


class OrganizationFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Province.objects.order_by("name_sort"),
        to_field_name="slug",
        required=False,
        empty_label=_("All provinces"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=_with_blank(Organization.Kind.choices, _("All kinds")),
        required=False,
    )
    verified = forms.BooleanField(label=_("Only verified organizations"), required=False)

    def filters(self) -> dict[str, Any]:
        if not self.is_valid():
            return {}
        return {
            "q": self.cleaned_data["q"],
            "province": self.cleaned_data["province"],
            "kind": self.cleaned_data["kind"],
            "verified_only": self.cleaned_data["verified"],
        }


class OrganizationForm(forms.ModelForm):
    """Registering or editing an organization's profile (the service saves it)."""

    fields_of_activity = forms.MultipleChoiceField(
        label=_("Fields of activity"),
        choices=FieldOfActivity.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organization
        fields = [
            "name",
            "kind",
            "registry_number",
            "province",
            "municipality",
            "fields_of_activity",
            "description",
            "website",
            "email",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "municipality": _(
                "The municipality you mainly work with; required for a city council."
            ),
            "description": _("What the organization does, in a few sentences."),
            "email": _("Shown on the organization's public page."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = Province.objects.order_by("name_sort")  # type: ignore[attr-defined]
        self.fields["municipality"].queryset = Municipality.objects.order_by("name_sort")  # type: ignore[attr-defined]

    def service_kwargs(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class VerifyForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example, how you checked the registry."),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The organization's admins read this reason."),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"))
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("No unit (the whole municipality)"),
        help_text=_("Responders answer the contributions assigned to this unit."),
    )

    def __init__(self, *args: Any, target: Municipality | Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = role_choices(target)  # type: ignore[attr-defined]
        if isinstance(target, Municipality):
            self.fields["unit"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
                municipality=target
            ).order_by("name")
        else:
            del self.fields["unit"]


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"))
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("No unit (the whole municipality)"),
    )

    def __init__(
        self,
        *args: Any,
        target: Municipality | Organization,
        units: list[Unit] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = role_choices(target)  # type: ignore[attr-defined]
        if isinstance(target, Municipality):
            queryset = Unit.objects.filter(municipality=target).order_by("name")
            self.fields["unit"].queryset = queryset  # type: ignore[attr-defined]
            if units is not None:
                # The page renders one form per member: reuse one list of units, not a query each.
                self.fields["unit"].choices = [  # type: ignore[attr-defined]
                    ("", self.fields["unit"].empty_label),  # type: ignore[attr-defined]
                    *((unit.pk, unit.name) for unit in units),
                ]
        else:
            del self.fields["unit"]


class UnitForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=160)
    is_strategy_unit = forms.BooleanField(
        label=_("Strategy unit"),
        required=False,
        help_text=_("Contributions without a responsible unit are routed here; there is one."),
    )


def role_choices(target: Municipality | Organization) -> list[tuple[str, str]]:
    roles = (
        Membership.MUNICIPALITY_ROLES
        if isinstance(target, Municipality)
        else Membership.ORGANIZATION_ROLES
    )
    return [(str(role.value), str(role.label)) for role in roles]
