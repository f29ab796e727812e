"""Conflicts found on this computer: a pulled change to the very field the user was editing.

The runner keeps the user's typing and saves it over the pulled value (so it is pushed next, and
the server keeps it), and records what the other side wrote here, so it is never lost silently.
Until the conflict table of the inbox (``sync_conflict``) is on this branch, such a conflict is
kept in ``local_state`` under ``sync.edit_conflict.<entity>.<row id>.<field>`` as JSON; at the
merge it becomes a row of that table (``services.conflicts.keep``) with ``reason`` ``editing``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

PREFIX = "sync.edit_conflict."
#: the ``reason`` of a conflict found while the user was editing the field
EDITING = "editing"


def key_of(entity: str, row_id: str, field: str) -> str:
    return f"{PREFIX}{entity}.{row_id}.{field}"


def record(
    entity: str,
    row_id: str,
    field: str,
    mine: Any,
    theirs: Any,
    at: str,
) -> tuple[str, str]:
    """The local-state key and value of one conflict."""
    value = {
        "entity": entity,
        "row_id": row_id,
        "field": field,
        "mine": mine,
        "theirs": theirs,
        "reason": EDITING,
        "at": at,
        "resolved": False,
    }
    return key_of(entity, row_id, field), json.dumps(value, ensure_ascii=False, sort_keys=True)


def read(session: Session) -> list[dict[str, Any]]:
    """Every conflict kept, oldest first."""
    from sqlalchemy import select

    from qclinic.storage.models import LocalState

    rows = session.scalars(select(LocalState.value).where(LocalState.key.like(PREFIX + "%")))
    found = [json.loads(value) for value in rows]
    return sorted(found, key=lambda c: (c["at"], c["entity"], c["row_id"], c["field"]))
