"""The Qt models and the tree view of the chain page.

:class:`ChainListModel` lists the chains (name, sector, region, company count).
:class:`ChainTreeModel` holds one chain's tree — leaders at the top, each supplier under the
customer it supplies — built from :class:`~qclinic.services.chains.ChainTree`; each row carries
its organization id (:data:`ORGANIZATION_ROLE`). Dragging a row carries that id
(:data:`MEMBER_MIME`); the model itself never moves rows: :class:`ChainTreeView` turns a drop into
``move_requested(organization, new customer)`` and the page asks the chains service, whose
change event rebuilds the tree — so a refused move leaves the tree as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragMoveEvent,
    QDropEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from qclinic.core.catalogue import text
from qclinic.services.chains import ChainNode, ChainSummary, ChainTree
from qclinic.ui.errors import ui_language
from qclinic.ui.labels import label
from qclinic.ui.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex

#: a chain row's :class:`ChainSummary`
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
#: a tree row's organization id
ORGANIZATION_ROLE = Qt.ItemDataRole.UserRole + 2
#: the drag payload: the dragged member's organization id (UTF-8)
MEMBER_MIME = "application/x-qclinic-chain-member"

LIST_NAME, LIST_SECTOR, LIST_REGION, LIST_COMPANIES = range(4)
TREE_COMPANY, TREE_ROLE, TREE_TIER, TREE_REGION, TREE_GRADE = range(5)

_TREE_HEADERS = (
    QT_TRANSLATE_NOOP("ChainTreeModel", "Company"),
    QT_TRANSLATE_NOOP("ChainTreeModel", "Role"),
    QT_TRANSLATE_NOOP("ChainTreeModel", "Tier"),
    QT_TRANSLATE_NOOP("ChainTreeModel", "Region"),
    QT_TRANSLATE_NOOP("ChainTreeModel", "Supplier grade"),
)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_DELETED = QColor("#888888")


class ChainListModel(TableModel[ChainSummary]):
    """The chains, by name: name, sector, region and how many companies are in each."""

    CONTEXT = "ChainListModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ChainListModel", "Chain"),
        QT_TRANSLATE_NOOP("ChainListModel", "Sector"),
        QT_TRANSLATE_NOOP("ChainListModel", "Region"),
        QT_TRANSLATE_NOOP("ChainListModel", "Companies"),
    )

    def row_of(self, chain_id: str) -> int | None:
        return next((i for i, row in enumerate(self._rows) if row.id == chain_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == SUMMARY_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == LIST_NAME:
                tip = role == Qt.ItemDataRole.ToolTipRole and row.notes
                return f"{row.name}\n{row.notes}" if tip else row.name
            if column == LIST_SECTOR:
                return label(row.sector)
            if column == LIST_REGION:
                return row.region or ""
            if column == LIST_COMPANIES:
                return str(row.companies)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LIST_COMPANIES:
            return _CENTER
        return None


class ChainTreeModel(QStandardItemModel):
    """One chain's tree; rows are rebuilt whole by :meth:`set_tree` (a chain is small)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree: ChainTree | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """The headers in the current language (the page rebuilds the rows, keeping its state)."""
        self.setHorizontalHeaderLabels(
            [QCoreApplication.translate("ChainTreeModel", h) for h in _TREE_HEADERS]
        )

    def set_tree(self, tree: ChainTree | None) -> None:
        """Show *tree* (``None``: nothing)."""
        self.tree = tree
        self.removeRows(0, self.rowCount())
        if tree is None:
            return
        items: dict[str, QStandardItem] = {}
        for node in tree.nodes:  # depth first: a customer comes before its suppliers
            row = self._row(node)
            parent = items.get(node.customer_id or "")
            (parent if parent is not None else self.invisibleRootItem()).appendRow(row)
            items[node.organization_id] = row[0]

    def _row(self, node: ChainNode) -> list[QStandardItem]:
        lang = ui_language()
        name = node.name
        if node.deleted:
            name += text("chains.deleted_mark").get(lang)
        cells = [name, label(node.role), str(node.tier), node.region or "", node.grade or ""]
        row = []
        for column, value in enumerate(cells):
            item = QStandardItem(value)
            item.setEditable(False)
            item.setData(node.organization_id, ORGANIZATION_ROLE)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if column == TREE_COMPANY:
                flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
                item.setToolTip(name)
            item.setFlags(flags)
            if column in (TREE_TIER, TREE_GRADE):
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if node.deleted:
                item.setForeground(QBrush(_DELETED))
            row.append(item)
        return row

    def index_of(self, organization_id: str) -> QModelIndex:
        """The first column's index of *organization_id* (invalid when it is not shown)."""
        found = self.match(
            self.index(0, 0),
            ORGANIZATION_ROLE,
            organization_id,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return found[0] if found else QModelIndex()

    # --- drag and drop: the payload only; the view asks the page, the model moves nothing ---
    def mimeTypes(self) -> list[str]:
        return [MEMBER_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        ids = {i.data(ORGANIZATION_ROLE) for i in indexes if i.isValid()}
        if len(ids) == 1:
            mime.setData(MEMBER_MIME, QByteArray(next(iter(ids)).encode()))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def dropMimeData(self, *_args: Any) -> bool:
        return False  # ChainTreeView handles drops; rows change only when the service says so


class ChainTreeView(QTreeView):
    """The chain's tree; dropping a company onto another asks to move it there."""

    #: (the dragged member's organization id, the organization it was dropped on)
    move_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)

    @staticmethod
    def dragged_id(event: QDropEvent | QDragMoveEvent) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasFormat(MEMBER_MIME):
            return None
        return bytes(mime.data(MEMBER_MIME).data()).decode() or None

    def dragEnterEvent(self, event: Any) -> None:
        if self.dragged_id(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        target = self.indexAt(event.position().toPoint())
        dragged = self.dragged_id(event)
        if dragged is not None and target.isValid() and target.data(ORGANIZATION_ROLE) != dragged:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        target = self.indexAt(event.position().toPoint())
        dragged = self.dragged_id(event)
        # never let the base class move rows: the tree changes when the service has agreed
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if dragged is None or not target.isValid():
            return
        customer = target.data(ORGANIZATION_ROLE)
        if customer != dragged:
            self.move_requested.emit(dragged, customer)
