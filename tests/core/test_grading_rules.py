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
    assert (
        f"only {evaluated} of {questions} questions evaluated (at least 2/3 needed)" in message.en
    )
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


# -- item 15: statutory key items ---------------------------------------------------------------

STATUTORY = ["STD.3", "CA.2", "LAW.3", "SE.2", "SE.3", "SE.4"]


def test_nqi_clinic_marks_the_statutory_key_items() -> None:
    checklist = checklists.builtin().load("nqi-clinic")
    assert sorted(q.id for q in checklist.questions() if q.statutory) == sorted(STATUTORY)


def test_two_or_more_statutory_failures_veto_the_grade_to_d() -> None:
    # The answer set: everything at full marks but the six statutory items "no" scored
    # 91.95 % and was graded "C 基本达标" (only the critical-question cap applied).
    checklist = checklists.builtin().load("nqi-clinic")
    data = full_marks(checklist) | {qid: "no" for qid in STATUTORY}
    result = score(checklist, parse_answers(checklist, data))
    assert result.percent == pytest.approx(91.954, abs=1e-3)
    assert result.threshold_grade == "A"
    assert result.grade == "D" and result.grade_label is not None
    assert result.grade_label.zh == "不达标"
    veto = [t for t in result.trace if t.rule == "statutory-at-or-below" and t.grade == "D"]
    assert len(veto) == 1 and veto[0].applied
    for qid in STATUTORY:
        assert qid in veto[0].message.zh and qid in veto[0].message.en
    assert "一票否决" in veto[0].message.zh
    # two are enough for the veto, wherever they are
    data = full_marks(checklist) | {"CA.2": "no", "LAW.3": "no"}
    assert score(checklist, parse_answers(checklist, data)).grade == "D"


def test_one_statutory_failure_is_stated_whatever_the_percentage() -> None:
    checklist = checklists.builtin().load("nqi-clinic")
    data = full_marks(checklist) | {"SE.2": "no"}
    result = score(checklist, parse_answers(checklist, data))
    assert result.threshold_grade == "A" and result.grade == "C"
    (entry,) = [t for t in result.trace if t.rule == "statutory-at-or-below"]
    assert "SE.2" in entry.message.en and entry.applied
    # the same failure in a weak company (D by the percentage alone) is still stated
    weak = {
        qid: (1 if checklist.question(qid).type == "maturity" else value)
        for qid, value in data.items()
    }
    result = score(checklist, parse_answers(checklist, weak))
    assert result.threshold_grade == "D" and result.grade == "D"
    (entry,) = [t for t in result.trace if t.rule == "statutory-at-or-below"]
    assert "SE.2" in entry.message.zh and "违法" in entry.message.zh and not entry.applied


def test_a_veto_stands_where_evidence_is_short() -> None:
    # Under half of QMS evaluated withholds the grade, but two statutory failures decide it anyway.
    checklist = checklists.builtin().load("nqi-clinic")
    data = full_marks(checklist) | {"CA.2": "no", "SE.3": "no"}
    for question in list(checklist.section("QMS").all_questions())[:5]:
        data[question.id] = "na"
    result = score(checklist, parse_answers(checklist, data))
    assert result.no_grade_reasons and result.grade == "D"


def test_what_if_clears_the_veto_first() -> None:
    checklist = checklists.builtin().load("nqi-clinic")
    data = full_marks(checklist) | {"CA.2": "no", "SE.3": "no"}
    what_if = score(checklist, parse_answers(checklist, data)).what_if
    assert what_if is not None and what_if.target == "C" and what_if.achievable
    assert {c.question for c in what_if.changes} <= {"CA.2", "SE.3"}


STATUTORY_MINI = """format: 1
id: law
version: "1.0.0"
title: {zh: 法, en: Law}
scoring:
  grades:
    - {grade: A, min: 50, label: {zh: 甲, en: A}}
    - {grade: B, min: 0, label: {zh: 乙, en: B}}
  rules:
    - RULE
sections:
  - id: S
    title: {zh: 节, en: Section}
    questions:
      - {id: Q1, type: yes-no, statutory: true, text: {zh: 问, en: Q}, guidance: {zh: 查, en: c}}
      - {id: Q2, type: text, STATUTORY text: {zh: 问, en: Q}}
"""


@pytest.mark.parametrize(
    ("rule", "q2", "path", "message"),
    [
        (
            "{when: statutory-at-or-below, percent: 0, veto: true, no_grade: true}",
            "",
            "veto",
            "cap",
        ),
        ("{when: statutory-at-or-below, cap: B}", "", "", "needs percent"),
        (
            "{when: critical-at-or-below, percent: 0, cap: B}",
            "statutory: true,",
            "statutory",
            "scored",
        ),
    ],
)
def test_statutory_rules_are_validated(
    tmp_path: Path, rule: str, q2: str, path: str, message: str
) -> None:
    file = tmp_path / "law.yaml"
    file.write_text(
        STATUTORY_MINI.replace("RULE", rule).replace("STATUTORY ", q2 + " "), encoding="utf-8"
    )
    problems = checklists.check_file(file)
    assert len(problems) == 1 and message in problems[0].message.en
    assert problems[0].path.endswith(path)


def test_a_statutory_rule_needs_a_statutory_question(tmp_path: Path) -> None:
    file = tmp_path / "law.yaml"
    text = STATUTORY_MINI.replace("RULE", "{when: statutory-at-or-below, percent: 0, cap: B}")
    file.write_text(text.replace("statutory: true, ", "").replace("STATUTORY ", ""), "utf-8")
    (problem,) = checklists.check_file(file)
    assert problem.path == "scoring.rules[0].when" and "statutory" in problem.message.en


# -- item 19: numeric bands, SUP.3, ISO 9001 ids ------------------------------------------------


@pytest.mark.parametrize(
    ("checklist_id", "question", "value", "expected"),
    [
        # %GRR, AIAG MSA 4th ed. (2010) ch. II-D: < 10 % acceptable, 10-30 % conditionally, > 30 % not
        ("msa", "M3.2", 9.9, 100.0),
        ("msa", "M3.2", 10, 50.0),
        ("msa", "M3.2", 12, 50.0),  # the example: 12 % used to earn full marks
        ("msa", "M3.2", 30, 50.0),
        ("msa", "M3.2", 30.1, 0.0),
        # kappa, AIAG MSA 4th ed. ch. III-C: > 0.75 good, < 0.40 poor
        ("msa", "M4.2", 0.76, 100.0),
        ("msa", "M4.2", 0.75, 50.0),
        ("msa", "M4.2", 0.39, 0.0),
        # Cpk: >= 1.33 capable, 1.00-1.33 conditionally, < 1.00 not (DOMAIN.md, customers' reading)
        ("spc", "S4.2", 1.33, 100.0),
        ("spc", "S4.2", 1.2, 50.0),
        ("spc", "S4.2", 0.99, 0.0),
        ("supplier-4level", "PERF.1", 500, 100.0),
        ("supplier-4level", "PERF.1", 501, 50.0),  # the example: 501 PPM used to earn 0
        ("supplier-4level", "PERF.1", 1001, 0.0),
        ("supplier-4level", "PERF.2", 96, 50.0),
        ("supplier-4level", "DEL.1", 89.9, 0.0),
    ],
)
def test_numeric_questions_score_by_band(
    checklist_id: str, question: str, value: float, expected: float
) -> None:
    checklist = checklists.builtin().load(checklist_id)
    data = full_marks(checklist) | {question: value}
    result = score(checklist, parse_answers(checklist, data))
    assert result.question_scores[(question, "")] == expected


def test_what_if_proposes_a_value_in_the_best_band() -> None:
    checklist = checklists.builtin().load("msa")
    assert best_value(checklist.question("M3.2")) == 9  # below 10
    assert best_value(checklist.question("M4.2")) == pytest.approx(0.76)  # above 0.75
    checklist = checklists.builtin().load("supplier-4level")
    assert best_value(checklist.question("PERF.1")) == 500


BANDS_MINI = """format: 1
id: bands
version: "1.0.0"
title: {zh: 分档, en: Bands}
scoring:
  grades:
    - {grade: A, min: 0, label: {zh: 甲, en: A}}
sections:
  - id: S
    title: {zh: 节, en: Section}
    questions:
      - id: Q1
        type: numeric
        guidance: {zh: 查, en: c}
        text: {zh: 问, en: Q}
        BANDS
"""


@pytest.mark.parametrize(
    ("bands", "path", "message"),
    [
        (
            "bands: [{at_most: 30, score: 100}, {at_most: 10, score: 50}, {score: 0}]",
            "bands[1]",
            "rise",
        ),
        (
            "bands: [{at_least: 1, score: 100}, {at_least: 1.33, score: 50}, {score: 0}]",
            "bands[1]",
            "fall",
        ),
        (
            "bands: [{below: 10, score: 100}, {at_least: 30, score: 50}, {score: 0}]",
            "bands",
            "throughout",
        ),
        ("bands: [{below: 10, score: 100}, {at_most: 30, score: 50}]", "bands[1]", "last band"),
        (
            "bands: [{score: 100}, {at_most: 30, score: 50}, {score: 0}]",
            "bands[0]",
            "only the last",
        ),
        ("bands: [{below: 10, score: 120}, {score: 0}]", "bands[0].score", "120"),
        ("bands: [{below: 10, at_most: 5, score: 100}, {score: 0}]", "bands[0]", "properties"),
        ("max: 5\n        bands: [{below: 10, score: 100}, {score: 0}]", "bands", "not both"),
    ],
)
def test_bands_are_validated(tmp_path: Path, bands: str, path: str, message: str) -> None:
    file = tmp_path / "bands.yaml"
    file.write_text(BANDS_MINI.replace("BANDS", bands), encoding="utf-8")
    problems = checklists.check_file(file)
    assert len(problems) == 1, problems
    assert problems[0].path == f"sections[0].questions[0].{path}"
    assert message in problems[0].message.en and problems[0].line is not None


def test_sup3_no_longer_asks_for_a_grade_on_a_maturity_scale() -> None:
    checklist = checklists.builtin().load("nqi-clinic")
    sup3 = checklist.question("SUP.3")
    assert sup3.type == "maturity" and "4-level" not in sup3.text.en and "等级" not in sup3.text.zh
    rating = checklist.question("SUP.6")
    assert rating.type == "single" and "4-level" in rating.text.en
    assert [o.value for o in rating.options] == ["A", "B", "C", "D"]
    assert [o.score for o in rating.options] == [100, 70, 40, 0]


def test_iso9001_question_ids_are_not_clause_numbers() -> None:
    checklist = checklists.builtin().load("iso9001-2015")
    for question in checklist.questions():
        assert question.clause is not None and question.clause.startswith("ISO 9001:2015 ")
        clause = question.clause.removeprefix("ISO 9001:2015 ")
        # C9-4 cites 9.2: an id never reads as a clause other than the one it cites
        assert not question.id[0].isdigit(), question.id
        chapter, _, number = question.id.partition("-")
        assert chapter == question.section_path[0] and number.isdigit()
        assert clause.split(".")[0] == chapter[1:]
    assert checklist.question("C9-4").clause == "ISO 9001:2015 9.2"
