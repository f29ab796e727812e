"""The one answer-set builder: which records count as answers, which process steps exist, in
what order (core/scoring/answer_set.py)."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from qclinic.core import checklists
from qclinic.core.checklists import NA
from qclinic.core.scoring import Answer, score
from qclinic.core.scoring.answer_set import Evidence, Recorded, build_answer_set

FIXTURE = Path(__file__).parent / "fixtures" / "vda-mini.yaml"
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def crafted_checklist_data() -> dict[str, Any]:
    """vda-mini with a photo question per process step and one for the whole assessment."""
    data: dict[str, Any] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    photo = {"type": "photo", "guidance": {"zh": "拍照", "en": "Take a photo"}}
    data["sections"][0]["questions"].append(
        {"id": "P2.P", "text": {"zh": "现场照片", "en": "Site photo"}, **photo}
    )
    p6 = next(s for s in data["sections"] if s["id"] == "P6")
    p6["sections"][1]["questions"].append(
        {"id": "P6.P", "text": {"zh": "工序照片", "en": "Step photo"}, **photo}
    )
    return data


@pytest.fixture(scope="module")
def checklist() -> checklists.Checklist:
    return checklists.from_frozen(crafted_checklist_data(), "crafted")


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_values_and_na_count_a_row_without_either_does_not(checklist) -> None:
    answers = build_answer_set(
        checklist,
        [
            Recorded("P2.1", "", 8, note="ok"),
            Recorded("P2.2", "", None, is_na=True, note="not used here"),
            Recorded("P2.3", "", None, note="to check with the buyer"),  # a note alone
        ],
        [Evidence("P2.1", ""), Evidence("P2.1", ""), Evidence("P2.3", "")],
        {},
    )
    assert answers.answers == {
        ("P2.1", ""): Answer(8, "ok", 2),
        ("P2.2", ""): Answer(NA, "not used here", 0),
    }
    # the note-only question is unanswered (a gap), not a crash nor a zero
    gaps = {g.ref for g in score(checklist, answers, with_what_if=False).gaps}
    assert "P2.3" in gaps and "P2.1" not in gaps


def test_a_photo_question_is_answered_by_its_photos(checklist) -> None:
    with_photo = build_answer_set(checklist, [], [Evidence("P2.P", "")], {})
    assert with_photo.get("P2.P") == Answer(None, "", 1)
    # the row the runner writes names the first file; with every photo removed it no longer counts
    row = Recorded("P2.P", "", "site.jpg")
    assert build_answer_set(checklist, [row], [Evidence("P2.P", "")], {}).get("P2.P") == Answer(
        "site.jpg", "", 1
    )
    assert build_answer_set(checklist, [row], [], {}).get("P2.P") is None


def test_keys_that_do_not_fit_the_checklist_are_left_out(checklist) -> None:
    answers = build_answer_set(
        checklist,
        [
            Recorded("gone", "", 10),  # a question a later version dropped
            Recorded("P6.1.1", "", 10),  # a repeated question without its step
            Recorded("P2.1", "S1", 10),  # a plain question with a step
            Recorded("P6.1.1", "S1", 10),
        ],
        [Evidence(None, ""), Evidence("_signature", "")],  # files on no question
        {},
    )
    assert set(answers.answers) == {("P6.1.1", "S1")}
    assert answers.instances == {"P6": ("S1",)}


def test_steps_stored_first_then_implied_ones_in_the_order_first_recorded(checklist) -> None:
    answers = build_answer_set(
        checklist,
        [
            # re-scored last, but first recorded: its place does not move
            Recorded("P6.1.1", "Welding", 8, recorded_at=at(1)),
            Recorded("P6.1.1", "Assembly", 10, recorded_at=at(2)),
            Recorded("P6.1.2", "Welding", 8, recorded_at=at(3)),
        ],
        [Evidence("P6.P", "Painting", at(0)), Evidence("P6.2.2", "Deburring", None)],
        {"P6": ["Moulding"]},
    )
    assert answers.instances == {"P6": ("Moulding", "Painting", "Welding", "Assembly", "Deburring")}


def test_a_step_with_only_a_photo_is_a_step_that_is_not_yet_evaluated(checklist) -> None:
    full = {q: 10 for q in ("P2.1", "P2.2", "P2.3", "P5.1", "P5.2", "P5.3")}
    records = [Recorded(q, "", v) for q, v in full.items()]
    records += [Recorded(q, "S1", 10) for q in ("P6.1.1", "P6.1.2", "P6.2.1", "P6.2.2")]
    graded = score(checklist, build_answer_set(checklist, records, [], {}))
    assert graded.grade == "A"
    answers = build_answer_set(checklist, records, [Evidence("P6.2.2", "S2")], {})
    result = score(checklist, answers)
    assert [(s.instance, s.percent) for s in result.steps] == [("S1", 100.0), ("S2", None)]
    # nothing in it is answered: not audited yet, so neither the percentage nor the grade moves
    assert (result.percent, result.grade) == (graded.percent, "A")
    assert {"P6.1.1@S2", "P6.2.2@S2"} <= {g.ref for g in result.gaps if g.kind == "unanswered"}
    assert answers.get("P6.2.2", "S2") is None  # the photo alone answers nothing
