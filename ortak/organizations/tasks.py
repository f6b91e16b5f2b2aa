"""Invitation e-mails, sent by the task worker after the inviting transaction commits."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from ortak.organizations.models import Invitation


@task()
def send_invitation_email(invitation_id: int, language: str = "") -> bool:
    """Send the invitation link, in the inviter's language; returns whether it was sent."""
    invitation = (
        Invitation.objects.select_related("municipality", "organization", "unit", "invited_by")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not invitation.is_open:
        return False
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "target": invitation.target,
            "role": invitation.get_role_display(),
            "inviter": invitation.invited_by.public_name if invitation.invited_by else "",
            "url": settings.SITE_URL + reverse("organizations:invitation", args=[invitation.token]),
        }
        subject = render_to_string("organizations/email/invitation_subject.txt", context)
        body = render_to_string("organizations/email/invitation.txt", context)
    EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=body, to=[invitation.email]
    ).send()
    return True
