"""A framed place for one dashboard chart: a placeholder until matplotlib is needed, then a canvas.

:meth:`ChartPanel.draw` takes a function that fills a :class:`~matplotlib.figure.Figure` (one of
:mod:`qclinic.charts.portfolio_figures`); the canvas is made on the first call, so this module
costs nothing at start-up. A click on a bar emits :attr:`ChartPanel.clicked` with the bar's gid
(``grades:now:B``…), the figure it stands for; the pointer becomes a hand over such a bar.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QStackedLayout, QWidget

#: The smallest a chart may be (logical pixels): four fit a 1366×768 laptop's page.
MIN_WIDTH, MIN_HEIGHT = 260, 170


class ChartPanel(QFrame):
    clicked = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: palette(mid);")
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(2, 2, 2, 2)
        self._stack.addWidget(self.placeholder)
        self.canvas: Any = None  # FigureCanvasQTAgg, from the first draw
        self._hover: str | None = None
        # the last constrained layout: (layout key, axes positions), and a key to capture
        self._layout: tuple[tuple[object, ...], list[Any]] | None = None
        self._capture: tuple[object, ...] | None = None
        #: which bars open a list (the others ignore clicks and keep the arrow pointer)
        self.clickable: Callable[[str], bool] = lambda _gid: True
        self.updates = 0  # drawings that only put new numbers on the bars (tests, benchmarks)

    @property
    def figure(self) -> Any:
        """The matplotlib figure drawn (None before the first draw)."""
        return None if self.canvas is None else self.canvas.figure

    def set_placeholder(self, text: str) -> None:
        """Show *text* instead of the chart (computing, failed)."""
        self.placeholder.setText(text)
        self._stack.setCurrentWidget(self.placeholder)

    def draw(
        self, fill: Callable[[Any], None], update: Callable[[Any], bool] | None = None
    ) -> None:
        """Call ``fill(figure)`` and paint the canvas (made here on the first call).

        With *update*, a figure already drawn is first offered to ``update(figure)``, which puts
        new numbers on the bars in place (see :mod:`qclinic.charts.portfolio_update`); only when
        it declines (returns False) is the figure filled anew. Either way the canvas is painted
        at the next event-loop turn or paint (``draw_idle``).
        """
        if self.canvas is not None and update is not None and update(self.canvas.figure):
            self.updates += 1
            self._lay_out(self.canvas.figure)
            return
        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.canvas = FigureCanvasQTAgg(Figure(figsize=(5.0, 3.0), dpi=100))
            self.canvas.setMinimumSize(MIN_WIDTH - 8, MIN_HEIGHT - 8)
            self.canvas.mpl_connect("button_press_event", self._on_press)
            self.canvas.mpl_connect("motion_notify_event", self._on_motion)
            self.canvas.mpl_connect("draw_event", self._on_draw)
            self.canvas.mpl_connect("resize_event", self._on_resize)
            self._stack.addWidget(self.canvas)

        fill(self.canvas.figure)
        self._lay_out(self.canvas.figure)

    def _lay_out(self, figure: Any) -> None:
        """Reuse the last layout if the words, digits and size are the same, else lay out again
        at the drawing; then show and paint the canvas."""
        from qclinic.charts.portfolio_figures import layout_key, reuse_layout

        key = layout_key(figure)
        if self._layout is not None and self._layout[0] == key:
            reuse_layout(figure, self._layout[1])  # the same words and size: the same layout
            self._capture = None
        else:
            figure.set_layout_engine("constrained")
            self._capture = key  # kept after the draw (_on_draw)
        self._stack.setCurrentWidget(self.canvas)
        self.canvas.draw_idle()

    def _on_draw(self, _event: Any) -> None:
        """After a drawing laid out by the constrained engine, keep where it put the axes."""
        from matplotlib.layout_engine import ConstrainedLayoutEngine

        figure = self.canvas.figure
        constrained = isinstance(figure.get_layout_engine(), ConstrainedLayoutEngine)
        if self._capture is not None and constrained:
            self._layout = (self._capture, [ax.get_position() for ax in figure.axes])
            self._capture = None

    def _on_resize(self, _event: Any) -> None:
        """Another size: lay the chart out again at its next drawing."""
        from qclinic.charts.portfolio_figures import layout_key

        figure = self.canvas.figure
        figure.set_layout_engine("constrained")
        self._capture = layout_key(figure)

    def bar_at(self, x: float, y: float) -> str | None:
        """The gid of the bar under the canvas pixel (*x*, *y*), matplotlib's coordinates."""
        if self.canvas is None:
            return None
        from qclinic.charts.portfolio_figures import bar_at

        return bar_at(self.canvas.figure, x, y)

    def _on_press(self, event: Any) -> None:
        if event.button != 1 or event.x is None:
            return
        gid = self.bar_at(event.x, event.y)
        if gid is not None and self.clickable(gid):
            self.clicked.emit(gid)

    def _on_motion(self, event: Any) -> None:
        gid = None if event.x is None else self.bar_at(event.x, event.y)
        if gid is not None and not self.clickable(gid):
            gid = None
        if gid == self._hover:
            return
        self._hover = gid
        if gid is None:
            self.canvas.unsetCursor()
        else:
            self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
