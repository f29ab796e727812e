"""A one-line label that elides its text to the width it gets, with the full text as tooltip.

A plain :class:`QLabel` asks for its whole text's width as its *minimum*, so one long title (an
English organization and assessment name) made the runner, and with it the window, wider than a
1366 px laptop screen. This label asks for a few characters as minimum and paints ``…`` instead.
``text()`` stays the full text.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

#: The minimum width, in average character widths of the label's font.
MIN_CHARS = 8


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._tip = ""  # a tooltip set by the caller, shown under the full text when elided
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tooltip()

    def setToolTip(self, tip: str) -> None:
        self._tip = tip
        self._update_tooltip()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        width = self.fontMetrics().averageCharWidth() * MIN_CHARS + margins.left() + margins.right()
        return QSize(min(width, hint.width()), hint.height())

    def is_elided(self) -> bool:
        return self.elided_text() != self.text()

    def elided_text(self) -> str:
        width = self.contentsRect().width() - 2 * self.margin() - max(self.indent(), 0)
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect().adjusted(
            self.margin(), self.margin(), -self.margin(), -self.margin()
        )
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.elided_text(),
            self.foregroundRole(),
        )

    def _update_tooltip(self) -> None:
        full = self.text()
        if self.is_elided():
            tip = f"{full}\n{self._tip}" if self._tip and self._tip != full else full
        else:
            tip = self._tip
        QLabel.setToolTip(self, tip)
