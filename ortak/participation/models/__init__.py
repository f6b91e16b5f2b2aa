"""Participation: contributions (suggestions, cooperation offers) and their answers, discussion,
moderation, responsiveness figures and the search index."""

from ortak.participation.models.contributions import (
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Answer,
    Attachment,
    Contribution,
    ContributionRevision,
    CooperationOffer,
    Offered,
    Status,
    Suggestion,
)
from ortak.participation.models.discussion import COMMENT_MAX_LENGTH, Comment, Flag, Follow, Support
from ortak.participation.models.figures import ResponsivenessFigure
from ortak.participation.models.search import SearchEntry

__all__ = [
    "COMMENT_MAX_LENGTH",
    "TEXT_MAX_LENGTH",
    "TITLE_MAX_LENGTH",
    "Answer",
    "Attachment",
    "Comment",
    "Contribution",
    "ContributionRevision",
    "CooperationOffer",
    "Flag",
    "Follow",
    "Offered",
    "ResponsivenessFigure",
    "SearchEntry",
    "Status",
    "Suggestion",
    "Support",
]
