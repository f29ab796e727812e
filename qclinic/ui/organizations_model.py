"""The Qt models of the organization list: the list itself and its filter (the detail's small
tables are in :mod:`qclinic.ui.organization_detail_model`).

The model holds :class:`~qclinic.storage.organization_list.OrganizationSummary` tuples
(one lean query, no ORM objects). It sorts itself: Python's ``sorted`` over ten thousand rows takes
milliseconds, where a proxy comparing cells through ``data()`` would take the better part of a
second. :class:`OrganizationFilter` therefore only filters and hands sorting to the model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QFontDatabase

from qclinic.core.vocabulary import (
    ChainRole,
    IndustryChain,
)
from qclinic.services.organizations import OrganizationSummary
from qclinic.storage.search import organization_search_key
from qclinic.ui.icons import icon
from qclinic.ui.labels import label
from qclinic.ui.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_USCC, COL_CHAIN, COL_ROLE, COL_REGION, COL_GRADE = range(6)
COLUMN_COUNT = 6
#: returns the row's :class:`OrganizationSummary`
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: up to this many rows added or removed by a refresh are inserted / removed one by one
TARGETED_LIMIT = 20

_HEADERS = (
    QT_TRANSLATE_NOOP("OrganizationsModel", "Name"),
    QT_TRANSLATE_NOOP("OrganizationsModel", "Credit code"),
    QT_TRANSLATE_NOOP("OrganizationsModel", "Industry chain"),
    QT_TRANSLATE_NOOP("OrganizationsModel", "Chain role"),
    QT_TRANSLATE_NOOP("OrganizationsModel", "Region"),
    QT_TRANSLATE_NOOP("OrganizationsModel", "Latest grade"),
)
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)


def grade_text(grade: str | None, percent: float | None) -> str:
    """The latest result as the list shows it: "B · 73.7%", "B", "73.7%" or ""."""
    parts = []
    if grade:
        parts.append(grade)
    if percent is not None:
        parts.append(f"{percent:.1f}%")
    return " · ".join(parts)


def _sort_key(column: int) -> Callable[[OrganizationSummary], Any]:
    """A key ``(empty, value, name…)``; :meth:`OrganizationsModel._sorted` puts empties last."""
    if column == COL_GRADE:
        return lambda r: (r.latest_percent is None, r.latest_percent or 0.0, r.name)
    if column == COL_USCC:
        return lambda r: (r.uscc is None, r.uscc or "", r.name)
    if column in (COL_CHAIN, COL_ROLE):
        attribute = "industry_chain" if column == COL_CHAIN else "chain_role"
        labels: dict[Any, str] = {}

        def key(r: OrganizationSummary) -> Any:
            value = getattr(r, attribute)
            if value not in labels:
                labels[value] = label(value)
            return (value is None, labels[value], r.name)

        return key
    if column == COL_REGION:
        return lambda r: (r.region is None, r.region or "", r.name)
    return lambda r: (False, r.name, r.id)


class OrganizationsModel(TableModel[OrganizationSummary]):
    """One row per organization; ``ROW_ROLE`` returns its :class:`OrganizationSummary`."""

    CONTEXT = "OrganizationsModel"
    HEADERS = _HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._row_of: dict[str, int] = {}
        self._search_keys: dict[str, str] = {}  # made on the first search, not at loading
        self._sort: tuple[int, Qt.SortOrder] | None = None  # None: as loaded (by name)
        self._code_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        # {organization id: records whose attachments have not reached this computer yet}
        self.incomplete: dict[str, int] = {}

    # --- Qt interface ---------------------------------------------------------------------
    def header_alignment(self, column: int) -> int | None:
        return _ALIGN_CENTER if column == COL_GRADE else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return row.name
            if column == COL_USCC:
                return row.uscc or ""
            if column == COL_CHAIN:
                return label(row.industry_chain)
            if column == COL_ROLE:
                return label(row.chain_role)
            if column == COL_REGION:
                return row.region or ""
            return grade_text(row.latest_grade, row.latest_percent)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            missing = self.incomplete.get(row.id, 0)
            if missing:
                return (
                    self.tr(
                        "%1\n%2 attachment(s) not on this computer yet: they arrive with the next sync."
                    )
                    .replace("%1", row.name)
                    .replace("%2", str(missing))
                )
            return row.name
        if role == Qt.ItemDataRole.DecorationRole and column == COL_NAME:
            return icon("incomplete") if self.incomplete.get(row.id) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_GRADE:
            return _ALIGN_CENTER
        if role == Qt.ItemDataRole.FontRole and column == COL_USCC:
            return self._code_font
        if role == Qt.ItemDataRole.FontRole and column == COL_GRADE and row.latest_grade:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def set_incomplete(self, counts: dict[str, int]) -> None:
        """Mark the organizations with incomplete attachments (an icon and a tooltip on the
        name); only the rows whose mark changed are announced."""
        changed = {oid for oid in counts.keys() | self.incomplete.keys()}
        changed = {oid for oid in changed if counts.get(oid) != self.incomplete.get(oid)}
        self.incomplete = dict(counts)
        for organization_id in changed:
            row = self._row_of.get(organization_id)
            if row is not None:
                index = self.index(row, COL_NAME)
                self.dataChanged.emit(index, index)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by *column* (-1: back to the loaded order), keeping selections on their rows."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._rows[i.row()].id for i in old]
        self._sort = None if column < 0 else (column, order)
        self._rows = self._sorted(self._rows)
        self._reindex()
        new = [
            self.index(self._row_of[oid], i.column()) for oid, i in zip(old_ids, old, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # --- loading and single-row edits -----------------------------------------------------
    def set_rows(self, rows: Sequence[OrganizationSummary]) -> None:
        """Show *rows*, with the least disturbance: a reset only when rows moved.

        A refresh after a single edit (a new company, a renamed one, a new grade) inserts, removes
        or updates just those rows, so selection and scrolling stay put.
        """
        rows = self._sorted(list(rows))
        old_ids = [r.id for r in self._rows]
        new_ids = [r.id for r in rows]
        if old_ids != new_ids:
            old_set, new_set = set(old_ids), set(new_ids)
            few = bool(old_ids) and abs(len(new_ids) - len(old_ids)) <= TARGETED_LIMIT
            if few and old_set <= new_set and [i for i in new_ids if i in old_set] == old_ids:
                for number, row in enumerate(rows):
                    if row.id not in old_set:
                        self.beginInsertRows(QModelIndex(), number, number)
                        self._rows.insert(number, row)
                        self.endInsertRows()
            elif few and new_set <= old_set and [i for i in old_ids if i in new_set] == new_ids:
                for number in range(len(old_ids) - 1, -1, -1):
                    if old_ids[number] not in new_set:
                        self.beginRemoveRows(QModelIndex(), number, number)
                        del self._rows[number]
                        self.endRemoveRows()
            else:
                self.beginResetModel()
                self._rows = rows
                self._reindex()
                self.endResetModel()
                return
            self._reindex()
        for number, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if old != new:
                self._rows[number] = new
                self._search_keys.pop(new.id, None)
                self._changed(number)

    def search_key(self, row: int) -> str:
        """What a search matches: the repository's key of name, credit code and region."""
        summary = self._rows[row]
        key = self._search_keys.get(summary.id)
        if key is None:
            key = organization_search_key(summary.name, summary.uscc, summary.region)
            self._search_keys[summary.id] = key
        return key

    def row_of(self, organization_id: str) -> int | None:
        return self._row_of.get(organization_id)

    def summary(self, row: int) -> OrganizationSummary:
        return self._rows[row]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_CHAIN),
                self.index(len(self._rows) - 1, COL_ROLE),
                [Qt.ItemDataRole.DisplayRole],
            )

    # --- internals ------------------------------------------------------------------------
    def _sorted(self, rows: list[OrganizationSummary]) -> list[OrganizationSummary]:
        if self._sort is None:
            return rows  # the repository returns them by name, then id
        column, order = self._sort
        key = _sort_key(column)
        keyed = sorted(
            ((key(row), row) for row in rows),
            key=lambda pair: pair[0],
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        # rows without a value (no grade, no chain…) stay at the bottom in either order
        return [row for k, row in keyed if not k[0]] + [row for k, row in keyed if k[0]]

    def _reindex(self) -> None:
        self._row_of = {row.id: number for number, row in enumerate(self._rows)}
        self._search_keys = {}

    def _changed(self, number: int) -> None:
        self.dataChanged.emit(self.index(number, 0), self.index(number, COLUMN_COUNT - 1))


class OrganizationFilter(QSortFilterProxyModel):
    """Filters by search text (name, credit code, region) and by chain and role.

    Sorting is handed to the source model (see the module docstring): the proxy keeps its order.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._search = ""
        self._chain: IndustryChain | None = None
        self._role: ChainRole | None = None

    def set_filters(
        self,
        search: str | None = None,
        chain: IndustryChain | None = None,
        role: ChainRole | None = None,
    ) -> None:
        """Filter like the repository's ``search``: casefolded, whitespace-normalised substring."""
        self.beginFilterChange()
        self._search = " ".join((search or "").split()).casefold()
        self._chain = chain
        self._role = role
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def active(self) -> bool:
        return bool(self._search) or self._chain is not None or self._role is not None

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.active:
            return True
        model = self.sourceModel()
        assert isinstance(model, OrganizationsModel)
        row = model.summary(source_row)
        if self._chain is not None and row.industry_chain != self._chain:
            return False
        if self._role is not None and row.chain_role != self._role:
            return False
        return not self._search or self._search in model.search_key(source_row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)
