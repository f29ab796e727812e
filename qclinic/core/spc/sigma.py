"""Estimators of the process standard deviation: within-subgroup and overall.

``method`` names, used by charts, capability and the CLI's ``--sigma-method``:

* ``rbar``   - average subgroup range / d2(n) (subgroups of 2..25, equal sizes);
* ``sbar``   - average subgroup standard deviation / c4(n);
* ``pooled`` - pooled standard deviation sqrt(sum (n_i - 1) s_i^2 / sum (n_i - 1)) / c4(d + 1),
  where d = sum (n_i - 1) (Minitab's default for capability, with the unbiasing constant;
  c4(d + 1) is always computed: d + 1 is usually beyond any table);
* ``mrbar``  - average moving range of span 2 / d2(2) = MR-bar / 1.128 (individuals);

d2 and c4 are the printed table values (``constants="tabled"``, the default) or computed
(``"exact"``); see :mod:`qclinic.core.spc.constants`.
* ``overall`` - sample standard deviation of all values (ddof = 1; no c4 correction), the
  long-term sigma behind Pp/Ppk.
"""

from __future__ import annotations

import math

import numpy as np

from qclinic.core.catalogue import text
from qclinic.core.spc.constants import DEFAULT_MODE, MAX_SUBGROUP_SIZE, c4, check_mode, factors
from qclinic.core.spc.validation import BoolArray, FloatArray
from qclinic.errors import UserError

WITHIN_METHODS = ("rbar", "sbar", "pooled", "mrbar")


def _zero_variation(what: str) -> UserError:
    return UserError(text("spc.zero_variation_of", what=text(f"spc.what.{what}")))


def sigma_rbar(ranges: FloatArray, n: int, mode: str = DEFAULT_MODE) -> float:
    """R-bar / d2(n)."""
    if n > MAX_SUBGROUP_SIZE:
        raise UserError(text("spc.rbar_over_25", n=n))
    rbar = float(np.mean(ranges))
    if rbar <= 0.0:
        raise _zero_variation("ranges")
    return rbar / factors(n, mode).d2


def sigma_sbar(sds: FloatArray, n: int, mode: str = DEFAULT_MODE) -> float:
    """S-bar / c4(n)."""
    sbar = float(np.mean(sds))
    if sbar <= 0.0:
        raise _zero_variation("std")
    return sbar / factors(n, mode).c4


def sigma_pooled(sds: FloatArray, n: int) -> float:
    """Pooled standard deviation / c4(d + 1), equal subgroup sizes ``n``."""
    dof = sds.size * (n - 1)
    pooled = math.sqrt(float(np.mean(sds**2)))
    if pooled <= 0.0:
        raise _zero_variation("std")
    return pooled / c4(dof + 1)


def sigma_mrbar(moving_ranges: FloatArray, mode: str = DEFAULT_MODE) -> float:
    """MR-bar / d2(2) for moving ranges of span 2."""
    if moving_ranges.size == 0:
        raise UserError(text("spc.moving_range_two"))
    mrbar = float(np.mean(moving_ranges))
    if mrbar <= 0.0:
        raise _zero_variation("moving_ranges")
    return mrbar / factors(2, mode).d2


def within_sigma(
    data: FloatArray,
    method: str,
    mask: BoolArray | None = None,
    constants: str = DEFAULT_MODE,
) -> float:
    """Within-subgroup sigma of a subgroup matrix (rows = subgroups) or individuals (1 column).

    Args:
        data: 2-D array, one row per subgroup; a single column means individuals.
        method: one of :data:`WITHIN_METHODS`.
        mask: rows to use (default all). For ``mrbar`` a moving range is used only when both of
            its points are selected.
        constants: ``tabled`` (printed d2, c4) or ``exact``.

    Raises:
        UserError: unknown method, a method that does not fit the data, or zero variation.
    """
    check_mode(constants)
    rows = np.ones(data.shape[0], dtype=bool) if mask is None else mask
    n = data.shape[1]
    if method == "mrbar":
        if n != 1:
            raise UserError(text("spc.mrbar_individuals"))
        x = data[:, 0]
        both = rows[1:] & rows[:-1]
        return sigma_mrbar(np.abs(np.diff(x))[both], constants)
    if method not in WITHIN_METHODS:
        raise UserError(text("spc.unknown_sigma", method=method, methods=", ".join(WITHIN_METHODS)))
    if n < 2:
        raise UserError(text("spc.sigma_needs_two", method=method))
    chosen = data[rows]
    if np.isnan(chosen).any():
        return _variable_sigma(chosen, method, constants)
    if method == "rbar":
        return sigma_rbar(np.ptp(chosen, axis=1), n, constants)
    sds = np.std(chosen, axis=1, ddof=1)
    if method == "sbar":
        return sigma_sbar(sds, n, constants)
    return sigma_pooled(sds, n)


def subgroup_sizes(data: FloatArray) -> np.ndarray[tuple[int], np.dtype[np.intp]]:
    """Values per subgroup of a matrix whose missing cells are NaN."""
    sizes: np.ndarray[tuple[int], np.dtype[np.intp]] = np.count_nonzero(np.isfinite(data), axis=1)
    return sizes


def _variable_sigma(data: FloatArray, method: str, constants: str) -> float:
    """Within sigma of subgroups of different sizes (missing cells are NaN), as qcc estimates
    it: ``rbar`` the mean of R_i / d2(n_i), ``sbar`` the mean of s_i / c4(n_i), ``pooled``
    sqrt(sum (n_i - 1) s_i^2 / sum (n_i - 1)) / c4(d + 1). With equal sizes each is the
    equal-size estimator above."""
    sizes = subgroup_sizes(data)
    if (sizes < 2).any():
        row = int(np.flatnonzero(sizes < 2)[0])
        raise UserError(text("spc.subgroup_needs_two", row=row + 1, size=int(sizes[row])))
    if method == "rbar":
        if sizes.max() > MAX_SUBGROUP_SIZE:
            raise UserError(text("spc.rbar_over_25_any"))
        ranges = np.nanmax(data, axis=1) - np.nanmin(data, axis=1)
        if float(ranges.sum()) <= 0.0:
            raise _zero_variation("ranges")
        d2s = np.array([factors(int(n), constants).d2 for n in sizes])
        return float(np.mean(ranges / d2s))
    sds = np.nanstd(data, axis=1, ddof=1)
    if float(sds.sum()) <= 0.0:
        raise _zero_variation("std")
    if method == "sbar":
        c4s = np.array([factors(int(n), constants).c4 for n in sizes])
        return float(np.mean(sds / c4s))
    dof = int(np.sum(sizes - 1))
    return math.sqrt(float(np.sum((sizes - 1) * sds**2)) / dof) / c4(dof + 1)


def overall_sigma(values: FloatArray) -> float:
    """Sample standard deviation (ddof = 1) of all values.

    Raises:
        UserError: fewer than 2 values or zero variation.
    """
    flat = np.asarray(values, dtype=np.float64).ravel()
    if flat.size < 2:
        raise UserError(text("spc.overall_needs_two"))
    sd = float(np.std(flat, ddof=1))
    if sd <= 0.0:
        raise _zero_variation("deviations")
    return sd
