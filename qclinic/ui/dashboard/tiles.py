"""A figure tile: one big number with its caption; a click opens the companies behind it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from qclinic.ui.elided_label import ElidedLabel

WARNING_COLOUR = "#c62828"


class FigureTile(QFrame):
    """Shows ``value`` large over a one-line caption and a smaller detail line."""

    clicked = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"tile-{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value_label = QLabel("—")
        self.value_label.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.caption = ElidedLabel()
        self.detail = ElidedLabel()
        self.detail.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        layout.addWidget(self.caption)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail)

    def set_caption(self, caption: str) -> None:
        self.caption.setText(caption)

    def set_value(self, value: str, detail: str = "", warning: bool = False) -> None:
        """Show *value* (red when *warning*) and the *detail* line under it."""
        colour = f" color: {WARNING_COLOUR};" if warning else ""
        self.value_label.setStyleSheet(f"font-size: 18pt; font-weight: 600;{colour}")
        self.value_label.setText(value)
        self.detail.setText(detail)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit(self.key)
        super().mouseReleaseEvent(event)
