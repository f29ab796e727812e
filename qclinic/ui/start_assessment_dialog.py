"""Start an assessment: a visit (kind, date, site), a checklist from the library, frozen in, and
the expert team (the consultant named in Settings leads it by default).

Accepting creates the visit and the draft assessment in one transaction, with the chosen checklist
version's content as the assessment's frozen copy, then asks the app to open it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGroupBox, QVBoxLayout, QWidget

from qclinic import settings
from qclinic.core.vocabulary import TeamRole, VisitKind
from qclinic.services import Services
from qclinic.services.assessments import TeamMember
from qclinic.ui.errors import show_error
from qclinic.ui.forms.ui_start_assessment_dialog import Ui_StartAssessmentDialog
from qclinic.ui.labels import choices
from qclinic.ui.signals import AppSignals
from qclinic.ui.team_editor import TeamEditor

if TYPE_CHECKING:
    from qclinic.storage.library import LibraryEntry


class StartAssessmentDialog(QDialog):
    """After accepting, ``assessment_id`` holds the new draft (``open_assessment`` was emitted)."""

    def __init__(
        self,
        services: Services,
        signals: AppSignals,
        lang: str,
        organization_id: str,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_StartAssessmentDialog()
        self.ui.setupUi(self)
        self._assessments = services.assessments
        self._signals = signals
        self._lang = lang
        self._organization_id = organization_id
        self.assessment_id: str | None = None
        self._title_edited = False
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Start"))

        offered = self._assessments.start_choices(organization_id)
        self.ui.organizationLabel.setText(f"<b>{offered.organization}</b>")
        for text, kind in choices(VisitKind):
            self.ui.kindCombo.addItem(text, kind)
        if services.team.is_company():  # a company user assesses their own company
            self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.findData(VisitKind.SELF_ASSESSMENT))
            self.ui.kindCombo.setEnabled(False)
        self.ui.dateEdit.setDate(QDate(today or date.today()))
        self.ui.siteCombo.addItem(self.tr("(no particular site)"), None)
        for site_id, site_name in offered.sites:
            self.ui.siteCombo.addItem(site_name, site_id)
        if offered.sites:
            self.ui.siteCombo.setCurrentIndex(1)
        self._entries: list[LibraryEntry] = offered.checklists
        for entry in self._entries:
            self.ui.checklistCombo.addItem(self._title_of(entry), entry.id)

        self.team = TeamEditor(self)
        group = QGroupBox(self.tr("Expert team"), self)
        group.setObjectName("teamGroup")
        QVBoxLayout(group).addWidget(self.team)
        self.ui.mainLayout.insertWidget(self.ui.mainLayout.indexOf(self.ui.buttonBox) - 1, group)
        consultant = settings.load().consultant_name.strip()
        if consultant:
            self.team.add_member(TeamMember(consultant, TeamRole.LEAD))
        self.team.changed.connect(self.on_input_changed)
        self.resize(max(self.width(), 620), self.height() + 200)

        self.ui.checklistCombo.currentIndexChanged.connect(self.on_checklist_changed)
        self.ui.dateEdit.dateChanged.connect(self.on_date_changed)
        self.ui.titleEdit.textEdited.connect(self.on_title_edited)
        self.ui.titleEdit.textChanged.connect(self.on_input_changed)
        self.on_checklist_changed(self.ui.checklistCombo.currentIndex())

    def _title_of(self, entry: LibraryEntry) -> str:
        return entry.title_zh if self._lang == "zh" else entry.title_en

    def entry(self) -> LibraryEntry | None:
        index = self.ui.checklistCombo.currentIndex()
        return self._entries[index] if 0 <= index < len(self._entries) else None

    def select_checklist(self, checklist_id: str) -> None:
        self.ui.checklistCombo.setCurrentIndex(self.ui.checklistCombo.findData(checklist_id))

    # --- keeping the suggested title in step until the user types their own ----------------
    def _suggest_title(self) -> None:
        entry = self.entry()
        if self._title_edited or entry is None:
            return
        year = self.ui.dateEdit.date().year()
        self.ui.titleEdit.setText(f"{year} {self._title_of(entry)}")

    def on_checklist_changed(self, _index: int) -> None:
        entry = self.entry()
        if entry is not None:
            self.ui.checklistInfo.setText(
                self.tr("Version %1 · %2 questions")
                .replace("%1", entry.version)
                .replace("%2", str(entry.questions))
            )
        self._suggest_title()
        self.on_input_changed()

    def on_date_changed(self, _date: QDate) -> None:
        self._suggest_title()

    def on_title_edited(self, _text: str) -> None:
        self._title_edited = True

    def on_input_changed(self) -> None:
        self.ok_button.setEnabled(
            self.entry() is not None
            and bool(self.ui.titleEdit.text().strip())
            and not self.team.problems()
        )

    # --- creating --------------------------------------------------------------------------
    def accept(self) -> None:
        entry = self.entry()
        if entry is None or not self.ok_button.isEnabled():
            return
        visit_date = self.ui.dateEdit.date().toPython()
        assert isinstance(visit_date, date)
        try:
            assessment_id = self._assessments.start(
                self._organization_id,
                checklist_id=entry.id,
                checklist_version=entry.version,
                title=self.ui.titleEdit.text(),
                visit_kind=self.ui.kindCombo.currentData(),
                visit_date=visit_date,
                site_id=self.ui.siteCombo.currentData(),
                team=self.team.members(),
                source=self,
            )
        except Exception as exc:
            show_error(exc, self)
            return
        self.assessment_id = assessment_id
        super().accept()
        self._signals.open_assessment.emit(assessment_id)
