"""The SVG chart helpers: accessible, CSP-clean, faithful to the data."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.utils import translation

from ortak.core.charts import Series, bar, line_chart, width_class

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input


def _chart(**kwargs):  # type: ignore[no-untyped-def]
    defaults = {
        "title": "Targets and actuals",
        "x_labels": ["2025", "2026", "2027"],
        "series": [
            Series("Target", [Decimal(20), Decimal(30), Decimal(40)], dashed=True),
            Series("Actual", [Decimal(22), None, Decimal("31.5")]),
        ],
    }
    defaults.update(kwargs)
    with translation.override("tr"):
        return str(line_chart(**defaults))


def test_line_chart_is_well_formed_svg_with_title_desc_and_img_role():
    root = parse(_chart(description="Two lines."))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id
    assert root.find(f"{SVG}title").text == "Targets and actuals"
    desc = root.find(f"{SVG}desc")
    assert desc.get("id") == desc_id
    assert desc.text.startswith("Two lines.")


def test_line_chart_has_no_style_element_or_attribute_blocked_by_csp():
    svg = _chart()
    assert "<style" not in svg
    assert not re.search(r"\sstyle=", svg)
    assert "<script" not in svg


def test_line_chart_lists_every_value_in_desc_with_turkish_numbers():
    desc = parse(_chart()).find(f"{SVG}desc").text
    assert "Target — 2025: 20, 2026: 30, 2027: 40." in desc
    assert "Actual — 2025: 22, 2026: –, 2027: 31,50." in desc


def test_line_chart_draws_one_point_per_value_and_a_gap_for_missing_ones():
    root = parse(_chart())
    groups = root.findall(f".//{SVG}g[@class='chart-series']")
    assert [g.get("data-series") for g in groups] == ["Target", "Actual"]
    target, actual = groups
    assert [p.get("data-x") for p in target.findall(f"{SVG}g")] == ["2025", "2026", "2027"]
    assert [p.get("data-x") for p in actual.findall(f"{SVG}g")] == ["2025", "2027"]
    assert len(target.findall(f"{SVG}polyline")) == 1
    # 2026 is missing: no line is drawn through the gap.
    assert actual.findall(f"{SVG}polyline") == []


def test_line_chart_points_are_higher_for_higher_values():
    root = parse(_chart())
    target = root.findall(f".//{SVG}g[@class='chart-series']")[0]
    ys = [float(c.get("cy")) for c in target.iter(f"{SVG}circle")]
    assert ys[0] > ys[1] > ys[2]  # SVG y grows downwards


def test_line_chart_escapes_text():
    svg = _chart(title="<b>&", series=[Series("<x>", [1, 2, 3])])
    assert "<b>" not in svg and "<x>" not in svg
    parse(svg)


def test_line_chart_is_deterministic_and_ids_differ_between_charts():
    assert _chart() == _chart()
    other = _chart(title="Other")
    assert parse(other).get("aria-labelledby") != parse(_chart()).get("aria-labelledby")


def test_line_chart_handles_negative_flat_and_empty_data():
    parse(_chart(series=[Series("Flat", [5, 5, 5])]))
    parse(_chart(series=[Series("Negative", [-3, 2, Decimal("-0.5")])]))
    parse(_chart(series=[Series("Empty", [None, None, None])]))
    parse(_chart(x_labels=["2025"], series=[Series("One", [1])]))


def test_line_chart_rejects_series_of_the_wrong_length():
    with pytest.raises(ValueError, match="2 values for 3 labels"):
        _chart(series=[Series("Short", [1, 2])])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "w-pct-0"),
        (Decimal("42.5"), "w-pct-43"),
        (Decimal(130), "w-pct-100"),
        (-5, "w-pct-0"),
    ],
)
def test_width_class_clamps_and_rounds_half_up(value, expected):
    assert width_class(value) == expected


def test_bar_shows_its_value_as_text():
    with translation.override("tr"):
        svg = str(bar(Decimal("42.4"), label="Plan"))
    root = parse(svg)
    assert root.find(f"{SVG}title").text == "Plan: %42"
    assert root.find(f"{SVG}text").text == "%42"
