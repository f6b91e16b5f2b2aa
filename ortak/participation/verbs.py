"""The notification events of participation (registered in ``apps.py``).

Messages carry only parameters that read the same in every language (titles, names, dates in
ISO form), so a notification stored once reads naturally in Turkish and in English.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SUGGESTION_RECEIVED = "participation.suggestion_received"
OFFER_RECEIVED = "participation.offer_received"
ANSWERED_PREFIX = "participation.answered."
COMMENTED = "participation.commented"
REMINDER = "participation.reminder"
OVERDUE = "participation.overdue"
HIDDEN = "participation.hidden"


def answered(status: str) -> str:
    """The verb of an answer that sets ``status`` (one verb per status reads naturally)."""
    return ANSWERED_PREFIX + status


VERBS: list[tuple[str, str | Promise, str | Promise]] = [
    (
        SUGGESTION_RECEIVED,
        _("A new suggestion for %(unit)s is waiting for an answer: “%(title)s”."),
        _("New suggestion: %(title)s"),
    ),
    (
        OFFER_RECEIVED,
        _("%(organization)s sent a cooperation offer to %(unit)s: “%(title)s”."),
        _("New cooperation offer: %(title)s"),
    ),
    (
        ANSWERED_PREFIX + "under_review",
        _("%(municipality)s is reviewing “%(title)s” and sent a first answer."),
        _("Answer from %(municipality)s: %(title)s"),
    ),
    (
        ANSWERED_PREFIX + "accepted",
        _("%(municipality)s accepted “%(title)s”."),
        _("Accepted: %(title)s"),
    ),
    (
        ANSWERED_PREFIX + "partly_accepted",
        _("%(municipality)s partly accepted “%(title)s”."),
        _("Partly accepted: %(title)s"),
    ),
    (
        ANSWERED_PREFIX + "declined",
        _("%(municipality)s declined “%(title)s” and gave its reason."),
        _("Declined: %(title)s"),
    ),
    (
        ANSWERED_PREFIX + "implemented",
        _("%(municipality)s reports that “%(title)s” is implemented."),
        _("Implemented: %(title)s"),
    ),
    (
        COMMENTED,
        _("%(name)s commented on “%(title)s”."),
        _("New comment on %(title)s"),
    ),
    (
        REMINDER,
        _("“%(title)s” still has no answer. The legal deadline for the first answer is %(due)s."),
        _("Reminder: answer due on %(due)s"),
    ),
    (
        OVERDUE,
        _("“%(title)s”, sent to %(unit)s, passed its answer deadline (%(due)s) without an answer."),
        _("Overdue: %(title)s"),
    ),
    (
        HIDDEN,
        _("A moderator hid what you wrote (“%(title)s”). The reason: %(reason)s"),
        _("Your post was hidden"),
    ),
]
