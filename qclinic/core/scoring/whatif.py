"""The what-if: the fewest answer changes that lift the grade one level.

Each change raises one answered, scored question (in one step) to full marks. The search is greedy:
at each round it takes the change that best closes the distance to the target — first clearing the
rules that cap the grade below it, then the threshold — and stops as soon as the target is reached.
Every candidate is checked by scoring again, so the answer is always one the rules accept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from qclinic.core.checklists.model import Checklist, Text
from qclinic.core.scoring.answers import Answer, AnswerSet, best_value, score_of
from qclinic.core.scoring.engine import Evaluation
from qclinic.core.scoring.result import Change, WhatIf

MAX_CHANGES = 25


def what_if(
    checklist: Checklist,
    answers: AnswerSet,
    grade: str | None,
    grade_of: Callable[[Evaluation], tuple[str | None, str | None, list[Any]]],
) -> WhatIf | None:
    """The changes lifting *grade* one level, or None when it is the best grade or withheld."""
    scoring = checklist.scoring
    if grade is None:
        return None
    rank = scoring.grade_rank(grade)
    if rank == 0:
        return None
    target = scoring.grades[rank - 1].grade
    target_rank = rank - 1
    current = answers
    changes: list[Change] = []
    evaluation = Evaluation(checklist, current)
    candidates = _candidates(evaluation)
    best_eval = evaluation
    reached = False
    while candidates and len(changes) < MAX_CHANGES:
        best: tuple[tuple[float, ...], tuple[str, str], Evaluation, AnswerSet] | None = None
        for key in candidates:
            trial = current.replace(key, _raised(checklist, current, key))
            trial_eval = Evaluation(checklist, trial)
            measure = _distance(trial_eval, target_rank, grade_of)
            if best is None or measure > best[0]:
                best = (measure, key, trial_eval, trial)
        assert best is not None
        measure, key, best_eval, current = best
        candidates.remove(key)
        question = checklist.question(key[0])
        old = answers.answers[key].value
        ref = f"{key[0]}@{key[1]}" if key[1] else key[0]
        new = best_value(question)
        changes.append(
            Change(
                key[0],
                key[1],
                old,
                new,
                Text(zh=f"{ref}：{old} → {new}", en=f"{ref}: {old} → {new}"),
            )
        )
        if measure[0] > 0:
            reached = True
            break
    _, final, _ = grade_of(best_eval)
    return WhatIf(
        target=target,
        achievable=reached,
        changes=tuple(changes),
        percent_after=best_eval.overall(),
        grade_after=final,
    )


def _candidates(evaluation: Evaluation) -> list[tuple[str, str]]:
    out = []
    for key, score in evaluation.item_scores.items():
        if score < 100.0:
            out.append(key)
    return out


def _raised(checklist: Checklist, answers: AnswerSet, key: tuple[str, str]) -> Answer:
    question = checklist.question(key[0])
    old = answers.answers[key]
    value = best_value(question)
    assert score_of(question, value) == 100.0 or question.type in ("single", "multi")
    return Answer(value, old.note, old.photos)


def _distance(
    evaluation: Evaluation,
    target_rank: int,
    grade_of: Callable[[Evaluation], tuple[str | None, str | None, list[Any]]],
) -> tuple[float, ...]:
    """Larger is closer: (target reached, −blocking rules, threshold reached, overall %)."""
    scoring = evaluation.checklist.scoring
    threshold, final, trace = grade_of(evaluation)
    reached = final is not None and scoring.grade_rank(final) <= target_rank
    blocking = sum(
        1
        for t in trace
        if t.rule != "threshold"
        and (t.no_grade or (t.grade is not None and scoring.grade_rank(t.grade) > target_rank))
    )
    threshold_ok = threshold is not None and scoring.grade_rank(threshold) <= target_rank
    return (float(reached), -float(blocking), float(threshold_ok), evaluation.overall() or 0.0)
