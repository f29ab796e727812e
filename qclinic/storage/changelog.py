"""Record bookkeeping done at flush time: ids, timestamps, revisions and the change log.

:class:`ChangeLoggingSession` is the only session class QClinic uses. Before each flush it stamps
every new, changed or deleted :class:`~qclinic.storage.models.base.Record` (id, ``created_at``,
``updated_at``, ``revision``); after the flush has written them it appends one ``change_log``
line per row on the flush's own connection — so the log line and the data change commit, or
roll back, together. A soft delete (``deleted_at`` set) is logged as ``delete``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from qclinic.storage.models.base import Base, ChangeLog, ChangeOperation, Record
from qclinic.storage.types import utc_now
from qclinic.storage.uuid7 import new_id

DEVICE_ID_INFO_KEY = "qclinic_device_id"
_PENDING_INFO_KEY = "qclinic_pending_changes"
_FLUSHED_INFO_KEY = "qclinic_flushed_changes"
_COMMITTED_INFO_KEY = "qclinic_committed_changes"
_CHANGE_LOG_TABLE = Base.metadata.tables[ChangeLog.__tablename__]


class ChangeLoggingSession(Session):
    """A session whose flushes keep records sync-ready (see the module docstring).

    Its ``info`` must hold this installation's device id under :data:`DEVICE_ID_INFO_KEY`;
    :class:`qclinic.storage.database.Database` sees to that.
    """


def _operation_for_update(record: Record) -> ChangeOperation:
    history = inspect(record).attrs.deleted_at.history
    was_live = not history.deleted or history.deleted[0] is None
    if was_live and record.deleted_at is not None:
        return ChangeOperation.DELETE
    return ChangeOperation.UPDATE


@event.listens_for(ChangeLoggingSession, "before_flush")
def _stamp_records(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    now: datetime = utc_now()
    changes: list[tuple[Record, ChangeOperation, int]] = []
    for obj in session.new:
        if isinstance(obj, Record):
            obj.before_flush()
            if obj.id is None:
                obj.id = new_id()
            obj.created_at = now
            obj.updated_at = now
            obj.revision = 1
            changes.append((obj, ChangeOperation.INSERT, 1))
    for obj in session.dirty:
        if isinstance(obj, Record):
            obj.before_flush()
            if not session.is_modified(obj, include_collections=False):
                continue
            obj.updated_at = now
            obj.revision = obj.revision + 1
            changes.append((obj, _operation_for_update(obj), obj.revision))
    for obj in session.deleted:
        if isinstance(obj, Record):
            # A hard delete (rare: the repositories soft-delete) must still reach the server.
            changes.append((obj, ChangeOperation.DELETE, obj.revision + 1))
    if not changes:
        session.info.pop(_PENDING_INFO_KEY, None)
        return
    device_id = session.info.get(DEVICE_ID_INFO_KEY)
    if not device_id:
        raise RuntimeError("session has no device id: create sessions through Database.session()")
    session.info[_PENDING_INFO_KEY] = [
        {
            "table_name": record.__tablename__,
            "row_id": record.id,
            "operation": operation.value,
            "revision": revision,
            "changed_at": now,
            "device_id": device_id,
        }
        for record, operation, revision in changes
    ]


@event.listens_for(ChangeLoggingSession, "after_flush")
def _write_change_log(session: Session, _flush: UOWTransaction) -> None:
    rows: list[dict[str, Any]] = session.info.pop(_PENDING_INFO_KEY, [])
    if rows:
        # The flush's own connection and transaction: the log commits or rolls back with the data.
        session.connection().execute(insert(_CHANGE_LOG_TABLE), rows)
        flushed = session.info.setdefault(_FLUSHED_INFO_KEY, [])
        flushed.extend((row["table_name"], row["row_id"]) for row in rows)


@event.listens_for(ChangeLoggingSession, "after_commit")
def _remember_committed(session: Session) -> None:
    flushed = session.info.pop(_FLUSHED_INFO_KEY, [])
    if flushed:
        session.info.setdefault(_COMMITTED_INFO_KEY, []).extend(flushed)


@event.listens_for(ChangeLoggingSession, "after_rollback")
def _forget_rolled_back(session: Session) -> None:
    session.info.pop(_FLUSHED_INFO_KEY, None)


def committed_changes(session: Session) -> dict[str, list[str]]:
    """The rows this session has committed since the last call, by table, in order; then forgets them.

    What the change log recorded is what the event bus announces, so nothing that changed goes
    unannounced (see :mod:`qclinic.services.base`).
    """
    by_table: dict[str, dict[str, None]] = {}  # a dict keeps order and drops repeats in O(1)
    for table, row_id in session.info.pop(_COMMITTED_INFO_KEY, []):
        by_table.setdefault(table, {})[row_id] = None
    return {table: list(ids) for table, ids in by_table.items()}


def note_written(session: Session, table: str, ids: Iterable[str]) -> None:
    """Count rows a bulk ``INSERT`` wrote (with its own change log lines) as flushed, so the
    commit announces them like rows written through the ORM."""
    session.info.setdefault(_FLUSHED_INFO_KEY, []).extend((table, row_id) for row_id in ids)
