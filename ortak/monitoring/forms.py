"""Forms of monitoring: input parsing and messages only; the rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from ortak.accounts.models import User
from ortak.monitoring.models import MonitoringPeriod, Rating
from ortak.monitoring.models.assessments import TEXT_MAX_LENGTH
from ortak.monitoring.services.assessments import MAX_EVIDENCE
from ortak.organizations.models import Municipality, Organization, Unit

MARKDOWN_HINT = _("Plain text, or simple markdown: **bold**, *italic*, lists and links.")


def _evidence_hint() -> str:
    return str(
        _("PDF, PNG, JPG, XLSX, DOCX or CSV, at most %(size)s each.")
        % {"size": filesizeformat(settings.ORTAK_UPLOAD_MAX_BYTES)}
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern); the service checks them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:  # type: ignore[override]
        single = super().clean
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [single(item, initial) for item in files if item]


# --- The measurement workflow ----------------------------------------------------------


class MeasurementForm(forms.Form):
    value = forms.DecimalField(label=_("Value"), max_digits=20, decimal_places=4)
    explanation = forms.CharField(
        label=_("Explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            # The percent signs are literal (no formatting): xgettext:no-python-format
            "Why the value deviates from the target. Needed when it reaches less than 95 % or more than 105 % of the year's target."
        ),
    )
    evidence = forms.FileField(label=_("Evidence file"), required=False)
    evidence_url = forms.URLField(
        label=_("Evidence link"), required=False, max_length=500, assume_scheme="https"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evidence"].help_text = _evidence_hint()


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.public_name} ({obj.email})"


class OwnerForm(forms.Form):
    owner_unit = UnitChoiceField(
        label=_("Owner unit"), queryset=Unit.objects.none(), required=False
    )
    owner = StaffChoiceField(
        label=_("Named owner"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("A member of the municipality's staff; reminders go to them and the unit."),
    )

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit_field: Any = self.fields["owner_unit"]
        unit_field.queryset = Unit.objects.filter(municipality=municipality).order_by("name")
        owner_field: Any = self.fields["owner"]
        owner_field.queryset = User.objects.filter(
            memberships__municipality=municipality, is_active=True, erased_at__isnull=True
        ).order_by("display_name", "email")


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("What needs to change"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class CalendarForm(forms.Form):
    half_year_due_month = forms.TypedChoiceField(
        label=_("Month"), coerce=int, choices=[(m, MONTHS[m]) for m in range(7, 13)]
    )
    half_year_due_day = forms.IntegerField(label=_("Day"), min_value=1, max_value=31)
    full_year_due_month = forms.TypedChoiceField(
        label=_("Month"), coerce=int, choices=list(MONTHS.items())
    )
    full_year_due_day = forms.IntegerField(label=_("Day"), min_value=1, max_value=31)


class PeriodDueDateForm(forms.Form):
    due_date = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty to follow the municipality's calendar."),
    )


# --- Assessments -----------------------------------------------------------------------


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organization) -> str:  # type: ignore[override]
        return obj.name


class PeriodChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: MonitoringPeriod) -> str:  # type: ignore[override]
        if obj.is_half_year:
            return str(_("%(year)s January–June") % {"year": obj.year})
        return str(obj.year)


class _AssessmentContent(forms.Form):
    rating = forms.ChoiceField(label=_("Rating"), choices=Rating.choices, widget=forms.RadioSelect)
    observed_value = forms.DecimalField(
        label=_("Observed value"),
        required=False,
        max_digits=20,
        decimal_places=4,
        help_text=_("The value your organization observed, if it measured one."),
    )
    narrative = forms.CharField(
        label=_("Your assessment"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=MARKDOWN_HINT,
    )
    attachments = MultipleFileField(label=_("Evidence files"), required=False)
    links = forms.CharField(
        label=_("Evidence links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One web address per line."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attachments"].help_text = str(
            _("Up to %(count)s files and links in all. %(types)s")
            % {"count": MAX_EVIDENCE, "types": _evidence_hint()}
        )

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("links", "").splitlines()]


class AssessmentForm(_AssessmentContent):
    """A new assessment: for which organization, which item (on an objective's page: the
    objective or one of its activities) and which period."""

    organization = OrganizationChoiceField(
        label=_("On behalf of"), queryset=Organization.objects.none(), empty_label=None
    )
    target = forms.ChoiceField(label=_("Assessed item"))
    period = PeriodChoiceField(
        label=_("Period"), queryset=MonitoringPeriod.objects.none(), empty_label=None
    )
    field_order = ["organization", "target", "period", "rating"]

    def __init__(
        self,
        *args: Any,
        organizations: list[Organization],
        targets: list[tuple[str, str]],
        periods: list[MonitoringPeriod],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        organization_field: Any = self.fields["organization"]
        organization_field.queryset = Organization.objects.filter(
            pk__in=[o.pk for o in organizations]
        ).order_by("name_sort")
        if len(organizations) == 1:
            organization_field.widget = forms.HiddenInput()
            organization_field.initial = organizations[0].pk
        target_field: Any = self.fields["target"]
        target_field.choices = targets
        if len(targets) == 1:
            target_field.widget = forms.HiddenInput()
            target_field.initial = targets[0][0]
        period_field: Any = self.fields["period"]
        period_field.queryset = MonitoringPeriod.objects.filter(pk__in=[p.pk for p in periods])
        if periods:
            period_field.initial = periods[0].pk


class AssessmentEditForm(_AssessmentContent):
    remove_evidence = forms.MultipleChoiceField(
        label=_("Remove evidence"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, evidence: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["remove_evidence"]
        field.choices = [(str(pk), label) for pk, label in evidence]
        if not evidence:
            del self.fields["remove_evidence"]

    def removed(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data.get("remove_evidence", [])]


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("The municipality's reply"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=MARKDOWN_HINT,
    )
