from django import forms


class SignupForm(forms.Form):
    def signup(self, request, user):  # type: ignore[no-untyped-def]
        return user
