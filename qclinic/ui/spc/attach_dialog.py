"""Attach the current analysis to an assessment question as evidence.

Two attachments are stored on the chosen question: the chart as PNG, and the analysis result as
JSON with ``mime_type="application/vnd.qclinic.analysis+json"`` (the ``--json`` shapes of
docs/SPC.md) — the evidence format the report prints. The questions of the organization's
unsigned assessments are offered in one list, drafts first: those about SPC, capability or MSA
(:func:`~qclinic.core.checklists.analysis_questions.mentions_analysis`) are listed at once, every
other one is found by typing its id or words of its text in the search field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTreeWidgetItem, QWidget

from qclinic.core.catalogue import text
from qclinic.core.checklists import Question, from_frozen
from qclinic.core.checklists.analysis_questions import matches, mentions_analysis
from qclinic.core.vocabulary import AssessmentStatus
from qclinic.errors import UserError
from qclinic.services import Services
from qclinic.ui.errors import show_error
from qclinic.ui.forms.ui_attach_evidence_dialog import Ui_AttachEvidenceDialog
from qclinic.ui.revisions import titled
from qclinic.ui.signals import AppSignals

TARGET = Qt.ItemDataRole.UserRole  # (assessment id, question id) of a row


@dataclass(frozen=True)
class Candidate:
    """A question that can receive the evidence, with its assessment."""

    assessment_id: str
    assessment: str  # title · checklist, as listed
    question: Question
    relevant: bool  # about SPC, capability or MSA


def candidates(services: Services, organization_id: str) -> list[Candidate]:
    """The questions of *organization_id*'s unsigned assessments: drafts first (newest first),
    each assessment's questions in checklist order, the SPC/MSA ones before the rest."""
    found = [
        (
            target.assessment.id,
            # revisions told apart: "… · Rev. 2 · Draft · 2026-03-12"
            titled(target.assessment.title, target.assessment),
            target.assessment.checklist_id,
            target.assessment.status,
            target.checklist,
        )
        for target in services.datasets.evidence_targets(organization_id)
    ]
    found.sort(key=lambda a: a[3] != AssessmentStatus.DRAFT)  # stable: newest first within
    out = []
    for assessment_id, title, checklist_id, _status, frozen in found:
        checklist = from_frozen(frozen)
        for question in checklist.questions():
            label = f"{title} · {checklist_id}"
            out.append(
                Candidate(assessment_id, label, question, mentions_analysis(question, checklist))
            )
    out.sort(key=lambda c: not c.relevant)
    return out


class AttachEvidenceDialog(QDialog):
    """After accepting, ``attachment_ids`` holds the PNG's and the JSON's attachment ids."""

    def __init__(
        self,
        services: Services,
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
        self._services = services
        self._signals = signals
        self._lang = lang
        self._png = png
        self._result = result
        self._name = name
        self.attachment_ids: list[str] = []
        self._all = candidates(services, organization_id)
        self.ui.captionEdit.setText(name)
        header = self.ui.questionTree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.ui.searchEdit.textChanged.connect(self.fill)
        self.ui.questionTree.currentItemChanged.connect(self.on_current_changed)
        self.ui.questionTree.itemDoubleClicked.connect(lambda *_: self.accept())
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Attach"))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.fill()
        self.ui.searchEdit.setFocus()

    def shown(self) -> list[tuple[str, str]]:
        """The (assessment id, question id) of the listed rows, in order."""
        tree = self.ui.questionTree
        items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
        return [item.data(0, TARGET) for item in items if item is not None]

    def fill(self) -> None:
        """List the SPC/MSA questions, or with a search every question that matches it."""
        query = self.ui.searchEdit.text().strip()
        if query:
            rows = [c for c in self._all if matches(query, c.question)]
        else:
            rows = [c for c in self._all if c.relevant] or self._all
        chosen = self.chosen()
        tree = self.ui.questionTree
        tree.blockSignals(True)
        tree.clear()
        items = []
        for candidate in rows:
            question = candidate.question
            text = question.text.get(self._lang)
            item = QTreeWidgetItem([f"{question.id}  {text}", candidate.assessment])
            item.setData(0, TARGET, (candidate.assessment_id, question.id))
            item.setToolTip(0, f"{question.id}  {text}")  # the whole question, never elided
            item.setToolTip(1, candidate.assessment)
            items.append(item)
        tree.addTopLevelItems(items)
        tree.blockSignals(False)
        if chosen is not None and chosen in self.shown():
            tree.setCurrentItem(items[self.shown().index(chosen)])
        else:
            tree.clearSelection()
            tree.setCurrentIndex(tree.rootIndex())  # nothing chosen
        self.on_current_changed()
        if not self._all:
            hint = self.tr("The organization has no unsigned assessment to attach evidence to.")
        elif query:
            hint = self.tr("%n question(s) match the search.", "", len(rows))
        elif any(c.relevant for c in self._all):
            hint = self.tr("Questions about SPC, capability or MSA; type to search every question.")
        else:
            hint = self.tr("No question mentions SPC, capability or MSA: every question is listed.")
        self.ui.hintLabel.setText(hint)

    def chosen(self) -> tuple[str, str] | None:
        item = self.ui.questionTree.currentItem()
        return item.data(0, TARGET) if item is not None else None

    def on_current_changed(self, *_args: object) -> None:
        self.ok_button.setEnabled(self.chosen() is not None)

    def select(self, assessment_id: str, question_id: str) -> None:
        """Choose an assessment's question (tests, and callers that know the target)."""
        if (assessment_id, question_id) not in self.shown():
            self.ui.searchEdit.setText(question_id)
        shown = self.shown()
        if (assessment_id, question_id) in shown:
            tree = self.ui.questionTree
            item = tree.topLevelItem(shown.index((assessment_id, question_id)))
            if item is not None:
                tree.setCurrentItem(item)

    def accept(self) -> None:
        try:
            self.attachment_ids = self.save()
        except UserError as error:
            show_error(error, self)
            return
        super().accept()

    def save(self) -> list[str]:
        chosen = self.chosen()
        if chosen is None:
            raise UserError(text("datasets.choose_question"))
        assessment_id, question_id = chosen
        return list(
            self._services.datasets.attach(
                assessment_id,
                question_id,
                self._png,
                self._result,
                self._name,
                self.ui.captionEdit.text(),
                source=self,
            )
        )
