"""Grading rules that decide a grade on their own (issue 9, items 15, 16 and 19).

Two thirds evaluated is enough (an exact ``2/3``); statutory key items veto the grade; numeric
questions score by bands. The expected figures are worked out by hand in each test's comment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qclinic.core import checklists
from qclinic.core.checklists.model import Checklist
from qclinic.core.scoring import AnswerSet, parse_answers, score
from qclinic.core.scoring.answers import Answer, best_value


def full_marks(checklist: Checklist) -> dict[str, Any]:
    """Every scored, non-repeated question at full marks; gate questions answered "yes"."""
    data: dict[str, Any] = {}
    for question in checklist.questions():
        if question.repeated:
            continue
        if question.scored:
            data[question.id] = best_value(question)
        elif question.option("yes") is not None:
            data[question.id] = "yes"
    return data


def withheld(result: Any) -> list[str]:
    return [t.message.en for t in result.no_grade_reasons]


# -- item 16: exactly two thirds evaluated ------------------------------------------------------


@pytest.mark.parametrize(
    ("checklist_id", "section", "not_evaluated"),
    [
        ("msa", "MS2", 1),  # 2 of 3 evaluated
        ("spc", "SP2", 1),  # 2 of 3
        ("iso9001-2015", "C7", 4),  # 8 of 12
    ],
)
def test_exactly_two_thirds_evaluated_gets_a_grade(
    checklist_id: str, section: str, not_evaluated: int
) -> None:
    checklist = checklists.builtin().load(checklist_id)
    data = full_marks(checklist)
    in_section = [
        q for q in checklist.section(section).all_questions() if q.scored and q.na_allowed
    ]
    for question in in_section[:not_evaluated]:
        data[question.id] = "na"
    result = score(checklist, parse_answers(checklist, data))
    tally = result.section(section)
    assert tally.evaluated * 3 == tally.questions * 2  # exactly two thirds
    assert withheld(result) == []
    assert result.grade == "A"
    # one more N/A is below two thirds: no grade, and the message says so truthfully
    data[in_section[not_evaluated].id] = "na"
    result = score(checklist, parse_answers(checklist, data))
    assert result.grade is None
    (message,) = [t.message for t in result.no_grade_reasons]
    evaluated, questions = result.section(section).evaluated, result.section(section).questions
    assert f"only {evaluated} of {questions} questions evaluated (at least 2/3 needed)" in message.en
    assert f"{section} 的 {questions} 个问题中仅评价了 {evaluated} 个（需至少 2/3）" in message.zh


def _mini(tmp_path: Path, fraction: str, questions: int) -> Checklist:
    items = "\n".join(
        f"      - {{id: Q{n}, type: yes-no, text: {{zh: 问{n}, en: Q{n}}}, "
        f"guidance: {{zh: 查, en: check}}}}"
        for n in range(1, questions + 1)
    )
    path = tmp_path / "frac.yaml"
    path.write_text(
        f"""format: 1
id: frac
version: "1.0.0"
title: {{zh: 分数, en: Fraction}}
scoring:
  grades:
    - {{grade: A, min: 0, label: {{zh: 甲, en: A}}}}
  rules:
    - {{when: answered-below, fraction: {fraction}, level: 1, no_grade: true}}
sections:
  - id: S
    title: {{zh: 节, en: Section}}
    questions:
{items}
""",
        encoding="utf-8",
    )
    return checklists.load_file(path)


@pytest.mark.parametrize(
    ("fraction", "questions", "evaluated", "graded"),
    [
        ("2/3", 3, 2, True),
        ("2/3", 12, 8, True),
        ("2/3", 12, 7, False),
        ("2/3", 300, 200, True),
        ("2/3", 300, 199, False),  # 0.6633: within 0.004 of 2/3, still too few
        ("1/2", 7, 3, False),
        ("1/2", 8, 4, True),
        ("0.6667", 3, 2, True),  # the decimal form of older frozen copies keeps its meaning
        ("0.67", 3, 2, False),  # ... and so does 0.67 (2 of 3 is 66.7 %)
    ],
)
def test_answered_below_compares_exactly(
    tmp_path: Path, fraction: str, questions: int, evaluated: int, graded: bool
) -> None:
    checklist = _mini(tmp_path, fraction, questions)
    answers = {f"Q{n}": "yes" if n <= evaluated else "na" for n in range(1, questions + 1)}
    result = score(checklist, parse_answers(checklist, answers), with_what_if=False)
    assert (result.grade is not None) is graded
    if not graded and "/" not in fraction:
        share = 100 * evaluated / questions
        assert f"({share:.1f}%; at least {float(fraction) * 100:g}% needed)" in (
            result.no_grade_reasons[0].message.en
        )


@pytest.mark.parametrize("fraction", ["4/3", "0/3", "2/0", "two thirds", "1.5"])
def test_bad_fractions_are_located(tmp_path: Path, fraction: str) -> None:
    with pytest.raises(checklists.ChecklistError) as caught:
        _mini(tmp_path, fraction, 3)
    (problem,) = caught.value.problems
    assert problem.path == "scoring.rules[0].fraction" and problem.line == 9


def test_frozen_copy_with_a_decimal_fraction_still_loads() -> None:
    checklist = checklists.builtin().load("msa")
    source = dict(checklist.source)
    scoring = dict(source["scoring"])
    scoring["rules"] = [
        {**r, "fraction": 0.67} if r["when"] == "answered-below" else r for r in scoring["rules"]
    ]
    frozen = checklists.from_frozen({**source, "scoring": scoring, "version": "1.0.0"})
    answers = AnswerSet({(q, ""): Answer(v) for q, v in full_marks(frozen).items()})
    assert score(frozen, answers).grade == "A"
