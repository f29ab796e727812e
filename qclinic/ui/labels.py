"""Display labels for the stored vocabularies, from the catalogue's ``vocabulary`` area.

``label(IndustryChain.STEEL)`` → "Steel" / "钢铁", in the interface language now
(:func:`qclinic.ui.errors.ui_language`), so a language switch shows at the next repaint.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtWidgets import QComboBox

from qclinic.core import vocabulary as v
from qclinic.core.catalogue import find
from qclinic.ui.errors import ui_language


def label(value: StrEnum | str | None) -> str:
    """The label of a vocabulary value in the interface language ("" for None; an unknown
    value as it is stored)."""
    if value is None:
        return ""
    # "medium" is a priority too: 中型 (a company's size) is not 中 (a priority)
    key = "size.medium" if value is v.SizeClass.MEDIUM else str(value)
    entry = find(f"vocabulary.{key}")
    if entry is None:
        return str(value)
    return entry.get(ui_language())


def choices(enum: type[StrEnum]) -> list[tuple[str, StrEnum]]:
    """(label, value) pairs for a combo box, in the enum's order."""
    return [(label(member), member) for member in enum]


def fill_filter_combo(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
    """Refill a filter combo: "all" first (data None), then *items* as (label, value) with each
    value stored as its string; keeps the current choice and emits no signal while refilling."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for text, value in items:
        combo.addItem(text, str(value))
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
