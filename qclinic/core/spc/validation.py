"""Input checks shared by the SPC and MSA engines: every problem becomes a :class:`UserError`.

The engines take numbers that already came through :mod:`qclinic.core.spc.tabular` (which names
the file row and column of a bad cell) or straight from Python callers; these helpers locate a
bad value by its position in the array (1-based, as a user counts).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from qclinic.core.catalogue import text
from qclinic.core.text import Text
from qclinic.errors import UserError

FloatArray = np.ndarray[tuple[int, ...], np.dtype[np.float64]]
BoolArray = np.ndarray[tuple[int, ...], np.dtype[np.bool_]]
IntArray = np.ndarray[tuple[int, ...], np.dtype[np.int64]]


def _to_float_array(values: Any, what: str | Text) -> FloatArray:
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        # Find the first offending cell so the message can point at it.
        flat = np.asarray(values, dtype=object)
        for position, item in np.ndenumerate(flat):
            try:
                float(item)
            except (TypeError, ValueError):
                where = ", ".join(str(p + 1) for p in position)
                raise UserError(
                    text("spc.value_not_number", what=what, item=item, where=where)
                ) from None
        raise UserError(text("spc.values_not_numbers", what=what)) from None
    return array


def finite_vector(values: Any, what: str | Text, *, minimum: int = 1) -> FloatArray:
    """A 1-D float array with only finite values.

    Raises:
        UserError: text, blanks (None/NaN), infinities, wrong shape, or fewer than ``minimum``.
    """
    array = _to_float_array(values, what)
    if array.ndim != 1:
        raise UserError(text("spc.one_column", what=what))
    if array.size < minimum:
        raise UserError(text("spc.too_few_values", what=what, minimum=minimum, count=array.size))
    bad = ~np.isfinite(array)
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        key = "spc.value_blank" if np.isnan(array[first]) else "spc.value_infinite"
        raise UserError(text(key, what=what, n=first + 1))
    return array


def finite_matrix(
    values: Any, what: str | Text, *, min_rows: int = 2, min_cols: int = 1
) -> FloatArray:
    """A 2-D float array (one row per subgroup) with only finite values.

    Raises:
        UserError: ragged rows, text, blanks, infinities, or too few rows/columns.
    """
    if isinstance(values, Sequence) and values and isinstance(values[0], Sequence):
        lengths = {len(row) for row in values}
        if len(lengths) > 1:
            raise UserError(text("spc.ragged", what=what, sizes=sorted(lengths)))
    array = _to_float_array(values, what)
    if array.ndim == 1:
        array = array[:, None]
    if array.ndim != 2:
        raise UserError(text("spc.row_per_subgroup", what=what))
    if array.shape[0] < min_rows:
        raise UserError(
            text("spc.too_few_subgroups", what=what, minimum=min_rows, count=array.shape[0])
        )
    if array.shape[1] < min_cols:
        raise UserError(text("spc.subgroup_too_small", what=what, minimum=min_cols))
    bad = ~np.isfinite(array)
    if bad.any():
        row, col = (int(i) for i in np.argwhere(bad)[0])
        key = (
            "spc.subgroup_value_blank"
            if np.isnan(array[row, col])
            else "spc.subgroup_value_infinite"
        )
        raise UserError(text(key, what=what, row=row + 1, col=col + 1))
    return array


def subgroup_matrix(values: Any, what: str | Text, *, min_rows: int = 2) -> FloatArray:
    """One row per subgroup where subgroups may differ in size: ragged rows are padded, and
    NaN (or None) marks a missing value. Every subgroup keeps at least one value.

    Raises:
        UserError: text, infinities, a subgroup with no value, or too few subgroups.
    """
    if isinstance(values, Sequence) and values and isinstance(values[0], Sequence):
        width = max(len(row) for row in values)
        values = [
            [np.nan if v is None else v for v in row] + [np.nan] * (width - len(row))
            for row in values
        ]
    array = _to_float_array(values, what)
    if array.ndim == 1:
        array = array[:, None]
    if array.ndim != 2:
        raise UserError(text("spc.row_per_subgroup", what=what))
    if array.shape[0] < min_rows:
        raise UserError(
            text("spc.too_few_subgroups", what=what, minimum=min_rows, count=array.shape[0])
        )
    if np.isinf(array).any():
        row, col = (int(i) for i in np.argwhere(np.isinf(array))[0])
        raise UserError(text("spc.subgroup_value_infinite", what=what, row=row + 1, col=col + 1))
    empty = ~np.isfinite(array).any(axis=1)
    if empty.any():
        raise UserError(
            text("spc.subgroup_empty", what=what, row=int(np.flatnonzero(empty)[0]) + 1)
        )
    return array


def phase1_mask(
    count: int, phase1: tuple[int, int] | None, exclude: Mapping[int, str] | None
) -> tuple[BoolArray, BoolArray, dict[int, str]]:
    """Which points estimate the limits.

    Args:
        count: number of plotted points.
        phase1: ``(start, stop)`` 0-based half-open range of the points used to estimate the
            limits; ``None`` uses them all. Points at or after ``stop`` are phase II (monitored).
        exclude: point index (0-based) -> recorded reason. Excluded points stay in the data and
            on the chart, flagged, but do not enter the estimates.

    Returns:
        ``(estimate, in_phase1, reasons)`` boolean masks and the cleaned reasons.
    """
    start, stop = (0, count) if phase1 is None else phase1
    if not (0 <= start < stop <= count):
        raise UserError(text("spc.phase1_outside", start=start + 1, stop=stop, count=count))
    in_phase1 = np.zeros(count, dtype=bool)
    in_phase1[start:stop] = True
    reasons: dict[int, str] = {}
    for index, reason in (exclude or {}).items():
        if not 0 <= int(index) < count:
            raise UserError(text("spc.excluded_outside", point=int(index) + 1, count=count))
        if not str(reason).strip():
            raise UserError(text("spc.excluded_reason", point=int(index) + 1))
        reasons[int(index)] = str(reason).strip()
    estimate = in_phase1.copy()
    if reasons:
        estimate[list(reasons)] = False
    return estimate, in_phase1, reasons


def require_points(mask: BoolArray, minimum: int, what: str | Text) -> None:
    """Raise unless ``mask`` selects at least ``minimum`` points for estimation."""
    if int(mask.sum()) < minimum:
        raise UserError(text("spc.too_few_left", what=what, left=int(mask.sum()), minimum=minimum))
