"""The declarative base, the columns every synced record carries, and the two bookkeeping tables.

Every record table is sync-ready from its first row: a UUIDv7 primary key made on this device,
``created_at`` / ``updated_at`` in UTC, a ``revision`` counting its versions (1 on insert, +1 on
every update) and a ``deleted_at`` tombstone instead of a hard delete. The bookkeeping (revision
bump, timestamps, change log) is done by :mod:`qclinic.storage.changelog` when a session flushes, so
callers cannot forget it.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from qclinic.storage.types import UTCDateTime
from qclinic.storage.uuid7 import new_id

#: Deterministic constraint names, so Alembic batch migrations can find and rebuild them on SQLite.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID_LENGTH = 36  # a UUID as canonical text


class Base(DeclarativeBase):
    """Declarative base for every QClinic table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class Record(Base):
    """A synced row: UUIDv7 id, UTC timestamps, revision and soft-delete tombstone."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revision: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    @property
    def is_deleted(self) -> bool:
        """Whether this row carries a tombstone."""
        return self.deleted_at is not None

    def before_flush(self) -> None:
        """Hook run for a new or changed row before it is written (derived columns)."""


class ChangeOperation(StrEnum):
    """What happened to a row, as written to the change log."""

    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


class ChangeLog(Base):
    """One line per insert, update or (soft) delete of a record, for the sync to send.

    ``seq`` uses SQLite ``AUTOINCREMENT`` so a number is never reused, even after old lines are
    pruned: the sync keeps "sent up to seq N" as its cursor.
    """

    __tablename__ = "change_log"
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012 (SQLAlchemy reads it)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    operation: Mapped[str] = mapped_column(String(16))
    revision: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    device_id: Mapped[str] = mapped_column(String(ID_LENGTH))


class LocalState(Base):
    """Key/value facts about this installation (its device id, ...); never synced nor logged."""

    __tablename__ = "local_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


DEVICE_ID_KEY = "device_id"
