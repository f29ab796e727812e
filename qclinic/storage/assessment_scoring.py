"""Scoring a stored assessment: its snapshot (frozen checklist, answers, evidence, steps) into core.

The answers go through the one builder the runner and the reports use
(:func:`qclinic.core.scoring.answer_set.build_answer_set`, via
:meth:`~qclinic.storage.snapshot.AssessmentSnapshot.answer_set`), so the app, the CLI and the
reports score an assessment identically.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from qclinic.core import checklists
from qclinic.core.checklists import Checklist
from qclinic.core.scoring import ScoreResult, score
from qclinic.storage.repositories.assessments import frozen_checklist, record_score
from qclinic.storage.snapshot import AssessmentSnapshot, load_snapshot


def load_checklist(session: Session, assessment_id: str) -> Checklist:
    """The checklist exactly as it was when the assessment started."""
    return checklists.from_frozen(
        frozen_checklist(session, assessment_id), f"assessment {assessment_id}"
    )


def score_snapshot(snapshot: AssessmentSnapshot, *, with_what_if: bool = True) -> ScoreResult:
    """Score a loaded snapshot (percentages, grade, trace, gaps and what-if)."""
    return score(snapshot.checklist, snapshot.answer_set(), with_what_if=with_what_if)


def score_assessment(session: Session, assessment_id: str, *, cache: bool = False) -> ScoreResult:
    """Score a stored assessment; with *cache*, keep the percentage and grade on its row."""
    result = score_snapshot(load_snapshot(session, assessment_id))
    if cache:
        record_score(session, assessment_id, result.percent, result.grade)
    return result
