"""How many decimals to print: as many as the measurements carry, plus one for derived figures.

A control limit of piston rings measured to 0.001 mm is printed to 0.0001 mm (74.0143), never
rounded to the hundredths the characteristic's tolerance is written in. The decimals of a value
are the fewest (0 to :data:`MAX_DECIMALS`) that give it back exactly, as a spreadsheet shows it;
trailing zeros a text file had (``74.000``) are gone once it is a number, so the measurements as
a whole decide (one value with three decimals makes it three).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np

MAX_DECIMALS = 8


def value_decimals(value: float) -> int:
    """Fewest decimals (at most :data:`MAX_DECIMALS`) that represent *value* exactly."""
    if not math.isfinite(value):
        return 0
    scale = max(1.0, abs(value))
    for places in range(MAX_DECIMALS + 1):
        if abs(round(value, places) - value) <= 1e-9 * scale:
            return places
    return MAX_DECIMALS


def measurement_decimals(values: Iterable[Any] | Any) -> int | None:
    """The decimals the measurements carry (the most any finite one needs); ``None`` if none.

    That is the fewest decimals at which every value comes back exactly (a value exact at *k*
    decimals is exact at *k* + 1 too), found from 0 upwards. Each count is tried on the first few
    thousand values before all of them, so a million values cost one or two passes, not a sort.
    """
    array = np.asarray(values, dtype=np.float64).ravel()
    finite = array[np.isfinite(array)]
    if finite.size == 0:
        return None
    sample = finite[:_SAMPLE]
    tolerance: Any = None  # of all the values, made only when a count passes the sample
    for count in range(MAX_DECIMALS + 1):
        if not _exact_at(sample, _tolerance(sample), count):
            continue
        if finite.size <= _SAMPLE:
            return count
        if tolerance is None:
            tolerance = _tolerance(finite)
        if _exact_at(finite, tolerance, count):
            return count
    return MAX_DECIMALS


#: values tried first at each count (a count the first ones refuse is refused for all)
_SAMPLE = 4096


def _tolerance(values: Any) -> Any:
    """The rounding error :func:`value_decimals` forgives, value by value."""
    return 1e-9 * np.maximum(1.0, np.abs(values))


def _exact_at(values: Any, tolerance: Any, count: int) -> bool:
    return bool(np.all(np.abs(np.round(values, count) - values) <= tolerance))


def limit_decimals(values: Iterable[Any] | Any) -> int | None:
    """Decimals for figures derived from the measurements (center, limits, mean): one more."""
    places = measurement_decimals(values)
    return None if places is None else min(places + 1, MAX_DECIMALS + 1)


def format_fixed(value: Any, decimals: int | None, significant: int = 6) -> str:
    """*value* with *decimals* places, or *significant* digits when the decimals are unknown."""
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        return "—" if value is None else str(value)
    if not math.isfinite(value):
        return "—"
    if decimals is None:
        return f"{value:.{significant}g}"
    return f"{value:.{decimals}f}"
