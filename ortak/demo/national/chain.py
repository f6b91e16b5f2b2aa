"""The revision hash chain of many plans at once, hashed exactly as ``append_revision`` does.

``append_revision`` appends one row with a few queries (lock the plan, read the head, insert,
update the head): right for one change, slow for thousands. Here the rows of each plan are
numbered and linked in memory with ``ortak.plans.revisions.content_hash`` (the one definition of
the hash), then inserted with their heads in two statements, so ``verify_chain`` accepts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from ortak.plans.models import FigureRevision, RevisionHead
from ortak.plans.revisions import content_hash

_QUANTUM = Decimal("0.0001")  # FigureRevision.old_value/new_value: decimal_places=4


def _stored(value: Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(_QUANTUM)


def link(
    rows: Sequence[FigureRevision], *, after: tuple[int, str] = (0, "")
) -> RevisionHead | None:
    """Number and hash one plan's new revisions, in order, after its current head.

    ``after`` is the plan's head (sequence, hash); (0, "") for a plan without revisions. Values
    are rounded to the stored precision before hashing, as the database will return them.
    """
    if not rows:
        return None
    sequence, previous = after
    for row in rows:
        sequence += 1
        row.sequence = sequence
        row.previous_hash = previous
        row.old_value = _stored(row.old_value)
        row.new_value = _stored(row.new_value)
        row.reason = row.reason.strip()
        row.content_hash = content_hash(row)
        previous = row.content_hash
    return RevisionHead(plan_id=rows[0].plan_id, sequence=sequence, content_hash=previous)


def insert_chains(chains: Iterable[Sequence[FigureRevision]], *, batch_size: int) -> int:
    """Link and insert the revisions of plans that have none yet; returns how many rows."""
    rows: list[FigureRevision] = []
    heads: list[RevisionHead] = []
    for chain in chains:
        head = link(chain)
        if head is not None:
            rows += chain
            heads.append(head)
    FigureRevision.objects.bulk_create(rows, batch_size=batch_size)
    RevisionHead.objects.bulk_create(heads, batch_size=batch_size)
    return len(rows)
