"""Forms of the plan editor pages. They parse input only; services validate and write.

Numbers are typed the Turkish way ("1.234,5") and read with ``ortak.core.turkish.parse_number``.
Forms with one field per plan year (targets, costs) are built from the plan.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.core.turkish import TurkishNumberError, format_number, parse_number
from ortak.organizations.models import Unit
from ortak.plans import progress
from ortak.plans.models import (
    Activity,
    Indicator,
    Measurement,
    PlanRevision,
    StrategicPlan,
)
from ortak.plans.numbers import decimals_needed


class TurkishDecimalField(forms.CharField):
    """A number typed as Turkish documents write it: "1.234,56", "47.000", "12,5"."""

    def __init__(self, *, lira: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)
        self.lira = lira

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            return format_number(value, decimals_needed([value]))
        return value

    def clean(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            # An initial value (a disabled field) is already a number: never re-read "100.000".
            return Decimal(value)
        text = super().clean(value)
        if text in (None, ""):
            return None
        if self.lira:
            text = text.replace("₺", "").replace("TL", "")
        try:
            return parse_number(text)
        except TurkishNumberError:
            raise ValidationError(
                _("Enter a number like 1.234,5 (dots for thousands, a comma for decimals)."),
                code="invalid",
            ) from None


def _units(queryset: Iterable[Unit] | None) -> Any:
    return queryset if queryset is not None else Unit.objects.none()


# --- The plan ---------------------------------------------------------------------------------


class PlanCreateForm(forms.Form):
    start_year = forms.IntegerField(label=_("First year"), min_value=2000, max_value=2100)
    end_year = forms.IntegerField(
        label=_("Last year"),
        min_value=2000,
        max_value=2100,
        required=False,
        help_text=_("Leave empty for a five-year plan."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        required=False,
        help_text=_("Leave empty to use the municipality's name and the plan period."),
    )
    mission = forms.CharField(label=_("Mission"), widget=forms.Textarea, required=False)
    vision = forms.CharField(label=_("Vision"), widget=forms.Textarea, required=False)
    core_values = forms.CharField(label=_("Core values"), widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("start_year", timezone.localdate().year)


class PlanDetailsForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=255)
    mission = forms.CharField(label=_("Mission"), widget=forms.Textarea, required=False)
    vision = forms.CharField(label=_("Vision"), widget=forms.Textarea, required=False)
    core_values = forms.CharField(label=_("Core values"), widget=forms.Textarea, required=False)
    council_decision_date = forms.DateField(
        label=_("Council decision date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    council_decision_number = forms.CharField(
        label=_("Council decision number"), max_length=60, required=False
    )
    source_document = forms.FileField(
        label=_("Plan document (PDF)"),
        required=False,
        help_text=_("The plan as adopted by the council."),
    )

    @classmethod
    def for_plan(cls, plan: StrategicPlan, data: Any = None, files: Any = None) -> PlanDetailsForm:
        initial = {
            "title": plan.title,
            "mission": plan.mission,
            "vision": plan.vision,
            "core_values": plan.core_values,
            "council_decision_date": plan.council_decision_date,
            "council_decision_number": plan.council_decision_number,
        }
        return cls(data, files, initial=initial)


class PlanStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=StrategicPlan.Status.choices)
    council_decision_date = forms.DateField(
        label=_("Council decision date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Required to adopt the plan."),
    )
    council_decision_number = forms.CharField(
        label=_("Council decision number"),
        max_length=60,
        required=False,
        help_text=_("Required to adopt the plan."),
    )


class PlanRevisionForm(forms.Form):
    date = forms.DateField(
        label=_("Date of the update"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    council_decision_number = forms.CharField(
        label=_("Council decision number"), max_length=60, required=False
    )


# --- The tree ---------------------------------------------------------------------------------


class AimForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20, help_text=_("For example 2 or A2."))
    title = forms.CharField(label=_("Aim"), widget=forms.Textarea(attrs={"rows": 2}))


class ObjectiveForm(forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=20, help_text=_("The aim's code, a dot, a number: 2.3.")
    )
    title = forms.CharField(label=_("Objective"), widget=forms.Textarea(attrs={"rows": 2}))
    responsible_unit = forms.ModelChoiceField(
        label=_("Responsible unit"), queryset=Unit.objects.none(), required=False
    )
    cooperates_with_all_units = forms.BooleanField(
        label=_("All units cooperate (Tüm birimler)"), required=False
    )
    cooperating_units = forms.ModelMultipleChoiceField(
        label=_("Cooperating units"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    risks = forms.CharField(
        label=_("Risks"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    strategies = forms.CharField(
        label=_("Strategies"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    cost_estimate = TurkishDecimalField(
        label=_("Cost estimate (₺)"),
        lira=True,
        required=False,
        help_text=_("For example 1.500.000"),
    )
    findings = forms.CharField(
        label=_("Findings"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    needs = forms.CharField(
        label=_("Needs"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, units: Iterable[Unit] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("responsible_unit", "cooperating_units"):
            self.fields[name].queryset = _units(units)  # type: ignore[attr-defined]


class YearFieldsMixin:
    """Adds one field per plan year named ``<prefix>_<year>``."""

    fields: dict[str, forms.Field]

    def add_year_fields(self, prefix: str, years: Iterable[int], label: Any, **kwargs: Any) -> None:
        for year in years:
            self.fields[f"{prefix}_{year}"] = TurkishDecimalField(
                label=label % {"year": year}, required=False, **kwargs
            )

    def year_values(
        self, cleaned: dict[str, Any], prefix: str, years: Iterable[int]
    ) -> dict[int, Any]:
        return {year: cleaned.get(f"{prefix}_{year}") for year in years}


class IndicatorForm(YearFieldsMixin, forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=20, help_text=_("The objective's code, a dot, a number: 2.3.1.")
    )
    name = forms.CharField(label=_("Indicator"), widget=forms.Textarea(attrs={"rows": 2}))
    unit_of_measure = forms.CharField(label=_("Unit of measure"), max_length=60, required=False)
    weight = TurkishDecimalField(
        label=_("Weight in the objective (%)"),
        help_text=_("Hedefe etkisi: the weights of an objective's indicators add up to 100."),
    )
    baseline = TurkishDecimalField(label=_("Baseline value"), required=False)
    baseline_year = forms.IntegerField(
        label=_("Baseline year"), min_value=1990, max_value=2100, required=False
    )
    direction = forms.ChoiceField(
        label=_("Direction"),
        choices=Indicator.Direction.choices,
        widget=forms.RadioSelect,
        help_text=_("Whether a higher or a lower value is better."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=Indicator.Kind.choices,
        widget=forms.RadioSelect,
        help_text=_("Cumulative: a level that builds up; periodic: a yearly flow."),
    )
    monitoring_frequency = forms.ChoiceField(
        label=_("Monitoring frequency"), choices=Indicator.Frequency.choices
    )
    reporting_frequency = forms.ChoiceField(
        label=_("Reporting frequency"), choices=Indicator.Frequency.choices
    )
    data_source = forms.CharField(label=_("Data source"), max_length=255, required=False)
    owner_unit = forms.ModelChoiceField(
        label=_("Owner unit"), queryset=Unit.objects.none(), required=False
    )

    def __init__(
        self,
        *args: Any,
        plan: StrategicPlan,
        units: Iterable[Unit] | None = None,
        locked: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["owner_unit"].queryset = _units(units)  # type: ignore[attr-defined]
        self.add_year_fields("target", plan.years, _("Target for %(year)s"))
        if locked:
            # After adoption these change through a revision; shown, not editable here.
            for name in ("code", "weight", "baseline", "baseline_year", "direction", "kind"):
                self.fields[name].disabled = True
            for year in plan.years:
                self.fields[f"target_{year}"].disabled = True

    @staticmethod
    def initial_for(indicator: Indicator) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(indicator, name)
            for name in (
                "code",
                "name",
                "unit_of_measure",
                "weight",
                "baseline",
                "baseline_year",
                "direction",
                "kind",
                "monitoring_frequency",
                "reporting_frequency",
                "data_source",
            )
        }
        initial["owner_unit"] = indicator.owner_unit_id
        for target in indicator.targets.all():
            initial[f"target_{target.year}"] = target.value
        return initial

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        targets = self.year_values(data, "target", self.plan.years)
        for year in self.plan.years:
            data.pop(f"target_{year}", None)
        data["targets"] = targets
        return data


class ActivityForm(YearFieldsMixin, forms.Form):
    code = forms.CharField(label=_("Code"), max_length=30, required=False)
    name = forms.CharField(label=_("Activity or project"), widget=forms.Textarea(attrs={"rows": 2}))
    kind = forms.ChoiceField(label=_("Kind"), choices=Activity.Kind.choices)
    responsible_unit = forms.ModelChoiceField(
        label=_("Responsible unit"), queryset=Unit.objects.none(), required=False
    )
    start_date = forms.DateField(
        label=_("Start"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end_date = forms.DateField(
        label=_("End"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(
        self, *args: Any, plan: StrategicPlan, units: Iterable[Unit] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["responsible_unit"].queryset = _units(units)  # type: ignore[attr-defined]
        self.add_year_fields("planned", plan.years, _("Planned cost %(year)s (₺)"), lira=True)
        self.add_year_fields("actual", plan.years, _("Actual cost %(year)s (₺)"), lira=True)

    @staticmethod
    def initial_for(activity: Activity) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(activity, name)
            for name in ("code", "name", "kind", "start_date", "end_date", "description")
        }
        initial["responsible_unit"] = activity.responsible_unit_id
        for cost in activity.costs.all():
            initial[f"planned_{cost.year}"] = cost.planned
            initial[f"actual_{cost.year}"] = cost.actual
        return initial

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        costs = {}
        for year in self.plan.years:
            costs[year] = (data.pop(f"planned_{year}", None), data.pop(f"actual_{year}", None))
        data["costs"] = costs
        return data


# --- Figures ----------------------------------------------------------------------------------


def open_periods(indicator: Indicator, recorded: Iterable[str], today: datetime.date) -> list[str]:
    """Periods a value can still be recorded for: plan years that have started, newest first."""
    taken = set(recorded)
    periods = progress.plan_periods(
        [y for y in indicator.plan.years if y <= today.year], indicator.monitoring_frequency
    )
    return [str(p) for p in reversed(periods) if str(p) not in taken]


def period_label(period: str) -> str:
    parsed = progress.parse_period(period)
    if parsed.is_half_year:
        return str(_("%(year)s, first half (January–June)") % {"year": parsed.year})
    return str(_("%(year)s, whole year") % {"year": parsed.year})


class EvidenceFieldsMixin(forms.Form):
    explanation = forms.CharField(
        label=_("Explanation (reason for deviation)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        # The percent signs are literal (no formatting): xgettext:no-python-format
        help_text=_("Required when the value is below 95 % or above 105 % of the year's target."),
    )
    evidence = forms.FileField(
        label=_("Evidence file"),
        required=False,
        help_text=_("PDF, PNG, JPG, XLSX, DOCX or CSV."),
    )
    evidence_url = forms.URLField(
        label=_("Evidence link"), required=False, max_length=500, assume_scheme="https"
    )


class MeasurementForm(EvidenceFieldsMixin):
    period = forms.ChoiceField(label=_("Period"))
    value = TurkishDecimalField(label=_("Measured value"))
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (Measurement.Status.PUBLISHED, _("publish now")),
            (Measurement.Status.DRAFT, _("save as draft")),
        ],
        initial=Measurement.Status.PUBLISHED,
    )

    field_order = ["period", "value", "explanation", "evidence", "evidence_url", "status"]

    def __init__(self, *args: Any, periods: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(p, period_label(p)) for p in periods]  # type: ignore[attr-defined]


class MeasurementEditForm(EvidenceFieldsMixin):
    value = TurkishDecimalField(label=_("Measured value"))
    reason = forms.CharField(
        label=_("Reason for the change"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Required once the plan is adopted: the change is shown publicly."),
    )
    plan_revision = forms.ModelChoiceField(
        label=_("Plan update"), queryset=PlanRevision.objects.none(), required=False
    )

    field_order = ["value", "explanation", "evidence", "evidence_url", "reason", "plan_revision"]

    def __init__(self, *args: Any, plan: StrategicPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan_revision"].queryset = PlanRevision.objects.filter(plan=plan)  # type: ignore[attr-defined]
        if not plan.is_locked:
            del self.fields["reason"]
            del self.fields["plan_revision"]


class TargetRevisionForm(YearFieldsMixin, forms.Form):
    """The targets of an adopted plan's indicator, changed together with one reason."""

    reason = forms.CharField(
        label=_("Reason for the change"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown publicly on the indicator page next to the old and the new value."),
    )
    plan_revision = forms.ModelChoiceField(
        label=_("Plan update"),
        queryset=PlanRevision.objects.none(),
        required=False,
        help_text=_("The mid-term update this change belongs to, if any."),
    )

    def __init__(self, *args: Any, plan: StrategicPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["plan_revision"].queryset = PlanRevision.objects.filter(plan=plan)  # type: ignore[attr-defined]
        self.add_year_fields("target", plan.years, _("Target for %(year)s"))
        self.order_fields([*(f"target_{y}" for y in plan.years), "reason", "plan_revision"])

    def targets(self) -> dict[int, Decimal | None]:
        return self.year_values(self.cleaned_data, "target", self.plan.years)
