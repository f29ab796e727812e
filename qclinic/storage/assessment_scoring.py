"""Scoring a stored assessment: its frozen checklist, its answers and photo counts, into core.

The one place that turns rows into :class:`~qclinic.core.scoring.AnswerSet`, so the app, the CLI
and the reports score an assessment identically.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from qclinic.core import checklists
from qclinic.core.checklists import NA, Checklist
from qclinic.core.scoring import Answer, AnswerSet, ScoreResult, score
from qclinic.storage.models import Attachment
from qclinic.storage.repositories.answers import answers_by_key, process_steps
from qclinic.storage.repositories.assessments import frozen_checklist, record_score


def load_checklist(session: Session, assessment_id: str) -> Checklist:
    """The checklist exactly as it was when the assessment started."""
    return checklists.from_frozen(
        frozen_checklist(session, assessment_id), f"assessment {assessment_id}"
    )


def load_answer_set(session: Session, assessment_id: str) -> AnswerSet:
    """The assessment's live answers with their notes and how many photos each has."""
    photos = Counter(
        (row.question_id, row.instance_key or "")
        for row in session.scalars(
            select(Attachment).where(
                Attachment.assessment_id == assessment_id,
                Attachment.deleted_at.is_(None),
                Attachment.question_id.is_not(None),
            )
        )
    )
    answers = {
        key: Answer(NA if row.is_na else row.value, row.note or "", photos.get(key, 0))
        for key, row in answers_by_key(session, assessment_id).items()
    }
    steps = process_steps(session, assessment_id)  # steps with no answer yet count too
    return AnswerSet(answers, {section: tuple(names) for section, names in steps.items()})


def score_assessment(session: Session, assessment_id: str, *, cache: bool = False) -> ScoreResult:
    """Score a stored assessment; with *cache*, keep the percentage and grade on its row."""
    result = score(load_checklist(session, assessment_id), load_answer_set(session, assessment_id))
    if cache:
        record_score(session, assessment_id, result.percent, result.grade)
    return result
