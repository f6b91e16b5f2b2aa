from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ortak.core.http import AuthenticatedHttpRequest
from ortak.notifications import services
from ortak.notifications.forms import EmailFrequencyForm
from ortak.notifications.models import NotificationSettings
from ortak.notifications.selectors import notifications_for
from ortak.notifications.tokens import read_unsubscribe_token


@login_required
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    page = Paginator(notifications_for(user), 30).get_page(request.GET.get("page"))
    settings_row = NotificationSettings.objects.filter(user=user).first()
    form = EmailFrequencyForm(instance=settings_row or NotificationSettings(user=user))
    return render(request, "notifications/notification_list.html", {"page_obj": page, "form": form})


@login_required
@require_POST
def mark_all_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    services.mark_read(user=request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")


@login_required
@require_POST
def update_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = EmailFrequencyForm(request.POST)
    if form.is_valid():
        services.set_email_frequency(
            user=request.user, frequency=form.cleaned_data["email_frequency"]
        )
        messages.success(request, _("Your e-mail preference is saved."))
    else:
        messages.error(request, _("Please choose how often we may e-mail you."))
    return redirect("notifications:list")


@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One click, no login: GET shows a confirmation form, POST (also mail clients') applies."""
    user_id = read_unsubscribe_token(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.set_email_frequency(user=user, frequency=NotificationSettings.EmailFrequency.NONE)
        return render(request, "notifications/unsubscribe.html", {"done": True})
    return render(request, "notifications/unsubscribe.html", {"token": token})
