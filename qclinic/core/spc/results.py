"""Result objects of the chart engine and their JSON-ready shapes.

Every ``to_dict`` returns plain dicts, lists, strings, ints and floats: NaN and infinities become
``None`` so ``json.dumps(..., allow_nan=False)`` always works.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from qclinic.core.catalogue import text
from qclinic.core.spc.rules import RuleHits
from qclinic.core.spc.validation import BoolArray, FloatArray
from qclinic.core.text import Text


def json_number(value: Any) -> float | None:
    """A float for JSON, or ``None`` for NaN/inf/None."""
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def json_numbers(values: Any) -> list[float | None]:
    """A list of JSON numbers (``None`` where not finite)."""
    array = np.asarray(values, dtype=np.float64).ravel()
    finite = np.isfinite(array)
    out: list[float | None] = list(array.tolist())
    if not finite.all():
        for i in np.flatnonzero(~finite):
            out[int(i)] = None
    return out


def json_limit(value: float | FloatArray) -> float | list[float | None] | None:
    """A limit as one number when constant, else a list per point."""
    array = np.asarray(value, dtype=np.float64)
    if array.ndim == 0:
        return json_number(array)
    finite = array[np.isfinite(array)]
    if finite.size == array.size and (array.size == 0 or np.all(array == array[0])):
        return json_number(array[0]) if array.size else None
    if finite.size == 0:
        return None
    return json_numbers(array)


@dataclass
class ChartResult:
    """One plotted chart (e.g. the X-bar part of an X-bar-R pair).

    Attributes:
        name: ``xbar``, ``r``, ``s``, ``individuals``, ``moving_range``, ``p``, ``np``, ``c``,
            ``u``, ``ewma``, ``cusum_upper`` or ``cusum_lower``.
        statistic: the plotted value per point (NaN where undefined, e.g. the first moving range).
        center: center line (number or per point).
        ucl: upper control limit (number or per point; NaN = none).
        lcl: lower control limit (number or per point; NaN = none).
        sigma_point: standard error of the statistic (number or per point); the rule zones.
        hits: rule violations found.
    """

    name: str
    statistic: FloatArray
    center: float | FloatArray
    ucl: float | FloatArray
    lcl: float | FloatArray
    sigma_point: float | FloatArray
    hits: list[RuleHits] = field(default_factory=list)

    def violations(self) -> list[dict[str, Any]]:
        """Every violation as ``{rule, preset, index, point, description}``, by point then rule."""
        rows: list[tuple[int, int, dict[str, Any]]] = []
        for hit in self.hits:
            rule = Text(**hit.rule.description())
            for index in hit.indices.tolist():
                point = index + 1
                rows.append(
                    (
                        index,
                        hit.rule.number,
                        {
                            "rule": hit.rule.number,
                            "preset": hit.rule.preset,
                            "index": index,
                            "point": point,
                            "description": text(
                                "spc.rule.at_point", rule=rule, point=point
                            ).as_dict(),
                        },
                    )
                )
        rows.sort(key=lambda row: (row[0], row[1]))
        return [row[2] for row in rows]

    def out_of_control(self) -> list[int]:
        """0-based indices flagged by any rule."""
        if not self.hits:
            return []
        return sorted(set(np.concatenate([hit.indices for hit in self.hits]).tolist()))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready shape of the chart."""
        return {
            "name": self.name,
            "center": json_limit(self.center),
            "ucl": json_limit(self.ucl),
            "lcl": json_limit(self.lcl),
            "sigma": json_limit(self.sigma_point),
            "values": json_numbers(self.statistic),
            "violations": self.violations(),
        }


@dataclass
class ChartAnalysis:
    """A complete chart analysis: one or two charts, the sigma used and the phases.

    Attributes:
        chart: ``xbar-r``, ``xbar-s``, ``imr``, ``p``, ``np``, ``c``, ``u``, ``ewma`` or ``cusum``.
        charts: the charts, location chart first.
        sigma: process sigma (of individual values) behind the limits, if the chart has one.
        sigma_method: how ``sigma`` was obtained (``rbar``, ``sbar``, ``pooled``, ``mrbar``,
            ``given``...).
        estimate_mask: points whose data estimated the limits.
        phase1_mask: points inside the phase I range (the rest are monitored, phase II).
        excluded: point index -> reason; excluded points stay plotted, flagged.
        parameters: chart-specific settings (lambda, L, k, h, subgroup size...).
        constants: ``tabled`` or ``exact`` chart constants behind the sigma and the limits
            (``None`` for attribute charts, which use none).
        decimals: places to print center, limits and sigma with: one more than the measurements
            carry (:func:`qclinic.core.spc.digits.limit_decimals`); ``None`` for counts.
    """

    chart: str
    charts: list[ChartResult]
    sigma: float | None
    sigma_method: str
    estimate_mask: BoolArray
    phase1_mask: BoolArray
    excluded: dict[int, str]
    parameters: dict[str, Any] = field(default_factory=dict)
    constants: str | None = None
    decimals: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready shape: see docs/SPC.md."""
        phase1 = np.flatnonzero(self.phase1_mask)
        return {
            "analysis": "control_chart",
            "chart": self.chart,
            "points": int(self.phase1_mask.size),
            "phase1": {"first": int(phase1[0]) + 1, "last": int(phase1[-1]) + 1},
            "phase2_points": int(self.phase1_mask.size - self.phase1_mask.sum()),
            "excluded": [
                {"index": index, "point": index + 1, "reason": reason}
                for index, reason in sorted(self.excluded.items())
            ],
            "sigma": json_number(self.sigma),
            "sigma_method": self.sigma_method,
            "constants": self.constants,
            "decimals": self.decimals,
            "parameters": {
                key: (json_number(value) if isinstance(value, float) else value)
                for key, value in self.parameters.items()
            },
            "charts": [chart.to_dict() for chart in self.charts],
        }
