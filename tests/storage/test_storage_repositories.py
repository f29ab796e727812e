"""Repositories: validation, workflows, signed records, amendments, attachments, lists."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from qclinic.core.vocabulary import (
    ActionStatus,
    AssessmentStatus,
    CaseStatus,
    ChainRole,
    FindingSeverity,
    IndustryChain,
    NqiCategory,
    PersonRole,
    SignerRole,
    VisitKind,
)
from qclinic.errors import UserError
from qclinic.storage.database import Database
from qclinic.storage.errors import InvalidValue, NotFound, RecordLocked, TransitionRefused
from qclinic.storage.models import Answer, Assessment, ChangeLog
from qclinic.storage.repositories import (
    answers,
    assessments,
    attachments,
    improvement,
    organizations,
    visits,
)

CODE_17 = "91360600MA38PRT01"
VALID_CODE = "91360600MA38PRT017"
CHECKLIST: dict[str, Any] = {"id": "iso9001-basic", "version": "2.1", "questions": ["4.1", "7.1"]}


@pytest.fixture
def organization_id(db: Database) -> str:
    with db.session() as session:
        return organizations.create_organization(
            session, "鹰潭铜杆有限公司", uscc=VALID_CODE, region="鹰潭市"
        ).id


@pytest.fixture
def assessment_id(db: Database, organization_id: str) -> str:
    with db.session() as session:
        visit = visits.create_visit(session, organization_id, VisitKind.ONSITE_CLINIC, date.today())
        return assessments.start_assessment(
            session,
            organization_id,
            "iso9001-basic",
            "2.1",
            CHECKLIST,
            "年度诊断",
            visit_id=visit.id,
        ).id


def _sign(db: Database, assessment_id: str) -> None:
    with db.session() as session:
        assessments.set_assessment_status(session, assessment_id, AssessmentStatus.COMPLETED)
        assessments.add_signature(session, assessment_id, SignerRole.CONSULTANT, "李顾问")
        assessments.set_assessment_status(session, assessment_id, AssessmentStatus.SIGNED)


# --- organizations -----------------------------------------------------------------------------


def test_credit_code_is_normalised_and_checked(db: Database) -> None:
    with db.session() as session:
        organization = organizations.create_organization(
            session, "Acme", uscc=" 91360600ma38 prt017 "
        )
    assert organization.uscc == VALID_CODE
    with pytest.raises(InvalidValue, match="check character") as bad, db.session() as session:
        organizations.create_organization(session, "Typo Ltd", uscc=CODE_17 + "8")
    assert "校验码" in str(bad.value)
    with pytest.raises(InvalidValue, match="not allowed"), db.session() as session:
        organizations.create_organization(session, "Letter O Ltd", uscc="91360600MO38PRT017")


def test_credit_code_is_unique_among_live_organizations_only(
    db: Database, organization_id: str
) -> None:
    with pytest.raises(InvalidValue, match="already registered"), db.session() as session:
        organizations.create_organization(session, "Duplicate", uscc=VALID_CODE)
    with db.session() as session:
        organizations.create_organization(session, "No code yet")
        organizations.create_organization(session, "No code either", uscc="")
        organizations.delete_organization(session, organization_id)
        organizations.create_organization(session, "Re-registered", uscc=VALID_CODE)


def test_search_filters_and_paging(db: Database) -> None:
    with db.session() as session:
        for index in range(5):
            organizations.create_organization(
                session,
                f"Copper {index}",
                region="鹰潭市" if index % 2 else "贵溪市",
                industry_chain=IndustryChain.NON_FERROUS_METALS,
                chain_role=ChainRole.SUPPLIER,
            )
        organizations.create_organization(session, "100% Steel_Works", region="新余市")
    with db.read_session() as session:
        assert len(organizations.list_organizations(session, search="copper")) == 5
        assert organizations.count_organizations(session, search="鹰潭") == 2
        assert [o.name for o in organizations.list_organizations(session, search="100%")] == [
            "100% Steel_Works"
        ]
        assert organizations.list_organizations(session, search="1_0") == []
        chain = organizations.list_organizations(
            session, industry_chain=IndustryChain.NON_FERROUS_METALS, limit=2, offset=2
        )
        assert [o.name for o in chain] == ["Copper 2", "Copper 3"]
        assert organizations.count_organizations(session, chain_role=ChainRole.SUPPLIER) == 5


def test_search_key_follows_edits(db: Database, organization_id: str) -> None:
    with db.session() as session:
        organizations.update_organization(session, organization_id, name="Renamed Rod Co")
    with db.read_session() as session:
        assert organizations.list_organizations(session, search="renamed rod")
        assert not organizations.list_organizations(session, search="铜杆")


def test_sites_and_people(db: Database, organization_id: str) -> None:
    with db.session() as session:
        site = organizations.create_site(session, organization_id, "一厂", "江西省鹰潭市")
        organizations.create_person(session, "李顾问", PersonRole.CONSULTANT)
        organizations.create_person(
            session, "王质量", PersonRole.CHIEF_QUALITY_OFFICER, organization_id=organization_id
        )
    with db.read_session() as session:
        assert [s.name for s in organizations.list_sites(session, organization_id)] == ["一厂"]
        consultants = organizations.list_persons(session, role=PersonRole.CONSULTANT)
        assert [(p.name, p.organization_id) for p in consultants] == [("李顾问", None)]
    with pytest.raises(TypeError), db.session() as session:
        organizations.update_site(session, site.id, revision=9)


# --- assessments and answers -------------------------------------------------------------------


def test_assessment_freezes_its_checklist(db: Database, assessment_id: str) -> None:
    CHECKLIST["questions"].append("changed later")
    with db.read_session() as session:
        frozen = assessments.frozen_checklist(session, assessment_id)
    assert frozen["questions"] == ["4.1", "7.1"]
    CHECKLIST["questions"].pop()


def test_answers_upsert_and_come_back_keyed(db: Database, assessment_id: str) -> None:
    with db.session() as session:
        answers.save_answer(session, assessment_id, "4.1", "yes")
        answers.save_answer(session, assessment_id, "7.1", 8, instance_key="step-1")
        answers.save_answer(session, assessment_id, "7.1", {"score": 6}, instance_key="step-2")
    with db.session() as session:
        answers.save_answer(session, assessment_id, "4.1", None, is_na=True, note="外包")
        answers.clear_answer(session, assessment_id, "7.1", instance_key="step-2")
    with db.read_session() as session:
        values = answers.answer_values(session, assessment_id)
        first = session.execute(select(Answer).where(Answer.question_id == "4.1")).scalar_one()
    assert values == {
        ("4.1", ""): {"value": None, "is_na": True, "note": "外包"},
        ("7.1", "step-1"): {"value": 8, "is_na": False, "note": ""},
    }
    assert first.revision == 2


def test_assessment_transitions(db: Database, assessment_id: str) -> None:
    with pytest.raises(TransitionRefused), db.session() as session:
        assessments.set_assessment_status(session, assessment_id, AssessmentStatus.SIGNED)
    with pytest.raises(TransitionRefused), db.session() as session:
        assessments.add_signature(session, assessment_id, SignerRole.CONSULTANT, "李顾问")
    with db.session() as session:
        done = assessments.set_assessment_status(session, assessment_id, AssessmentStatus.COMPLETED)
        assert done.completed_at is not None
        reopened = assessments.set_assessment_status(session, assessment_id, AssessmentStatus.DRAFT)
        assert reopened.completed_at is None
    _sign(db, assessment_id)
    with db.read_session() as session:
        signed = assessments.get_assessment(session, assessment_id)
        assert signed.status is AssessmentStatus.SIGNED and signed.signed_at is not None
        assert len(assessments.list_signatures(session, assessment_id)) == 1
    for status in AssessmentStatus:
        with pytest.raises(TransitionRefused), db.session() as session:
            assessments.set_assessment_status(session, assessment_id, status)


def test_a_signed_assessment_refuses_changes(db: Database, assessment_id: str) -> None:
    with db.session() as session:
        answers.save_answer(session, assessment_id, "4.1", "yes")
        finding = improvement.create_finding(
            session, assessment_id, FindingSeverity.MINOR_NC, "Records incomplete"
        )
    _sign(db, assessment_id)
    refused_changes = [
        lambda s: answers.save_answer(s, assessment_id, "4.1", "no"),
        lambda s: answers.save_answer(s, assessment_id, "7.1", "no"),
        lambda s: answers.clear_answer(s, assessment_id, "4.1"),
        lambda s: assessments.update_title(s, assessment_id, "Rewritten"),
        lambda s: assessments.delete_assessment(s, assessment_id),
        lambda s: improvement.update_finding(s, finding.id, title="Softened"),
        lambda s: attachments.add_attachment(
            s, db.blobs, b"photo", "p.jpg", assessment_id=assessment_id, question_id="4.1"
        ),
    ]
    for change in refused_changes:
        with pytest.raises(RecordLocked, match="signed"), db.session() as session:
            change(session)
    assert issubclass(RecordLocked, UserError)
    with db.read_session() as session:
        assert answers.answer_values(session, assessment_id)[("4.1", "")]["value"] == "yes"


def test_amend_makes_a_new_draft_revision_with_the_answers(
    db: Database, assessment_id: str
) -> None:
    with db.session() as session:
        answers.save_answer(session, assessment_id, "4.1", "yes", note="seen")
        answers.save_answer(session, assessment_id, "7.1", 4, instance_key="P6.1")
        attachments.add_attachment(
            session, db.blobs, b"evidence", "e.jpg", assessment_id=assessment_id, question_id="4.1"
        )
    with pytest.raises(TransitionRefused), db.session() as session:
        assessments.amend_assessment(session, assessment_id)
    _sign(db, assessment_id)
    with db.session() as session:
        amendment = assessments.amend_assessment(session, assessment_id)
    with db.session() as session:
        answers.save_answer(session, amendment.id, "4.1", "partial")
    with db.read_session() as session:
        original = assessments.get_assessment(session, assessment_id)
        assert (amendment.amends_id, amendment.revision_no) == (assessment_id, 2)
        assert amendment.status is AssessmentStatus.DRAFT
        assert assessments.frozen_checklist(session, amendment.id) == CHECKLIST
        assert answers.answer_values(session, amendment.id) == {
            ("4.1", ""): {"value": "partial", "is_na": False, "note": "seen"},
            ("7.1", "P6.1"): {"value": 4, "is_na": False, "note": ""},
        }
        assert answers.answer_values(session, assessment_id)[("4.1", "")]["value"] == "yes"
        assert original.status is AssessmentStatus.SIGNED
        assert len(attachments.list_attachments(session, assessment_id=amendment.id)) == 1


def test_record_score_caches_the_grade(db: Database, assessment_id: str) -> None:
    with db.session() as session:
        assessments.record_score(session, assessment_id, 86.5, "B")
    with db.read_session() as session:
        (listed,) = assessments.list_assessments(session, status=AssessmentStatus.DRAFT)
    assert (listed.score_percent, listed.grade) == (86.5, "B")
    assert "checklist_json" not in listed.__dict__  # lists do not load the frozen checklist


def test_missing_rows_raise_not_found(db: Database) -> None:
    with pytest.raises(NotFound), db.session() as session:
        answers.save_answer(session, "no-such-assessment", "4.1", "yes")


# --- attachments ---------------------------------------------------------------------------------


def test_attachments_are_content_addressed(
    db: Database, assessment_id: str, tmp_path: Path
) -> None:
    photo = tmp_path / "IMG_0001.jpg"
    photo.write_bytes(b"\xff\xd8 fake jpeg" * 100)
    with db.session() as session:
        first = attachments.add_attachment_file(
            session, db.blobs, photo, assessment_id=assessment_id, question_id="4.1"
        )
        second = attachments.add_attachment(
            session,
            db.blobs,
            photo.read_bytes(),
            "copy.jpg",
            assessment_id=assessment_id,
            question_id="7.1",
            caption="same photo again",
        )
    assert first.sha256 == second.sha256 and first.id != second.id
    assert first.mime_type == "image/jpeg" and first.size == 1200
    blob = db.blobs.path_for(first.sha256)
    assert blob.parent.name == first.sha256[:2] and blob.name == first.sha256[2:]
    stored = [p for p in db.blobs.root.rglob("*") if p.is_file()]
    assert stored == [blob]
    assert db.blobs.read_bytes(first.sha256) == photo.read_bytes()
    assert db.blobs.verify(first.sha256)
    with pytest.raises(InvalidValue), db.session() as session:
        attachments.add_attachment(session, db.blobs, b"x", "x.bin")


# --- findings, cases, actions --------------------------------------------------------------------


def test_action_transitions_follow_the_vocabulary(db: Database, assessment_id: str) -> None:
    with db.session() as session:
        organization_id = assessments.get_assessment(session, assessment_id).organization_id
        finding = improvement.create_finding(
            session, assessment_id, FindingSeverity.MAJOR_NC, "No work instruction"
        )
        action = improvement.create_action(
            session, organization_id, "Write it", finding_id=finding.id, due_date=date(2030, 1, 1)
        )
    with pytest.raises(TransitionRefused), db.session() as session:
        improvement.set_action_status(session, action.id, ActionStatus.VERIFIED)
    with db.session() as session:
        improvement.set_action_status(session, action.id, ActionStatus.IN_PROGRESS)
        improvement.set_action_status(session, action.id, ActionStatus.DONE)
    with pytest.raises(TransitionRefused, match="verified"), db.session() as session:
        improvement.set_action_status(session, action.id, ActionStatus.VERIFIED)
    with db.session() as session:
        verified = improvement.set_action_status(
            session, action.id, ActionStatus.VERIFIED, verification_note="WI-07 in use on line 2"
        )
    assert verified.verified_at is not None
    for status in ActionStatus:
        with pytest.raises(TransitionRefused), db.session() as session:
            improvement.set_action_status(session, action.id, status)
    with db.read_session() as session:
        listed = improvement.list_actions(
            session, organization_id=organization_id, status=ActionStatus.VERIFIED
        )
        assert [a.id for a in listed] == [action.id]
        assert improvement.list_actions(session, due_before=date(2029, 1, 1)) == []


def test_case_workflow(db: Database, organization_id: str) -> None:
    with db.session() as session:
        case = improvement.create_case(
            session, organization_id, NqiCategory.METROLOGY, "测温仪未校准", symptom="读数偏差"
        )
    with pytest.raises(TransitionRefused), db.session() as session:
        improvement.set_case_status(session, case.id, CaseStatus.RESOLVED)
    with db.session() as session:
        improvement.update_case(session, case.id, diagnosis="未纳入计量器具台账")
        improvement.set_case_status(session, case.id, CaseStatus.DIAGNOSED)
        improvement.set_case_status(session, case.id, CaseStatus.PRESCRIBED)
        resolved = improvement.set_case_status(
            session, case.id, CaseStatus.RESOLVED, resolved_on=date(2024, 6, 1)
        )
    assert resolved.resolved_on == date(2024, 6, 1)
    with db.read_session() as session:
        assert [c.id for c in improvement.list_cases(session, status=CaseStatus.RESOLVED)] == [
            case.id
        ]


def test_every_repository_change_is_logged(db: Database, assessment_id: str) -> None:
    with db.read_session() as session:
        tables = set(session.scalars(select(ChangeLog.table_name)))
        assessment = session.get_one(Assessment, assessment_id)
    assert tables == {"organization", "visit", "assessment"}
    assert assessment.revision == 1
