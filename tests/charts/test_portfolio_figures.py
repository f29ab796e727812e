"""The dashboard's figures show the numbers they are given, name each bar, and find it by a click."""

from __future__ import annotations

import io

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from qclinic.charts.portfolio_figures import (
    COVERAGE,
    GRADES,
    bar_at,
    bars,
    draw_coverage,
    draw_grades,
    draw_problems,
    draw_services,
)
from qclinic.core.vocabulary import NqiCategory


def _figure() -> Figure:
    figure = Figure(figsize=(5, 3), dpi=100)
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Figure) -> None:
    figure.savefig(io.BytesIO(), format="png")  # draws every text: a missing glyph would warn


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_grades_now_beside_the_previous_period(lang: str) -> None:
    now = {"A": 4, "B": 7, "C": 2, "ungraded": 5}  # no D: drawn as 0
    previous = {"A": 2, "B": 6, "C": 5, "D": 1, "ungraded": 9}
    figure = _figure()
    draw_grades(figure, now, previous, lang)
    found = bars(figure)
    for grade in GRADES:
        assert found[f"grades:now:{grade}"].get_height() == now.get(grade, 0)
        assert found[f"grades:previous:{grade}"].get_height() == previous.get(grade, 0)
        # the two bars of a grade stand side by side, the previous one on the left
        left = found[f"grades:previous:{grade}"].get_x()
        assert left < found[f"grades:now:{grade}"].get_x()
    (ax,) = figure.axes
    labels = [t.get_text() for t in ax.get_xticklabels()]
    expected = (
        ["A 级", "B 级", "C 级", "D 级", "未评级"]
        if lang == "zh"
        else ["Grade A", "Grade B", "Grade C", "Grade D", "Not graded"]
    )
    assert labels == expected
    # the count is written on each bar
    written = sorted(int(t.get_text()) for t in ax.texts)
    assert written == sorted([now.get(g, 0) for g in GRADES] + [previous.get(g, 0) for g in GRADES])
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == (["上期", "本期"] if lang == "zh" else ["Previous period", "This period"])
    _png(figure)


def test_grades_without_a_previous_period_and_without_data() -> None:
    figure = _figure()
    draw_grades(figure, {"B": 3}, None, "en")
    found = bars(figure)
    assert set(found) == {f"grades:now:{g}" for g in GRADES}
    assert found["grades:now:B"].get_height() == 3
    draw_grades(figure, {}, {}, "zh")
    assert bars(figure) == {}
    assert [t.get_text() for t in figure.axes[0].texts] == ["暂无数据"]
    _png(figure)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_coverage_bars_are_the_shares_of_companies(lang: str) -> None:
    coverage = {"iso9001": (18, 24), "apqp": (6, 24), "msa": (9, 24), "spc": (0, 24)}
    figure = _figure()
    draw_coverage(figure, coverage, lang)
    found = bars(figure)
    for key in COVERAGE:
        covered, of = coverage[key]
        assert found[f"coverage:{key}"].get_width() == pytest.approx(100 * covered / of)
        assert found[f"coverage:{key}:missing"].get_width() == 100
    (ax,) = figure.axes
    assert [t.get_text() for t in ax.get_yticklabels()] == ["SPC", "MSA", "APQP", "ISO 9001"]
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["0/24 · 0%", "9/24 · 38%", "6/24 · 25%", "18/24 · 75%"]
    _png(figure)


def test_coverage_of_no_company_says_so() -> None:
    figure = _figure()
    draw_coverage(figure, {k: (0, 0) for k in COVERAGE}, "en")
    assert bars(figure) == {}
    assert figure.axes[0].texts[0].get_text() == "No data yet"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_problems_received_and_solved_by_field(lang: str) -> None:
    by_field = {"metrology": (12, 9), "special-equipment": (5, 5), "standards": (3, 0)}
    figure = _figure()
    draw_problems(figure, by_field, lang)
    found = bars(figure)
    assert len(found) == 2 * len(NqiCategory)
    for field in NqiCategory:
        received, solved = by_field.get(str(field), (0, 0))
        assert found[f"problems:{field}:received"].get_width() == received
        assert found[f"problems:{field}:solved"].get_width() == solved
    (ax,) = figure.axes
    # the counts are written on the bars, zeros left out
    written = sorted(int(t.get_text()) for t in ax.texts if t.get_text())
    assert written == sorted(v for pair in by_field.values() for v in pair if v)
    top = ax.get_yticklabels()[-1].get_text()  # the vocabulary's first field is drawn on top
    assert top == ("计量" if lang == "zh" else "Metrology")
    _png(figure)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_services_stack_per_month(lang: str) -> None:
    months = ["2026-01", "2026-02", "2026-03"]
    series = {"visits": [3, 0, 5], "assessments": [2, 1, 4], "cases": [1, 2, 0]}
    figure = _figure()
    draw_services(figure, months, series, lang)
    found = bars(figure)
    for i, month in enumerate(months):
        below = 0
        for kind in ("visits", "assessments", "cases"):
            bar = found[f"services:{month}:{kind}"]
            assert bar.get_height() == series[kind][i]
            assert bar.get_y() == below  # stacked on the kinds before it
            below += series[kind][i]
    (ax,) = figure.axes
    assert [t.get_text() for t in ax.get_xticklabels()] == months
    _png(figure)


def test_a_click_finds_the_bar_under_it() -> None:
    figure = _figure()
    draw_grades(figure, {"A": 4, "B": 8}, {"A": 1, "B": 2}, "en")
    figure.canvas.draw()
    target = bars(figure)["grades:now:B"]
    x, y = target.axes.transData.transform(
        (target.get_x() + target.get_width() / 2, target.get_y() + target.get_height() / 2)
    )
    assert bar_at(figure, x, y) == "grades:now:B"
    # the coverage bar is found over the grey track behind it, the track beside it
    draw_coverage(figure, {"iso9001": (1, 4), "apqp": (0, 4), "msa": (0, 4), "spc": (0, 4)}, "en")
    figure.canvas.draw()
    covered = bars(figure)["coverage:iso9001"]
    middle_y = covered.get_y() + covered.get_height() / 2
    transform = covered.axes.transData
    assert bar_at(figure, *transform.transform((10, middle_y))) == "coverage:iso9001"
    assert bar_at(figure, *transform.transform((80, middle_y))) == "coverage:iso9001:missing"
    assert bar_at(figure, *transform.transform((120, middle_y))) is None
