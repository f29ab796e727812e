"""Seals of signed assessments (issue 9, item 2): written when signing, made by migration 0006 for
older signed assessments, covering the signed content but not the plan's later progress."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from qclinic.core.vocabulary import (
    ActionStatus,
    AssessmentStatus,
    FindingSeverity,
    SignerRole,
)
from qclinic.storage.database import Database
from qclinic.storage.repositories import answers, assessments, improvement, organizations
from qclinic.storage.seal import check_seal
from qclinic.storage.startup import open_database

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SIGNED_0001 = "018f5a2e-5000-7000-8000-000000000001"  # the signed assessment of db_rev_0001
CHECKLIST = {"id": "c", "version": "1", "title": "c", "sections": []}


def _check(db: Database, assessment_id: str):  # type: ignore[no-untyped-def]
    with db.read_session() as session:
        return check_seal(session.connection(), assessment_id)


def _signed_assessment(db: Database) -> tuple[str, str, str]:
    """A signed assessment with an answer, a finding and an action; their ids."""
    with db.session() as s:
        org = organizations.create_organization(s, "Seal Test Copper Co.")
        assessment = assessments.start_assessment(s, org.id, "c", "1", CHECKLIST, "audit")
        answers.save_answer(s, assessment.id, "Q1", "partial", note="ledger partly kept")
        finding = improvement.create_finding(
            s, assessment.id, FindingSeverity.MINOR_NC, "Calibration ledger gaps", question_id="Q1"
        )
        action = improvement.create_action(s, org.id, "Complete the ledger", finding_id=finding.id)
        assessments.set_assessment_status(s, assessment.id, AssessmentStatus.COMPLETED)
        assessments.add_signature(s, assessment.id, SignerRole.CONSULTANT, "李强")
        assessments.set_assessment_status(s, assessment.id, AssessmentStatus.SIGNED)
        return assessment.id, finding.id, action.id


def _sql(db_path: Path, statement: str, *params: object) -> None:
    with closing(sqlite3.connect(db_path)) as connection, connection:
        assert connection.execute(statement, params).rowcount == 1


def test_signing_seals_and_the_plans_progress_keeps_the_seal(db: Database) -> None:
    assessment_id, _finding, action_id = _signed_assessment(db)
    assert _check(db, assessment_id).intact
    with db.session() as s:
        improvement.set_action_status(s, action_id, ActionStatus.IN_PROGRESS)
        improvement.update_action(s, action_id, owner="质量部 王工")
    assert _check(db, assessment_id).intact


def test_an_unsigned_assessment_has_no_seal(db: Database) -> None:
    with db.session() as s:
        org = organizations.create_organization(s, "Draft Co.")
        draft = assessments.start_assessment(s, org.id, "c", "1", CHECKLIST, "draft")
    assert _check(db, draft.id) is None


def test_each_sqlite3_edit_of_signed_content_is_named(db: Database, db_path: Path) -> None:
    assessment_id, finding_id, _action = _signed_assessment(db)
    edits = [
        (
            "UPDATE answer SET value = '\"yes\"' WHERE assessment_id = ?",
            "the answer to Q1 was changed",
        ),
        (
            "UPDATE finding SET title = 'Minor note' WHERE id = ?",
            "the finding “Minor note” was changed",
        ),
        ("UPDATE signature SET signer_name = '张三' WHERE assessment_id = ?", "signature of 张三"),
        ("UPDATE assessment SET status = 'completed' WHERE id = ?", "status was changed"),
    ]
    for statement, expected in edits:
        db.dispose()  # folds the WAL into the file, so the snapshot holds everything
        snapshot = db_path.read_bytes()
        key = finding_id if "finding" in statement else assessment_id
        _sql(db_path, statement, key)
        check = _check(db, assessment_id)
        assert check is not None and not check.intact
        assert any(expected in d for d in check.differences), (expected, check.differences)
        db.dispose()
        db_path.write_bytes(snapshot)
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        assert _check(db, assessment_id).intact


def test_migration_0006_seals_assessments_signed_before_it(db_path: Path) -> None:
    shutil.copyfile(FIXTURES / "db_rev_0001.sqlite", db_path)
    database = open_database(db_path)
    with closing(sqlite3.connect(db_path)) as connection:
        origin, version = connection.execute(
            "SELECT origin, version FROM assessment_seal WHERE assessment_id = ?", (SIGNED_0001,)
        ).fetchone()
        logged = connection.execute(
            "SELECT COUNT(*) FROM change_log WHERE table_name = 'assessment_seal'"
        ).fetchone()[0]
    assert (origin, version, logged) == ("migration", 1, 1)
    with closing(sqlite3.connect(db_path)) as connection:
        items = json.loads(
            connection.execute(
                "SELECT items FROM assessment_seal WHERE assessment_id = ?", (SIGNED_0001,)
            ).fetchone()[0]
        )
    kinds = sorted({key.partition(":")[0] for key in items})
    assert kinds == ["answer", "assessment", "finding", "signature"]
    assert {"answer:4.1", "answer:7.1.5", "answer:8.5.1"} <= set(items)
    assert _check(database, SIGNED_0001).intact
    database.dispose()
    _sql(
        db_path,
        "UPDATE answer SET note = 'edited' WHERE assessment_id = ? AND question_id = '7.1.5'",
        SIGNED_0001,
    )
    check = _check(database, SIGNED_0001)
    assert check is not None and "the answer to 7.1.5 was changed" in check.differences
    database.dispose()


def test_a_tampered_signed_assessment_is_not_amended(db: Database, db_path: Path) -> None:
    """Amending copies the signed content: a tampered copy must not become revision 2's truth."""
    from qclinic.storage.seal import SealBroken

    assessment_id, _finding, _action = _signed_assessment(db)
    _sql(
        db_path,
        "UPDATE answer SET note = 'all records complete' WHERE assessment_id = ?",
        assessment_id,
    )
    with pytest.raises(SealBroken), db.session() as s:
        assessments.amend_assessment(s, assessment_id)
    with db.read_session() as s:
        assert assessments.amendment_of(s, assessment_id) is None
