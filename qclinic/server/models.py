"""The server's own tables (its :class:`ServerBase` metadata is separate from the desktop's).

Records are kept generically, one ``server_record`` row per synced desktop row with its fields as
JSON: the server merges field by field and never needs the desktop's columns. ``seq`` is the
pull cursor (see :mod:`qclinic.server.push`, "the sequence").
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ServerBase(DeclarativeBase):
    """Declarative base of the server's tables."""


class User(ServerBase):
    __tablename__ = "server_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class UserOrganization(ServerBase):
    """An organization a consultant is assigned to, or a company user's own."""

    __tablename__ = "server_user_organization"

    user_id: Mapped[int] = mapped_column(ForeignKey("server_user.id"), primary_key=True)
    organization_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class UserChain(ServerBase):
    """A chain assigned to a user: a lead sees its member organizations (docs/SYNC.md, Access)."""

    __tablename__ = "server_user_chain"

    user_id: Mapped[int] = mapped_column(ForeignKey("server_user.id"), primary_key=True)
    chain_id: Mapped[str] = mapped_column(String(36), primary_key=True)


class UserRegion(ServerBase):
    """A region assigned to a lead: they see the organizations whose ``region`` field it is."""

    __tablename__ = "server_user_region"

    user_id: Mapped[int] = mapped_column(ForeignKey("server_user.id"), primary_key=True)
    region: Mapped[str] = mapped_column(String(100), primary_key=True)


class Token(ServerBase):
    """A device token: random, stored as its SHA-256, revocable; it expires when unused for
    the server's token lifetime, counted from ``created_at`` — issued, or last renewed by a
    use (:func:`qclinic.server.accounts.caller_for`)."""

    __tablename__ = "server_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("server_user.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    device: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class Counter(ServerBase):
    """Named counters; ``seq`` is the pull sequence, taken under a row lock (see push.py)."""

    __tablename__ = "server_counter"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Record(ServerBase):
    """The server's current state of one desktop row."""

    __tablename__ = "server_record"
    __table_args__ = (
        Index("ix_server_record_org_seq", "organization_id", "seq"),
        # scope (qclinic/server/scope.py) reads the organizations, chains and memberships
        Index("ix_server_record_entity_seq", "entity", "seq"),
    )

    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(64))
    organization_id: Mapped[str] = mapped_column(String(36))
    revision: Mapped[int] = mapped_column(Integer)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: the record revision at which each field last changed (for the three-way merge)
    field_revisions: Mapped[dict[str, int]] = mapped_column(JSON)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class Change(ServerBase):
    """The append-only log: one row per change settled (applied, merged, conflict, rejected).

    ``change_id`` is the idempotency key (unique); ``result`` is the answer given, returned again
    verbatim on a replay; ``hash`` covers this entry and the previous entry's hash.
    """

    __tablename__ = "server_change"

    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(100), unique=True)
    user_name: Mapped[str] = mapped_column(String(100))
    device: Mapped[str] = mapped_column(String(200))
    entity: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    organization_id: Mapped[str] = mapped_column(String(36))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Waiting(ServerBase):
    """A change whose parent row has not arrived yet; applied when it does."""

    __tablename__ = "server_waiting"

    change_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    waiting_for: Mapped[str] = mapped_column(String(36), index=True)
    user_name: Mapped[str] = mapped_column(String(100))
    device: Mapped[str] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class Conflict(ServerBase):
    """The same field changed on both sides: the server's value was kept; the other is here.

    Its resolution (schema s0004), recorded by the first device or lead to settle it: how
    (``mine``, ``theirs``, ``merged``), the value, by whom and when, the desktop's key for it
    (a retry is recognised), and ``resolution_seq``, its place in the resolutions' cursor
    (taken under the ``resolution`` counter's lock, so it commits in order; see conflicts.py).
    """

    __tablename__ = "server_conflict"
    __table_args__ = (Index("ix_server_conflict_resolution_seq", "resolution_seq", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(100), index=True)
    entity: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36))
    organization_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    server_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    incoming_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    server_by: Mapped[str] = mapped_column(String(100))
    incoming_by: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolved_by: Mapped[str | None] = mapped_column(String(100), default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    resolution: Mapped[str | None] = mapped_column(String(10), default=None)
    resolved_value: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)
    resolution_key: Mapped[str | None] = mapped_column(String(100), default=None)
    resolution_seq: Mapped[int | None] = mapped_column(Integer, default=None)


class BlobGrant(ServerBase):
    """User *user_id* uploaded blob *sha256* whole for *organization_id* (schema s0002; see
    blobs.py)."""

    __tablename__ = "server_blob_grant"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    organization_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("server_user.id"), primary_key=True)
