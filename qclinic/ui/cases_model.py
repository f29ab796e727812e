"""Clinic cases as a Qt table model over :class:`CaseRow` tuples, and the list's filter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from qclinic.core.vocabulary import CaseStatus, NqiCategory
from qclinic.storage.repositories.improvement import CaseRow
from qclinic.ui.labels import label
from qclinic.ui.table_model import TableModel
from qclinic.ui.times import local_date

Index = QModelIndex | QPersistentModelIndex

(
    COL_ORGANIZATION,
    COL_CATEGORY,
    COL_TITLE,
    COL_STATUS,
    COL_REGISTERED,
    COL_RESOLVED,
) = range(6)
COLUMN_COUNT = 6
#: the :class:`CaseRow` of a row
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: a value that sorts the column (dates as ISO text, statuses in workflow order)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

STATUS_COLOURS = {
    CaseStatus.REGISTERED: QColor("#7f8c8d"),
    CaseStatus.DIAGNOSED: QColor("#2471a3"),
    CaseStatus.PRESCRIBED: QColor("#b9770e"),
    CaseStatus.RESOLVED: QColor("#1e8449"),
}
_STATUS_RANK = {status: rank for rank, status in enumerate(CaseStatus)}
_HEADERS = (
    QT_TRANSLATE_NOOP("CasesModel", "Organization"),
    QT_TRANSLATE_NOOP("CasesModel", "NQI category"),
    QT_TRANSLATE_NOOP("CasesModel", "Case"),
    QT_TRANSLATE_NOOP("CasesModel", "Status"),
    QT_TRANSLATE_NOOP("CasesModel", "Registered"),
    QT_TRANSLATE_NOOP("CasesModel", "Resolved"),
)


class CasesModel(TableModel[CaseRow]):
    """One row per clinic case; ``ROW_ROLE`` returns the :class:`CaseRow`."""

    CONTEXT = "CasesModel"
    HEADERS = _HEADERS

    @property
    def rows(self) -> list[CaseRow]:
        return self._rows

    def row_of(self, case_id: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == case_id), -1)

    def update_row(self, row: CaseRow) -> None:
        """Replace one case's row in place (a targeted ``dataChanged``), or add it on top."""
        position = self.row_of(row.id)
        if position < 0:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.insert(0, row)
            self.endInsertRows()
            return
        self._rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, COLUMN_COUNT - 1))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            if column == COL_STATUS:
                return _STATUS_RANK[row.status]
            if column == COL_REGISTERED:
                return row.registered_at.isoformat()
            return self._display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            return STATUS_COLOURS.get(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TITLE:
            return row.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_REGISTERED, COL_RESOLVED):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _display(row: CaseRow, column: int) -> str:
        if column == COL_ORGANIZATION:
            return row.organization_name
        if column == COL_CATEGORY:
            return label(row.nqi_category)
        if column == COL_TITLE:
            return row.title
        if column == COL_STATUS:
            return label(row.status)
        if column == COL_REGISTERED:
            return local_date(row.registered_at).isoformat()
        return row.resolved_on.isoformat() if row.resolved_on else ""


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows; empty fields do not filter."""

    organization: str = ""
    category: NqiCategory | None = None
    status: CaseStatus | None = None
    open_only: bool = False

    def accepts(self, row: CaseRow) -> bool:
        needle = self.organization.strip().casefold()
        return (
            (not needle or needle in row.organization_name.casefold())
            and (self.category is None or row.nqi_category == self.category)
            and (self.status is None or row.status == self.status)
            and (not self.open_only or row.status != CaseStatus.RESOLVED)
        )


class CasesProxy(QSortFilterProxyModel):
    """Filters by :class:`CaseFilter`, sorts by ``SORT_ROLE``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = CaseFilter()
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    def set_filter(self, case_filter: CaseFilter) -> None:
        self._filter = case_filter
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, CasesModel)
        return self._filter.accepts(model.rows[source_row])
