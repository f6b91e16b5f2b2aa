"""What this app holds about a person, for "download my data" and account erasure (KVKK)."""

from __future__ import annotations

from typing import Any

from ortak.organizations.models import Invitation, Membership


def export_user_data(user: Any) -> dict[str, Any]:
    memberships = Membership.objects.filter(user=user).select_related(
        "municipality", "organization", "unit"
    )
    invitations = Invitation.objects.filter(email__iexact=user.email).select_related(
        "municipality", "organization"
    )
    return {
        "memberships": [
            {
                "municipality": m.municipality.name if m.municipality else None,
                "organization": m.organization.name if m.organization else None,
                "role": m.role,
                "unit": m.unit.name if m.unit else None,
                "since": m.created_at.isoformat(),
            }
            for m in memberships
        ],
        "invitations_received": [
            {
                "to": str(i.target),
                "role": i.role,
                "sent_at": i.created_at.isoformat(),
                "accepted_at": i.accepted_at.isoformat() if i.accepted_at else None,
            }
            for i in invitations
        ],
    }


def erase_user_data(user: Any) -> None:
    """An erased account holds no roles; invitations addressed to it are forgotten.

    Organizations the person registered or verified keep their public record; the links to the
    account stay, and the account itself shows as "deleted user".
    """
    Membership.objects.filter(user=user).delete()
    Invitation.objects.filter(email__iexact=user.email).delete()
