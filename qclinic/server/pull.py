"""Pull pages: an organization's rows changed after a cursor, by the server's sequence."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.server.entities import parents
from qclinic.server.models import Record


def page(session: Session, organization_id: str, after: int, limit: int) -> dict[str, Any]:
    """Up to *limit* rows with ``seq > after``, in order, and the cursor to ask from next.

    A row whose parent was changed again later (so sorts after it) would reach the client before
    its parent exists there: the page carries such parents too (they come again in their place,
    which applies nothing new).
    """
    rows = list(
        session.scalars(
            select(Record)
            .where(Record.organization_id == organization_id, Record.seq > after)
            .order_by(Record.seq)
            .limit(limit + 1)
        )
    )
    more = len(rows) > limit
    rows = rows[:limit]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for record in rows:
        _with_parents(session, record, after, out, seen)
    return {
        "rows": out,
        "cursor": rows[-1].seq if rows else after,
        "more": more,
    }


def _with_parents(
    session: Session, record: Record, after: int, out: list[dict[str, Any]], seen: set[str]
) -> None:
    if record.row_id in seen:
        return
    seen.add(record.row_id)
    for field in parents(record.entity):
        parent_id = record.fields.get(field)
        if parent_id and parent_id not in seen:
            parent = session.get(Record, parent_id)
            # only the organization's own rows leave with it; and the consultants it points to
            if parent is not None and parent.seq > record.seq and _may_travel(parent, record):
                _with_parents(session, parent, after, out, seen)
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


def _may_travel(parent: Record, child: Record) -> bool:
    consultant = parent.entity == "person" and not parent.fields.get("organization_id")
    return parent.organization_id == child.organization_id or consultant
