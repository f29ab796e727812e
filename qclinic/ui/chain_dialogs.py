"""The chain page's dialogs: a chain's fields, adding a company, moving a company.

Each is opened with ``open()`` (window-modal) and read by the page when accepted; none writes
anything itself except :class:`ChainDialog`, which saves through the chains service and keeps
itself open, with the message, when the service refuses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.vocabulary import IndustryChain
from qclinic.errors import UserError
from qclinic.ui.errors import show_error
from qclinic.ui.labels import choices
from qclinic.ui.layout import shrink_to_fit

if TYPE_CHECKING:
    from qclinic.services import Services
    from qclinic.services.chains import ChainNode, ChainSummary, Removal

#: an organization id in the pickers' lists
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class ChainDialog(QDialog):
    """Create a chain (*chain* None) or edit one; ``saved_id`` after accepting."""

    def __init__(
        self, services: Services, chain: ChainSummary | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._chains = services.chains
        self._chain = chain
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("New chain") if chain is None else self.tr("Edit chain"))
        self.name_edit = QLineEdit(chain.name if chain else "")
        self.sector_combo = shrink_to_fit(QComboBox())
        self.sector_combo.addItem("—", None)
        for label_text, value in choices(IndustryChain):
            self.sector_combo.addItem(label_text, value)
        if chain is not None and chain.sector is not None:
            self.sector_combo.setCurrentIndex(self.sector_combo.findData(chain.sector))
        self.region_edit = QLineEdit(chain.region or "" if chain else "")
        self.notes_edit = QPlainTextEdit(chain.notes if chain else "")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(60)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Sector:"), self.sector_combo)
        form.addRow(self.tr("&Region:"), self.region_edit)
        form.addRow(self.tr("N&otes:"), self.notes_edit)
        self.button_box = _buttons(self)
        self.ok_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.button_box)
        self.name_edit.textChanged.connect(self.on_name_changed)
        self.on_name_changed(self.name_edit.text())
        self.resize(460, 300)

    def on_name_changed(self, name: str) -> None:
        self.ok_button.setEnabled(bool(name.strip()))

    def accept(self) -> None:
        values = {
            "name": self.name_edit.text(),
            "sector": self.sector_combo.currentData(),
            "region": self.region_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }
        try:
            if self._chain is None:
                self.saved_id = self._chains.create(source=self.parent(), **values).id
            else:
                self.saved_id = self._chains.update(
                    self._chain.id, source=self.parent(), **values
                ).id
        except UserError as exc:
            show_error(exc, self)
            return
        super().accept()


class _PickerList(QWidget):
    """A search field over a list of (id, text) choices; the chosen id is :meth:`current_id`."""

    def __init__(self, rows: list[tuple[str, str]], placeholder: str) -> None:
        super().__init__()
        self.model = QStandardItemModel(self)
        for record_id, shown in rows:
            item = QStandardItem(shown)
            item.setData(record_id, ID_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        self.search.textChanged.connect(self.on_search)
        self.search.returnPressed.connect(self.view.setFocus)
        self.on_search("")

    def on_search(self, typed: str) -> None:
        self.proxy.setFilterFixedString(typed.strip())
        if self.proxy.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def choose(self, record_id: str) -> bool:
        """Make *record_id* the current choice (clearing the search); whether it is listed."""
        self.search.clear()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == record_id:
                self.view.setCurrentIndex(index)
                return True
        return False


class AddCompanyDialog(QDialog):
    """Choose a company (not yet in the chain) and whether it leads or supplies *customer*."""

    def __init__(
        self,
        organizations: list[tuple[str, str]],
        customer: ChainNode | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a company to the chain"))
        self.customer = customer
        self.picker = _PickerList(organizations, self.tr("Search companies"))
        self.leader_radio = QRadioButton(self.tr("As a chain &leader"))
        self.supplier_radio = QRadioButton()
        if customer is None:
            self.supplier_radio.setText(self.tr("As a supplier (select its customer in the tree)"))
            self.supplier_radio.setEnabled(False)
            self.leader_radio.setChecked(True)
        else:
            self.supplier_radio.setText(
                self.tr("As a &supplier of “%1”").replace("%1", customer.name)
            )
            self.supplier_radio.setChecked(True)
        self.button_box = _buttons(self)
        self.ok_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.empty_label = QLabel(
            self.tr(
                "Every company in the address book is in this chain already: add a new one "
                "on the Organizations page first."
            )
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not organizations)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.leader_radio)
        layout.addWidget(self.supplier_radio)
        layout.addWidget(self.button_box)
        self.picker.view.selectionModel().currentChanged.connect(self._update_ok)
        self.picker.proxy.modelReset.connect(self._update_ok)
        self.picker.search.textChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(480, 440)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.picker.current_id() is not None)

    def organization_id(self) -> str | None:
        return self.picker.current_id()

    def customer_id(self) -> str | None:
        """The chosen customer (``None``: as a leader)."""
        if self.supplier_radio.isChecked() and self.customer is not None:
            return self.customer.organization_id
        return None


class MoveDialog(QDialog):
    """Choose the new customer of *node*: another company in the chain, or none (a leader)."""

    def __init__(
        self, node: ChainNode, customers: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.node = node
        self.setWindowTitle(self.tr("Move “%1”").replace("%1", node.name))
        heading = QLabel(self.tr("Which company does it supply within the chain?"))
        heading.setWordWrap(True)
        self.picker = _PickerList(customers, self.tr("Search the chain's companies"))
        self.leader_radio = QRadioButton(self.tr("None: make it a chain &leader"))
        self.customer_radio = QRadioButton(self.tr("The &company chosen above"))
        self.customer_radio.setChecked(bool(customers))
        self.leader_radio.setChecked(not customers)
        self.customer_radio.setEnabled(bool(customers))
        note = QLabel(self.tr("The companies below it move with it."))
        note.setStyleSheet("color: palette(mid);")
        self.button_box = _buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.customer_radio)
        layout.addWidget(self.leader_radio)
        layout.addWidget(note)
        layout.addWidget(self.button_box)
        if node.customer_id is not None:
            self.picker.choose(node.customer_id)
        self.picker.view.activated.connect(lambda _index: self.customer_radio.setChecked(True))
        self.resize(460, 440)

    def customer_id(self) -> str | None:
        """The chosen customer (``None``: make it a leader)."""
        return self.picker.current_id() if self.customer_radio.isChecked() else None


class ChainQuestions(QObject):
    """The questions before deleting a chain or removing a company, asked over *parent*."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._widget = parent

    def delete_chain(self, chain: ChainSummary) -> bool:
        question = (
            self.tr("Delete the chain “%1”?").replace("%1", chain.name)
            + "\n\n"
            + self.tr(
                "Its %1 companies stay in the address book with their assessments; only "
                "the chain and their places in it are deleted. You can undo this "
                "(Edit → Undo deletion)."
            ).replace("%1", str(chain.companies))
        )
        return self._confirm(self.tr("Delete chain"), question, self.tr("Delete"))

    def remove_member(self, name: str, removal: Removal) -> bool:
        """Whether to remove *name*; says where its suppliers go (they supply its customer)."""
        question = self.tr("Remove “%1” from the chain?").replace("%1", name)
        if removal.direct and removal.customer is not None:
            question += "\n\n" + self.tr(
                "Its %1 direct supplier(s) (%2 companies below it in all) stay in the chain and "
                "will then supply “%3” directly."
            ).replace("%1", str(removal.direct)).replace("%2", str(removal.below)).replace(
                "%3", removal.customer
            )
        question += "\n\n" + self.tr("The company itself stays in the address book.")
        return self._confirm(self.tr("Remove from chain"), question, self.tr("Remove"))

    def _confirm(self, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self._widget)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(yes)
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep"))
        return box.exec() == QMessageBox.StandardButton.Yes
