"""The what-if: the fewest answer changes that lift the grade one level.

Each change raises one answered, scored question (in one step) to full marks. The search is greedy:
at each round it takes the change that best closes the distance to the target — first clearing the
rules that cap the grade below it, then the threshold — and stops as soon as the target is reached.
Each round shortlists the candidates that touch a blocking rule (or, once none blocks, those with
the largest estimated gain) and checks the shortlist by scoring again, so the advice is always one
the rules accept and the search stays fast enough for a live panel.
"""

from __future__ import annotations

from typing import Any

from qclinic.core.checklists.model import Checklist, Text
from qclinic.core.scoring.answers import Answer, AnswerSet, best_value, score_of
from qclinic.core.scoring.engine import Evaluation
from qclinic.core.scoring.grading import grade as grade_of
from qclinic.core.scoring.result import Change, WhatIf

MAX_CHANGES = 25
SHORTLIST = 6


def what_if(evaluation: Evaluation, grade: str | None) -> WhatIf | None:
    """The changes lifting *grade* (the grade of *evaluation*) one level, or None when it is the
    best grade or withheld."""
    checklist, answers = evaluation.checklist, evaluation.answers
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
    candidates = _candidates(evaluation)
    best_eval = evaluation
    reached = False
    while candidates and len(changes) < MAX_CHANGES:
        best: tuple[tuple[float, ...], tuple[str, str], Evaluation, AnswerSet] | None = None
        for key in _shortlist(best_eval, candidates, target_rank):
            trial = current.replace(key, _raised(checklist, current, key))
            trial_eval = Evaluation(checklist, trial)
            measure = _distance(trial_eval, target_rank)
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


def _shortlist(
    evaluation: Evaluation, candidates: list[tuple[str, str]], target_rank: int
) -> list[tuple[str, str]]:
    """The few candidates worth re-scoring this round, most promising first."""
    scoring = evaluation.checklist.scoring
    _, _, trace = grade_of(evaluation)
    blocking = [
        t
        for t in trace
        if t.rule != "threshold"
        and t.grade is not None
        and scoring.grade_rank(t.grade) > target_rank
    ]
    pool = [key for key in candidates if any(_touches(evaluation, key, t) for t in blocking)]
    ranked = sorted(pool or candidates, key=lambda key: -_gain(evaluation, key))
    return ranked[:SHORTLIST]


def _touches(evaluation: Evaluation, key: tuple[str, str], entry: Any) -> bool:
    """Whether raising *key* can help clear the rule behind a trace *entry*."""
    qid, instance = key
    ref = f"{qid}@{instance}" if instance else qid
    if entry.rule in ("critical-at-or-below", "question-at-or-below"):
        return bool(entry.ref == ref)
    if entry.rule == "statutory-at-or-below":
        return ref in str(entry.ref).split(", ")
    question = evaluation.checklist.question(qid)
    if entry.rule == "section-below":
        return entry.ref in question.section_path
    if entry.rule == "step-below":
        section, _, step = str(entry.ref).partition("@")
        return question.repeat_section == section and instance == step
    return False


def _gain(evaluation: Evaluation, key: tuple[str, str]) -> float:
    """A quick estimate of how much raising *key* lifts the overall percentage."""
    question = evaluation.checklist.question(key[0])
    score = evaluation.item_scores[key]
    share = 1.0
    if question.repeated:
        share = 1.0 / max(1, sum(1 for k in evaluation.item_scores if k[0] == key[0]))
    top = evaluation.tallies[question.section_path[0]]
    if evaluation.checklist.scoring.overall == "sections" and top.possible:
        share /= top.possible
    return (100.0 - score) * question.weight * share


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
    assert score_of(question, value) == 100.0 or question.type in ("single", "multi", "numeric")
    return Answer(value, old.note, old.photos)


def _distance(evaluation: Evaluation, target_rank: int) -> tuple[float, ...]:
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
