"""What the sync remembers locally: the last state each record had on the server."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from qclinic.storage.models.base import ID_LENGTH, Base
from qclinic.storage.types import JSONText


class SyncedState(Base):
    """A record as last synced (pushed and acknowledged, or pulled): its server revision and
    fields. A push sends the fields that differ from these, against this revision; never
    synced itself, never logged."""

    __tablename__ = "sync_state"

    row_id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    entity: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(Integer)
    fields: Mapped[dict[str, Any]] = mapped_column(JSONText)
