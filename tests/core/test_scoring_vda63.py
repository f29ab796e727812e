"""VDA 6.3:2016 scoring and downgrade rules (VDA 6.3, 3rd edition 2016, chapter 6.2–6.3).

The rules checked here, in the standard's terms: questions score 0/4/6/8/10; a question evaluated in
several process steps counts with the mean of its points rounded to two decimals; E_Pn, E_Un and E_n
are rounded to whole percent for the downgrade rules; A ≥ 90 %, B 80–<90 %, C < 80 %; A→B when an
element, P6 sub-element or step is below 80 %, a *-question scores 4 or any question scores 0; →C
when an element or step is below 70 % or a *-question scores 0; at least two thirds of the questions
of each element, sub-element and step must be evaluated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qclinic.core import checklists
from qclinic.core.scoring import AnswerSet, parse_answers, round_half_up, score

FIXTURE = Path(__file__).parent / "fixtures" / "vda-mini.yaml"
TOP = ("P2.1", "P2.2", "P2.3", "P5.1", "P5.2", "P5.3")
P6 = ("P6.1.1", "P6.1.2", "P6.2.1", "P6.2.2")


@pytest.fixture(scope="module")
def vda() -> checklists.Checklist:
    return checklists.load_file(FIXTURE)


def answers(vda: checklists.Checklist, top: int = 10, step: int = 10, **over: object) -> AnswerSet:
    """Every question at *top* / *step* points in one step 'S1', with overrides by id."""
    data: dict[str, object] = {q: top for q in TOP}
    data.update({q: {"S1": step} for q in P6})
    for key, value in over.items():
        data[key.replace("_", ".")] = value
    return parse_answers(vda, data)


def fired(result, rule: str) -> list[str]:
    return [t.ref for t in result.trace if t.rule == rule]


def test_all_full_marks_is_a_without_rules(vda):
    result = score(vda, answers(vda))
    assert result.percent == 100.0
    assert result.grade == "A"
    assert [t.rule for t in result.trace] == ["threshold"]
    assert result.what_if is None


def test_exactly_80_percent_is_b_and_no_element_rule_fires(vda):
    # Every question 8 points: E_G = 80 % exactly, each element 80 % — not below 80 %.
    result = score(vda, answers(vda, top=8, step=8))
    assert result.percent == pytest.approx(80.0)
    assert result.threshold_grade == "B"
    assert result.grade == "B"
    assert fired(result, "section-below") == []
    assert result.section("P6.U1").percent == pytest.approx(80.0)


def test_exactly_90_percent_is_a(vda):
    # 5 questions × 10 + 5 × 8 = 90 of 100 points; every element ≥ 80 %.
    result = score(vda, answers(vda, P2_1=8, P2_2=8, P5_1=8, P6_1_1={"S1": 8}, P6_2_1={"S1": 8}))
    assert result.percent == pytest.approx(90.0)
    assert result.grade == "A"


def test_just_below_80_percent_is_c(vda):
    result = score(vda, answers(vda, top=8, step=8, P2_1=6))
    assert result.percent == pytest.approx(78.0)
    assert result.grade == "C"


def test_starred_question_scored_4_caps_at_b(vda):
    result = score(vda, answers(vda, P2_2=4))  # 94 %, P2 = 80 %
    assert result.threshold_grade == "A"
    assert result.grade == "B"
    assert fired(result, "critical-at-or-below") == ["P2.2"]


def test_unstarred_question_scored_4_does_not_cap(vda):
    result = score(vda, answers(vda, P5_1=6))  # P5 = 86.7 %, overall 96 %
    assert result.grade == "A"
    result = score(vda, answers(vda, P2_1=4, P5_1=10))  # P2 = 80 %, no star involved
    assert result.grade == "A"


def test_any_question_scored_0_caps_at_b(vda):
    result = score(vda, answers(vda, P2_1=0, P5_1=10))  # P2 = 66.7 % → C by the element rule
    assert result.grade == "C"
    assert "P2.1" in fired(result, "question-at-or-below")
    assert "P2" in fired(result, "section-below")


def test_zero_alone_is_a_to_b(vda):
    # A zero in P6 spread over 4 steps keeps every element ≥ 80 %, but a 0 is a 0.
    data: dict[str, object] = {q: 10 for q in TOP}
    steps = {"S1": 10, "S2": 10, "S3": 10, "S4": 10, "S5": 10}
    data.update({q: dict(steps) for q in P6})
    data["P6.2.1"] = {"S1": 0, "S2": 10, "S3": 10, "S4": 10, "S5": 10}
    result = score(vda, parse_answers(vda, data))
    assert result.threshold_grade == "A"
    assert fired(result, "question-at-or-below") == ["P6.2.1@S1"]
    # step S1 is 75 % → also A→B; still B, not C
    assert result.grade == "B"


def test_starred_question_scored_0_caps_at_c(vda):
    result = score(vda, answers(vda, P2_2=0, P2_1=10, P2_3=10))
    assert result.grade == "C"
    assert "P2.2" in fired(result, "critical-at-or-below")


def test_element_below_70_is_c_and_between_70_and_80_is_b(vda):
    low = score(vda, answers(vda, P5_1=6, P5_2=6, P5_3=8))  # P5 = 66.7 % → 67 %
    assert low.grade == "C"
    mid = score(vda, answers(vda, P5_1=6, P5_2=8, P5_3=8))  # P5 = 73.3 % → 73 %
    assert mid.threshold_grade == "A"
    assert mid.grade == "B"


def test_repeated_questions_are_averaged_to_two_decimals(vda):
    # P6.1.1 scored 10, 10, 8 in three steps: mean 9.333… counts as 9.33 points.
    data: dict[str, object] = {q: 10 for q in TOP}
    data.update({q: {"S1": 10, "S2": 10, "S3": 10} for q in P6})
    data["P6.1.1"] = {"S1": 10, "S2": 10, "S3": 8}
    result = score(vda, parse_answers(vda, data))
    assert result.section("P6.U1").percent == pytest.approx((9.33 + 10) / 20 * 100)
    assert result.section("P6").percent == pytest.approx((9.33 + 30) / 40 * 100)
    assert result.percent == pytest.approx((60 + 9.33 + 30) / 100 * 100)
    assert result.step("P6", "S3").percent == pytest.approx(95.0)


def test_rules_compare_whole_percentages_half_up(vda):
    # Sub-element P6.U1 from per-step averages: 6.8 + 9.2 = 16 of 20 points = 80 %, then 78 %.
    data: dict[str, object] = {q: 10 for q in TOP}
    five = ("S1", "S2", "S3", "S4", "S5")
    data["P6.1.1"] = dict(zip(five, (8, 8, 6, 6, 6), strict=True))  # 6.8
    data["P6.1.2"] = dict(zip(five, (10, 10, 10, 8, 8), strict=True))  # 9.2 → U1 = 80 %
    data["P6.2.1"] = {s: 10 for s in five}
    data["P6.2.2"] = {s: 10 for s in five}
    result = score(vda, parse_answers(vda, data))
    assert result.section("P6.U1").percent == pytest.approx(80.0)
    data["P6.1.2"] = dict(zip(five, (10, 10, 8, 8, 8), strict=True))  # 8.8 → U1 = 78 %
    result = score(vda, parse_answers(vda, data))
    assert "P6.U1" in fired(result, "section-below")
    # Half-up, not banker's rounding, and 2-dp averages:
    assert round_half_up(79.5) == 80.0
    assert round_half_up(78.5) == 79.0
    assert round_half_up(79.49) == 79.0
    assert round_half_up(9.335, 2) == 9.34


def test_element_at_79_5_percent_rounds_to_80_and_is_not_downgraded(vda):
    # P6 from four questions evaluated in different steps: 6.8 + 10 + 8 + 7 = 31.8 of 40 = 79.5 %.
    five = ("S1", "S2", "S3", "S4", "S5")
    data: dict[str, object] = {q: 10 for q in TOP}
    data["P6.1.1"] = dict(zip(five, (8, 8, 6, 6, 6), strict=True))  # 6.8
    data["P6.1.2"] = {"S1": 10}
    data["P6.2.1"] = {"S1": 8}
    data["P6.2.2"] = {"S1": 8, "S2": 6}  # 7
    result = score(vda, parse_answers(vda, data))
    assert result.section("P6").percent == pytest.approx(79.5)
    assert "P6" not in fired(result, "section-below")


def test_step_below_80_and_70(vda):
    data: dict[str, object] = {q: 10 for q in TOP}
    data.update({q: {"S1": 10, "S2": 8} for q in P6})  # S2 = 80 % exactly: no rule
    result = score(vda, parse_answers(vda, data))
    assert fired(result, "step-below") == []
    data["P6.2.2"] = {"S1": 10, "S2": 6}  # S2 = 75 % → A→B
    result = score(vda, parse_answers(vda, data))
    assert fired(result, "step-below") == ["P6@S2"]
    assert result.grade == "B"
    data["P6.2.1"] = {"S1": 10, "S2": 4}  # S2 = 65 % → C
    result = score(vda, parse_answers(vda, data))
    assert result.grade == "C"


def test_two_thirds_rule_withholds_the_grade(vda):
    data: dict[str, object] = {q: 10 for q in TOP}
    data.update({q: {"S1": 10} for q in P6})
    data["P5.2"] = "na"
    data["P5.3"] = "na"  # 1 of 3 evaluated in P5
    result = score(vda, parse_answers(vda, data))
    assert result.grade is None
    assert [t.ref for t in result.no_grade_reasons] == ["P5"]
    assert result.percent == pytest.approx(100.0)  # the percentage is still shown
    data["P5.3"] = 10  # 2 of 3 = exactly two thirds: enough
    result = score(vda, parse_answers(vda, data))
    assert result.grade == "A"


def test_unaudited_element_is_left_out_not_withheld(vda):
    # A partial audit of P5 and P6 only: P2 untouched does not count against the ⅔ rule.
    data: dict[str, object] = {q: 10 for q in TOP[3:]}
    data.update({q: {"S1": 10} for q in P6})
    result = score(vda, parse_answers(vda, data))
    assert result.grade == "A"
    assert result.section("P2").percent is None


def test_what_if_lifts_a_starred_4_to_a(vda):
    result = score(vda, answers(vda, P2_2=4))
    assert result.grade == "B"
    assert result.what_if is not None
    assert result.what_if.target == "A"
    assert result.what_if.achievable
    assert [(c.question, c.proposed) for c in result.what_if.changes] == [("P2.2", 10)]
    assert result.what_if.grade_after == "A"


def test_what_if_needs_several_changes_for_the_threshold(vda):
    result = score(vda, answers(vda, top=8, step=8))  # B at 80 %
    what_if = result.what_if
    assert what_if is not None and what_if.achievable
    assert what_if.grade_after == "A"
    assert len(what_if.changes) == 5  # each change adds 2 points of 100: 80 → 90 needs five


def test_gaps_list_missing_notes_and_photos(vda):
    data: dict[str, object] = {q: 10 for q in TOP}
    data.update({q: {"S1": 10} for q in P6})
    data["P6.2.1"] = {"S1": 6}  # ≤ 60 % needs a note
    data["P6.2.2"] = {"S1": {"value": 4, "note": "gauge worn", "photos": 0}}  # ≤ 40 % needs a photo
    result = score(vda, parse_answers(vda, data))
    kinds = {(g.kind, g.ref) for g in result.gaps}
    assert ("note-required", "P6.2.1@S1") in kinds
    assert ("photo-required", "P6.2.2@S1") in kinds
    assert ("note-required", "P6.2.2@S1") not in kinds
