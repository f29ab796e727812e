"""Attach the current analysis to an assessment question as evidence.

Two attachments are stored on the chosen question: the chart as PNG, and the analysis result as
JSON with ``mime_type="application/vnd.qclinic.analysis+json"`` (the ``--json`` shapes of
docs/SPC.md) — the evidence format the report prints. Only unsigned assessments of the
dataset's organization are offered; questions of the ``spc`` / ``msa`` checklists come first,
and "show every checklist's questions" allows any assessment.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from qclinic.core.checklists import from_frozen
from qclinic.core.vocabulary import AssessmentStatus
from qclinic.errors import UserError
from qclinic.storage.database import Database
from qclinic.storage.repositories import assessments, attachments
from qclinic.ui.errors import show_error
from qclinic.ui.forms.ui_attach_evidence_dialog import Ui_AttachEvidenceDialog
from qclinic.ui.revisions import titled
from qclinic.ui.signals import AppSignals
from qclinic.ui.spc.analysis import ANALYSIS_MIME

EVIDENCE_CHECKLISTS = ("spc", "msa")


class AttachEvidenceDialog(QDialog):
    """After accepting, ``attachment_ids`` holds the PNG's and the JSON's attachment ids."""

    def __init__(
        self,
        database: Database,
        signals: AppSignals,
        lang: str,
        organization_id: str,
        png: bytes,
        result: dict[str, Any],
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AttachEvidenceDialog()
        self.ui.setupUi(self)
        self._database = database
        self._signals = signals
        self._lang = lang
        self._png = png
        self._result = result
        self._name = name
        self.attachment_ids: list[str] = []
        with database.read_session() as session:
            found = [
                a
                for a in assessments.list_assessments(
                    session, organization_id=organization_id, limit=None
                )
                if a.status != AssessmentStatus.SIGNED
            ]
        self._all = found
        self.ui.captionEdit.setText(name)
        self.ui.allQuestionsCheck.toggled.connect(self.fill_assessments)
        self.ui.assessmentCombo.currentIndexChanged.connect(self.on_assessment_changed)
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Attach"))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.fill_assessments()

    def fill_assessments(self) -> None:
        show_all = self.ui.allQuestionsCheck.isChecked()
        chosen = [a for a in self._all if show_all or a.checklist_id in EVIDENCE_CHECKLISTS]
        chosen.sort(key=lambda a: a.checklist_id not in EVIDENCE_CHECKLISTS)
        combo = self.ui.assessmentCombo
        combo.blockSignals(True)
        combo.clear()
        for assessment in chosen:
            combo.addItem(
                f"{titled(assessment.title, assessment)} · {assessment.checklist_id}", assessment.id
            )
        combo.blockSignals(False)
        if not chosen:
            combo.addItem(self.tr("(no unsigned SPC or MSA assessment: tick the box below)"), None)
        self.on_assessment_changed()

    def on_assessment_changed(self) -> None:
        combo = self.ui.questionCombo
        combo.clear()
        assessment_id = self.ui.assessmentCombo.currentData()
        self.ok_button.setEnabled(assessment_id is not None)
        if assessment_id is None:
            return
        with self._database.read_session() as session:
            checklist = from_frozen(assessments.frozen_checklist(session, assessment_id))
        for question in checklist.questions():
            text = question.text.get(self._lang)
            short = text if len(text) <= 70 else text[:69] + "…"
            combo.addItem(f"{question.id}  {short}", question.id)
            combo.setItemData(combo.count() - 1, text, 3)  # tooltip: the whole question

    def select(self, assessment_id: str, question_id: str) -> None:
        """Choose an assessment and question (tests, and callers that know the target)."""
        index = self.ui.assessmentCombo.findData(assessment_id)
        if index < 0:
            self.ui.allQuestionsCheck.setChecked(True)
            index = self.ui.assessmentCombo.findData(assessment_id)
        self.ui.assessmentCombo.setCurrentIndex(index)
        self.ui.questionCombo.setCurrentIndex(self.ui.questionCombo.findData(question_id))

    def accept(self) -> None:
        try:
            self.attachment_ids = self.save()
        except UserError as error:
            show_error(error, self)
            return
        self._signals.saved.emit()
        self._signals.data_changed.emit("attachment")
        super().accept()

    def save(self) -> list[str]:
        assessment_id = self.ui.assessmentCombo.currentData()
        question_id = self.ui.questionCombo.currentData()
        if assessment_id is None or question_id is None:
            raise UserError(self.tr("Choose an assessment and a question."))
        caption = self.ui.captionEdit.text().strip()
        stem = (
            "".join(c if c.isalnum() or c in "-_" else "_" for c in self._name)[:60] or "analysis"
        )
        document = json.dumps(self._result, ensure_ascii=False, allow_nan=False, indent=1).encode()
        with self._database.session() as session:
            png = attachments.add_attachment(
                session,
                self._database.blobs,
                self._png,
                f"{stem}.png",
                mime_type="image/png",
                caption=caption,
                assessment_id=assessment_id,
                question_id=question_id,
            )
            data = attachments.add_attachment(
                session,
                self._database.blobs,
                document,
                f"{stem}.json",
                mime_type=ANALYSIS_MIME,
                caption=caption,
                assessment_id=assessment_id,
                question_id=question_id,
            )
            return [png.id, data.id]
