"""One assessment loaded whole into an immutable snapshot, in a handful of queries
(storage/snapshot.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from qclinic.core.vocabulary import AssessmentStatus, VisitKind
from qclinic.storage.database import Database
from qclinic.storage.errors import NotFound
from qclinic.storage.repositories import answers, assessments, attachments, organizations, visits
from qclinic.storage.snapshot import load_snapshot
from tests.core.test_answer_set import crafted_checklist_data
from tests.storage.conftest import make_uscc

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def crafted_assessment(database: Database) -> str:
    """A VDA 6.3 assessment whose rows the three old loaders read three ways: a stored step, two
    steps only answers name (recorded in one order, last changed in the other), a note with no
    value, a step that has only a photo, and a photo question answered by its photo."""
    with database.session() as session:
        organization = organizations.create_organization(
            session, "赣州精工", uscc=make_uscc("91360700MA35QC7K1")
        )
        visit = visits.create_visit(session, organization.id, VisitKind.ONSITE_CLINIC, date.today())
        data = crafted_checklist_data()
        assessment_id = assessments.start_assessment(
            session,
            organization.id,
            data["id"],
            data["version"],
            data,
            "过程审核",
            visit_id=visit.id,
        ).id
    for question, value in {"P2.1": 8, "P2.2": 10, "P2.3": 6, "P5.1": 10, "P5.2": 8}.items():
        _save(database, assessment_id, question, value, note="记录不全" if value < 8 else "")
    with database.session() as session:
        answers.add_instance(session, assessment_id, "P6", "Moulding")
    _save(database, assessment_id, "P6.1.1", 6, "Moulding")
    _save(database, assessment_id, "P6.1.2", 8, "Moulding")
    _save(database, assessment_id, "P6.1.1", 8, "Welding", answered=T0 + timedelta(minutes=10))
    _save(database, assessment_id, "P6.1.1", 10, "Assembly", answered=T0 + timedelta(minutes=5))
    _save(database, assessment_id, "P6.2.1", None, "Welding", note="待复核")  # a note, no value
    with database.session() as session:
        for question, step in (("P6.P", "Painting"), ("P2.P", "")):
            attachments.add_attachment(
                session,
                database.blobs,
                PNG,
                f"{step or 'site'}.png",
                assessment_id=assessment_id,
                question_id=question,
                instance_key=step,
            )
    # Welding is scored again last: it must keep its place
    _save(database, assessment_id, "P6.1.1", 6, "Welding", answered=T0 + timedelta(minutes=20))
    return assessment_id


def _save(
    database: Database,
    assessment_id: str,
    question: str,
    value: Any,
    step: str = "",
    *,
    note: str = "",
    answered: datetime | None = None,
) -> None:
    with database.session() as session:
        answers.save_answer(
            session,
            assessment_id,
            question,
            value,
            instance_key=step,
            note=note,
            answered_at=answered,
        )


@contextmanager
def counted_queries(database: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", record)


def test_the_snapshot_holds_the_assessment_whole_in_four_queries(db: Database) -> None:
    assessment_id = crafted_assessment(db)
    with counted_queries(db) as statements, db.read_session() as session:
        snapshot = load_snapshot(session, assessment_id)
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 4

    assert (snapshot.title, snapshot.organization, snapshot.status) == (
        "过程审核",
        "赣州精工",
        AssessmentStatus.DRAFT,
    )
    assert snapshot.checklist.id == "vda-mini" and snapshot.checklist.has_question("P6.P")
    assert snapshot.steps == {"P6": ("Moulding",)}
    keys = [(a.question_id, a.instance) for a in snapshot.answers]
    assert keys[-3:] == [("P6.1.1", "Welding"), ("P6.1.1", "Assembly"), ("P6.2.1", "Welding")]
    welding = snapshot.answer("P6.1.1", "Welding")
    assert welding is not None and (welding.value, welding.revision) == (6, 2)
    assert welding.answered_at == T0 + timedelta(minutes=20)  # its last change, not its first
    assert snapshot.answer("P6.2.1", "Welding").value is None  # type: ignore[union-attr]
    assert [(a.question_id, a.instance, a.mime_type) for a in snapshot.attachments] == [
        ("P6.P", "Painting", "image/png"),
        ("P2.P", "", "image/png"),
    ]
    # immutable, and no ORM row inside
    with pytest.raises(dataclasses.FrozenInstanceError):
        snapshot.title = "x"  # type: ignore[misc]
    assert all(type(a).__module__ == "qclinic.storage.snapshot" for a in snapshot.answers)


def test_removed_rows_are_not_in_the_snapshot(db: Database) -> None:
    assessment_id = crafted_assessment(db)
    with db.session() as session:
        answers.clear_answer(session, assessment_id, "P2.1")
        photo = attachments.list_attachments(session, assessment_id=assessment_id)[0]
        attachments.delete_attachment(session, photo.id)
        answers.clear_instance(
            session, assessment_id, ["P6.1.1", "P6.1.2", answers.step_question_id("P6")], "Moulding"
        )
    with db.read_session() as session:
        snapshot = load_snapshot(session, assessment_id)
    assert snapshot.answer("P2.1") is None
    assert [a.question_id for a in snapshot.attachments] == ["P2.P"]
    assert snapshot.steps == {}
    assert snapshot.answer_set().instances == {"P6": ("Welding", "Assembly")}


def test_a_deleted_or_unknown_assessment_is_not_found(db: Database) -> None:
    assessment_id = crafted_assessment(db)
    with db.session() as session:
        assessments.delete_assessment(session, assessment_id)
    with pytest.raises(NotFound), db.read_session() as session:
        load_snapshot(session, assessment_id)
    with pytest.raises(NotFound), db.read_session() as session:
        load_snapshot(session, "no-such-id")
