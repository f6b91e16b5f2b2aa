"""The notification events of monitoring (registered in ``apps.py``).

Messages carry only parameters that read the same in every language (codes, names, periods,
dates in ISO form), so a notification stored once reads naturally in Turkish and in English.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

SUBMITTED = "monitoring.submitted"
PUBLISHED = "monitoring.published"
RETURNED = "monitoring.returned"
REMINDER = "monitoring.reminder"
OVERDUE = "monitoring.overdue"
ASSESSED = "monitoring.assessed"
REPLIED = "monitoring.replied"

VERBS: list[tuple[str, str | Promise, str | Promise]] = [
    (
        SUBMITTED,
        _("The %(period)s value of indicator %(code)s is waiting for publication."),
        _("Value to publish: indicator %(code)s, %(period)s"),
    ),
    (
        PUBLISHED,
        _("The %(period)s value of indicator %(code)s you reported is published."),
        _("Published: indicator %(code)s, %(period)s"),
    ),
    (
        RETURNED,
        _("The %(period)s value of indicator %(code)s was sent back to you: %(note)s"),
        _("Sent back: indicator %(code)s, %(period)s"),
    ),
    (
        REMINDER,
        _(
            "%(count)s indicator value(s) for %(period)s of the %(plan)s plan are due on %(due)s "
            "and have not been submitted yet."
        ),
        _("Reminder: values for %(period)s due on %(due)s"),
    ),
    (
        OVERDUE,
        _(
            "%(count)s indicator(s) of the %(plan)s plan have no published value for %(period)s, "
            "which was due on %(due)s."
        ),
        _("Overdue: values for %(period)s of the %(plan)s plan"),
    ),
    (
        ASSESSED,
        _("%(organization)s assessed %(item)s of the %(plan)s plan. You may reply publicly."),
        _("New CSO assessment: %(item)s"),
    ),
    (
        REPLIED,
        _("%(municipality)s replied to the assessment of %(item)s by %(organization)s."),
        _("Reply from %(municipality)s: %(item)s"),
    ),
]
