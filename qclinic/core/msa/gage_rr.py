"""Crossed gage R&R study: every operator measures every part the same number of times.

Two methods (AIAG, *Measurement Systems Analysis*, 4th ed., 2010, chapter III-B):

* ``anova`` - two-way random-effects ANOVA with interaction. When the interaction's p-value is
  above ``pool_alpha`` (AIAG: 0.25; Minitab's default is 0.05) the interaction is pooled into
  repeatability and the variance components come from the additive model. Negative variance
  components are set to zero.
* ``xbar-r`` - the average and range method: ``EV = R-bar-bar K1``, ``AV = sqrt((X-diff K2)^2 -
  EV^2/(n r))``, ``PV = R_p K3``, with ``K1 = 1/d2(r)``, ``K2 = 1/d2*(operators)``,
  ``K3 = 1/d2*(parts)`` and ``d2* = sqrt(d2^2 + d3^2)`` (Duncan's d2* for a single range), which
  reproduce the manual's K1 = 0.5908, K2 = 0.5231, K3 = 0.3146 for 3 trials, 3 operators and
  10 parts.

Components are reported as standard deviations; ``%Study Var`` = 100 sd/TV, ``%Contribution`` =
100 var/TV^2, ``%Tolerance`` = 100 k sd / tolerance with ``k = study_multiplier`` (6, or 5.15
for the older convention), ``ndc = floor(1.41 PV / GRR)``. The verdict uses %GRR of the study
variation (or of the tolerance when given): < 10 % acceptable, 10-30 % conditionally
acceptable, > 30 % unacceptable.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from qclinic.core.catalogue import text
from qclinic.core.spc.constants import d2, d2_star_single
from qclinic.core.spc.results import json_number
from qclinic.core.spc.validation import FloatArray, finite_vector
from qclinic.errors import UserError

VERDICTS = {
    key: text(f"msa.verdict.{key}").as_dict()
    for key in ("acceptable", "conditional", "unacceptable")
}


def verdict(percent: float) -> str:
    """``acceptable`` (< 10 %), ``conditional`` (10-30 %) or ``unacceptable`` (> 30 %)."""
    if percent < 10.0:
        return "acceptable"
    if percent <= 30.0:
        return "conditional"
    return "unacceptable"


def ndc_text(ndc: int | None) -> dict[str, str]:
    """Bilingual judgement of the number of distinct categories (adequate when >= 5, AIAG)."""
    if ndc is None:
        return text("msa.ndc_undefined").as_dict()
    return text("msa.ndc_adequate" if ndc >= 5 else "msa.ndc_inadequate", ndc=ndc).as_dict()


@dataclass
class GageRRResult:
    """Result of a crossed gage R&R study (standard deviations unless stated)."""

    method: str
    parts: int
    operators: int
    trials: int
    components: dict[str, float]
    anova: list[dict[str, Any]] | None = None
    interaction_p: float | None = None
    interaction_pooled: bool = False
    pool_alpha: float | None = None
    tolerance: float | None = None
    study_multiplier: float = 6.0
    constants: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> float:
        """Total variation TV (standard deviation)."""
        return self.components["total"]

    def percent_study(self) -> dict[str, float]:
        """100 sd / TV for every component."""
        return {key: 100.0 * sd / self.total for key, sd in self.components.items()}

    def percent_contribution(self) -> dict[str, float]:
        """100 variance / TV^2 for every component."""
        return {key: 100.0 * sd**2 / self.total**2 for key, sd in self.components.items()}

    def percent_tolerance(self) -> dict[str, float] | None:
        """100 k sd / tolerance, or ``None`` without a tolerance."""
        if self.tolerance is None:
            return None
        k = self.study_multiplier
        return {key: 100.0 * k * sd / self.tolerance for key, sd in self.components.items()}

    @property
    def ndc(self) -> int | None:
        """Number of distinct categories, ``floor(1.41 PV / GRR)`` (None when GRR is 0)."""
        grr = self.components["grr"]
        if grr <= 0:
            return None
        return math.floor(1.41 * self.components["part"] / grr)

    def verdict(self) -> dict[str, Any]:
        """AIAG acceptance of %GRR (study variation, and tolerance when given)."""
        study = verdict(self.percent_study()["grr"])
        out: dict[str, Any] = {"study": study, "study_text": VERDICTS[study]}
        tolerance = self.percent_tolerance()
        if tolerance is not None:
            tol = verdict(tolerance["grr"])
            out.update({"tolerance": tol, "tolerance_text": VERDICTS[tol]})
        ndc = self.ndc
        out["ndc_adequate"] = ndc is None or ndc >= 5
        out["ndc_text"] = ndc_text(ndc)
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready shape: see docs/SPC.md."""
        tolerance = self.percent_tolerance()
        return {
            "analysis": "gage_rr",
            "method": self.method,
            "parts": self.parts,
            "operators": self.operators,
            "trials": self.trials,
            "study_multiplier": self.study_multiplier,
            "tolerance": self.tolerance,
            "interaction_p": json_number(self.interaction_p),
            "interaction_pooled": self.interaction_pooled,
            "pool_alpha": self.pool_alpha,
            "components": {key: json_number(value) for key, value in self.components.items()},
            "variances": {key: json_number(v**2) for key, v in self.components.items()},
            "percent_study_var": {k: json_number(v) for k, v in self.percent_study().items()},
            "percent_contribution": {
                k: json_number(v) for k, v in self.percent_contribution().items()
            },
            "percent_tolerance": None
            if tolerance is None
            else {k: json_number(v) for k, v in tolerance.items()},
            "ndc": self.ndc,
            "verdict": self.verdict(),
            "anova": self.anova,
            "constants": self.constants,
        }


def _layout(
    parts: Sequence[Any], operators: Sequence[Any], values: Any
) -> tuple[FloatArray, list[str], list[str]]:
    """Arrange the study as ``cube[part, operator, trial]``; checks balance."""
    y = finite_vector(values, text("msa.what.measurements"), minimum=4)
    if not len(parts) == len(operators) == y.size:
        raise UserError(text("msa.gage_lengths"))
    part_keys = [str(p).strip() for p in parts]
    operator_keys = [str(o).strip() for o in operators]
    for i, (p, o) in enumerate(zip(part_keys, operator_keys, strict=True)):
        if not p or p.lower() == "nan":
            raise UserError(text("msa.part_blank", n=i + 1))
        if not o or o.lower() == "nan":
            raise UserError(text("msa.operator_blank", n=i + 1))
    part_names = list(dict.fromkeys(part_keys))
    operator_names = list(dict.fromkeys(operator_keys))
    if len(part_names) < 2:
        raise UserError(text("msa.gage_parts"))
    if len(operator_names) < 2:
        raise UserError(text("msa.gage_operators"))
    cells: dict[tuple[str, str], list[float]] = {}
    for p, o, v in zip(part_keys, operator_keys, y.tolist(), strict=True):
        cells.setdefault((p, o), []).append(v)
    counts = {key: len(vals) for key, vals in cells.items()}
    trials = max(counts.values())
    for p in part_names:
        for o in operator_names:
            got = counts.get((p, o), 0)
            if got != trials:
                raise UserError(
                    text("msa.gage_unbalanced", part=p, operator=o, got=got, trials=trials)
                )
    if trials < 2:
        raise UserError(text("msa.gage_trials"))
    cube = np.array([[cells[(p, o)] for o in operator_names] for p in part_names])
    return cube, part_names, operator_names


def _anova(
    cube: FloatArray, pool_alpha: float
) -> tuple[dict[str, float], list[dict[str, Any]], float, bool]:
    from scipy import stats  # lazy: scipy.stats is a heavy import

    p, o, r = cube.shape
    grand = cube.mean()
    part_means = cube.mean(axis=(1, 2))
    operator_means = cube.mean(axis=(0, 2))
    cell_means = cube.mean(axis=2)
    ss_part = o * r * float(np.sum((part_means - grand) ** 2))
    ss_operator = p * r * float(np.sum((operator_means - grand) ** 2))
    ss_cells = r * float(np.sum((cell_means - grand) ** 2))
    ss_inter = max(ss_cells - ss_part - ss_operator, 0.0)
    ss_error = float(np.sum((cube - cell_means[:, :, None]) ** 2))
    ss_total = float(np.sum((cube - grand) ** 2))
    if ss_total <= 0:
        raise UserError(text("msa.zero_measurements"))
    df_part, df_operator = p - 1, o - 1
    df_inter, df_error = df_part * df_operator, p * o * (r - 1)
    ms_part, ms_operator = ss_part / df_part, ss_operator / df_operator
    ms_inter, ms_error = ss_inter / df_inter, ss_error / df_error
    if ms_error <= 0:
        raise UserError(text("msa.zero_repeatability"))
    f_inter = ms_inter / ms_error
    p_inter = float(stats.f.sf(f_inter, df_inter, df_error))
    pooled = p_inter > pool_alpha

    def row(
        source: str, df: int, ss: float, ms: float, denom: float | None, ddf: int
    ) -> dict[str, Any]:
        f = None if denom is None or denom <= 0 else ms / denom
        pv = None if f is None else float(stats.f.sf(f, df, ddf))
        return {"source": source, "df": df, "ss": ss, "ms": ms, "f": f, "p": pv}

    table = [
        row("part", df_part, ss_part, ms_part, ms_inter, df_inter),
        row("operator", df_operator, ss_operator, ms_operator, ms_inter, df_inter),
        row("part*operator", df_inter, ss_inter, ms_inter, ms_error, df_error),
        row("repeatability", df_error, ss_error, ms_error, None, 0),
    ]
    if pooled:
        df_pool = df_inter + df_error
        ms_pool = (ss_inter + ss_error) / df_pool
        var_repeat = ms_pool
        var_inter = 0.0
        var_operator = max((ms_operator - ms_pool) / (p * r), 0.0)
        var_part = max((ms_part - ms_pool) / (o * r), 0.0)
        table += [
            {**row("part", df_part, ss_part, ms_part, ms_pool, df_pool), "model": "pooled"},
            {**row("operator", df_operator, ss_operator, ms_operator, ms_pool, df_pool),
             "model": "pooled"},
            {**row("repeatability", df_pool, ss_inter + ss_error, ms_pool, None, 0),
             "model": "pooled"},
        ]  # fmt: skip
    else:
        var_repeat = ms_error
        var_inter = max((ms_inter - ms_error) / r, 0.0)
        var_operator = max((ms_operator - ms_inter) / (p * r), 0.0)
        var_part = max((ms_part - ms_inter) / (o * r), 0.0)
    for entry in table:
        entry.setdefault("model", "full")
    table.append({"source": "total", "df": p * o * r - 1, "ss": ss_total, "model": "full"})
    variances = {
        "repeatability": var_repeat,
        "operator": var_operator,
        "interaction": var_inter,
        "part": var_part,
    }
    return variances, table, p_inter, pooled


def _average_and_range(cube: FloatArray) -> tuple[dict[str, float], dict[str, float]]:
    p, o, r = cube.shape
    ranges = np.ptp(cube, axis=2)  # part x operator
    rbar = float(ranges.mean())
    operator_means = cube.mean(axis=(0, 2))
    part_means = cube.mean(axis=(1, 2))
    x_diff = float(np.ptp(operator_means))
    r_part = float(np.ptp(part_means))
    k1 = 1.0 / d2(r)
    k2 = 1.0 / d2_star_single(o)
    k3 = 1.0 / d2_star_single(p)
    ev = rbar * k1
    av_squared = (x_diff * k2) ** 2 - ev**2 / (p * r)
    variances = {
        "repeatability": ev**2,
        "operator": max(av_squared, 0.0),
        "interaction": 0.0,
        "part": (r_part * k3) ** 2,
    }
    return variances, {"K1": k1, "K2": k2, "K3": k3, "rbar": rbar, "x_diff": x_diff, "rp": r_part}


def gage_rr(
    parts: Sequence[Any],
    operators: Sequence[Any],
    values: Any,
    *,
    method: str = "anova",
    tolerance: float | None = None,
    pool_alpha: float = 0.25,
    study_multiplier: float = 6.0,
) -> GageRRResult:
    """Crossed gage R&R study from long-format columns.

    Args:
        parts: part identifier per measurement.
        operators: operator (appraiser) identifier per measurement.
        values: the measurements.
        method: ``"anova"`` or ``"xbar-r"`` (average and range).
        tolerance: USL - LSL, for %Tolerance.
        pool_alpha: pool the interaction when its p-value exceeds this (AIAG 0.25).
        study_multiplier: sigmas in the study variation (6; 5.15 in older editions).

    Raises:
        UserError: unbalanced or too small study, bad numbers, zero variation, bad options.
    """
    if method not in ("anova", "xbar-r"):
        raise UserError(text("msa.unknown_method", method=method))
    if tolerance is not None and (not math.isfinite(tolerance) or tolerance <= 0):
        raise UserError(text("msa.tolerance_positive"))
    if not 0.0 <= pool_alpha <= 1.0:
        raise UserError(text("msa.pool_alpha"))
    if not math.isfinite(study_multiplier) or study_multiplier <= 0:
        raise UserError(text("msa.study_multiplier"))
    cube, _, _ = _layout(parts, operators, values)
    p, o, r = cube.shape
    anova_table: list[dict[str, Any]] | None = None
    p_inter: float | None = None
    pooled = False
    constants: dict[str, float] = {}
    if method == "anova":
        variances, anova_table, p_inter, pooled = _anova(cube, pool_alpha)
    else:
        if r > 25 or p > 25 or o > 25:
            raise UserError(text("msa.average_range_limit"))
        variances, constants = _average_and_range(cube)
    reproducibility = variances["operator"] + variances["interaction"]
    grr = variances["repeatability"] + reproducibility
    total = grr + variances["part"]
    if total <= 0:
        raise UserError(text("msa.zero_variation"))
    components = {
        "repeatability": math.sqrt(variances["repeatability"]),
        "reproducibility": math.sqrt(reproducibility),
        "operator": math.sqrt(variances["operator"]),
        "interaction": math.sqrt(variances["interaction"]),
        "grr": math.sqrt(grr),
        "part": math.sqrt(variances["part"]),
        "total": math.sqrt(total),
    }
    return GageRRResult(
        method=method,
        parts=p,
        operators=o,
        trials=r,
        components=components,
        anova=anova_table,
        interaction_p=p_inter,
        interaction_pooled=pooled,
        pool_alpha=pool_alpha if method == "anova" else None,
        tolerance=tolerance,
        study_multiplier=study_multiplier,
        constants=constants,
    )
