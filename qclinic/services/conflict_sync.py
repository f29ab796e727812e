"""Resolutions that travel (docs/SYNC.md, "Resolutions travel"): the desktop's side.

A conflict of the server is kept on every device that heard of it. Resolving one here marks it
``pending``; the next sync tells the server (:meth:`ResolutionSync.pending`, then
:meth:`ResolutionSync.acknowledge` with its answers), so a resolution made offline waits in
the data file, across restarts, until a sync reaches the server. The server keeps the first
resolution it hears of; a later one stays resolved here with both noted (``late``, the first in
``first_resolution``). Every device hears of the resolutions recorded on the server by their own
cursor (:data:`KEY_RESOLUTION_CURSOR`, :meth:`ResolutionSync.apply`) and closes its copy,
saying by whom and how (``elsewhere``). Conflicts of this computer alone (a note being edited,
a credit-code clash) are not the server's, and stay here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from qclinic.services.base import Service
from qclinic.services.events import Origin

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qclinic.storage.models import SyncConflict

#: the last resolution number of the server heard here (``GET /v1/conflicts/resolutions``)
KEY_RESOLUTION_CURSOR = "sync.resolution_cursor"
#: ``sync_conflict.resolution_state`` values (see the model)
PENDING, SENT, LATE, ELSEWHERE, REFUSED = "pending", "sent", "late", "elsewhere", "refused"
#: the reasons of conflicts that exist on this computer only (services/conflicts.py)
LOCAL_ONLY = ("duplicate_credit_code", "editing")
_TABLE = "sync_conflict"


def is_shared(reason: str | None) -> bool:
    """Whether a conflict of *reason* is one the server recorded (its resolution travels)."""
    return reason not in LOCAL_ONLY


def _when(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # the server's is UTC


def first_of(found: dict[str, Any]) -> dict[str, Any]:
    """The server's resolution in *found* as ``first_resolution`` keeps it."""
    return {
        name: found.get(name)
        for name in ("resolution", "resolved_value", "resolved_by", "resolved_at")
    }


def hear(row: SyncConflict, found: dict[str, Any]) -> bool:
    """Apply the server's resolution *found* (``resolution``, ``resolved_value``,
    ``resolved_by``, ``resolved_at``, ``key``) to the copy *row*; whether it closed it here.

    Open here: closed as resolved elsewhere. Resolved here and not yet recorded there (or
    recorded after another): kept, the first noted. This copy's own resolution heard back
    (its key): recorded.
    """
    if not found.get("resolution"):
        return False
    if found.get("key") == row.id:
        if row.resolution_state in (PENDING, None):
            row.resolution_state = SENT
        return False
    if row.resolved_at is None:
        row.resolved_at = _when(found.get("resolved_at")) or datetime.now(UTC)
        row.resolution = found["resolution"]
        row.resolved_value = found.get("resolved_value")
        row.resolved_by = found.get("resolved_by")
        row.resolution_state = ELSEWHERE
        return True
    if row.resolution_state in (PENDING, None) and is_shared(row.reason):
        row.resolution_state = LATE
        row.first_resolution = first_of(found)
    return False


def copies_of(session: Session, named: list[dict[str, Any]]) -> dict[tuple[str, str], SyncConflict]:
    """The kept copies of the conflicts *named* (by ``change_id`` and ``field``)."""
    from sqlalchemy import select, tuple_

    from qclinic.storage.models import SyncConflict

    keys = sorted({(item["change_id"], item["field"]) for item in named})
    found: dict[tuple[str, str], SyncConflict] = {}
    for start in range(0, len(keys), 400):
        query = select(SyncConflict).where(
            tuple_(SyncConflict.change_id, SyncConflict.field).in_(keys[start : start + 400])
        )
        found.update(((row.change_id, row.field), row) for row in session.scalars(query))
    return found


class ResolutionSync(Service):
    """What sync sends and hears of conflict resolutions."""

    def pending(self, limit: int = 1000) -> list[dict[str, Any]]:
        """Up to *limit* resolutions made here the server has not heard of, as the body of
        ``POST /v1/conflicts/resolutions`` names them (the copy's id is the key)."""
        from sqlalchemy import select

        from qclinic.storage.models import SyncConflict

        query = (
            select(SyncConflict)
            .where(SyncConflict.resolution_state == PENDING)
            .order_by(SyncConflict.resolved_at, SyncConflict.id)
            .limit(limit)
        )
        with self._reading() as session:
            return [
                {
                    "change_id": row.change_id,
                    "field": row.field,
                    "resolution": row.resolution,
                    "value": row.resolved_value,
                    "key": row.id,
                }
                for row in session.scalars(query)
            ]

    def pending_count(self) -> int:
        """How many resolutions wait to be told to the server (plain ``sqlite3``)."""
        rows = self._database.query(
            "SELECT count(*) FROM sync_conflict WHERE resolution_state = ?", (PENDING,)
        )
        return int(rows[0][0]) if rows else 0

    def acknowledge(self, results: list[dict[str, Any]], *, source: object = None) -> int:
        """Record the server's answers to the resolutions sent; how many another resolved first.

        ``resolved``: recorded there. ``already``: someone resolved it first — this one stays
        resolved here, the first noted. ``refused``: the server has no such conflict this user
        may see — kept resolved here, never sent again.
        """
        touched: list[str] = []
        late = 0
        with self._writing(source, origin=Origin.SYNC, also={_TABLE: touched}) as session:
            copies = copies_of(session, results)
            for result in results:
                row = copies.get((result["change_id"], result["field"]))
                if row is None or row.resolution_state != PENDING:
                    continue
                touched.append(row.id)
                if result["outcome"] == "refused":
                    row.resolution_state = REFUSED
                elif result.get("key") == row.id:
                    row.resolution_state = SENT
                else:
                    row.resolution_state = LATE
                    row.first_resolution = first_of(result)
                    late += 1
        return late

    def cursor(self) -> int:
        rows = self._database.query(
            "SELECT value FROM local_state WHERE key = ?", (KEY_RESOLUTION_CURSOR,)
        )
        return int(rows[0][0]) if rows else 0

    def apply(
        self, resolutions: list[dict[str, Any]], cursor: int, *, source: object = None
    ) -> int:
        """Apply a page of the resolutions recorded on the server, and store its cursor, in one
        transaction; how many open copies here it closed (announced at once: the inbox and
        its count follow). A resolution of a conflict this computer never kept is skipped."""
        from qclinic.storage.models import LocalState

        closed: list[str] = []
        with self._writing(source, origin=Origin.SYNC, also={_TABLE: closed}) as session:
            copies = copies_of(session, resolutions)
            for found in resolutions:
                row = copies.get((found["change_id"], found["field"]))
                if row is not None and hear(row, found):
                    closed.append(row.id)
            session.merge(LocalState(key=KEY_RESOLUTION_CURSOR, value=str(cursor)))
        return len(closed)
