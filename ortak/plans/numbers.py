"""How many decimals a plan figure is written with, wherever it is written.

Stored figures carry four decimal places whatever was entered ("12.5000"); pages, forms, import
messages and files show a number with the decimals it needs ("12,5"), so that a count reads as
a count. The formatting itself is ``ortak.core.turkish`` (and the ``number`` template filter).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal


def decimals_needed(values: Iterable[Decimal | None], *, most: int | None = None) -> int:
    """The decimals the most precise of ``values`` needs (0 for whole numbers), at most ``most``.

    One precision for several values keeps a table's columns aligned.
    """
    needed = 0
    for value in values:
        if value is None:
            continue
        exponent = value.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < 0:
            needed = max(needed, -exponent)
    return needed if most is None else min(needed, most)
