"""The dashboard's charts updated in place: new numbers on the bars already drawn.

Switching the dashboard's chain changes the numbers but not the categories (the same grades,
4 × 100% keys, NQI fields and months), so rebuilding each figure (clearing it, new axes, new
bars, new labels: most of a redraw) is not needed. Each ``update_*`` takes the arguments of the
matching ``draw_*`` of :mod:`qclinic.charts.portfolio_figures`, sets the heights (or widths) of
its bars and the text and place of their labels, rescales the value axis as the drawing would,
and returns True; it returns False, changing nothing, when the figure does not hold exactly the
bars that drawing would make (first drawing, another language, "no data" before or after,
another period's months, a previous period appearing or going), and the caller draws anew.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation, Text

from qclinic.charts.portfolio_figures import COVERAGE, GRADES, SERVICES, bars
from qclinic.core.catalogue import say
from qclinic.core.vocabulary import NqiCategory

_Parts = tuple[Axes, dict[str, Rectangle], dict[str, Text]]


def _parts(figure: Figure, title: str, lang: str, gids: set[str]) -> _Parts | None:
    """The axes, bars and labels of *figure* if it is the chart titled *title* in *lang* with
    exactly the bars *gids*."""
    if len(figure.axes) != 1:
        return None
    ax = figure.axes[0]
    found = bars(figure)
    if ax.get_title(loc="left") != say(title, lang) or set(found) != gids:
        return None
    labels = {}
    for text in ax.texts:
        gid = text.get_gid() or ""
        if gid.startswith("label:"):
            labels[gid.removeprefix("label:")] = text
    return ax, found, labels


def _label(text: Text | None, words: str, at: tuple[float, float]) -> None:
    if text is None:
        return
    text.set_text(words)
    if isinstance(text, Annotation):
        text.xy = at


def _rescale(ax: Axes, top: float, horizontal: bool = False) -> None:
    """Scale the value axis to bars from 0 to *top*, the other axis kept, as a drawing would
    (``relim`` over every bar costs more than the rest of an update)."""
    lim = ax.dataLim
    points = [(0.0, lim.y0), (top, lim.y1)] if horizontal else [(lim.x0, 0.0), (lim.x1, top)]
    ax.ignore_existing_data_limits = True
    ax.update_datalim(points)
    ax.autoscale_view()


def update_grades(
    figure: Figure, now: Mapping[str, int], previous: Mapping[str, int] | None, lang: str = "zh"
) -> bool:
    """:func:`~qclinic.charts.portfolio_figures.draw_grades`'s numbers, in place."""
    periods = {"now": now, **({"previous": previous} if previous is not None else {})}
    if not any(counts.get(g, 0) for counts in periods.values() for g in GRADES):
        return False  # "no data" is drawn
    gids = {f"grades:{period}:{g}" for period in periods for g in GRADES}
    parts = _parts(figure, "dashboard.grades_title", lang, gids)
    if parts is None:
        return False
    ax, found, labels = parts
    for period, counts in periods.items():
        for grade in GRADES:
            gid = f"grades:{period}:{grade}"
            bar, value = found[gid], int(counts.get(grade, 0))
            bar.set_height(value)
            _label(labels.get(gid), f"{value:g}", (bar.get_x() + bar.get_width() / 2, value))
    _rescale(ax, max(int(c.get(g, 0)) for c in periods.values() for g in GRADES))
    return True


def update_coverage(
    figure: Figure, coverage: Mapping[str, tuple[int, int]], lang: str = "zh"
) -> bool:
    """:func:`~qclinic.charts.portfolio_figures.draw_coverage`'s numbers, in place."""
    if not any(coverage.get(k, (0, 0))[1] for k in COVERAGE):
        return False
    gids = {f"coverage:{k}" for k in COVERAGE} | {f"coverage:{k}:missing" for k in COVERAGE}
    parts = _parts(figure, "dashboard.coverage_title", lang, gids)
    if parts is None:
        return False
    _ax, found, labels = parts
    for key in COVERAGE:
        covered, of = coverage.get(key, (0, 0))
        share = 100.0 * covered / of if of else 0.0
        bar = found[f"coverage:{key}"]
        bar.set_width(share)
        words = say("dashboard.share", lang, covered=covered, of=of, share=share)
        _label(labels.get(f"coverage:{key}"), words, (101, bar.get_y() + bar.get_height() / 2))
    return True  # the share axis is fixed at 0–135


def update_problems(
    figure: Figure, by_field: Mapping[str, tuple[int, int]], lang: str = "zh"
) -> bool:
    """:func:`~qclinic.charts.portfolio_figures.draw_problems`'s numbers, in place."""
    fields = [str(f) for f in NqiCategory]
    if not any(sum(by_field.get(f, (0, 0))) for f in fields):
        return False
    kinds = ("received", "solved")
    gids = {f"problems:{f}:{kind}" for f in fields for kind in kinds}
    parts = _parts(figure, "dashboard.problems_title", lang, gids)
    if parts is None:
        return False
    ax, found, labels = parts
    for field in fields:
        for k, kind in enumerate(kinds):
            gid = f"problems:{field}:{kind}"
            bar, value = found[gid], int(by_field.get(field, (0, 0))[k])
            bar.set_width(value)
            at = (value, bar.get_y() + bar.get_height() / 2)
            _label(labels.get(gid), str(value) if value else "", at)
    _rescale(ax, max(int(v) for f in fields for v in by_field.get(f, (0, 0))), horizontal=True)
    return True


def update_services(
    figure: Figure, months: Sequence[str], series: Mapping[str, Sequence[int]], lang: str = "zh"
) -> bool:
    """:func:`~qclinic.charts.portfolio_figures.draw_services`'s numbers, in place (the months
    must be the ones drawn)."""
    if not months or not any(any(series.get(k, ())) for k in SERVICES):
        return False
    gids = {f"services:{month}:{kind}" for month in months for kind in SERVICES}
    parts = _parts(figure, "dashboard.services_title", lang, gids)
    if parts is None:
        return False
    ax, found, _labels = parts
    bottoms = [0] * len(months)
    for kind in SERVICES:
        values = [int(v) for v in series.get(kind, [0] * len(months))]
        for i, month in enumerate(months):
            bar = found[f"services:{month}:{kind}"]
            bar.set_y(bottoms[i])
            bar.set_height(values[i])
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    _rescale(ax, max(bottoms))
    return True
