"""Conflicts: listed for the devices that pull them, and settled by a person.

A push's answer already names the conflicts of that push; ``GET /v1/conflicts`` lets every
device learn of the others' (another laptop's push that lost a field) in the organizations it
may see, in one request per sync, by a cursor over ``server_conflict.id`` — the desktop keeps
them in its conflict inbox (docs/SYNC.md, "Conflicts").

Resolving on the server is for an admin, or a lead consultant of the conflict's organization:
the server already kept its own value when the conflict arose (docs/SYNC.md, "Push"); resolving
marks the conflict as seen and settled by someone entitled to (resolution ``theirs``).

**Resolutions travel** (docs/SYNC.md, "Resolutions travel"). A desktop that resolved its copy of
a conflict tells the server at its next sync (``POST /v1/conflicts/resolutions``, anyone who
sees the conflict's organization); the first resolution recorded wins, a later one is answered
with it. Every recorded resolution takes the next number of the ``resolution`` counter, under
that counter's row lock taken *first* (as a push takes ``seq``'s): resolutions then commit in
the order of their numbers, and ``GET /v1/conflicts/resolutions?after=N`` is a cursor that never
skips one committed late — a resolution of an old conflict arrives as surely as a new conflict.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.server.accounts import Caller
from qclinic.server.models import Conflict, Counter, utc_now
from qclinic.server.push import Forbidden
from qclinic.server.scope import scope_of

#: the roles that resolve conflicts on the server (within their scope)
RESOLVERS = ("admin", "lead")
#: how a conflict is resolved: the value that lost, the server's, or a merged one
RESOLUTIONS = ("mine", "theirs", "merged")
#: the counter whose row lock orders recorded resolutions (server schema s0004)
RESOLUTION_COUNTER = "resolution"


class ResolutionNumbers:
    """The ``resolution`` counter, locked at creation until the transaction ends."""

    def __init__(self, session: Session) -> None:
        self._counter = session.scalars(
            select(Counter).where(Counter.name == RESOLUTION_COUNTER).with_for_update()
        ).one()

    def settle(
        self, conflict: Conflict, by: str, resolution: str, value: Any, key: str | None
    ) -> None:
        """Record *conflict* resolved now by *by*, with the next number."""
        self._counter.value += 1
        conflict.resolved = True
        conflict.resolved_by = by
        conflict.resolved_at = utc_now()
        conflict.resolution = resolution
        conflict.resolved_value = value
        conflict.resolution_key = key
        conflict.resolution_seq = self._counter.value


def resolve_conflict(session: Session, caller: Caller, conflict_id: int) -> dict[str, Any]:
    """Mark conflict *conflict_id* resolved by *caller* and commit; the conflict as it now is.

    Raises:
        LookupError: No such conflict.
        Forbidden: *caller* is not an admin, nor a lead who sees the conflict's organization.
    """
    numbers = ResolutionNumbers(session)  # first: a concurrent resolution has committed
    conflict = session.get(Conflict, conflict_id)
    if conflict is None:
        raise LookupError(conflict_id)
    may = caller.role in RESOLVERS and scope_of(session, caller).may_see(conflict.organization_id)
    if not may:
        raise Forbidden(conflict.organization_id)
    if not conflict.resolved:
        numbers.settle(conflict, caller.name, "theirs", conflict.server_value, None)
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
        "resolution": conflict.resolution,
        "resolved_value": conflict.resolved_value,
    }


def resolution_json(conflict: Conflict) -> dict[str, Any]:
    """A conflict's resolution as devices hear of it (``None`` values while it is open)."""
    return {
        "resolution": conflict.resolution,
        "resolved_value": conflict.resolved_value if conflict.resolved else None,
        "resolved_by": conflict.resolved_by,
        "resolved_at": conflict.resolved_at.isoformat() if conflict.resolved_at else None,
        "key": conflict.resolution_key,
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
        **resolution_json(conflict),
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


def record_resolutions(
    session: Session, caller: Caller, resolutions: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Record the resolutions a desktop made of its copies of conflicts, and commit; one result
    per resolution, in order.

    Each names its conflict as the desktop knows it, by ``change_id`` and ``field``, with
    ``resolution``, ``value`` (read for ``merged`` only: *mine* is the value that lost, *theirs*
    the server's) and the desktop's ``key``. ``outcome`` is ``resolved`` (recorded
    now, or this key's resolution recorded before: a retry), ``already`` (someone resolved it
    first: their resolution is the answer's) or ``refused`` (no such conflict the caller may
    see — the same answer whether it exists or not).
    """
    numbers = ResolutionNumbers(session)  # first: a concurrent resolution has committed
    scope = scope_of(session, caller)
    results = []
    for wanted in resolutions:
        conflict = session.scalars(
            select(Conflict)
            .where(Conflict.change_id == wanted["change_id"], Conflict.field == wanted["field"])
            .order_by(Conflict.id)
            .limit(1)
        ).first()
        named = {"change_id": wanted["change_id"], "field": wanted["field"]}
        if conflict is None or not scope.may_see(conflict.organization_id):
            results.append({**named, "outcome": "refused"})
            continue
        if not conflict.resolved:
            how = wanted["resolution"]
            value = {"mine": conflict.incoming_value, "theirs": conflict.server_value}.get(
                how, wanted.get("value")
            )
            numbers.settle(conflict, caller.name, how, value, wanted["key"])
        mine = conflict.resolution_key is not None and conflict.resolution_key == wanted["key"]
        results.append(
            {
                **named,
                "id": conflict.id,
                "outcome": "resolved" if mine else "already",
                **resolution_json(conflict),
            }
        )
    session.commit()
    return results


def resolutions_page(
    session: Session, organizations: list[str] | None, after: int, limit: int
) -> dict[str, Any]:
    """Up to *limit* resolutions recorded after number *after*, in order, of *organizations*
    (``None``: all): ``{"resolutions": [...], "cursor", "more"}``."""
    query = select(Conflict).where(Conflict.resolution_seq > after)
    if organizations is not None:
        query = query.where(Conflict.organization_id.in_(organizations))
    rows = list(session.scalars(query.order_by(Conflict.resolution_seq).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return {
        "resolutions": [
            {
                "id": row.id,
                "change_id": row.change_id,
                "entity": row.entity,
                "row_id": row.row_id,
                "organization_id": row.organization_id,
                "field": row.field,
                "seq": row.resolution_seq,
                **resolution_json(row),
            }
            for row in rows
        ],
        "cursor": (rows[-1].resolution_seq or after) if rows else after,
        "more": more,
    }
