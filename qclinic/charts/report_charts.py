"""Charts for the printed reports, rendered once to PNG bytes.

The reports embed charts as high-resolution PNG (220 dpi at the printed size), not vector:
reportlab cannot draw a matplotlib SVG/PDF without another dependency (svglib and its lxml /
cairo chain), and at 220 dpi the radar prints as sharp as the text beside it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

DPI = 220


def radar_png(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    lang: str,
    *,
    size_inches: tuple[float, float] = (6.0, 5.2),
    title: str = "",
) -> bytes:
    """The radar chart of :func:`qclinic.charts.radar.radar_figure` as PNG bytes."""
    from qclinic.charts.radar import radar_figure

    figure = radar_figure(list(labels), list(series), lang, figsize=size_inches, title=title)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()
