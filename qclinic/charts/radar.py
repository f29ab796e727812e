"""Radar (spider) chart of section percentages, one closed polygon per series.

Pure matplotlib: builds a :class:`~matplotlib.figure.Figure` without pyplot, so no global figure
state is touched and the caller decides where it goes (a Qt canvas, a PNG in a report).
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.projections.polar import PolarAxes

from qclinic.charts.fonts import register_cjk_font

#: Series colours, in order: the earlier assessment muted, the later one strong.
COLOURS = ("#8a94a6", "#1f6fd1", "#d9822b", "#2e9e5b")
LINE_STYLES = ("--", "-", "-.", ":")
RINGS = (20, 40, 60, 80, 100)

_TITLES = {"zh": "分项得分（%）", "en": "Section scores (%)"}
_NA = {"zh": "不适用", "en": "N/A"}
#: Legend entries longer than this (Latin characters) are cut with "…"; when any is longer than
#: LEGEND_PAIR_CHARS the entries stand one under the other instead of side by side.
LEGEND_MAX_CHARS = 56
LEGEND_PAIR_CHARS = 24


def _is_cjk(text: str) -> bool:
    return any(ord(ch) >= 0x2E80 for ch in text)


def wrap_label(text: str, width: int = 16, max_lines: int = 3) -> str:
    """Break a long axis label over at most *max_lines* lines of about *width* Latin characters.

    Chinese characters count double and may break anywhere; Latin words and brackets stay whole,
    so "统计过程控制（SPC）" becomes "统计过程控制" over "（SPC）".
    """
    if not _is_cjk(text):
        return _limit(textwrap.wrap(text, width) or [text], max_lines)
    tokens = re.findall(r"（[^（）]*）|[A-Za-z0-9.+\-/ ]+|.", text)
    lines: list[str] = []
    line, used = "", 0.0
    for token in tokens:
        size = sum(2 if _is_cjk(ch) else 1 for ch in token)
        if line and used + size > width:
            lines.append(line)
            line, used = "", 0.0
        line += token
        used += size
    lines.append(line)
    return _limit([part.strip() for part in lines], max_lines)


def _limit(lines: list[str], max_lines: int) -> str:
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1].rstrip(" ,.") + "…"]
    return "\n".join(lines)


def radar_figure(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    lang: str,
    *,
    figsize: tuple[float, float] = (6.0, 5.6),
    title: str | None = None,
) -> Figure:
    """A radar chart of *series* — ``(name, values)`` with one value (0–100) per label.

    A ``None`` value (nothing scored in that section) leaves a gap in the outline, the shaded area
    skips that spoke (it is not drawn at 0) and the spoke's label says "N/A". With fewer than
    three labels there is no polygon to draw, so the figure says so instead.
    """
    register_cjk_font()
    figure = Figure(figsize=figsize, dpi=100, layout="constrained")
    axes = figure.add_subplot(projection="polar")
    assert isinstance(axes, PolarAxes)  # what projection="polar" makes (typed as plain Axes)
    heading = title if title is not None else _TITLES["zh" if lang.startswith("zh") else "en"]
    axes.set_title(heading, fontsize=11, pad=18)
    count = len(labels)
    if count < 3:
        axes.set_axis_off()
        message = "至少需要三个分项" if lang.startswith("zh") else "Needs at least three sections"
        axes.text(0.5, 0.5, message, transform=axes.transAxes, ha="center", va="center")
        return figure

    angles = [2 * math.pi * i / count for i in range(count)]
    axes.set_theta_offset(math.pi / 2)  # first section at the top
    axes.set_theta_direction(-1)  # then clockwise, as read
    axes.set_ylim(0, 100)
    axes.set_rlabel_position(180 / count)  # between the first two spokes, clear of labels
    axes.set_yticks(RINGS)
    # The outer ring (100) stays unlabelled: its number would sit among the section labels.
    axes.set_yticklabels([str(r) if r < 100 else "" for r in RINGS], fontsize=7, color="#7a7a7a")
    axes.set_xticks(angles)
    axes.tick_params(axis="x", pad=6)
    axes.grid(color="#d0d4da", linewidth=0.7)
    axes.spines["polar"].set_color("#b8bec8")

    closed = [*angles, angles[0]]
    for index, (name, values) in enumerate(series):
        if len(values) != count:
            raise ValueError(f"series {name!r} has {len(values)} values for {count} labels")
        points = [math.nan if v is None else float(v) for v in values]
        ring = [*points, points[0]]
        colour = COLOURS[index % len(COLOURS)]
        axes.plot(
            closed,
            ring,
            color=colour,
            linewidth=2 if index else 1.6,
            linestyle=LINE_STYLES[index % len(LINE_STYLES)],
            marker="o",
            markersize=3.5,
            label=legend_name(name),
            gid=f"series-{index}",
        )
        # The shaded area joins the scored sections only: an N/A section is not a score of 0.
        scored = [(angle, p) for angle, p in zip(angles, points, strict=True) if not math.isnan(p)]
        if len(scored) >= 3:
            axes.fill(
                [a for a, _ in scored],
                [p for _, p in scored],
                color=colour,
                alpha=0.12,
                gid=f"fill-{index}",
            )
    axes.set_xticklabels(
        [wrap_label(text) + _na_note(series, i, lang) for i, text in enumerate(labels)],
        fontsize=8,
    )
    for angle, tick in zip(angles, axes.get_xticklabels(), strict=True):
        # Anchor each label on the side facing its spoke, so neighbours below the chart (long
        # English names) grow apart instead of into each other.
        across = math.sin(angle)
        tick.set_horizontalalignment(
            "left" if across > 0.2 else "right" if across < -0.2 else "center"
        )
    if series:
        long_names = any(len(legend_name(name)) > LEGEND_PAIR_CHARS for name, _ in series)
        figure.legend(
            loc="outside lower center",
            # Two long names side by side are wider than the chart: one under the other.
            ncols=1 if long_names else min(len(series), 2),
            frameon=False,
            fontsize=9,
        )
    return figure


def legend_name(name: str, limit: int = LEGEND_MAX_CHARS) -> str:
    """*name* as the legend shows it: cut at *limit* characters (Chinese counting double)."""
    used, cut = 0, len(name)
    for position, ch in enumerate(name):
        used += 2 if _is_cjk(ch) else 1
        if used > limit:
            cut = position
            break
    return name if cut == len(name) else name[: max(cut - 1, 1)].rstrip() + "…"


def _na_note(series: Sequence[tuple[str, Sequence[float | None]]], axis: int, lang: str) -> str:
    """A second line under an axis label naming the series with no score there ("" if none)."""
    missing = [name for name, values in series if values[axis] is None]
    if not missing:
        return ""
    word = _NA["zh" if lang.startswith("zh") else "en"]
    if len(missing) == len(series):
        return f"\n({word})"
    short = ", ".join(name.split(" · ")[0] for name in missing)
    return f"\n({word}: {short})"
