"""The register of issued chain reports (``issued_chain_document``): recorded when written,
looked up to verify.

An assessment's documents are registered in ``issued_document`` (:mod:`.documents`); a chain
report has a chain and a period instead of an assessment, so it has its own table
(:class:`~qclinic.storage.models.IssuedChainDocument`, migration 0013, which moved the entries
earlier releases kept in ``local_state``). Callers see an entry as :class:`IssuedChainReport`, a
plain value with the period as ISO dates and the issuing time as ISO UTC text.

Like ``issued_document`` the table is not synced: a chain report verifies on the installation
that printed it (elsewhere it is "unknown", as an assessment report printed on a laptop not yet
synced is).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qclinic.storage.models import IssuedChainDocument


@dataclass(frozen=True)
class IssuedChainReport:
    """One issued chain report, as registered."""

    document_id: str
    chain_id: str
    period_from: str
    period_to: str
    lang: str
    file_sha256: str
    file_size: int
    pages: int
    data_sha256: str
    parts: dict[str, Any]
    issued_at: str  # ISO, UTC
    issued_by: str
    device_id: str
    copy_number: int = 0  # 0 until registered; the register's row has the real one


def _entry(row: IssuedChainDocument) -> IssuedChainReport:
    return IssuedChainReport(
        document_id=row.document_id,
        chain_id=row.chain_id,
        period_from=row.period_from.isoformat(),
        period_to=row.period_to.isoformat(),
        lang=row.lang,
        file_sha256=row.file_sha256,
        file_size=row.file_size,
        pages=row.pages,
        data_sha256=row.data_sha256,
        parts=dict(row.parts or {}),
        issued_at=row.issued_at.isoformat(),
        issued_by=row.issued_by,
        device_id=row.device_id,
        copy_number=row.copy_number,
    )


def _live() -> Any:
    return select(IssuedChainDocument).where(IssuedChainDocument.deleted_at.is_(None))


def next_serial(session: Session, chain_id: str) -> int:
    """The copy number the next chain report of *chain_id* gets (1, 2, …)."""
    query = select(func.max(IssuedChainDocument.copy_number)).where(
        IssuedChainDocument.chain_id == chain_id
    )
    return int(session.execute(query).scalar() or 0) + 1


def record_issue(session: Session, entry: IssuedChainReport, copy_number: int) -> None:
    """Add one issued chain report as copy *copy_number* (a document id is registered once).

    Raises:
        ValueError: *entry*'s document id is already in the register.
    """
    taken = select(IssuedChainDocument.id).where(
        IssuedChainDocument.document_id == entry.document_id
    )
    if session.scalars(taken).first() is not None:
        raise ValueError(f"document {entry.document_id} is already registered")
    session.add(
        IssuedChainDocument(
            document_id=entry.document_id,
            chain_id=entry.chain_id,
            copy_number=copy_number,
            period_from=date.fromisoformat(entry.period_from),
            period_to=date.fromisoformat(entry.period_to),
            lang=entry.lang,
            file_sha256=entry.file_sha256,
            file_size=entry.file_size,
            pages=entry.pages,
            data_sha256=entry.data_sha256,
            parts=entry.parts,
            issued_at=datetime.fromisoformat(entry.issued_at),
            issued_by=entry.issued_by,
            device_id=entry.device_id,
        )
    )
    session.flush()


def by_file(session: Session, file_sha256: str) -> IssuedChainReport | None:
    """The issued chain report whose file has exactly the SHA-256 *file_sha256*, if any."""
    query = _live().where(IssuedChainDocument.file_sha256 == file_sha256)
    row = session.scalars(query.order_by(IssuedChainDocument.id)).first()
    return None if row is None else _entry(row)


def by_document_id(session: Session, document_id: str) -> IssuedChainReport | None:
    """The chain report registered under *document_id*, if any."""
    query = _live().where(IssuedChainDocument.document_id == document_id)
    row = session.scalars(query.order_by(IssuedChainDocument.id)).first()
    return None if row is None else _entry(row)


def by_chain(session: Session, chain_id: str) -> list[IssuedChainReport]:
    """Every chain report issued for *chain_id*, oldest first."""
    query = _live().where(IssuedChainDocument.chain_id == chain_id)
    order = (IssuedChainDocument.issued_at, IssuedChainDocument.document_id)
    return [_entry(row) for row in session.scalars(query.order_by(*order))]


def issued_now() -> str:
    """The registering moment as stored (ISO, UTC)."""
    from qclinic.storage.types import utc_now

    moment: datetime = utc_now()
    return moment.isoformat()
