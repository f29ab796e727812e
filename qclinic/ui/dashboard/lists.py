"""The dashboard's lists: the weakest suppliers, and open actions by company and by owner."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from qclinic.ui.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_COLOUR = QColor("#c62828")


@dataclass(frozen=True)
class ListRow:
    """One line of a dashboard list: a company (or an owner) and its numbers, as shown."""

    key: str  # the organization id ("" for an owner)
    name: str
    values: tuple[str, ...]
    warning: bool = False  # overdue actions: the numbers in red


class _ListModel(TableModel[ListRow]):
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name if column == 0 else row.values[column - 1]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.name
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.warning and column > 0:
            return OVERDUE_COLOUR
        return None


class WeakestModel(_ListModel):
    CONTEXT = "WeakestModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("WeakestModel", "Supplier"),
        QT_TRANSLATE_NOOP("WeakestModel", "Grade"),
        QT_TRANSLATE_NOOP("WeakestModel", "Score"),
    )


class CompanyActionsModel(_ListModel):
    CONTEXT = "CompanyActionsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("CompanyActionsModel", "Company"),
        QT_TRANSLATE_NOOP("CompanyActionsModel", "Open"),
        QT_TRANSLATE_NOOP("CompanyActionsModel", "Overdue"),
    )


class OwnerActionsModel(_ListModel):
    CONTEXT = "OwnerActionsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("OwnerActionsModel", "Owner"),
        QT_TRANSLATE_NOOP("OwnerActionsModel", "Open"),
        QT_TRANSLATE_NOOP("OwnerActionsModel", "Overdue"),
    )
