"""``qclinic-server audit verify``: walk the change log's hash chain."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.server.models import Change
from qclinic.server.push import chain_hash


def verify(session: Session) -> list[str]:
    """Problems found in the log (empty: every entry is intact and in its place)."""
    problems: list[str] = []
    previous = ""
    for entry in session.scalars(select(Change).order_by(Change.position)):
        if entry.prev_hash != previous:
            problems.append(f"entry {entry.position}: the entry before it was removed or changed")
        expected = chain_hash(entry.prev_hash, entry.payload, entry.result, entry.user_name)
        if entry.hash != expected:
            problems.append(f"entry {entry.position} ({entry.change_id}) was edited")
        previous = entry.hash
    return problems
