"""What monitoring holds about a person, for "download my data" and erasure (KVKK).

Assessments and replies speak for an organization or a municipality and stay on the public
record; erasure removes the person's name from them. The reminder log goes.
"""

from __future__ import annotations

from typing import Any

from ortak.monitoring.models import Assessment, AssessmentReply, ReminderLog


def export_user_data(user: Any) -> dict[str, Any]:
    return {
        "assessments": [
            {
                "organization": a.organization.name,
                "item": f"{a.node_kind} {a.node_id}",
                "period": a.period.code,
                "rating": a.rating,
                "observed_value": None if a.observed_value is None else str(a.observed_value),
                "narrative": a.narrative,
                "at": a.created_at.isoformat(),
            }
            for a in Assessment.objects.filter(author=user).select_related("organization", "period")
        ],
        "replies": [
            {"assessment": r.assessment_id, "text": r.text, "at": r.created_at.isoformat()}
            for r in AssessmentReply.objects.filter(author=user)
        ],
    }


def erase_user_data(user: Any) -> None:
    Assessment.objects.filter(author=user).update(author=None)
    AssessmentReply.objects.filter(author=user).update(author=None)
    ReminderLog.objects.filter(recipient=user).delete()
