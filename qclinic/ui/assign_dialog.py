"""*Assign…*: a lead consultant gives a visit or an organization to a consultant.

A visit is assigned by naming its consultant (``services.team.assign_visit``: a synced edit of
the visit; signed in as a lead, its organization is assigned to them on the server too). An
organization is assigned on the server (``services.team.assign_organization``), so the
consultant's next sync brings it. The people offered come from the server (``GET /v1/team``);
a name may also be typed. Network calls run in the background.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from qclinic.services import Services
from qclinic.services.team import TeamMember
from qclinic.ui.errors import show_error, user_message
from qclinic.ui.forms.ui_assign_dialog import Ui_AssignDialog
from qclinic.ui.layout import fitted_size
from qclinic.ui.tasks import run_task


class AssignDialog(QDialog):
    """Assign *visit_id* (named *what*) or *organization_id* to a consultant."""

    def __init__(
        self,
        services: Services,
        what: str,
        *,
        visit_id: str | None = None,
        organization_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert (visit_id is None) != (organization_id is None)
        self.ui = Ui_AssignDialog()
        self.ui.setupUi(self)
        self._team = services.team
        self.visit_id = visit_id
        self.organization_id = organization_id
        self.assigned: str | None = None
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Assign"))
        if visit_id is not None:
            self.setWindowTitle(self.tr("Assign the visit"))
            self.ui.introLabel.setText(self.tr("Assign the visit of %1 to:").replace("%1", what))
            current = self._team.visit_assignee(visit_id)
            if current:
                self.ui.consultantCombo.setEditText(current)
        else:
            self.setWindowTitle(self.tr("Assign the organization"))
            self.ui.introLabel.setText(
                self.tr("Assign %1 to a consultant: their next sync brings it.").replace("%1", what)
            )
        self.ui.buttonBox.accepted.connect(self.on_accepted)
        self.ui.consultantCombo.editTextChanged.connect(self.on_text_changed)
        self.on_text_changed(self.ui.consultantCombo.currentText())
        self.resize(fitted_size(self, QSize(460, 200)))
        if self._team.may_assign():
            self.ui.hintLabel.setText(self.tr("Asking the server for the team…"))
            run_task(
                lambda _progress: self._team.members(),
                on_done=self.on_members,
                on_error=self.on_members_failed,
                owner=self,
            )

    def consultant(self) -> str:
        return self.ui.consultantCombo.currentText().strip()

    def on_text_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(text.strip()))

    def on_members(self, members: list[TeamMember]) -> None:
        typed = self.ui.consultantCombo.currentText()
        self.ui.consultantCombo.clear()
        for member in members:
            self.ui.consultantCombo.addItem(member.user)
        self.ui.consultantCombo.setEditText(typed)
        self.ui.hintLabel.setText("")

    def on_members_failed(self, exc: BaseException) -> None:
        self.ui.hintLabel.setText(
            self.tr("The team could not be read from the server: %1").replace(
                "%1", user_message(exc)
            )
        )

    def on_accepted(self) -> None:
        name = self.consultant()
        team, visit_id, organization_id = self._team, self.visit_id, self.organization_id

        def assign(_progress: object) -> None:
            if visit_id is not None:
                team.assign_visit(visit_id, name, source=self)
            elif organization_id is not None:
                team.assign_organization(name, organization_id)

        self.ok_button.setEnabled(False)
        run_task(assign, on_done=lambda _none: self._done(name), on_error=self._failed, owner=self)

    def _done(self, name: str) -> None:
        self.assigned = name
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        show_error(exc, self)
