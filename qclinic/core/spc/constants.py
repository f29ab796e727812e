"""Control-chart constants: as the published tables print them, or computed exactly.

Two modes (``CONSTANT_MODES``), chosen per analysis with ``constants=``:

* ``"tabled"`` (the default) - the factors as Montgomery, *Introduction to Statistical Quality
  Control*, Appendix Table VI (the ASTM table) prints them for n = 2..25, 3 decimals (4 for c4).
  qcc and Minitab estimate sigma with these printed values (d2(2) = 1.128), so limits computed
  with them agree with those programs and with the textbooks' worked examples to every digit.
  Above n = 25 (X-bar-S only) no table exists and the computed values are used.
* ``"exact"`` - every constant computed from its definition, as below, then cached.

The exact definitions:

* ``d2(n)`` = E[R]/sigma, the mean of the relative range ``W = R/sigma`` of ``n`` normal draws:
  ``d2 = integral over x of 1 - Phi(x)^n - (1 - Phi(x))^n`` (Tippett, 1925).
* ``d3(n)`` = sd(W). With ``F_W(w) = n * integral phi(x) (Phi(x + w) - Phi(x))^(n-1) dx``,
  ``E[W^2] = integral over w >= 0 of 2 w (1 - F_W(w))``, and ``d3 = sqrt(E[W^2] - d2^2)``.
* ``c4(n)`` = E[s]/sigma = ``sqrt(2/(n-1)) Gamma(n/2) / Gamma((n-1)/2)``.
* Derived: ``A2 = 3/(d2 sqrt n)``, ``A3 = 3/(c4 sqrt n)``, ``B3/B4 = 1 -/+ 3 sqrt(1-c4^2)/c4``
  (B3 floored at 0), ``D3/D4 = 1 -/+ 3 d3/d2`` (D3 floored at 0), ``E2 = 3/d2(2)`` for moving
  ranges of span 2 (``E2(n) = 3/d2(n)`` in general).

The tests compare every value with Montgomery, *Introduction to Statistical Quality Control*,
Appendix Table VI (the ASTM table), to its printed 3-4 decimals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from scipy import special

from qclinic.core.catalogue import text
from qclinic.core.text import Text
from qclinic.errors import UserError

FloatArray = np.ndarray[tuple[int, ...], np.dtype[np.float64]]

MIN_SUBGROUP_SIZE = 2
MAX_SUBGROUP_SIZE = 25
CONSTANT_MODES = ("tabled", "exact")
DEFAULT_MODE = "tabled"

# Montgomery, Introduction to Statistical Quality Control (6th ed.), Appendix Table VI,
# "Factors for constructing variables control charts", as printed.
# n: (A2, A3, c4, B3, B4, d2, d3, D3, D4)
_TABLE_VI: dict[int, tuple[float, ...]] = {
    2: (1.880, 2.659, 0.7979, 0.0, 3.267, 1.128, 0.853, 0.0, 3.267),
    3: (1.023, 1.954, 0.8862, 0.0, 2.568, 1.693, 0.888, 0.0, 2.574),
    4: (0.729, 1.628, 0.9213, 0.0, 2.266, 2.059, 0.880, 0.0, 2.282),
    5: (0.577, 1.427, 0.9400, 0.0, 2.089, 2.326, 0.864, 0.0, 2.114),
    6: (0.483, 1.287, 0.9515, 0.030, 1.970, 2.534, 0.848, 0.0, 2.004),
    7: (0.419, 1.182, 0.9594, 0.118, 1.882, 2.704, 0.833, 0.076, 1.924),
    8: (0.373, 1.099, 0.9650, 0.185, 1.815, 2.847, 0.820, 0.136, 1.864),
    9: (0.337, 1.032, 0.9693, 0.239, 1.761, 2.970, 0.808, 0.184, 1.816),
    10: (0.308, 0.975, 0.9727, 0.284, 1.716, 3.078, 0.797, 0.223, 1.777),
    11: (0.285, 0.927, 0.9754, 0.321, 1.679, 3.173, 0.787, 0.256, 1.744),
    12: (0.266, 0.886, 0.9776, 0.354, 1.646, 3.258, 0.778, 0.283, 1.717),
    13: (0.249, 0.850, 0.9794, 0.382, 1.618, 3.336, 0.770, 0.307, 1.693),
    14: (0.235, 0.817, 0.9810, 0.406, 1.594, 3.407, 0.763, 0.328, 1.672),
    15: (0.223, 0.789, 0.9823, 0.428, 1.572, 3.472, 0.756, 0.347, 1.653),
    16: (0.212, 0.763, 0.9835, 0.448, 1.552, 3.532, 0.750, 0.363, 1.637),
    17: (0.203, 0.739, 0.9845, 0.466, 1.534, 3.588, 0.744, 0.378, 1.622),
    18: (0.194, 0.718, 0.9854, 0.482, 1.518, 3.640, 0.739, 0.391, 1.608),
    19: (0.187, 0.698, 0.9862, 0.497, 1.503, 3.689, 0.734, 0.403, 1.597),
    20: (0.180, 0.680, 0.9869, 0.510, 1.490, 3.735, 0.729, 0.415, 1.585),
    21: (0.173, 0.663, 0.9876, 0.523, 1.477, 3.778, 0.724, 0.425, 1.575),
    22: (0.167, 0.647, 0.9882, 0.534, 1.466, 3.819, 0.720, 0.434, 1.566),
    23: (0.162, 0.633, 0.9887, 0.545, 1.455, 3.858, 0.716, 0.443, 1.557),
    24: (0.157, 0.619, 0.9892, 0.555, 1.445, 3.895, 0.712, 0.451, 1.548),
    25: (0.153, 0.606, 0.9896, 0.565, 1.435, 3.931, 0.708, 0.459, 1.541),
}


@dataclass(frozen=True)
class ChartConstants:
    """All Shewhart constants for one subgroup size ``n``."""

    n: int
    d2: float
    d3: float
    c4: float
    A2: float
    A3: float
    B3: float
    B4: float
    D3: float
    D4: float
    E2: float


def _check_size(n: int, *, upper: int | None = MAX_SUBGROUP_SIZE) -> None:
    if not isinstance(n, int | np.integer) or n < MIN_SUBGROUP_SIZE:
        raise UserError(text("spc.size_integer", n=n))
    if upper is not None and n > upper:
        raise UserError(text("spc.size_over", n=n, upper=upper))


def _simpson(values: FloatArray, step: float) -> FloatArray:
    """Composite Simpson's rule along the last axis (an odd number of equally spaced points)."""
    weights = np.ones(values.shape[-1])
    weights[1:-1:2] = 4.0
    weights[2:-1:2] = 2.0
    result: FloatArray = values @ weights * (step / 3.0)
    return result


@cache
def d2(n: int) -> float:
    """Mean of the relative range of ``n`` independent standard normal values.

    Simpson's rule on [-10, 10] with step 0.005 (the integrand is smooth and its tails are
    below 1e-20 outside that interval), accurate to about 1e-12.
    """
    _check_size(n, upper=None)
    x = np.linspace(-10.0, 10.0, 4001)
    integrand = 1.0 - special.ndtr(x) ** n - special.ndtr(-x) ** n
    return float(_simpson(integrand, 0.005))


@cache
def d3(n: int) -> float:
    """Standard deviation of the relative range of ``n`` independent standard normal values.

    The distribution function of the range is evaluated on a fine grid and integrated with
    Simpson's rule (grid step 0.02; the integrands are smooth and decay like the normal tails, so
    the result is accurate to far better than the 4 decimals any table prints).
    """
    _check_size(n, upper=None)
    x, w, phi_x, spread = _range_grid()
    inner = n * phi_x[None, :] * spread ** (n - 1)
    cdf_w = _simpson(inner, float(x[1] - x[0]))
    second_moment = float(_simpson(2.0 * w * (1.0 - cdf_w), float(w[1] - w[0])))
    return math.sqrt(max(second_moment - d2(n) ** 2, 0.0))


@lru_cache(maxsize=1)
def _range_grid() -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Grid shared by every ``d3``: positions ``x``, ranges ``w``, ``phi(x)`` and the spread
    ``Phi(x + w) - Phi(x)`` (step 0.02; Simpson's rule error is below 1e-7 here)."""
    x = np.linspace(-8.0, 8.0, 801)
    w = np.linspace(0.0, 12.0, 601)
    phi_x = np.exp(-0.5 * x**2) / math.sqrt(2.0 * math.pi)
    spread = special.ndtr(x[None, :] + w[:, None]) - special.ndtr(x)[None, :]
    return x, w, phi_x, spread


@cache
def c4(n: int) -> float:
    """Mean of ``s/sigma`` for samples of ``n`` normal values (``n`` >= 2, any size)."""
    _check_size(n, upper=None)
    log_ratio = special.gammaln(n / 2.0) - special.gammaln((n - 1) / 2.0)
    return math.sqrt(2.0 / (n - 1)) * math.exp(float(log_ratio))


def d2_star_single(m: int) -> float:
    """Duncan's ``d2*`` for one range (``g = 1``) of ``m`` values: ``sqrt(d2^2 + d3^2)``.

    This is the root mean square of the relative range; the AIAG MSA manual's ``K2`` and ``K3``
    are ``1/d2*`` for appraisers and parts.
    """
    return math.sqrt(d2(m) ** 2 + d3(m) ** 2)


def check_mode(mode: str) -> str:
    """*mode* if it is one of :data:`CONSTANT_MODES`.

    Raises:
        UserError: an unknown mode.
    """
    if mode not in CONSTANT_MODES:
        raise UserError(
            text(
                "spc.unknown_constants",
                mode=mode,
                modes=Text(" 或 ".join(CONSTANT_MODES), " or ".join(CONSTANT_MODES)),
            )
        )
    return mode


@cache
def tabled(n: int) -> ChartConstants:
    """The factors for subgroup size ``n`` (2 to 25) as Montgomery's Appendix VI prints them.

    E2 (not in that table) is ``3/d2`` with the printed d2, as the textbooks compute the
    individuals limits (``3 MR-bar / 1.128``).

    Raises:
        UserError: if ``n`` is outside 2..25.
    """
    _check_size(n)
    a2, a3, c4n, b3, b4, d2n, d3n, d3_low, d4 = _TABLE_VI[int(n)]
    return ChartConstants(
        n=int(n), d2=d2n, d3=d3n, c4=c4n, A2=a2, A3=a3, B3=b3, B4=b4, D3=d3_low, D4=d4,
        E2=3.0 / d2n,
    )  # fmt: skip


def factors(n: int, mode: str = DEFAULT_MODE) -> ChartConstants:
    """The constants a chart uses for subgroup size ``n`` in *mode* (``tabled`` or ``exact``).

    Tabled values exist for n = 2..25; above that (X-bar-S, pooled sigma) both modes compute.

    Raises:
        UserError: unknown mode, or ``n`` below 2.
    """
    check_mode(mode)
    _check_size(n, upper=None)
    if mode == "tabled" and n <= MAX_SUBGROUP_SIZE:
        return tabled(n)
    return _computed(int(n))


@cache
def constants(n: int) -> ChartConstants:
    """Every constant for subgroup size ``n`` (2 to 25), computed exactly.

    Raises:
        UserError: if ``n`` is outside 2..25.
    """
    _check_size(n)
    return _computed(int(n))


@cache
def _computed(n: int) -> ChartConstants:
    d2n, d3n, c4n = d2(n), d3(n), c4(n)
    root_n = math.sqrt(n)
    b_spread = 3.0 * math.sqrt(1.0 - c4n**2) / c4n
    d_spread = 3.0 * d3n / d2n
    return ChartConstants(
        n=n,
        d2=d2n,
        d3=d3n,
        c4=c4n,
        A2=3.0 / (d2n * root_n),
        A3=3.0 / (c4n * root_n),
        B3=max(0.0, 1.0 - b_spread),
        B4=1.0 + b_spread,
        D3=max(0.0, 1.0 - d_spread),
        D4=1.0 + d_spread,
        E2=3.0 / d2n,
    )
