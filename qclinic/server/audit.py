"""``qclinic-server audit verify``: walk the change log's hash chain."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.core.catalogue import text
from qclinic.core.text import Text
from qclinic.server.models import Change
from qclinic.server.stored import chain_hash


def verify(session: Session) -> list[Text]:
    """Problems found in the log (empty: every entry is intact and in its place)."""
    problems: list[Text] = []
    previous = ""
    for entry in session.scalars(select(Change).order_by(Change.position)):
        if entry.prev_hash != previous:
            problems.append(text("server.log_removed", position=entry.position))
        expected = chain_hash(entry.prev_hash, entry.payload, entry.result, entry.user_name)
        if entry.hash != expected:
            problems.append(
                text("server.log_edited", position=entry.position, change=entry.change_id)
            )
        previous = entry.hash
    return problems
