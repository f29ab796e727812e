"""Process steps stored before their first answer, and a completed assessment reopened by an edit
(issue 10, runner details)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from qclinic.core.vocabulary import AssessmentStatus, VisitKind
from qclinic.storage.database import Database
from qclinic.storage.errors import InvalidValue, RecordLocked
from qclinic.storage.models import Assessment, ChangeLog
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


def _steps(db: Database, assessment_id: str) -> dict[str, list[str]]:
    with db.read_session() as session:
        return answers.process_steps(session, assessment_id)


def _status(db: Database, assessment_id: str) -> AssessmentStatus:
    with db.read_session() as session:
        return assessments.get_assessment(session, assessment_id).status


def _assessment_log(db: Database, assessment_id: str) -> list[tuple[str, int]]:
    with db.read_session() as session:
        rows = session.scalars(
            select(ChangeLog).where(ChangeLog.row_id == assessment_id).order_by(ChangeLog.seq)
        )
        return [(str(row.operation), row.revision) for row in rows]


def test_a_step_is_stored_before_its_first_answer(db: Database, assessment_id: str) -> None:
    with db.session() as session:
        answers.add_instance(session, assessment_id, "P6", "Moulding")
        answers.add_instance(session, assessment_id, "P6", "Assembly")
    assert _steps(db, assessment_id) == {"P6": ["Moulding", "Assembly"]}
    with db.read_session() as session:  # the step row is no answer
        assert answers.answers_by_key(session, assessment_id) == {}
    with pytest.raises(InvalidValue, match="already a step"), db.session() as session:
        answers.add_instance(session, assessment_id, "P6", " Moulding ")
    with pytest.raises(InvalidValue, match="needs a name"), db.session() as session:
        answers.add_instance(session, assessment_id, "P6", "  ")
    ids = ["Q1", answers.step_question_id("P6")]
    with db.session() as session:
        answers.save_answer(session, assessment_id, "Q1", 2, instance_key="Moulding")
        answers.rename_instance(session, assessment_id, ids, "Moulding", "Injection moulding")
    assert _steps(db, assessment_id) == {"P6": ["Injection moulding", "Assembly"]}
    with db.session() as session:
        answers.clear_instance(session, assessment_id, ids, "Injection moulding")
    assert _steps(db, assessment_id) == {"P6": ["Assembly"]}
    with db.read_session() as session:
        assert answers.answers_by_key(session, assessment_id) == {}
    with db.session() as session:  # a removed name can be added again (its tombstone revives)
        answers.add_instance(session, assessment_id, "P6", "Injection moulding")
    assert _steps(db, assessment_id) == {"P6": ["Assembly", "Injection moulding"]}


def test_steps_are_logged_for_the_sync(db: Database, assessment_id: str) -> None:
    with db.session() as session:
        row_id = answers.add_instance(session, assessment_id, "P6", "Welding").id
    with db.session() as session:
        answers.clear_instance(session, assessment_id, [answers.step_question_id("P6")], "Welding")
    with db.read_session() as session:
        log = session.scalars(select(ChangeLog).where(ChangeLog.row_id == row_id))
        assert [str(line.operation) for line in log] == ["insert", "delete"]


def _complete(db: Database, assessment_id: str) -> None:
    with db.session() as session:
        answers.save_answer(session, assessment_id, "Q1", 2, note="seen")
        assessments.set_assessment_status(session, assessment_id, AssessmentStatus.COMPLETED)


@pytest.mark.parametrize(
    "edit",
    [
        lambda s, a: answers.save_answer(s, a, "Q1", 3, note=None),
        lambda s, a: answers.save_note(s, a, "Q1", "seen twice"),
        lambda s, a: answers.clear_answer(s, a, "Q1"),
        lambda s, a: answers.save_answer(s, a, "Q2", True),
        lambda s, a: answers.add_instance(s, a, "P6", "Casting"),
    ],
    ids=["value", "note", "clear", "new answer", "new step"],
)
def test_an_edit_sends_a_completed_assessment_back_to_draft(
    db: Database, assessment_id: str, edit: object
) -> None:
    _complete(db, assessment_id)
    before = _assessment_log(db, assessment_id)
    with db.session() as session:
        edit(session, assessment_id)  # type: ignore[operator]
    assert _status(db, assessment_id) is AssessmentStatus.DRAFT
    with db.read_session() as session:
        assert session.get(Assessment, assessment_id).completed_at is None
    after = _assessment_log(db, assessment_id)
    assert after[: len(before)] == before
    assert [op for op, _revision in after[len(before) :]] == ["update"]  # the transition


def test_saving_the_same_answer_leaves_it_completed(db: Database, assessment_id: str) -> None:
    _complete(db, assessment_id)
    with db.session() as session:
        answers.save_answer(session, assessment_id, "Q1", 2, note=None)
        answers.save_note(session, assessment_id, "Q1", "seen")
    assert _status(db, assessment_id) is AssessmentStatus.COMPLETED


def test_a_signed_assessment_stays_read_only(db: Database, assessment_id: str) -> None:
    _complete(db, assessment_id)
    with db.session() as session:
        assessments.set_assessment_status(session, assessment_id, AssessmentStatus.SIGNED)
    with pytest.raises(RecordLocked), db.session() as session:
        answers.save_answer(session, assessment_id, "Q1", 3)
    with pytest.raises(RecordLocked), db.session() as session:
        answers.add_instance(session, assessment_id, "P6", "Casting")
    assert _status(db, assessment_id) is AssessmentStatus.SIGNED
