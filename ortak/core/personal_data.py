"""A registry through which each app contributes to "download my data" and account erasure.

`accounts` owns the flows but must not import the higher apps (ARCHITECTURE §2), so every app
that stores personal data registers two functions in its ``AppConfig.ready()``:

- an exporter ``(user) -> dict`` returning a JSON-serialisable view of what the user created;
- an eraser ``(user) -> None`` removing personal data while keeping the public record readable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Exporter = Callable[[Any], dict[str, Any]]
Eraser = Callable[[Any], None]

_exporters: dict[str, Exporter] = {}
_erasers: dict[str, Eraser] = {}


def register(
    section: str, *, exporter: Exporter | None = None, eraser: Eraser | None = None
) -> None:
    if exporter is not None:
        _exporters[section] = exporter
    if eraser is not None:
        _erasers[section] = eraser


def export_all(user: Any) -> dict[str, Any]:
    return {section: exporter(user) for section, exporter in sorted(_exporters.items())}


def erase_all(user: Any) -> None:
    for _section, eraser in sorted(_erasers.items()):
        eraser(user)
