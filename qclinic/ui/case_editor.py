"""Registering a clinic case (form ``forms/case_dialog.ui``) and the case editor.

The editor records the diagnosis and the prescription (committed as the user pauses typing or
leaves the field), moves the status one step along registered → diagnosed → prescribed → resolved
(resolving records the chosen date, today by default) or one step back, and lists the case's
actions with a button to raise a new one, and its referrals to NQI service providers
(:class:`~qclinic.ui.referrals_box.ReferralsBox`). Layout (:class:`CaseEditorView`) is kept apart from
behaviour (:class:`CaseEditor`). Every change goes through
:class:`~qclinic.services.cases.CaseService`, whose event tells the app.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

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
from qclinic.services import ChangeEvent, Services
from qclinic.services.cases import CaseDetail
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
from qclinic.ui.errors import show_error, user_message
from qclinic.ui.forms.ui_case_dialog import Ui_CaseDialog
from qclinic.ui.labels import choices, label
from qclinic.ui.referrals_box import ReferralsBox
from qclinic.ui.signals import AppSignals

if TYPE_CHECKING:
    from qclinic.storage.models import ClinicCase

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
        services: Services,
        signals: AppSignals,
        lang: str,
        *,
        organization_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CaseDialog()
        self.ui.setupUi(self)
        self._services = services
        self.case_id: str | None = None
        for choice_id, name in services.organizations.choices():
            self.ui.organizationCombo.addItem(name, choice_id)
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
        for visit in self._services.cases.visits(organization_id):
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
            case = self._services.cases.register(
                organization_id,
                NqiCategory(self.ui.categoryCombo.currentData()),
                title,
                symptom=self.ui.symptomEdit.toPlainText(),
                visit_id=self.ui.visitCombo.currentData(),
                source=self,
            )
        except UserError as exc:
            show_error(exc, self)
            return
        self.case_id = case.id
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
        self.actions_view.setMinimumHeight(90)
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
        self.right = QVBoxLayout()  # the actions, then the referrals box (CaseEditor adds it)
        self.right.addWidget(self.actions_box, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(self.right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(body, 1)


class CaseEditor(CaseEditorView):
    """Edits one clinic case; every change commits at once."""

    #: a case was committed (its id): lists showing it refresh that row
    case_changed = Signal(str)

    def __init__(self, services: Services, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._services = services
        self._signals = signals
        self._lang = lang
        self.case_id: str | None = None
        self.case: ClinicCase | None = None
        self._organization_name = ""
        self._visit_text = ""
        #: how many times the case's actions were (re)loaded (tests count reloads)
        self.action_loads = 0
        #: the action dialog last opened (kept so tests and callers can reach it)
        self.dialog: ActionDialog | None = None

        self.referrals = ReferralsBox(services, signals)
        self.right.addWidget(self.referrals, 1)
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
        signals.changed.connect(self.on_changed)
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
        self.referrals.retranslate()
        self._show_status()

    # --- loading ---------------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        """Show *case_id* (None: nothing); pending text is committed first."""
        self.save_texts()
        self.case_id = case_id
        self.case = None
        if case_id is not None:
            detail: CaseDetail | None = self._services.cases.detail(case_id)
            if detail is not None:
                self.case = detail.case
                self._organization_name = detail.organization_name
                visit = detail.visit
                self._visit_text = (
                    f"{visit.visit_date.isoformat()} · {label(visit.kind)}" if visit else ""
                )
        self.setEnabled(self.case is not None)
        self._fill()
        self._load_actions()
        self.referrals.set_case(
            self.case.id if self.case else None, self.case.nqi_category if self.case else None
        )

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
        self.action_loads += 1
        if self.case_id is None:
            self.actions_model.set_rows([])
            return
        rows = self._services.actions.plan_table(case_id=self.case_id)
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
        case_id = case.id
        self._commit(lambda: self._services.cases.edit(case_id, source=self, **changes))

    def _commit(self, change: Callable[[], ClinicCase]) -> bool:
        """Run the service call *change*; show the case it returns, or why it was refused."""
        assert self.case_id is not None
        try:
            self.case = change()
        except UserError as exc:
            show_error(exc, self)
            return False
        self.case_changed.emit(self.case_id)
        return True

    def on_next(self) -> None:
        self.save_texts()
        case = self.case
        if case is None or case.status not in NEXT_STEP:
            return
        target = NEXT_STEP[case.status]
        resolved_on: date | None = None
        if target is CaseStatus.RESOLVED:
            resolved_on = self.resolved_on.date().toPython()  # type: ignore[assignment]
        self._move(target, resolved_on)

    def on_back(self) -> None:
        self.save_texts()
        if self.case is not None and self.case.status in PREVIOUS_STEP:
            self._move(PREVIOUS_STEP[self.case.status], None)

    def _move(self, status: CaseStatus, resolved_on: date | None) -> None:
        """Move the case; a move the service refuses for a missing text is said beside it."""
        assert self.case is not None
        try:
            self.case = self._services.cases.move(
                self.case.id, status, resolved_on=resolved_on, source=self
            )
        except UserError as exc:
            missing = {
                CaseStatus.DIAGNOSED: self.diagnosis,
                CaseStatus.PRESCRIBED: self.prescription,
            }.get(status)
            if missing is None:
                show_error(exc, self)
                return
            self.message.setText(user_message(exc))
            missing.setFocus()
            return
        self.case_changed.emit(self.case.id)
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
        self.dialog = ActionDialog(self._services, self._signals, prefill=prefill, parent=self)
        self.dialog.open()

    def on_changed(self, event: ChangeEvent) -> None:
        """Reload the case's actions when actions changed; reload the case when another window,
        a command or sync changed it (never for this editor's own edits: it shows them already)."""
        if self.case_id is None:
            return
        if event.entity == "action":
            self._load_actions()
        elif (
            event.entity == "clinic_case"
            and not event.made_by(self)
            and (not event.ids or self.case_id in event.ids)
        ):
            self.set_case(self.case_id)
