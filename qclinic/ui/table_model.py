"""The one base of QClinic's table models: rows in a list, translatable column headers.

Every list in the UI is a :class:`TableModel` subclass. The base answers Qt's questions that do
not depend on what a row is — how many rows and columns, what each column is called — and the
subclass answers :meth:`~QAbstractTableModel.data` for its rows::

    class CasesModel(TableModel[CaseRow]):
        CONTEXT = "CasesModel"
        HEADERS = (QT_TRANSLATE_NOOP("CasesModel", "Organization"), …)

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            row = self._rows[index.row()]
            …

Headers are English source texts translated in the class's ``CONTEXT`` each time Qt asks, so a
language switch only has to tell the views (:meth:`TableModel.retranslate`). A model whose columns
change with its content (a dataset's kind, the records of a panel) overrides
:meth:`TableModel.header_labels`; one that is handed texts already translated leaves ``CONTEXT``
empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")

#: what :meth:`TableModel.retranslate` tells the views to read again
_TEXT_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole]


class TableModel(QAbstractTableModel, Generic[RowT]):
    """A flat table of rows (held in ``self._rows``) with translatable column headers."""

    #: the translation context of :attr:`HEADERS` ("": the labels are shown as they are)
    CONTEXT: ClassVar[str] = ""
    #: the column headers' English source texts (``QT_TRANSLATE_NOOP``), one per column
    HEADERS: ClassVar[Sequence[str]] = ()

    def __init__(self, parent: QObject | None = None, rows: Iterable[RowT] = ()) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = list(rows)

    # --- columns ---------------------------------------------------------------------------
    def header_labels(self) -> Sequence[str]:
        """The columns' labels as written in the source (before translation)."""
        return self.HEADERS

    def header_text(self, column: int) -> str:
        """The label of *column* in the current language."""
        label = self.header_labels()[column]
        return QCoreApplication.translate(self.CONTEXT, label) if self.CONTEXT else label

    def header_alignment(self, column: int) -> int | None:
        """How *column*'s header is aligned (``None``: Qt's default)."""
        return None

    # --- rows ------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[RowT]) -> None:
        """Show *rows* instead of the current ones (a model reset: every row is new)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, number: int) -> RowT:
        """The row shown at *number* (in the model's own order)."""
        return self._rows[number]

    def retranslate(self) -> None:
        """The language changed: the views read the headers and every cell's text again."""
        columns = self.columnCount()
        if columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if self._rows and columns:
            last = self.index(len(self._rows) - 1, columns - 1)
            self.dataChanged.emit(self.index(0, 0), last, _TEXT_ROLES)

    # --- Qt's interface --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.header_labels())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.header_alignment(section)
        return None
