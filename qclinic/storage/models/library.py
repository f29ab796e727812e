"""The checklist library kept in the database: every checklist version this installation knows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from qclinic.storage.models.base import Record
from qclinic.storage.types import JSONText


class ChecklistVersion(Record):
    """One version of one checklist, with its full content (the validated YAML as JSON).

    Built-in checklists are installed from ``resources/checklists`` at start-up when the shipped
    files change; versions are never overwritten, so an older version stays available.
    """

    __tablename__ = "checklist_version"
    __table_args__ = (
        Index("uq_checklist_version_checklist_id_version", "checklist_id", "version", unique=True),
    )

    checklist_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(50))
    title_zh: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300))
    question_count: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(20))  # "builtin" or "imported"
    content_sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict[str, Any]] = mapped_column(JSONText, deferred=True)
