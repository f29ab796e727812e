"""The decimals of a million measurements, found without sorting them, equal value-by-value's."""

from __future__ import annotations

import numpy as np
import pytest

from qclinic.core.spc.digits import MAX_DECIMALS, measurement_decimals, value_decimals


def _slow(values: np.ndarray) -> int:
    return max(value_decimals(float(v)) for v in np.unique(values[np.isfinite(values)]))


@pytest.mark.parametrize("decimals", range(MAX_DECIMALS + 1))
def test_every_count_of_decimals_is_found_as_value_by_value_finds_it(decimals: int) -> None:
    values = np.round(np.random.default_rng(decimals).normal(74.0, 0.01, 20_000), decimals)
    assert measurement_decimals(values) == _slow(values)


def test_one_finer_value_beyond_the_first_thousands_decides() -> None:
    # the first values (tried first) all have 3 decimals; one late reading has 5
    values = np.round(np.random.default_rng(7).normal(74.0, 0.01, 50_000), 3)
    values[45_000] = 74.00012
    assert measurement_decimals(values) == 5 == _slow(values)


def test_blanks_are_left_out_and_nothing_finite_is_none() -> None:
    assert measurement_decimals([np.nan, 1.25, np.inf]) == 2
    assert measurement_decimals([np.nan]) is None
