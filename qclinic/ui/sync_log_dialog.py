"""*File → Sync log*: what each sync sent and received, and every error, newest first, in the
interface language (the log keeps both: :mod:`qclinic.services.sync_log`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qclinic.services.sync_log import LogEntry, SyncLog
from qclinic.ui.table_model import TableModel

_Index = QModelIndex | QPersistentModelIndex

COL_TIME, COL_DIRECTION, COL_COUNTS, COL_MESSAGE = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("SyncLogModel", "Time"),
    QT_TRANSLATE_NOOP("SyncLogModel", "Direction"),
    QT_TRANSLATE_NOOP("SyncLogModel", "Counts"),
    QT_TRANSLATE_NOOP("SyncLogModel", "Message"),
)
DIRECTION_NAMES = {
    "sent": QT_TRANSLATE_NOOP("SyncLogModel", "Sent"),
    "received": QT_TRANSLATE_NOOP("SyncLogModel", "Received"),
    "sync": QT_TRANSLATE_NOOP("SyncLogModel", "Sync"),
    "error": QT_TRANSLATE_NOOP("SyncLogModel", "Error"),
    "sign_in": QT_TRANSLATE_NOOP("SyncLogModel", "Signed in"),
    "sign_out": QT_TRANSLATE_NOOP("SyncLogModel", "Signed out"),
    "export": QT_TRANSLATE_NOOP("SyncLogModel", "Bundle exported"),
    "import": QT_TRANSLATE_NOOP("SyncLogModel", "Bundle imported"),
}
COUNT_NAMES = {
    "changes": QT_TRANSLATE_NOOP("SyncLogModel", "changes"),
    "conflicts": QT_TRANSLATE_NOOP("SyncLogModel", "conflicts"),
    "rejected": QT_TRANSLATE_NOOP("SyncLogModel", "rejected"),
    "waiting": QT_TRANSLATE_NOOP("SyncLogModel", "waiting"),
    "blobs": QT_TRANSLATE_NOOP("SyncLogModel", "attachments"),
    "rows": QT_TRANSLATE_NOOP("SyncLogModel", "rows"),
    "missing": QT_TRANSLATE_NOOP("SyncLogModel", "missing"),
    "applied": QT_TRANSLATE_NOOP("SyncLogModel", "applied"),
    "unchanged": QT_TRANSLATE_NOOP("SyncLogModel", "already here"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate("SyncLogModel", source)


class SyncLogModel(TableModel[LogEntry]):
    """The log's entries, newest first; the role ``UserRole`` gives the :class:`LogEntry`."""

    CONTEXT = "SyncLogModel"
    HEADERS = HEADERS

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang

    @property
    def entries(self) -> list[LogEntry]:
        return self._rows

    def set_entries(self, entries: list[LogEntry]) -> None:
        self.set_rows(entries)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.row_at(index.row())
        if role == Qt.ItemDataRole.UserRole:
            return entry
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == COL_TIME:
            return entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column == COL_DIRECTION:
            name = DIRECTION_NAMES.get(entry.direction)
            return _tr(name) if name else entry.direction
        if column == COL_COUNTS:
            return ", ".join(
                f"{_tr(COUNT_NAMES[key]) if key in COUNT_NAMES else key} {value}"
                for key, value in entry.counts.items()
            )
        return entry.message.get(self.lang)


class SyncLogDialog(QDialog):
    """The sync log, newest first (re-read each time it is shown)."""

    def __init__(self, log: SyncLog, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncLogDialog")
        self._log = log
        self.model = SyncLogModel(lang, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)  # one line a row; the tooltip holds the whole message
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for column in (COL_TIME, COL_DIRECTION, COL_COUNTS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view)
        layout.addWidget(self.buttons)
        self.resize(980, 520)
        self.reload()
        self.retranslate()

    def reload(self) -> None:
        self.model.set_entries(self._log.entries())
        self.empty.setVisible(not self.model.entries)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sync log"))
        self.empty.setText(self.tr("Nothing has been synced yet."))

    def set_language(self, lang: str) -> None:
        self.model.set_language(lang)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
