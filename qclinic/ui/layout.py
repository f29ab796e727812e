"""Small layout helpers that keep every screen within a 1366×768 laptop's width, in both languages."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

#: How many characters a shrunk combo box asks for at least; longer items show elided, whole
#: in the open list and the tooltip.
COMBO_MIN_CHARS = 10


def shrink_to_fit(combo: QComboBox, chars: int = COMBO_MIN_CHARS) -> QComboBox:
    """Let *combo* ask for *chars* characters instead of its longest item, and grow when it may.

    A combo box's minimum width is its longest item by default: one long English item (a rules
    preset, a company name) widened a whole page past the screen.
    """
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.setSizePolicy(QSizePolicy.Policy.Preferred, combo.sizePolicy().verticalPolicy())
    return combo


# Room kept for a window's title bar and frame, which a screen's available geometry includes.
FRAME_ALLOWANCE = QSize(16, 40)


def fitted_size(widget: QWidget, preferred: QSize) -> QSize:
    """*preferred*, or the free area of *widget*'s screen less a window frame when smaller.

    A 1366×768 laptop with a taskbar leaves about 1366×728, so an 800 px high first size put the
    bottom of a window (its buttons, the status bar) off the screen.
    """
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return preferred
    return preferred.boundedTo(screen.availableGeometry().size() - FRAME_ALLOWANCE)
