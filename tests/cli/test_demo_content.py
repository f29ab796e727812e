"""Issue 9, item 20: the demo reads like a real clinic.

Before, findings were the question text cut at 40 characters, all with the same description and
evidence; notes came from a rotating pool; actions repeated the truncated question; the crane case
prescribed "apply within a month" with a due date after the inspection expired.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from qclinic.core.checklists import from_frozen
from qclinic.core.vocabulary import CaseStatus, FindingSeverity, NqiCategory
from qclinic.services.demo import content as demo_content
from qclinic.services.demo import seed
from qclinic.storage.repositories import answers, assessments, improvement
from qclinic.storage.startup import open_database

CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module", params=["zh", "en"])
def seeded(request: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp(f"demo-{request.param}")
    database = open_database(folder / "q.sqlite", attachments_dir=folder / "att")
    ids = seed(database, lang=request.param)
    yield database, ids, request.param
    database.dispose()


def _one_month_before(day: date) -> date:
    """The same day of the previous month (特种设备安全法 Art. 40: "届满前一个月")."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return date(year, month, day.day)


def test_findings_are_written_not_cut_from_the_question(seeded: Any) -> None:
    database, ids, lang = seeded
    with database.read_session() as s:
        checklist = from_frozen(assessments.frozen_checklist(s, ids["completed_assessment"]))
        findings = improvement.list_findings(s, ids["completed_assessment"])
    assert len(findings) == 5
    for finding in findings:
        question = checklist.question(finding.question_id).text.get(lang)
        assert finding.title not in question and question[:20] not in finding.title
        assert finding.description and finding.evidence
        assert question[:20] not in finding.description
    assert len({f.description for f in findings}) == len(findings)
    assert len({f.evidence for f in findings}) == len(findings)
    assert len({f.title for f in findings}) == len(findings)
    if lang == "en":
        assert not any(CJK.search(f.title + f.description + f.evidence) for f in findings)


def test_notes_are_written_for_their_question(seeded: Any) -> None:
    database, ids, lang = seeded
    written = {
        ids["assessments"][0]: demo_content.SELF_NOTES,
        ids["completed_assessment"]: demo_content.CLINIC_NOTES,
    }
    with database.read_session() as s:
        for assessment_id, notes in written.items():
            checklist = from_frozen(assessments.frozen_checklist(s, assessment_id))
            stored = {
                qid: row["note"]
                for (qid, _instance), row in answers.answer_values(s, assessment_id).items()
                if row.get("note")
            }
            assert stored  # low scores needed notes
            for qid, note in stored.items():
                checklist.question(qid)  # every note belongs to a question of the checklist
                assert note == demo_content.text(notes[qid], lang)
            assert len(set(stored.values())) == len(stored)  # no note is reused


def test_actions_say_what_to_do(seeded: Any) -> None:
    database, ids, lang = seeded
    with database.read_session() as s:
        findings = {f.id: f for f in improvement.list_findings(s, ids["completed_assessment"])}
        checklist = from_frozen(assessments.frozen_checklist(s, ids["completed_assessment"]))
        actions = improvement.list_actions(s, organization_id=ids["organization"])
    assert len(actions) == 7
    assert len({a.title for a in actions}) == len(actions)
    for action in actions:
        if action.finding_id is None:
            continue
        finding = findings[action.finding_id]
        question = checklist.question(finding.question_id).text.get(lang)
        for text in (action.title, action.description):
            assert finding.title not in text and question[:20] not in text
    nonconformities = [
        f for f in findings.values() if f.severity is not FindingSeverity.GOOD_PRACTICE
    ]
    assert {a.finding_id for a in actions if a.finding_id} == {f.id for f in nonconformities}


def test_the_crane_case_obeys_the_one_month_before_expiry_rule(seeded: Any) -> None:
    database, ids, lang = seeded
    with database.read_session() as s:
        cases = improvement.list_cases(s, organization_id=ids["organization"])
        crane = next(c for c in cases if c.nqi_category is NqiCategory.SPECIAL_EQUIPMENT)
        (action,) = improvement.list_plan_rows(s, case_id=crane.id)
    expires = demo_content.CRANE_INSPECTION_EXPIRES
    apply_by = _one_month_before(expires)
    assert apply_by > demo_content.CLINIC_DATE  # the clinic can still make the deadline
    assert action.due_date is not None and demo_content.CLINIC_DATE <= action.due_date <= apply_by
    assert expires.isoformat() in crane.symptom
    assert apply_by.isoformat() in crane.prescription
    assert crane.status is CaseStatus.PRESCRIBED
    if lang == "zh":
        assert "一个月内" not in crane.prescription
        assert "使用登记证" not in crane.symptom  # the certificate carries no inspection date
        assert "第四十条" in crane.diagnosis
    else:
        assert "within a month" not in crane.prescription
        assert "Art. 40" in crane.diagnosis


def test_content_ids_exist_in_the_checklist() -> None:
    from qclinic.core.checklists import builtin

    checklist = builtin().load("nqi-clinic")
    for qid in [*demo_content.SELF_NOTES, *demo_content.CLINIC_NOTES, *demo_content.FINDINGS]:
        checklist.question(qid)  # raises for an unknown id
    assert set(demo_content.FINDING_ACTIONS) < set(demo_content.FINDINGS)


def test_demo_cli_takes_a_language(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "qclinic", "--data-dir", str(tmp_path), "demo", "--lang", "xx"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_the_demo_company_sits_in_its_chain_below_the_leader(seeded: Any) -> None:
    from qclinic.core.chains import Link, tiers
    from qclinic.services import Services
    from qclinic.services.demo.chain import CHAIN_NAME

    database, ids, lang = seeded
    services = Services(database)
    tree = services.chains.tree(ids["chain"])
    assert tree.chain.name == demo_content.text(CHAIN_NAME, lang)
    assert tree.chain.companies == 4 and tree.chain.leaders == 1
    by_id = {node.organization_id: node for node in tree.nodes}
    assert set(by_id) == set(ids["chain_companies"])
    leader, company = by_id[ids["chain_leader"]], by_id[ids["organization"]]
    assert (leader.name, leader.customer_id, leader.tier) == ("赣鄱铜业集团有限公司", None, 0)
    assert (company.customer_id, company.tier) == (ids["chain_leader"], 1)
    dies = [n for n in tree.nodes if n.customer_id == ids["organization"]]
    assert [n.name for n in dies] == ["上饶精拓拉拔模具有限公司"] and dies[0].tier == 2
    # the stored tiers are the ones the tree rules give
    links = [Link(n.organization_id, n.customer_id, n.name, n.tier == 0) for n in tree.nodes]
    assert tiers(links) == {n.organization_id: n.tier for n in tree.nodes}
    # every company's notes say where it sits, in the demo's language
    for node in tree.nodes:
        notes = services.organizations.get(node.organization_id).notes
        assert (CJK.search(notes) is not None) == (lang == "zh") or not notes
    assert [m.chain_id for m in services.chains.memberships(ids["organization"])] == [ids["chain"]]
    again = seed(database, lang=lang)  # a second seeding finds the same chain
    assert (again["chain"], again["chain_companies"]) == (ids["chain"], ids["chain_companies"])
