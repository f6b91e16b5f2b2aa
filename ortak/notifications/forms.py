from django import forms

from ortak.notifications.models import NotificationSettings


class EmailFrequencyForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["email_frequency"]
        widgets = {"email_frequency": forms.RadioSelect}
