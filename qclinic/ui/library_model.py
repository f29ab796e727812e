"""The checklist library as a Qt table model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from qclinic.services.library import LibraryEntry

Index = QModelIndex | QPersistentModelIndex

COL_ID, COL_TITLE, COL_VERSION, COL_QUESTIONS = range(4)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
_HEADERS = (
    QT_TRANSLATE_NOOP("LibraryModel", "ID"),
    QT_TRANSLATE_NOOP("LibraryModel", "Title"),
    QT_TRANSLATE_NOOP("LibraryModel", "Version"),
    QT_TRANSLATE_NOOP("LibraryModel", "Questions"),
)


class LibraryModel(QAbstractTableModel):
    """One row per checklist; ``ENTRY_ROLE`` returns the :class:`LibraryEntry` itself."""

    def __init__(self, entries: Sequence[LibraryEntry], lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self._lang = lang

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return QCoreApplication.translate("LibraryModel", _HEADERS[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == COL_ID:
                return entry.id
            if column == COL_TITLE:
                return entry.title_zh if self._lang == "zh" else entry.title_en
            if column == COL_VERSION:
                return entry.version
            return entry.questions
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_QUESTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
