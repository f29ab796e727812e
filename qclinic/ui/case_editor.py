"""Registering a clinic case (form ``forms/case_dialog.ui``) and the case editor.

The editor records the diagnosis and the prescription (committed as the user pauses typing or
leaves the field), moves the status one step along registered → diagnosed → prescribed → resolved
(resolving records the chosen date, today by default) or one step back, and lists the case's
actions with a button to raise a new one. Layout (:class:`CaseEditorView`) is kept apart from
behaviour (:class:`CaseEditor`).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.vocabulary import CaseStatus, NqiCategory
from qclinic.errors import UserError
from qclinic.storage.database import Database
from qclinic.storage.models import ClinicCase, Organization, Visit
from qclinic.storage.repositories import improvement
from qclinic.storage.repositories.organizations import list_organizations
from qclinic.storage.repositories.visits import list_visits
from qclinic.ui.action_dialog import ActionDialog, ActionPrefill
from qclinic.ui.actions_model import (
    COL_DUE,
    COL_ORGANIZATION,
    COL_OVERDUE,
    COL_OWNER,
    COL_PRIORITY,
    COL_SOURCE,
    COL_STATUS,
    COL_TITLE,
    ActionsModel,
    OverdueBadge,
)
from qclinic.ui.cases_model import STATUS_COLOURS, local_date
from qclinic.ui.errors import show_error
from qclinic.ui.forms.ui_case_dialog import Ui_CaseDialog
from qclinic.ui.labels import choices, label
from qclinic.ui.signals import AppSignals

SAVE_DELAY_MS = 800  # a text field commits once the user pauses typing this long
NEXT_STEP = {
    CaseStatus.REGISTERED: CaseStatus.DIAGNOSED,
    CaseStatus.DIAGNOSED: CaseStatus.PRESCRIBED,
    CaseStatus.PRESCRIBED: CaseStatus.RESOLVED,
}
PREVIOUS_STEP = {after: before for before, after in NEXT_STEP.items()}


class RegisterCaseDialog(QDialog):
    """Register a new clinic case; ``case_id`` holds the new id after ``accept()``."""

    case_saved = Signal(str)

    def __init__(
        self,
        database: Database,
        signals: AppSignals,
        lang: str,
        *,
        organization_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseDialog()
        self.ui.setupUi(self)
        self._database = database
        self._signals = signals
        self.case_id: str | None = None
        with database.read_session() as session:
            for organization in list_organizations(session, limit=None):
                self.ui.organizationCombo.addItem(organization.name, organization.id)
        for text, value in choices(NqiCategory):
            self.ui.categoryCombo.addItem(text, value.value)
        if organization_id is not None:
            self.ui.organizationCombo.setCurrentIndex(
                max(0, self.ui.organizationCombo.findData(organization_id))
            )
        self.ui.organizationCombo.currentIndexChanged.connect(self.on_organization_changed)
        self.on_organization_changed()
        self.ui.titleEdit.setFocus()

    def on_organization_changed(self, *_: object) -> None:
        self.ui.visitCombo.clear()
        self.ui.visitCombo.addItem(self.tr("(no visit)"), None)
        organization_id = self.ui.organizationCombo.currentData()
        if organization_id is None:
            return
        with self._database.read_session() as session:
            for visit in list_visits(session, organization_id=organization_id, limit=None):
                text = f"{visit.visit_date.isoformat()} · {label(visit.kind)}"
                self.ui.visitCombo.addItem(text, visit.id)

    def accept(self) -> None:
        organization_id = self.ui.organizationCombo.currentData()
        title = self.ui.titleEdit.text().strip()
        if organization_id is None:
            self.ui.errorLabel.setText(self.tr("Choose the organization."))
            return
        if not title:
            self.ui.errorLabel.setText(self.tr("Give the case a title."))
            self.ui.titleEdit.setFocus()
            return
        try:
            with self._database.session() as session:
                case = improvement.create_case(
                    session,
                    organization_id,
                    NqiCategory(self.ui.categoryCombo.currentData()),
                    title,
                    symptom=self.ui.symptomEdit.toPlainText().strip(),
                    visit_id=self.ui.visitCombo.currentData(),
                )
        except UserError as exc:
            show_error(exc, self)
            return
        self.case_id = case.id
        self._signals.saved.emit()
        self._signals.data_changed.emit("clinic_case")
        self.case_saved.emit(case.id)
        super().accept()


class CaseEditorView(QWidget):
    """The editor's widgets and layout, without behaviour."""

    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel()
        self.title.setObjectName("caseTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.status = QLabel()
        self.status.setStyleSheet("font-weight: bold;")
        self.symptom = QPlainTextEdit()
        self.diagnosis = QPlainTextEdit()
        self.prescription = QPlainTextEdit()
        for edit in (self.symptom, self.diagnosis, self.prescription):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(64)
        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.resolved_label = QLabel()
        self.resolved_on = QDateEdit()
        self.resolved_on.setCalendarPopup(True)
        self.resolved_on.setDisplayFormat("yyyy-MM-dd")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.actions_box = QGroupBox()
        self.actions_view = QTableView()
        self.actions_view.verticalHeader().hide()
        self.actions_view.setWordWrap(False)
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actions_view.setMinimumHeight(110)
        self.create_action_button = QPushButton()

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.symptom_label, self.diagnosis_label, self.prescription_label = (
            QLabel(),
            QLabel(),
            QLabel(),
        )
        self.form.addRow(self.symptom_label, self.symptom)
        self.form.addRow(self.diagnosis_label, self.diagnosis)
        self.form.addRow(self.prescription_label, self.prescription)

        steps = QHBoxLayout()
        steps.addWidget(self.status)
        steps.addStretch(1)
        steps.addWidget(self.back_button)
        steps.addWidget(self.resolved_label)
        steps.addWidget(self.resolved_on)
        steps.addWidget(self.next_button)

        actions_layout = QVBoxLayout(self.actions_box)
        actions_buttons = QHBoxLayout()
        actions_buttons.addStretch(1)
        actions_buttons.addWidget(self.create_action_button)
        actions_layout.addWidget(self.actions_view)
        actions_layout.addLayout(actions_buttons)

        # texts and the status steps on the left, the case's actions on the right
        left = QVBoxLayout()
        left.addLayout(self.form, 1)
        left.addLayout(steps)
        left.addWidget(self.message)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.actions_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(body, 1)


class CaseEditor(CaseEditorView):
    """Edits one clinic case; every change commits at once."""

    #: a case was committed (its id): lists showing it refresh that row
    case_changed = Signal(str)

    def __init__(self, database: Database, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._database = database
        self._signals = signals
        self._lang = lang
        self.case_id: str | None = None
        self.case: ClinicCase | None = None
        self._organization_name = ""
        self._visit_text = ""
        #: True while this editor emits its own change (the page then updates one row)
        self.committing = False
        #: the action dialog last opened (kept so tests and callers can reach it)
        self.dialog: ActionDialog | None = None

        self.actions_model = ActionsModel(self)
        self.actions_view.setModel(self.actions_model)
        for column in (COL_ORGANIZATION, COL_SOURCE, COL_PRIORITY):
            self.actions_view.hideColumn(column)
        self.actions_view.setItemDelegateForColumn(COL_OVERDUE, OverdueBadge(self.actions_view))
        self.actions_view.verticalHeader().setDefaultSectionSize(26)
        header = self.actions_view.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_OWNER, 90), (COL_DUE, 86), (COL_STATUS, 70), (COL_OVERDUE, 84)):
            header.resizeSection(column, width)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_texts)
        for edit in (self.symptom, self.diagnosis, self.prescription):
            edit.textChanged.connect(self._save_timer.start)
            edit.installEventFilter(self)
        self.next_button.clicked.connect(self.on_next)
        self.back_button.clicked.connect(self.on_back)
        self.create_action_button.clicked.connect(self.on_create_action)
        signals.data_changed.connect(self.on_data_changed)
        self.retranslate()
        self.setEnabled(False)

    def retranslate(self) -> None:
        self.symptom_label.setText(self.tr("Symptom"))
        self.diagnosis_label.setText(self.tr("Diagnosis"))
        self.prescription_label.setText(self.tr("Prescription"))
        self.diagnosis.setPlaceholderText(self.tr("The root cause the consultant found"))
        self.prescription.setPlaceholderText(self.tr("What the company should do, and by when"))
        self.back_button.setText(self.tr("Step back"))
        self.resolved_label.setText(self.tr("Resolved on"))
        self.actions_box.setTitle(self.tr("Actions of this case"))
        self.create_action_button.setText(self.tr("Create action…"))
        self._show_status()

    # --- loading ---------------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        """Show *case_id* (None: nothing); pending text is committed first."""
        self.save_texts()
        self.case_id = case_id
        self.case = None
        if case_id is not None:
            with self._database.read_session() as session:
                self.case = session.get(ClinicCase, case_id)
                if self.case is not None:
                    organization = session.get(Organization, self.case.organization_id)
                    self._organization_name = organization.name if organization else ""
                    visit = session.get(Visit, self.case.visit_id) if self.case.visit_id else None
                    self._visit_text = (
                        f"{visit.visit_date.isoformat()} · {label(visit.kind)}" if visit else ""
                    )
        self.setEnabled(self.case is not None)
        self._fill()
        self._load_actions()

    def _fill(self) -> None:
        case = self.case
        for edit, text in (
            (self.symptom, case.symptom if case else ""),
            (self.diagnosis, case.diagnosis if case else ""),
            (self.prescription, case.prescription if case else ""),
        ):
            edit.blockSignals(True)
            edit.setPlainText(text)
            edit.blockSignals(False)
        self._save_timer.stop()
        self.title.setText(case.title if case else "")
        facts = []
        if case is not None:
            facts = [self._organization_name, label(case.nqi_category)]
            facts.append(
                self.tr("registered %1").replace("%1", local_date(case.created_at).isoformat())
            )
            if self._visit_text:
                facts.append(self.tr("visit %1").replace("%1", self._visit_text))
        self.facts.setText(" · ".join(facts))
        self.message.clear()
        self._show_status()

    def _show_status(self) -> None:
        case = self.case
        status = case.status if case else CaseStatus.REGISTERED
        text = label(status)
        if case is not None and case.resolved_on is not None:
            text = (
                self.tr("%1 on %2").replace("%1", text).replace("%2", case.resolved_on.isoformat())
            )
        self.status.setText(text)
        colour = STATUS_COLOURS[status].name()
        self.status.setStyleSheet(f"font-weight: bold; color: {colour};")
        following = NEXT_STEP.get(status)
        self.next_button.setVisible(following is not None)
        self.next_button.setText(
            {
                CaseStatus.DIAGNOSED: self.tr("Mark diagnosed"),
                CaseStatus.PRESCRIBED: self.tr("Mark prescribed"),
                CaseStatus.RESOLVED: self.tr("Mark resolved"),
            }.get(following, "")  # type: ignore[arg-type]
        )
        resolving = following is CaseStatus.RESOLVED
        self.resolved_label.setVisible(resolving)
        self.resolved_on.setVisible(resolving)
        if resolving:
            self.resolved_on.setDate(QDate(date.today()))
        self.back_button.setVisible(status in PREVIOUS_STEP)

    def _load_actions(self) -> None:
        if self.case_id is None:
            self.actions_model.set_rows([])
            return
        with self._database.read_session() as session:
            rows = improvement.plan_table(session, case_id=self.case_id)
        self.actions_model.set_rows(rows, sort=(COL_DUE, Qt.SortOrder.AscendingOrder))

    # --- committing ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._save_timer.isActive():
            self.save_texts()
        return super().eventFilter(watched, event)

    def save_texts(self) -> None:
        """Commit the symptom, diagnosis and prescription if they changed."""
        self._save_timer.stop()
        case = self.case
        if case is None:
            return
        changes = {
            name: edit.toPlainText().strip()
            for name, edit in (
                ("symptom", self.symptom),
                ("diagnosis", self.diagnosis),
                ("prescription", self.prescription),
            )
            if edit.toPlainText().strip() != getattr(case, name)
        }
        if not changes:
            return
        self._commit(lambda session: improvement.update_case(session, case.id, **changes))

    def _commit(self, change: object) -> bool:
        assert self.case_id is not None
        try:
            with self._database.session() as session:
                self.case = change(session)  # type: ignore[operator]
        except UserError as exc:
            show_error(exc, self)
            return False
        self.committing = True
        try:
            self.case_changed.emit(self.case_id)
            self._signals.saved.emit()
            self._signals.data_changed.emit("clinic_case")
        finally:
            self.committing = False
        return True

    def on_next(self) -> None:
        self.save_texts()
        case = self.case
        if case is None or case.status not in NEXT_STEP:
            return
        target = NEXT_STEP[case.status]
        if target is CaseStatus.DIAGNOSED and not case.diagnosis.strip():
            self.message.setText(self.tr("Write the diagnosis before marking the case diagnosed."))
            self.diagnosis.setFocus()
            return
        if target is CaseStatus.PRESCRIBED and not case.prescription.strip():
            self.message.setText(
                self.tr("Write the prescription before marking the case prescribed.")
            )
            self.prescription.setFocus()
            return
        resolved_on: date | None = None
        if target is CaseStatus.RESOLVED:
            resolved_on = self.resolved_on.date().toPython()  # type: ignore[assignment]
        self._move(target, resolved_on)

    def on_back(self) -> None:
        self.save_texts()
        if self.case is not None and self.case.status in PREVIOUS_STEP:
            self._move(PREVIOUS_STEP[self.case.status], None)

    def _move(self, status: CaseStatus, resolved_on: date | None) -> None:
        assert self.case is not None
        case_id = self.case.id
        if self._commit(
            lambda session: improvement.set_case_status(
                session, case_id, status, resolved_on=resolved_on
            )
        ):
            self.message.clear()
            self._show_status()

    # --- actions ---------------------------------------------------------------------------
    def on_create_action(self) -> None:
        self.save_texts()
        case = self.case
        if case is None:
            return
        first_line = case.prescription.strip().splitlines()[0] if case.prescription.strip() else ""
        prefill = ActionPrefill(
            organization_id=case.organization_id,
            organization_name=self._organization_name,
            case_id=case.id,
            source=f"{label(case.nqi_category)} · {case.title}",
            title=first_line[:300] or case.title,
            description=case.prescription,
        )
        self.dialog = ActionDialog(self._database, self._signals, prefill=prefill, parent=self)
        self.dialog.open()

    def on_data_changed(self, table: str) -> None:
        if table == "action" and self.case_id is not None:
            self._load_actions()
