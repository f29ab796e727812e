"""The register of issued PDFs (``issued_document``): recorded when written, looked up to verify."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qclinic.storage.models import AssessmentSeal, IssuedDocument


def next_serial(session: Session, assessment_id: str, kind: str) -> int:
    """The copy number the next *kind* document of *assessment_id* gets (1, 2, …)."""
    query = select(func.count()).where(
        IssuedDocument.assessment_id == assessment_id, IssuedDocument.kind == kind
    )
    return int(session.execute(query).scalar_one()) + 1


def record_issue(session: Session, **fields: Any) -> IssuedDocument:
    """Add one issued document (the columns of :class:`IssuedDocument` as keywords)."""
    row = IssuedDocument(**fields)
    session.add(row)
    session.flush()
    return row


def by_file(session: Session, file_sha256: str) -> IssuedDocument | None:
    """The issued document whose file has exactly the SHA-256 *file_sha256*, if any."""
    query = (
        select(IssuedDocument)
        .where(IssuedDocument.file_sha256 == file_sha256, IssuedDocument.deleted_at.is_(None))
        .order_by(IssuedDocument.id)
    )
    return session.scalars(query).first()


def by_document_id(session: Session, document_id: str) -> list[IssuedDocument]:
    """The issued copies recorded under *document_id* (normally one), oldest first."""
    query = (
        select(IssuedDocument)
        .where(IssuedDocument.document_id == document_id, IssuedDocument.deleted_at.is_(None))
        .order_by(IssuedDocument.id)
    )
    return list(session.scalars(query))


def by_assessment(session: Session, assessment_id: str) -> list[IssuedDocument]:
    """Every document issued from *assessment_id*, oldest first."""
    query = (
        select(IssuedDocument)
        .where(IssuedDocument.assessment_id == assessment_id, IssuedDocument.deleted_at.is_(None))
        .order_by(IssuedDocument.id)
    )
    return list(session.scalars(query))


def seal_row(session: Session, assessment_id: str) -> AssessmentSeal | None:
    """The stored seal of *assessment_id*, if it was signed."""
    query = select(AssessmentSeal).where(
        AssessmentSeal.assessment_id == assessment_id, AssessmentSeal.deleted_at.is_(None)
    )
    return session.scalars(query).first()
