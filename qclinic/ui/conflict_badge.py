"""The open-conflict count on the navigation's Conflicts entry: "Conflicts (2)", kept current by
change events (a sync that brings conflicts, a resolution) and after a language switch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QColor

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidgetItem

    from qclinic.services import Services
    from qclinic.ui.signals import AppSignals

#: the navigation key of the inbox
PAGE_KEY = "conflicts"


class ConflictBadge(QObject):
    """Writes the open count on *item* (the navigation entry titled *title*)."""

    def __init__(
        self, item: QListWidgetItem, title: str, services: Services, signals: AppSignals
    ) -> None:
        super().__init__(signals)
        self._item = item
        self._title = title
        self._services = services
        self._default_colour = item.foreground()
        self.count = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        signals.changed.connect(self._timer.start)
        # after the main window's retranslate(), which writes the bare title back
        signals.language_changed.connect(self._timer.start)
        self.refresh()

    def refresh(self) -> None:
        self.count = self._services.conflicts.open_count()
        title = QCoreApplication.translate("MainWindow", self._title)
        self._item.setText(f"{title} ({self.count})" if self.count else title)
        if self.count:
            self._item.setForeground(QColor("#b03a2e"))
        else:
            self._item.setForeground(self._default_colour)


def follow(window: object) -> ConflictBadge | None:
    """Put the badge on *window*'s Conflicts entry (a :class:`~qclinic.ui.main_window.MainWindow`
    with its services attached)."""
    from qclinic.ui.main_window import PAGES

    keys = [spec.key for spec in PAGES]
    if PAGE_KEY not in keys:
        return None
    row = keys.index(PAGE_KEY)
    navigation = window.navigation  # type: ignore[attr-defined]
    return ConflictBadge(
        navigation.item(row),
        PAGES[row].source_title,
        window.services,  # type: ignore[attr-defined]
        window.signals,  # type: ignore[attr-defined]
    )
