"""The interactive control chart: a matplotlib canvas with hover text and click-to-exclude.

Hovering near a point shows its number, value, the rules it breaks and its exclusion reason in an
annotation drawn with blitting (the chart itself is not redrawn). Clicking a point emits
:attr:`ChartCanvas.point_clicked` with its 0-based index; the chart view asks for a reason and
stores the exclusion. This module imports matplotlib: import it only when the chart is shown.
"""

from __future__ import annotations

from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Signal

from qclinic.charts.spc_figures import ControlChartPlot


class ChartCanvas(FigureCanvasQTAgg):
    """A canvas showing a :class:`ControlChartPlot`; emits ``point_clicked(index)``."""

    point_clicked = Signal(int)

    def __init__(self, lang: str) -> None:
        figure = Figure(figsize=(8.0, 5.0), dpi=100)
        super().__init__(figure)
        self.plot = ControlChartPlot(figure, lang)
        self._background: Any = None
        self._annotation: Any = None
        self._hovered: tuple[int, int] | None = None
        self.mpl_connect("draw_event", self._on_draw)
        self.mpl_connect("motion_notify_event", self._on_motion)
        self.mpl_connect("button_press_event", self._on_press)
        self.setMinimumHeight(320)

    def show_result(self, result: dict[str, Any]) -> None:
        """Draw an analysis result (updates the artists in place) and paint at once."""
        self._hide_annotation()
        self.plot.update(result)
        self.draw()

    # --- hover (blitted annotation) -------------------------------------------------------
    def _on_draw(self, _event: Any) -> None:
        self._background = self.copy_from_bbox(self.figure.bbox)

    def _ensure_annotation(self) -> Any:
        if self._annotation is None or self._annotation.axes not in self.plot.axes:
            ax = self.plot.axes[0]
            self._annotation = ax.annotate(
                "",
                xy=(0, 0),
                xytext=(12, 12),
                textcoords="offset points",
                fontsize=8,
                bbox={"boxstyle": "round", "fc": "#fffde7", "ec": "#9e9e9e"},
                animated=True,
                annotation_clip=False,
            )
        return self._annotation

    def _hide_annotation(self) -> None:
        if self._annotation is not None:
            self._annotation.remove()
            self._annotation = None
        self._hovered = None

    def hover_text(self) -> str:
        """The annotation's text when a point is hovered, else ``""``."""
        if self._hovered is None or self._annotation is None:
            return ""
        return str(self._annotation.get_text())

    def _on_motion(self, event: Any) -> None:
        if event.inaxes is None or event.inaxes not in self.plot.axes:
            if self._hovered is not None:
                self._hovered = None
                self._blit(None)
            return
        index = self.plot.nearest_point(event.inaxes, event.x, event.y)
        if index is None:
            if self._hovered is not None:
                self._hovered = None
                self._blit(None)
            return
        row = self.plot.axes.index(event.inaxes)
        if self._hovered == (row, index):
            return
        self._hovered = (row, index)
        annotation = self._ensure_annotation()
        if annotation.axes is not event.inaxes:
            self._hide_annotation()
            self._hovered = (row, index)
            annotation = self._ensure_annotation()
        x, y, _ = self.plot.series[row]
        annotation.xy = (x[index], y[index])
        annotation.set_text(self.plot.describe(event.inaxes, index))
        # Keep the box inside the figure: flip to the left on the right-hand side.
        flip = event.x > self.figure.bbox.width * 0.6
        annotation.set_position((-12, 12) if flip else (12, 12))
        annotation.set_horizontalalignment("right" if flip else "left")
        self._blit(annotation)

    def _blit(self, artist: Any) -> None:
        if self._background is None:
            return
        self.restore_region(self._background)
        if artist is not None:
            artist.set_visible(True)
            self.figure.draw_artist(artist)
        self.blit(self.figure.bbox)

    # --- click ----------------------------------------------------------------------------
    def _on_press(self, event: Any) -> None:
        if event.button != 1 or event.inaxes is None or event.inaxes not in self.plot.axes:
            return
        index = self.plot.nearest_point(event.inaxes, event.x, event.y)
        if index is not None:
            self.point_clicked.emit(index)
