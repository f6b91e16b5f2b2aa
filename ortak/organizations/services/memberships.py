"""Roles in a municipality or organization: changing, removing, inviting, accepting."""

from __future__ import annotations

import secrets
from datetime import timedelta
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ortak.audit.services import record_event
from ortak.notifications.services import notify
from ortak.organizations import permissions
from ortak.organizations.models import (
    Invitation,
    Membership,
    Municipality,
    Organization,
    Unit,
)
from ortak.organizations.services._common import (
    INVITATION_VALID_DAYS,
    _check_role,
    _members_url,
    _require,
    _target_kwargs,
    _target_url,
)
from ortak.organizations.tasks import send_invitation_email


def _ensure_another_admin_remains(membership: Membership) -> None:
    """No one removes or demotes the last admin: the organization would be orphaned."""
    if not membership.is_admin:
        return
    admins = list(
        Membership.objects.select_for_update()
        .filter(role=membership.role, **_target_kwargs(membership.target))
        .values_list("pk", flat=True)
    )
    if [pk for pk in admins if pk != membership.pk]:
        return
    raise ValidationError(
        _("%(target)s needs at least one admin: make someone else an admin first."),
        code="last_admin",
        params={"target": str(membership.target)},
    )


@transaction.atomic
def change_membership_role(
    *, actor: Any, membership: Membership, role: str, unit: Unit | None = None
) -> Membership:
    """Give a member another role (and, in a municipality, another unit)."""
    _require(permissions.can_manage_membership(actor, membership))
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _check_role(membership.target, role)
    if membership.organization_id is not None and unit is not None:
        raise ValidationError({"unit": _("Organizations have no units.")}, code="unit")
    if membership.is_admin and role != membership.role:
        _ensure_another_admin_remains(membership)
    old_role, old_unit = membership.role, membership.unit_id
    membership.role = role
    membership.unit = unit
    membership.full_clean()
    membership.save()
    record_event(
        actor=actor,
        action="membership.role_changed",
        target=membership.target,
        data={
            "user_id": membership.user_id,
            "old_role": old_role,
            "new_role": role,
            "old_unit_id": old_unit,
            "new_unit_id": unit.pk if unit else None,
        },
    )
    notify(
        recipient=membership.user,
        verb="organizations.role_changed",
        params={"target": str(membership.target)},
        url=reverse("organizations:my_memberships"),
        actor=actor,
    )
    return membership


@transaction.atomic
def remove_membership(*, actor: Any, membership: Membership) -> None:
    """An admin removes a member, or a member leaves; the last admin stays."""
    _require(
        permissions.can_manage_membership(actor, membership)
        or permissions.can_leave(actor, membership)
    )
    membership = (
        # Lock only the membership row: PostgreSQL cannot lock the nullable side of a join.
        Membership.objects.select_for_update(of=("self",))
        .select_related("user", "municipality", "organization")
        .get(pk=membership.pk)
    )
    _ensure_another_admin_remains(membership)
    target, user = membership.target, membership.user
    membership.delete()
    record_event(
        actor=actor,
        action="membership.removed",
        target=target,
        data={"user_id": user.pk, "role": membership.role},
    )
    notify(
        recipient=user,
        verb="organizations.membership_removed",
        params={"target": str(target)},
        url=_target_url(target),
        actor=actor,
    )


# --- Invitations ----------------------------------------------------------------------


@transaction.atomic
def invite_member(
    *,
    actor: Any,
    email: str,
    role: str,
    municipality: Municipality | None = None,
    organization: Organization | None = None,
    unit: Unit | None = None,
) -> Invitation:
    """E-mail someone an offer of a role; a newer invitation replaces an open older one."""
    if (municipality is None) == (organization is None):
        raise TypeError("invite_member() needs exactly one of municipality or organization")
    target: Municipality | Organization = municipality or organization  # type: ignore[assignment]
    _require(permissions.can_invite_to(actor, municipality=municipality, organization=organization))
    _check_role(target, role)
    email = (email or "").strip().lower()
    already = Membership.objects.filter(user__email__iexact=email, **_target_kwargs(target))
    if email and already.exists():
        raise ValidationError(
            {"email": _("This person is already a member; change their role instead.")},
            code="already_member",
        )
    now = timezone.now()
    Invitation.objects.filter(
        email=email, accepted_at__isnull=True, revoked_at__isnull=True, **_target_kwargs(target)
    ).update(revoked_at=now)
    invitation = Invitation(
        email=email,
        role=role,
        unit=unit,
        token=secrets.token_urlsafe(32),
        invited_by=actor,
        expires_at=now + timedelta(days=INVITATION_VALID_DAYS),
        **_target_kwargs(target),
    )
    invitation.full_clean()
    invitation.save()
    record_event(
        actor=actor,
        action="invitation.sent",
        target=target,
        data={"invitation_id": invitation.pk, "email": email, "role": role},
    )
    language = get_language() or "tr"
    transaction.on_commit(
        partial(send_invitation_email.enqueue, invitation_id=invitation.pk, language=language)
    )
    return invitation


@transaction.atomic
def revoke_invitation(*, actor: Any, invitation: Invitation) -> Invitation:
    _require(
        permissions.can_invite_to(
            actor, municipality=invitation.municipality, organization=invitation.organization
        )
    )
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None or invitation.revoked_at is not None:
        raise ValidationError(_("This invitation is no longer open."), code="closed")
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at", "updated_at"])
    record_event(
        actor=actor,
        action="invitation.revoked",
        target=invitation.target,
        data={"invitation_id": invitation.pk, "email": invitation.email},
    )
    return invitation


@transaction.atomic
def accept_invitation(*, user: Any, invitation: Invitation) -> Membership:
    """The invited person, signed in with the invited address, takes up the role."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("municipality", "organization", "unit", "invited_by")
        .get(pk=invitation.pk)
    )
    if invitation.accepted_at is not None or invitation.revoked_at is not None:
        raise ValidationError(_("This invitation is no longer open."), code="closed")
    if invitation.is_expired:
        raise ValidationError(_("This invitation has expired. Ask for a new one."), code="expired")
    _require(permissions.can_accept_invitation(user, invitation))
    target = invitation.target
    if Membership.objects.filter(user=user, **_target_kwargs(target)).exists():
        raise ValidationError(
            _("You already have a role in %(target)s."),
            code="already_member",
            params={"target": str(target)},
        )
    membership = Membership(user=user, role=invitation.role, unit=invitation.unit)
    for field, value in _target_kwargs(target).items():
        setattr(membership, field, value)
    membership.full_clean()
    membership.save()
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by", "updated_at"])
    record_event(
        actor=user,
        action="invitation.accepted",
        target=target,
        data={"invitation_id": invitation.pk, "role": invitation.role},
    )
    if invitation.invited_by is not None:
        notify(
            recipient=invitation.invited_by,
            verb="organizations.invitation_accepted",
            params={"user": user.public_name, "target": str(target)},
            url=_members_url(target),
            actor=user,
        )
    return membership
