"""A small progress bar on standard error, and the wall time of each phase.

No dependency: the bar rewrites one line with a carriage return, at most ten times a second, and
ends it with a newline when the phase is done.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO

WIDTH = 30


class Bar:
    def __init__(self, stream: TextIO | None, label: str, total: int) -> None:
        self.stream = stream
        self.label = label
        self.total = max(total, 1)
        self.done = 0
        self.started = time.monotonic()
        self._drawn = 0.0

    def tick(self, count: int = 1) -> None:
        self.done += count
        now = time.monotonic()
        if now - self._drawn >= 0.1:
            self._drawn = now
            self._draw()

    def _draw(self, end: str = "") -> None:
        if self.stream is None:
            return
        share = min(self.done / self.total, 1.0)
        filled = round(share * WIDTH)
        bar = "#" * filled + "-" * (WIDTH - filled)
        elapsed = time.monotonic() - self.started
        self.stream.write(
            f"\r{self.label:<14} [{bar}] {share:6.1%} {self.done:>10,}/{self.total:,} "
            f"{elapsed:7.1f} s{end}"
        )
        self.stream.flush()

    def close(self) -> None:
        self._draw(end="\n")


@dataclass
class Timings:
    """Wall time per phase, in the order the phases ran."""

    stream: TextIO | None = None
    phases: list[tuple[str, float]] = field(default_factory=list)

    @contextmanager
    def phase(self, label: str, total: int) -> Iterator[Bar]:
        bar = Bar(self.stream, label, total)
        started = time.monotonic()
        try:
            yield bar
        finally:
            bar.close()
            self.phases.append((label, time.monotonic() - started))

    @property
    def total(self) -> float:
        return sum(seconds for _label, seconds in self.phases)
