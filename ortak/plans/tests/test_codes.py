"""Plan codes: prefixes accepted on input and dropped; the level fixes the number of parts."""

from __future__ import annotations

import pytest

from ortak.plans.codes import (
    CodeError,
    Level,
    child_code,
    code_numbers,
    code_sort_key,
    parent_code,
    parse_code,
)


@pytest.mark.parametrize(
    ("text", "level", "expected"),
    [
        ("2", "aim", "2"),
        ("A2", "aim", "2"),
        ("a 2", "aim", "2"),
        ("Amaç 2", "aim", "2"),
        ("AMAÇ-2", "aim", "2"),
        ("amac 2.", "aim", "2"),
        (2, "aim", "2"),
        ("2.3", "objective", "2.3"),
        ("H2.3", "objective", "2.3"),
        ("h 2.3", "objective", "2.3"),
        ("Hedef 2.3", "objective", "2.3"),
        ("H2.03", "objective", "2.3"),
        ("2.3.1", "indicator", "2.3.1"),
        ("PG2.3.1", "indicator", "2.3.1"),
        ("PG 2.3.1.", "indicator", "2.3.1"),
        ("pg2.3.1", "indicator", "2.3.1"),
        ("P.G. 2.3.1", "indicator", "2.3.1"),
        ("Performans Göstergesi 2.3.1", "indicator", "2.3.1"),
        ("\u00a0PG 2.10.12 ", Level.INDICATOR, "2.10.12"),
    ],
)
def test_parse_code_accepts_prefixes_and_drops_them(text: str, level: str, expected: str) -> None:
    assert parse_code(text, level) == expected


@pytest.mark.parametrize(
    ("text", "level", "reason"),
    [
        ("", "aim", "empty"),
        ("PG", "indicator", "not a dotted number"),
        ("2.3", "aim", "expected 1"),
        ("2", "objective", "expected 2"),
        ("2.3", "indicator", "expected 3"),
        ("2.3.1.4", "indicator", "expected 3"),
        ("2..3", "objective", "not a dotted number"),
        ("2,3", "objective", "not a dotted number"),
        ("0.1", "objective", "numbered from 1"),
        ("X2.3", "objective", "not a dotted number"),
    ],
)
def test_parse_code_rejects_malformed_codes(text: str, level: str, reason: str) -> None:
    with pytest.raises(CodeError) as error:
        parse_code(text, level)
    assert reason in error.value.reason
    assert error.value.text == text


def test_parse_code_rejects_an_unknown_level() -> None:
    with pytest.raises(ValueError):
        parse_code("2", "activity")


def test_code_helpers() -> None:
    assert code_numbers("2.3.1") == (2, 3, 1)
    assert parent_code("2.3.1") == "2.3"
    assert parent_code("2") == ""
    assert child_code("2.3", 4) == "2.3.4"
    assert child_code("", 2) == "2"
    assert sorted(["2.10", "2.9", "10.1", "x"], key=code_sort_key) == ["2.9", "2.10", "10.1", "x"]
