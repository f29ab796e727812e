"""Process capability (Cp, Cpk, Cpm) and performance (Pp, Ppk) with confidence intervals.

Conventions (see docs/SPC.md):

* **Cp, Cpl, Cpu, Cpk** use the *within* sigma (``sigma_method``: ``pooled`` by default for
  subgroups, ``rbar``, ``sbar``; ``mrbar`` for individuals). **Pp, Ppl, Ppu, Ppk** use the
  *overall* sample standard deviation (ddof = 1).
* **Cpm** = ``(USL - LSL) / (6 sqrt(s^2 + (mean - T)^2))`` with the overall ``s`` (Montgomery
  §8.3.3, the Taguchi index); needs both limits, target defaults to the mid-point.
* Confidence intervals (Montgomery §8.3.5): Cp and Pp by the chi-square interval
  ``C sqrt(chi2_(a/2, nu)/nu) .. C sqrt(chi2_(1-a/2, nu)/nu)``; Cpk and Ppk by Bissell (1990),
  ``C (1 -/+ z_(a/2) sqrt(1/(9 N C^2) + 1/(2(N - 1))))``; the same normal approximation gives the
  one-sided Cpl, Cpu, Ppl and Ppu their intervals (it is derived for a one-sided index: Kotz and
  Johnson, *Process Capability Indices*, §3.3). ``nu`` is N - 1 for the overall
  sigma; for the within sigma it is the estimator's degrees of freedom: sum(n_i - 1) for
  ``pooled``/``sbar``, Minitab's 0.9 m (n - 1) for ``rbar``, and N - 1 for ``mrbar``.
* Expected PPM outside the specifications from the normal model, within and overall, plus the
  observed PPM. One-sided specifications give only the indices that exist.
* The **verdict** judges Cpk as customers read it: >= 1.67 capable also for a new process or a
  critical characteristic, >= 1.33 capable, 1.00-1.33 conditionally capable (watch and improve),
  < 1.00 not capable (contain and sort). The three thresholds are configurable.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import special

from qclinic.core.catalogue import text
from qclinic.core.spc.constants import DEFAULT_MODE
from qclinic.core.spc.normality import NormalityResult, anderson_darling
from qclinic.core.spc.results import json_number
from qclinic.core.spc.sigma import overall_sigma, within_sigma
from qclinic.core.spc.validation import FloatArray, subgroup_matrix
from qclinic.errors import UserError

DEFAULT_THRESHOLDS = (1.67, 1.33, 1.00)
"""Cpk thresholds: capable for a new process, capable, conditionally capable."""


def check_thresholds(thresholds: Any) -> tuple[float, float, float]:
    """The three Cpk thresholds (new process, capable, conditional), checked.

    Raises:
        UserError: not three finite numbers with new >= capable >= conditional > 0.
    """
    try:
        values = tuple(float(v) for v in thresholds)
    except (TypeError, ValueError):
        raise UserError(text("spc.thresholds_numbers", thresholds=thresholds)) from None
    if len(values) != 3 or not all(math.isfinite(v) for v in values):
        raise UserError(text("spc.thresholds_three", thresholds=thresholds))
    new, capable, conditional = values
    if not new >= capable >= conditional > 0:
        raise UserError(
            text("spc.thresholds_order", new=new, capable=capable, conditional=conditional)
        )
    return new, capable, conditional


def capability_verdict(
    cpk: float | None, thresholds: Any = DEFAULT_THRESHOLDS
) -> dict[str, Any] | None:
    """The verdict on *cpk*: ``level`` (``capable_new``, ``capable``, ``conditional``,
    ``not_capable``), bilingual ``text``, the ``thresholds`` used; ``None`` without a Cpk.

    Raises:
        UserError: bad thresholds (see :func:`check_thresholds`).
    """
    new, capable, conditional = check_thresholds(thresholds)
    if cpk is None or not math.isfinite(cpk):
        return None
    if cpk >= new:
        level = "capable_new"
    elif cpk >= capable:
        level = "capable"
    elif cpk >= conditional:
        level = "conditional"
    else:
        level = "not_capable"
    names = {"new": f"{new:.2f}", "capable": f"{capable:.2f}", "conditional": f"{conditional:.2f}"}
    return {
        "index": "cpk",
        "value": cpk,
        "level": level,
        "text": text(f"spc.verdict.{level}", **names).as_dict(),
        "thresholds": {"new_process": new, "capable": capable, "conditional": conditional},
    }


@dataclass
class CapabilityResult:
    """Indices, intervals, PPM and the normality check. Missing indices are ``None``."""

    n: int
    mean: float
    sigma_within: float
    sigma_within_method: str
    sigma_overall: float
    lsl: float | None
    usl: float | None
    target: float | None
    confidence: float
    constants: str = DEFAULT_MODE
    thresholds: tuple[float, float, float] = DEFAULT_THRESHOLDS
    indices: dict[str, float | None] = field(default_factory=dict)
    intervals: dict[str, tuple[float, float] | None] = field(default_factory=dict)
    ppm: dict[str, dict[str, float | None]] = field(default_factory=dict)
    normality: NormalityResult | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready shape: see docs/SPC.md."""
        return {
            "analysis": "capability",
            "n": self.n,
            "mean": json_number(self.mean),
            "lsl": self.lsl,
            "usl": self.usl,
            "target": self.target,
            "sigma_within": json_number(self.sigma_within),
            "sigma_within_method": self.sigma_within_method,
            "constants": self.constants,
            "sigma_overall": json_number(self.sigma_overall),
            "confidence": self.confidence,
            "indices": {key: json_number(value) for key, value in self.indices.items()},
            "intervals": {
                key: (None if ci is None else [json_number(ci[0]), json_number(ci[1])])
                for key, ci in self.intervals.items()
            },
            "ppm": {
                group: {key: json_number(value) for key, value in values.items()}
                for group, values in self.ppm.items()
            },
            "normality": None if self.normality is None else self.normality.to_dict(),
            "verdict": capability_verdict(json_number(self.indices.get("cpk")), self.thresholds),
        }


def _within_dof(method: str, sizes: Any, total: int) -> float:
    """Degrees of freedom of the within sigma: sum (n_i - 1), 0.9 of it for rbar, N - 1."""
    if method in ("pooled", "sbar"):
        return float(np.sum(sizes - 1))
    if method == "rbar":
        return 0.9 * float(np.sum(sizes - 1))
    return float(total - 1)


def chi_square_interval(value: float, dof: float, confidence: float) -> tuple[float, float]:
    """Chi-square interval for Cp or Pp (Montgomery §8.3.5)."""
    from scipy import stats  # lazy: scipy.stats is a heavy import

    alpha = 1.0 - confidence
    low = stats.chi2.ppf(alpha / 2.0, dof)
    high = stats.chi2.ppf(1.0 - alpha / 2.0, dof)
    return value * math.sqrt(low / dof), value * math.sqrt(high / dof)


def bissell_interval(value: float, n: int, confidence: float) -> tuple[float, float]:
    """Bissell's normal-approximation interval for Cpk or Ppk (Montgomery §8.3.5)."""
    from scipy import stats  # lazy: scipy.stats is a heavy import

    z = float(stats.norm.ppf(1.0 - (1.0 - confidence) / 2.0))
    half = z * math.sqrt(1.0 / (9.0 * n * value**2) + 1.0 / (2.0 * (n - 1)))
    return value * (1.0 - half), value * (1.0 + half)


def _indices(
    mean: float, sigma: float, lsl: float | None, usl: float | None
) -> tuple[float | None, float | None, float | None, float | None]:
    lower = (mean - lsl) / (3.0 * sigma) if lsl is not None else None
    upper = (usl - mean) / (3.0 * sigma) if usl is not None else None
    both = (usl - lsl) / (6.0 * sigma) if lsl is not None and usl is not None else None
    present = [v for v in (lower, upper) if v is not None]
    return both, lower, upper, min(present)


def _expected_ppm(
    mean: float, sigma: float, lsl: float | None, usl: float | None
) -> dict[str, float | None]:
    below = float(special.ndtr((lsl - mean) / sigma)) * 1e6 if lsl is not None else None
    above = float(special.ndtr((mean - usl) / sigma)) * 1e6 if usl is not None else None
    total = (below or 0.0) + (above or 0.0)
    return {"below_lsl": below, "above_usl": above, "total": total}


def capability(
    data: Any,
    *,
    lsl: float | None = None,
    usl: float | None = None,
    target: float | None = None,
    sigma_method: str | None = None,
    confidence: float = 0.95,
    constants: str = DEFAULT_MODE,
    thresholds: Any = DEFAULT_THRESHOLDS,
) -> CapabilityResult:
    """Capability and performance indices of a process.

    Args:
        data: individual values (1-D) or one row per subgroup (2-D; NaN marks a missing value,
            so subgroups may differ in size).
        lsl: lower specification limit (optional).
        usl: upper specification limit (optional); at least one limit is required.
        target: target for Cpm (default: mid-point of the limits).
        sigma_method: within estimator (``pooled`` default for subgroups, ``mrbar`` for
            individuals; also ``rbar``, ``sbar``).
        confidence: level of the two-sided intervals.
        constants: d2 and c4 behind the within sigma, ``tabled`` (printed, default) or ``exact``.
        thresholds: Cpk thresholds of the verdict (new process, capable, conditional).

    Raises:
        UserError: no specification, LSL >= USL, too few values, zero variation, bad data.
    """
    for name, value in (("LSL", lsl), ("USL", usl), (text("spc.spec.target"), target)):
        if value is not None and not math.isfinite(value):
            raise UserError(text("spc.spec_number", name=name))
    if lsl is None and usl is None:
        raise UserError(text("spc.needs_spec"))
    if lsl is not None and usl is not None and lsl >= usl:
        raise UserError(text("spc.lsl_below_usl", lsl=lsl, usl=usl))
    if not 0.5 <= confidence < 1.0:
        raise UserError(text("spc.confidence"))
    limits = check_thresholds(thresholds)
    x: FloatArray = subgroup_matrix(data, text("spc.what.capability"), min_rows=2)
    size = x.shape[1]
    sizes = np.count_nonzero(np.isfinite(x), axis=1)
    values = x[np.isfinite(x)]  # NaN marks a missing value: subgroups may differ in size
    total = values.size
    method = sigma_method or ("mrbar" if size == 1 else "pooled")
    sigma_w = within_sigma(x, method, constants=constants)
    sigma_o = overall_sigma(values)
    mean = float(values.mean())
    result = CapabilityResult(
        n=total,
        mean=mean,
        sigma_within=sigma_w,
        sigma_within_method=method,
        sigma_overall=sigma_o,
        lsl=lsl,
        usl=usl,
        target=target,
        confidence=confidence,
        constants=constants,
        thresholds=limits,
    )
    cp, cpl, cpu, cpk = _indices(mean, sigma_w, lsl, usl)
    pp, ppl, ppu, ppk = _indices(mean, sigma_o, lsl, usl)
    cpm = None
    if lsl is not None and usl is not None:
        aim = (lsl + usl) / 2.0 if target is None else target
        result.target = aim
        cpm = (usl - lsl) / (6.0 * math.sqrt(sigma_o**2 + (mean - aim) ** 2))
    result.indices = {
        "cp": cp, "cpl": cpl, "cpu": cpu, "cpk": cpk, "cpm": cpm,
        "pp": pp, "ppl": ppl, "ppu": ppu, "ppk": ppk,
    }  # fmt: skip
    within_dof = _within_dof(method, sizes, total)
    result.intervals = {
        "cp": chi_square_interval(cp, within_dof, confidence) if cp is not None else None,
        "pp": chi_square_interval(pp, total - 1, confidence) if pp is not None else None,
        **{
            name: bissell_interval(value, total, confidence)
            if value is not None and value > 0
            else None
            for name, value in (
                ("cpl", cpl), ("cpu", cpu), ("cpk", cpk),
                ("ppl", ppl), ("ppu", ppu), ("ppk", ppk),
            )
        },
    }  # fmt: skip
    observed_below = float(np.count_nonzero(values < lsl)) if lsl is not None else None
    observed_above = float(np.count_nonzero(values > usl)) if usl is not None else None
    result.ppm = {
        "within": _expected_ppm(mean, sigma_w, lsl, usl),
        "overall": _expected_ppm(mean, sigma_o, lsl, usl),
        "observed": {
            "below_lsl": None if observed_below is None else observed_below / total * 1e6,
            "above_usl": None if observed_above is None else observed_above / total * 1e6,
            "total": ((observed_below or 0.0) + (observed_above or 0.0)) / total * 1e6,
        },
    }
    if total >= 3:
        result.normality = anderson_darling(values)
    return result
