"""Server-side SVG charts: small, accessible, CSP-clean (docs/decisions/0002-svg-charts.md).

The markup uses SVG presentation attributes only (``fill=``, ``stroke=``, ``font-size=``): no
``<style>`` element and no ``style=`` attribute, both of which the site's Content Security Policy
(``style-src 'self'``) blocks when the SVG is inlined in a page. Output is deterministic (same
data, same bytes), so the page and the PDF draw the same chart and tests can compare it.

Every chart carries ``role="img"``, a ``<title>`` and a ``<desc>`` that lists the data, and every
point its own ``<title>``; pages still put it in a ``<figure>`` with the data table beside it
(STYLE rule 9). Nothing here knows about plans: callers pass labels, numbers and a formatter.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ortak.core.templatetags.ortak import number, percent

Number = Decimal | int | float

# Colour-blind-safe pair on white (contrast ≥ 4.5:1), told apart also by dash and marker shape.
PALETTE = ("#0b6e7f", "#b83a1a", "#5c3d99", "#1b6e3a")
TEXT_COLOUR = "#212529"
GRID_COLOUR = "#d0d5da"
AXIS_COLOUR = "#6c757d"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


@dataclass(frozen=True)
class Series:
    """One line of a chart: a name and one value (or ``None`` for a gap) per x label."""

    name: str
    values: Sequence[Number | None]
    colour: str = ""
    dashed: bool = False
    marker: str = ""  # "circle" or "square"; empty: chosen by position


def default_format(value: Number) -> str:
    """Numbers as the page shows them: whole when whole, else two decimals (locale-aware)."""
    decimal = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    return number(decimal, 0 if decimal == decimal.to_integral_value() else 2)


def width_class(value: Number | None) -> str:
    """The ``w-pct-N`` class (0–100, clamped, half up) that draws a bar without inline style."""
    return f"w-pct-{_clamp_percent(value)}"


def bar(value: Number | None, *, label: str, width: int = 200, height: int = 16) -> SafeString:
    """A horizontal 0–100 % bar as SVG, with its value as visible text (for print and PDF)."""
    pct = _clamp_percent(value)
    text = percent(value)
    filled = round(width * pct / 100)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart-bar" role="img" '
        f'width="{width + 48}" height="{height}" viewBox="0 0 {width + 48} {height}" '
        f'focusable="false"><title>{escape(label)}: {escape(text)}</title>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#e9ecef"/>',
        f'<rect x="0" y="0" width="{filled}" height="{height}" fill="{PALETTE[0]}"/>',
        f'<text x="{width + 6}" y="{height - 3}" font-size="{height - 4}" '
        f'font-family="{FONT}" fill="{TEXT_COLOUR}">{escape(text)}</text></svg>',
    ]
    # Safe: every text part above went through escape().
    return mark_safe("".join(parts))


def line_chart(
    *,
    title: str,
    x_labels: Sequence[str],
    series: Sequence[Series],
    description: str = "",
    y_label: str = "",
    format_value: Callable[[Number], str] = default_format,
    width: int = 560,
    height: int = 300,
    chart_id: str = "",
) -> SafeString:
    """A line chart of several series over the same x labels, as inline-safe SVG markup.

    ``description`` is read by screen readers before the data; the data itself is always listed
    in ``<desc>`` too, so the chart alone is never the only way to the numbers.
    """
    for item in series:
        if len(item.values) != len(x_labels):
            raise ValueError(
                f"Series {item.name!r} has {len(item.values)} values for {len(x_labels)} labels."
            )
    chart_id = chart_id or _stable_id(title, x_labels, series)
    frame = _Frame(width=width, height=height, count=len(x_labels))
    scale = _Scale.for_values([v for s in series for v in s.values if v is not None])
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMidYMid meet" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false" '
        f'font-family="{FONT}" font-size="13">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(_describe(description, x_labels, series, format_value))}</desc>',
    ]
    out.extend(_grid(frame, scale, format_value, y_label))
    out.extend(_x_axis(frame, x_labels))
    for index, item in enumerate(series):
        out.extend(_series(frame, scale, x_labels, item, index, format_value))
    out.extend(_legend(frame, series))
    out.append("</svg>")
    # Safe: every text part above went through escape().
    return mark_safe("".join(out))


# --- Internals ------------------------------------------------------------------------


def _clamp_percent(value: Number | None) -> int:
    if value is None:
        return 0
    decimal = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    rounded = int(decimal.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return max(0, min(100, rounded))


def _stable_id(title: str, x_labels: Sequence[str], series: Sequence[Series]) -> str:
    """Same data, same id: deterministic markup, yet two charts on a page do not collide."""
    payload = repr((title, list(x_labels), [(s.name, [str(v) for v in s.values]) for s in series]))
    return "chart-" + hashlib.sha256(payload.encode()).hexdigest()[:10]


def _describe(
    description: str,
    x_labels: Sequence[str],
    series: Sequence[Series],
    format_value: Callable[[Number], str],
) -> str:
    lines = [description] if description else []
    for item in series:
        points = ", ".join(
            f"{label}: {format_value(value) if value is not None else '–'}"
            for label, value in zip(x_labels, item.values, strict=True)
        )
        lines.append(f"{item.name} — {points}.")
    return " ".join(lines)


@dataclass(frozen=True)
class _Frame:
    """The plotting area inside the SVG, in user units."""

    width: int
    height: int
    count: int
    left: int = 64
    right: int = 16
    top: int = 40
    bottom: int = 36

    @property
    def plot_width(self) -> float:
        return float(self.width - self.left - self.right)

    @property
    def plot_height(self) -> float:
        return float(self.height - self.top - self.bottom)

    @property
    def baseline(self) -> float:
        return float(self.height - self.bottom)

    def x(self, index: int) -> float:
        if self.count <= 1:
            return self.left + self.plot_width / 2
        # Inset so that the first and last labels are not cut at the edges.
        inset = 24.0
        return self.left + inset + (self.plot_width - 2 * inset) * index / (self.count - 1)


@dataclass(frozen=True)
class _Scale:
    low: float
    high: float
    step: float

    @classmethod
    def for_values(cls, values: Sequence[Number]) -> _Scale:
        floats = [float(v) for v in values]
        low = min([0.0, *floats])
        high = max([0.0, *floats])
        if high == low:
            high = low + 1
        step = _nice_step((high - low) / 4)
        return cls(
            low=math.floor(low / step) * step,
            high=math.ceil(high / step) * step,
            step=step,
        )

    def ticks(self) -> list[float]:
        count = round((self.high - self.low) / self.step)
        return [self.low + i * self.step for i in range(count + 1)]

    def y(self, value: Number, frame: _Frame) -> float:
        share = (float(value) - self.low) / (self.high - self.low)
        return frame.baseline - share * frame.plot_height


def _nice_step(rough: float) -> float:
    """1, 2, 2.5 or 5 times a power of ten: axis ticks people can read."""
    exponent = math.floor(math.log10(rough))
    fraction = rough / 10**exponent
    for nice in (1.0, 2.0, 2.5, 5.0, 10.0):
        if fraction <= nice:
            return nice * 10**exponent
    return 10.0 * 10**exponent  # pragma: no cover - fraction is always < 10


def _fmt(value: float) -> str:
    """Coordinates with at most one decimal: small markup, stable output."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _tick_number(value: float) -> Decimal:
    return Decimal(repr(round(value, 6))).normalize()


def _grid(
    frame: _Frame, scale: _Scale, format_value: Callable[[Number], str], y_label: str
) -> list[str]:
    out = ['<g class="chart-grid" aria-hidden="true">']
    for tick in scale.ticks():
        y = _fmt(scale.y(tick, frame))
        out.append(
            f'<line x1="{frame.left}" x2="{frame.width - frame.right}" y1="{y}" y2="{y}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
            f'<text x="{frame.left - 8}" y="{y}" dy="4" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{escape(format_value(_tick_number(tick)))}</text>'
        )
    if y_label:
        out.append(
            f'<text x="4" y="{frame.top - 12}" text-anchor="start" '
            f'fill="{TEXT_COLOUR}">{escape(y_label)}</text>'
        )
    out.append("</g>")
    return out


def _x_axis(frame: _Frame, x_labels: Sequence[str]) -> list[str]:
    out = [
        '<g class="chart-x-axis" aria-hidden="true">',
        f'<line x1="{frame.left}" x2="{frame.width - frame.right}" y1="{_fmt(frame.baseline)}" '
        f'y2="{_fmt(frame.baseline)}" stroke="{AXIS_COLOUR}" stroke-width="1"/>',
    ]
    for index, label in enumerate(x_labels):
        out.append(
            f'<text x="{_fmt(frame.x(index))}" y="{_fmt(frame.baseline + 20)}" '
            f'text-anchor="middle" fill="{TEXT_COLOUR}">{escape(label)}</text>'
        )
    out.append("</g>")
    return out


def _style(item: Series, index: int) -> tuple[str, bool, str]:
    colour = item.colour or PALETTE[index % len(PALETTE)]
    marker = item.marker or ("circle", "square")[index % 2]
    return colour, item.dashed, marker


def _series(
    frame: _Frame,
    scale: _Scale,
    x_labels: Sequence[str],
    item: Series,
    index: int,
    format_value: Callable[[Number], str],
) -> list[str]:
    colour, dashed, marker = _style(item, index)
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    out = [f'<g class="chart-series" data-series="{escape(item.name)}">']
    for run in _runs(item.values):
        if len(run) > 1:
            points = " ".join(f"{_fmt(frame.x(i))},{_fmt(scale.y(v, frame))}" for i, v in run)
            out.append(
                f'<polyline points="{points}" fill="none" stroke="{colour}" '
                f'stroke-width="2.5"{dash}/>'
            )
    for i, value in enumerate(item.values):
        if value is None:
            continue
        x, y = frame.x(i), scale.y(value, frame)
        tip = f"{item.name}, {x_labels[i]}: {format_value(value)}"
        shape = (
            f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="4.5" fill="{colour}">'
            if marker == "circle"
            else f'<rect x="{_fmt(x - 4.5)}" y="{_fmt(y - 4.5)}" width="9" height="9" fill="{colour}">'
        )
        closing = "</circle>" if marker == "circle" else "</rect>"
        out.append(
            f'<g class="chart-point" data-x="{escape(x_labels[i])}" data-value="{escape(str(value))}">'
            f"{shape}<title>{escape(tip)}</title>{closing}</g>"
        )
    out.append("</g>")
    return out


def _runs(values: Sequence[Number | None]) -> list[list[tuple[int, Number]]]:
    """Consecutive non-empty values: a gap in the data is a gap in the line."""
    runs: list[list[tuple[int, Number]]] = [[]]
    for index, value in enumerate(values):
        if value is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((index, value))
    return [run for run in runs if run]


def _legend(frame: _Frame, series: Sequence[Series]) -> list[str]:
    out = ['<g class="chart-legend" aria-hidden="true">']
    x = float(frame.left)
    for index, item in enumerate(series):
        colour, dashed, marker = _style(item, index)
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        y = 14.0
        out.append(
            f'<line x1="{_fmt(x)}" x2="{_fmt(x + 28)}" y1="{_fmt(y)}" y2="{_fmt(y)}" '
            f'stroke="{colour}" stroke-width="2.5"{dash}/>'
        )
        if marker == "circle":
            out.append(f'<circle cx="{_fmt(x + 14)}" cy="{_fmt(y)}" r="4.5" fill="{colour}"/>')
        else:
            out.append(
                f'<rect x="{_fmt(x + 9.5)}" y="{_fmt(y - 4.5)}" width="9" height="9" fill="{colour}"/>'
            )
        out.append(
            f'<text x="{_fmt(x + 34)}" y="{_fmt(y)}" dy="4" fill="{TEXT_COLOUR}">{escape(item.name)}</text>'
        )
        x += 34 + 8 * len(item.name) + 24
    out.append("</g>")
    return out
