"""Issue 9, item 9: an amendment carries the findings, their actions and evidence over.

Before, revision 2 of a signed assessment had no findings and so printed "发现项 无 / 暂无改进措施"
although revision 1's overdue actions were still on the plan page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qclinic.core.vocabulary import AssessmentStatus, SignerRole
from qclinic.reports.data import load_report_data
from qclinic.services.demo import seed
from qclinic.storage.errors import TransitionRefused
from qclinic.storage.repositories import assessments, attachments, improvement
from qclinic.storage.startup import open_database


@pytest.fixture
def signed(tmp_path: Path):  # type: ignore[no-untyped-def]
    database = open_database(tmp_path / "a.sqlite", attachments_dir=tmp_path / "att")
    ids = seed(database)
    current = ids["completed_assessment"]
    with database.session() as session:
        attachments.add_attachment(
            session,
            database.blobs,
            b"\x89PNG\r\n\x1a\nledger",
            "ledger.png",
            mime_type="image/png",
            finding_id=ids["findings"][0],
        )
        assessments.add_signature(session, current, SignerRole.CONSULTANT, "李强")
        assessments.add_signature(session, current, SignerRole.COMPANY_REPRESENTATIVE, "赵志明")
        assessments.set_assessment_status(session, current, AssessmentStatus.SIGNED)
    yield database, ids
    database.dispose()


def _finding_view(findings: list) -> list[tuple]:  # type: ignore[type-arg]
    return [
        (f.question_id, f.severity, f.nqi_category, f.title, f.description, f.evidence)
        for f in findings
    ]


def test_amendment_copies_findings_actions_and_finding_evidence(signed) -> None:  # type: ignore[no-untyped-def]
    database, ids = signed
    current = ids["completed_assessment"]
    with database.session() as session:
        before = _finding_view(improvement.list_findings(session, current))
        amendment = assessments.amend_assessment(session, current).id
    with database.read_session() as session:
        originals = improvement.list_findings(session, current)
        copies = improvement.list_findings(session, amendment)
        assert before and _finding_view(copies) == before
        assert [c.origin_id for c in copies] == [f.id for f in originals]
        assert _finding_view(originals) == before  # the signed revision keeps its own
        for original, copy in zip(originals, copies, strict=True):
            old = improvement.list_plan_rows(session, finding_id=original.id)
            new = improvement.list_plan_rows(session, finding_id=copy.id)
            fields = [(r.title, r.owner, r.due_date, r.priority, r.status) for r in old]
            assert fields == [(r.title, r.owner, r.due_date, r.priority, r.status) for r in new]
        evidence = attachments.list_attachments(session, finding_id=copies[0].id)
        assert [a.file_name for a in evidence] == ["ledger.png"]


def test_plan_shows_each_action_once_after_amending(signed) -> None:  # type: ignore[no-untyped-def]
    database, ids = signed
    with database.session() as session:
        plan_before = sorted(
            (r.title, r.owner, r.due_date, r.status) for r in improvement.list_plan_rows(session)
        )
        listed_before = len(improvement.list_actions(session, organization_id=ids["organization"]))
        amendment = assessments.amend_assessment(session, ids["completed_assessment"]).id
    with database.read_session() as session:
        rows = improvement.list_plan_rows(session)
        assert sorted((r.title, r.owner, r.due_date, r.status) for r in rows) == plan_before
        copied_findings = {f.id for f in improvement.list_findings(session, amendment)}
        from_findings = [r for r in rows if r.finding_id is not None]
        assert from_findings and all(r.finding_id in copied_findings for r in from_findings)
        listed = improvement.list_actions(session, organization_id=ids["organization"])
        assert len(listed) == listed_before


def test_amended_report_prints_the_findings_and_plan(signed) -> None:  # type: ignore[no-untyped-def]
    database, ids = signed
    current = ids["completed_assessment"]
    signed_report = load_report_data(database, current)
    with database.session() as session:
        amendment = assessments.amend_assessment(session, current).id
    revised = load_report_data(database, amendment)
    assert [f.title for f in revised.findings] == [f.title for f in signed_report.findings]
    assert sorted(a.title for a in revised.actions) == sorted(
        a.title for a in signed_report.actions
    )
    assert load_report_data(database, current) == signed_report  # revision 1 prints as signed


def test_a_signed_assessment_is_amended_once(signed) -> None:  # type: ignore[no-untyped-def]
    database, ids = signed
    with database.session() as session:
        assessments.amend_assessment(session, ids["completed_assessment"])
    with database.session() as session, pytest.raises(TransitionRefused, match="修订版"):
        assessments.amend_assessment(session, ids["completed_assessment"])


def test_an_action_of_a_finding_and_a_case_prints_once_per_revision(tmp_path: Path) -> None:
    database = open_database(tmp_path / "b.sqlite", attachments_dir=tmp_path / "att")
    ids = seed(database)
    current = ids["completed_assessment"]
    with database.session() as session:
        improvement.create_action(
            session,
            ids["organization"],
            "Joint action",
            finding_id=ids["findings"][0],
            case_id=ids["cases"][0],
        )
        assessments.add_signature(session, current, SignerRole.CONSULTANT, "李强")
        assessments.add_signature(session, current, SignerRole.COMPANY_REPRESENTATIVE, "赵志明")
        assessments.set_assessment_status(session, current, AssessmentStatus.SIGNED)
    signed_report = load_report_data(database, current)
    with database.session() as session:
        amendment = assessments.amend_assessment(session, current).id
    revised = load_report_data(database, amendment)
    signed_again = load_report_data(database, current)
    database.dispose()
    assert [a.title for a in signed_report.actions].count("Joint action") == 1
    assert [a.title for a in revised.actions].count("Joint action") == 1
    assert signed_again == signed_report  # revision 1 still prints as signed


def test_deleting_the_amendment_gives_the_plan_its_originals_back(signed) -> None:  # type: ignore[no-untyped-def]
    database, ids = signed
    with database.session() as session:
        before = sorted(r.id for r in improvement.list_plan_rows(session))
        amendment = assessments.amend_assessment(session, ids["completed_assessment"]).id
    with database.session() as session:
        assert sorted(r.id for r in improvement.list_plan_rows(session)) != before
        assessments.delete_assessment(session, amendment)
    with database.session() as session:
        assert sorted(r.id for r in improvement.list_plan_rows(session)) == before
        again = assessments.amend_assessment(session, ids["completed_assessment"])
        assert again.revision_no == 2
