"""Thin views of participation: parse input, call one service or selector, render."""

from ortak.participation.views.contributions import (
    attachment_download,
    contribution_answer,
    contribution_detail,
    contribution_edit,
    contribution_route,
    offer_create,
    suggestion_create,
    support_toggle,
)
from ortak.participation.views.discussion import (
    comment_on_contribution,
    comment_on_node,
    comment_reply,
    flag_comment,
    flag_contribution,
    follow_toggle,
)
from ortak.participation.views.pages import (
    comparison,
    flag_decide,
    inbox,
    moderation_queue,
    municipality_contributions,
    my_contributions,
    node_page,
    search,
)

__all__ = [
    "attachment_download",
    "comment_on_contribution",
    "comment_on_node",
    "comment_reply",
    "comparison",
    "contribution_answer",
    "contribution_detail",
    "contribution_edit",
    "contribution_route",
    "flag_comment",
    "flag_contribution",
    "flag_decide",
    "follow_toggle",
    "inbox",
    "moderation_queue",
    "municipality_contributions",
    "my_contributions",
    "node_page",
    "offer_create",
    "search",
    "suggestion_create",
    "support_toggle",
]
