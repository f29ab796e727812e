"""From stored dataset values to the engine's analyses (no Qt here: plain data in, dicts out).

The workspace keeps one :class:`DatasetData` per shown dataset and calls :func:`analyze` with the
user's :class:`ChartSettings` whenever something changes; the result is the ``spc analyze
--json`` shape of docs/SPC.md (plus a ``dataset`` block), which is also what is attached as
evidence. All statistics come from :mod:`qclinic.core.spc` and :mod:`qclinic.core.msa`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from qclinic.errors import UserError

VARIABLE_CHARTS = ("xbar-r", "xbar-s", "imr", "ewma", "cusum")
ATTRIBUTE_CHARTS = ("p", "np", "c", "u")
CHARTS = (*VARIABLE_CHARTS, *ATTRIBUTE_CHARTS)
RULE_PRESETS = ("nelson", "western-electric", "none")
CONSTANT_MODES = ("tabled", "exact")
THRESHOLDS_KEY = "capability_thresholds"  # settings.extra: [new process, capable, conditional]
CONSTANTS_KEY = "spc_constants"  # settings.extra: "tabled" or "exact", the last choice
ANALYSIS_MIME = "application/vnd.qclinic.analysis+json"


@dataclass
class ChartSettings:
    """What the user picked: chart, rule preset, phase I (1-based, inclusive), specs, chart
    constants (tabled or exact) and the Cpk thresholds of the capability verdict."""

    chart: str = "xbar-r"
    rules: str = "nelson"
    phase1: tuple[int, int] | None = None
    lsl: float | None = None
    usl: float | None = None
    target: float | None = None
    constants: str = "tabled"
    thresholds: tuple[float, float, float] = (1.67, 1.33, 1.00)


def saved_thresholds(extra: dict[str, Any]) -> tuple[float, float, float]:
    """The Cpk thresholds from the settings' ``extra`` (the defaults when unset or invalid)."""
    from qclinic.core.spc.capability import DEFAULT_THRESHOLDS, check_thresholds

    try:
        return check_thresholds(extra.get(THRESHOLDS_KEY) or DEFAULT_THRESHOLDS)
    except UserError:
        return DEFAULT_THRESHOLDS


@dataclass
class DatasetData:
    """A dataset's values arranged for the engine. Index ``i`` of every array is the point
    (subgroup) ``subgroups[i]``; ``excluded`` maps point indices to reasons."""

    kind: str
    subgroups: list[int] = field(default_factory=list)
    matrix: np.ndarray | None = None
    counts: np.ndarray | None = None
    sizes: np.ndarray | None = None
    parts: list[str] = field(default_factory=list)
    operators: list[str] = field(default_factory=list)
    values: np.ndarray | None = None
    excluded: dict[int, str] = field(default_factory=dict)
    skipped: int = 0
    missing: list[tuple[int, int]] = field(default_factory=list)
    """Blank values of variables data as ``(subgroup, position)``: left out, the subgroup keeps
    the values it has."""

    @property
    def points(self) -> int:
        return len(self.subgroups)


def dataset_data(kind: str, rows: Sequence[Any]) -> DatasetData:
    """Arrange value rows (``datasets.list_values``) by subgroup. For variables a blank value
    is missing: its subgroup keeps the values it has (NaN pads the matrix; the X̄ charts give
    each subgroup its own limits) and the cell is listed in ``missing``; a subgroup with no
    value at all is skipped and counted."""
    data = DatasetData(kind=kind)
    if kind == "gage-study":
        good = [r for r in rows if r.value is not None and r.part and r.operator]
        data.parts = [str(r.part) for r in good]
        data.operators = [str(r.operator) for r in good]
        data.values = np.array([r.value for r in good], dtype=np.float64)
        data.skipped = len(rows) - len(good)
        return data
    groups: dict[int, list[Any]] = {}
    for row in rows:
        groups.setdefault(int(row.subgroup), []).append(row)
    if kind == "attributes":
        keep = [(s, g[0]) for s, g in groups.items() if g[0].count is not None]
        data.subgroups = [s for s, _ in keep]
        data.counts = np.array([r.count for _, r in keep], dtype=np.float64)
        data.sizes = np.array(
            [r.sample_size if r.sample_size is not None else 1.0 for _, r in keep],
            dtype=np.float64,
        )
        data.skipped = len(groups) - len(keep)
    else:
        data.missing = [(int(r.subgroup), int(r.position)) for r in rows if r.value is None]
        keep_groups = [(s, g) for s, g in groups.items() if any(r.value is not None for r in g)]
        width = max((len(g) for _, g in keep_groups), default=1)
        data.subgroups = [s for s, _ in keep_groups]
        data.matrix = np.full((len(keep_groups), width), np.nan)
        for i, (_, g) in enumerate(keep_groups):
            ordered = sorted(g, key=lambda r: int(r.position))
            values = [r.value for r in ordered if r.value is not None]
            data.matrix[i, : len(values)] = values
        data.skipped = len(groups) - len(keep_groups)
    for index, subgroup in enumerate(data.subgroups):
        excluded = [r for r in groups[subgroup] if r.excluded]
        if excluded:
            data.excluded[index] = excluded[0].exclude_reason or "excluded"
    return data


def default_chart(data: DatasetData) -> str:
    """A sensible first chart: X̄-R for subgroups up to 10, X̄-S above, I-MR for individuals,
    p for attribute data."""
    if data.kind == "attributes":
        return "p"
    if data.matrix is None or data.matrix.shape[1] == 1:
        return "imr"
    return "xbar-r" if data.matrix.shape[1] <= 10 else "xbar-s"


def analyze(data: DatasetData, settings: ChartSettings) -> tuple[dict[str, Any], np.ndarray | None]:
    """Run the chosen chart (and capability when a spec limit is set) on *data*.

    Returns:
        ``(result, used)``: the JSON-ready result and the values that estimated the limits
        (phase I minus excluded points; ``None`` for attribute charts) for the histogram.

    Raises:
        UserError: the engine's messages (too few points, wrong chart for the data...).
    """
    from qclinic.core.spc import (
        attribute_chart,
        capability,
        cusum_chart,
        ewma_chart,
        imr_chart,
        make_rules,
        xbar_chart,
    )

    chart = settings.chart
    if data.points < 2:
        raise UserError("the dataset needs at least 2 complete subgroups for a chart")
    phase1 = None
    if settings.phase1 is not None:
        first, last = settings.phase1
        first, last = max(1, first), min(data.points, last)
        if not 1 <= first < last:
            raise UserError(f"phase I {first}-{last}: need 1 <= first < last <= {data.points}")
        phase1 = (first - 1, last)
    rules = make_rules(settings.rules)
    exclude = dict(data.excluded)
    matrix = data.matrix
    if chart in ATTRIBUTE_CHARTS:
        if data.counts is None:
            raise UserError("the p, np, c and u charts need counts: import attribute data")
        analysis = attribute_chart(
            chart, data.counts, data.sizes, phase1=phase1, exclude=exclude, rules=rules
        )
    else:
        if matrix is None:
            raise UserError("this chart needs measured values, not counts")
        common: dict[str, Any] = {
            "phase1": phase1,
            "exclude": exclude,
            "constants": settings.constants,
        }
        if np.isnan(matrix).any() and chart not in ("xbar-r", "xbar-s"):
            raise UserError(
                "subgroups of different sizes (missing values): use an X̄-R or X̄-S chart, "
                "or fill the values in the Data tab"
            )
        if chart in ("xbar-r", "xbar-s"):
            analysis = xbar_chart(matrix, dispersion=chart[-1], rules=rules, **common)
        elif chart == "imr":
            values = matrix[:, 0] if matrix.shape[1] == 1 else matrix.ravel()
            if matrix.shape[1] != 1:
                raise UserError("the I-MR chart takes one value per subgroup; use X̄-R or X̄-S")
            analysis = imr_chart(values, rules=rules, **common)
        elif chart == "ewma":
            analysis = ewma_chart(matrix if matrix.shape[1] > 1 else matrix[:, 0], **common)
        elif chart == "cusum":
            analysis = cusum_chart(matrix if matrix.shape[1] > 1 else matrix[:, 0], **common)
        else:
            raise UserError(f"unknown chart {chart!r}")
    result = analysis.to_dict()
    result["missing"] = [{"subgroup": sub, "position": pos} for sub, pos in data.missing]
    result["capability"] = None
    used = None
    if matrix is not None and chart not in ATTRIBUTE_CHARTS:
        used = matrix[analysis.estimate_mask]
        if settings.lsl is not None or settings.usl is not None:
            method = {"xbar-r": "rbar", "xbar-s": "sbar"}.get(chart)
            rows = used if used.shape[1] > 1 else used[:, 0]
            cap = capability(
                rows,
                lsl=settings.lsl,
                usl=settings.usl,
                target=settings.target,
                sigma_method=method,
                constants=settings.constants,
                thresholds=settings.thresholds,
            )
            result["capability"] = cap.to_dict()
    return result, used


def gage_analysis(
    data: DatasetData, tolerance: float | None = None, method: str = "anova"
) -> dict[str, Any]:
    """The crossed gage R&R study (ANOVA or X̄-R) of a gage-study dataset, JSON-ready."""
    from qclinic.core.msa import gage_rr

    if data.values is None:
        raise UserError("the gage R&R view needs a gage study (part, operator, value)")
    return gage_rr(
        data.parts, data.operators, data.values, tolerance=tolerance, method=method
    ).to_dict()
