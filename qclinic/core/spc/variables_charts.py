"""Shewhart charts for variables: X-bar-R, X-bar-S and individuals-moving range (I-MR).

Phase I estimates the limits from the points in ``phase1`` minus the ``exclude``d ones (which stay
plotted and flagged); every point, including phase II points after ``phase1``, is then judged
against those frozen limits. Passing ``mean`` and/or ``sigma`` uses known standards instead.

Limits are ``center +/- L * standard error`` with ``L = sigmas`` (3 by default). When sigma is
estimated from the chart's own statistic the standard errors are written with the factors,
``A2 R-bar / 3``, ``(D4 - 1) R-bar / 3``, ``A3 S-bar / 3``, ``(B4 - 1) S-bar / 3``, ``MR-bar / d2``,
so that with ``L = 3`` the limits are exactly ``A2 R-bar``, ``D3/D4 R-bar``, ``A3 S-bar``,
``B3/B4 S-bar`` and ``3 MR-bar / d2(2)``, ``D4(2) MR-bar``, with the factors as the published table
prints them (``constants="tabled"``, the default) or computed (``"exact"``, where the two
writings coincide). Dispersion-chart lower limits are floored at 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from qclinic.core.catalogue import text
from qclinic.core.spc.constants import DEFAULT_MODE, MAX_SUBGROUP_SIZE, check_mode, factors
from qclinic.core.spc.digits import limit_decimals
from qclinic.core.spc.results import ChartAnalysis, ChartResult
from qclinic.core.spc.rules import Rule, detect, make_rules
from qclinic.core.spc.sigma import within_sigma
from qclinic.core.spc.validation import (
    finite_vector,
    phase1_mask,
    require_points,
    subgroup_matrix,
)
from qclinic.errors import UserError

DISPERSION_RULES: tuple[Rule, ...] = make_rules("nelson", [1])


def _check_sigmas(sigmas: float) -> float:
    if not math.isfinite(sigmas) or sigmas <= 0:
        raise UserError(text("spc.sigmas_positive_got", sigmas=sigmas))
    return float(sigmas)


def _check_given(value: float | None, what: str, *, positive: bool = False) -> None:
    if value is None:
        return
    if not math.isfinite(value) or (positive and value <= 0):
        key = "spc.given_positive" if positive else "spc.given_number"
        raise UserError(text(key, what=text(f"spc.given.{what}")))


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
    constants: str = DEFAULT_MODE,
) -> ChartAnalysis:
    """X-bar-R (``dispersion="r"``) or X-bar-S (``dispersion="s"``) chart.

    Args:
        data: one row per subgroup (2..25 values for R; 2 or more for S). Subgroups may differ
            in size: pad rows with NaN (a missing value); each keeps its own limits (see
            :func:`_xbar_variable`).
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
        constants: ``tabled`` (the published factors, default) or ``exact``.

    Raises:
        UserError: bad data (blanks, text, fewer than 2 subgroups, sizes over 25 for R, zero
            variation) or options.
    """
    if dispersion not in ("r", "s"):
        raise UserError(text("spc.unknown_dispersion", dispersion=dispersion))
    label = "X-bar-R" if dispersion == "r" else "X-bar-S"
    x = subgroup_matrix(data, text("spc.what.chart_data", chart=label), min_rows=2)
    sizes = np.count_nonzero(np.isfinite(x), axis=1)
    if np.isnan(x).any() and np.all(sizes == sizes[0]):  # missing cells, equal sizes left
        x = np.array([row[np.isfinite(row)] for row in x])
    if np.isnan(x).any():
        return _xbar_variable(
            x, dispersion, sigma_method, phase1, exclude, rules, sigmas, mean, sigma, constants
        )
    m, n = x.shape
    if n < 2:
        raise UserError(text("spc.needs_subgroups", chart=label))
    if dispersion == "r" and n > MAX_SUBGROUP_SIZE:
        raise UserError(text("spc.size_over_25", n=n))
    sigmas = _check_sigmas(sigmas)
    _check_given(mean, "mean")
    _check_given(sigma, "sigma", positive=True)
    estimate, in_phase1, reasons = phase1_mask(m, phase1, exclude)
    require_points(estimate, 2, label)

    check_mode(constants)
    k = factors(n, constants)
    means = x.mean(axis=1)
    spread = np.ptp(x, axis=1) if dispersion == "r" else np.std(x, axis=1, ddof=1)
    own = "rbar" if dispersion == "r" else "sbar"
    method = sigma_method or own
    if sigma is None:
        sigma_hat = within_sigma(x, method, estimate, constants)
    else:
        sigma_hat, method = float(sigma), "given"
    center = float(means[estimate].mean()) if mean is None else float(mean)
    factor_lcl: float | None = None
    if method == own:  # the chart's own statistic: the textbook factors
        mid = float(spread[estimate].mean())
        if dispersion == "r":
            se_mean, se_spread, factor_lcl = k.A2 * mid / 3, (k.D4 - 1) * mid / 3, k.D3 * mid
        else:
            se_mean, se_spread, factor_lcl = k.A3 * mid / 3, (k.B4 - 1) * mid / 3, k.B3 * mid
    else:  # pooled or given sigma: centre line and spread from d2, d3 or c4
        se_mean = sigma_hat / math.sqrt(n)
        if dispersion == "r":
            mid, se_spread = k.d2 * sigma_hat, k.d3 * sigma_hat
        else:
            mid, se_spread = k.c4 * sigma_hat, sigma_hat * math.sqrt(1 - k.c4**2)
    return _xbar_pair(
        means,
        center,
        se_mean,
        spread,
        mid,
        se_spread,
        factor_lcl,
        dispersion=dispersion,
        sigmas=sigmas,
        rules=rules,
        sigma_hat=sigma_hat,
        method=method,
        constants=constants,
        decimals=limit_decimals(x),
        masks=(estimate, in_phase1),
        excluded=reasons,
        parameters={"subgroup_size": n, "sigmas": sigmas},
    )


def _xbar_pair(
    means: Any,
    center: float,
    se_mean: Any,
    spread: Any,
    mid: Any,
    se_spread: Any,
    factor_lcl: Any,
    *,
    dispersion: str,
    sigmas: float,
    rules: Sequence[Rule] | None,
    sigma_hat: float,
    method: str,
    constants: str,
    decimals: int | None,
    masks: tuple[Any, Any],
    excluded: Any,
    parameters: dict[str, Any],
) -> ChartAnalysis:
    """The X-bar chart and its R or S chart from their centre lines and standard errors (scalars
    for a fixed subgroup size, one value per subgroup when sizes vary), with the rules run."""
    location = ChartResult(
        "xbar", means, center, center + sigmas * se_mean, center - sigmas * se_mean, se_mean
    )
    lcl = np.maximum(0.0, mid - sigmas * se_spread)
    if np.ndim(lcl) == 0:
        lcl = float(lcl)
    if factor_lcl is not None and sigmas == 3.0:
        lcl = factor_lcl  # D3 / B3 as printed (the table rounds them on their own)
    spread_chart = ChartResult(dispersion, spread, mid, mid + sigmas * se_spread, lcl, se_spread)
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
        constants=constants,
        decimals=decimals,
        estimate_mask=masks[0],
        phase1_mask=masks[1],
        excluded=excluded,
        parameters=parameters,
    )


def _xbar_variable(
    x: Any,
    dispersion: str,
    sigma_method: str | None,
    phase1: tuple[int, int] | None,
    exclude: Mapping[int, str] | None,
    rules: Sequence[Rule] | None,
    sigmas: float,
    mean: float | None,
    sigma: float | None,
    constants: str,
) -> ChartAnalysis:
    """X-bar-R or X-bar-S with variable subgroup sizes n_i (Montgomery §6.3.2): limits per
    subgroup from the factors of its own n_i.

    * centre ``x-double-bar = sum n_i x-bar_i / sum n_i`` (eq. 6.30);
    * X-bar-S with its own statistic: ``s-bar = sqrt(sum (n_i - 1) s_i^2 / sum (n_i - 1))``
      (eq. 6.31) is the S centre line, limits ``x-double-bar +/- A3(n_i) s-bar``,
      ``B3(n_i) s-bar``, ``B4(n_i) s-bar``; the reported sigma is the pooled estimate
      ``s-bar / c4(d + 1)``;
    * X-bar-R with its own statistic: ``sigma = mean of R_i / d2(n_i)`` (qcc's UWAVE-R), the R
      centre ``R-bar_i = d2(n_i) sigma`` per subgroup, limits ``x-double-bar +/- A2(n_i) R-bar_i``,
      ``D3(n_i) R-bar_i``, ``D4(n_i) R-bar_i``;
    * a pooled or given sigma: ``+/- L sigma / sqrt(n_i)``, ``d2(n_i) sigma +/- L d3(n_i) sigma``,
      ``c4(n_i) sigma +/- L sigma sqrt(1 - c4(n_i)^2)``.
    """
    label = "X-bar-R" if dispersion == "r" else "X-bar-S"
    m = x.shape[0]
    sizes = np.count_nonzero(np.isfinite(x), axis=1)
    if (sizes < 2).any():
        row = int(np.flatnonzero(sizes < 2)[0])
        raise UserError(text("spc.subgroup_single", chart=label, row=row + 1, size=int(sizes[row])))
    if dispersion == "r" and sizes.max() > MAX_SUBGROUP_SIZE:
        row = int(np.argmax(sizes))
        raise UserError(text("spc.subgroup_over_25", row=row + 1, size=int(sizes[row])))
    sigmas = _check_sigmas(sigmas)
    _check_given(mean, "mean")
    _check_given(sigma, "sigma", positive=True)
    check_mode(constants)
    estimate, in_phase1, reasons = phase1_mask(m, phase1, exclude)
    require_points(estimate, 2, label)
    ks = [factors(int(n), constants) for n in sizes]
    means = np.nanmean(x, axis=1)
    if dispersion == "r":
        spread = np.nanmax(x, axis=1) - np.nanmin(x, axis=1)
    else:
        spread = np.nanstd(x, axis=1, ddof=1)
    used = sizes[estimate]
    center = float(np.sum(used * means[estimate]) / used.sum()) if mean is None else float(mean)
    own = "rbar" if dispersion == "r" else "sbar"
    method = sigma_method or own
    factor_lcl: Any = None
    if sigma is not None:
        sigma_hat, method = float(sigma), "given"
    elif method == own and dispersion == "s":
        dof = float(np.sum(used - 1))
        sbar = float(np.sqrt(np.sum((used - 1) * spread[estimate] ** 2) / dof))
        if sbar <= 0:
            raise UserError(text("spc.zero_std"))
        sigma_hat, method = within_sigma(x, "pooled", estimate, constants), "pooled"
        mid: Any = np.full(m, sbar)
        se_mean = np.array([k.A3 * sbar / 3 for k in ks])
        se_spread = np.array([(k.B4 - 1) * sbar / 3 for k in ks])
        factor_lcl = np.array([k.B3 * sbar for k in ks])
    else:
        sigma_hat = within_sigma(x, method, estimate, constants)
    if factor_lcl is None and method == "rbar" and dispersion == "r":
        mid = np.array([k.d2 * sigma_hat for k in ks])
        se_mean = np.array([k.A2 * r / 3 for k, r in zip(ks, mid, strict=True)])
        se_spread = np.array([(k.D4 - 1) * r / 3 for k, r in zip(ks, mid, strict=True)])
        factor_lcl = np.array([k.D3 * r for k, r in zip(ks, mid, strict=True)])
    elif factor_lcl is None:
        se_mean = sigma_hat / np.sqrt(sizes)
        if dispersion == "r":
            mid = np.array([k.d2 * sigma_hat for k in ks])
            se_spread = np.array([k.d3 * sigma_hat for k in ks])
        else:
            mid = np.array([k.c4 * sigma_hat for k in ks])
            se_spread = np.array([sigma_hat * math.sqrt(1 - k.c4**2) for k in ks])
    return _xbar_pair(
        means,
        center,
        se_mean,
        spread,
        mid,
        se_spread,
        factor_lcl,
        dispersion=dispersion,
        sigmas=sigmas,
        rules=rules,
        sigma_hat=sigma_hat,
        method=method,
        constants=constants,
        decimals=limit_decimals(x[np.isfinite(x)]),
        masks=(estimate, in_phase1),
        excluded=reasons,
        parameters={"subgroup_size": [int(n) for n in sizes], "sigmas": sigmas},
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
    constants: str = DEFAULT_MODE,
) -> ChartAnalysis:
    """Individuals and moving-range chart (moving ranges of span 2, sigma = MR-bar / d2(2)).

    A moving range enters the estimate only when both of its points do. The first moving range
    is undefined (``None`` in JSON). ``constants``: ``tabled`` (d2(2) = 1.128, D4(2) = 3.267 as
    printed, default) or ``exact``.

    Raises:
        UserError: fewer than 2 points, blanks, text, infinities or zero variation.
    """
    x = finite_vector(data, text("spc.what.individuals"), minimum=2)
    k = factors(2, check_mode(constants))
    sigmas = _check_sigmas(sigmas)
    _check_given(mean, "mean")
    _check_given(sigma, "sigma", positive=True)
    estimate, in_phase1, reasons = phase1_mask(x.size, phase1, exclude)
    require_points(estimate, 2, text("spc.what.imr"))
    moving = np.empty_like(x)
    moving[0] = np.nan
    np.abs(np.diff(x), out=moving[1:])
    if sigma is None:
        both = estimate[1:] & estimate[:-1]
        if not both.any():
            raise UserError(text("spc.no_moving_range"))
        mrbar = float(moving[1:][both].mean())
        if mrbar <= 0:
            raise UserError(text("spc.zero_moving_ranges"))
        sigma_hat, method = mrbar / k.d2, "mrbar"
        se_mr = (k.D4 - 1) * mrbar / 3  # D4(2) MR-bar at L = 3
    else:
        sigma_hat, method = float(sigma), "given"
        mrbar = k.d2 * sigma_hat
        se_mr = k.d3 * sigma_hat
    center = float(x[estimate].mean()) if mean is None else float(mean)
    individuals = ChartResult(
        "individuals",
        x,
        center,
        center + sigmas * sigma_hat,
        center - sigmas * sigma_hat,
        sigma_hat,
    )
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
        constants=constants,
        decimals=limit_decimals(x),
        estimate_mask=estimate,
        phase1_mask=in_phase1,
        excluded=reasons,
        parameters={
            "subgroup_size": 1,
            "sigmas": sigmas,
            "moving_range_span": 2,
        },
    )
