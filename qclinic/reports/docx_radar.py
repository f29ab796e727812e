"""The section-score radar as a PNG for the Word copy, drawn with Pillow like the PDF's radar.

Word cannot take the PDF's vector drawing, so the same chart (:mod:`qclinic.reports.radar`: the
same geometry, rings, colours, label wrapping and legend; the current assessment filled, an
earlier one dashed) is painted with Pillow at twice its printed resolution and shrunk, which
smooths its edges. Pillow is already loaded for the photos, so this costs a few hundredths of a
second where matplotlib would cost more than one (mostly its import).
"""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from qclinic import paths
from qclinic.reports import fonts
from qclinic.reports.radar import CURRENT, LABEL_SIZE, PREVIOUS, RINGS, _wrap
from qclinic.reports.styles import INK, MUTED, RULE

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

DPI = 200
OVERSAMPLE = 2
_ANCHORS = {"left": 0.0, "centre": 0.5, "right": 1.0}


def _rgb(colour: Any) -> tuple[int, int, int]:
    red, green, blue = (round(c * 255) for c in colour.rgb())
    return red, green, blue


@functools.cache
def _font(name: str, size_px: int) -> FreeTypeFont:
    from PIL import ImageFont

    if name == fonts.CJK:
        path = paths.resources_dir() / "fonts" / fonts.CJK_FILE
    else:
        path = fonts._dejavu_dir() / "DejaVuSans.ttf"
    return ImageFont.truetype(str(path), size_px)


class _Painter:
    """Draws in reportlab's coordinates (points, y upwards) on a Pillow image."""

    def __init__(self, width: float, height: float) -> None:
        from PIL import Image, ImageDraw

        self.scale = DPI / 72 * OVERSAMPLE
        self.width, self.height = width, height
        size = (round(width * self.scale), round(height * self.scale))
        self.image = Image.new("RGB", size, "white")
        self.draw = ImageDraw.Draw(self.image)

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return x * self.scale, (self.height - y) * self.scale

    def line(
        self,
        a: tuple[float, float],
        b: tuple[float, float],
        colour: Any,
        width: float,
        dash: tuple[float, float] | None = None,
    ) -> None:
        px = max(1, round(width * self.scale))
        if dash is None:
            self.draw.line([self.xy(*a), self.xy(*b)], fill=_rgb(colour), width=px)
            return
        length = math.dist(a, b)
        on, off = dash
        start = 0.0
        while start < length:
            end = min(start + on, length)
            p = (a[0] + (b[0] - a[0]) * start / length, a[1] + (b[1] - a[1]) * start / length)
            q = (a[0] + (b[0] - a[0]) * end / length, a[1] + (b[1] - a[1]) * end / length)
            self.draw.line([self.xy(*p), self.xy(*q)], fill=_rgb(colour), width=px)
            start = end + off

    def fill(self, points: list[tuple[float, float]], colour: Any, alpha: float) -> None:
        from PIL import Image, ImageDraw

        layer = Image.new("L", self.image.size, 0)
        ImageDraw.Draw(layer).polygon([self.xy(*p) for p in points], fill=round(alpha * 255))
        self.image.paste(_rgb(colour), (0, 0, *self.image.size), mask=layer)

    def dot(self, point: tuple[float, float], colour: Any, radius: float) -> None:
        x, y = self.xy(*point)
        r = radius * self.scale
        self.draw.ellipse([x - r, y - r, x + r, y + r], fill=_rgb(colour))

    def text(
        self, x: float, y: float, value: str, size: float, colour: Any, anchor: str = "left"
    ) -> float:
        """*value* with its baseline at y, cut into runs by the font that has the glyphs."""
        pieces = [
            (_font(name, round(size * self.scale)), piece) for name, piece in fonts.runs(value)
        ]
        total = sum(font.getlength(piece) for font, piece in pieces)
        left, base = self.xy(x, y)
        left -= total * _ANCHORS[anchor]
        for font, piece in pieces:
            self.draw.text((left, base), piece, font=font, fill=_rgb(colour), anchor="ls")
            left += font.getlength(piece)
        return total / self.scale

    def png(self) -> bytes:
        from PIL import Image

        size = (self.image.width // OVERSAMPLE, self.image.height // OVERSAMPLE)
        out = io.BytesIO()
        self.image.resize(size, Image.Resampling.LANCZOS).save(out, "PNG", optimize=False)
        return out.getvalue()


def radar_png(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    width: float,
    height: float,
    pad: float = 0.0,
) -> bytes:
    """The radar of *series* (0–100 per label; the last is current) as a PNG at 200 dpi.

    The chart is laid out in width×height points as the PDF's; *pad* points more on either side
    hold the long labels the PDF lets run past its drawing's edges.
    """
    paint = _Painter(width + 2 * pad, height)
    count = len(labels)
    radius = min(width, height) / 2 - 2 * LABEL_SIZE - 18
    middle = pad + width / 2

    def point(index: int, value: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * index / count
        r = radius * max(0.0, min(100.0, value)) / 100.0
        return middle + r * math.cos(angle), height / 2 + r * math.sin(angle)

    for ring in RINGS:
        corners = [point(i, ring) for i in range(count)]
        for i, corner in enumerate(corners):
            paint.line(corner, corners[(i + 1) % count], RULE, 0.5)
    for ring in RINGS[:-1]:
        x, y = point(0, ring)
        paint.text(x + 2, y + 1, str(ring), 6.5, MUTED)
    for i in range(count):
        paint.line((middle, height / 2), point(i, 100), RULE, 0.5)
    for number, (_name, values) in enumerate(series):
        previous = number < len(series) - 1
        colour = PREVIOUS if previous else CURRENT
        dash = (4.0, 3.0) if previous else None
        points = [point(i, v) if v is not None else None for i, v in enumerate(values)]
        if all(p is not None for p in points):
            paint.fill([p for p in points if p is not None], colour, 0.08 if previous else 0.16)
        for i, p in enumerate(points):
            following = points[(i + 1) % count]
            if p is not None and following is not None:
                paint.line(p, following, colour, 1.6, dash)
        for p in points:
            if p is not None:
                paint.dot(p, colour, 1.8)
    for index, label in enumerate(labels):
        angle = math.pi / 2 - 2 * math.pi * index / count
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = middle + (radius + 8) * cos, height / 2 + (radius + 8) * sin
        lines = _wrap(label)
        anchor = "centre" if abs(cos) < 0.2 else ("left" if cos > 0 else "right")
        step = LABEL_SIZE + 1.5
        top = y + (len(lines) - 1) * step if sin > 0.2 else y + (len(lines) - 1) * step / 2
        if sin < -0.2:
            top = y - LABEL_SIZE
        for n, line in enumerate(lines):
            paint.text(x, top - n * step - LABEL_SIZE / 3, line, LABEL_SIZE, INK, anchor)
    x, y = pad + 4.0, height - 10.0
    for number, (name, _values) in enumerate(series):
        previous = number < len(series) - 1
        colour = PREVIOUS if previous else CURRENT
        paint.line((x, y + 3), (x + 18, y + 3), colour, 1.6, (4.0, 3.0) if previous else None)
        x += 30 + paint.text(x + 22, y, name, 7.5, INK)
    return paint.png()
