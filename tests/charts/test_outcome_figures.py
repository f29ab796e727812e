"""The outcome trend shows the points it is given: a line for a level, one bar per period for a
flow, each visit as a dashed line labelled in the chart's language, a title in each language;
nothing to show says so."""

from __future__ import annotations

import io
from datetime import date

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from qclinic.charts.outcome_figures import draw_trend
from qclinic.core.vocabulary import OutcomeKind, VisitKind

POINTS = [(date(2025, 6, 30), 96.2), (date(2025, 3, 31), 95.8), (date(2025, 9, 30), 98.0)]


def _figure() -> Figure:
    figure = Figure(figsize=(4, 2.5), dpi=100)
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Figure) -> None:
    figure.savefig(io.BytesIO(), format="png")  # draws every text: a missing glyph would warn


@pytest.mark.parametrize(
    ("lang", "title", "clinic", "follow_up"),
    [
        ("zh", "产品合格率 (%)", "现场门诊 05-01", "跟踪回访 10-20"),
        ("en", "Product pass rate (%)", "On-site clinic 05-01", "Follow-up 10-20"),
    ],
)
def test_a_level_is_a_line_through_its_points_by_period(
    lang: str, title: str, clinic: str, follow_up: str
) -> None:
    figure = _figure()
    visits = [
        (date(2025, 10, 20), VisitKind.FOLLOW_UP),
        (date(2025, 5, 1), VisitKind.ONSITE_CLINIC),
    ]
    draw_trend(figure, OutcomeKind.PASS_RATE, POINTS, lang, visits=visits)
    (ax,) = figure.axes
    assert ax.get_title(loc="left") == title
    line = next(x for x in ax.lines if x.get_gid() == "outcome:pass-rate")
    ordered = sorted(POINTS)
    assert list(line.get_xdata()) == [d.toordinal() for d, _v in ordered]
    assert list(line.get_ydata()) == [v for _d, v in ordered]
    dashed = {x.get_gid(): x.get_xdata()[0] for x in ax.lines if x.get_linestyle() == "--"}
    assert dashed == {
        "visit:2025-05-01": date(2025, 5, 1).toordinal(),
        "visit:2025-10-20": date(2025, 10, 20).toordinal(),
    }
    labels = {t.get_gid(): t.get_text().strip() for t in ax.texts}
    assert labels == {"visit-label:2025-05-01": clinic, "visit-label:2025-10-20": follow_up}
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
