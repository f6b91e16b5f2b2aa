"""Report kinds and periods: what a monitoring or evaluation report covers, and its URL form.

The Strategic Planning Guide asks for a six-monthly monitoring report (izleme raporu, January–June,
``2026-H1``) and a yearly evaluation report (değerlendirme raporu, ``2025``). Both read the year
lens of the report's year (ARCHITECTURE §4 rule 3): a monitoring report of 2026-H1 shows the
realization of 2026 as far as the values reported so far allow (a cumulative indicator may use
its January–June value; a periodic one waits for the whole year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

__all__ = ["KIND_SLUGS", "ReportKind", "ReportPeriod", "kind_from_slug", "parse_report_period"]


class ReportKind(models.TextChoices):
    MONITORING = "monitoring", _("monitoring report")
    EVALUATION = "evaluation", _("evaluation report")


# Public URLs are Turkish like the rest of the site: /raporlar/izleme/2026-H1/.
KIND_SLUGS: dict[str, str] = {
    ReportKind.MONITORING: "izleme",
    ReportKind.EVALUATION: "degerlendirme",
}
_KINDS_BY_SLUG = {slug: kind for kind, slug in KIND_SLUGS.items()}

_MONITORING = re.compile(r"^(\d{4})-H1$")
_EVALUATION = re.compile(r"^(\d{4})$")


@dataclass(frozen=True, order=True)
class ReportPeriod:
    """One report: a monitoring report of ``year``-H1 or the evaluation report of ``year``."""

    year: int
    kind: str = ReportKind.EVALUATION

    @property
    def text(self) -> str:
        """``2026-H1`` for a monitoring report, ``2025`` for an evaluation report."""
        return f"{self.year}-H1" if self.kind == ReportKind.MONITORING else str(self.year)

    @property
    def slug(self) -> str:
        return KIND_SLUGS[self.kind]

    @property
    def is_monitoring(self) -> bool:
        return self.kind == ReportKind.MONITORING

    @property
    def label(self) -> str:
        """The period in words, in the active language."""
        if self.is_monitoring:
            return gettext("January–June %(year)s") % {"year": self.year}
        return gettext("the year %(year)s") % {"year": self.year}

    @property
    def title(self) -> str:
        """ "Monitoring report, January–June 2026" / "Evaluation report 2025"."""
        if self.is_monitoring:
            return gettext("Monitoring report, January–June %(year)s") % {"year": self.year}
        return gettext("Evaluation report %(year)s") % {"year": self.year}

    def __str__(self) -> str:
        return self.text


def kind_from_slug(slug: str) -> str:
    """``izleme`` → monitoring, ``degerlendirme`` → evaluation; ValueError otherwise."""
    try:
        return _KINDS_BY_SLUG[slug]
    except KeyError:
        raise ValueError(f"{slug!r} is not a report kind") from None


def parse_report_period(kind: str, text: str) -> ReportPeriod:
    """The period of a report of ``kind`` (``2026-H1`` or ``2025``); ValueError when it does not
    fit the kind (a monitoring report covers January–June, an evaluation report a whole year)."""
    pattern = _MONITORING if kind == ReportKind.MONITORING else _EVALUATION
    if kind not in KIND_SLUGS:
        raise ValueError(f"{kind!r} is not a report kind")
    match = pattern.match(text.strip().upper())
    if match is None:
        raise ValueError(f"{text!r} is not a period of a {kind} report")
    return ReportPeriod(year=int(match.group(1)), kind=kind)
