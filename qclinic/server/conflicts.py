"""Conflicts: listed for the devices that pull them, and settled by a person.

A push's answer already names the conflicts of that push; ``GET /v1/conflicts`` lets every
device learn of the others' (another laptop's push that lost a field) in the organizations it
may see, in one request per sync, by a cursor over ``server_conflict.id`` — the desktop keeps
them in its conflict inbox (docs/SYNC.md, "Conflicts").

Resolving on the server is for an admin, or a lead consultant of the conflict's organization:
the server already kept its own value when the conflict arose (docs/SYNC.md, "Push"); resolving
marks the conflict as seen and settled by someone entitled to.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.server.accounts import Caller
from qclinic.server.models import Conflict, utc_now
from qclinic.server.push import Forbidden
from qclinic.server.scope import scope_of

#: the roles that resolve conflicts (within their scope)
RESOLVERS = ("admin", "lead")


def resolve_conflict(session: Session, caller: Caller, conflict_id: int) -> dict[str, Any]:
    """Mark conflict *conflict_id* resolved by *caller* and commit; the conflict as it now is.

    Raises:
        LookupError: No such conflict.
        Forbidden: *caller* is not an admin, nor a lead who sees the conflict's organization.
    """
    conflict = session.get(Conflict, conflict_id)
    if conflict is None:
        raise LookupError(conflict_id)
    may = caller.role in RESOLVERS and scope_of(session, caller).may_see(conflict.organization_id)
    if not may:
        raise Forbidden(conflict.organization_id)
    if not conflict.resolved:
        conflict.resolved = True
        conflict.resolved_by = caller.name
        conflict.resolved_at = utc_now()
    answer = as_dict(conflict)
    session.commit()
    return answer


def as_dict(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "entity": conflict.entity,
        "row_id": conflict.row_id,
        "organization_id": conflict.organization_id,
        "field": conflict.field,
        "server_value": conflict.server_value,
        "incoming_value": conflict.incoming_value,
        "server_by": conflict.server_by,
        "incoming_by": conflict.incoming_by,
        "at": conflict.at.isoformat(),
        "resolved": conflict.resolved,
        "resolved_by": conflict.resolved_by,
        "resolved_at": conflict.resolved_at.isoformat() if conflict.resolved_at else None,
    }


def as_json(conflict: Conflict) -> dict[str, Any]:
    """One conflict as a device pulls it: *theirs* the value the server kept, *mine* the pushed
    value that lost (by ``incoming_by``)."""
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
        "resolved": conflict.resolved,
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
