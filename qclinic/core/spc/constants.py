"""Control-chart constants computed from their definitions, for subgroup sizes 2 to 25.

Nothing here is copied from a printed table: every constant is derived from the distribution of
the range and of the standard deviation of normal samples, then cached.

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

from qclinic.errors import UserError

FloatArray = np.ndarray[tuple[int, ...], np.dtype[np.float64]]

MIN_SUBGROUP_SIZE = 2
MAX_SUBGROUP_SIZE = 25


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
        raise UserError(f"subgroup size must be an integer of at least 2, got {n!r}")
    if upper is not None and n > upper:
        raise UserError(
            f"subgroup size {n} is over {upper}: ranges lose efficiency there; "
            "use an X-bar-S chart instead"
        )


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


@cache
def constants(n: int) -> ChartConstants:
    """Every constant for subgroup size ``n`` (2 to 25).

    Raises:
        UserError: if ``n`` is outside 2..25.
    """
    _check_size(n)
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
