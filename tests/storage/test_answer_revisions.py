"""Two writers on one answer: a write based on a stale revision changes nothing (issue 9, #3)."""

from __future__ import annotations

from datetime import date

import pytest

from qclinic.core.vocabulary import VisitKind
from qclinic.storage.database import Database
from qclinic.storage.errors import AnswerChanged
from qclinic.storage.repositories import answers, assessments, organizations, visits
from tests.storage.test_storage_repositories import CHECKLIST, VALID_CODE


@pytest.fixture
def assessment_id(db: Database) -> str:
    with db.session() as session:
        organization = organizations.create_organization(session, "鹰潭铜杆", uscc=VALID_CODE)
        visit = visits.create_visit(session, organization.id, VisitKind.ONSITE_CLINIC, date.today())
        return assessments.start_assessment(
            session, organization.id, "iso9001-basic", "2.1", CHECKLIST, "诊断", visit_id=visit.id
        ).id


def _stored(db: Database, assessment_id: str) -> dict:
    with db.read_session() as session:
        return answers.answer_values(session, assessment_id)[("Q1", "")]


def _save(db: Database, assessment_id: str, value: object, base: int | None) -> int:
    with db.session() as session:
        row = answers.save_answer(session, assessment_id, "Q1", value, base_revision=base)
        session.flush()
        return row.revision


def test_a_stale_value_write_is_refused_and_changes_nothing(
    db: Database, assessment_id: str
) -> None:
    seen = _save(db, assessment_id, 2, base=0)  # both windows load this
    newer = _save(db, assessment_id, 5, base=seen)  # window B
    assert newer == seen + 1
    with pytest.raises(AnswerChanged) as refused:
        _save(db, assessment_id, 3, base=seen)  # window A, still on 2
    assert refused.value.value == 5 and refused.value.revision == newer and refused.value.live
    assert "changed elsewhere" in str(refused.value)
    assert _stored(db, assessment_id)["value"] == 5


def test_a_note_never_rewrites_the_value(db: Database, assessment_id: str) -> None:
    seen = _save(db, assessment_id, 2, base=0)
    newer = _save(db, assessment_id, 5, base=seen)
    # A's note, based on the stale revision
    with pytest.raises(AnswerChanged), db.session() as session:
        answers.save_note(session, assessment_id, "Q1", "A's note", base_revision=seen)
    assert _stored(db, assessment_id) == {"value": 5, "is_na": False, "note": ""}
    with db.session() as session:  # on the fresh revision, only the note changes
        answers.save_note(session, assessment_id, "Q1", "A's note", base_revision=newer)
    assert _stored(db, assessment_id) == {"value": 5, "is_na": False, "note": "A's note"}


def test_answering_what_another_window_answered_first_is_refused(
    db: Database, assessment_id: str
) -> None:
    _save(db, assessment_id, 4, base=0)
    with pytest.raises(AnswerChanged):
        _save(db, assessment_id, 1, base=0)  # this window saw no answer
    assert _stored(db, assessment_id)["value"] == 4


def test_a_stale_clear_is_refused_and_a_cleared_answer_counts_as_none(
    db: Database, assessment_id: str
) -> None:
    seen = _save(db, assessment_id, 2, base=0)
    _save(db, assessment_id, 5, base=seen)
    with pytest.raises(AnswerChanged), db.session() as session:
        answers.clear_answer(session, assessment_id, "Q1", base_revision=seen)
    assert _stored(db, assessment_id)["value"] == 5
    with db.session() as session:
        answers.clear_answer(session, assessment_id, "Q1", base_revision=seen + 1)
    # a note needs an answer to hold it
    with pytest.raises(AnswerChanged) as refused, db.session() as session:
        answers.save_note(session, assessment_id, "Q1", "late", base_revision=0)
    assert not refused.value.live
    _save(db, assessment_id, 3, base=0)  # the tombstone is "no answer": revision 0
    assert _stored(db, assessment_id)["value"] == 3


def test_without_a_base_the_write_is_unchecked(db: Database, assessment_id: str) -> None:
    _save(db, assessment_id, 2, base=None)
    _save(db, assessment_id, 3, base=None)  # importers and the demo write without a base
    assert _stored(db, assessment_id)["value"] == 3
