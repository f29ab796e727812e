"""Conflicts the server recorded, as a device pulls them (``GET /v1/conflicts``).

A push's answer already names the conflicts of that push; this lets every device learn of the
others' (another laptop's push that lost a field) in the organizations it may see, in one
request per sync, by a cursor over ``server_conflict.id`` — the desktop keeps them in its
conflict inbox (docs/SYNC.md).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.server.models import Conflict


def as_json(conflict: Conflict) -> dict[str, Any]:
    """One conflict as the protocol carries it: *theirs* the value the server kept, *mine* the
    pushed value that lost (by ``incoming_by``)."""
    return {
        "id": conflict.id,
        "change_id": conflict.change_id,
        "entity": conflict.entity,
        "row_id": conflict.row_id,
        "organization_id": conflict.organization_id,
        "field": conflict.field,
        "theirs": conflict.server_value,
        "mine": conflict.incoming_value,
        "theirs_by": conflict.server_by,
        "mine_by": conflict.incoming_by,
        "at": conflict.at.isoformat(),
    }


def conflicts_page(
    session: Session, organizations: list[str] | None, after: int, limit: int
) -> dict[str, Any]:
    """Up to *limit* conflicts with ``id > after``, by id, of *organizations* (``None``: all)."""
    query = select(Conflict).where(Conflict.id > after)
    if organizations is not None:
        query = query.where(Conflict.organization_id.in_(organizations))
    rows = list(session.scalars(query.order_by(Conflict.id).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return {
        "conflicts": [as_json(row) for row in rows],
        "cursor": rows[-1].id if rows else after,
        "more": more,
    }
