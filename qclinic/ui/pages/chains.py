"""The chains page (产业链): the chains on the left, the selected chain's tree on the right.

The tree shows leaders at the top and each supplier under the customer it supplies, with its
role, tier, region and latest 4-level supplier grade. Companies are added (a searchable picker:
as a leader, or as a supplier of the selected company), moved (*Move to…*, or dragged onto
their new customer) and removed through the chains service; a refusal is shown as a message and
the tree stays as it was. Removing a supplier asks first and says what happens below it: its
suppliers then supply its customer (a leader with companies below it is refused with their
count). Deleting a chain can be undone (the inline bar, *Edit → Undo deletion*).

Changes reach the page as ``signals.changed`` (the services' events, relayed): it reloads for
the tables it shows — at once when visible, else when next shown — keeping the selected chain,
the selected company and which branches are collapsed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from qclinic.errors import UserError
from qclinic.services.events import ChangeEvent
from qclinic.ui.chain_dialogs import AddCompanyDialog, ChainDialog, ChainQuestions, MoveDialog
from qclinic.ui.chains_model import (
    LIST_NAME,
    ORGANIZATION_ROLE,
    SUMMARY_ROLE,
    TREE_COMPANY,
    ChainListModel,
    ChainTreeModel,
    ChainTreeView,
)
from qclinic.ui.elided_label import ElidedLabel
from qclinic.ui.errors import show_error
from qclinic.ui.labels import label
from qclinic.ui.list_view import record_list
from qclinic.ui.signals import AppSignals

if TYPE_CHECKING:
    from qclinic.services import Services
    from qclinic.services.chains import ChainNode, ChainSummary

#: the tables whose changes the page shows (organizations: names, regions; assessments: grades)
SHOWN_TABLES = frozenset({"chain", "chain_member", "organization", "assessment"})


class ChainsPage(QWidget):
    def __init__(self, services: Services, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._services = services
        self._chains = services.chains
        self._lang = lang
        self._stale = False
        self._collapsed: set[str] = set()  # the companies whose branch the user collapsed
        self._rebuilding = False
        self.deleted_chain: tuple[str, str] | None = None  # (id, name), for undo
        self.dialog: ChainDialog | None = None
        self.add_dialog: AddCompanyDialog | None = None
        self.move_dialog: MoveDialog | None = None
        self.questions = ChainQuestions(self)
        self.list_model = ChainListModel(self)
        self.tree_model = ChainTreeModel(self)
        self._build()
        self._build_actions()
        self.list_view.selectionModel().currentRowChanged.connect(self.on_chain_changed)
        self.tree_view.selectionModel().currentChanged.connect(self._update_buttons)
        self.tree_view.collapsed.connect(self.on_collapsed)
        self.tree_view.expanded.connect(self.on_expanded)
        self.tree_view.move_requested.connect(self.move_member)
        self.list_view.doubleClicked.connect(self.on_edit_chain)
        signals.changed.connect(self.on_changed)
        self.retranslate()
        self._update_buttons()

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.undo_button = QPushButton()
        self.undo_button.hide()
        bar = QHBoxLayout()
        bar.addWidget(self.heading)
        bar.addStretch(1)
        for button in (self.undo_button, self.new_button, self.edit_button, self.delete_button):
            bar.addWidget(button)

        self.list_view = record_list(self.list_model, row_height=26)
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LIST_NAME, QHeaderView.ResizeMode.Stretch)
        self.list_view.setMinimumWidth(220)

        self.chain_title = ElidedLabel()
        self.chain_title.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.chain_facts = ElidedLabel()
        self.chain_facts.setStyleSheet("color: palette(mid);")
        self.add_button = QPushButton()
        self.move_button = QPushButton()
        self.remove_button = QPushButton()
        tree_bar = QHBoxLayout()
        tree_bar.addWidget(self.chain_title, 1)
        tree_bar.addWidget(self.add_button)
        tree_bar.addWidget(self.move_button)
        tree_bar.addWidget(self.remove_button)
        self.tree_view = ChainTreeView()
        self.tree_view.setModel(self.tree_model)
        self.tree_view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree_view.header().setSectionResizeMode(TREE_COMPANY, QHeaderView.ResizeMode.Stretch)
        self.tree_view.header().setStretchLastSection(False)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(tree_bar)
        box.addWidget(self.chain_facts)
        box.addWidget(self.tree_view, 1)
        box.addWidget(self.hint)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.list_view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([380, 800])  # the list wide enough for a chain's name
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self.new_button.clicked.connect(self.on_new_chain)
        self.edit_button.clicked.connect(self.on_edit_chain)
        self.delete_button.clicked.connect(self.on_delete_chain)
        self.undo_button.clicked.connect(self.undo_deletion)
        self.add_button.clicked.connect(self.on_add_company)
        self.move_button.clicked.connect(self.on_move)
        self.remove_button.clicked.connect(self.on_remove)

    def _build_actions(self) -> None:
        """Shortcuts (on the page) and the context menus of the list and the tree."""
        self.add_action = QAction(self)
        self.add_action.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        self.add_action.triggered.connect(self.on_add_company)
        self.move_action = QAction(self)
        self.move_action.setShortcut(QKeySequence("Ctrl+M"))
        self.move_action.triggered.connect(self.on_move)
        self.remove_action = QAction(self)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.triggered.connect(self.on_remove)
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(self.on_new_chain)
        self.edit_action = QAction(self)
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.edit_action.triggered.connect(self.on_edit_chain)
        self.delete_action = QAction(self)
        self.delete_action.triggered.connect(self.on_delete_chain)
        for action in (self.add_action, self.move_action, self.remove_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.tree_view.addAction(action)
        for action in (self.new_action, self.edit_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        for view in (self.tree_view, self.list_view):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree_view.customContextMenuRequested.connect(self.on_tree_menu)
        self.list_view.customContextMenuRequested.connect(self.on_list_menu)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Chains"))
        self.new_button.setText(self.tr("&New chain…"))
        self.edit_button.setText(self.tr("&Edit chain…"))
        self.delete_button.setText(self.tr("&Delete chain…"))
        self.add_button.setText(self.tr("&Add company…"))
        self.move_button.setText(self.tr("&Move to…"))
        self.remove_button.setText(self.tr("&Remove from chain"))
        self.new_action.setText(self.tr("New chain…"))
        self.edit_action.setText(self.tr("Edit chain…"))
        self.delete_action.setText(self.tr("Delete chain…"))
        self.add_action.setText(self.tr("Add company…"))
        self.move_action.setText(self.tr("Move to…"))
        self.remove_action.setText(self.tr("Remove from chain"))
        self.hint.setText(
            self.tr(
                "Drag a company onto its new customer to move it; the companies below it move "
                "with it. Insert adds, Ctrl+M moves, Delete removes."
            )
        )
        self._show_undo()
        self.list_model.retranslate()
        self.tree_model.retranslate()
        if self.tree_model.tree is not None:  # roles and marks are words too
            self.load_tree(self.current_member_id())
        self._show_chain_heading()

    # --- loading --------------------------------------------------------------------------
    def load(self) -> None:
        """Read the chains and the selected chain's tree, keeping selection and expansion."""
        chain_id, member_id = self.current_chain_id(), self.current_member_id()
        self._stale = False
        self.list_model.set_rows(self._chains.summaries())
        row = self.list_model.row_of(chain_id) if chain_id else None
        if row is None and self.list_model.rowCount():
            row = 0
        if row is not None:
            self.list_view.selectionModel().setCurrentIndex(
                self.list_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.load_tree(member_id)

    def load_tree(self, member_id: str | None = None) -> None:
        chain_id = self.current_chain_id()
        tree = None
        if chain_id is not None:
            try:
                tree = self._chains.tree(chain_id)
            except UserError:  # deleted meanwhile: the list reloads on the same event
                tree = None
        self._rebuilding = True  # the rebuild collapses and expands rows: not the user's doing
        try:
            self.tree_model.set_tree(tree)
            self._restore_tree_state(member_id)
        finally:
            self._rebuilding = False
        self._show_chain_heading()
        self._update_buttons()

    def _restore_tree_state(self, member_id: str | None) -> None:
        self.tree_view.expandAll()
        for organization_id in self._collapsed:
            index = self.tree_model.index_of(organization_id)
            if index.isValid():
                self.tree_view.collapse(index)
        if member_id is not None:
            self.select_member(member_id)

    def _show_chain_heading(self) -> None:
        tree = self.tree_model.tree
        if tree is None:
            self.chain_title.setText(self.tr("No chain selected"))
            self.chain_facts.setText(
                self.tr("Create a chain with “New chain…”, then add its leader.")
            )
            return
        self.chain_title.setText(tree.chain.name)
        counts = (
            self.tr("%1 companies, %2 leader(s)")
            .replace("%1", str(tree.chain.companies))
            .replace("%2", str(tree.chain.leaders))
        )
        parts = [label(tree.chain.sector), tree.chain.region or "", counts]
        self.chain_facts.setText("  ·  ".join(p for p in parts if p))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def on_changed(self, event: ChangeEvent) -> None:
        if event.entity not in SHOWN_TABLES:
            return
        if not self.isVisible():
            self._stale = True
            return
        self.load()

    # --- what is selected -----------------------------------------------------------------
    def current_chain(self) -> ChainSummary | None:
        index = self.list_view.currentIndex()
        summary: ChainSummary | None = index.data(SUMMARY_ROLE) if index.isValid() else None
        return summary

    def current_chain_id(self) -> str | None:
        chain = self.current_chain()
        return chain.id if chain is not None else None

    def current_member_id(self) -> str | None:
        index = self.tree_view.currentIndex()
        return index.data(ORGANIZATION_ROLE) if index.isValid() else None

    def current_node(self) -> ChainNode | None:
        member_id, tree = self.current_member_id(), self.tree_model.tree
        return tree.node(member_id) if member_id is not None and tree is not None else None

    def select_chain(self, chain_id: str) -> None:
        row = self.list_model.row_of(chain_id)
        if row is None:
            self.load()
            row = self.list_model.row_of(chain_id)
        if row is not None:
            self.list_view.setCurrentIndex(self.list_model.index(row, 0))

    def select_member(self, organization_id: str) -> None:
        index = self.tree_model.index_of(organization_id)
        if index.isValid():
            self.tree_view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree_view.scrollTo(index)

    def _update_buttons(self) -> None:
        has_chain = self.current_chain() is not None
        has_member = self.current_member_id() is not None
        for widget in (self.edit_button, self.delete_button, self.add_button):
            widget.setEnabled(has_chain)
        for action in (self.edit_action, self.delete_action, self.add_action):
            action.setEnabled(has_chain)
        for button, action in (
            (self.move_button, self.move_action),
            (self.remove_button, self.remove_action),
        ):
            button.setEnabled(has_member)
            action.setEnabled(has_member)

    # --- slots: chains --------------------------------------------------------------------
    def on_chain_changed(self, _current: QModelIndex) -> None:
        self.load_tree()

    def on_collapsed(self, index: QModelIndex) -> None:
        if not self._rebuilding:
            self._collapsed.add(index.data(ORGANIZATION_ROLE))

    def on_expanded(self, index: QModelIndex) -> None:
        if not self._rebuilding:
            self._collapsed.discard(index.data(ORGANIZATION_ROLE))

    def on_new_chain(self) -> None:
        self._open_chain_dialog(None)

    def on_edit_chain(self) -> None:
        chain = self.current_chain()
        if chain is not None:
            self._open_chain_dialog(chain)

    def _open_chain_dialog(self, chain: ChainSummary | None) -> None:
        self.dialog = ChainDialog(self._services, chain, self)
        self.dialog.accepted.connect(self.on_chain_saved)
        self.dialog.open()

    def on_chain_saved(self) -> None:
        if self.dialog is not None and self.dialog.saved_id is not None:
            self.select_chain(self.dialog.saved_id)

    def on_delete_chain(self) -> None:
        chain = self.current_chain()
        if chain is None:
            return
        if not self.questions.delete_chain(chain):
            return
        self._call(lambda: self._chains.delete(chain.id, source=self))
        self.deleted_chain = (chain.id, chain.name)
        self._show_undo()

    def _show_undo(self) -> None:
        text = self.undo_deletion_text()
        self.undo_button.setText(text)
        self.undo_button.setVisible(bool(text))

    def undo_deletion_text(self) -> str:
        """What *Edit → Undo deletion* would restore ("" when nothing)."""
        if self.deleted_chain is None:
            return ""
        return self.tr("Undo deletion of “%1”").replace("%1", self.deleted_chain[1])

    def undo_deletion(self) -> bool:
        if self.deleted_chain is None:
            return False
        chain_id = self.deleted_chain[0]
        if not self._call(lambda: self._chains.restore(chain_id, source=self)):
            return False
        self.deleted_chain = None
        self._show_undo()
        self.select_chain(chain_id)
        return True

    # --- slots: the tree ------------------------------------------------------------------
    def on_add_company(self) -> None:
        tree = self.tree_model.tree
        if tree is None:
            return
        inside = {n.organization_id for n in tree.nodes}
        candidates = [
            (organization_id, name)
            for organization_id, name in self._services.organizations.choices()
            if organization_id not in inside
        ]
        self.add_dialog = AddCompanyDialog(candidates, self.current_node(), self)
        self.add_dialog.accepted.connect(self.on_add_accepted)
        self.add_dialog.open()

    def on_add_accepted(self) -> None:
        dialog, chain_id = self.add_dialog, self.current_chain_id()
        if dialog is None or chain_id is None:
            return
        organization_id = dialog.organization_id()
        if organization_id is None:
            return
        customer_id = dialog.customer_id()
        if self._call(
            lambda: self._chains.add(chain_id, organization_id, customer_id, source=self)
        ):
            self.select_member(organization_id)

    def on_move(self) -> None:
        node, tree = self.current_node(), self.tree_model.tree
        if node is None or tree is None:
            return
        from qclinic.core.chains import Link, descendants

        links = [Link(n.organization_id, n.customer_id, n.name) for n in tree.nodes]
        below = set(descendants(links, node.organization_id))
        customers = [
            (n.organization_id, "    " * n.tier + n.name)
            for n in tree.nodes
            if n.organization_id != node.organization_id and n.organization_id not in below
        ]
        self.move_dialog = MoveDialog(node, customers, self)
        self.move_dialog.accepted.connect(self.on_move_accepted)
        self.move_dialog.open()

    def on_move_accepted(self) -> None:
        dialog = self.move_dialog
        if dialog is not None:
            self.move_member(dialog.node.organization_id, dialog.customer_id())

    def move_member(self, organization_id: str, customer_id: str | None) -> bool:
        """Ask the service to move a member under *customer_id*; a refusal is shown."""
        chain_id = self.current_chain_id()
        if chain_id is None:
            return False
        moved = self._call(
            lambda: self._chains.move(chain_id, organization_id, customer_id, source=self)
        )
        self.select_member(organization_id)
        return moved

    def on_remove(self) -> None:
        chain_id, node = self.current_chain_id(), self.current_node()
        if chain_id is None or node is None:
            return
        try:
            removal = self._chains.removal(chain_id, node.organization_id)
        except UserError as exc:
            show_error(exc, self)
            return
        if removal.refused:  # a leader with companies below: the service says why
            self._call(lambda: self._chains.remove(chain_id, node.organization_id, source=self))
            return
        if self.questions.remove_member(node.name, removal):
            self._call(lambda: self._chains.remove(chain_id, node.organization_id, source=self))

    def on_tree_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.addActions([self.add_action, self.move_action, self.remove_action])
        menu.popup(self.tree_view.viewport().mapToGlobal(position))

    def on_list_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.addActions([self.new_action, self.edit_action, self.delete_action])
        menu.popup(self.list_view.viewport().mapToGlobal(position))

    # --- helpers --------------------------------------------------------------------------
    def _call(self, change: Callable[[], object]) -> bool:
        """Run a service call; a refusal is shown (the tree stays as the database has it)."""
        try:
            change()
        except UserError as exc:
            show_error(exc, self)
            self.load()
            return False
        return True


def create(services: Services, signals: AppSignals, lang: str) -> QWidget:
    return ChainsPage(services, signals, lang)
