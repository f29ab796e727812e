"""What every application service shares: its database, the event bus, one way to read and write.

A service method is one user-visible operation ("save this answer", "sign this assessment"). It
reads in :meth:`Service._reading` and changes in :meth:`Service._writing`: one session, one
commit, then one :class:`~qclinic.services.events.ChangeEvent` per table the commit touched —
taken from the change log the same transaction wrote, so nothing changes unannounced. A
refusal is a :class:`~qclinic.errors.UserError` with a catalogue message; nothing is
committed then and nothing is published::

    def rename(self, organization_id: str, name: str, *, source: object = None) -> Organization:
        if not name.strip():
            raise UserError(text("services.name_required"))
        with self._writing(source) as session:
            return repo.rename(session, organization_id, name)

Services never import Qt: the desktop, the command line and (later) sync call them alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from qclinic.services.events import ChangeEvent, EventBus, Origin

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qclinic.storage.database import Database


class Service:
    """The base of the application services (see the module docstring)."""

    def __init__(self, database: Database, bus: EventBus) -> None:
        self._database = database
        self._bus = bus

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        """A read session: nothing is committed; loaded rows stay usable after the block."""
        with self._database.read_session() as session:
            yield session

    @contextmanager
    def _writing(
        self,
        source: object | None = None,
        *,
        origin: Origin = Origin.LOCAL,
        also: dict[str, list[str]] | None = None,
    ) -> Iterator[Session]:
        """A write session that commits when the block ends, then announces what it committed.

        Args:
            source: Who asked (a widget, a command); listeners use it to skip their own change.
            origin: Where the change came from (sync passes ``Origin.SYNC``).
            also: Tables and ids to announce besides the change log's rows (for writes that
                bypass the ORM); their ids are added to whatever the log recorded.
        """
        from qclinic.storage.changelog import committed_changes

        with self._database.session() as session:
            yield session
        changed = committed_changes(session)
        for table, ids in (also or {}).items():
            changed.setdefault(table, []).extend(i for i in ids if i not in changed[table])
        self._publish(changed, source=source, origin=origin)

    def _publish(
        self,
        changed: dict[str, list[str]],
        *,
        source: object | None = None,
        origin: Origin = Origin.LOCAL,
    ) -> None:
        self._bus.publish_all(
            ChangeEvent(table, tuple(ids), origin, source) for table, ids in changed.items()
        )
