"""The entities that travel in this slice, and the parent each foreign-key field points to.

Derived from the desktop's tables, so the server checks "has the parent arrived?" exactly
against the desktop's foreign keys. An attachment's record travels here; its bytes (and a drawn
signature's) are blobs (blobs.py).
"""

from __future__ import annotations

from functools import cache

from qclinic.storage.sync_rows import SYNCED_TABLES

#: what syncs, parents before children: the desktop's own list, so the two can never differ
SYNCED = SYNCED_TABLES
#: bookkeeping columns every record has, never sent as fields
BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "revision", "deleted_at"})


@cache
def parents(entity: str) -> dict[str, str]:
    """``{field: parent entity}`` of *entity*'s foreign keys to other synced entities."""
    from qclinic.storage.models import Base

    table = Base.metadata.tables[entity]
    found: dict[str, str] = {}
    for column in table.columns:
        for key in column.foreign_keys:
            target = key.column.table.name
            if target in SYNCED:
                found[column.name] = target
    return found
