"""Scoring: answers → section and overall percentages → grade, with its trace and a what-if.

Pure functions over :mod:`qclinic.core.checklists` models; see docs/CHECKLIST_FORMAT.md.
"""

from __future__ import annotations

from qclinic.core.checklists.model import Checklist
from qclinic.core.scoring.answers import (
    Answer,
    AnswerSet,
    Key,
    check_value,
    parse_answers,
    score_of,
)
from qclinic.core.scoring.completion import BLOCKING, gaps
from qclinic.core.scoring.engine import Evaluation, round_half_up
from qclinic.core.scoring.grading import grade
from qclinic.core.scoring.result import (
    Change,
    Gap,
    ScoreResult,
    SectionScore,
    StepScore,
    TraceEntry,
    WhatIf,
)
from qclinic.core.scoring.whatif import what_if


def score(checklist: Checklist, answers: AnswerSet, *, with_what_if: bool = True) -> ScoreResult:
    """Score *answers* against *checklist*: percentages, grade, trace, gaps and what-if."""
    return score_evaluation(Evaluation(checklist, answers), with_what_if=with_what_if)


def score_evaluation(evaluation: Evaluation, *, with_what_if: bool = True) -> ScoreResult:
    """The result for an evaluation a caller already has (it needed the visibility, say)."""
    checklist = evaluation.checklist
    threshold, final, trace = grade(evaluation)
    label = None
    if final is not None:
        label = next(b.label for b in checklist.scoring.grades if b.grade == final)
    return ScoreResult(
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        percent=evaluation.overall(),
        threshold_grade=threshold,
        grade=final,
        grade_label=label,
        sections=evaluation.section_scores(),
        steps=tuple(evaluation.steps),
        maturity=evaluation.maturity(),
        trace=tuple(trace),
        gaps=gaps(evaluation),
        what_if=what_if(evaluation, final) if with_what_if else None,
        question_scores=dict(evaluation.item_scores),
    )


__all__ = [
    "BLOCKING",
    "Answer",
    "AnswerSet",
    "Change",
    "Evaluation",
    "Gap",
    "Key",
    "ScoreResult",
    "SectionScore",
    "StepScore",
    "TraceEntry",
    "WhatIf",
    "check_value",
    "gaps",
    "grade",
    "parse_answers",
    "round_half_up",
    "score",
    "score_evaluation",
    "score_of",
]
