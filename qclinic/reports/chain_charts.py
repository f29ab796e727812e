"""The chain report's charts, drawn with reportlab itself (vector, like the assessment radar).

One flowable, :class:`BarChart`: horizontal bars, one row per category, one bar per series (for
example "now" and "previous period"), each bar labelled with its value. Horizontal because the
categories are words — NQI fields, grades, 4 × 100% items — that read better beside a bar than
under it, in Chinese and in English alike. The builders below make the report's three charts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.platypus import Flowable

from qclinic.reports import fonts
from qclinic.reports.chain_data import (
    GRADES,
    UNGRADED,
    ChainReportData,
)
from qclinic.reports.i18n import label
from qclinic.reports.styles import ACCENT, GRADE_COLOURS, INK, MUTED, RULE

PREVIOUS = colors.HexColor("#a0aec0")
SOLVED = colors.HexColor("#2f855a")
LABEL_SIZE = 8.0
VALUE_SIZE = 7.0


def say(key: str, lang: str, **values: object) -> str:
    """The chain report's word *key* (catalogue area ``chain_report``) in *lang*."""
    from qclinic.core.catalogue import say as catalogue_say

    return catalogue_say(f"chain_report.{key}", lang, **values)


class BarChart(Flowable):
    """Horizontal grouped bars: *categories* × *series* (name, colour, values)."""

    def __init__(
        self,
        title: str,
        categories: Sequence[str],
        series: Sequence[tuple[str, colors.Color, Sequence[float]]],
        width: float,
        *,
        maximum: float | None = None,
        value_text: Callable[[int, int], str] | None = None,
        bar_colours: Sequence[colors.Color] | None = None,
    ) -> None:
        super().__init__()
        self.title = title
        self.categories = list(categories)
        self.series = [(name, colour, list(values)) for name, colour, values in series]
        self.width = width
        self.maximum = maximum
        #: (category index, series index) → the label printed after the bar
        self.value_text = value_text
        #: a colour per category for a one-series chart (the grades keep their badge colours)
        self.bar_colours = list(bar_colours) if bar_colours else None
        self.bar = 7.0 if len(self.series) > 1 else 9.0
        self.row = self.bar * len(self.series) + 6.0
        self.height = 22.0 + self.row * len(self.categories) + (14.0 if len(series) > 1 else 0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _label(self, category: int, index: int, value: float) -> str:
        if self.value_text is not None:
            return self.value_text(category, index)
        return f"{value:g}"

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(INK)
        fonts.draw_string(canvas, 0, self.height - 10, self.title, 9, bold=True)
        label_width = max((fonts.string_width(c, LABEL_SIZE) for c in self.categories), default=0)
        left = label_width + 8
        right = self.width - 58  # room for the value labels
        peak = self.maximum or max((max(v, default=0) for _n, _c, v in self.series), default=0)
        scale = (right - left) / peak if peak > 0 else 0.0
        top = self.height - 22
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        bottom = top - self.row * len(self.categories)
        canvas.line(left, bottom, left, top)
        for row, category in enumerate(self.categories):
            y = top - row * self.row - 3
            canvas.setFillColor(INK)
            middle = y - self.bar * len(self.series) / 2 - LABEL_SIZE / 3
            fonts.draw_string(canvas, left - 6, middle, category, LABEL_SIZE, anchor="right")
            for index, (_name, colour, values) in enumerate(self.series):
                value = values[row]
                bar_y = y - (index + 1) * self.bar
                fill = self.bar_colours[row] if self.bar_colours else colour
                canvas.setFillColor(fill)
                canvas.rect(left, bar_y + 0.8, max(value * scale, 0.0), self.bar - 1.6, 0, 1)
                canvas.setFillColor(MUTED)
                text = self._label(row, index, value)
                fonts.draw_string(canvas, left + value * scale + 3, bar_y + 2, text, VALUE_SIZE)
        if len(self.series) > 1:
            self._legend(bottom - 12)

    def _legend(self, y: float) -> None:
        canvas = self.canv
        x = 0.0
        for name, colour, _values in self.series:
            canvas.setFillColor(colour)
            canvas.rect(x, y, 8, 6, 0, 1)
            canvas.setFillColor(MUTED)
            fonts.draw_string(canvas, x + 11, y, name, VALUE_SIZE)
            x += 11 + fonts.string_width(name, VALUE_SIZE) + 14


def grade_chart(data: ChainReportData, lang: str, width: float) -> BarChart:
    """The suppliers per grade, now and at the previous period's end."""
    keys = (*GRADES, UNGRADED)
    now, before = dict(data.grades), dict(data.previous_grades)
    categories = [say("grade_" + key.lower(), lang) for key in keys]
    series = [
        (say("previous_period", lang), PREVIOUS, [float(before.get(k, 0)) for k in keys]),
        (say("this_period", lang), ACCENT, [float(now.get(k, 0)) for k in keys]),
    ]
    return BarChart(say("chart_grades", lang), categories, series, width)


def coverage_chart(data: ChainReportData, lang: str, width: float) -> BarChart:
    """The four 4 × 100% shares, each bar labelled "covered / of · percent"."""
    figures = list(data.coverage)

    def value_text(row: int, _series: int) -> str:
        figure = figures[row]
        share = figure.percent
        return f"{figure.covered}/{figure.of} · " + ("—" if share is None else f"{share:.0f}%")

    return BarChart(
        say("chart_coverage", lang),
        [say("coverage_" + figure.key, lang) for figure in figures],
        [("", ACCENT, [f.percent or 0.0 for f in figures])],
        width,
        maximum=100.0,
        value_text=value_text,
        bar_colours=[GRADE_COLOURS["A"] if (f.percent or 0) >= 100 else ACCENT for f in figures],
    )


def problems_chart(data: ChainReportData, lang: str, width: float) -> BarChart | None:
    """Problems received and solved per NQI field (``None`` when there were none)."""
    fields = [p for p in data.problems if p.received or p.solved]
    if not fields:
        return None
    return BarChart(
        say("chart_problems", lang),
        [label(p.field, lang) for p in fields],
        [
            (say("received", lang), ACCENT, [float(p.received) for p in fields]),
            (say("solved", lang), SOLVED, [float(p.solved) for p in fields]),
        ],
        width,
    )


def months_chart(data: ChainReportData, lang: str, width: float) -> BarChart | None:
    """Problems received and solved per month of the period (``None`` when there were none)."""
    months = [m for m in data.months if m.received or m.solved]
    if not months:
        return None
    return BarChart(
        say("chart_months", lang),
        [m.month for m in months],
        [
            (say("received", lang), ACCENT, [float(m.received) for m in months]),
            (say("solved", lang), SOLVED, [float(m.solved) for m in months]),
        ],
        width,
    )
