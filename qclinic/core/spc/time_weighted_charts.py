"""EWMA and tabular CUSUM charts for the process mean.

Both work on individual values or subgroup means (pass a matrix: one row per subgroup). The
target ``mean`` and ``sigma`` (of individual values) are given, or estimated from phase I: the
mean of the phase I points and the within sigma (MR-bar/d2 for individuals, R-bar/d2 or the
chosen ``sigma_method`` for subgroups). The standard error of a plotted mean is
``sigma / sqrt(n)``.

* EWMA: ``z_i = lambda x_i + (1 - lambda) z_(i-1)``, ``z_0 = mean``; exact limits
  ``mean +/- L se sqrt(lambda/(2-lambda) (1-(1-lambda)^(2i)))`` by default, or the steady-state
  limits (the ``i -> infinity`` value) with ``exact=False`` (Montgomery §9.2; NIST §6.3.2.4).
* CUSUM: ``C+_i = max(0, x_i - (mean + K) + C+_(i-1))`` and ``C-_i = max(0, (mean - K) - x_i +
  C-_(i-1))`` with ``K = k se`` and ``H = h se``; ``k`` and ``h`` are in sigma units (Montgomery
  §9.1). A fast initial response starts both sums at ``headstart * H`` (e.g. 0.5). Sums are
  reported in data units; the lower chart plots ``-C-`` against ``-H``.

Only test 1 (beyond the limits) applies: zone rules assume independent points, which these
statistics are not.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from qclinic.core.catalogue import text
from qclinic.core.spc.constants import DEFAULT_MODE, check_mode
from qclinic.core.spc.digits import limit_decimals
from qclinic.core.spc.results import ChartAnalysis, ChartResult
from qclinic.core.spc.rules import detect, make_rules
from qclinic.core.spc.sigma import within_sigma
from qclinic.core.spc.validation import (
    BoolArray,
    FloatArray,
    IntArray,
    finite_matrix,
    phase1_mask,
    require_points,
)
from qclinic.core.text import Text
from qclinic.errors import UserError

LIMIT_RULES = make_rules("nelson", [1])


def _prepare(
    data: Any,
    phase1: tuple[int, int] | None,
    exclude: Mapping[int, str] | None,
    mean: float | None,
    sigma: float | None,
    sigma_method: str | None,
    what: str | Text,
    constants: str = DEFAULT_MODE,
) -> tuple[FloatArray, int, float, float, str, BoolArray, BoolArray, dict[int, str], int | None]:
    check_mode(constants)
    x = finite_matrix(data, what, min_rows=2)
    n = x.shape[1]
    estimate, in_phase1, reasons = phase1_mask(x.shape[0], phase1, exclude)
    require_points(estimate, 2, what)
    if sigma is None:
        method = sigma_method or ("mrbar" if n == 1 else "rbar")
        sigma_hat = within_sigma(x, method, estimate, constants)
    else:
        if not math.isfinite(sigma) or sigma <= 0:
            raise UserError(text("spc.given_positive", what=text("spc.given.sigma")))
        sigma_hat, method = float(sigma), "given"
    means = x.mean(axis=1)
    if mean is not None and not math.isfinite(mean):
        raise UserError(text("spc.given_number", what=text("spc.given.target_mean")))
    target = float(means[estimate].mean()) if mean is None else float(mean)
    decimals = limit_decimals(x)
    return means, n, target, sigma_hat, method, estimate, in_phase1, reasons, decimals


def ewma_chart(
    data: Any,
    *,
    lam: float = 0.2,
    sigmas: float = 3.0,
    exact: bool = True,
    mean: float | None = None,
    sigma: float | None = None,
    sigma_method: str | None = None,
    phase1: tuple[int, int] | None = None,
    exclude: Mapping[int, str] | None = None,
    constants: str = DEFAULT_MODE,
) -> ChartAnalysis:
    """EWMA chart of individuals or subgroup means.

    Args:
        data: individual values, or one row per subgroup.
        lam: smoothing constant lambda, 0 < lambda <= 1.
        sigmas: L, the limit width in standard deviations of the EWMA.
        exact: time-varying exact limits (default) or steady-state limits.
        mean: target (center); estimated from phase I when omitted.
        sigma: process sigma of individual values; estimated when omitted.
        sigma_method: within estimator when estimating (see :mod:`qclinic.core.spc.sigma`).
        phase1: ``(start, stop)`` 0-based half-open points that estimate mean and sigma.
        exclude: point index -> reason, left out of the estimates.
        constants: d2/c4 behind an estimated sigma, ``tabled`` (default) or ``exact``.

    Raises:
        UserError: lambda outside (0, 1], L <= 0, or bad data.
    """
    if not (math.isfinite(lam) and 0.0 < lam <= 1.0):
        raise UserError(text("spc.ewma_lambda", lam=lam))
    if not math.isfinite(sigmas) or sigmas <= 0:
        raise UserError(text("spc.sigmas_positive"))
    means, n, target, sigma_hat, method, estimate, in_phase1, reasons, decimals = _prepare(
        data,
        phase1,
        exclude,
        mean,
        sigma,
        sigma_method,
        text("spc.what.chart_data", chart="EWMA"),
        constants,
    )
    from scipy.signal import lfilter  # lazy: scipy.signal is a heavy import

    se = sigma_hat / math.sqrt(n)
    z = lfilter([lam], [1.0, lam - 1.0], means, zi=[(1.0 - lam) * target])[0]
    steps = np.arange(1, means.size + 1, dtype=np.float64)
    factor = lam / (2.0 - lam)
    if exact:
        spread = se * np.sqrt(factor * -np.expm1(2.0 * steps * math.log1p(-lam)))
        if lam == 1.0:
            spread = np.full(means.size, se)
    else:
        spread = np.full(means.size, se * math.sqrt(factor))
    chart = ChartResult(
        "ewma",
        np.asarray(z, dtype=np.float64),
        target,
        target + sigmas * spread,
        target - sigmas * spread,
        spread,
    )
    chart.hits = detect(chart.statistic, target, spread, chart.ucl, chart.lcl, LIMIT_RULES)
    return ChartAnalysis(
        chart="ewma",
        charts=[chart],
        sigma=sigma_hat,
        sigma_method=method,
        constants=constants,
        decimals=decimals,
        estimate_mask=estimate,
        phase1_mask=in_phase1,
        excluded=reasons,
        parameters={
            "lambda": float(lam),
            "sigmas": float(sigmas),
            "exact_limits": bool(exact),
            "target": target,
            "subgroup_size": n,
        },
    )


def lindley(increments: FloatArray, start: float) -> FloatArray:
    """``C_i = max(0, C_(i-1) + y_i)`` with ``C_0 = start``, vectorised.

    With the partial sums ``S`` of the increments preceded by ``start``, ``C_i`` is ``S_i``
    minus the running minimum of ``S`` (including the initial 0).
    """
    partial = np.cumsum(np.concatenate(([start], increments)))
    floor = np.minimum(np.minimum.accumulate(partial), 0.0)
    result: FloatArray = np.maximum(partial - floor, 0.0)[1:]
    return result


def _run_counts(sums: FloatArray) -> IntArray:
    positive = sums > 0
    positions = np.arange(sums.size, dtype=np.int64)
    last_zero = np.maximum.accumulate(np.where(positive, np.int64(-1), positions))
    return positions - last_zero


def cusum_chart(
    data: Any,
    *,
    k: float = 0.5,
    h: float = 5.0,
    headstart: float = 0.0,
    mean: float | None = None,
    sigma: float | None = None,
    sigma_method: str | None = None,
    phase1: tuple[int, int] | None = None,
    exclude: Mapping[int, str] | None = None,
    constants: str = DEFAULT_MODE,
) -> ChartAnalysis:
    """Tabular (two one-sided) CUSUM of individuals or subgroup means.

    Args:
        data: individual values, or one row per subgroup.
        k: reference value in sigma units (half the shift to detect; 0.5 by default).
        h: decision interval in sigma units (5 by default, Montgomery's standard design).
        headstart: fast initial response as a fraction of H (0 = none, 0.5 usual).
        mean: target; estimated from phase I when omitted.
        sigma: process sigma of individual values; estimated when omitted.
        sigma_method: within estimator when estimating.
        phase1: ``(start, stop)`` 0-based half-open points that estimate mean and sigma.
        exclude: point index -> reason, left out of the estimates.
        constants: d2/c4 behind an estimated sigma, ``tabled`` (default) or ``exact``.

    Raises:
        UserError: k < 0, h <= 0, headstart outside [0, 1), or bad data.
    """
    if not math.isfinite(k) or k < 0:
        raise UserError(text("spc.cusum_k", k=k))
    if not math.isfinite(h) or h <= 0:
        raise UserError(text("spc.cusum_h", h=h))
    if not math.isfinite(headstart) or not 0.0 <= headstart < 1.0:
        raise UserError(text("spc.cusum_headstart", headstart=headstart))
    means, n, target, sigma_hat, method, estimate, in_phase1, reasons, decimals = _prepare(
        data,
        phase1,
        exclude,
        mean,
        sigma,
        sigma_method,
        text("spc.what.chart_data", chart="CUSUM"),
        constants,
    )
    se = sigma_hat / math.sqrt(n)
    big_k, big_h = k * se, h * se
    upper = lindley(means - (target + big_k), headstart * big_h)
    lower = lindley((target - big_k) - means, headstart * big_h)
    upper_chart = ChartResult("cusum_upper", upper, 0.0, big_h, np.nan, se)
    lower_chart = ChartResult("cusum_lower", -lower, 0.0, np.nan, -big_h, se)
    upper_chart.hits = detect(upper, 0.0, se, big_h, np.nan, LIMIT_RULES)
    lower_chart.hits = detect(-lower, 0.0, se, np.nan, -big_h, LIMIT_RULES)
    return ChartAnalysis(
        chart="cusum",
        charts=[upper_chart, lower_chart],
        sigma=sigma_hat,
        sigma_method=method,
        constants=constants,
        decimals=decimals,
        estimate_mask=estimate,
        phase1_mask=in_phase1,
        excluded=reasons,
        parameters={
            "k": float(k),
            "h": float(h),
            "K": big_k,
            "H": big_h,
            "headstart": float(headstart),
            "target": target,
            "subgroup_size": n,
            "n_upper": _run_counts(upper).tolist(),
            "n_lower": _run_counts(lower).tolist(),
        },
    )
