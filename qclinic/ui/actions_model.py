"""The improvement plan as a Qt table model over plain tuples, and its filter.

Built for 100,000 actions: rows are the raw tuples of one lean query
(:func:`~qclinic.storage.repositories.improvement.plan_table`: ISO date text, stored vocabulary
values), so nothing is converted per row; ``data()`` only formats what is painted; sorting happens
in Python on the rows (``list.sort`` with a key, not ``lessThan`` called n·log n times through Qt);
the proxy filters with one Python predicate per row, re-applied with ``invalidate()`` (a layout
change, not thousands of row-removal signals). ``ROW_ROLE`` gives the typed :class:`PlanRow`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from qclinic.core import overdue
from qclinic.core.vocabulary import ActionStatus, Priority
from qclinic.storage.repositories.improvement import (
    PLAN_CASE_ID,
    PLAN_DUE_DATE,
    PLAN_FINDING_ID,
    PLAN_ID,
    PLAN_ORGANIZATION_NAME,
    PLAN_OWNER,
    PLAN_PRIORITY,
    PLAN_STATUS,
    PLAN_TITLE,
    PlanRow,
    RawPlanRow,
)
from qclinic.ui.labels import label
from qclinic.ui.table_model import TableModel

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
#: the typed :class:`PlanRow` of a row
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: days past the due date (0 when not overdue)
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2

#: stored values of the statuses an action can be overdue in (raw rows hold plain strings)
OPEN_STATUSES = frozenset({ActionStatus.OPEN.value, ActionStatus.IN_PROGRESS.value})
OVERDUE_COLOUR = QColor("#c0392b")
_PRIORITY_RANK = {priority.value: rank for rank, priority in enumerate(Priority)}
_STATUS_RANK = {status.value: rank for rank, status in enumerate(ActionStatus)}
_HEADERS = (
    QT_TRANSLATE_NOOP("ActionsModel", "Organization"),
    QT_TRANSLATE_NOOP("ActionsModel", "Action"),
    QT_TRANSLATE_NOOP("ActionsModel", "Source"),
    QT_TRANSLATE_NOOP("ActionsModel", "Owner"),
    QT_TRANSLATE_NOOP("ActionsModel", "Due"),
    QT_TRANSLATE_NOOP("ActionsModel", "Priority"),
    QT_TRANSLATE_NOOP("ActionsModel", "Status"),
    QT_TRANSLATE_NOOP("ActionsModel", "Overdue"),
)
_UNDATED = "9999-12-31"  # sorts after every ISO date


def is_overdue(row: RawPlanRow, today_iso: str) -> bool:
    """An open or in-progress action whose due date is before *today_iso* (ISO text compare)."""
    return overdue.is_overdue(row[PLAN_STATUS], row[PLAN_DUE_DATE], today_iso)


def days_overdue(row: RawPlanRow, today: date) -> int:
    """Days an open or in-progress action is past its due date; 0 otherwise."""
    if not is_overdue(row, today.isoformat()):
        return 0
    return (today - date.fromisoformat(row[PLAN_DUE_DATE] or "")).days


def source_text(row: RawPlanRow) -> str:
    if row[PLAN_FINDING_ID] is not None:
        return QCoreApplication.translate("ActionsModel", "Finding")
    if row[PLAN_CASE_ID] is not None:
        return QCoreApplication.translate("ActionsModel", "Clinic case")
    return ""


def overdue_text(days: int) -> str:
    return QCoreApplication.translate("ActionsModel", "%n days", None, days) if days else ""


class ActionsModel(TableModel[RawPlanRow]):
    """One row per action (raw ``PLAN_*`` tuples); ``ROW_ROLE`` returns a :class:`PlanRow`."""

    CONTEXT = "ActionsModel"
    HEADERS = _HEADERS

    def __init__(self, parent: Any = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._position: dict[str, int] = {}
        self._overdue: int | None = None  # cached count
        self.today = today or date.today()
        self._bold = QFont()
        self._bold.setBold(True)
        self._red = QBrush(OVERDUE_COLOUR)

    # --- content ---------------------------------------------------------------------------
    @property
    def rows(self) -> list[RawPlanRow]:
        return self._rows

    def overdue_count(self) -> int:
        if self._overdue is None:
            today_iso = self.today.isoformat()
            self._overdue = sum(1 for row in self._rows if is_overdue(row, today_iso))
        return self._overdue

    def set_rows(
        self,
        rows: Sequence[RawPlanRow],
        today: date | None = None,
        *,
        sort: tuple[int, Qt.SortOrder] | None = None,
    ) -> None:
        """Replace every row (a reload), sorted by ``sort=(column, order)`` before the reset."""
        self.beginResetModel()
        self._rows = list(rows)
        self.today = today or date.today()
        key = self._sort_key(sort[0]) if sort else None
        if sort and key:
            self._rows.sort(key=key, reverse=sort[1] == Qt.SortOrder.DescendingOrder)
        self._reindex()
        self.endResetModel()

    def row_of(self, action_id: str) -> int:
        """The row of *action_id*, or -1."""
        return self._position.get(action_id, -1)

    def update_row(self, row: RawPlanRow) -> None:
        """Replace one action's row in place (a targeted ``dataChanged``), or add it."""
        position = self.row_of(row[PLAN_ID])
        if position < 0:
            end = len(self._rows)
            self.beginInsertRows(QModelIndex(), end, end)
            self._rows.append(row)
            self._position[row[PLAN_ID]] = end
            self._overdue = None
            self.endInsertRows()
            return
        self._rows[position] = row
        self._overdue = None
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
        self._overdue = None
        self._position = {row[PLAN_ID]: position for position, row in enumerate(self._rows)}

    # --- Qt model --------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ROW_ROLE:
            return PlanRow.from_raw(row)
        if role == OVERDUE_ROLE:
            return days_overdue(row, self.today)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._red if is_overdue(row, self.today.isoformat()) else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if is_overdue(row, self.today.isoformat()) else None
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TITLE:
            return row[PLAN_TITLE]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_DUE, COL_OVERDUE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row: RawPlanRow, column: int) -> str:
        if column == COL_ORGANIZATION:
            return row[PLAN_ORGANIZATION_NAME]
        if column == COL_TITLE:
            return row[PLAN_TITLE]
        if column == COL_SOURCE:
            return source_text(row)
        if column == COL_OWNER:
            return row[PLAN_OWNER]
        if column == COL_DUE:
            return row[PLAN_DUE_DATE] or ""
        if column == COL_PRIORITY:
            return label(Priority(row[PLAN_PRIORITY]))
        if column == COL_STATUS:
            return label(ActionStatus(row[PLAN_STATUS]))
        return overdue_text(days_overdue(row, self.today))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python (one key per row), keeping persistent indexes (selection)."""
        key = self._sort_key(column)
        if key is None:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[index.row()][PLAN_ID] for index in persistent]
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

    def _sort_key(self, column: int) -> Callable[[RawPlanRow], Any] | None:
        today_iso = self.today.isoformat()
        due, undated = PLAN_DUE_DATE, _UNDATED
        keys: dict[int, Callable[[RawPlanRow], Any]] = {
            COL_ORGANIZATION: lambda r: (r[PLAN_ORGANIZATION_NAME], r[due] or undated),
            COL_TITLE: lambda r: r[PLAN_TITLE],
            COL_SOURCE: lambda r: (r[PLAN_FINDING_ID] is None, r[PLAN_CASE_ID] is None),
            COL_OWNER: lambda r: r[PLAN_OWNER],
            COL_DUE: lambda r: r[due] or undated,
            COL_PRIORITY: lambda r: (_PRIORITY_RANK[r[PLAN_PRIORITY]], r[due] or undated),
            COL_STATUS: lambda r: (_STATUS_RANK[r[PLAN_STATUS]], r[due] or undated),
            # the earlier the due date, the more days overdue; the rest after, by due date
            COL_OVERDUE: lambda r: (not is_overdue(r, today_iso), r[due] or undated),
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

    def predicate(self, today: date) -> Callable[[RawPlanRow], bool] | None:
        """A function accepting the rows to show, or None when nothing is filtered."""
        tests: list[Callable[[RawPlanRow], bool]] = []
        if self.organization.strip():
            needle = self.organization.strip().casefold()
            tests.append(lambda r: needle in r[PLAN_ORGANIZATION_NAME].casefold())
        if self.status is not None:
            status = self.status.value
            tests.append(lambda r: r[PLAN_STATUS] == status)
        if self.priority is not None:
            priority = self.priority.value
            tests.append(lambda r: r[PLAN_PRIORITY] == priority)
        if self.owner.strip():
            owner = self.owner.strip().casefold()
            tests.append(lambda r: owner in r[PLAN_OWNER].casefold())
        if self.overdue_only:
            today_iso, due = today.isoformat(), PLAN_DUE_DATE  # is_overdue, inlined (hot)
            tests.append(
                lambda r: (
                    r[due] is not None and r[due] < today_iso and r[PLAN_STATUS] in OPEN_STATUSES
                )
            )
        if self.due_before is not None:
            before = self.due_before.isoformat()
            tests.append(lambda r: r[PLAN_DUE_DATE] is not None and r[PLAN_DUE_DATE] < before)
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
        self._accepts: Callable[[RawPlanRow], bool] | None = None
        self._model: ActionsModel | None = None  # kept in Python: no wrapper lookup per row

    @property
    def action_filter(self) -> ActionFilter:
        return self._filter

    def setSourceModel(self, model: Any) -> None:
        self._model = model if isinstance(model, ActionsModel) else None
        super().setSourceModel(model)

    def set_filter(self, action_filter: ActionFilter, *, today: date | None = None) -> None:
        """Filter by *action_filter* ("overdue" as of *today*, the model's day by default)."""
        self.prepare_filter(action_filter, today=today)
        self.invalidate()  # one layout change: far cheaper than removing rows range by range

    def prepare_filter(self, action_filter: ActionFilter, *, today: date | None = None) -> None:
        """Set the filter without re-filtering (the next model reset applies it)."""
        self._filter = action_filter
        if today is None:
            today = self._model.today if self._model is not None else date.today()
        self._accepts = action_filter.predicate(today)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        accepts = self._accepts
        if accepts is None or self._model is None:
            return True
        return accepts(self._model.rows[source_row])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self._model is not None:
            self._model.sort(column, order)


class OverdueBadge(QStyledItemDelegate):
    """Paints "N days" in the overdue column as a red pill."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        days = index.data(OVERDUE_ROLE)
        if not days:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None  # type: ignore[union-attr]
        if style is not None and option.state & QStyle.StateFlag.State_Selected:  # type: ignore[operator]
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter)
        text = str(index.data())
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        rect = option.rect  # type: ignore[attr-defined]
        width = min(rect.width() - 8, metrics.horizontalAdvance(text) + 16)
        height = min(rect.height() - 6, metrics.height() + 4)
        pill = QRectF(
            rect.x() + (rect.width() - width) / 2,
            rect.y() + (rect.height() - height) / 2,
            width,
            height,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(OVERDUE_COLOUR)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
