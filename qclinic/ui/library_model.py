"""The checklist library as a Qt table model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from qclinic.services.library import LibraryEntry
from qclinic.ui.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex

COL_ID, COL_TITLE, COL_VERSION, COL_QUESTIONS, COL_VERSIONS = range(5)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
_HEADERS = (
    QT_TRANSLATE_NOOP("LibraryModel", "ID"),
    QT_TRANSLATE_NOOP("LibraryModel", "Title"),
    QT_TRANSLATE_NOOP("LibraryModel", "Version"),
    QT_TRANSLATE_NOOP("LibraryModel", "Questions"),
    QT_TRANSLATE_NOOP("LibraryModel", "Installed versions"),
)


class LibraryModel(TableModel[LibraryEntry]):
    """One row per checklist; ``ENTRY_ROLE`` returns the :class:`LibraryEntry` itself."""

    CONTEXT = "LibraryModel"
    HEADERS = _HEADERS

    def __init__(self, entries: Sequence[LibraryEntry], lang: str, parent: Any = None) -> None:
        super().__init__(parent, entries)
        self._lang = lang

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
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
            if column == COL_VERSIONS:  # assessments keep the version they were started with
                return ", ".join(entry.versions or (entry.version,))
            return entry.questions
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_QUESTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
