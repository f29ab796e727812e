"""Plain rows of synced records, as ``qclinic list`` shows them (ids, name, status, revision,
timestamps, tombstone): what a script comparing two synced laptops needs.

Each service that owns a kind of record offers ``records()`` built on :func:`read_records`;
rows are ordered by id (UUIDv7, so by creation), the same on every laptop.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qclinic.storage.models.base import Record


@dataclass(frozen=True, slots=True)
class RecordRow:
    """One record as listed: ``status`` is ``None`` for records without one (organizations),
    ``organization_id`` is ``None`` for an organization itself; times are ISO 8601 UTC (each
    laptop's own clock)."""

    id: str
    organization_id: str | None
    name: str
    status: str | None
    #: this laptop's own count of the record's changes (not comparable between laptops)
    revision: int
    #: the server's revision of the record as last synced here (``None``: never synced); the
    #: same on two laptops that synced it
    server_revision: int | None
    updated_at: str
    deleted_at: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def read_records(
    session: Session,
    model: type[Record],
    *,
    name: str,
    organization_id: str | None = None,
    include_deleted: bool = False,
) -> list[RecordRow]:
    """The rows of *model* (under *organization_id* when given), live ones unless asked.

    Args:
        name: The attribute shown as the row's name (``name`` or ``title``).
    """
    from sqlalchemy import select

    from qclinic.storage.models import SyncedState

    query = select(model).order_by(model.id)
    if organization_id is not None:
        query = query.where(model.__table__.c.organization_id == organization_id)
    if not include_deleted:
        query = query.where(model.deleted_at.is_(None))
    records = list(session.scalars(query))
    ids = [r.id for r in records]
    synced: dict[str, int] = {
        row_id: revision
        for row_id, revision in session.execute(
            select(SyncedState.row_id, SyncedState.revision).where(SyncedState.row_id.in_(ids))
        )
    }
    rows: list[RecordRow] = []
    for record in records:
        status = getattr(record, "status", None)
        rows.append(
            RecordRow(
                id=record.id,
                organization_id=getattr(record, "organization_id", None),
                name=str(getattr(record, name)),
                status=None if status is None else str(getattr(status, "value", status)),
                revision=record.revision,
                server_revision=synced.get(record.id),
                updated_at=_iso(record.updated_at),
                deleted_at=None if record.deleted_at is None else _iso(record.deleted_at),
            )
        )
    return rows


def _iso(moment: datetime) -> str:
    return moment.isoformat()
