"""What the sync remembers locally: the last state each record had on the server."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from qclinic.storage.models.base import ID_LENGTH, Base
from qclinic.storage.types import JSONText, UTCDateTime


class SyncedState(Base):
    """A record as last synced (pushed and acknowledged, or pulled): its server revision and
    fields. A push sends the fields that differ from these, against this revision; never
    synced itself, never logged."""

    __tablename__ = "sync_state"

    row_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    entity: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(Integer)
    fields: Mapped[dict[str, Any]] = mapped_column(JSONText)


class SyncConflict(Base):
    """A conflict the server reported (a push's answer, or pulled from ``/v1/conflicts``), kept
    for the conflict inbox until the user resolves it.

    *theirs* is the value the server kept (set by ``theirs_by``), *mine* the pushed value that
    lost (by ``mine_by``; this laptop's, or another device's when pulled). ``reason`` is the
    server's (``deleted``: the record was deleted there; ``duplicate_credit_code``: the server
    refused the organization, or a pulled one clashes with a local one). One row per change and
    field: a conflict heard twice (the push's answer, then the pull) is kept once. Never logged;
    a resolution is an ordinary edit of the record, pushed next, and is told to the server at
    the next sync so the other devices' copies close (docs/SYNC.md, "Resolutions travel").
    """

    __tablename__ = "sync_conflict"
    __table_args__ = (UniqueConstraint("change_id", "field"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    change_id: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(ID_LENGTH), index=True)
    organization_id: Mapped[str | None] = mapped_column(String(ID_LENGTH), default=None)
    field: Mapped[str] = mapped_column(String(64))
    mine: Mapped[Any] = mapped_column(JSONText, nullable=True)
    theirs: Mapped[Any] = mapped_column(JSONText, nullable=True)
    mine_by: Mapped[str | None] = mapped_column(String(100), default=None)
    theirs_by: Mapped[str | None] = mapped_column(String(100), default=None)
    reason: Mapped[str | None] = mapped_column(String(40), default=None)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: when and how it was resolved: ``mine``, ``theirs`` or ``merged`` (then ``resolved_value``)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    resolution: Mapped[str | None] = mapped_column(String(10), default=None)
    resolved_value: Mapped[Any] = mapped_column(JSONText, nullable=True)
    #: who resolved it: this computer's user, or whoever the server says resolved it first
    resolved_by: Mapped[str | None] = mapped_column(String(100), default=None)
    #: how its resolution stands with the server (schema 0018): ``pending`` (to tell it at the
    #: next sync), ``sent`` (recorded there), ``late`` (another came first: ``first_resolution``),
    #: ``elsewhere`` (closed here by a resolution made elsewhere), ``refused`` (the server holds
    #: no such conflict this user may see); ``None`` while open, or for a conflict of this
    #: computer alone (``editing``, ``duplicate_credit_code``)
    resolution_state: Mapped[str | None] = mapped_column(String(10), default=None)
    #: the resolution the server recorded first, when it was not this one (``late``):
    #: ``{"resolution", "resolved_value", "resolved_by", "resolved_at"}``
    first_resolution: Mapped[Any] = mapped_column(JSONText, nullable=True)
