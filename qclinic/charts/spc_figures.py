"""SPC figures: control charts and the capability histogram (MSA figures: :mod:`msa_figures`).

Pure matplotlib (no pyplot state, no widgets): every function returns or fills a
:class:`~matplotlib.figure.Figure`, so the same drawing serves the interactive canvas of the
desktop app and a PNG in a report. The inputs are the engine's JSON-ready result dicts
(``ChartAnalysis.to_dict()``, ``CapabilityResult.to_dict()``, ``GageRRResult.to_dict()``, the
shapes of docs/SPC.md) — exactly what is stored as evidence — plus the raw data where a panel
needs it. Chinese labels render through the bundled font (:mod:`qclinic.charts.fonts`).

:class:`ControlChartPlot` keeps its artists and updates them in place (``Line2D.set_data``), so
recomputing limits after an exclusion redraws 10,000 points in well under a quarter second.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from qclinic.charts.fonts import register_cjk_font
from qclinic.core.catalogue import find, say

COLOURS = {
    "line": "#1f6fd1",
    "centre": "#2e7d32",
    "limit": "#c62828",
    "zone1": "#e8f1fb",
    "zone2": "#f6f9fd",
    "violation": "#d32f2f",
    "excluded": "#9e9e9e",
    "phase": "#6d6d6d",
}
#: Above this many points the series line is drawn without a marker per point (speed, clarity).
MARKER_LIMIT = 400
#: Above this many points the series line is drawn through each bucket's extremes (see envelope).
ENVELOPE_LIMIT = 4000


def _part(words: Mapping[str, str], lang: str) -> str:
    """The *lang* part of a result's ``{"zh": …, "en": …}`` text."""
    return words["zh" if lang.startswith("zh") else "en"]


def envelope(
    x: np.ndarray, y: np.ndarray, limit: int = ENVELOPE_LIMIT
) -> tuple[np.ndarray, np.ndarray]:
    """The vertices to draw a long series with: above *limit* points, each of ``limit // 2``
    buckets of neighbouring points keeps its lowest and highest, in order — all a screen can
    show of 200,000 points, drawn in a fraction of the time. Shorter series are kept whole."""
    count = y.size
    if count <= limit:
        return x, y
    buckets = limit // 2
    size = -(-count // buckets)
    padded = np.concatenate([y, np.full(buckets * size - count, np.nan)]).reshape(buckets, size)
    low = np.where(np.isnan(padded), np.inf, padded).argmin(axis=1)
    high = np.where(np.isnan(padded), -np.inf, padded).argmax(axis=1)
    start = np.arange(buckets) * size
    index = np.column_stack([start + np.minimum(low, high), start + np.maximum(low, high)])
    kept = index.ravel()
    kept = kept[kept < count]
    return x[kept], y[kept]


def chart_title(name: str, lang: str) -> str:
    """The display title of one chart of an analysis (``xbar``, ``r``, ``individuals``…)."""
    entry = find(f"charts.title.{name}")
    return name if entry is None else entry.get(lang)


def per_point(value: Any, count: int) -> np.ndarray:
    """A limit from a result dict (number, list or None) as one float per point (NaN = none)."""
    if value is None:
        return np.full(count, np.nan)
    if isinstance(value, list):
        return np.array([np.nan if v is None else v for v in value], dtype=np.float64)
    return np.full(count, float(value))


def _fmt(value: float, decimals: int | None = None) -> str:
    """A limit label: *decimals* places (the result's, one more than the data), else 6 digits."""
    if not math.isfinite(value):
        return "-"
    return f"{value:.6g}" if decimals is None else f"{value:.{decimals}f}"


class ControlChartPlot:
    """A control chart analysis (one or two stacked charts) drawn on *figure*, updatable.

    Call :meth:`update` with a new result dict (after an exclusion, a new rule set, new data):
    the axes are kept when the chart names are the same and only the artists' data change.
    """

    def __init__(self, figure: Figure, lang: str = "zh") -> None:
        register_cjk_font()
        self.figure = figure
        self.lang = lang
        self.axes: list[Axes] = []
        self.result: dict[str, Any] = {}
        self._names: tuple[str, ...] = ()
        self._artists: list[dict[str, Any]] = []
        #: Per chart: x, y, and point index -> list of violation descriptions (for hover text).
        self.series: list[tuple[np.ndarray, np.ndarray, dict[int, list[str]]]] = []
        self.excluded: dict[int, str] = {}

    # --- building -------------------------------------------------------------------------
    def _build(self, names: tuple[str, ...]) -> None:
        self.figure.clear()
        self.axes = []
        self._artists = []
        first: Axes | None = None
        for row, _name in enumerate(names):
            ax = self.figure.add_subplot(len(names), 1, row + 1, sharex=first)
            first = first or ax
            ax.grid(True, axis="y", color="#e0e0e0", linewidth=0.6)
            ax.tick_params(labelsize=8)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
            artists: dict[str, Any] = {
                "line": Line2D([], [], color=COLOURS["line"], linewidth=0.9, zorder=3),
                "centre": Line2D([], [], color=COLOURS["centre"], linewidth=1.1, zorder=2),
                "ucl": Line2D([], [], color=COLOURS["limit"], linewidth=1.0, ls="--", zorder=2),
                "lcl": Line2D([], [], color=COLOURS["limit"], linewidth=1.0, ls="--", zorder=2),
                "excluded": Line2D(
                    [],
                    [],
                    ls="none",
                    marker="o",
                    markersize=6.5,
                    markerfacecolor="white",
                    markeredgecolor=COLOURS["excluded"],
                    markeredgewidth=1.2,
                    zorder=5,
                ),
                "violations": Line2D(
                    [],
                    [],
                    ls="none",
                    marker="o",
                    markersize=5.5,
                    color=COLOURS["violation"],
                    zorder=6,
                ),
            }
            for artist in artists.values():
                ax.add_line(artist)
            artists["zones"] = []
            artists["phase"] = ax.axvline(np.nan, color=COLOURS["phase"], ls=":", lw=1.0)
            artists["labels"] = [
                ax.text(
                    1.002,
                    0.0,
                    "",
                    transform=ax.get_yaxis_transform(),
                    fontsize=7.5,
                    va="center",
                    ha="left",
                    color=colour,
                )
                for colour in (COLOURS["limit"], COLOURS["centre"], COLOURS["limit"])
            ]
            self.axes.append(ax)
            self._artists.append(artists)
        self.figure.subplots_adjust(left=0.08, right=0.88, top=0.93, bottom=0.08, hspace=0.35)
        self._names = names

    # --- updating -------------------------------------------------------------------------
    def update(self, result: Mapping[str, Any]) -> None:
        """Show the analysis *result* (the ``spc analyze --json`` shape)."""
        self.result = dict(result)
        charts = result["charts"]
        names = tuple(chart["name"] for chart in charts)
        if names != self._names:
            self._build(names)
        self.excluded = {item["index"]: item["reason"] for item in result.get("excluded", [])}
        excluded_idx = np.array(sorted(self.excluded), dtype=np.int64)
        self.series = []
        phase1_last = result.get("phase1", {}).get("last")
        phase2 = result.get("phase2_points", 0)
        for row, chart in enumerate(charts):
            ax, artists = self.axes[row], self._artists[row]
            y = np.array([np.nan if v is None else v for v in chart["values"]], dtype=np.float64)
            count = y.size
            x = np.arange(1, count + 1, dtype=np.float64)
            centre = per_point(chart["center"], count)
            ucl = per_point(chart["ucl"], count)
            lcl = per_point(chart["lcl"], count)
            artists["line"].set_data(*envelope(x, y))  # the points themselves: self.series
            artists["line"].set_marker("o" if count <= MARKER_LIMIT else "")
            artists["line"].set_markersize(3.2)
            steps = "steps-mid" if isinstance(chart["ucl"], list) else "default"
            ends = np.array([0.5, count + 0.5])
            for key, values in (("centre", centre), ("ucl", ucl), ("lcl", lcl)):
                if steps == "default" and count:  # a constant limit: two points, not thousands
                    artists[key].set_data(ends, values[:1].repeat(2))
                else:
                    artists[key].set_data(x, values)
                artists[key].set_drawstyle(steps)
            hover: dict[int, list[str]] = {}
            for violation in chart["violations"]:
                text = _part(violation["description"], self.lang)
                hover.setdefault(violation["index"], []).append(text)
            flagged = np.array(sorted(hover), dtype=np.int64)
            artists["violations"].set_data(x[flagged], y[flagged])
            shown = excluded_idx[excluded_idx < count]
            artists["excluded"].set_data(x[shown], y[shown])
            self._zones(ax, artists, chart, x, centre, count, row == 0)
            if phase2 and phase1_last:
                artists["phase"].set_xdata([phase1_last + 0.5, phase1_last + 0.5])
            else:
                artists["phase"].set_xdata([np.nan, np.nan])
            for label, name, values in zip(
                artists["labels"], ("UCL", "CL", "LCL"), (ucl, centre, lcl), strict=True
            ):
                last = values[-1] if count else np.nan
                places = self.result.get("decimals")
                label.set_text(f"{name}={_fmt(last, places)}" if math.isfinite(last) else "")
                label.set_y(last if math.isfinite(last) else 0.0)
            ax.set_title(chart_title(chart["name"], self.lang), fontsize=9, loc="left")
            self._rescale(ax, x, y, ucl, lcl)
            self.series.append((x, y, hover))
        if self.axes:
            self.axes[-1].set_xlabel(say("charts.subgroup_axis", self.lang), fontsize=8)

    def _zones(
        self,
        ax: Axes,
        artists: dict[str, Any],
        chart: Mapping[str, Any],
        x: np.ndarray,
        centre: np.ndarray,
        count: int,
        location: bool,
    ) -> None:
        for patch in artists["zones"]:
            patch.remove()
        artists["zones"] = []
        sigma = per_point(chart.get("sigma"), count)
        if not location or chart["name"].startswith("cusum") or chart["name"] == "ewma":
            return
        if not np.isfinite(sigma).any() or count == 0:
            return
        if np.all(sigma == sigma[0]) and np.all(centre == centre[0]):
            c, s = centre[0], sigma[0]
            artists["zones"] = [
                ax.axhspan(c - 2 * s, c + 2 * s, color=COLOURS["zone2"], zorder=0, lw=0),
                ax.axhspan(c - s, c + s, color=COLOURS["zone1"], zorder=0, lw=0),
            ]
        else:
            artists["zones"] = [
                ax.fill_between(
                    x,
                    centre - 2 * sigma,
                    centre + 2 * sigma,
                    step="mid",
                    color=COLOURS["zone2"],
                    zorder=0,
                    lw=0,
                ),
                ax.fill_between(
                    x,
                    centre - sigma,
                    centre + sigma,
                    step="mid",
                    color=COLOURS["zone1"],
                    zorder=0,
                    lw=0,
                ),
            ]

    @staticmethod
    def _rescale(ax: Axes, x: np.ndarray, *arrays: np.ndarray) -> None:
        finite = np.concatenate([a[np.isfinite(a)] for a in arrays])
        if finite.size == 0:
            return
        low, high = float(finite.min()), float(finite.max())
        pad = (high - low) * 0.08 or abs(high) * 0.05 or 1.0
        ax.set_ylim(low - pad, high + pad)
        ax.set_xlim(0.5, (x[-1] if x.size else 1) + 0.5)

    # --- queries for the interactive canvas ---------------------------------------------
    def nearest_point(self, ax: Axes, px: float, py: float, radius: float = 8.0) -> int | None:
        """The 0-based index of the point of *ax* nearest the display position, within *radius*
        pixels, or ``None``."""
        if ax not in self.axes:
            return None
        x, y, _ = self.series[self.axes.index(ax)]
        if x.size == 0:
            return None
        xy = ax.transData.transform(np.column_stack([x, np.nan_to_num(y, nan=np.inf)]))
        distance = np.hypot(xy[:, 0] - px, xy[:, 1] - py)
        distance[~np.isfinite(distance)] = np.inf
        best = int(np.argmin(distance))
        return best if distance[best] <= radius else None

    def describe(self, ax: Axes, index: int) -> str:
        """Hover text for a point: its number, value, broken rules and exclusion."""
        row = self.axes.index(ax)
        _, y, hover = self.series[row]
        lines = [say("charts.point", self.lang, n=index + 1, value=_fmt(y[index]))]
        lines.extend(hover.get(index, []))
        if index in self.excluded:
            reason = self.excluded[index]
            lines.append(say("charts.excluded", self.lang, reason=reason))
        return "\n".join(lines)

    def point_display(self, row: int, index: int) -> tuple[float, float]:
        """Display (pixel) coordinates of point *index* of chart *row* (for tests, tooltips)."""
        x, y, _ = self.series[row]
        px, py = self.axes[row].transData.transform((x[index], y[index]))
        return float(px), float(py)


def control_chart_figure(
    result: Mapping[str, Any],
    lang: str = "zh",
    *,
    figsize: tuple[float, float] = (8.0, 5.2),
    title: str | None = None,
) -> Figure:
    """A headless control chart figure of an analysis result (``spc analyze --json`` shape)."""
    figure = Figure(figsize=figsize, dpi=100)
    plot = ControlChartPlot(figure, lang)
    plot.update(result)
    if title:
        figure.suptitle(title, fontsize=10)
    return figure


# --- capability ----------------------------------------------------------------------------
def draw_capability(
    figure: Figure,
    values: Sequence[float] | np.ndarray,
    capability: Mapping[str, Any],
    lang: str = "zh",
    *,
    unit: str = "",
) -> None:
    """Histogram of *values* with LSL/USL/target lines and the within/overall normal curves."""
    register_cjk_font()
    figure.clear()
    ax = figure.add_subplot(1, 1, 1)
    data = np.asarray(values, dtype=np.float64).ravel()
    data = data[np.isfinite(data)]
    mean = capability["mean"]
    within, overall = capability["sigma_within"], capability["sigma_overall"]
    marks = [v for v in (capability.get("lsl"), capability.get("usl")) if v is not None]
    low = min([float(data.min()), *marks, mean - 4 * overall])
    high = max([float(data.max()), *marks, mean + 4 * overall])
    bins = int(np.clip(np.sqrt(data.size) * 1.5, 8, 40))
    ax.hist(
        data,
        bins=bins,
        density=True,
        color="#c9dcf3",
        edgecolor="#7ea6d8",
        lw=0.6,
        label=say("charts.data", lang),
    )
    grid = np.linspace(low, high, 400)
    for sigma, style, name in (
        (within, "-", say("charts.within", lang)),
        (overall, "--", say("charts.overall", lang)),
    ):
        if sigma:
            density = np.exp(-0.5 * ((grid - mean) / sigma) ** 2) / (sigma * math.sqrt(2 * math.pi))
            ax.plot(grid, density, style, color="#1f3f7a", lw=1.3, label=name)
    for key, text, colour in (
        ("lsl", "LSL", COLOURS["limit"]),
        ("usl", "USL", COLOURS["limit"]),
        ("target", say("charts.target", lang), COLOURS["centre"]),
    ):
        value = capability.get(key)
        if value is None:
            continue
        ax.axvline(value, color=colour, lw=1.4, ls="-" if key != "target" else "-.")
        ax.text(
            value,
            1.01,
            f"{text}\n{value:g}",
            transform=ax.get_xaxis_transform(),
            ha="center",
            va="bottom",
            fontsize=8,
            color=colour,
        )
    ax.set_xlim(low - (high - low) * 0.03, high + (high - low) * 0.03)
    ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(unit, fontsize=8)
    ax.tick_params(labelsize=8)
    ax.legend(fontsize=8, frameon=False, loc="upper right")
    indices = capability.get("indices", {})
    shown = [
        f"{k.capitalize()} = {v:.3f}"
        for k in ("cp", "cpk", "pp", "ppk")
        if (v := indices.get(k)) is not None
    ]
    verdict = capability.get("verdict")
    if verdict:
        shown.append(_part(verdict["text"], lang))
    ax.text(
        0.01,
        0.98,
        "\n".join(shown),
        transform=ax.transAxes,
        fontsize=8.5,
        va="top",
        bbox={"boxstyle": "round", "fc": "white", "ec": "#cccccc"},
    )
    ax.set_title(say("charts.capability", lang), fontsize=10, loc="left", pad=26)
    figure.subplots_adjust(left=0.05, right=0.97, top=0.86, bottom=0.11)


def capability_figure(
    values: Sequence[float] | np.ndarray,
    capability: Mapping[str, Any],
    lang: str = "zh",
    *,
    unit: str = "",
    figsize: tuple[float, float] = (7.0, 4.2),
) -> Figure:
    """A headless capability histogram (see :func:`draw_capability`)."""
    figure = Figure(figsize=figsize, dpi=100)
    draw_capability(figure, values, capability, lang, unit=unit)
    return figure


# The MSA figures live in qclinic.charts.msa_figures; kept importable from here.
from qclinic.charts.msa_figures import draw_gage_rr, gage_rr_figure  # noqa: E402

__all__ = [
    "ControlChartPlot",
    "capability_figure",
    "control_chart_figure",
    "draw_capability",
    "draw_gage_rr",
    "gage_rr_figure",
]
