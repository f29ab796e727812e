"""The dashboard's charts updated in place show the new numbers, as a fresh drawing would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from qclinic.charts import portfolio_figures as charts
from qclinic.charts import portfolio_update as in_place
from qclinic.charts.portfolio_figures import COVERAGE, GRADES, bars
from qclinic.core.vocabulary import NqiCategory

MONTHS = ["2026-01", "2026-02", "2026-03"]
FIELDS = [str(f) for f in NqiCategory]
#: per chart: the numbers drawn first, then the numbers put in place (same categories)
CASES: dict[str, tuple[tuple[Any, ...], tuple[Any, ...]]] = {
    "grades": (
        ({"A": 1, "B": 2, "ungraded": 3}, {"C": 4}),
        ({"A": 12, "C": 1, "D": 7}, {"B": 2, "ungraded": 30}),
    ),
    "coverage": (
        ({k: (1, 4) for k in COVERAGE},),
        ({"iso9001": (3, 3), "apqp": (0, 3), "msa": (2, 3), "spc": (1, 3)},),
    ),
    "problems": (
        ({FIELDS[0]: (2, 1)},),
        ({FIELDS[0]: (0, 0), FIELDS[2]: (15, 9), FIELDS[-1]: (1, 0)},),
    ),
    "services": (
        (MONTHS, {"visits": [1, 0, 2], "assessments": [0, 1, 0], "cases": [0, 0, 1]}),
        (
            MONTHS,
            {
                "visits": [0, 9, 2],
                "assessments": [4, 0, 3],
                "cases": [1, 1, 0],
                "referrals": [0, 2, 1],
            },
        ),
    ),
}


def _figure(draw: Callable[..., None], args: tuple[Any, ...], lang: str) -> Figure:
    figure = Figure(figsize=(5, 3), dpi=100)
    FigureCanvasAgg(figure)
    draw(figure, *args, lang)
    figure.canvas.draw()
    return figure


def _picture(figure: Figure) -> dict[str, Any]:
    """Every bar's rectangle, every label's words and anchor, the axes' limits (rounded to
    1e-9: a label's anchor is the bar's middle, computed in another order)."""
    ax = figure.axes[0]
    labels = {
        t.get_gid(): (t.get_text(), _rounded(getattr(t, "xy", t.get_position())))
        for t in ax.texts
        if t.get_gid()
    }
    rects = {
        g: (b.get_x(), b.get_y(), b.get_width(), b.get_height()) for g, b in bars(figure).items()
    }
    return {"bars": rects, "labels": labels, "limits": _rounded((*ax.get_xlim(), *ax.get_ylim()))}


def _rounded(values: Any) -> tuple[float, ...]:
    return tuple(round(float(v), 9) for v in values)


@pytest.mark.parametrize("chart", list(CASES))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_new_numbers_in_place_equal_a_fresh_drawing(chart: str, lang: str) -> None:
    before, after = CASES[chart]
    draw, update = getattr(charts, f"draw_{chart}"), getattr(in_place, f"update_{chart}")
    figure = _figure(draw, before, lang)
    drawn_bars = set(bars(figure).values())
    assert update(figure, *after, lang)
    assert set(bars(figure).values()) == drawn_bars  # the same bars, not new ones
    figure.canvas.draw()
    assert _picture(figure) == _picture(_figure(draw, after, lang))


def test_the_bars_show_the_numbers_given() -> None:
    figure = _figure(charts.draw_grades, CASES["grades"][0], "en")
    now, previous = CASES["grades"][1]
    assert in_place.update_grades(figure, now, previous, "en")
    found = bars(figure)
    for grade in GRADES:
        assert found[f"grades:now:{grade}"].get_height() == now.get(grade, 0)
        assert found[f"grades:previous:{grade}"].get_height() == previous.get(grade, 0)
    labels = {t.get_gid(): t.get_text() for t in figure.axes[0].texts}
    assert labels["label:grades:now:A"] == "12"
    assert figure.axes[0].get_ylim()[1] >= 30  # the tallest bar fits
    figure = _figure(charts.draw_services, CASES["services"][0], "en")
    months, series = CASES["services"][1]
    assert in_place.update_services(figure, months, series, "en")
    found = bars(figure)
    for i, month in enumerate(months):
        below = 0
        for kind in ("visits", "assessments", "cases"):
            bar = found[f"services:{month}:{kind}"]
            assert (bar.get_y(), bar.get_height()) == (below, series[kind][i])
            below += series[kind][i]


def test_another_shape_or_language_is_drawn_anew() -> None:
    figure = _figure(charts.draw_grades, CASES["grades"][0], "en")
    now, _previous = CASES["grades"][1]
    assert not in_place.update_grades(figure, now, None, "en")  # no previous period
    assert not in_place.update_grades(figure, now, {}, "zh")  # another language
    assert not in_place.update_grades(figure, {}, {}, "en")  # no data: "no data yet"
    assert not in_place.update_problems(figure, {FIELDS[0]: (1, 1)}, "en")  # another chart
    empty = _figure(charts.draw_grades, ({}, {}), "en")
    assert not in_place.update_grades(empty, now, {}, "en")
    services = _figure(charts.draw_services, CASES["services"][0], "en")
    other_months = (["2026-02", "2026-03", "2026-04"], CASES["services"][1][1])
    assert not in_place.update_services(services, *other_months, "en")
    assert bars(figure)["grades:now:A"].get_height() == 1  # declined: nothing changed
