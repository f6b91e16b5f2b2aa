"""How many decimals a plan figure is written with."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ortak.plans.numbers import decimals_needed

D = Decimal


@pytest.mark.parametrize(
    ("values", "most", "expected"),
    [
        ([D("20.0000")], None, 0),  # stored with four places, a count all the same
        ([D("12.5000")], None, 1),
        ([D("0.1250")], None, 3),
        ([D("1E+3")], None, 0),
        ([None, D("3.25"), D("7")], None, 2),  # the most precise of several
        ([None], None, 0),
        ([], None, 0),
        ([D("0.1250")], 2, 2),  # at most ``most``
        ([D("7")], 2, 0),
    ],
)
def test_decimals_needed(values, most, expected):
    assert decimals_needed(values, most=most) == expected
