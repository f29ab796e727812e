"""The dialog that creates or edits one improvement action (form: ``forms/action_dialog.ui``).

Saving commits at once through :class:`~qclinic.services.actions.ActionService` (``create``, or
``edit`` with the status move in the same commit); the service's event tells the app. Marking an
action verified needs the verification note; without it the dialog stays open and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDialog, QWidget

from qclinic.core.vocabulary import ACTION_TRANSITIONS, ActionStatus, Priority
from qclinic.errors import UserError
from qclinic.services import Services
from qclinic.ui.errors import show_error
from qclinic.ui.forms.ui_action_dialog import Ui_ActionDialog
from qclinic.ui.labels import choices, label
from qclinic.ui.signals import AppSignals

DEFAULT_DUE_DAYS = 30


@dataclass(frozen=True)
class ActionPrefill:
    """What a new action starts with (from a finding, a case, or the plan page)."""

    organization_id: str | None = None
    organization_name: str = ""
    finding_id: str | None = None
    case_id: str | None = None
    source: str = ""  # shown under "Raised from"
    title: str = ""
    description: str = ""


class ActionDialog(QDialog):
    """New action (``action_id=None``, with a :class:`ActionPrefill`) or edit an existing one."""

    #: the id of the action just committed
    action_saved = Signal(str)

    def __init__(
        self,
        services: Services,
        signals: AppSignals,
        *,
        action_id: str | None = None,
        prefill: ActionPrefill | None = None,
        verify: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ActionDialog()
        self.ui.setupUi(self)
        self._services = services
        self._signals = signals
        self.action_id = action_id
        self._prefill = prefill or ActionPrefill()
        self._current_status = ActionStatus.OPEN
        for text, value in choices(Priority):
            self.ui.priorityCombo.addItem(text, value.value)
        if action_id is None:
            self._show_new()
        else:
            self._show_existing(action_id, verify)

    # --- filling the form ------------------------------------------------------------------
    def _show_new(self) -> None:
        prefill = self._prefill
        self.setWindowTitle(self.tr("New improvement action"))
        if prefill.organization_id is None:
            self.ui.organizationValue.hide()
            for organization_id, name in self._services.organizations.choices():
                self.ui.organizationCombo.addItem(name, organization_id)
        else:
            self.ui.organizationCombo.hide()
            self.ui.organizationValue.setText(prefill.organization_name)
        self._show_source(prefill.source)
        self.ui.titleEdit.setText(prefill.title)
        self.ui.descriptionEdit.setPlainText(prefill.description)
        self.ui.dueEdit.setDate(QDate(date.today() + timedelta(days=DEFAULT_DUE_DAYS)))
        self.ui.priorityCombo.setCurrentIndex(self.ui.priorityCombo.findData(Priority.MEDIUM.value))
        self.ui.statusCombo.addItem(label(ActionStatus.OPEN), ActionStatus.OPEN.value)
        self.ui.statusCombo.setEnabled(False)
        for widget in (self.ui.verificationLabel, self.ui.verificationEdit):
            widget.hide()
        for widget in (self.ui.effectivenessLabel, self.ui.effectivenessEdit):
            widget.hide()
        self.resize(self.width(), 480)
        self.ui.titleEdit.setFocus()

    def _show_existing(self, action_id: str, verify: bool) -> None:
        detail = self._services.actions.detail(action_id)
        action = detail.action
        source = ""
        if action.finding_id is not None:
            source = self.tr("Finding: %1").replace("%1", detail.finding_title or "")
        elif action.case_id is not None:
            source = self.tr("Clinic case: %1").replace("%1", detail.case_title or "")
        self.setWindowTitle(self.tr("Verify action") if verify else self.tr("Edit action"))
        self.ui.organizationCombo.hide()
        self.ui.organizationValue.setText(detail.organization_name)
        self._show_source(source)
        self.ui.titleEdit.setText(action.title)
        self.ui.descriptionEdit.setPlainText(action.description)
        self.ui.ownerEdit.setText(action.owner)
        self.ui.dueCheck.setChecked(action.due_date is not None)
        self.ui.dueEdit.setEnabled(action.due_date is not None)
        self.ui.dueEdit.setDate(QDate(action.due_date or date.today()))
        self.ui.priorityCombo.setCurrentIndex(self.ui.priorityCombo.findData(action.priority.value))
        self._current_status = action.status
        for status in ActionStatus:  # the current status and the allowed moves, in workflow order
            if status is action.status or status in ACTION_TRANSITIONS[action.status]:
                self.ui.statusCombo.addItem(label(status), status.value)
        self.ui.statusCombo.setCurrentIndex(self.ui.statusCombo.findData(action.status.value))
        self.ui.verificationEdit.setPlainText(action.verification_note)
        self.ui.verificationEdit.setReadOnly(action.status is ActionStatus.VERIFIED)
        self.ui.effectivenessEdit.setPlainText(action.effectiveness_note)
        if verify and ActionStatus.VERIFIED in ACTION_TRANSITIONS[action.status]:
            self.ui.statusCombo.setCurrentIndex(
                self.ui.statusCombo.findData(ActionStatus.VERIFIED.value)
            )
            self.ui.verificationEdit.setFocus()

    def _show_source(self, source: str) -> None:
        self.ui.sourceValue.setText(source)
        self.ui.sourceLabel.setVisible(bool(source))
        self.ui.sourceValue.setVisible(bool(source))

    # --- values ----------------------------------------------------------------------------
    def target_status(self) -> ActionStatus:
        return ActionStatus(self.ui.statusCombo.currentData())

    def _due_date(self) -> date | None:
        if not self.ui.dueCheck.isChecked():
            return None
        value: date = self.ui.dueEdit.date().toPython()  # type: ignore[assignment]
        return value

    def _fields(self) -> dict[str, object]:
        return {
            "title": self.ui.titleEdit.text().strip(),
            "description": self.ui.descriptionEdit.toPlainText().strip(),
            "owner": self.ui.ownerEdit.text().strip(),
            "due_date": self._due_date(),
            "priority": Priority(self.ui.priorityCombo.currentData()),
        }

    def _refusal(self) -> str:
        """Why the form cannot be saved as it stands ("" when it can)."""
        if not self.ui.titleEdit.text().strip():
            self.ui.titleEdit.setFocus()
            return self.tr("Give the action a title.")
        if (
            self.action_id is None
            and self._prefill.organization_id is None
            and self.ui.organizationCombo.currentData() is None
        ):
            return self.tr("Choose the organization the action is for.")
        if (
            self.target_status() is ActionStatus.VERIFIED
            and self._current_status is not ActionStatus.VERIFIED
            and not self.ui.verificationEdit.toPlainText().strip()
        ):
            self.ui.verificationEdit.setFocus()
            return self.tr(
                "Write how the action was verified (the verification note) "
                "before marking it verified."
            )
        return ""

    # --- saving ----------------------------------------------------------------------------
    def accept(self) -> None:
        refusal = self._refusal()
        self.ui.errorLabel.setText(refusal)
        if refusal:
            return
        try:
            action_id = self._save()
        except UserError as exc:
            show_error(exc, self)
            return
        self.action_id = action_id
        self.action_saved.emit(action_id)
        super().accept()

    def _save(self) -> str:
        fields = self._fields()
        actions = self._services.actions
        if self.action_id is None:
            prefill = self._prefill
            action = actions.create(
                prefill.organization_id or self.ui.organizationCombo.currentData(),
                str(fields.pop("title")),
                finding_id=prefill.finding_id,
                case_id=prefill.case_id,
                source=self,
                **fields,  # type: ignore[arg-type]
            )
            return action.id
        fields["effectiveness_note"] = self.ui.effectivenessEdit.toPlainText().strip()
        actions.edit(
            self.action_id,
            status=self.target_status(),
            verification_note=self.ui.verificationEdit.toPlainText().strip(),
            source=self,
            **fields,
        )
        return self.action_id
