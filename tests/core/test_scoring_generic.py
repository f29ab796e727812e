"""Scoring arithmetic for weighted checklists (docs/CHECKLIST_FORMAT.md, "How a percentage is made")."""

from __future__ import annotations

from pathlib import Path

import pytest

from qclinic.core import checklists
from qclinic.core.scoring import parse_answers, score
from qclinic.errors import UserError

FIXTURE = Path(__file__).parent / "fixtures" / "generic-mini.yaml"


@pytest.fixture(scope="module")
def mini() -> checklists.Checklist:
    return checklists.load_file(FIXTURE)


def full(**over: object) -> dict[str, object]:
    data: dict[str, object] = {
        "S1.1": "yes",
        "S1.2": "yes",
        "S1.3": 5,
        "S1.A.1": "yes",
        "S2.1": 120,
        "S2.2": "iatf",
        "S2.3": ["spc", "msa"],
        "S2.4": "yes",
        "S2.5": "yes",
    }
    data.update({k.replace("_", "."): v for k, v in over.items()})
    return data


def test_full_marks(mini):
    result = score(mini, parse_answers(mini, full()))
    assert result.percent == pytest.approx(100.0)
    assert result.grade == "A"
    assert result.grade_label.en == "Level 1"


def test_weights_and_subsection_weight(mini):
    # S1: S1.1 (w1) no=0, S1.2 (w3) partial=50, S1.3 (w1) maturity 3 = 60, sub-section S1.A (w2)
    # holding S1.A.1 yes=100: (0 + 150 + 60 + 2·100) / (1 + 3 + 1 + 2) = 410 / 7.
    result = score(mini, parse_answers(mini, full(S1_1="no", S1_2="partial", S1_3=3)))
    assert result.section("S1").percent == pytest.approx(410 / 7)
    assert result.section("S1.A").percent == pytest.approx(100.0)
    # Overall: sections weighted 2 : 1 → (2·58.57 + 100) / 3.
    assert result.percent == pytest.approx((2 * 410 / 7 + 100) / 3)


def test_na_leaves_the_denominator(mini):
    result = score(mini, parse_answers(mini, full(S1_2="na", S1_1="no")))
    # S1: S1.1 0 (w1), S1.3 100 (w1), S1.A 100 (w2) → 300 / 4
    assert result.section("S1").percent == pytest.approx(75.0)
    assert result.section("S1").na == 1


def test_numeric_single_and_multi_scores(mini):
    result = score(
        mini, parse_answers(mini, full(S2_1=501, S2_2="iso", S2_3=["spc", "msa", "fmea"]))
    )
    # S2: PPM above max → 0; iso → 60; multi capped at 100; S2.4, S2.5 yes → 360 / 5
    assert result.section("S2").percent == pytest.approx(72.0)


def test_show_if_hides_and_reveals(mini):
    hidden = score(mini, parse_answers(mini, full(S2_4="no", S2_5="no")))
    assert hidden.section("S2").questions == 4  # S2.5 hidden: neither asked nor scored
    assert hidden.section("S2").percent == pytest.approx(300 / 4)
    shown = score(mini, parse_answers(mini, full(S2_4="yes", S2_5="no")))
    assert shown.section("S2").questions == 5
    assert shown.section("S2").percent == pytest.approx(400 / 5)


def test_maturity_level(mini):
    result = score(mini, parse_answers(mini, full(S1_3=3)))
    assert result.maturity == pytest.approx(3.0)
    assert result.section("S1").maturity == pytest.approx(3.0)


def test_one_critical_no_caps_at_c_two_at_d(mini):
    one = score(mini, parse_answers(mini, full(S1_1="no")))
    # S1 = (0 + 300 + 100 + 200) / 7 = 85.7 %, overall (2·85.7 + 100) / 3 = 90.5 % → A, capped
    assert one.threshold_grade == "A"
    assert one.grade == "C"
    two = score(mini, parse_answers(mini, full(S1_1="no", S1_A_1="no")))
    assert two.grade == "D"
    assert {t.ref for t in two.trace if t.grade == "D"} == {"S1.1", "S1.A.1"}


def test_section_below_60_caps_at_c(mini):
    result = score(mini, parse_answers(mini, full(S2_1=900, S2_2="none", S2_3=[])))
    assert result.section("S2").percent == pytest.approx(40.0)  # (0 + 0 + 0 + 100 + 100) / 5
    assert result.threshold_grade == "B"  # (2 · 100 + 40) / 3 = 80 %
    assert result.grade == "C"
    assert any(t.rule == "section-below" and t.ref == "S2" for t in result.trace)


def test_what_if_for_weighted_checklist(mini):
    result = score(mini, parse_answers(mini, full(S1_1="no")))
    assert result.what_if is not None
    assert result.what_if.changes[0].question == "S1.1"
    assert result.what_if.grade_after is not None
    assert mini.scoring.grade_rank(result.what_if.grade_after) < mini.scoring.grade_rank("C")


def test_nothing_answered_has_no_grade(mini):
    result = score(mini, parse_answers(mini, {}))
    assert result.percent is None
    assert result.grade is None
    assert result.no_grade_reasons


def test_bad_answers_are_located(mini):
    with pytest.raises(UserError) as info:
        parse_answers(
            mini,
            {
                "S1.1": "maybe",
                "S1.3": 7,
                "S2.7": "23/11/2026",
                "NOPE": 1,
                "S2.1": "abc",
                "S2.2": "x",
            },
            source="a.json",
        )
    message = str(info.value)
    assert "a.json: S1.1: answer yes / partial / no or na, not 'maybe'" in message
    assert "a.json: S1.3: score one of 0, 1, 2, 3, 4, 5" in message
    assert "a.json: S2.7: a date is written YYYY-MM-DD" in message
    assert "a.json: NOPE: no question with this id" in message
    assert "a.json: S2.1: a number is needed" in message
    assert "a.json: S2.2: 'x' is not one of the options" in message
    chinese = info.value.message("zh")  # every problem, located, in Chinese too
    assert "a.json: S1.1：请回答 yes / partial / no 或 na，而不是 'maybe'" in chinese
    assert "a.json: NOPE：generic-mini 中没有这个题号" in chinese
    assert "a.json: S2.7：日期应写作 YYYY-MM-DD，而不是 '23/11/2026'" in chinese
    assert chinese.count("\n") == 5 and "not" not in chinese


def test_to_dict_is_json_ready(mini):
    import json

    result = score(mini, parse_answers(mini, full(S1_1="no")))
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["grade"] == "C"
    assert data["trace"][0]["rule"] == "threshold"
    assert data["sections"][0]["title"] == {"zh": "体系", "en": "System"}
