"""The outcome trend shows the points it is given: a line for a level, one bar per period for a
flow, the visit as a dashed line, a title in each language; nothing to show says so."""

from __future__ import annotations

import io
from datetime import date

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from qclinic.charts.outcome_figures import draw_trend
from qclinic.core.vocabulary import OutcomeKind

POINTS = [(date(2025, 6, 30), 96.2), (date(2025, 3, 31), 95.8), (date(2025, 9, 30), 98.0)]


def _figure() -> Figure:
    figure = Figure(figsize=(4, 2.5), dpi=100)
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Figure) -> None:
    figure.savefig(io.BytesIO(), format="png")  # draws every text: a missing glyph would warn


@pytest.mark.parametrize(
    ("lang", "title"), [("zh", "产品合格率 (%)"), ("en", "Product pass rate (%)")]
)
def test_a_level_is_a_line_through_its_points_by_period(lang: str, title: str) -> None:
    figure = _figure()
    draw_trend(figure, OutcomeKind.PASS_RATE, POINTS, lang, marker=date(2025, 5, 1))
    (ax,) = figure.axes
    assert ax.get_title(loc="left") == title
    line = next(x for x in ax.lines if x.get_gid() == "outcome:pass-rate")
    ordered = sorted(POINTS)
    assert list(line.get_xdata()) == [d.toordinal() for d, _v in ordered]
    assert list(line.get_ydata()) == [v for _d, v in ordered]
    dashed = [x for x in ax.lines if x.get_linestyle() == "--"]
    assert len(dashed) == 1 and dashed[0].get_xdata()[0] == date(2025, 5, 1).toordinal()
    low, high = ax.get_ylim()
    assert low <= 95.8 and 98.0 <= high <= 100.5
    _png(figure)


def test_a_flow_is_one_bar_per_period() -> None:
    figure = _figure()
    points = [(date(2025, 6, 30), 1.0), (date(2026, 9, 30), 3.0)]
    draw_trend(figure, OutcomeKind.STANDARDS, points, "zh")
    (ax,) = figure.axes
    heights = {p.get_gid(): p.get_height() for p in ax.patches}
    assert heights == {"outcome:standards:2025-06-30": 1.0, "outcome:standards:2026-09-30": 3.0}
    _png(figure)


def test_no_points_says_so() -> None:
    figure = _figure()
    draw_trend(figure, OutcomeKind.PPM, [], "en")
    (ax,) = figure.axes
    assert [t.get_text() for t in ax.texts] == ["No data yet"]
    _png(figure)
