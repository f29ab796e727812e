"""The desktop's side of blobs in sync: which to upload before a push, which pulled records still
lack their bytes (shown as incomplete, never silently), and storing a downloaded one.

An attachment names its blob by ``sha256``; a drawn signature by ``image_sha256`` (the same bytes
are an attachment of the assessment too). Used by :class:`~qclinic.services.sync.SyncService`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qclinic.storage.blobs import BlobStore

#: the synced records that name a blob, and the field that does
BLOB_FIELDS = {"attachment": "sha256", "signature": "image_sha256"}


@dataclass(frozen=True)
class BlobToSend:
    """A blob a pending change references: uploaded (if the server lacks it) before the push."""

    sha256: str
    organization_id: str
    #: where it is in this computer's store (``None``: not here — lost or never stored)
    path: Path | None


@dataclass(frozen=True)
class IncompleteAttachment:
    """A live record whose blob is not on this computer yet (pulled before its bytes arrived)."""

    entity: str
    row_id: str
    sha256: str
    file_name: str
    assessment_id: str | None
    finding_id: str | None
    case_id: str | None


def blobs_to_send(
    changes: list[dict[str, Any]], sent: dict[str, dict[str, Any]], blobs: BlobStore
) -> list[BlobToSend]:
    """The blobs *changes* reference (by the row's whole current fields *sent*, so an edit of an
    attachment's caption still makes sure its bytes are there), once per organization."""
    found: dict[tuple[str, str], BlobToSend] = {}
    for change in changes:
        field = BLOB_FIELDS.get(change["entity"])
        if field is None or change["deleted"]:
            continue
        sha256 = (sent.get(change["row_id"]) or change["fields"]).get(field)
        if not sha256:
            continue
        key = (str(sha256), str(change["organization_id"]))
        if key not in found:
            path = blobs.path_for(key[0])
            found[key] = BlobToSend(key[0], key[1], path if path.is_file() else None)
    return list(found.values())


def pending_blob_hashes(session: Session, pushed: int, sync_device: str) -> set[str]:
    """The blobs referenced by live records with changes not pushed yet."""
    from sqlalchemy import select

    from qclinic.storage.models import Attachment, ChangeLog, Signature

    found: set[str] = set()
    for model, column in ((Attachment, Attachment.sha256), (Signature, Signature.image_sha256)):
        pending = (
            select(ChangeLog.row_id)
            .where(
                ChangeLog.seq > pushed,
                ChangeLog.device_id != sync_device,
                ChangeLog.table_name == model.__tablename__,
            )
            .distinct()
        )
        query = select(column).where(
            model.id.in_(pending), model.deleted_at.is_(None), column.is_not(None)
        )
        found.update(str(sha) for sha in session.scalars(query))
    return found


def incomplete(session: Session, blobs: BlobStore) -> list[IncompleteAttachment]:
    """Live attachments and drawn signatures whose bytes this computer does not have."""
    from sqlalchemy import select

    from qclinic.storage.models import Attachment, Signature

    out: list[IncompleteAttachment] = []
    attachments = select(
        Attachment.id,
        Attachment.sha256,
        Attachment.file_name,
        Attachment.assessment_id,
        Attachment.finding_id,
        Attachment.case_id,
    ).where(Attachment.deleted_at.is_(None))
    for row_id, sha256, name, assessment_id, finding_id, case_id in session.execute(
        attachments.order_by(Attachment.id)
    ):
        if not blobs.contains(sha256):
            out.append(
                IncompleteAttachment(
                    "attachment", row_id, sha256, name, assessment_id, finding_id, case_id
                )
            )
    signatures = select(Signature.id, Signature.image_sha256, Signature.assessment_id).where(
        Signature.deleted_at.is_(None), Signature.image_sha256.is_not(None)
    )
    for row_id, image, assessment_id in session.execute(signatures.order_by(Signature.id)):
        if image and not blobs.contains(image):
            out.append(
                IncompleteAttachment("signature", row_id, image, "", assessment_id, None, None)
            )
    return out


def naming(session: Session, sha256: str) -> dict[str, list[str]]:
    """``{table: ids}`` of the live attachments and signatures that name blob *sha256*."""
    from sqlalchemy import select

    from qclinic.storage.models import Attachment, Signature

    found: dict[str, list[str]] = {}
    for model, column in ((Attachment, Attachment.sha256), (Signature, Signature.image_sha256)):
        query = select(model.id).where(column == sha256, model.deleted_at.is_(None))
        ids = sorted(session.scalars(query))
        if ids:
            found[model.__tablename__] = ids
    return found


def by_organization(session: Session, found: list[IncompleteAttachment]) -> dict[str, int]:
    """``{organization id: how many}`` of the incomplete records *found* (by their owner)."""
    from sqlalchemy import select

    from qclinic.storage.models import Assessment, ClinicCase, Finding

    assessments = {f.assessment_id for f in found if f.assessment_id}
    findings = {f.finding_id for f in found if f.finding_id}
    cases = {f.case_id for f in found if f.case_id}
    finding_of: dict[str, str] = {
        row_id: owner
        for row_id, owner in session.execute(
            select(Finding.id, Finding.assessment_id).where(Finding.id.in_(findings))
        )
    }
    assessments |= set(finding_of.values())
    org_of: dict[str, str] = {}
    for model, wanted in ((Assessment, assessments), (ClinicCase, cases)):
        query = select(model.id, model.organization_id).where(model.id.in_(wanted))
        org_of.update({row_id: owner for row_id, owner in session.execute(query)})
    counts: dict[str, int] = {}
    for item in found:
        owner = item.assessment_id or finding_of.get(item.finding_id or "") or item.case_id
        organization = org_of.get(owner or "")
        if organization is not None:
            counts[organization] = counts.get(organization, 0) + 1
    return counts


def store(blobs: BlobStore, sha256: str, chunks: Iterable[bytes]) -> int:
    """Keep downloaded bytes as blob *sha256* (hash checked as written); the size.

    Raises:
        BlobMismatch: They do not hash to *sha256*; nothing is kept.
    """
    return blobs.put_stream(sha256, chunks)
