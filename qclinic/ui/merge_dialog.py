"""The small editor of a merged value: one field, with the editor its kind asks for (a line or a
box of text, a number, a date, a choice), starting from the value that lost (mine)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qclinic.services.conflict_details import CHOICE, DATE, NUMBER, ConflictDetail
from qclinic.ui.conflicts_model import field_label, value_text
from qclinic.ui.labels import label


class MergeDialog(QDialog):
    """Asks for the merged value of *detail*'s field; :meth:`value` is it, as the record keeps
    it (text, a number, an ISO date, a vocabulary's value)."""

    def __init__(self, detail: ConflictDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = detail
        found = detail.conflict
        start = found.mine if found.mine is not None else found.theirs
        self.setWindowTitle(self.tr("Merged value"))
        self.editor = self._editor(start)
        form = QFormLayout()
        form.addRow(self.tr("Record:"), QLabel(detail.record))
        form.addRow(self.tr("Mine:"), QLabel(value_text(detail, found.mine)))
        form.addRow(self.tr("Theirs:"), QLabel(value_text(detail, found.theirs)))
        name = QLabel(field_label(found.field) + ":")
        name.setBuddy(self.editor)
        form.addRow(name, self.editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.editor.setFocus()

    def _editor(self, start: Any) -> QWidget:
        kind = self.detail.kind
        if kind.kind == CHOICE:
            combo = QComboBox()
            for choice in kind.choices:
                shown = {"true": self.tr("Yes"), "false": self.tr("No")}.get(choice, label(choice))
                combo.addItem(shown, choice)
            wanted = str(start).lower() if isinstance(start, bool) else str(start)
            combo.setCurrentIndex(max(0, combo.findData(wanted)))
            return combo
        if kind.kind == NUMBER:
            spin: QSpinBox | QDoubleSpinBox
            if kind.integer:
                spin = QSpinBox()
                spin.setRange(-1_000_000_000, 1_000_000_000)
                spin.setValue(int(start or 0))
            else:
                spin = QDoubleSpinBox()
                spin.setRange(-1e12, 1e12)
                spin.setDecimals(4)
                spin.setValue(float(start or 0))
            return spin
        if kind.kind == DATE:
            editor = QDateEdit()
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy-MM-dd")
            moment = date.fromisoformat(str(start)[:10]) if start else date.today()
            editor.setDate(QDate(moment.year, moment.month, moment.day))
            return editor
        text = "" if start is None else str(start)
        if kind.long:
            box = QPlainTextEdit(text)
            box.setTabChangesFocus(True)
            box.setMinimumWidth(420)
            return box
        line = QLineEdit(text)
        line.setMinimumWidth(320)
        return line

    def value(self) -> Any:
        editor = self.editor
        if isinstance(editor, QComboBox):
            chosen = editor.currentData()
            return {"true": True, "false": False}.get(chosen, chosen)
        if isinstance(editor, QSpinBox | QDoubleSpinBox):
            return editor.value()
        if isinstance(editor, QDateEdit):
            return editor.date().toString("yyyy-MM-dd")
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        assert isinstance(editor, QLineEdit)
        return editor.text()
