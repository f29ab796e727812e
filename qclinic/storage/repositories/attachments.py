"""Attachments: evidence photos and documents, stored once per content in the blob store."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.storage.blobs import BlobStore
from qclinic.storage.errors import InvalidValue
from qclinic.storage.models import Attachment, ClinicCase, Finding, Referral
from qclinic.storage.repositories._common import get_live, soft_delete
from qclinic.storage.repositories.assessments import require_editable


def add_attachment(
    session: Session,
    blobs: BlobStore,
    data: bytes,
    file_name: str,
    *,
    mime_type: str | None = None,
    caption: str = "",
    assessment_id: str | None = None,
    question_id: str | None = None,
    instance_key: str = "",
    finding_id: str | None = None,
    case_id: str | None = None,
    referral_id: str | None = None,
) -> Attachment:
    """Store *data* (durably, before the row commits) and attach it to exactly one owner.

    The owner is an answer (``assessment_id`` + ``question_id`` [+ ``instance_key``]), a finding,
    a clinic case or a referral (its delivery evidence).

    Raises:
        InvalidValue: No owner or several owners were given.
        RecordLocked: The answer's assessment is signed.
    """
    owners = [
        assessment_id is not None,
        finding_id is not None,
        case_id is not None,
        referral_id is not None,
    ]
    if sum(owners) != 1 or (assessment_id is not None and not question_id):
        raise InvalidValue(
            "An attachment belongs to one answer (assessment and question), finding, case or referral."
        )
    if assessment_id is not None:
        require_editable(session, assessment_id)
    elif finding_id is not None:
        finding = get_live(session, Finding, finding_id)
        require_editable(session, finding.assessment_id)
    elif case_id is not None:
        get_live(session, ClinicCase, case_id)
    elif referral_id is not None:
        get_live(session, Referral, referral_id)
    sha256 = blobs.put_bytes(data)  # durable on disk before the row can commit
    attachment = Attachment(
        sha256=sha256,
        file_name=file_name,
        mime_type=mime_type or mimetypes.guess_type(file_name)[0] or "application/octet-stream",
        size=len(data),
        caption=caption,
        assessment_id=assessment_id,
        question_id=question_id if assessment_id is not None else None,
        instance_key=instance_key if assessment_id is not None else None,
        finding_id=finding_id,
        case_id=case_id,
        referral_id=referral_id,
    )
    session.add(attachment)
    session.flush()
    return attachment


def add_attachment_file(
    session: Session,
    blobs: BlobStore,
    source: Path,
    *,
    caption: str = "",
    assessment_id: str | None = None,
    question_id: str | None = None,
    instance_key: str = "",
    finding_id: str | None = None,
    case_id: str | None = None,
) -> Attachment:
    """Like :func:`add_attachment`, reading the bytes (and name) from the file *source*."""
    return add_attachment(
        session,
        blobs,
        source.read_bytes(),
        source.name,
        caption=caption,
        assessment_id=assessment_id,
        question_id=question_id,
        instance_key=instance_key,
        finding_id=finding_id,
        case_id=case_id,
    )


def delete_attachment(session: Session, attachment_id: str) -> None:
    """Soft-delete an attachment row (its blob stays: other rows or the sync may need it)."""
    attachment = get_live(session, Attachment, attachment_id)
    if attachment.assessment_id is not None:
        require_editable(session, attachment.assessment_id)
    soft_delete(attachment)
    session.flush()


def list_attachments(
    session: Session,
    *,
    assessment_id: str | None = None,
    question_id: str | None = None,
    instance_key: str | None = None,
    finding_id: str | None = None,
    case_id: str | None = None,
) -> list[Attachment]:
    """Live attachments of an assessment (optionally one question / instance), finding or case."""
    query = select(Attachment).where(Attachment.deleted_at.is_(None))
    if assessment_id is not None:
        query = query.where(Attachment.assessment_id == assessment_id)
    if question_id is not None:
        query = query.where(Attachment.question_id == question_id)
    if instance_key is not None:
        query = query.where(Attachment.instance_key == instance_key)
    if finding_id is not None:
        query = query.where(Attachment.finding_id == finding_id)
    if case_id is not None:
        query = query.where(Attachment.case_id == case_id)
    return list(session.scalars(query.order_by(Attachment.id)))
