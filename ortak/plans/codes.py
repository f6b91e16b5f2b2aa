"""Plan codes: aim ``2``, objective ``2.3``, indicator ``2.3.1``.

Plans and spreadsheets write them with prefixes ("A2", "Amaç 2", "H2.3", "Hedef 2.3", "PG2.3.1",
"PG 2.3.1.") that are accepted on input and dropped: the stored code is the bare dotted number,
each part without leading zeros. Pure functions, shared by the editor forms and the importer.
"""

from __future__ import annotations

import re
from enum import StrEnum

from ortak.core.turkish import upper

__all__ = [
    "CodeError",
    "Level",
    "child_code",
    "code_numbers",
    "code_sort_key",
    "parent_code",
    "parse_code",
]


class Level(StrEnum):
    AIM = "aim"
    OBJECTIVE = "objective"
    INDICATOR = "indicator"

    @property
    def depth(self) -> int:
        return {Level.AIM: 1, Level.OBJECTIVE: 2, Level.INDICATOR: 3}[self]


# Longest prefixes first so that "PG" is not read as "P" + "G".
_PREFIXES = ("PERFORMANS GÖSTERGESİ", "AMAÇ", "AMAC", "HEDEF", "P.G.", "PG", "A", "H")
_NUMBER = re.compile(r"^\d{1,4}(\.\d{1,4})*$")


class CodeError(ValueError):
    """A text is not a code of the expected level; ``reason`` says why (English, for logs)."""

    def __init__(self, text: str, level: Level, reason: str) -> None:
        self.text = text
        self.level = level
        self.reason = reason
        super().__init__(f"{text!r} is not an {level} code: {reason}")


def _strip_prefix(text: str) -> str:
    for prefix in _PREFIXES:
        if text.startswith(prefix):
            rest = text[len(prefix) :].lstrip(" :-–")
            if rest[:1].isdigit():
                return rest
    return text


def parse_code(text: str | int, level: Level | str) -> str:
    """Normalise a code of the given level: ``parse_code("PG 2.03.1.", "indicator") == "2.3.1"``.

    Raises ``CodeError`` when the text is empty, not a dotted number, has a zero part, or has the
    wrong number of parts for the level (an objective has two: aim.objective).
    """
    level = Level(level)
    raw = str(text)
    cleaned = upper(raw.strip().replace("\u00a0", " "))
    cleaned = _strip_prefix(cleaned).replace(" ", "").rstrip(".")
    if not cleaned:
        raise CodeError(raw, level, "empty")
    if not _NUMBER.match(cleaned):
        raise CodeError(raw, level, "not a dotted number")
    parts = [int(part) for part in cleaned.split(".")]
    if any(part == 0 for part in parts):
        raise CodeError(raw, level, "parts are numbered from 1")
    if len(parts) != level.depth:
        raise CodeError(raw, level, f"expected {level.depth} part(s), got {len(parts)}")
    return ".".join(str(part) for part in parts)


def code_numbers(code: str) -> tuple[int, ...]:
    """``"2.3.1"`` → ``(2, 3, 1)`` (a normalised code)."""
    return tuple(int(part) for part in code.split("."))


def code_sort_key(code: str) -> tuple[int, ...]:
    """Numeric order: 2.10 after 2.9. Codes that are not numeric sort last."""
    try:
        return code_numbers(code)
    except ValueError:
        return (10**6,)


def parent_code(code: str) -> str:
    """``"2.3.1"`` → ``"2.3"``; an aim has no parent (``""``)."""
    return code.rpartition(".")[0]


def child_code(parent: str, number: int) -> str:
    """``child_code("2.3", 1) == "2.3.1"``; ``child_code("", 2) == "2"``."""
    return f"{parent}.{number}" if parent else str(number)
