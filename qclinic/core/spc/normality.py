"""Anderson-Darling test for normality with estimated mean and sigma, as Minitab reports it.

``A2 = -n - (1/n) sum (2i - 1) [ln F(x_(i)) + ln(1 - F(x_(n+1-i)))]`` with F the normal CDF at
the sample mean and standard deviation (ddof = 1). The p-value uses Stephens' adjustment
``A*2 = A2 (1 + 0.75/n + 2.25/n^2)`` and the piecewise formulas of D'Agostino & Stephens (1986),
*Goodness-of-Fit Techniques*, Table 4.9.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import special

from qclinic.core.catalogue import text
from qclinic.core.spc.validation import finite_vector
from qclinic.errors import UserError

ALPHA = 0.05


@dataclass(frozen=True)
class NormalityResult:
    """Anderson-Darling statistic (unadjusted), adjusted statistic, p-value and warning."""

    statistic: float
    adjusted: float
    p_value: float
    n: int

    @property
    def warning(self) -> dict[str, str] | None:
        """A bilingual warning when p < 0.05, else ``None``."""
        if self.p_value >= ALPHA:
            return None
        return text("spc.not_normal", p=self.p_value).as_dict()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready shape."""
        return {
            "test": "anderson-darling",
            "statistic": self.statistic,
            "adjusted_statistic": self.adjusted,
            "p_value": self.p_value,
            "n": self.n,
            "warning": self.warning,
        }


def ad_p_value(adjusted: float) -> float:
    """p-value for the adjusted statistic ``A*2`` (D'Agostino & Stephens, Table 4.9)."""
    a = adjusted
    if a >= 0.6:
        p = math.exp(1.2937 - 5.709 * a + 0.0186 * a * a) if a < 153.0 else 0.0
    elif a >= 0.34:
        p = math.exp(0.9177 - 4.279 * a - 1.38 * a * a)
    elif a >= 0.2:
        p = 1.0 - math.exp(-8.318 + 42.796 * a - 59.938 * a * a)
    else:
        p = 1.0 - math.exp(-13.436 + 101.14 * a - 223.73 * a * a)
    return min(max(p, 0.0), 1.0)


def anderson_darling(values: Any) -> NormalityResult:
    """Anderson-Darling normality test.

    Raises:
        UserError: fewer than 3 values, non-finite values or zero variation.
    """
    x = np.sort(finite_vector(values, text("spc.what.values"), minimum=3))
    n = x.size
    sd = float(np.std(x, ddof=1))
    if sd <= 0:
        raise UserError(text("spc.zero_normality"))
    z = (x - x.mean()) / sd
    log_cdf = special.log_ndtr(z)
    log_sf = special.log_ndtr(-z[::-1])
    weights = 2.0 * np.arange(1, n + 1) - 1.0
    a2 = float(-n - np.sum(weights * (log_cdf + log_sf)) / n)
    adjusted = a2 * (1.0 + 0.75 / n + 2.25 / n**2)
    return NormalityResult(a2, adjusted, ad_p_value(adjusted), n)
