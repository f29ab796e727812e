"""Attribute charts: p and np (nonconforming units), c and u (nonconformities).

Standard errors use the phase I estimate (p-bar or u-bar) and each point's own sample size, so
variable sample sizes give per-point limits. Lower limits are floored at 0 and p-chart upper
limits capped at 1. The zones of the rule tests use the same per-point standard error.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from qclinic.core.catalogue import text
from qclinic.core.spc.results import ChartAnalysis, ChartResult
from qclinic.core.spc.rules import Rule, detect, make_rules
from qclinic.core.spc.validation import FloatArray, finite_vector, phase1_mask, require_points
from qclinic.errors import UserError

ATTRIBUTE_CHARTS = ("p", "np", "c", "u")


def _counts(values: Any, *, integer: bool) -> FloatArray:
    counts = finite_vector(values, text("spc.what.counts"), minimum=2)
    negative = np.flatnonzero(counts < 0)
    if negative.size:
        i = int(negative[0])
        raise UserError(text("spc.negative_count", n=i + 1, count=counts[i]))
    if integer:
        fractional = np.flatnonzero(counts != np.round(counts))
        if fractional.size:
            i = int(fractional[0])
            raise UserError(text("spc.fractional_count", n=i + 1, count=counts[i]))
    return counts


def _sizes(values: Any, count: int) -> FloatArray:
    sizes = finite_vector(np.atleast_1d(np.asarray(values, dtype=object)), text("spc.what.sizes"))
    if sizes.size == 1:
        sizes = np.full(count, sizes[0])
    if sizes.size != count:
        raise UserError(text("spc.sizes_mismatch", sizes=sizes.size, count=count))
    bad = np.flatnonzero(sizes <= 0)
    if bad.size:
        i = int(bad[0])
        raise UserError(text("spc.size_not_positive", n=i + 1, size=sizes[i]))
    return sizes


def attribute_chart(
    chart: str,
    counts: Sequence[float] | Any,
    sizes: Sequence[float] | float | Any = 1.0,
    *,
    phase1: tuple[int, int] | None = None,
    exclude: Mapping[int, str] | None = None,
    rules: Sequence[Rule] | None = None,
    sigmas: float = 3.0,
    standard: float | None = None,
) -> ChartAnalysis:
    """A p, np, c or u chart.

    Args:
        chart: ``"p"``, ``"np"``, ``"c"`` or ``"u"``.
        counts: nonconforming units (p, np) or nonconformities (c, u) per sample.
        sizes: sample sizes (p, np: units inspected; u: inspection units, may be fractional;
            c: ignored except that it must be constant). A single number means constant.
        phase1: ``(start, stop)`` 0-based half-open samples that estimate the center.
        exclude: sample index -> reason, left out of the estimate.
        rules: tests for special causes (default all Nelson).
        sigmas: L, limits at center +/- L standard errors.
        standard: known fraction nonconforming (p, np) or rate (c: per sample, u: per unit).

    Raises:
        UserError: negative or fractional counts, sizes <= 0, counts above sizes, a varying
            size for np/c, too few samples or no variation.
    """
    if chart not in ATTRIBUTE_CHARTS:
        raise UserError(text("spc.unknown_attribute_chart", chart=chart))
    if not math.isfinite(sigmas) or sigmas <= 0:
        raise UserError(text("spc.sigmas_positive"))
    d = _counts(counts, integer=chart in ("p", "np", "c"))
    n = _sizes(sizes, d.size)
    if chart in ("p", "np"):
        if np.any(n != np.round(n)):
            raise UserError(text("spc.sizes_whole"))
        over = np.flatnonzero(d > n)
        if over.size:
            i = int(over[0])
            raise UserError(text("spc.count_over_size", n=i + 1, count=d[i], size=n[i]))
    if chart in ("np", "c") and np.any(n != n[0]):
        other = "p" if chart == "np" else "u"
        raise UserError(text("spc.constant_size", chart=chart, other=other))
    estimate, in_phase1, reasons = phase1_mask(d.size, phase1, exclude)
    require_points(estimate, 2, text("spc.what.chart", chart=chart))

    if standard is not None and (not math.isfinite(standard) or standard <= 0):
        raise UserError(text("spc.standard_positive"))
    if chart in ("p", "np"):
        pbar = float(d[estimate].sum() / n[estimate].sum()) if standard is None else standard
        if not 0.0 < pbar < 1.0:
            raise UserError(text("spc.zero_fraction", pbar=pbar))
        if chart == "p":
            statistic, center = d / n, np.full(d.size, pbar)
            se = np.sqrt(pbar * (1.0 - pbar) / n)
        else:
            statistic, center = d, np.full(d.size, pbar * n[0])
            se = np.full(d.size, math.sqrt(n[0] * pbar * (1.0 - pbar)))
        centre_value = pbar
    else:
        rate = float(d[estimate].sum() / n[estimate].sum()) if standard is None else standard
        if chart == "c":
            rate = float(d[estimate].mean()) if standard is None else standard
            statistic, center, se = d, np.full(d.size, rate), np.full(d.size, math.sqrt(rate))
        else:
            statistic, center, se = d / n, np.full(d.size, rate), np.sqrt(rate / n)
        if rate <= 0.0:
            raise UserError(text("spc.zero_defects"))
        centre_value = rate
    ucl = center + sigmas * se
    if chart == "p":
        ucl = np.minimum(ucl, 1.0)
    lcl = np.maximum(center - sigmas * se, 0.0)
    result = ChartResult(chart, statistic.astype(np.float64), center, ucl, lcl, se)
    result.hits = detect(
        result.statistic, center, se, ucl, lcl, make_rules() if rules is None else rules
    )
    return ChartAnalysis(
        chart=chart,
        charts=[result],
        sigma=None,
        sigma_method="binomial" if chart in ("p", "np") else "poisson",
        estimate_mask=estimate,
        phase1_mask=in_phase1,
        excluded=reasons,
        parameters={"center_estimate": centre_value, "sigmas": float(sigmas)},
    )
