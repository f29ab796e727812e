"""The status bar's sync part: where the data stands, progress while syncing, Cancel.

It shows one of: *Synced at 14:02*, *12 changes and 3 photos waiting*, *Offline*, *Sign-in
expired*, *Not signed in*, then *· 2 conflicts* when there are any; while a sync runs, its
progress and a Cancel button. Clicking the text opens the sync log. It only shows what
:class:`~qclinic.ui.sync_actions.SyncController` hands it (a
:class:`~qclinic.sync.account.SyncStatus` and whether the server answered last time).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QToolButton, QWidget

from qclinic.sync.account import SyncStatus


class SyncStatusWidget(QWidget):
    #: the text was clicked: show the sync log
    clicked = Signal()
    #: Cancel was clicked while syncing
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.status: SyncStatus | None = None
        self.offline = False
        self.syncing = False
        self.progress_text = ""
        self.label = QToolButton()
        self.label.setObjectName("syncStatusText")
        self.label.setAutoRaise(True)
        self.label.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.label.clicked.connect(self.clicked)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: the engine reports steps, not a total
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton()
        self.cancel.setObjectName("syncCancel")
        self.cancel.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        layout.addWidget(self.cancel)
        self.retranslate()

    def show_status(self, status: SyncStatus | None, *, offline: bool | None = None) -> None:
        self.status = status
        if offline is not None:
            self.offline = offline
        self.retranslate()

    def show_progress(self, syncing: bool, text: str = "") -> None:
        self.syncing = syncing
        self.progress_text = text
        self.retranslate()

    def text(self) -> str:
        """What the status bar says now (tests and screenshots read it)."""
        return self.label.text()

    def describe(self) -> str:
        status = self.status
        if self.syncing:
            return self.progress_text or self.tr("Syncing…")
        if status is None:
            return ""
        if not status.server or (not status.signed_in and not status.expired):
            main = self.tr("Not signed in to a sync server")
            if status.pending_changes:
                main += " · " + self.waiting_text(status)
        elif status.expired:
            main = self.tr("Sign-in expired: sign in again in Settings → Server")
        elif self.offline:
            main = self.tr("Offline")
            if status.pending_changes:
                main += " · " + self.waiting_text(status)
        elif status.pending_changes:
            main = self.waiting_text(status)
        elif status.last_sync is not None:
            main = self.tr("Synced at %1").replace("%1", _local_time(status.last_sync))
        else:
            main = self.tr("Not synced yet")
        if status.conflicts:
            count = status.conflicts
            main += " · " + (
                self.tr("1 conflict")
                if count == 1
                else self.tr("%1 conflicts").replace("%1", str(count))
            )
        return main

    def waiting_text(self, status: SyncStatus) -> str:
        # one source text per number form: English has no .ts here, so "%n change(s)" would show
        changes, photos = status.pending_changes, status.pending_blobs
        if photos:
            text = self.tr("%1 changes and %2 photos waiting")
            if changes == 1:
                text = self.tr("1 change and %2 photos waiting")
            if photos == 1:
                text = (
                    self.tr("1 change and 1 photo waiting")
                    if changes == 1
                    else self.tr("%1 changes and 1 photo waiting")
                )
            return text.replace("%1", str(changes)).replace("%2", str(photos))
        if changes == 1:
            return self.tr("1 change waiting")
        return self.tr("%1 changes waiting").replace("%1", str(changes))

    def retranslate(self) -> None:
        self.label.setText(self.describe())
        self.label.setToolTip(self.tr("Show the sync log"))
        self.cancel.setText(self.tr("Cancel"))
        self.bar.setVisible(self.syncing)
        self.cancel.setVisible(self.syncing)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _local_time(moment: datetime) -> str:
    """*moment* in this computer's time zone: the time, with the date when not today."""
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")
