"""Helpers shared by the repositories: fetching live rows, soft deletes, checked updates, paging."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import Session

from qclinic.storage.errors import NotFound
from qclinic.storage.models.base import Record
from qclinic.storage.types import utc_now

RecordT = TypeVar("RecordT", bound=Record)

DEFAULT_PAGE_SIZE = 100


def get_live(session: Session, model: type[RecordT], record_id: str) -> RecordT:
    """The row of *model* with id *record_id*, unless missing or deleted.

    Raises:
        NotFound: No such live row.
    """
    record = session.get(model, record_id)
    if record is None or record.deleted_at is not None:
        raise NotFound(f"{model.__tablename__} {record_id} does not exist or was deleted.")
    return record


def soft_delete(record: Record) -> None:
    """Mark *record* deleted (a tombstone the sync can send); it stays in the database."""
    if record.deleted_at is None:
        record.deleted_at = utc_now()


def apply_changes(record: Record, changes: Mapping[str, object], editable: Iterable[str]) -> None:
    """Set the attributes named in *changes*, refusing any that callers may not edit.

    Raises:
        TypeError: A name is not an editable field (a programming error, not the user's).
    """
    allowed = frozenset(editable)
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise TypeError(f"{type(record).__name__}: cannot edit {', '.join(unknown)}")
    for name, value in changes.items():
        setattr(record, name, value)


def page(query: Select[RecordT], limit: int | None, offset: int) -> Select[RecordT]:
    """*query* limited to one page (``limit=None`` for everything)."""
    if limit is not None:
        query = query.limit(limit)
    return query.offset(offset) if offset else query
