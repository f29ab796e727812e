"""The expert team of an assessment (issue 10): stored in order, sealed when signed, copied by an
amendment, checked on the way in; migration 0007 leaves older seals intact."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from qclinic.core.vocabulary import AssessmentStatus, SignerRole, TeamRole
from qclinic.storage.database import Database
from qclinic.storage.errors import InvalidValue, RecordLocked
from qclinic.storage.repositories import assessments, organizations
from qclinic.storage.repositories.team import TeamMember, list_team, set_team, team_of
from qclinic.storage.seal import check_seal

CHECKLIST = {"id": "c", "version": "1", "title": "c", "sections": []}
TEAM = [
    TeamMember("陈工", TeamRole.MEMBER, "省计量院", "计量工程师", "0551-62345678"),
    TeamMember("王丽", TeamRole.LEAD, "省质量协会", "高级审核员", "13812345678"),
    TeamMember("  ", TeamRole.MEMBER),  # a blank row of the editor is dropped
]


def _signed_with_team(db: Database) -> str:
    with db.session() as s:
        org = organizations.create_organization(s, "Team Test Copper Co.")
        a = assessments.start_assessment(s, org.id, "c", "1", CHECKLIST, "audit", team=TEAM)
        assessments.set_assessment_status(s, a.id, AssessmentStatus.COMPLETED)
        assessments.add_signature(s, a.id, SignerRole.LEAD, "王丽")
        assessments.add_signature(s, a.id, SignerRole.CONSULTANT, "陈工")
        assessments.add_signature(s, a.id, SignerRole.COMPANY_REPRESENTATIVE, "赵志明")
        assessments.set_assessment_status(s, a.id, AssessmentStatus.SIGNED)
        return a.id


def test_the_team_is_stored_lead_first_and_copied_by_an_amendment(db: Database) -> None:
    assessment_id = _signed_with_team(db)
    with db.session() as s:
        assert [(m.name, m.role) for m in team_of(s, assessment_id)] == [
            ("王丽", TeamRole.LEAD),
            ("陈工", TeamRole.MEMBER),
        ]
        amendment = assessments.amend_assessment(s, assessment_id)
        assert team_of(s, amendment.id) == team_of(s, assessment_id)
        # the copies are rows of their own: editing the amendment's team leaves the signed one
        set_team(s, amendment.id, [TeamMember("王丽", TeamRole.LEAD)])
        assert len(list_team(s, amendment.id)) == 1
        assert len(list_team(s, assessment_id)) == 2


def test_the_team_of_a_signed_assessment_cannot_be_changed_in_the_app(db: Database) -> None:
    assessment_id = _signed_with_team(db)
    with pytest.raises(RecordLocked), db.session() as s:
        set_team(s, assessment_id, [TeamMember("张三", TeamRole.LEAD)])


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE assessment_member SET name = '张三' WHERE role = 'lead'",
        "UPDATE assessment_member SET role = 'lead' WHERE role = 'member'",
        "UPDATE assessment_member SET deleted_at = '2026-01-01 00:00:00' WHERE role = 'member'",
        "INSERT INTO assessment_member (id, created_at, updated_at, revision, assessment_id, name, "
        "role, affiliation, qualification, phone, position) SELECT 'x', created_at, updated_at, 1, "
        "assessment_id, '冒名', 'member', '', '', '', 5 FROM assessment_member LIMIT 1",
    ],
)
def test_editing_the_team_of_a_signed_assessment_with_sqlite3_is_detected(
    db: Database, db_path: Path, statement: str
) -> None:
    assessment_id = _signed_with_team(db)
    with db.read_session() as s:
        assert check_seal(s.connection(), assessment_id).intact  # type: ignore[union-attr]
    db.dispose()
    with closing(sqlite3.connect(db_path)) as connection, connection:
        assert connection.execute(statement).rowcount >= 1
    with db.read_session() as s:
        check = check_seal(s.connection(), assessment_id)
    assert check is not None and not check.intact
    assert any("team member" in d for d in check.differences), check.differences


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ([TeamMember("A", TeamRole.LEAD), TeamMember("B", TeamRole.LEAD)], "组长"),
        ([TeamMember("A"), TeamMember("A")], "listed twice"),
        ([TeamMember("A", phone="12345")], "Team member 1 (A)"),
        ([TeamMember("A" * 101)], "100 characters"),
    ],
)
def test_a_bad_team_is_refused_with_a_located_bilingual_message(
    db: Database, members: list[TeamMember], expected: str
) -> None:
    with db.session() as s:
        org = organizations.create_organization(s, "Bad Team Co.")
        draft = assessments.start_assessment(s, org.id, "c", "1", CHECKLIST, "draft")
    with pytest.raises(InvalidValue) as caught, db.session() as s:
        set_team(s, draft.id, members)
    message = str(caught.value)
    assert expected in message
    assert "\n" in message and "专家组" in message
