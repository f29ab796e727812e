"""AnswerService: what each answering step commits, what it announces, and what it refuses."""

from __future__ import annotations

import pytest
from sqlalchemy import text as sql

from qclinic.core.vocabulary import AssessmentStatus
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Origin, Services
from qclinic.services.answers import AnswerChanged
from qclinic.storage.database import Database
from qclinic.storage.errors import RecordLocked
from qclinic.storage.models import Answer, Assessment, Attachment
from qclinic.storage.repositories import answers, assessments, organizations

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


@pytest.fixture
def draft(db: Database) -> str:
    """A draft nqi-clinic assessment with no answer yet."""
    from qclinic.storage.library import checklist_content, install_builtin_library

    install_builtin_library(db)
    with db.session() as s:
        org = organizations.create_organization(s, "赣州精工机械有限公司")
        content = checklist_content(s, "nqi-clinic")
        return assessments.start_assessment(
            s, org.id, "nqi-clinic", content["version"], content, "2026 质量门诊"
        ).id


@pytest.fixture
def vda(db: Database, draft: str) -> str:
    """A draft VDA 6.3 process audit (its P6 is answered per process step)."""
    from qclinic.storage.library import checklist_content

    with db.session() as s:
        org_id = assessments.get_assessment(s, draft).organization_id
        content = checklist_content(s, "vda63-process")
        return assessments.start_assessment(
            s, org_id, "vda63-process", content["version"], content, "过程审核"
        ).id


def _row(db: Database, assessment_id: str, question_id: str, instance: str = "") -> Answer | None:
    with db.read_session() as s:
        return (
            s.query(Answer)
            .filter_by(assessment_id=assessment_id, question_id=question_id, instance_key=instance)
            .one_or_none()
        )


def _status(db: Database, assessment_id: str) -> AssessmentStatus:
    with db.read_session() as s:
        return assessments.get_assessment(s, assessment_id).status


def _by_entity(events: list[ChangeEvent]) -> dict[str, ChangeEvent]:
    return {event.entity: event for event in events}


def _p6_questions(db: Database, vda: str) -> list[str]:
    from qclinic.storage.assessment_scoring import load_checklist

    with db.read_session() as s:
        checklist = load_checklist(s, vda)
    return [q.id for q in checklist.section("P6").all_questions()]


# --- values and notes ------------------------------------------------------------------------
def test_an_answer_is_committed_and_announced_with_its_row_and_source(
    services: Services, db: Database, events: list[ChangeEvent], draft: str
) -> None:
    runner = object()
    revision = services.answers.save_answer(draft, "QMS.1", 3, base_revision=0, source=runner)

    row = _row(db, draft, "QMS.1")
    assert row is not None and (row.value, row.revision) == (3, revision)
    assert [e.entity for e in events] == ["answer"]
    assert events[0].ids == (row.id,) and events[0].origin is Origin.LOCAL
    assert events[0].made_by(runner)

    events.clear()
    again = services.answers.save_answer(draft, "QMS.1", 4, base_revision=revision)
    assert again == revision + 1 and _row(db, draft, "QMS.1").value == 4  # type: ignore[union-attr]
    assert [e.ids for e in events] == [(row.id,)]


def test_a_stale_base_is_refused_and_nothing_is_written_or_announced(
    services: Services, db: Database, events: list[ChangeEvent], draft: str
) -> None:
    first = services.answers.save_answer(draft, "QMS.1", 2, base_revision=0)
    services.answers.save_answer(draft, "QMS.1", 5, base_revision=first)  # another window
    events.clear()

    with pytest.raises(AnswerChanged) as changed:
        services.answers.save_answer(draft, "QMS.1", 1, base_revision=first)
    assert (changed.value.value, changed.value.revision) == (5, first + 1)
    with pytest.raises(AnswerChanged):
        services.answers.save_note(draft, "QMS.1", "旧窗口的备注", base_revision=first)
    assert events == []
    row = _row(db, draft, "QMS.1")
    assert row is not None and (row.value, row.note) == (5, "")


def test_a_note_is_saved_on_its_own_and_never_rewrites_the_value(
    services: Services, db: Database, events: list[ChangeEvent], draft: str
) -> None:
    revision = services.answers.save_answer(draft, "QMS.1", 2, base_revision=0, is_na=False)
    events.clear()
    after = services.answers.save_note(
        draft, "QMS.1", "体系文件未发放到车间。", base_revision=revision
    )

    row = _row(db, draft, "QMS.1")
    assert row is not None and (row.value, row.note, row.revision) == (
        2,
        "体系文件未发放到车间。",
        after,
    )
    assert [(e.entity, e.ids) for e in events] == [("answer", (row.id,))]


def test_n_a_and_clearing(
    services: Services, db: Database, events: list[ChangeEvent], draft: str
) -> None:
    revision = services.answers.save_answer(draft, "QMS.2", 4, is_na=True, base_revision=0)
    row = _row(db, draft, "QMS.2")
    assert row is not None and (row.is_na, row.value) == (True, None)
    events.clear()

    services.answers.clear_answer(draft, "QMS.2", base_revision=revision)
    row = _row(db, draft, "QMS.2")
    assert row is not None and row.deleted_at is not None  # tombstoned, so the removal syncs
    assert [(e.entity, e.ids) for e in events] == [("answer", (row.id,))]


def test_editing_a_completed_assessment_makes_it_a_draft_in_the_same_commit(
    services: Services, db: Database, events: list[ChangeEvent], draft: str
) -> None:
    revision = services.answers.save_answer(draft, "QMS.2", 4, base_revision=0)
    with db.session() as s:
        assessments.set_assessment_status(s, draft, AssessmentStatus.COMPLETED)
    events.clear()

    services.answers.save_answer(draft, "QMS.2", 3, base_revision=revision)

    assert _status(db, draft) is AssessmentStatus.DRAFT
    by_entity = _by_entity(events)
    assert set(by_entity) == {"answer", "assessment"} and by_entity["assessment"].ids == (draft,)
    with db.read_session() as s:  # the status move is logged with the answer, for the sync
        rows = s.execute(
            sql("SELECT table_name, changed_at FROM change_log ORDER BY rowid DESC LIMIT 2")
        ).all()
    assert {r.table_name for r in rows} == {"answer", "assessment"}


def test_a_signed_assessment_refuses_answers_and_announces_nothing(
    services: Services, db: Database, events: list[ChangeEvent], draft: str
) -> None:
    with db.session() as s:
        assessments.set_assessment_status(s, draft, AssessmentStatus.COMPLETED)
        assessments.set_assessment_status(s, draft, AssessmentStatus.SIGNED)
    events.clear()
    with pytest.raises(RecordLocked):
        services.answers.save_answer(draft, "QMS.1", 3, base_revision=0)
    assert events == [] and _row(db, draft, "QMS.1") is None


# --- evidence --------------------------------------------------------------------------------
def test_photos_are_attached_and_can_answer_their_question(
    services: Services, db: Database, events: list[ChangeEvent], draft: str
) -> None:
    widget = object()
    added = services.answers.add_photos(
        draft,
        "QMS.3",
        [(PNG, "车间.png"), (b"%PDF-1.4", "记录.pdf")],
        answers_question=True,
        source=widget,
    )

    assert len(added.attachment_ids) == 2
    row = _row(db, draft, "QMS.3")
    assert row is not None and row.value == "车间.png" and added.answer_revision == row.revision
    by_entity = _by_entity(events)
    assert set(by_entity) == {"attachment", "answer"}
    assert set(by_entity["attachment"].ids) == set(added.attachment_ids)
    assert all(e.made_by(widget) for e in events)

    found = services.answers.evidence(draft, instance_key="", question_ids=["QMS.3"])
    assert [(f.file_name, f.data) for f in found] == [("车间.png", PNG), ("记录.pdf", b"")]
    assert services.answers.evidence(draft, instance_key="", question_ids=["QMS.1"]) == []

    events.clear()
    services.answers.remove_photo(added.attachment_ids[0])
    assert [(e.entity, e.ids) for e in events] == [("attachment", (added.attachment_ids[0],))]
    left = services.answers.evidence(draft, instance_key="", question_ids=["QMS.3"])
    assert [f.file_name for f in left] == ["记录.pdf"]


def test_attaching_nothing_is_refused_in_both_languages(
    services: Services, db: Database, events: list[ChangeEvent], draft: str
) -> None:
    with pytest.raises(UserError) as refused:
        services.answers.add_photos(draft, "QMS.3", [])
    assert refused.value.message("zh") == "没有选择要附加的文件。"
    assert refused.value.message("en") == "No file was chosen to attach."
    assert events == []
    with db.read_session() as s:
        assert s.query(Attachment).count() == 0


# --- process steps ---------------------------------------------------------------------------
def test_process_steps_are_added_renamed_and_removed_with_their_answers(
    services: Services, db: Database, events: list[ChangeEvent], vda: str
) -> None:
    questions = _p6_questions(db, vda)
    assert services.answers.add_step(vda, "P6", "  注塑 ") == "注塑"
    services.answers.add_step(vda, "P6", "装配")
    assert [e.entity for e in events] == ["answer", "answer"]  # a step is an answer row
    with db.read_session() as s:
        assert answers.process_steps(s, vda) == {"P6": ["注塑", "装配"]}

    services.answers.save_answer(vda, questions[0], 8, instance_key="注塑", base_revision=0)
    events.clear()
    assert services.answers.rename_step(vda, "P6", "注塑", "注塑成型", question_ids=questions) == (
        "注塑成型"
    )
    moved = _row(db, vda, questions[0], "注塑成型")
    assert moved is not None and moved.value == 8
    assert moved.id in next(e for e in events if e.entity == "answer").ids

    events.clear()
    services.answers.remove_step(vda, "P6", "注塑成型", question_ids=questions)
    with db.read_session() as s:
        assert answers.process_steps(s, vda) == {"P6": ["装配"]}
    gone = _row(db, vda, questions[0], "注塑成型")
    assert gone is not None and gone.deleted_at is not None
    assert gone.id in next(e for e in events if e.entity == "answer").ids


def test_a_step_named_twice_or_unnamed_is_refused_and_nothing_is_written(
    services: Services, db: Database, events: list[ChangeEvent], vda: str
) -> None:
    services.answers.add_step(vda, "P6", "焊接")
    services.answers.add_step(vda, "P6", "检验")
    events.clear()
    with db.read_session() as s:
        log_before = s.execute(sql("SELECT count(*) FROM change_log"))
        count_before = log_before.scalar_one()

    with pytest.raises(UserError) as twice:
        services.answers.add_step(vda, "P6", " 焊接")
    assert twice.value.message("zh") == "已有名为“焊接”的过程步骤。"
    assert twice.value.message("en") == "There is already a step called '焊接'."
    with pytest.raises(UserError):
        services.answers.rename_step(vda, "P6", "检验", "焊接", question_ids=_p6_questions(db, vda))
    with pytest.raises(UserError) as unnamed:
        services.answers.add_step(vda, "P6", "   ")
    assert unnamed.value.message("zh") == "过程步骤需要名称。"
    assert unnamed.value.message("en") == "A process step needs a name."

    assert events == []
    with db.read_session() as s:
        assert answers.process_steps(s, vda) == {"P6": ["焊接", "检验"]}
        log_after = s.execute(sql("SELECT count(*) FROM change_log"))
        assert log_after.scalar_one() == count_before


def test_adding_a_step_to_a_completed_assessment_reopens_it(
    services: Services, db: Database, events: list[ChangeEvent], vda: str
) -> None:
    with db.session() as s:
        assessments.set_assessment_status(s, vda, AssessmentStatus.COMPLETED)
    events.clear()
    services.answers.add_step(vda, "P6", "喷涂")
    assert _status(db, vda) is AssessmentStatus.DRAFT
    assert _by_entity(events)["assessment"].ids == (vda,)
    with db.read_session() as s:
        assert s.get(Assessment, vda).completed_at is None  # type: ignore[union-attr]
