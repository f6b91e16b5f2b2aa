"""Every state change of participation (STYLE rule 1), in three modules:
``contributions`` (send, edit, route, answer), ``discussion`` (comments, supports, follows) and
``moderation`` (flags and decisions); ``figures`` keeps the stored responsiveness figures and
``reminders`` the deadline reminders and overdue notices."""

from ortak.participation.services.contributions import (
    answer_contribution,
    edit_contribution,
    route_contribution,
    submit_offer,
    submit_suggestion,
)
from ortak.participation.services.discussion import (
    follow,
    post_comment,
    support_suggestion,
    unfollow,
    withdraw_support,
)
from ortak.participation.services.figures import refresh_figures
from ortak.participation.services.moderation import decide_flag, flag_content

__all__ = [
    "answer_contribution",
    "decide_flag",
    "edit_contribution",
    "flag_content",
    "follow",
    "post_comment",
    "refresh_figures",
    "route_contribution",
    "submit_offer",
    "submit_suggestion",
    "support_suggestion",
    "unfollow",
    "withdraw_support",
]
