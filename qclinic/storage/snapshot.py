"""One assessment as it is stored, loaded at once into an immutable value (no ORM rows inside).

The runner opens it, scoring scores it and the reports print it: all three read the same
:class:`AssessmentSnapshot`, and take its answers through the one builder,
:func:`qclinic.core.scoring.answer_set.build_answer_set`. :func:`load_snapshot` needs four
queries (the assessment with its frozen checklist, its organization, its answer rows — process
steps included — and its attachments) in the caller's read session.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from qclinic.core import checklists
from qclinic.core.checklists import Checklist
from qclinic.core.scoring import AnswerSet, Evaluation
from qclinic.core.scoring.answer_set import build_answer_set
from qclinic.core.vocabulary import AssessmentStatus
from qclinic.storage.errors import NotFound
from qclinic.storage.models import Answer, Assessment, Attachment, Organization
from qclinic.storage.repositories.answers import STEP_PREFIX

Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    """One live answer row: its value (JSON), N/A flag, note and when it was recorded."""

    id: str
    question_id: str
    instance: str
    value: Any
    is_na: bool
    note: str
    revision: int  # writes name it as their base
    answered_at: datetime  # the last change of value or N/A
    recorded_at: datetime  # first recorded (the row's creation)


@dataclass(frozen=True, slots=True)
class StoredAttachment:
    """One live file attached to the assessment (a question's evidence, a drawn signature)."""

    id: str
    question_id: str | None
    instance: str
    sha256: str
    file_name: str
    mime_type: str
    caption: str
    size: int
    recorded_at: datetime


@dataclass(frozen=True)
class AssessmentSnapshot:
    """An assessment, its frozen checklist, answers, evidence and process steps at one moment."""

    assessment_id: str
    title: str
    status: AssessmentStatus
    revision_no: int  # the assessment's revision (1, then 2 for its amendment…)
    row_revision: int  # the row's edit counter
    organization_id: str
    organization: str
    organization_deleted: bool  # its assessments stay readable and editable
    visit_id: str | None
    amends_id: str | None
    checklist: Checklist
    score_percent: float | None  # the score cached on the row (lists show it)
    grade: str | None
    #: live answers, in the order they were first recorded (process steps left out)
    answers: tuple[StoredAnswer, ...] = ()
    #: live attachments, in id (creation) order
    attachments: tuple[StoredAttachment, ...] = ()
    #: the stored process steps of each repeated section, in the order they were added
    steps: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def editable(self) -> bool:
        return self.status is not AssessmentStatus.SIGNED

    def answer(self, question_id: str, instance: str = "") -> StoredAnswer | None:
        """The live answer row of one question (instance), if there is one."""
        return next(
            (a for a in self.answers if (a.question_id, a.instance) == (question_id, instance)),
            None,
        )

    def answer_set(self) -> AnswerSet:
        """The answers as scoring takes them (one builder for the runner, scoring and reports)."""
        return build_answer_set(self.checklist, self.answers, self.attachments, self.steps)

    def evaluation(self) -> Evaluation:
        return Evaluation(self.checklist, self.answer_set())


def load_snapshot(session: Session, assessment_id: str) -> AssessmentSnapshot:
    """Read the live assessment *assessment_id* whole.

    Raises:
        NotFound: No such live assessment.
    """
    assessment = session.scalars(
        select(Assessment)
        .options(undefer(Assessment.checklist_json))
        .where(Assessment.id == assessment_id, Assessment.deleted_at.is_(None))
    ).one_or_none()
    if assessment is None:
        raise NotFound(f"assessment {assessment_id} does not exist or was deleted.")
    organization = session.execute(
        select(Organization.name, Organization.deleted_at).where(
            Organization.id == assessment.organization_id
        )
    ).one()
    answers: list[StoredAnswer] = []
    steps: dict[str, list[str]] = {}
    step_rows = session.scalars(
        select(Answer)
        .where(Answer.assessment_id == assessment_id, Answer.deleted_at.is_(None))
        .order_by(Answer.created_at, Answer.id)
    )
    stored_steps: list[Answer] = []
    for row in step_rows:
        if row.question_id.startswith(STEP_PREFIX):
            stored_steps.append(row)
            continue
        answers.append(
            StoredAnswer(
                row.id,
                row.question_id,
                row.instance_key or "",
                row.value,
                row.is_na,
                row.note or "",
                row.revision,
                row.answered_at,
                row.created_at,
            )
        )
    # steps are ordered by when they were (re-)added, as storage's process_steps reads them
    for row in sorted(stored_steps, key=lambda r: (r.answered_at, r.id)):
        steps.setdefault(row.question_id[len(STEP_PREFIX) :], []).append(row.instance_key)
    attachments = tuple(
        StoredAttachment(
            row.id,
            row.question_id,
            row.instance_key or "",
            row.sha256,
            row.file_name,
            row.mime_type,
            row.caption or "",
            row.size,
            row.created_at,
        )
        for row in session.scalars(
            select(Attachment)
            .where(Attachment.assessment_id == assessment_id, Attachment.deleted_at.is_(None))
            .order_by(Attachment.id)
        )
    )
    return AssessmentSnapshot(
        assessment_id=assessment.id,
        title=assessment.title,
        status=assessment.status,
        revision_no=assessment.revision_no,
        row_revision=assessment.revision,
        organization_id=assessment.organization_id,
        organization=organization.name,
        organization_deleted=organization.deleted_at is not None,
        visit_id=assessment.visit_id,
        amends_id=assessment.amends_id,
        checklist=checklists.from_frozen(
            dict(assessment.checklist_json), f"assessment {assessment_id}"
        ),
        score_percent=assessment.score_percent,
        grade=assessment.grade,
        answers=tuple(answers),
        attachments=attachments,
        steps={section: tuple(names) for section, names in steps.items()},
    )
