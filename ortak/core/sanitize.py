"""Sanitising HTML written by users (nh3, the Ammonia sanitiser).

User text is stored as typed; it is rendered either escaped (plain text) or through
``render_markdown`` which turns a small markdown subset into HTML and then sanitises it, so a
``<script>`` never reaches a page unescaped.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre", "h3", "h4",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("image")


def clean_html(html: str) -> str:
    """Keep only the safe subset of HTML; links get rel="nofollow noopener"."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
    )


def render_markdown(text: str) -> str:
    """Render the small markdown subset users may write, then sanitise the result."""
    return clean_html(_markdown.render(text or ""))


def neutralise_formula(value: object) -> object:
    """Spreadsheet formula injection guard: text starting with = + - @ is prefixed with '.

    Applied to every text cell Ortak writes into CSV or Excel.
    """
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return value
