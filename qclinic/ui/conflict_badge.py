"""The open-conflict count on the navigation's Conflicts entry: "Conflicts (2)", kept current by
change events (a sync that brings conflicts, a resolution) and after a language switch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QColor

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget

    from qclinic.services import Services
    from qclinic.ui.signals import AppSignals

#: the navigation key of the inbox
PAGE_KEY = "conflicts"


class ConflictBadge(QObject):
    """Writes the open count on row *row* of *navigation* (the entry titled *title*).

    A child of the navigation list, so it goes with its window (the app's signals outlive
    windows: a badge parented to them would write on a deleted item); the item is looked up
    at each refresh, never kept.
    """

    def __init__(
        self,
        navigation: QListWidget,
        row: int,
        title: str,
        services: Services,
        signals: AppSignals,
    ) -> None:
        super().__init__(navigation)
        self._navigation = navigation
        self._row = row
        self._title = title
        self._services = services
        self._signals: AppSignals | None = signals
        self._default_colour = navigation.item(row).foreground()
        self.count = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        signals.changed.connect(self._timer.start)
        # after the main window's retranslate(), which writes the bare title back
        signals.language_changed.connect(self._timer.start)
        self.refresh()

    def stop(self) -> None:
        """The window closed: its database may go, so count no more (once; a window may be
        closed twice)."""
        self._timer.stop()
        if self._signals is not None:
            self._signals.changed.disconnect(self._timer.start)
            self._signals.language_changed.disconnect(self._timer.start)
            self._signals = None

    def refresh(self) -> None:
        item = self._navigation.item(self._row)
        if item is None:
            return
        self.count = self._services.conflicts.open_count()
        title = QCoreApplication.translate("MainWindow", self._title)
        item.setText(f"{title} ({self.count})" if self.count else title)
        item.setForeground(QColor("#b03a2e") if self.count else self._default_colour)


def follow(window: object) -> ConflictBadge | None:
    """Put the badge on *window*'s Conflicts entry (a :class:`~qclinic.ui.main_window.MainWindow`
    with its services attached)."""
    from qclinic.ui.main_window import PAGES

    keys = [spec.key for spec in PAGES]
    if PAGE_KEY not in keys:
        return None
    row = keys.index(PAGE_KEY)
    return ConflictBadge(
        window.navigation,  # type: ignore[attr-defined]
        row,
        PAGES[row].source_title,
        window.services,  # type: ignore[attr-defined]
        window.signals,  # type: ignore[attr-defined]
    )
