"""Deleting organizations and sites from the organizations page, and undoing it.

A deletion sets the deletion marker (through the organization service): the company (with its
sites) or the site leaves the lists, and everything recorded about it stays readable. The service announces each change; the page that asked (the *source* passed here)
reloads what it shows itself, on :attr:`Deletions.deleted` / :attr:`Deletions.restored`. Before deleting, the user is told what hangs on it. Afterwards an inline bar offers
*Undo* for a few seconds, and *Edit → Undo deletion* in the main window undoes the last deletion
for as long as the app runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from qclinic.errors import UserError
from qclinic.ui.errors import show_error

if TYPE_CHECKING:
    from qclinic.services import Services
    from qclinic.storage.repositories.organizations import Dependents

# how long the inline Undo bar stays after a deletion
UNDO_BAR_MS = 10_000


@dataclass(frozen=True)
class Deleted:
    """The last deletion, for undo: ``kind`` is "organization" or "site"."""

    kind: str
    record_id: str
    name: str


class Deletions(QObject):
    """Deletes with the user's consent and keeps the last deletion for undo."""

    # (kind, id) of a record deleted or restored
    deleted = Signal(str, str)
    restored = Signal(str, str)

    def __init__(self, services: Services, parent: QWidget) -> None:
        super().__init__(parent)
        self._organizations = services.organizations
        self._widget = parent  # asks the questions, and is the source of the changes
        self.last: Deleted | None = None

    # --- asking ---------------------------------------------------------------------------
    def organization_question(self, name: str, counts: Dependents) -> str:
        text = (
            self.tr("Delete “%1”?")
            + "\n\n"
            + self.tr(
                "It has %2 assessment(s) (%3 signed), %4 action(s) (%5 open), %6 clinic case(s) "
                "and %7 site(s)."
            )
            + "\n\n"
            + self.tr(
                "Nothing of this is lost: its assessments and reports still open and print, "
                "the organization's name marked “(deleted)”. It and its sites leave the lists."
            )
        )
        if counts.signed:
            text += "\n" + self.tr("Its signed assessments stay signed and unchanged.")
        text += "\n\n" + self.tr("You can undo this (Edit → Undo deletion).")
        for mark, value in (
            ("%2", counts.assessments),
            ("%3", counts.signed),
            ("%4", counts.actions),
            ("%5", counts.open_actions),
            ("%6", counts.cases),
            ("%7", counts.sites),
        ):
            text = text.replace(mark, str(value))
        return text.replace("%1", name)

    def site_question(self, name: str, counts: Dependents) -> str:
        return (
            (
                self.tr("Delete the site “%1”?")
                + "\n\n"
                + self.tr(
                    "%2 visit(s) were made there; they and their assessments are kept and still "
                    "name the site. You can undo this (Edit → Undo deletion)."
                )
            )
            .replace("%2", str(counts.visits))
            .replace("%1", name)
        )

    def _confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self._widget)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep"))
        return box.exec() == QMessageBox.StandardButton.Yes

    # --- deleting -------------------------------------------------------------------------
    def delete_organization(self, organization_id: str) -> bool:
        """Ask (with the counts), then mark the organization and its sites deleted."""
        try:
            name = self._organizations.get(organization_id).name
            counts = self._organizations.dependents(organization_id)
        except UserError as exc:
            show_error(exc, self._widget)
            return False
        question = self.organization_question(name, counts)
        if not self._confirm(self.tr("Delete organization"), question):
            return False
        try:
            self._organizations.delete(organization_id, source=self._widget)
        except UserError as exc:
            show_error(exc, self._widget)
            return False
        self.last = Deleted("organization", organization_id, name)
        self.deleted.emit("organization", organization_id)
        return True

    def delete_site(self, site_id: str) -> bool:
        """Ask (with the visits made there), then mark the site deleted."""
        site = self._organizations.find_site(site_id)
        if site is None:
            return False
        try:
            counts = self._organizations.site_dependents(site_id)
        except UserError as exc:
            show_error(exc, self._widget)
            return False
        if not self._confirm(self.tr("Delete site"), self.site_question(site.name, counts)):
            return False
        try:
            self._organizations.delete_site(site_id, source=self._widget)
        except UserError as exc:
            show_error(exc, self._widget)
            return False
        self.last = Deleted("site", site_id, site.name)
        self.deleted.emit("site", site_id)
        return True

    # --- undoing --------------------------------------------------------------------------
    def undo_text(self) -> str:
        """What *Undo* would bring back ("" when nothing)."""
        if self.last is None:
            return ""
        return self.tr("Undo deletion of “%1”").replace("%1", self.last.name)

    def undo(self) -> bool:
        """Clear the deletion marker of the last deleted organization or site."""
        last = self.last
        if last is None:
            return False
        try:
            if last.kind == "organization":
                self._organizations.restore(last.record_id, source=self._widget)
            else:
                self._organizations.restore_site(last.record_id, source=self._widget)
        except UserError as exc:
            show_error(exc, self._widget)
            return False
        self.last = None
        self.restored.emit(last.kind, last.record_id)
        return True


class UndoBar(QFrame):
    """ "“X” deleted. [Undo]" under the list, for :data:`UNDO_BAR_MS` after a deletion."""

    def __init__(self, deletions: Deletions) -> None:
        super().__init__()
        self.setObjectName("undoBar")
        self.setStyleSheet(
            "QFrame#undoBar { background: #323232; border-radius: 4px; }"
            " QLabel { color: white; padding: 4px 8px; }"
        )
        self._deletions = deletions
        self.message = QLabel()
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.on_undo_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.undo_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UNDO_BAR_MS)
        self._timer.timeout.connect(self.hide)
        deletions.deleted.connect(lambda _kind, _id: self.show_last())
        deletions.restored.connect(lambda _kind, _id: self.hide())
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.undo_button.setText(self.tr("Undo"))
        last = self._deletions.last
        if last is not None:
            self.message.setText(self.tr("“%1” was deleted.").replace("%1", last.name))

    def show_last(self) -> None:
        self.retranslate()
        self.show()
        self._timer.start()

    def on_undo_clicked(self) -> None:
        self._deletions.undo()
