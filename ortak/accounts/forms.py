"""Forms of the accounts app: sign-up (allauth's, with consent), profile, privacy, deletion."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ortak.accounts import services
from ortak.accounts.models import Consent, User
from ortak.accounts.selectors import current_privacy_notice

NOTICE_CHANGED = _(
    "The privacy notice has changed while you were reading it. Please read the new version."
)


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form plus a display name and the KVKK consent (ACCOUNT_FORMS)."""

    display_name = forms.CharField(
        label=_("Display name (optional)"),
        max_length=120,
        required=False,
        help_text=_("Shown next to what you write in public. Leave empty to stay anonymous."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    privacy_version = forms.IntegerField(widget=forms.HiddenInput)
    privacy_consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and I agree to the processing of my personal data as it describes."
        ),
        error_messages={"required": _("You can sign up only after accepting the privacy notice.")},
    )

    field_order = ["email", "display_name", "password1", "password2", "privacy_consent"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Ortak's words for allauth's fields (one term for the password in both fields).
        self.fields["email"].label = _("E-mail address")
        if "password2" in self.fields:
            self.fields["password2"].label = _("Password (again)")
        # Every field has a visible label; a placeholder repeating it only looks like content.
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        self.notice = current_privacy_notice()
        if self.notice is not None:
            self.fields["privacy_version"].initial = self.notice.version

    def clean_privacy_version(self) -> int:
        version = self.cleaned_data["privacy_version"]
        if self.notice is None or version != self.notice.version:
            raise forms.ValidationError(NOTICE_CHANGED)
        return int(version)

    def save(self, request: HttpRequest) -> AbstractBaseUser:
        # The account and its consent are written together or not at all.
        with transaction.atomic():
            return super().save(request)

    def custom_signup(self, request: HttpRequest, user: AbstractBaseUser) -> None:
        super().custom_signup(request, user)
        assert self.notice is not None  # clean_privacy_version guarantees it
        services.record_consent(user=user, notice=self.notice, source=Consent.Source.SIGNUP)  # type: ignore[arg-type]


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "preferred_language"]
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
            "preferred_language": forms.RadioSelect,
        }
        # Own label: contrib.sites' catalogue, loaded first, translates "display name" otherwise.
        labels = {"display_name": _("Display name"), "preferred_language": _("Language")}
        help_texts = {
            "preferred_language": _("Pages and e-mails use this language."),
        }


class PrivacyAcceptForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    accept = forms.BooleanField(
        label=_(
            "I have read the privacy notice and I agree to the processing of my personal data as it describes."
        ),
        error_messages={"required": _("Please tick the box to accept the privacy notice.")},
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("We ask for it so that nobody else can delete your account."),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account and personal data are deleted for good and cannot be restored."
        ),
        error_messages={"required": _("Please tick the box to confirm.")},
    )

    def __init__(self, *args: Any, user: User, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        # allauth's authenticate() applies the failed-login rate limit to these attempts too.
        authenticated = get_adapter(self.request).authenticate(
            self.request, email=self.user.email, password=password
        )
        if authenticated is None or authenticated.pk != self.user.pk:
            raise forms.ValidationError(_("The password is not correct."))
        return password
