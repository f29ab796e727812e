"""A pad to sign on with a mouse, a finger or a pen, kept as smooth vector strokes.

Strokes are lists of points in widget coordinates; they are drawn as quadratic curves through the
midpoints of successive samples, which smooths the jitter of mouse and tablet input. ``to_png()``
renders just the ink, cropped, at twice the on-screen resolution on a transparent background.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

INK = QColor("#14286e")
INK_WIDTH = 2.4
PNG_SCALE = 2
CROP_MARGIN = 6.0

Point = QPointF | tuple[float, float]


def stroke_path(points: Sequence[QPointF]) -> QPainterPath:
    """A smooth path through *points*: quadratic segments between the samples' midpoints."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(points[0])
    if len(points) == 1:
        path.lineTo(points[0] + QPointF(0.1, 0.1))  # a dot: round caps make it visible
        return path
    for previous, current in pairwise(points[1:]):
        middle = (previous + current) / 2
        path.quadTo(previous, middle)
    path.lineTo(points[-1])
    return path


class SignaturePad(QWidget):
    """Draw a signature; ``changed`` is emitted when a stroke ends or the pad is cleared."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[QPointF]] = []
        self._current: list[QPointF] | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setAttribute(Qt.WidgetAttribute.WA_TabletTracking, False)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumSize(240, 120)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearSignature")
        self.clear_button.setCursor(Qt.CursorShape.ArrowCursor)
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.setEnabled(False)
        self.retranslate()

    # --- the stroke API (mouse and tablet events go through it; tests may call it) ---------
    def begin_stroke(self, point: Point) -> None:
        self._current = [_point(point)]
        self._strokes.append(self._current)
        self.update()

    def extend_stroke(self, point: Point) -> None:
        if self._current is None:
            return
        p = _point(point)
        if self._current and (self._current[-1] - p).manhattanLength() < 0.5:
            return  # the same sample again: no new curve segment
        self._current.append(p)
        self.update()

    def end_stroke(self) -> None:
        if self._current is None:
            return
        self._current = None
        self.clear_button.setEnabled(True)
        self.changed.emit()

    def add_stroke(self, points: Iterable[Point]) -> None:
        """Add one whole stroke at once."""
        iterator = iter(points)
        first = next(iterator, None)
        if first is None:
            return
        self.begin_stroke(first)
        for point in iterator:
            self.extend_stroke(point)
        self.end_stroke()

    def clear(self) -> None:
        self._strokes.clear()
        self._current = None
        self.clear_button.setEnabled(False)
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return not self._strokes

    def strokes(self) -> list[list[QPointF]]:
        return [list(stroke) for stroke in self._strokes]

    def to_png(self) -> bytes:
        """The ink as PNG bytes: cropped to the strokes, 2× resolution, transparent background."""
        if self.is_empty():
            return b""
        bounds = QRectF()
        for stroke in self._strokes:
            bounds = bounds.united(stroke_path(stroke).boundingRect())
        bounds.adjust(-CROP_MARGIN, -CROP_MARGIN, CROP_MARGIN, CROP_MARGIN)
        size = QSize(
            max(1, round(bounds.width() * PNG_SCALE)), max(1, round(bounds.height() * PNG_SCALE))
        )
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(PNG_SCALE, PNG_SCALE)
        painter.translate(-bounds.topLeft())
        self._draw_ink(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    def retranslate(self) -> None:
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Erase the signature and sign again"))
        self.clear_button.adjustSize()
        self._place_clear_button()

    # --- painting ----------------------------------------------------------------------------
    def _draw_ink(self, painter: QPainter) -> None:
        pen = QPen(INK, INK_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in self._strokes:
            painter.drawPath(stroke_path(stroke))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        enabled = self.isEnabled()
        painter.setPen(QPen(QColor("#b8bec8"), 1))
        painter.setBrush(QColor("#ffffff") if enabled else QColor("#f1f2f4"))
        painter.drawRoundedRect(frame, 6, 6)
        baseline = frame.bottom() - frame.height() * 0.28
        painter.setPen(QPen(QColor("#c9ced6"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(
            QPointF(frame.left() + 16, baseline), QPointF(frame.right() - 16, baseline)
        )
        painter.setPen(QColor("#9aa2ae"))
        painter.drawText(QPointF(frame.left() + 14, baseline - 6), "×")
        if self.is_empty():
            hint = self.tr("Sign here") if enabled else self.tr("Typed name only")
            painter.drawText(frame, Qt.AlignmentFlag.AlignCenter, hint)
        if enabled:
            self._draw_ink(painter)
        painter.end()

    def sizeHint(self) -> QSize:
        return QSize(360, 140)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_clear_button()

    def _place_clear_button(self) -> None:
        hint = self.clear_button.sizeHint()
        self.clear_button.setGeometry(
            self.width() - hint.width() - 4, 4, hint.width(), hint.height()
        )

    # --- input -------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin_stroke(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.extend_stroke(event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.extend_stroke(event.position())
            self.end_stroke()
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self.begin_stroke(event.position())
        elif kind == QTabletEvent.Type.TabletMove and event.pressure() > 0:
            self.extend_stroke(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self.extend_stroke(event.position())
            self.end_stroke()
        event.accept()  # accepted: Qt then sends no synthesized mouse events


def _point(point: Point) -> QPointF:
    return point if isinstance(point, QPointF) else QPointF(float(point[0]), float(point[1]))
