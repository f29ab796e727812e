"""MSA figures: the gage R&R panels, the linearity and bias plot, attribute agreement.

Pure matplotlib (no pyplot state, no widgets), like :mod:`qclinic.charts.spc_figures`: each
function fills a :class:`~matplotlib.figure.Figure` from the engine's JSON-ready result (the
shapes of docs/SPC.md) plus the raw data a panel needs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from qclinic.charts.fonts import register_cjk_font
from qclinic.core.catalogue import say

COLOURS = {"line": "#1f6fd1", "centre": "#2e7d32", "limit": "#c62828"}


def _part(words: Mapping[str, str] | None, lang: str) -> str:
    """The *lang* part of a result's ``{"zh": …, "en": …}`` text (``""`` when there is none)."""
    return (words or {}).get("zh" if lang.startswith("zh") else "en", "")


# --- gage R&R ------------------------------------------------------------------------------
def _gage_cube(
    parts: Sequence[Any], operators: Sequence[Any], values: Sequence[float]
) -> tuple[np.ndarray, list[str], list[str]]:
    part_names = list(dict.fromkeys(str(p) for p in parts))
    operator_names = list(dict.fromkeys(str(o) for o in operators))
    cells: dict[tuple[str, str], list[float]] = {}
    for p, o, v in zip(parts, operators, values, strict=True):
        cells.setdefault((str(p), str(o)), []).append(float(v))
    trials = max(len(v) for v in cells.values())
    cube = np.full((len(part_names), len(operator_names), trials), np.nan)
    for i, p in enumerate(part_names):
        for j, o in enumerate(operator_names):
            got = cells.get((p, o), [])
            cube[i, j, : len(got)] = got
    return cube, part_names, operator_names


def draw_gage_rr(
    figure: Figure,
    parts: Sequence[Any],
    operators: Sequence[Any],
    values: Sequence[float],
    result: Mapping[str, Any],
    lang: str = "zh",
) -> None:
    """Six panels: components of variation, R and X̄ charts by appraiser, by part, by appraiser,
    and the part × appraiser interaction; the verdict and ndc in the title."""
    from qclinic.core.spc.constants import constants

    register_cjk_font()
    figure.clear()
    cube, part_names, operator_names = _gage_cube(parts, operators, values)
    p, o, r = cube.shape
    axes = figure.subplots(3, 2)
    for ax in axes.ravel():
        ax.tick_params(labelsize=7)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    # 1. components of variation
    ax = axes[0, 0]
    keys = ("grr", "repeatability", "reproducibility", "part")
    names = (
        "GR&R",
        say("charts.repeatability", lang),
        say("charts.reproducibility", lang),
        say("charts.part_to_part", lang),
    )
    groups = [
        ("percent_contribution", say("charts.percent_contribution", lang)),
        ("percent_study_var", say("charts.percent_study_var", lang)),
    ]
    if result.get("percent_tolerance"):
        groups.append(("percent_tolerance", say("charts.percent_tolerance", lang)))
    width = 0.8 / len(groups)
    palette = ("#5b8bd6", "#e39b3b", "#6bb36b")
    for g, (field, label) in enumerate(groups):
        heights = [result[field].get(k) or 0.0 for k in keys]
        ax.bar(
            np.arange(4) + (g - (len(groups) - 1) / 2) * width,
            heights,
            width,
            label=label,
            color=palette[g],
        )
    ax.set_xticks(np.arange(4), names)
    ax.legend(fontsize=6.5, frameon=False)
    ax.set_title(say("charts.components", lang), fontsize=8.5, loc="left")
    # 2. R chart by appraiser, 3. X-bar chart by appraiser
    ranges = np.nanmax(cube, axis=2) - np.nanmin(cube, axis=2)  # [part, operator]
    means = np.nanmean(cube, axis=2)
    k = constants(r) if r >= 2 else None
    rbar = float(np.mean(ranges))
    xbar = float(np.mean(means))
    for ax, data, centre, upper, lower, title in (
        (
            axes[0, 1],
            ranges,
            rbar,
            (k.D4 * rbar if k else np.nan),
            (k.D3 * rbar if k else np.nan),
            say("charts.r_by_appraiser", lang),
        ),
        (
            axes[1, 0],
            means,
            xbar,
            (xbar + k.A2 * rbar if k else np.nan),
            (xbar - k.A2 * rbar if k else np.nan),
            say("charts.xbar_by_appraiser", lang),
        ),
    ):
        for j in range(o):
            xs = np.arange(j * p, (j + 1) * p) + 1
            ax.plot(xs, data[:, j], "o-", ms=2.5, lw=0.8, color=COLOURS["line"])
            if j:
                ax.axvline(j * p + 0.5, color="#bbbbbb", lw=0.6)
        ax.axhline(centre, color=COLOURS["centre"], lw=0.9)
        for limit in (upper, lower):
            if math.isfinite(limit):
                ax.axhline(limit, color=COLOURS["limit"], lw=0.9, ls="--")
        ax.set_xticks([j * p + (p + 1) / 2 for j in range(o)], operator_names)
        ax.set_title(title, fontsize=8.5, loc="left")
    # 4. by part
    ax = axes[1, 1]
    flat = cube.reshape(p, -1)
    for i in range(p):
        ax.plot(np.full(flat.shape[1], i + 1), flat[i], "o", ms=2.2, color="#8aa9d6")
    ax.plot(np.arange(1, p + 1), np.nanmean(flat, axis=1), "o-", ms=3, lw=1, color="#1f3f7a")
    ax.set_xticks(np.arange(1, p + 1), part_names)
    ax.set_title(say("charts.by_part", lang), fontsize=8.5, loc="left")
    # 5. by appraiser
    ax = axes[2, 0]
    per_operator = [cube[:, j, :].ravel() for j in range(o)]
    ax.boxplot(per_operator, tick_labels=operator_names, widths=0.5)
    ax.set_title(say("charts.by_appraiser", lang), fontsize=8.5, loc="left")
    # 6. interaction
    ax = axes[2, 1]
    for j, name in enumerate(operator_names):
        ax.plot(np.arange(1, p + 1), means[:, j], "o-", ms=2.5, lw=0.9, label=name)
    ax.set_xticks(np.arange(1, p + 1), part_names)
    ax.legend(fontsize=6.5, frameon=False, ncols=min(o, 4))
    ax.set_title(say("charts.interaction", lang), fontsize=8.5, loc="left")
    verdict = result.get("verdict", {})
    text = _part(verdict.get("study_text"), lang)
    grr = (result.get("percent_study_var") or {}).get("grr")
    ndc = result.get("ndc")
    head = say("charts.gage_head", lang, grr=grr, verdict=text, ndc=ndc)
    figure.suptitle(head, fontsize=10, x=0.02, ha="left")
    figure.subplots_adjust(left=0.07, right=0.98, top=0.91, bottom=0.05, hspace=0.55, wspace=0.22)


def gage_rr_figure(
    parts: Sequence[Any],
    operators: Sequence[Any],
    values: Sequence[float],
    result: Mapping[str, Any],
    lang: str = "zh",
    *,
    figsize: tuple[float, float] = (9.0, 8.0),
) -> Figure:
    """A headless gage R&R figure (see :func:`draw_gage_rr`)."""
    figure = Figure(figsize=figsize, dpi=100)
    draw_gage_rr(figure, parts, operators, values, result, lang)
    return figure


# --- linearity and bias --------------------------------------------------------------------
def draw_linearity(
    figure: Figure,
    references: Sequence[float],
    values: Sequence[float],
    result: Mapping[str, Any],
    lang: str = "zh",
) -> None:
    """Every reading's bias against its reference, the mean bias per reference, the fitted
    line and zero bias; slope, R² and %Linearity in the title."""
    register_cjk_font()
    figure.clear()
    ax = figure.add_subplot(1, 1, 1)
    ref = np.asarray(references, dtype=np.float64)
    bias = np.asarray(values, dtype=np.float64) - ref
    ax.plot(ref, bias, "o", ms=3, color="#8aa9d6", label=say("charts.bias", lang))
    rows = [r for r in result.get("bias", []) if r.get("reference") != "average"]
    if rows:
        ax.plot(
            [r["reference"] for r in rows],
            [r["bias"] for r in rows],
            "s",
            ms=5,
            color="#1f3f7a",
            label=say("charts.mean_bias", lang),
        )
    span = np.array([float(np.min(ref)), float(np.max(ref))])
    ax.plot(
        span,
        result["intercept"] + result["slope"] * span,
        "-",
        color=COLOURS["limit"],
        lw=1.2,
        label=say("charts.regression", lang),
    )
    ax.axhline(0.0, color=COLOURS["centre"], lw=0.9, ls="--")
    ax.set_xlabel(say("charts.reference", lang), fontsize=8)
    ax.set_ylabel(say("charts.bias", lang), fontsize=8)
    ax.tick_params(labelsize=7)
    ax.legend(fontsize=7, frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    head = say(
        "charts.linearity_head",
        lang,
        intercept=result["intercept"],
        slope=result["slope"],
        r_squared=result["r_squared"],
        linearity=result["percent_linearity"],
    )
    figure.suptitle(head, fontsize=9, x=0.02, ha="left")
    figure.subplots_adjust(left=0.1, right=0.98, top=0.88, bottom=0.12)


# --- attribute agreement -------------------------------------------------------------------
def draw_attribute_agreement(figure: Figure, result: Mapping[str, Any], lang: str = "zh") -> None:
    """Minitab's assessment agreement panels: percent matched with its 95 % interval, within
    appraisers and each appraiser vs the standard (when there is one)."""
    register_cjk_font()
    figure.clear()
    panels = []
    if result.get("within"):
        panels.append(("within", say("charts.within_appraisers", lang)))
    if result.get("vs_standard"):
        panels.append(("vs_standard", say("charts.vs_standard", lang)))
    if not panels and result.get("between"):
        panels.append(("between", say("charts.between_appraisers", lang)))
    axes = figure.subplots(1, max(len(panels), 1), squeeze=False)[0]
    for ax, (key, title) in zip(axes, panels, strict=False):
        rows = result[key] if isinstance(result[key], list) else [{"appraiser": "", **result[key]}]
        xs = np.arange(1, len(rows) + 1)
        percent = np.array([r["percent"] for r in rows])
        low = np.array([r["ci"][0] if r["ci"][0] is not None else math.nan for r in rows])
        high = np.array([r["ci"][1] if r["ci"][1] is not None else math.nan for r in rows])
        ax.errorbar(
            xs, percent, yerr=[percent - low, high - percent], fmt="o", color="#1f3f7a",
            ecolor=COLOURS["line"], capsize=4, ms=5,
        )  # fmt: skip
        ax.set_xticks(xs, [str(r["appraiser"]) for r in rows])
        ax.set_xlim(0.5, len(rows) + 0.5)
        ax.set_ylim(0, 105)
        ax.set_ylabel(say("charts.percent", lang), fontsize=8)
        ax.set_title(title, fontsize=8.5, loc="left")
        ax.tick_params(labelsize=7)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    verdict = result.get("verdict") or {}
    text = _part(verdict.get("text"), lang)
    kappa = verdict.get("kappa")
    shown = "–" if kappa is None else f"{kappa:.3f}"
    head = say("charts.agreement_head", lang, kappa=shown, verdict=text)
    figure.suptitle(head, fontsize=9.5, x=0.02, ha="left")
    figure.subplots_adjust(left=0.09, right=0.98, top=0.85, bottom=0.12, wspace=0.3)
