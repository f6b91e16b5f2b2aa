"""Revisions of published figures, and the hash chain that lets anyone verify them.

Once a plan is adopted its figures are never edited in place (ARCHITECTURE §3): a change of a
target or a value appends a ``FigureRevision`` (who, when, old, new, reason). The revisions of one
plan are numbered 1, 2, 3 … and each row's ``content_hash`` is the SHA-256 of a canonical JSON of
the row, which includes the previous row's hash. Altering, deleting or inserting a row behind the
application's back therefore breaks the chain, and ``verify_chain`` says where.

``append_revision`` is a building block for ``ortak.plans.services`` (which checks permissions and
records the audit event); it does not change the figure itself.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.plans.models import (
    FigureRevision,
    Indicator,
    PlanRevision,
    RevisionHead,
    StrategicPlan,
)

__all__ = ["ChainProblem", "append_revision", "canonical_json", "content_hash", "verify_chain"]

_FIGURE_QUANTUM = Decimal("0.0001")  # FigureRevision.old_value/new_value: decimal_places=4


def _decimal(value: Decimal | None) -> str | None:
    if value is None:
        return None
    return format(Decimal(value).quantize(_FIGURE_QUANTUM), "f")


def _instant(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def canonical_json(revision: FigureRevision) -> str:
    """The row as canonical JSON (sorted keys, no spaces), previous hash included."""
    row: dict[str, Any] = {
        "plan": revision.plan_id,
        "sequence": revision.sequence,
        "kind": revision.kind,
        "indicator": revision.indicator_id,
        "year": revision.year,
        "period": revision.period,
        "old_value": _decimal(revision.old_value),
        "new_value": _decimal(revision.new_value),
        "reason": revision.reason,
        "plan_revision": revision.plan_revision_id,
        "changed_by": revision.changed_by_id,
        "changed_at": _instant(revision.changed_at),
        "previous_hash": revision.previous_hash,
    }
    return json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(revision: FigureRevision) -> str:
    return hashlib.sha256(canonical_json(revision).encode("utf-8")).hexdigest()


def append_revision(
    *,
    plan: StrategicPlan,
    indicator: Indicator,
    kind: str,
    old_value: Decimal | None,
    new_value: Decimal | None,
    reason: str,
    actor: Any,
    year: int | None = None,
    period: str = "",
    plan_revision: PlanRevision | None = None,
) -> FigureRevision:
    """Append one revision at the end of the plan's chain. Call inside a transaction.

    The plan row is locked first (``select_for_update``) so that two writers cannot take the
    same sequence number; the unique constraint on (plan, sequence) backs it up.
    """
    if not reason or not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the change.")})
    if indicator.plan_id != plan.pk:
        raise ValidationError(_("The indicator does not belong to this plan."))
    if plan_revision is not None and plan_revision.plan_id != plan.pk:
        raise ValidationError({"plan_revision": _("The plan update belongs to another plan.")})
    StrategicPlan.objects.select_for_update().filter(pk=plan.pk).values_list("pk").first()
    last = (
        FigureRevision.objects.filter(plan=plan)
        .order_by("-sequence")
        .values_list("sequence", "content_hash")
        .first()
    )
    sequence, previous_hash = (last[0] + 1, last[1]) if last else (1, "")
    revision = FigureRevision(
        plan=plan,
        sequence=sequence,
        kind=kind,
        indicator=indicator,
        year=year,
        period=period,
        old_value=None if old_value is None else Decimal(old_value).quantize(_FIGURE_QUANTUM),
        new_value=None if new_value is None else Decimal(new_value).quantize(_FIGURE_QUANTUM),
        reason=reason.strip(),
        plan_revision=plan_revision,
        changed_by=actor if getattr(actor, "is_authenticated", False) else None,
        # Stored to the microsecond on SQLite and PostgreSQL alike, so the hash survives a reload.
        changed_at=timezone.now(),
        previous_hash=previous_hash,
        content_hash="0" * 64,
    )
    revision.content_hash = content_hash(revision)
    revision.full_clean()
    revision.save()
    head, _created = RevisionHead.objects.update_or_create(
        plan=plan, defaults={"sequence": sequence, "content_hash": revision.content_hash}
    )
    plan.revision_head = head  # keep a head loaded with the plan current
    return revision


def _recorded_head(plan: StrategicPlan) -> tuple[int, str]:
    if StrategicPlan.revision_head.is_cached(plan):  # type: ignore[attr-defined]
        recorded = getattr(plan, "revision_head", None)
    else:
        recorded = RevisionHead.objects.filter(plan=plan).first()
    return (recorded.sequence, recorded.content_hash) if recorded else (0, "")


@dataclass(frozen=True)
class ChainProblem:
    """One break in a plan's revision chain: ``kind`` is gap, link, hash or head."""

    sequence: int
    kind: str
    message: str


def verify_chain(plan: StrategicPlan) -> list[ChainProblem]:
    """Check every revision of the plan; an empty list means the chain is intact.

    - gap: a sequence number is missing (a row was deleted);
    - link: a row's ``previous_hash`` is not the hash of the row before it;
    - hash: a row's content does not match its ``content_hash`` (a row was altered);
    - head: the chain does not end with the revision recorded on the plan when it was appended
      (the newest rows were deleted, or rows were added behind the application's back).

    One query when ``plan`` was loaded with ``select_related("revision_head")`` (the plan
    selectors do), two otherwise.
    """
    problems: list[ChainProblem] = []
    expected_sequence = 1
    previous_hash = ""
    head = _recorded_head(plan)
    for revision in FigureRevision.objects.filter(plan=plan).order_by("sequence"):
        if revision.sequence != expected_sequence:
            problems.append(
                ChainProblem(
                    revision.sequence,
                    "gap",
                    str(
                        _("Revisions %(first)s–%(last)s are missing.")
                        % {"first": expected_sequence, "last": revision.sequence - 1}
                    ),
                )
            )
        if revision.previous_hash != previous_hash:
            problems.append(
                ChainProblem(
                    revision.sequence,
                    "link",
                    str(_("The link to the previous revision does not match.")),
                )
            )
        if content_hash(revision) != revision.content_hash:
            problems.append(
                ChainProblem(
                    revision.sequence,
                    "hash",
                    str(_("The revision was changed after it was recorded.")),
                )
            )
        expected_sequence = revision.sequence + 1
        previous_hash = revision.content_hash
    last_sequence = expected_sequence - 1
    if last_sequence < head[0]:
        problems.append(
            ChainProblem(
                head[0],
                "gap",
                str(
                    _("Revisions %(first)s–%(last)s are missing.")
                    % {"first": last_sequence + 1, "last": head[0]}
                ),
            )
        )
    elif (last_sequence, previous_hash) != head:
        problems.append(
            ChainProblem(
                last_sequence,
                "head",
                str(_("The chain does not end with the last revision the platform recorded.")),
            )
        )
    return problems
