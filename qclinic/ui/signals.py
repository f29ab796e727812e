"""App-wide events as signals on one object: services publish, views subscribe.

Changes reach the interface from the services' event bus (:mod:`qclinic.services.events`):
:meth:`AppSignals.follow` relays each :class:`~qclinic.services.events.ChangeEvent` to
:attr:`AppSignals.changed` on the UI thread — directly when the change was made there, queued
when a background task or sync made it — and, for lists that only care about the table, to
:attr:`AppSignals.data_changed`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from qclinic.services.events import ChangeEvent, EventBus, Origin


class AppSignals(QObject):
    #: a change was committed to the database (the status bar shows "saved at …")
    saved = Signal()
    #: a committed change (a ChangeEvent: table, ids, origin, source), on the UI thread
    changed = Signal(object)
    #: rows of a table changed (table name), so lists showing it can refresh
    data_changed = Signal(str)
    #: navigation requests, by record id
    open_organization = Signal(str)
    open_assessment = Signal(str)
    #: the user switched the interface language ("zh" / "en")
    language_changed = Signal(str)

    #: a bus event, possibly from another thread; delivered to _deliver on the UI thread
    _arrived = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: list[Callable[[], None]] = []
        self._arrived.connect(self._deliver)

    def follow(self, bus: EventBus) -> None:
        """Relay *bus*'s change events to these signals from now on."""
        self._unsubscribe.append(bus.subscribe(self._arrived.emit))

    def stop_following(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()

    @Slot(object)
    def _deliver(self, event: ChangeEvent) -> None:
        if event.origin is Origin.LOCAL:
            self.saved.emit()
        self.changed.emit(event)
        self.data_changed.emit(event.entity)
