"""Editing the expert team of an assessment: a lead and members, in a small table.

:class:`TeamEditor` is embedded in the start-assessment dialog; :class:`TeamDialog` wraps it for
the runner's *Team…* button. A phone number is checked as it is typed (the cell turns red and the
message under the table says what is wrong); the service refuses a bad team anyway
(:meth:`qclinic.services.assessments.AssessmentService.set_team`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.contact import check_phone
from qclinic.core.vocabulary import TeamRole
from qclinic.services import Services
from qclinic.services.assessments import TeamMember
from qclinic.ui.errors import show_error, ui_language
from qclinic.ui.labels import label
from qclinic.ui.signals import AppSignals

COL_NAME, COL_ROLE, COL_AFFILIATION, COL_QUALIFICATION, COL_PHONE = range(5)
_BAD = QColor("#fdecea")


class TeamEditor(QWidget):
    """The team as rows: name, role (lead / member), organisation, qualification, phone."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("teamTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Organisation"),
                self.tr("Qualification"),
                self.tr("Phone"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((COL_NAME, 90), (COL_ROLE, 135), (COL_AFFILIATION, 170)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.add_button = QPushButton(self.tr("&Add member"))
        self.add_button.setObjectName("addMember")
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.setObjectName("removeMember")
        self.message = QLabel()
        self.message.setObjectName("teamMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(lambda: self.add_member(TeamMember("")))
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemChanged.connect(self._on_item_changed)

    # --- rows ---------------------------------------------------------------------------------
    def add_member(self, member: TeamMember) -> None:
        """A row for *member* (the first row defaults to lead, the rest to member)."""
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column, text in (
            (COL_NAME, member.name),
            (COL_AFFILIATION, member.affiliation),
            (COL_QUALIFICATION, member.qualification),
            (COL_PHONE, member.phone),
        ):
            self.table.setItem(row, column, QTableWidgetItem(text))
        combo = QComboBox()
        for role in TeamRole:
            combo.addItem(label(role), role.value)
        role = member.role if member.name or row else TeamRole.LEAD
        combo.setCurrentIndex(max(0, combo.findData(TeamRole(role).value)))
        combo.currentIndexChanged.connect(self._on_role_changed)
        self.table.setCellWidget(row, COL_ROLE, combo)
        self.table.blockSignals(False)
        name_item = self.table.item(row, COL_NAME)
        if not member.name and name_item is not None:
            self.table.setCurrentCell(row, COL_NAME)
            self.table.editItem(name_item)
        self._check()

    def set_members(self, members: list[TeamMember]) -> None:
        self.table.setRowCount(0)
        for member in members:
            self.add_member(member)
        self._check()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
        self._check()

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def members(self) -> list[TeamMember]:
        """The rows with a name, as typed (the storage trims and orders them)."""
        found = []
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, COL_ROLE)
            role = (
                TeamRole(combo.currentData()) if isinstance(combo, QComboBox) else TeamRole.MEMBER
            )
            member = TeamMember(
                self._text(row, COL_NAME),
                role,
                self._text(row, COL_AFFILIATION),
                self._text(row, COL_QUALIFICATION),
                self._text(row, COL_PHONE),
            )
            if member.name:
                found.append(member)
        return found

    # --- checking as typed --------------------------------------------------------------------
    def problems(self) -> list[str]:
        """What is wrong with the team, in the UI language (none when it can be saved)."""
        zh = ui_language() == "zh"
        found = []
        for row in range(self.table.rowCount()):
            check = check_phone(self._text(row, COL_PHONE))
            if not check.ok:
                found.append(check.message_zh if zh else check.message_en)
        leads = [m for m in self.members() if m.role is TeamRole.LEAD]
        if len(leads) > 1:
            found.append(self.tr("A team has one lead."))
        return found

    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        self._check()

    def _on_role_changed(self, _index: int) -> None:
        self._check()

    def _check(self) -> None:
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            item = self.table.item(row, COL_PHONE)
            if item is not None:
                bad = not check_phone(item.text()).ok
                item.setBackground(QBrush(_BAD) if bad else QBrush())
        self.table.blockSignals(False)
        problems = self.problems()
        self.message.setText("\n".join(problems))
        self.message.setVisible(bool(problems))
        self.changed.emit()


class TeamDialog(QDialog):
    """The runner's *Team…*: edit the team of an unsigned assessment; OK saves it."""

    def __init__(
        self,
        services: Services,
        signals: AppSignals,
        assessment_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Expert team"))
        self.setObjectName("TeamDialog")
        self._assessments = services.assessments
        self._assessment_id = assessment_id
        self.editor = TeamEditor(self)
        self.editor.set_members(self._assessments.team(assessment_id))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("The consultants of this assessment: a lead expert and members."))
        )
        layout.addWidget(self.editor)
        layout.addWidget(self.buttons)
        self.resize(640, 300)
        self.editor.changed.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not self.editor.problems())

    def accept(self) -> None:
        try:
            self._assessments.set_team(self._assessment_id, self.editor.members(), source=self)
        except Exception as exc:  # a UserError is shown; the dialog stays open to fix it
            show_error(exc, self)
            return
        super().accept()


__all__ = ["TeamDialog", "TeamEditor"]
