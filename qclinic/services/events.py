"""Change events: what changed, which rows, and who changed it — on one Qt-free bus.

Every committed change publishes a :class:`ChangeEvent` per table it touched (services do it,
from the rows the change log recorded in the same transaction, see
:class:`~qclinic.services.base.Service`). Listeners refresh what they show. The Qt interface
adapts the bus to a signal on the UI thread (:meth:`qclinic.ui.signals.AppSignals.follow`); the
sync engine will publish with ``Origin.SYNC``.

A widget that made a change passes itself as ``source`` and skips the event it caused
(:meth:`ChangeEvent.made_by`): a page does not reload what it changed itself.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

log = logging.getLogger(__name__)


class Origin(StrEnum):
    """Where a change came from."""

    #: made in this program, by the window or command named as the event's source
    LOCAL = "local"
    #: made by another program on the same data file (another QClinic window or a CLI command)
    ELSEWHERE = "elsewhere"
    #: arrived from the sync server or a bundle file
    SYNC = "sync"


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """Rows of one table changed: inserted, updated or (soft-)deleted."""

    #: the table, as the change log names it ("answer", "assessment", "organization"…)
    entity: str
    #: the ids of the changed rows (empty: "some rows", refresh everything that shows the table)
    ids: tuple[str, ...] = ()
    origin: Origin = Origin.LOCAL
    #: whoever asked for the change (a widget, a command), compared by identity only
    source: object | None = field(default=None, compare=False)

    def made_by(self, who: object) -> bool:
        """Whether *who* made this change itself (and so need not reload what it already shows)."""
        return self.origin is Origin.LOCAL and self.source is not None and self.source is who


Listener = Callable[[ChangeEvent], None]


class EventBus:
    """Publish-subscribe for change events, safe to use from any thread.

    Listeners run on the publishing thread, in subscription order; one that raises is logged and
    the others still run (a listener's bug must not undo a committed change's notification).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call *listener* for every event from now on; returns the function that unsubscribes."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, event: ChangeEvent) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("a change listener failed on %s", event)

    def publish_all(self, events: Iterable[ChangeEvent]) -> None:
        for event in events:
            self.publish(event)
