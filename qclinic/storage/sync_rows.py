"""Records as the sync protocol carries them: ``{field: JSON value}``, and back.

A record's fields are its columns minus the bookkeeping (id, timestamps, revision, tombstone,
which travel as the change's own ``row_id`` / ``revision`` / ``deleted``) and minus derived
columns (the search key). Dates and times travel as ISO text, vocabularies as their values.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import Date, Table, select
from sqlalchemy import Enum as EnumType
from sqlalchemy.orm import Session

from qclinic.storage.models import Base, Record
from qclinic.storage.types import UTCDateTime, utc_now

#: the tables that sync, parents before children; an attachment's (and a drawn signature's)
#: bytes travel as blobs beside its record (docs/SYNC.md, "Blobs")
SYNCED_TABLES = (
    "organization",
    "site",
    "person",
    "visit",
    "assessment",
    "assessment_member",
    "signature",
    "assessment_seal",
    "answer",
    "finding",
    "clinic_case",
    "action",
    "provider",
    "referral",
    "attachment",
    "chain",
    "chain_member",
    "outcome",
)
#: the one scope key every provider (a directory entry, qclinic.storage.models.referrals) is
#: filed under: every signed-in user pulls it (docs/SYNC.md, "Providers")
DIRECTORY_SCOPE = "provider-directory"
_NOT_FIELDS = frozenset({"id", "created_at", "updated_at", "revision", "deleted_at", "search_key"})


@cache
def model_of(entity: str) -> type[Record]:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == entity:
            model: type[Record] = mapper.class_
            return model
    raise KeyError(entity)


def table_of(entity: str) -> Table:
    return Base.metadata.tables[entity]


def to_json(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def read_fields(session: Session, entity: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    """``{row id: {"fields": …, "deleted": bool}}`` of the rows that exist."""
    table = table_of(entity)
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(select(table).where(table.c.id.in_(ids[start : start + 500])))
        for row in rows.mappings():
            found[row["id"]] = {
                "fields": {
                    name: to_json(value) for name, value in row.items() if name not in _NOT_FIELDS
                },
                "deleted": row["deleted_at"] is not None,
            }
    return found


def load(session: Session, entity: str, ids: list[str]) -> set[str]:
    """Load the ORM rows *ids* of *entity* into *session* in a few queries (so that
    :func:`write_fields` finds them without one query each); the ids that exist."""
    model = model_of(entity)
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(row.id for row in session.scalars(select(model).where(model.id.in_(chunk))))
    return found


def _from_json(entity: str, name: str, value: Any) -> Any:
    if value is None:
        return None
    column_type = table_of(entity).columns[name].type
    if isinstance(column_type, UTCDateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    if isinstance(column_type, EnumType) and column_type.enum_class is not None:
        return column_type.enum_class(value)
    return value


def write_fields(
    session: Session,
    entity: str,
    row_id: str,
    fields: dict[str, Any],
    deleted: bool,
    *,
    exists: bool = True,
) -> None:
    """Make the local row *row_id* carry *fields* (only the given ones) and the tombstone.

    ``exists=False`` (the caller knows, see :func:`load`) inserts without looking first.
    """
    model = model_of(entity)
    columns = table_of(entity).columns
    record = session.get(model, row_id) if exists else None
    if record is None:
        record = model(id=row_id)
        session.add(record)
    for name, value in fields.items():
        if name in columns and name not in _NOT_FIELDS:
            setattr(record, name, _from_json(entity, name, value))
    if deleted and record.deleted_at is None:
        record.deleted_at = utc_now()
    elif not deleted and record.deleted_at is not None:
        record.deleted_at = None
