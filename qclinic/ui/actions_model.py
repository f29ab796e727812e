"""The improvement plan as a Qt table model over plain :class:`PlanRow` tuples, and its filter.

Built for 100,000 actions: rows are the tuples of one lean query, ``data()`` only formats what is
painted, sorting happens in Python on the rows (``list.sort`` with a key, not ``lessThan`` called
n·log n times through Qt), and the proxy filters with one Python predicate per row, re-applied with
``invalidate()`` (a layout change, not thousands of row-removal signals).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from qclinic.core.vocabulary import ActionStatus, Priority
from qclinic.storage.repositories.improvement import PlanRow
from qclinic.ui.labels import label

Index = QModelIndex | QPersistentModelIndex

(
    COL_ORGANIZATION,
    COL_TITLE,
    COL_SOURCE,
    COL_OWNER,
    COL_DUE,
    COL_PRIORITY,
    COL_STATUS,
    COL_OVERDUE,
) = range(8)
COLUMN_COUNT = 8
#: the :class:`PlanRow` of a row
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: days past the due date (0 when not overdue)
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2

OPEN_STATUSES = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})
OVERDUE_COLOUR = QColor("#c0392b")
_PRIORITY_RANK = {Priority.HIGH: 0, Priority.MEDIUM: 1, Priority.LOW: 2}
_STATUS_RANK = {status: rank for rank, status in enumerate(ActionStatus)}
_HEADERS = (
    "Organization",
    "Action",
    "Source",
    "Owner",
    "Due",
    "Priority",
    "Status",
    "Overdue",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActionsModel", text)


def days_overdue(row: PlanRow, today: date) -> int:
    """Days an open or in-progress action is past its due date; 0 otherwise."""
    if row.due_date is None or row.status not in OPEN_STATUSES or row.due_date >= today:
        return 0
    return (today - row.due_date).days


def source_text(row: PlanRow) -> str:
    if row.finding_id is not None:
        return _tr("Finding")
    if row.case_id is not None:
        return _tr("Clinic case")
    return ""


def overdue_text(days: int) -> str:
    return QCoreApplication.translate("ActionsModel", "%n days", None, days) if days else ""


class ActionsModel(QAbstractTableModel):
    """One row per action; ``ROW_ROLE`` returns the :class:`PlanRow`."""

    def __init__(self, parent: Any = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PlanRow] = []
        self._position: dict[str, int] = {}
        self.today = today or date.today()
        self._bold = QFont()
        self._bold.setBold(True)
        self._red = QBrush(OVERDUE_COLOUR)

    # --- content ---------------------------------------------------------------------------
    @property
    def rows(self) -> list[PlanRow]:
        return self._rows

    def set_rows(self, rows: Sequence[PlanRow], today: date | None = None) -> None:
        """Replace every row (a reload)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.today = today or date.today()
        self._reindex()
        self.endResetModel()

    def row_of(self, action_id: str) -> int:
        """The row of *action_id*, or -1."""
        return self._position.get(action_id, -1)

    def update_row(self, row: PlanRow) -> None:
        """Replace one action's row in place (a targeted ``dataChanged``), or add it."""
        position = self.row_of(row.id)
        if position < 0:
            end = len(self._rows)
            self.beginInsertRows(QModelIndex(), end, end)
            self._rows.append(row)
            self._position[row.id] = end
            self.endInsertRows()
            return
        self._rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, COLUMN_COUNT - 1))

    def remove_row(self, action_id: str) -> None:
        position = self.row_of(action_id)
        if position < 0:
            return
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self._reindex()
        self.endRemoveRows()

    def _reindex(self) -> None:
        self._position = {row.id: position for position, row in enumerate(self._rows)}

    # --- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(_HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ROW_ROLE:
            return row
        if role == OVERDUE_ROLE:
            return days_overdue(row, self.today)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._red if days_overdue(row, self.today) else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if days_overdue(row, self.today) else None
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TITLE:
            return row.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_DUE, COL_OVERDUE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row: PlanRow, column: int) -> str:
        if column == COL_ORGANIZATION:
            return row.organization_name
        if column == COL_TITLE:
            return row.title
        if column == COL_SOURCE:
            return source_text(row)
        if column == COL_OWNER:
            return row.owner
        if column == COL_DUE:
            return row.due_date.isoformat() if row.due_date else ""
        if column == COL_PRIORITY:
            return label(row.priority)
        if column == COL_STATUS:
            return label(row.status)
        return overdue_text(days_overdue(row, self.today))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python (one key per row), keeping persistent indexes (selection)."""
        key = self._sort_key(column)
        if key is None:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in persistent]
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._reindex()
        self.changePersistentIndexList(
            persistent,
            [
                self.index(self._position[action_id], index.column())
                for action_id, index in zip(ids, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _sort_key(self, column: int) -> Callable[[PlanRow], Any] | None:
        today = self.today
        undated = date.max
        keys: dict[int, Callable[[PlanRow], Any]] = {
            COL_ORGANIZATION: lambda r: (r.organization_name, r.due_date or undated),
            COL_TITLE: lambda r: r.title,
            COL_SOURCE: lambda r: (r.finding_id is None, r.case_id is None),
            COL_OWNER: lambda r: r.owner,
            COL_DUE: lambda r: r.due_date or undated,
            COL_PRIORITY: lambda r: (_PRIORITY_RANK[r.priority], r.due_date or undated),
            COL_STATUS: lambda r: (_STATUS_RANK[r.status], r.due_date or undated),
            COL_OVERDUE: lambda r: days_overdue(r, today),
        }
        return keys.get(column)


@dataclass(frozen=True)
class ActionFilter:
    """What the plan list shows; empty fields do not filter."""

    organization: str = ""
    status: ActionStatus | None = None
    priority: Priority | None = None
    owner: str = ""
    overdue_only: bool = False
    due_before: date | None = None

    def predicate(self, today: date) -> Callable[[PlanRow], bool] | None:
        """A function accepting the rows to show, or None when nothing is filtered."""
        tests: list[Callable[[PlanRow], bool]] = []
        if self.organization.strip():
            needle = self.organization.strip().casefold()
            tests.append(lambda r: needle in r.organization_name.casefold())
        if self.status is not None:
            status = self.status
            tests.append(lambda r: r.status == status)
        if self.priority is not None:
            priority = self.priority
            tests.append(lambda r: r.priority == priority)
        if self.owner.strip():
            owner = self.owner.strip().casefold()
            tests.append(lambda r: owner in r.owner.casefold())
        if self.overdue_only:
            tests.append(
                lambda r: (
                    r.due_date is not None and r.due_date < today and r.status in OPEN_STATUSES
                )
            )
        if self.due_before is not None:
            before = self.due_before
            tests.append(lambda r: r.due_date is not None and r.due_date < before)
        if not tests:
            return None
        if len(tests) == 1:
            return tests[0]
        return lambda r: all(test(r) for test in tests)


class ActionsProxy(QSortFilterProxyModel):
    """Filters by :class:`ActionFilter`; sorting is delegated to :class:`ActionsModel`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = ActionFilter()
        self._accepts: Callable[[PlanRow], bool] | None = None

    @property
    def action_filter(self) -> ActionFilter:
        return self._filter

    def set_filter(self, action_filter: ActionFilter) -> None:
        self._filter = action_filter
        self._refresh_predicate()
        self.invalidate()  # one layout change: far cheaper than removing rows range by range

    def _refresh_predicate(self) -> None:
        source = self.sourceModel()
        today = source.today if isinstance(source, ActionsModel) else date.today()
        self._accepts = self._filter.predicate(today)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._accepts is None:
            return True
        model = self.sourceModel()
        assert isinstance(model, ActionsModel)
        return self._accepts(model.rows[source_row])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, ActionsModel):
            model.sort(column, order)
