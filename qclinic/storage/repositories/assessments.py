"""Assessments: started from a checklist, completed, signed, and amended when a signed one is wrong.

The checklist version is given by the caller as a plain dict (``qclinic.core`` loads and scores
checklists) and frozen into the assessment, so it can be re-read and re-scored exactly later.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.core.vocabulary import ASSESSMENT_TRANSITIONS, AssessmentStatus, SignerRole
from qclinic.storage.errors import NotFound, RecordLocked, TransitionRefused
from qclinic.storage.models import (
    Action,
    Answer,
    Assessment,
    Attachment,
    Finding,
    Organization,
    Signature,
    Visit,
)
from qclinic.storage.repositories._common import (
    DEFAULT_PAGE_SIZE,
    get_live,
    page,
    soft_delete,
)
from qclinic.storage.types import utc_now

if TYPE_CHECKING:
    from qclinic.storage.repositories.team import TeamMember

#: Drawn signatures are stored as attachments under this pseudo question id (one per signer role,
#: the role as instance key); it matches no checklist question, so scoring ignores them.
SIGNATURE_QUESTION_ID = "_signature"


def start_assessment(
    session: Session,
    organization_id: str,
    checklist_id: str,
    checklist_version: str,
    checklist: dict[str, Any],
    title: str,
    *,
    visit_id: str | None = None,
    team: Sequence[TeamMember] = (),
) -> Assessment:
    """A new draft assessment with a frozen copy of the checklist version used, and its team."""
    get_live(session, Organization, organization_id)
    if visit_id is not None:
        get_live(session, Visit, visit_id)
    assessment = Assessment(
        organization_id=organization_id,
        visit_id=visit_id,
        checklist_id=checklist_id,
        checklist_version=checklist_version,
        checklist_json=checklist,
        title=title,
        status=AssessmentStatus.DRAFT,
        revision_no=1,
    )
    session.add(assessment)
    session.flush()
    if team:
        from qclinic.storage.repositories.team import set_team

        set_team(session, assessment.id, team)
    return assessment


def get_assessment(session: Session, assessment_id: str) -> Assessment:
    """The live assessment *assessment_id* (raises ``NotFound``)."""
    return get_live(session, Assessment, assessment_id)


def frozen_checklist(session: Session, assessment_id: str) -> dict[str, Any]:
    """The checklist version frozen into the assessment, as the dict it was started with."""
    query = select(Assessment.checklist_json).where(Assessment.id == assessment_id)
    checklist = session.execute(query).scalar_one_or_none()
    if checklist is None:
        raise NotFound(f"assessment {assessment_id} does not exist.")
    return dict(checklist)


def require_editable(session: Session, assessment_id: str) -> None:
    """Refuse changes to the content of a signed (or deleted) assessment.

    One narrow query, since it sits on the answer-saving hot path.

    Raises:
        NotFound: No such live assessment.
        RecordLocked: The assessment is signed; amend it instead.
    """
    query = select(Assessment.status, Assessment.deleted_at).where(Assessment.id == assessment_id)
    row = session.execute(query).one_or_none()
    if row is None or row.deleted_at is not None:
        raise NotFound(f"assessment {assessment_id} does not exist or was deleted.")
    if row.status == AssessmentStatus.SIGNED:
        raise RecordLocked(
            "This assessment is signed and cannot change; amend it to make a corrected revision.\n"
            "该评估已签字，不能修改；请创建修订版。"
        )


def set_assessment_status(
    session: Session, assessment_id: str, status: AssessmentStatus
) -> Assessment:
    """Move an assessment along draft → completed → signed (completed may go back to draft).

    Raises:
        TransitionRefused: The move is not in ``ASSESSMENT_TRANSITIONS``.
    """
    assessment = get_assessment(session, assessment_id)
    if status not in ASSESSMENT_TRANSITIONS[assessment.status]:
        raise TransitionRefused(
            f"An assessment cannot go from {assessment.status.value} to {status.value}."
        )
    now = utc_now()
    assessment.status = status
    if status is AssessmentStatus.COMPLETED:
        assessment.completed_at = now
    elif status is AssessmentStatus.SIGNED:
        assessment.signed_at = now
    else:
        assessment.completed_at = None
    session.flush()
    if status is AssessmentStatus.SIGNED:
        _seal(session, assessment_id, now)
    return assessment


def reopen_after_edit(session: Session, assessment_id: str) -> bool:
    """A completed (unsigned) assessment whose content changed goes back to draft.

    Called by the answer repository whenever an answer or a process step really changes, in the
    same transaction: the status update is an ordinary change of the assessment row, so the change
    log records the transition for the sync. Completing again re-checks the gaps. A draft is left
    as it is; a signed assessment never gets here (``require_editable`` refuses first).

    Returns:
        Whether the assessment went back to draft.
    """
    query = select(Assessment.status).where(Assessment.id == assessment_id)
    if session.execute(query).scalar_one_or_none() != AssessmentStatus.COMPLETED:
        return False
    set_assessment_status(session, assessment_id, AssessmentStatus.DRAFT)
    return True


def _seal(session: Session, assessment_id: str, now: datetime) -> None:
    """Store the seal of what is being signed, in the signing transaction (see ``storage.seal``)."""
    from qclinic.storage.models import AssessmentSeal
    from qclinic.storage.seal import SEAL_VERSION, seal_assessment

    digest, items = seal_assessment(session.connection(), assessment_id)
    session.add(
        AssessmentSeal(
            assessment_id=assessment_id,
            version=SEAL_VERSION,
            seal_sha256=digest,
            items=items,
            sealed_at=now,
            origin="signing",
        )
    )
    session.flush()


def record_score(
    session: Session, assessment_id: str, score_percent: float | None, grade: str | None
) -> None:
    """Cache the overall score and grade computed by ``qclinic.core`` for lists and reports."""
    assessment = get_assessment(session, assessment_id)
    assessment.score_percent = score_percent
    assessment.grade = grade
    session.flush()


def update_title(session: Session, assessment_id: str, title: str) -> Assessment:
    """Rename an unsigned assessment."""
    require_editable(session, assessment_id)
    assessment = get_assessment(session, assessment_id)
    assessment.title = title
    session.flush()
    return assessment


def delete_assessment(session: Session, assessment_id: str) -> None:
    """Soft-delete an unsigned assessment (a signed one is a record and stays).

    Deleting an amendment also deletes the actions it copied from the signed revision, so the
    originals are live on the plan again (see :func:`amend_assessment`).
    """
    require_editable(session, assessment_id)
    soft_delete(get_assessment(session, assessment_id))
    findings = select(Finding.id).where(Finding.assessment_id == assessment_id)
    copies = select(Action).where(
        Action.finding_id.in_(findings), Action.origin_id.is_not(None), Action.deleted_at.is_(None)
    )
    for action in session.scalars(copies):
        soft_delete(action)
    session.flush()


def amendment_of(session: Session, assessment_id: str) -> Assessment | None:
    """The live amended revision made from *assessment_id*, if there is one."""
    query = select(Assessment).where(
        Assessment.amends_id == assessment_id, Assessment.deleted_at.is_(None)
    )
    return session.scalars(query.order_by(Assessment.id.desc())).first()


def amend_assessment(session: Session, assessment_id: str) -> Assessment:
    """A new draft revision of a signed assessment, carrying over everything it recorded.

    The original stays signed and unchanged; the amendment points to it (``amends_id``) and carries
    ``revision_no`` one higher. Copied over: the expert team, the answers, their attachments (rows
    copied, blobs shared), the findings with their attachments, and the findings' actions. A copied finding or
    action keeps a link to the row it came from (``origin_id``); the original action is then
    superseded: the signed revision's report still prints it, the improvement plan shows only the
    live copy. Clinic cases belong to the visit, which the amendment shares, so they stay linked.

    Raises:
        TransitionRefused: The assessment is not signed (edit it directly instead), or it was
            already amended (amend the latest revision instead).
        SealBroken: The signed content was changed behind the app's back; copying it would carry
            the tampering into the new revision.
    """
    from qclinic.storage.seal import require_intact

    original = get_assessment(session, assessment_id)
    if original.status is not AssessmentStatus.SIGNED:
        raise TransitionRefused("Only a signed assessment is amended; edit this one directly.")
    require_intact(session.connection(), assessment_id)
    existing = amendment_of(session, assessment_id)
    if existing is not None:
        raise TransitionRefused(
            f"This assessment was already amended as revision {existing.revision_no}; open and "
            "correct that revision instead.\n"
            f"本评审已有修订版（第 {existing.revision_no} 版），请打开该修订版进行更正。"
        )
    amendment = Assessment(
        organization_id=original.organization_id,
        visit_id=original.visit_id,
        checklist_id=original.checklist_id,
        checklist_version=original.checklist_version,
        checklist_json=frozen_checklist(session, assessment_id),
        title=original.title,
        status=AssessmentStatus.DRAFT,
        amends_id=original.id,
        revision_no=original.revision_no + 1,
        score_percent=original.score_percent,
        grade=original.grade,
    )
    session.add(amendment)
    session.flush()
    live_answers = select(Answer).where(
        Answer.assessment_id == original.id, Answer.deleted_at.is_(None)
    )
    for answer in session.scalars(live_answers):
        session.add(
            Answer(
                assessment_id=amendment.id,
                question_id=answer.question_id,
                instance_key=answer.instance_key,
                value=answer.value,
                is_na=answer.is_na,
                note=answer.note,
                answered_at=answer.answered_at,
            )
        )
    live_attachments = select(Attachment).where(
        Attachment.assessment_id == original.id,
        Attachment.deleted_at.is_(None),
        # drawn signatures belong to the signed original, not to the amendment
        Attachment.question_id.is_distinct_from(SIGNATURE_QUESTION_ID),
    )
    for attachment in session.scalars(live_attachments):
        session.add(_copy_attachment(attachment, assessment_id=amendment.id))
    session.flush()
    _copy_findings(session, original.id, amendment.id)
    from qclinic.storage.repositories.team import copy_team

    copy_team(session, original.id, amendment.id)
    return amendment


def _copy_attachment(attachment: Attachment, **where: str) -> Attachment:
    """A new attachment row for the same blob, its owner changed as *where* says."""
    place = {
        "assessment_id": attachment.assessment_id,
        "question_id": attachment.question_id,
        "instance_key": attachment.instance_key,
        "finding_id": attachment.finding_id,
        "case_id": attachment.case_id,
    }
    place.update(where)
    return Attachment(
        sha256=attachment.sha256,
        file_name=attachment.file_name,
        mime_type=attachment.mime_type,
        size=attachment.size,
        caption=attachment.caption,
        **place,
    )


_FINDING_COPIED = (
    "question_id", "instance_key", "severity", "nqi_category", "title", "description", "evidence"
)  # fmt: skip
_ACTION_COPIED = (
    "case_id", "organization_id", "title", "description", "owner", "due_date", "priority",
    "status", "verification_note", "verified_at", "effectiveness_note",
)  # fmt: skip


def _copy_findings(session: Session, original_id: str, amendment_id: str) -> None:
    """Copy the live findings of *original_id*, their attachments and actions, into the amendment."""
    findings = session.scalars(
        select(Finding)
        .where(Finding.assessment_id == original_id, Finding.deleted_at.is_(None))
        .order_by(Finding.id)
    ).all()
    for finding in findings:
        copy = Finding(
            assessment_id=amendment_id,
            origin_id=finding.id,
            **{name: getattr(finding, name) for name in _FINDING_COPIED},
        )
        session.add(copy)
        session.flush()
        evidence = select(Attachment).where(
            Attachment.finding_id == finding.id, Attachment.deleted_at.is_(None)
        )
        for attachment in session.scalars(evidence):
            session.add(_copy_attachment(attachment, finding_id=copy.id))
        actions = select(Action).where(Action.finding_id == finding.id, Action.deleted_at.is_(None))
        for action in session.scalars(actions.order_by(Action.id)):
            session.add(
                Action(
                    finding_id=copy.id,
                    origin_id=action.id,
                    **{name: getattr(action, name) for name in _ACTION_COPIED},
                )
            )
    session.flush()


def list_assessments(
    session: Session,
    *,
    organization_id: str | None = None,
    visit_id: str | None = None,
    status: AssessmentStatus | None = None,
    limit: int | None = DEFAULT_PAGE_SIZE,
    offset: int = 0,
) -> list[Assessment]:
    """Live assessments, newest first (the frozen checklist is not loaded)."""
    query = select(Assessment).where(Assessment.deleted_at.is_(None))
    if organization_id is not None:
        query = query.where(Assessment.organization_id == organization_id)
    if visit_id is not None:
        query = query.where(Assessment.visit_id == visit_id)
    if status is not None:
        query = query.where(Assessment.status == status)
    query = query.order_by(Assessment.id.desc())  # UUIDv7: creation order
    return list(session.scalars(page(query, limit, offset)))


def add_signature(
    session: Session,
    assessment_id: str,
    signer_role: SignerRole,
    signer_name: str,
    *,
    image_sha256: str | None = None,
) -> Signature:
    """Sign a completed assessment: a drawn signature (blob sha) or a typed name (``None``).

    Raises:
        TransitionRefused: The assessment is not completed (a draft is not ready; a signed one is
            final).
    """
    assessment = get_assessment(session, assessment_id)
    if assessment.status is not AssessmentStatus.COMPLETED:
        raise TransitionRefused(
            f"Only a completed assessment can be signed (this one is {assessment.status.value})."
        )
    signature = Signature(
        assessment_id=assessment_id,
        signer_role=signer_role,
        signer_name=signer_name,
        image_sha256=image_sha256,
        signed_at=utc_now(),
    )
    session.add(signature)
    session.flush()
    return signature


def list_signatures(session: Session, assessment_id: str) -> list[Signature]:
    """The live signatures of an assessment, in signing order."""
    query = (
        select(Signature)
        .where(Signature.assessment_id == assessment_id, Signature.deleted_at.is_(None))
        .order_by(Signature.signed_at, Signature.id)
    )
    return list(session.scalars(query))
