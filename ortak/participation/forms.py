"""Forms of participation: input parsing and messages only; the rules live in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from ortak.organizations.models import Organization, Unit
from ortak.participation import rules
from ortak.participation.attachments import MAX_FILES, allowed_extensions, check_uploads, max_bytes
from ortak.participation.models import (
    COMMENT_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Contribution,
    Offered,
    SearchEntry,
    Status,
)
from ortak.participation.selectors import ContributionFilters
from ortak.plans.models import Activity, NodeKind


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern), checked by ``attachments``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:  # type: ignore[override]
        single = super().clean
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = [single(item, initial) for item in files if item]
        check_uploads(cleaned)
        return cleaned


def _attachments_field() -> MultipleFileField:
    return MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("Up to %(count)s files of at most %(size)s MB each: %(types)s.")
        % {"count": MAX_FILES, "size": max_bytes() // (1024 * 1024), "types": allowed_extensions()},
    )


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organization) -> str:  # type: ignore[override]
        return obj.name


class _ContributionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    text = forms.CharField(
        label=_("Your text"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text, or simple markdown: **bold**, *italic*, lists and links."),
    )
    is_public = forms.BooleanField(
        label=_("Publish it: everyone can read it (contact details stay with the municipality)"),
        required=False,
        initial=True,
    )

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attachments"] = _attachments_field()
        self.fields["organization"].queryset = organizations  # type: ignore[attr-defined]


class SuggestionForm(_ContributionForm):
    organization = OrganizationChoiceField(
        label=_("Send it"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("as myself (a citizen)"),
        help_text=_("Members of a verified organization can send it on the organization's behalf."),
    )
    field_order = ["organization", "title", "text", "is_public"]


class OfferForm(_ContributionForm):
    organization = OrganizationChoiceField(
        label=_("On behalf of"),
        queryset=Organization.objects.none(),
        empty_label=None,
        help_text=_("Only verified organizations can send cooperation offers."),
    )
    offered = forms.MultipleChoiceField(
        label=_("What do you offer?"),
        choices=Offered.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    period_start = forms.DateField(
        label=_("Proposed period: from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    period_end = forms.DateField(
        label=_("Proposed period: until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=120)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)
    field_order = [
        "organization",
        "title",
        "offered",
        "text",
        "period_start",
        "period_end",
        "contact_name",
        "contact_email",
        "contact_phone",
        "is_public",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Description")
        self.fields["contact_name"].help_text = _(
            "Only the municipality sees the contact person's details."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period must end after it starts."))
        if not data.get("contact_email") and not data.get("contact_phone"):
            self.add_error(
                "contact_email",
                _("Give an e-mail address or a phone number for the contact person."),
            )
        return data


class EditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    text = forms.CharField(
        label=_("Your text"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 8})
    )


class AnswerForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    text = forms.CharField(
        label=_("Answer"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Published with the contribution; plain text or simple markdown."),
    )
    reason = forms.CharField(
        label=_("Reason for declining"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you decline."),
    )
    activity = forms.ModelChoiceField(
        label=_("Activity that carries it out"),
        queryset=Activity.objects.none(),
        required=False,
        help_text=_("Required when you mark it implemented."),
    )

    def __init__(self, *args: Any, contribution: Contribution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Status.choices)
        self.fields["status"].choices = [  # type: ignore[attr-defined]
            (value, labels[value]) for value in rules.next_statuses(contribution.status)
        ]
        self.fields["activity"].queryset = Activity.objects.filter(  # type: ignore[attr-defined]
            plan_id=contribution.plan_id
        ).order_by("code", "id")


class RouteForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Send to unit"), queryset=Unit.objects.none())

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FlagForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with it?"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: insults, personal data, spam, unrelated advertising."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("hide", _("Hide it")), ("keep", _("Keep it"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the author"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when hiding: the author is told this reason."),
    )


AGE_CHOICES = [
    ("", _("any age")),
    ("week", _("last 7 days")),
    ("month", _("8 to 30 days")),
    ("older", _("older than 30 days")),
]


class ListFilterForm(forms.Form):
    """Filters of the public lists and of the inbox (GET)."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("all kinds")), *Contribution.Kind.choices],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("any status")),
            ("awaiting", _("awaiting a first answer")),
            *Status.choices,
        ],
    )
    target = forms.ChoiceField(
        label=_("About"),
        required=False,
        choices=[("", _("any plan item")), *NodeKind.choices],
    )
    age = forms.ChoiceField(label=_("Received"), required=False, choices=AGE_CHOICES)

    def filters(self) -> ContributionFilters:
        if not self.is_valid():
            return ContributionFilters()
        data = self.cleaned_data
        unit = data.get("unit")
        return ContributionFilters(
            kind=data.get("kind") or "",
            status=data.get("status") or "",
            node_kind=data.get("target") or "",
            age=data.get("age") or "",
            unit_id=unit.pk if unit else None,
            overdue_only=bool(data.get("overdue")),
        )


class InboxFilterForm(ListFilterForm):
    unit = forms.ModelChoiceField(
        label=_("Unit"), required=False, queryset=Unit.objects.none(), empty_label=_("all my units")
    )
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)
    field_order = ["unit", "status", "kind", "target", "age", "overdue"]

    def __init__(self, *args: Any, units: list[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(  # type: ignore[attr-defined]
            pk__in=[unit.pk for unit in units]
        ).select_related("municipality")
        self.fields["unit"].label_from_instance = (  # type: ignore[attr-defined]
            lambda unit: f"{unit.name} ({unit.municipality.name})"
        )


SEARCH_KINDS = [
    ("", _("everything")),
    (SearchEntry.Kind.PLAN, _("strategic plans")),
    (SearchEntry.Kind.AIM, _("aims")),
    (SearchEntry.Kind.OBJECTIVE, _("objectives")),
    (SearchEntry.Kind.INDICATOR, _("performance indicators")),
    (SearchEntry.Kind.ACTIVITY, _("activities")),
    (SearchEntry.Kind.SUGGESTION, _("suggestions")),
    (SearchEntry.Kind.OFFER, _("cooperation offers")),
]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=200,
        required=False,
        help_text=_("Plans, objectives, indicators, activities, suggestions and offers."),
    )
    tur = forms.ChoiceField(label=_("Show"), required=False, choices=SEARCH_KINDS)
