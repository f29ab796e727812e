"""The section-score radar drawn with reportlab itself: vector, and no matplotlib in the report.

Drawing it natively keeps the chart sharp at any zoom ("vector where possible") and saves the
second and a half that importing matplotlib and rasterising a figure cost a printed report.
The current assessment is a filled outline; an earlier one is dashed. A missing section score
leaves a gap in its outline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from qclinic.reports.fonts import draw_string, string_width
from qclinic.reports.linebreak import CANNOT_END, CANNOT_START
from qclinic.reports.styles import ACCENT, INK, MUTED, RULE

CURRENT = ACCENT
PREVIOUS = colors.HexColor("#c05621")
RINGS = (20, 40, 60, 80, 100)
LABEL_SIZE = 8.0
LABEL_WIDTH = 34 * 72 / 25.4  # points: a label wraps onto a second line past 34 mm


class RadarChart(Flowable):
    """A radar of section percentages (0–100) for one or two assessments."""

    def __init__(
        self,
        labels: Sequence[str],
        series: Sequence[tuple[str, Sequence[float | None]]],
        width: float,
        height: float,
    ) -> None:
        super().__init__()
        self.labels = list(labels)
        self.series = list(series)
        self.width = width
        self.height = height

    def flowable(self) -> RadarChart:
        return self

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def _point(self, index: int, value: float, radius: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * index / len(self.labels)
        r = radius * max(0.0, min(100.0, value)) / 100.0
        return self.width / 2 + r * math.cos(angle), self.height / 2 + r * math.sin(angle)

    def draw(self) -> None:
        canvas = self.canv
        count = len(self.labels)
        radius = min(self.width, self.height) / 2 - 2 * LABEL_SIZE - 18
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.setStrokeColor(RULE)
        for ring in RINGS:
            points = [self._point(i, ring, radius) for i in range(count)]
            path = canvas.beginPath()
            path.moveTo(*points[0])
            for point in points[1:]:
                path.lineTo(*point)
            path.close()
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.setFillColor(MUTED)
        for ring in RINGS[:-1]:
            x, y = self._point(0, ring, radius)
            draw_string(canvas, x + 2, y + 1, str(ring), 6.5)
        for i in range(count):
            canvas.line(self.width / 2, self.height / 2, *self._point(i, 100, radius))
        for number, (_name, values) in enumerate(self.series):
            previous = number < len(self.series) - 1
            self._outline(values, radius, PREVIOUS if previous else CURRENT, dashed=previous)
        canvas.setFillColor(INK)
        for i, label in enumerate(self.labels):
            self._label(i, label, radius)
        self._legend()
        canvas.restoreState()

    def _outline(
        self, values: Sequence[float | None], radius: float, colour: colors.Color, dashed: bool
    ) -> None:
        canvas = self.canv
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(1.6)
        canvas.setDash(4, 3) if dashed else canvas.setDash()
        points = [
            self._point(i, v, radius) if v is not None else None for i, v in enumerate(values)
        ]
        if all(p is not None for p in points):
            path = canvas.beginPath()
            first, *rest = points
            assert first is not None
            path.moveTo(*first)
            for point in rest:
                assert point is not None
                path.lineTo(*point)
            path.close()
            canvas.setFillColor(colour, alpha=0.08 if dashed else 0.16)
            canvas.drawPath(path, stroke=1, fill=1)
        else:  # gaps where a section has no score
            for i, point in enumerate(points):
                following = points[(i + 1) % len(points)]
                if point is not None and following is not None:
                    canvas.line(*point, *following)
        canvas.setFillColor(colour)
        for point in points:
            if point is not None:
                canvas.circle(*point, 1.8, stroke=0, fill=1)
        canvas.setDash()

    def _label(self, index: int, text: str, radius: float) -> None:
        angle = math.pi / 2 - 2 * math.pi * index / len(self.labels)
        cos, sin = math.cos(angle), math.sin(angle)
        x = self.width / 2 + (radius + 8) * cos
        y = self.height / 2 + (radius + 8) * sin
        lines = _wrap(text)
        anchor = "centre" if abs(cos) < 0.2 else ("left" if cos > 0 else "right")
        step = LABEL_SIZE + 1.5
        top = y + (len(lines) - 1) * step if sin > 0.2 else y + (len(lines) - 1) * step / 2
        if sin < -0.2:
            top = y - LABEL_SIZE
        for n, line in enumerate(lines):
            draw_string(
                self.canv, x, top - n * step - LABEL_SIZE / 3, line, LABEL_SIZE, anchor=anchor
            )

    def _legend(self) -> None:
        canvas = self.canv
        x, y = 4.0, self.height - 10.0
        for number, (name, _values) in enumerate(self.series):
            previous = number < len(self.series) - 1
            canvas.setStrokeColor(PREVIOUS if previous else CURRENT)
            canvas.setLineWidth(1.6)
            canvas.setDash(4, 3) if previous else canvas.setDash()
            canvas.line(x, y + 3, x + 18, y + 3)
            canvas.setDash()
            canvas.setFillColor(INK)
            draw_string(canvas, x + 22, y, name, 7.5)
            x += 30 + string_width(name, 7.5)


def _wrap(text: str) -> list[str]:
    """One or two lines no wider than the label width (a third is cut with an ellipsis).

    Latin words stay whole (lines break at spaces); Chinese breaks between any two characters,
    but closing punctuation never starts a line and opening punctuation never ends one.
    """
    pieces = [p for p in re.findall(r"[A-Za-z0-9()&/.,'-]+\s*|\s+|.", text) if p]
    lines: list[str] = []
    current: list[str] = []
    for piece in pieces:
        joined = "".join(current)
        if string_width((joined + piece).rstrip(), LABEL_SIZE) > LABEL_WIDTH and joined.strip():
            carried = [piece]
            while len(current) > 1 and (
                carried[0][0] in CANNOT_START or current[-1].rstrip()[-1:] in CANNOT_END
            ):
                carried.insert(0, current.pop())
            lines.append("".join(current).rstrip())
            current = [carried[0].lstrip(), *carried[1:]]
        else:
            current.append(piece)
    lines.append("".join(current).rstrip())
    if len(lines) > 2:
        lines = [lines[0], lines[1][:-1] + "…"]
    return lines


class FittedRadar(Flowable):
    """The radar, its title and note, shrunk so the section table below starts on its page.

    At layout time the radar measures the room left in the frame and takes what the table does
    not need (never more than its own size, never less than ``MIN_RADAR``). When the table is
    too long for that, the radar still leaves ``TABLE_START`` for the table's first rows, so no
    page ever holds the radar alone.
    """

    MIN_RADAR = 70 * mm
    TABLE_START = 40 * mm
    GAP = 3 * mm  # between the note and the table

    def __init__(self, radar: RadarChart, title: Flowable, note: Flowable | None, below: Table):
        super().__init__()
        self.radar = radar
        self.title = title
        self.note = note
        self.below = below
        self.preferred = radar.height
        self.width = 0.0
        self.height = 0.0

    def _parts(self) -> list[Flowable]:
        return [self.title, self.radar] + ([self.note] if self.note is not None else [])

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        text = sum(f.wrap(avail_width, avail_height)[1] for f in (self.title, self.note) if f)
        table = self.below.wrap(avail_width, avail_height)[1]
        room = avail_height - text - self.GAP - 3 * mm
        size = min(self.preferred, room - table)
        if size < self.MIN_RADAR:
            size = min(self.preferred, max(self.MIN_RADAR, room - self.TABLE_START))
        self.radar.height = size
        self.width, self.height = avail_width, text + size + self.GAP
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for part in self._parts():
            w, h = part.wrap(self.width, self.height)
            y -= h
            x = (self.width - w) / 2 if part is self.radar else 0
            part.drawOn(self.canv, x, y)
