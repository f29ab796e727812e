"""Pull pages: an organization's rows changed after a cursor, by the server's sequence.

Read in a read-only session (:func:`qclinic.server.db.read_sessions`): a pull takes no lock
and never waits for a push; why the cursor still never skips a row is docs/SYNC.md, "Cursors".
Only the columns a client gets are read (no ORM objects, no ``field_revisions``), and the
parents a page carries are looked up in a few queries, not one per row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from qclinic.server.entities import parents
from qclinic.server.models import Record

_COLUMNS = (
    Record.entity,
    Record.row_id,
    Record.organization_id,
    Record.revision,
    Record.fields,
    Record.deleted,
    Record.seq,
)
_CHUNK = 500


def page(session: Session, organization_id: str, after: int, limit: int) -> dict[str, Any]:
    """Up to *limit* rows with ``seq > after``, in order, and the cursor to ask from next.

    A row whose parent was changed again later (so sorts after it) would reach the client before
    its parent exists there: the page carries such parents too (they come again in their place,
    which applies nothing new).
    """
    rows: list[Row[Any]] = list(
        session.execute(
            select(*_COLUMNS)
            .where(Record.organization_id == organization_id, Record.seq > after)
            .order_by(Record.seq)
            .limit(limit + 1)
        )
    )
    more = len(rows) > limit
    rows = rows[:limit]
    known = {row.row_id: row for row in rows}
    _load_parents(session, rows, known)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for row in rows:
        _with_parents(row, known, out, seen)
    return {
        "rows": out,
        "cursor": rows[-1].seq if rows else after,
        "more": more,
    }


def _parent_ids(row: Row[Any]) -> list[str]:
    return [str(row.fields[field]) for field in parents(row.entity) if row.fields.get(field)]


def _load_parents(session: Session, rows: list[Row[Any]], known: dict[str, Row[Any]]) -> None:
    """Read into *known* the parents (and theirs, in turn) the rows point to, in chunks."""
    absent: set[str] = set()  # not on the server: nothing to carry
    wanted = {parent for row in rows for parent in _parent_ids(row)} - known.keys()
    while wanted:
        ids = sorted(wanted)
        found: list[Row[Any]] = []
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            found += session.execute(select(*_COLUMNS).where(Record.row_id.in_(chunk))).all()
        known.update({row.row_id: row for row in found})
        absent |= wanted - known.keys()
        wanted = {parent for row in found for parent in _parent_ids(row)} - known.keys() - absent


def _with_parents(
    record: Row[Any], known: dict[str, Row[Any]], out: list[dict[str, Any]], seen: set[str]
) -> None:
    if record.row_id in seen:
        return
    seen.add(record.row_id)
    for parent_id in _parent_ids(record):
        parent = known.get(parent_id)
        # only the organization's own rows leave with it; and the consultants it points to
        if (
            parent is not None
            and parent_id not in seen
            and parent.seq > record.seq
            and _may_travel(parent, record)
        ):
            _with_parents(parent, known, out, seen)
    out.append(
        {
            "entity": record.entity,
            "row_id": record.row_id,
            "organization_id": record.organization_id,
            "revision": record.revision,
            "fields": record.fields,
            "deleted": record.deleted,
            "seq": record.seq,
        }
    )


def _may_travel(parent: Row[Any], child: Row[Any]) -> bool:
    consultant = parent.entity == "person" and not parent.fields.get("organization_id")
    return parent.organization_id == child.organization_id or consultant
