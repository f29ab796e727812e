"""One SPC analysis: typed settings and data in, a typed result out (no Qt, no SQL).

:func:`analyze` is the only chart dispatch: the command line (``spc analyze``), the workspace
and whatever attaches an analysis as evidence call it with a :class:`ChartSettings` and the
:class:`~qclinic.core.spc.reshape.SpcData` of :mod:`qclinic.core.spc.reshape`. The
:class:`AnalysisResult` serialises (:meth:`AnalysisResult.to_dict`) to the ``spc analyze
--json`` shape of docs/SPC.md, plus a ``dataset`` block when it names a stored dataset.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from qclinic.core.catalogue import text
from qclinic.core.spc.capability import DEFAULT_THRESHOLDS, CapabilityResult, capability
from qclinic.core.spc.reshape import SpcData
from qclinic.core.spc.results import ChartAnalysis
from qclinic.core.spc.validation import FloatArray
from qclinic.errors import UserError

VARIABLE_CHARTS = ("xbar-r", "xbar-s", "imr", "ewma", "cusum")
ATTRIBUTE_CHARTS = ("p", "np", "c", "u")
CHARTS = (*VARIABLE_CHARTS, *ATTRIBUTE_CHARTS)
RULE_PRESETS = ("nelson", "western-electric", "none")
CONSTANT_MODES = ("tabled", "exact")
#: the attachment type of an analysis result stored as evidence (JSON)
ANALYSIS_MIME = "application/vnd.qclinic.analysis+json"


@dataclass(frozen=True)
class ChartSettings:
    """What to chart and how.

    The workspace sets the first group; the command line may set every field.
    """

    chart: str = "xbar-r"
    #: a preset of :data:`RULE_PRESETS` (or ``we``); ``rule_tests`` picks Nelson tests instead
    rules: str = "nelson"
    #: phase I as 1-based inclusive subgroups (``None``: all of them)
    phase1: tuple[int, int] | None = None
    lsl: float | None = None
    usl: float | None = None
    target: float | None = None
    constants: str = "tabled"
    thresholds: tuple[float, float, float] = DEFAULT_THRESHOLDS
    rule_tests: tuple[int, ...] | None = None
    #: custom run lengths of the tests, as ``((test, k), …)``
    run_lengths: tuple[tuple[int, int], ...] = ()
    sigmas: float = 3.0
    sigma_method: str | None = None
    mean: float | None = None
    sigma: float | None = None
    lam: float = 0.2
    exact: bool = True
    k: float = 0.5
    h: float = 5.0
    headstart: float = 0.0

    @property
    def has_specs(self) -> bool:
        return self.lsl is not None or self.usl is not None


@dataclass(frozen=True)
class DatasetLabel:
    """Which stored dataset an analysis is of (printed with the evidence)."""

    id: str
    name: str
    characteristic: str = ""
    unit: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "characteristic": self.characteristic,
            "unit": self.unit,
        }


@dataclass(frozen=True)
class AnalysisResult:
    """A control chart, its capability (when a specification limit was given) and the values
    left out; ``used`` holds the values that estimated the limits (variables charts), for the
    histogram."""

    chart: ChartAnalysis
    capability: CapabilityResult | None = None
    missing: tuple[Any, ...] = ()
    used: FloatArray | None = None
    dataset: DatasetLabel | None = None

    @property
    def name(self) -> str:
        return self.chart.chart

    def to_dict(self) -> dict[str, Any]:
        """The ``spc analyze --json`` shape (docs/SPC.md), JSON-ready."""
        result = self.chart.to_dict()
        result["missing"] = [cell.to_dict() for cell in self.missing]
        result["capability"] = None if self.capability is None else self.capability.to_dict()
        if self.dataset is not None:
            result["dataset"] = self.dataset.to_dict()
        return result


def default_chart(data: SpcData) -> str:
    """A sensible first chart: X̄-R for subgroups up to 10, X̄-S above, I-MR for individuals,
    p for attribute data."""
    if data.kind == "attributes":
        return "p"
    if data.matrix is None or data.matrix.shape[1] == 1:
        return "imr"
    return "xbar-r" if data.matrix.shape[1] <= 10 else "xbar-s"


def _rules(settings: ChartSettings) -> tuple[Any, ...]:
    from qclinic.core.spc.rules import make_rules

    lengths = dict(settings.run_lengths)
    if settings.rule_tests is not None:
        return tuple(make_rules("nelson", list(settings.rule_tests), lengths))
    return tuple(make_rules(settings.rules, None, lengths or None))


def _phase1(settings: ChartSettings, points: int) -> tuple[int, int] | None:
    """Phase I as the engine takes it (0-based, half-open), clipped to the points."""
    if settings.phase1 is None:
        return None
    first, last = max(1, settings.phase1[0]), min(points, settings.phase1[1])
    if not 1 <= first < last:
        raise UserError(text("analysis.phase1_range", first=first, last=last, points=points))
    return first - 1, last


def _chart(data: SpcData, settings: ChartSettings) -> ChartAnalysis:
    from qclinic.core.spc import attribute_chart, cusum_chart, ewma_chart, imr_chart, xbar_chart

    chart = settings.chart
    if chart not in CHARTS:
        raise UserError(text("analysis.unknown_chart", chart=chart))
    if data.points < 2:
        raise UserError(text("analysis.too_few_points"))
    phase1 = _phase1(settings, data.points)
    exclude = dict(data.excluded)
    if chart in ATTRIBUTE_CHARTS:
        if data.counts is None:
            raise UserError(text("analysis.needs_counts"))
        sizes: Any = data.sizes if data.sizes is not None else (data.constant_size or 1.0)
        return attribute_chart(
            chart,
            data.counts,
            sizes,
            phase1=phase1,
            exclude=exclude,
            rules=_rules(settings),
            sigmas=settings.sigmas,
        )
    matrix = data.matrix
    if matrix is None:
        raise UserError(text("analysis.needs_values"))
    if chart not in ("xbar-r", "xbar-s") and np.isnan(matrix).any():
        raise UserError(text("analysis.unequal_subgroups", chart=chart))
    common: dict[str, Any] = {
        "phase1": phase1,
        "exclude": exclude,
        "mean": settings.mean,
        "sigma": settings.sigma,
        "constants": settings.constants,
    }
    if chart in ("xbar-r", "xbar-s"):
        return xbar_chart(
            matrix,
            dispersion=chart[-1],
            sigma_method=settings.sigma_method,
            rules=_rules(settings),
            sigmas=settings.sigmas,
            **common,
        )
    if chart == "imr":
        if matrix.shape[1] != 1:
            raise UserError(text("analysis.imr_one_value"))
        return imr_chart(matrix[:, 0], rules=_rules(settings), sigmas=settings.sigmas, **common)
    if chart == "ewma":
        return ewma_chart(
            matrix,
            lam=settings.lam,
            sigmas=settings.sigmas,
            exact=settings.exact,
            sigma_method=settings.sigma_method,
            **common,
        )
    return cusum_chart(
        matrix,
        k=settings.k,
        h=settings.h,
        headstart=settings.headstart,
        sigma_method=settings.sigma_method,
        **common,
    )


def analyze(
    data: SpcData, settings: ChartSettings, dataset: DatasetLabel | None = None
) -> AnalysisResult:
    """Run the chosen chart on *data*, and capability when a specification limit is set
    (variables data only: attribute data has no capability and none is computed).

    Raises:
        UserError: the engine's messages (too few points, wrong chart for the data…).
    """
    chart = _chart(data, settings)
    used: FloatArray | None = None
    cap: CapabilityResult | None = None
    if data.matrix is not None and settings.chart not in ATTRIBUTE_CHARTS:
        used = data.matrix[chart.estimate_mask]
        if settings.has_specs:
            method = settings.sigma_method or {"xbar-r": "rbar", "xbar-s": "sbar"}.get(
                settings.chart
            )
            cap = capability(
                used,
                lsl=settings.lsl,
                usl=settings.usl,
                target=settings.target,
                sigma_method=method,
                constants=settings.constants,
                thresholds=settings.thresholds,
            )
    return AnalysisResult(chart, cap, tuple(data.missing), used, dataset)


def gage_analysis(
    data: SpcData, tolerance: float | None = None, method: str = "anova"
) -> dict[str, Any]:
    """The crossed gage R&R study (ANOVA or X̄-R) of a gage-study dataset, JSON-ready."""
    from qclinic.core.msa import gage_rr

    if data.values is None:
        raise UserError(text("analysis.needs_gage_study"))
    result: dict[str, Any] = gage_rr(
        list(data.parts), list(data.operators), data.values, tolerance=tolerance, method=method
    ).to_dict()
    return result
