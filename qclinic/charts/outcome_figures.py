"""The organization page's outcome trend: one kind's figures over the periods.

Pure matplotlib (no pyplot state, no widgets), like :mod:`qclinic.charts.portfolio_figures`:
:func:`draw_trend` fills a :class:`~matplotlib.figure.Figure` from plain points (date, value).
A level (the pass rate, complaints, PPM, certificates) is a line with a marker per period; a
flow (standards, patents, awards) is a bar per period. A vertical dashed line marks a day given
as *marker* (the clinic's visit), so "before" and "after" read at a glance. The line carries the
gid ``outcome:<kind>``; the bars ``outcome:<kind>:<ISO date>``. The x axis is the day's
ordinal (:meth:`datetime.date.toordinal`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from qclinic.charts.fonts import register_cjk_font
from qclinic.core import outcomes as rules
from qclinic.core.catalogue import say
from qclinic.core.vocabulary import OutcomeKind, VisitKind

LINE_COLOUR = "#1f6fd1"
BAR_COLOUR = "#2e7d32"
MARKER_COLOUR = "#c05621"
TITLE_SIZE = 10
LABEL_SIZE = 8


def draw_trend(
    figure: Figure,
    kind: OutcomeKind,
    points: Sequence[tuple[date, float]],
    lang: str,
    visits: Sequence[tuple[date, VisitKind]] = (),
) -> None:
    """Draw *kind*'s *points* (by period) on *figure*, titled in *lang*, each of *visits* a
    dashed line labelled with its kind and day."""
    register_cjk_font()
    figure.clear()
    ax = figure.add_subplot(1, 1, 1)
    unit = rules.UNITS.get(kind, "")
    title = rules.kind_label(kind).get(lang) + (f" ({unit})" if unit else "")
    ax.set_title(title, fontsize=TITLE_SIZE, loc="left")
    ax.tick_params(labelsize=LABEL_SIZE)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if not points:
        ax.text(
            0.5,
            0.5,
            say("dashboard.no_data", lang),
            ha="center",
            va="center",
            fontsize=LABEL_SIZE + 1,
            color="#777777",
            transform=ax.transAxes,
        )
        ax.set_xticks([])
        ax.set_yticks([])
        return
    ordered = sorted(points)
    xs = [float(day.toordinal()) for day, _value in ordered]
    ys = [value for _day, value in ordered]
    if kind in rules.FLOWS:
        for x, y, (day, _value) in zip(xs, ys, ordered, strict=True):
            (bar,) = ax.bar([x], [y], width=30, color=BAR_COLOUR)
            bar.set_gid(f"outcome:{kind.value}:{day.isoformat()}")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylim(bottom=0)
    else:
        (line,) = ax.plot(xs, ys, marker="o", color=LINE_COLOUR, linewidth=1.6, markersize=4)
        line.set_gid(f"outcome:{kind.value}")
        if kind in rules.COUNTS:
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        low, high = min(ys), max(ys)
        pad = (high - low) * 0.15 or max(abs(high) * 0.02, 1.0)
        top = high + pad
        if kind is OutcomeKind.PASS_RATE:
            top = min(top, 100.0 + pad / 3)
        ax.set_ylim(max(low - pad, 0.0), top)
    marked = sorted(set(visits))
    for day, _kind in marked:
        line = ax.axvline(float(day.toordinal()), color=MARKER_COLOUR, linestyle="--", linewidth=1)
        line.set_gid(f"visit:{day.isoformat()}")
    low, high = ax.get_xlim()  # with every line drawn
    previous, lowered = None, False
    for day, visit_kind in marked:
        x = float(day.toordinal())
        # a label close after the one before goes a line lower, so both stay legible
        lowered = previous is not None and (x - previous) < 0.22 * (high - low) and not lowered
        previous = x
        note = ax.text(
            x,
            0.93 if lowered else 1.0,
            f" {say(f'vocabulary.{visit_kind.value}', lang)} {day.strftime('%m-%d')}",
            transform=ax.get_xaxis_transform(),
            ha="left",
            va="top",
            fontsize=LABEL_SIZE - 1,
            color=MARKER_COLOUR,
        )
        note.set_gid(f"visit-label:{day.isoformat()}")
    ax.xaxis.set_major_formatter(FuncFormatter(_month))
    for label in ax.get_xticklabels():
        label.set_rotation(30)
        label.set_horizontalalignment("right")
    figure.tight_layout()


def _month(x: float, _position: int | None = None) -> str:
    """An x position (a proleptic ordinal day) as ``YYYY-MM``."""
    return date.fromordinal(max(round(x), 1)).strftime("%Y-%m")
