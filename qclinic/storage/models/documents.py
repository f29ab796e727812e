"""What makes printed documents checkable: the seal of a signed assessment and the issued PDFs.

* :class:`AssessmentSeal` — written in the transaction that signs an assessment: the SHA-256 of its
  signed content (answers, notes, evidence hashes, findings, signatures; see
  :mod:`qclinic.storage.seal`) and one hash per item, so a later change says *what* changed.
* :class:`IssuedDocument` — one row per PDF written (report or plan): its document id, the SHA-256
  of the file's bytes, the hash of the data it shows, the seal it was printed under, when, by
  whom and on which device. ``qclinic report verify`` looks a file up here by its bytes.
* :class:`IssuedChainDocument` — the same for a chain report (产业链质量诊断报告), which has a chain
  and a period instead of an assessment (migration 0013 made it, moving the entries earlier
  releases kept in ``local_state``).

Neither register syncs (they are not in ``qclinic.storage.sync_rows.SYNCED_TABLES``): a printed
copy verifies on the installation that issued it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from qclinic.storage.models.assessment import SHA256_HEX_LENGTH
from qclinic.storage.models.base import ID_LENGTH, Record
from qclinic.storage.types import JSONText, UTCDateTime


class AssessmentSeal(Record):
    """The content hash of a signed assessment, stored when it was signed."""

    __tablename__ = "assessment_seal"

    assessment_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("assessment.id"), index=True, unique=True
    )
    version: Mapped[int] = mapped_column(Integer)  # of the sealing rules (qclinic.storage.seal)
    seal_sha256: Mapped[str] = mapped_column(String(SHA256_HEX_LENGTH))
    items: Mapped[dict[str, Any]] = mapped_column(JSONText)  # item key → SHA-256 of the item
    sealed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    origin: Mapped[str] = mapped_column(String(20))  # "signing", or "migration" for older ones


class IssuedDocument(Record):
    """A PDF QClinic wrote: identified by its document id and by the SHA-256 of its bytes."""

    __tablename__ = "issued_document"

    document_id: Mapped[str] = mapped_column(String(60), index=True)
    assessment_id: Mapped[str] = mapped_column(
        String(ID_LENGTH), ForeignKey("assessment.id"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))  # "report" or "plan"
    lang: Mapped[str] = mapped_column(String(8))
    file_sha256: Mapped[str] = mapped_column(String(SHA256_HEX_LENGTH), index=True)
    file_size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer)
    data_sha256: Mapped[str] = mapped_column(String(SHA256_HEX_LENGTH))
    seal_sha256: Mapped[str | None] = mapped_column(String(SHA256_HEX_LENGTH), default=None)
    status: Mapped[str] = mapped_column(String(20))  # the assessment's status when printed
    parts: Mapped[dict[str, Any]] = mapped_column(JSONText)  # what was shown, part by part
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    issued_by: Mapped[str] = mapped_column(String(100))  # the operating-system user
    device_id: Mapped[str] = mapped_column(String(ID_LENGTH))


class IssuedChainDocument(Record):
    """A chain report PDF QClinic wrote: its chain, copy number and period, and what it showed."""

    __tablename__ = "issued_chain_document"

    document_id: Mapped[str] = mapped_column(String(60), index=True)
    chain_id: Mapped[str] = mapped_column(String(ID_LENGTH), ForeignKey("chain.id"), index=True)
    copy_number: Mapped[int] = mapped_column(Integer)  # 1, 2, … per chain
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    lang: Mapped[str] = mapped_column(String(8))
    file_sha256: Mapped[str] = mapped_column(String(SHA256_HEX_LENGTH), index=True)
    file_size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer)
    data_sha256: Mapped[str] = mapped_column(String(SHA256_HEX_LENGTH))
    parts: Mapped[dict[str, Any]] = mapped_column(JSONText)  # what was shown, part by part
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    issued_by: Mapped[str] = mapped_column(String(100))  # the operating-system user
    device_id: Mapped[str] = mapped_column(String(ID_LENGTH))
