"""Small layout helpers that keep every screen within a 1366×768 laptop's width, in both languages."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QSizePolicy

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
