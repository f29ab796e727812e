"""Raising a finding from a question: severity, NQI category (from the question), title, text.

Accepting commits through :meth:`qclinic.services.findings.FindingService.raise_finding`; the
service's event tells the app (the findings lists refresh, the status bar shows "saved").
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from qclinic.core.checklists import Question
from qclinic.core.vocabulary import FindingSeverity, NqiCategory
from qclinic.services import Services
from qclinic.ui.errors import show_error
from qclinic.ui.forms.ui_finding_dialog import Ui_FindingDialog
from qclinic.ui.labels import choices
from qclinic.ui.signals import AppSignals


class FindingDialog(QDialog):
    def __init__(
        self,
        services: Services,
        signals: AppSignals,
        assessment_id: str,
        question: Question,
        instance: str,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_FindingDialog()
        self.ui.setupUi(self)
        self._services = services
        self._assessment_id = assessment_id
        self._question = question
        self._instance = instance
        self.finding_id: str | None = None
        for text, value in choices(FindingSeverity):
            self.ui.severityCombo.addItem(text, value)
        self.ui.severityCombo.setCurrentIndex(
            self.ui.severityCombo.findData(FindingSeverity.MINOR_NC)
        )
        self.ui.categoryCombo.addItem("—", None)
        for text, value in choices(NqiCategory):
            self.ui.categoryCombo.addItem(text, value)
        if question.category:
            self.ui.categoryCombo.setCurrentIndex(self.ui.categoryCombo.findData(question.category))
        where = question.id + (f" @ {instance}" if instance else "")
        self.ui.questionLabel.setText(f"<b>{where}</b> {question.text.get(lang)}")
        self.ui.titleEdit.setText(f"{where}: ")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Record finding")
        )
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.titleEdit.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        title = self.ui.titleEdit.text().strip()
        ok = bool(title) and title.rstrip(":：").strip() != self._question.id
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(title) and ok)

    def accept(self) -> None:
        title = self.ui.titleEdit.text().strip()
        if not title:
            return
        try:
            finding = self._services.findings.raise_finding(
                self._assessment_id,
                FindingSeverity(self.ui.severityCombo.currentData()),
                title,
                nqi_category=self.ui.categoryCombo.currentData(),
                question_id=self._question.id,
                instance_key=self._instance or None,
                description=self.ui.descriptionEdit.toPlainText(),
                evidence=self.ui.evidenceEdit.toPlainText(),
                source=self,
            )
        except Exception as exc:
            show_error(exc, self)
            return
        self.finding_id = finding.id
        super().accept()
