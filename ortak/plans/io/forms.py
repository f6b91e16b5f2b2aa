"""Forms of the import pages: the upload and the confirmation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ortak.organizations.models import Municipality
from ortak.plans.models import StrategicPlan


def _plan_label(plan: StrategicPlan) -> str:
    return f"{plan.period_label} – {plan.title}"


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Plan file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.json,.csv"}),
    )
    plan = forms.ModelChoiceField(
        queryset=StrategicPlan.objects.none(),
        required=False,
        label=_("Plan (for a CSV of measurements)"),
        help_text=_(
            "A workbook or JSON file names its plan itself; a CSV of measurements does not."
        ),
        empty_label=_("— from the file —"),
    )
    create_units = forms.BooleanField(
        required=False,
        label=_("Create the units the file names that do not exist yet"),
        help_text=_(
            "Otherwise an unknown unit name is an error, so that a typo does not create a second unit."
        ),
    )

    def __init__(
        self, *args: Any, municipality: Municipality, may_create_units: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        limit = filesizeformat(settings.ORTAK_IMPORT_MAX_BYTES)
        self.fields["file"].help_text = _(
            "The Excel template (.xlsx), the JSON format, or a CSV of measurements; at most %(limit)s."
        ) % {"limit": limit}
        plans = self.fields["plan"]
        plans.queryset = StrategicPlan.objects.filter(  # type: ignore[attr-defined]
            municipality=municipality
        ).order_by("-start_year")
        plans.label_from_instance = _plan_label  # type: ignore[attr-defined]
        if not may_create_units:
            del self.fields["create_units"]

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if upload.size is not None and upload.size > settings.ORTAK_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s."),
                params={"limit": filesizeformat(settings.ORTAK_IMPORT_MAX_BYTES)},
            )
        return upload


class ImportConfirmForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the changes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to the public beside every revised figure of the adopted plan."),
    )

    def __init__(self, *args: Any, needs_reason: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if needs_reason:
            self.fields["reason"].required = True
        else:
            del self.fields["reason"]


class TemplateForm(forms.Form):
    """The template's plan years; the field is named as the URL's query (``?baslangic=2030``)."""

    baslangic = forms.IntegerField(
        label=_("First year of the plan"),
        min_value=2000,
        max_value=2100,
        help_text=_("The template has one column per year for five years from this one."),
    )
