"""Conflicts settled by a person: an admin, or a lead consultant of the conflict's organization.

The server already kept its own value when the conflict arose (docs/SYNC.md, "Push"); resolving
marks the conflict as seen and settled by someone entitled to, for the desktop's inbox.
"""

from __future__ import annotations

from typing import Any

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
