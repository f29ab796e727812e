"""An amendment copies the evidence but not the signed original's drawn signatures."""

from __future__ import annotations

from pathlib import Path

from qclinic.core.vocabulary import AssessmentStatus, SignerRole
from qclinic.services.demo import seed
from qclinic.storage.repositories import assessments, attachments
from qclinic.storage.repositories.assessments import SIGNATURE_QUESTION_ID
from qclinic.storage.startup import open_database


def test_amendment_leaves_signature_images_behind(tmp_path: Path) -> None:
    database = open_database(tmp_path / "a.sqlite", attachments_dir=tmp_path / "att")
    ids = seed(database)
    current = ids["completed_assessment"]
    with database.session() as session:
        attachments.add_attachment(
            session,
            database.blobs,
            b"\x89PNG\r\n\x1a\nphoto",
            "gauge.png",
            mime_type="image/png",
            assessment_id=current,
            question_id="MET.3",
        )
        ink = attachments.add_attachment(
            session,
            database.blobs,
            b"\x89PNG\r\n\x1a\nsignature",
            "consultant.png",
            mime_type="image/png",
            assessment_id=current,
            question_id=SIGNATURE_QUESTION_ID,
            instance_key="consultant",
        )
        assessments.add_signature(
            session, current, SignerRole.CONSULTANT, "李强", image_sha256=ink.sha256
        )
        assessments.add_signature(session, current, SignerRole.COMPANY_REPRESENTATIVE, "赵志明")
        assessments.set_assessment_status(session, current, AssessmentStatus.SIGNED)
    with database.session() as session:
        evidence_before = {
            a.question_id for a in attachments.list_attachments(session, assessment_id=current)
        }
        amendment = assessments.amend_assessment(session, current)
        copied = {
            a.question_id for a in attachments.list_attachments(session, assessment_id=amendment.id)
        }
    database.dispose()
    assert SIGNATURE_QUESTION_ID in evidence_before
    assert copied == evidence_before - {SIGNATURE_QUESTION_ID}
    assert copied == {"MET.3"}  # the photo evidence did come along
