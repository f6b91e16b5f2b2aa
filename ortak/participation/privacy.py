"""What participation holds about a person, for "download my data" and erasure (KVKK).

Contributions and comments are part of the public record (the municipality answered them), so
erasure keeps them and shows the author as "deleted user"; the contact details the person gave,
their supports, follows and the reporter link of their flags go.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F

from ortak.participation.models import Comment, Contribution, Flag, Follow, Support


def export_user_data(user: Any) -> dict[str, Any]:
    contributions = Contribution.objects.filter(author=user).select_related("organization")
    return {
        "contributions": [
            {
                "kind": c.kind,
                "title": c.title,
                "text": c.text,
                "organization": c.organization.name if c.organization else None,
                "status": c.status,
                "public": c.is_public,
                "contact": [c.contact_name, c.contact_email, c.contact_phone],
                "sent_at": c.created_at.isoformat(),
            }
            for c in contributions
        ],
        "comments": [
            {"text": c.text, "contribution": c.contribution_id, "at": c.created_at.isoformat()}
            for c in Comment.objects.filter(author=user)
        ],
        "supports": list(
            Support.objects.filter(user=user).values_list("contribution_id", flat=True)
        ),
        "follows": [str(f) for f in Follow.objects.filter(user=user)],
        "flags": [
            {"reason": f.reason, "state": f.state, "at": f.created_at.isoformat()}
            for f in Flag.objects.filter(reporter=user)
        ],
    }


def erase_user_data(user: Any) -> None:
    Contribution.objects.filter(author=user, kind=Contribution.Kind.OFFER).update(
        contact_name="", contact_email="", contact_phone=""
    )
    supported = list(Support.objects.filter(user=user).values_list("contribution_id", flat=True))
    Support.objects.filter(user=user).delete()
    Contribution.objects.filter(pk__in=supported, support_count__gt=0).update(
        support_count=F("support_count") - 1
    )
    Follow.objects.filter(user=user).delete()
    Flag.objects.filter(reporter=user).update(reporter=None)
