"""Shewhart charts for variables: X-bar-R, X-bar-S and individuals-moving range (I-MR).

Phase I estimates the limits from the points in ``phase1`` minus the ``exclude``d ones (which stay
plotted and flagged); every point, including phase II points after ``phase1``, is then judged
against those frozen limits. Passing ``mean`` and/or ``sigma`` uses known standards instead.

Limits are ``center +/- L * standard error`` with ``L = sigmas`` (3 by default), which with
``L = 3`` is exactly ``A2 R-bar``, ``A3 S-bar``, ``D3/D4 R-bar``, ``B3/B4 S-bar`` and
``E2 MR-bar``; dispersion-chart lower limits are floored at 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from qclinic.core.spc.constants import MAX_SUBGROUP_SIZE, c4, d2, d3
from qclinic.core.spc.results import ChartAnalysis, ChartResult
from qclinic.core.spc.rules import Rule, detect, make_rules
from qclinic.core.spc.sigma import within_sigma
from qclinic.core.spc.validation import finite_matrix, finite_vector, phase1_mask, require_points
from qclinic.errors import UserError

DISPERSION_RULES: tuple[Rule, ...] = make_rules("nelson", [1])


def _check_sigmas(sigmas: float) -> float:
    if not math.isfinite(sigmas) or sigmas <= 0:
        raise UserError(f"the number of sigmas for the limits must be positive, got {sigmas}")
    return float(sigmas)


def _check_given(value: float | None, what: str, *, positive: bool = False) -> None:
    if value is None:
        return
    if not math.isfinite(value) or (positive and value <= 0):
        raise UserError(f"the given {what} must be a {'positive ' if positive else ''}number")


def xbar_chart(
    data: Sequence[Sequence[float]] | Any,
    *,
    dispersion: str = "r",
    sigma_method: str | None = None,
    phase1: tuple[int, int] | None = None,
    exclude: Mapping[int, str] | None = None,
    rules: Sequence[Rule] | None = None,
    sigmas: float = 3.0,
    mean: float | None = None,
    sigma: float | None = None,
) -> ChartAnalysis:
    """X-bar-R (``dispersion="r"``) or X-bar-S (``dispersion="s"``) chart.

    Args:
        data: one row per subgroup, equal sizes (2..25 for R; 2 or more for S).
        dispersion: ``"r"`` or ``"s"``.
        sigma_method: within-subgroup estimator (``rbar`` default for R, ``sbar`` for S;
            ``pooled`` also accepted).
        phase1: ``(start, stop)`` 0-based half-open subgroups that estimate the limits.
        exclude: subgroup index -> reason, left out of the estimates.
        rules: tests for special causes on the X-bar chart (default all Nelson); the dispersion
            chart gets test 1 only.
        sigmas: L, the width of the limits in standard errors.
        mean: known process mean (standard given) instead of the grand average.
        sigma: known process sigma instead of the estimate.

    Raises:
        UserError: bad data (blanks, text, fewer than 2 subgroups, sizes over 25 for R, zero
            variation) or options.
    """
    if dispersion not in ("r", "s"):
        raise UserError(f"unknown dispersion chart {dispersion!r}")
    label = "X-bar-R" if dispersion == "r" else "X-bar-S"
    x = finite_matrix(data, f"{label} data", min_rows=2)
    m, n = x.shape
    if n < 2:
        raise UserError(f"{label} needs subgroups of at least 2 values; use an I-MR chart")
    if dispersion == "r" and n > MAX_SUBGROUP_SIZE:
        raise UserError(f"subgroup size {n} is over 25: use an X-bar-S chart for large subgroups")
    sigmas = _check_sigmas(sigmas)
    _check_given(mean, "mean")
    _check_given(sigma, "sigma", positive=True)
    estimate, in_phase1, reasons = phase1_mask(m, phase1, exclude)
    require_points(estimate, 2, label)

    means = x.mean(axis=1)
    spread = np.ptp(x, axis=1) if dispersion == "r" else np.std(x, axis=1, ddof=1)
    method = sigma_method or ("rbar" if dispersion == "r" else "sbar")
    if sigma is None:
        sigma_hat = within_sigma(x, method, estimate)
    else:
        sigma_hat, method = float(sigma), "given"
    center = float(means[estimate].mean()) if mean is None else float(mean)
    se_mean = sigma_hat / math.sqrt(n)
    location = ChartResult(
        "xbar", means, center, center + sigmas * se_mean, center - sigmas * se_mean, se_mean
    )
    if dispersion == "r":
        mid, se_spread, name = d2(n) * sigma_hat, d3(n) * sigma_hat, "r"
    else:
        mid, se_spread, name = c4(n) * sigma_hat, sigma_hat * math.sqrt(1 - c4(n) ** 2), "s"
    if sigma is None and method == ("rbar" if dispersion == "r" else "sbar"):
        mid = float(spread[estimate].mean())  # exactly R-bar / S-bar, no round trip
    spread_chart = ChartResult(
        name, spread, mid, mid + sigmas * se_spread, max(0.0, mid - sigmas * se_spread), se_spread
    )
    chosen = make_rules() if rules is None else rules
    location.hits = detect(means, center, se_mean, location.ucl, location.lcl, chosen)
    spread_chart.hits = detect(
        spread, mid, se_spread, spread_chart.ucl, spread_chart.lcl, DISPERSION_RULES
    )
    return ChartAnalysis(
        chart="xbar-r" if dispersion == "r" else "xbar-s",
        charts=[location, spread_chart],
        sigma=sigma_hat,
        sigma_method=method,
        estimate_mask=estimate,
        phase1_mask=in_phase1,
        excluded=reasons,
        parameters={"subgroup_size": n, "sigmas": sigmas},
    )


def imr_chart(
    data: Sequence[float] | Any,
    *,
    phase1: tuple[int, int] | None = None,
    exclude: Mapping[int, str] | None = None,
    rules: Sequence[Rule] | None = None,
    sigmas: float = 3.0,
    mean: float | None = None,
    sigma: float | None = None,
) -> ChartAnalysis:
    """Individuals and moving-range chart (moving ranges of span 2, sigma = MR-bar / d2(2)).

    A moving range enters the estimate only when both of its points do. The first moving range
    is undefined (``None`` in JSON).

    Raises:
        UserError: fewer than 2 points, blanks, text, infinities or zero variation.
    """
    x = finite_vector(data, "individuals", minimum=2)
    sigmas = _check_sigmas(sigmas)
    _check_given(mean, "mean")
    _check_given(sigma, "sigma", positive=True)
    estimate, in_phase1, reasons = phase1_mask(x.size, phase1, exclude)
    require_points(estimate, 2, "I-MR chart")
    moving = np.empty_like(x)
    moving[0] = np.nan
    np.abs(np.diff(x), out=moving[1:])
    if sigma is None:
        both = estimate[1:] & estimate[:-1]
        if not both.any():
            raise UserError("I-MR chart: no two consecutive points left to compute a moving range")
        mrbar = float(moving[1:][both].mean())
        if mrbar <= 0:
            raise UserError("zero variation: the moving ranges are all zero")
        sigma_hat, method = mrbar / d2(2), "mrbar"
    else:
        sigma_hat, method = float(sigma), "given"
        mrbar = d2(2) * sigma_hat
    center = float(x[estimate].mean()) if mean is None else float(mean)
    individuals = ChartResult(
        "individuals",
        x,
        center,
        center + sigmas * sigma_hat,
        center - sigmas * sigma_hat,
        sigma_hat,
    )
    se_mr = d3(2) * sigma_hat
    moving_chart = ChartResult(
        "moving_range",
        moving,
        mrbar,
        mrbar + sigmas * se_mr,
        max(0.0, mrbar - sigmas * se_mr),
        se_mr,
    )
    chosen = make_rules() if rules is None else rules
    individuals.hits = detect(x, center, sigma_hat, individuals.ucl, individuals.lcl, chosen)
    moving_chart.hits = detect(
        moving, mrbar, se_mr, moving_chart.ucl, moving_chart.lcl, DISPERSION_RULES
    )
    return ChartAnalysis(
        chart="imr",
        charts=[individuals, moving_chart],
        sigma=sigma_hat,
        sigma_method=method,
        estimate_mask=estimate,
        phase1_mask=in_phase1,
        excluded=reasons,
        parameters={"subgroup_size": 1, "sigmas": sigmas, "moving_range_span": 2},
    )
