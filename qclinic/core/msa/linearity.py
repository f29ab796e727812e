"""Gage linearity and bias study (AIAG, *Measurement Systems Analysis*, 4th ed., III-B).

Each reading's bias is ``measured - reference``. Linearity is the least-squares regression of
the individual biases on the reference values (slope, intercept, their standard errors, t and
two-sided p with N - 2 degrees of freedom, R^2 and s). Bias at each reference is the mean bias
there, tested with its own readings: ``t = |mean bias| / (s_ref / sqrt(m))``, m - 1 degrees of
freedom (the AIAG independent-sample method); the average bias is tested against the pooled
within-reference standard deviation (``N - g`` degrees of freedom), so that bias differences
between references (linearity) do not inflate its noise. With ``process_variation`` (6 sigma
of the process, or the tolerance) the study also reports
``Linearity = |slope| * process_variation`` and ``%Bias = 100 |bias| / process_variation``;
``%Linearity = 100 |slope|`` needs no process variation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from qclinic.core.catalogue import text
from qclinic.core.spc.results import json_number
from qclinic.core.spc.validation import finite_vector
from qclinic.errors import UserError


@dataclass
class LinearityResult:
    """Regression of bias on reference, and bias per reference value."""

    n: int
    slope: float
    intercept: float
    slope_se: float
    intercept_se: float
    slope_t: float
    intercept_t: float
    slope_p: float
    intercept_p: float
    r_squared: float
    s: float
    process_variation: float | None
    bias_rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def percent_linearity(self) -> float:
        """100 |slope|."""
        return 100.0 * abs(self.slope)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready shape: see docs/SPC.md."""
        linearity = (
            None if self.process_variation is None else abs(self.slope) * self.process_variation
        )
        return {
            "analysis": "linearity",
            "n": self.n,
            "slope": self.slope,
            "intercept": self.intercept,
            "slope_se": self.slope_se,
            "intercept_se": self.intercept_se,
            "slope_t": json_number(self.slope_t),
            "intercept_t": json_number(self.intercept_t),
            "slope_p": json_number(self.slope_p),
            "intercept_p": json_number(self.intercept_p),
            "r_squared": json_number(self.r_squared),
            "s": self.s,
            "process_variation": self.process_variation,
            "linearity": linearity,
            "percent_linearity": self.percent_linearity,
            "linearity_significant": bool(self.slope_p < 0.05),
            "bias": [
                {key: (json_number(v) if isinstance(v, float) else v) for key, v in row.items()}
                for row in self.bias_rows
            ],
        }


def _bias_row(
    label: str, reference: float | None, bias: np.ndarray, pv: float | None
) -> dict[str, Any]:
    from scipy import stats  # lazy: scipy.stats is a heavy import

    m = bias.size
    mean = float(bias.mean())
    sd = float(bias.std(ddof=1)) if m > 1 else math.nan
    se = sd / math.sqrt(m) if m > 1 else math.nan
    if m > 1 and se > 0:
        t = abs(mean) / se
        p = float(2.0 * stats.t.sf(t, m - 1))
    elif m > 1 and mean == 0.0:
        t, p = 0.0, 1.0
    else:
        t, p = math.nan, math.nan
    return {
        "reference": label if reference is None else reference,
        "n": m,
        "bias": mean,
        "sd": sd,
        "se": se,
        "t": t,
        "p": p,
        "percent_bias": None if pv is None else 100.0 * abs(mean) / pv,
    }


def _average_row(
    bias: np.ndarray, pooled_ss: float, groups: int, pv: float | None
) -> dict[str, Any]:
    """Average bias, tested against the pooled within-reference (repeatability) deviation."""
    from scipy import stats  # lazy: scipy.stats is a heavy import

    n = bias.size
    dof = n - groups
    mean = float(bias.mean())
    sd = math.sqrt(pooled_ss / dof) if dof > 0 else math.nan
    se = sd / math.sqrt(n)
    if dof > 0 and se > 0:
        t = abs(mean) / se
        p = float(2.0 * stats.t.sf(t, dof))
    else:
        t, p = math.nan, math.nan
    return {
        "reference": "average",
        "n": n,
        "bias": mean,
        "sd": sd,
        "se": se,
        "t": t,
        "p": p,
        "percent_bias": None if pv is None else 100.0 * abs(mean) / pv,
    }


def linearity_study(
    references: Sequence[float] | Any,
    values: Sequence[float] | Any,
    *,
    process_variation: float | None = None,
) -> LinearityResult:
    """Linearity and bias of a gage.

    Args:
        references: reference (master) value of each reading.
        values: the readings.
        process_variation: 6 sigma of the process (or the tolerance), for Linearity and %Bias.

    Raises:
        UserError: bad numbers, different lengths, fewer than 2 distinct references, a
            reference with a single reading, or no variation.
    """
    from scipy import stats  # lazy: scipy.stats is a heavy import

    x = finite_vector(references, text("msa.what.references"), minimum=3)
    y = finite_vector(values, text("msa.what.measurements"), minimum=3)
    if x.size != y.size:
        raise UserError(text("msa.linearity_lengths"))
    if process_variation is not None and (
        not math.isfinite(process_variation) or process_variation <= 0
    ):
        raise UserError(text("msa.process_variation"))
    levels = np.unique(x)
    if levels.size < 2:
        raise UserError(text("msa.linearity_levels"))
    bias = y - x
    n = x.size
    x_mean = float(x.mean())
    sxx = float(np.sum((x - x_mean) ** 2))
    slope = float(np.sum((x - x_mean) * (bias - bias.mean())) / sxx)
    intercept = float(bias.mean() - slope * x_mean)
    residuals = bias - (intercept + slope * x)
    sse = float(np.sum(residuals**2))
    sst = float(np.sum((bias - bias.mean()) ** 2))
    if sst <= 0:
        raise UserError(text("msa.zero_bias_variation"))
    s = math.sqrt(sse / (n - 2))
    slope_se = s / math.sqrt(sxx)
    intercept_se = s * math.sqrt(1.0 / n + x_mean**2 / sxx)

    def t_and_p(estimate: float, se: float) -> tuple[float, float]:
        if se <= 0:
            return (math.inf if estimate else 0.0), (0.0 if estimate else 1.0)
        t = estimate / se
        return t, float(2.0 * stats.t.sf(abs(t), n - 2))

    slope_t, slope_p = t_and_p(slope, slope_se)
    intercept_t, intercept_p = t_and_p(intercept, intercept_se)
    rows = []
    pooled_ss = 0.0
    for level in levels:
        chosen = bias[x == level]
        if chosen.size < 2:
            raise UserError(text("msa.single_reading", level=level))
        rows.append(_bias_row(str(level), float(level), chosen, process_variation))
        pooled_ss += float(np.sum((chosen - chosen.mean()) ** 2))
    rows.insert(0, _average_row(bias, pooled_ss, levels.size, process_variation))
    return LinearityResult(
        n=n,
        slope=slope,
        intercept=intercept,
        slope_se=slope_se,
        intercept_se=intercept_se,
        slope_t=slope_t,
        intercept_t=intercept_t,
        slope_p=slope_p,
        intercept_p=intercept_p,
        r_squared=1.0 - sse / sst,
        s=s,
        process_variation=process_variation,
        bias_rows=rows,
    )
