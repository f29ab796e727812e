"""The "Record outcome…" dialog: one quality figure of a company for a period — and, given a
stored figure, its "Edit outcome" form, filled with it.

The kind decides the rest: the unit shown after the value, and whether the standards' level is
asked (only for standards drafted or revised). The figure is saved through the outcomes service
when the dialog is accepted (``record``, or ``edit`` of the figure given, keeping its visit); a
refusal (a percentage over 100, a figure already recorded…) is shown and the dialog stays open
with what was typed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from qclinic.core import outcomes as rules
from qclinic.core.vocabulary import OutcomeKind, StandardLevel
from qclinic.errors import UserError
from qclinic.ui.errors import show_error, ui_language

if TYPE_CHECKING:
    from qclinic.services import Services
    from qclinic.services.outcomes import OutcomeRow


class OutcomeDialog(QDialog):
    """Record one figure for *organization_id*, or edit *outcome* (see the module docstring)."""

    def __init__(
        self,
        services: Services,
        organization_id: str,
        today: date,
        parent: QWidget | None = None,
        outcome: OutcomeRow | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._organization_id = organization_id
        self._outcome = outcome
        self.saved: OutcomeRow | None = None
        self.setWindowTitle(self.tr("Edit outcome") if outcome else self.tr("Record outcome"))
        lang = ui_language()
        self.kind_combo = QComboBox()
        for kind in OutcomeKind:
            self.kind_combo.addItem(rules.kind_label(kind).get(lang), kind.value)
        self.level_combo = QComboBox()
        for level in StandardLevel:
            self.level_combo.addItem(rules.level_label(level).get(lang), level.value)
        self.value_spin = QDoubleSpinBox()
        self.value_spin.setRange(-1e9, 1e9)  # the service says what is out of range
        self.value_spin.setDecimals(2)
        self.period_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.period_edit.setCalendarPopup(True)
        self.period_edit.setDisplayFormat("yyyy-MM-dd")
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("e.g. company MES report, CNAS certificate"))
        self.note_edit = QLineEdit()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Figure"), self.kind_combo)
        form.addRow(self.tr("Standard level"), self.level_combo)
        form.addRow(self.tr("Value"), self.value_spin)
        form.addRow(self.tr("Date (visit or quarter end)"), self.period_edit)
        form.addRow(self.tr("Source"), self.source_edit)
        form.addRow(self.tr("Note"), self.note_edit)
        form.addRow(buttons)
        self.kind_combo.currentIndexChanged.connect(self.on_kind_changed)
        if outcome is not None:
            self._fill(outcome)
        self.on_kind_changed()

    def _fill(self, outcome: OutcomeRow) -> None:
        f = outcome.fields
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(f.kind.value))
        if f.level is not None:
            self.level_combo.setCurrentIndex(self.level_combo.findData(f.level.value))
        self.on_kind_changed()  # the decimals first, then the value
        self.value_spin.setValue(f.value)
        self.period_edit.setDate(QDate(f.period.year, f.period.month, f.period.day))
        self.source_edit.setText(f.source)
        self.note_edit.setText(f.note)

    def kind(self) -> OutcomeKind:
        return OutcomeKind(self.kind_combo.currentData())

    def on_kind_changed(self, _index: int = 0) -> None:
        kind = self.kind()
        self.level_combo.setEnabled(kind is OutcomeKind.STANDARDS)
        unit = rules.UNITS.get(kind, "")
        self.value_spin.setSuffix(f" {unit}" if unit else "")
        self.value_spin.setDecimals(0 if kind in rules.COUNTS else 2)

    def accept(self) -> None:
        from qclinic.services.outcomes import OutcomeFields

        kind = self.kind()
        chosen = self.period_edit.date()
        fields = OutcomeFields(
            kind=kind,
            value=self.value_spin.value(),
            period=date(chosen.year(), chosen.month(), chosen.day()),
            level=StandardLevel(self.level_combo.currentData())
            if kind is OutcomeKind.STANDARDS
            else None,
            source=self.source_edit.text(),
            note=self.note_edit.text(),
        )
        try:
            if self._outcome is not None:
                fields = replace(fields, visit_id=self._outcome.fields.visit_id)
                self.saved = self._services.outcomes.edit(self._outcome.id, fields, source=self)
            else:
                self.saved = self._services.outcomes.record(
                    self._organization_id, fields, source=self
                )
        except UserError as error:
            show_error(error, self)
            return
        super().accept()
