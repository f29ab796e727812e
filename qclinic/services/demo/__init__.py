"""The demo: a company with visits, assessments, findings, cases, actions and SPC/MSA data.

The data is fictional but shaped like a real clinic visit to a copper-processing supplier of a
non-ferrous-metals chain (a tier-1 supplier in the chain's tree, with the chain leader and two
other companies: :mod:`.chain`), so every screen and report has something true-to-life to show. What the
consultant wrote (notes, findings, cases, actions) is in :mod:`.content`, in Chinese and
English (``qclinic demo --lang en``). Seeding it is a service like any other change: ``qclinic demo``,
the welcome page's *Load the demo* and the tests all call :func:`seed`.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from datetime import date
from typing import Any

from qclinic.core import checklists, uscc
from qclinic.core.checklists import Checklist, Question
from qclinic.core.scoring import score_of
from qclinic.core.vocabulary import (
    ActionStatus,
    AssessmentStatus,
    CaseStatus,
    ChainRole,
    IndustryChain,
    NqiCategory,
    PersonRole,
    Priority,
    SignerRole,
    SizeClass,
    TeamRole,
    VisitKind,
)
from qclinic.services.demo import content
from qclinic.services.demo.chain import existing_chain, seed_chain
from qclinic.services.demo.content import Pair, text
from qclinic.services.demo.outcomes import seed_outcomes
from qclinic.services.demo.referrals import (
    FINDING_QUESTION,
    existing_referrals,
    seed_referrals,
)
from qclinic.storage.repositories.team import TeamMember

DEMO_CODE = "91360600MA35QC7K1" + uscc.check_character("91360600MA35QC7K1")
LEADER_CODE = "91360000158304A2X" + uscc.check_character("91360000158304A2X")
CHECKLIST_ID = "nqi-clinic"


def seed(database: Any, lang: str = "zh", *, spc: bool = False) -> dict[str, Any]:
    """Create the demo data once, its texts in *lang*; a second call returns the ids there.

    With *spc* the company's SPC and MSA datasets are added too (:mod:`.spc`; once).
    """
    from qclinic.storage.repositories import organizations as orgs

    with database.session() as session:
        existing = orgs.list_organizations(session, search=DEMO_CODE, limit=1)
        ids = _existing_ids(session, existing[0].id) if existing else None
    if ids is None:
        from qclinic.storage.library import checklist_content, install_builtin_library

        install_builtin_library(database)
        with database.session() as session:
            checklist = checklists.from_frozen(checklist_content(session, CHECKLIST_ID))
            ids = _seed(session, database, checklist, lang)
    if spc:
        from qclinic.services.demo.spc import seed_spc

        ids["datasets"] = seed_spc(database, ids["organization"], lang)
    return ids


def _existing_ids(session: Any, organization_id: str) -> dict[str, Any]:
    from qclinic.storage.repositories import assessments, improvement

    found = assessments.list_assessments(session, organization_id=organization_id)
    return {
        "organization": organization_id,
        "assessments": [a.id for a in found],
        "cases": [c.id for c in improvement.list_cases(session, organization_id=organization_id)],
        "actions": [
            a.id for a in improvement.list_actions(session, organization_id=organization_id)
        ],
        **existing_chain(session, organization_id),
        **existing_referrals(session, organization_id),
        "note": "demo data was already present",
    }


def _seed(session: Any, database: Any, checklist: Checklist, lang: str) -> dict[str, Any]:
    from qclinic.storage.repositories import assessments, organizations, visits

    leader = organizations.create_organization(
        session,
        "赣鄱铜业集团有限公司",
        uscc=LEADER_CODE,
        industry_chain=IndustryChain.NON_FERROUS_METALS,
        chain_role=ChainRole.CHAIN_LEADER,
        size_class=SizeClass.LARGE,
        region="江西省南昌市",
        cqo_name="陈建国",
        cqo_phone="0791-8800 1234",
    )
    company = organizations.create_organization(
        session,
        "鹰潭精密铜材有限公司",
        uscc=DEMO_CODE,
        industry_chain=IndustryChain.NON_FERROUS_METALS,
        chain_role=ChainRole.SUPPLIER,
        size_class=SizeClass.MEDIUM,
        region="江西省鹰潭市",
        cqo_name="王丽",
        cqo_phone="0701-6200 5678",
        cqo_email="wangli@example.cn",
        notes=text(content.COMPANY_NOTES, lang),
    )
    site = organizations.create_site(session, company.id, "一号工厂", "鹰潭市高新区铜产业园 8 号")
    consultant = organizations.create_person(
        session, "李强", PersonRole.CONSULTANT, phone="139 0000 1111", title="高级质量专家"
    )
    organizations.create_person(
        session,
        "王丽",
        PersonRole.CHIEF_QUALITY_OFFICER,
        organization_id=company.id,
        title="首席质量官",
    )
    self_visit = visits.create_visit(
        session,
        company.id,
        VisitKind.SELF_ASSESSMENT,
        date(2025, 11, 6),
        site_id=site.id,
        notes=text(content.VISIT_NOTES["self"], lang),
    )
    clinic_visit = visits.create_visit(
        session,
        company.id,
        VisitKind.ONSITE_CLINIC,
        content.CLINIC_DATE,
        site_id=site.id,
        lead_consultant_id=consultant.id,
        notes=text(content.VISIT_NOTES["clinic"], lang),
    )
    follow_up = visits.create_visit(
        session,
        company.id,
        VisitKind.FOLLOW_UP,
        date(2026, 9, 20),
        site_id=site.id,
        lead_consultant_id=consultant.id,
        notes=text(content.VISIT_NOTES["follow_up"], lang),
    )
    source = dict(checklist.source)
    earlier = assessments.start_assessment(
        session,
        company.id,
        checklist.id,
        checklist.version,
        source,
        text(content.TITLES["self"], lang),
        visit_id=self_visit.id,
    )
    _answer_all(session, database, earlier.id, checklist, -1, content.SELF_NOTES, lang)
    assessments.set_assessment_status(session, earlier.id, AssessmentStatus.COMPLETED)
    assessments.add_signature(session, earlier.id, SignerRole.CONSULTANT, "王丽")
    assessments.add_signature(session, earlier.id, SignerRole.COMPANY_REPRESENTATIVE, "赵志明")
    assessments.set_assessment_status(session, earlier.id, AssessmentStatus.SIGNED)

    current = assessments.start_assessment(
        session,
        company.id,
        checklist.id,
        checklist.version,
        source,
        text(content.TITLES["clinic"], lang),
        visit_id=clinic_visit.id,
        team=_team(lang),
    )
    _answer_all(session, database, current.id, checklist, 0, content.CLINIC_NOTES, lang)
    assessments.set_assessment_status(session, current.id, AssessmentStatus.COMPLETED)

    findings = _findings(session, current.id, checklist, lang)
    cases = _cases(session, company.id, clinic_visit.id, lang)
    actions = _actions(session, company.id, findings, cases, lang)
    from qclinic.storage.assessment_scoring import score_assessment

    session.flush()
    for assessment_id in (earlier.id, current.id):
        score_assessment(session, assessment_id, cache=True)
    chain = seed_chain(session, leader.id, company.id, lang)
    tested = next(f for f in findings if f.question_id == FINDING_QUESTION)
    referred = seed_referrals(session, database, company, cases[0].id, tested.id, lang)
    figures = seed_outcomes(session, company.id, follow_up.id, lang)
    return {
        **chain,
        **referred,
        "organization": company.id,
        "chain_leader": leader.id,
        "site": site.id,
        "visits": [self_visit.id, clinic_visit.id, follow_up.id],
        "assessments": [earlier.id, current.id],
        "completed_assessment": current.id,
        "findings": [f.id for f in findings],
        "cases": [c.id for c in cases],
        "actions": [a.id for a in actions],
        "outcomes": figures,
    }


def _pick(question: Question, shift: int) -> Any:
    """A deterministic, realistic answer: mostly managed-to-measured, a few weak spots."""
    h = int(hashlib.sha256(question.id.encode()).hexdigest(), 16) % 100
    if question.type == "maturity":
        level = 1 if h < 3 else 2 if h < 14 else 3 if h < 42 else 4 if h < 82 else 5
        if h % 2 == 0:  # the earlier self-assessment was weaker on half of the questions
            level += shift
        return max(0, min(5, level))
    if question.type == "yes-no":
        if question.critical:
            return "yes"
        return "yes" if h < 70 else "partial" if h < 90 else "no"
    if question.type == "vda":
        return (10, 8, 8, 6, 10)[h % 5]
    if question.type == "numeric":
        if question.min is not None and question.max is not None:
            return (question.min + question.max) / 2
        if question.min is not None:
            return question.min * 1.1 if question.min > 0 else question.min + 1
        if question.max is not None:
            return question.max * 0.5
        return 96.5 if question.unit == "%" else 3
    if question.type in ("single", "multi"):
        scored = [o for o in question.options if o.score is not None]
        option = max(scored, key=lambda o: o.score or 0.0) if scored else question.options[0]
        return [option.value] if question.type == "multi" else option.value
    if question.type == "date":
        return "2026-03-12"
    return "见现场记录。"


#: The clinic's expert team: (name, role, organisation, qualification, phone).
DEMO_TEAM: tuple[tuple[str, TeamRole, Pair, Pair, str], ...] = (
    (
        "李强",
        TeamRole.LEAD,
        ("江西省质量技术服务中心", "Jiangxi Quality Technical Service Centre"),
        ("高级质量专家，质量管理体系审核员", "Senior quality expert, QMS auditor"),
        "139 0000 1111",
    ),
    (
        "陈志远",
        TeamRole.MEMBER,
        ("江西省计量测试研究院", "Jiangxi Institute of Metrology and Testing"),
        ("一级注册计量师", "Registered metrologist, grade 1"),
        "0791-8611 2345",
    ),
    (
        "周敏",
        TeamRole.MEMBER,
        ("江西省标准化研究院", "Jiangxi Institute of Standardization"),
        ("标准化工程师", "Standardization engineer"),
        "",
    ),
)


def _team(lang: str) -> list[TeamMember]:
    return [
        TeamMember(name, role, text(where, lang), text(what, lang), phone)
        for name, role, where, what, phone in DEMO_TEAM
    ]


def _answer_all(
    session: Any,
    database: Any,
    assessment_id: str,
    checklist: Checklist,
    shift: int,
    notes: dict[str, Pair],
    lang: str,
) -> None:
    """Answer every question; a score that needs a note gets the note written for its question."""
    from qclinic.storage.repositories import answers, attachments

    for index, question in enumerate(checklist.questions()):
        if question.type in ("photo", "signature") or question.repeated:
            continue
        value = _pick(question, shift)
        points = score_of(question, value)
        note = None
        limit = question.note_required_at_or_below
        if points is not None and limit is not None and points <= limit:
            note = text(notes[question.id], lang)
        answers.save_answer(session, assessment_id, question.id, value, note=note)
        limit = question.photo_required_at_or_below
        if points is not None and limit is not None and points <= limit:
            attachments.add_attachment(
                session,
                database.blobs,
                _evidence_png(index),
                f"{question.id}-{text(content.PHOTO_CAPTION, lang)}.png",
                mime_type="image/png",
                caption=text(content.PHOTO_CAPTION, lang),
                assessment_id=assessment_id,
                question_id=question.id,
            )


def _findings(session: Any, assessment_id: str, checklist: Checklist, lang: str) -> list[Any]:
    from qclinic.storage.repositories import improvement

    findings = []
    for qid, (severity, title, description, evidence) in content.FINDINGS.items():
        question = checklist.question(qid)
        findings.append(
            improvement.create_finding(
                session,
                assessment_id,
                severity,
                text(title, lang),
                nqi_category=NqiCategory(question.category or NqiCategory.QUALITY_MANAGEMENT),
                question_id=qid,
                description=text(description, lang),
                evidence=text(evidence, lang),
            )
        )
    return findings


def _cases(session: Any, organization_id: str, visit_id: str, lang: str) -> list[Any]:
    from qclinic.storage.repositories import improvement

    steps = list(CaseStatus)  # registered → diagnosed → prescribed → resolved
    cases = []
    for case_text in content.CASES:
        case = improvement.create_case(
            session,
            organization_id,
            case_text.category,
            text(case_text.title, lang),
            symptom=text(case_text.symptom, lang),
            visit_id=visit_id,
        )
        if case_text.diagnosis[0]:
            improvement.update_case(
                session,
                case.id,
                diagnosis=text(case_text.diagnosis, lang),
                prescription=text(case_text.prescription, lang),
            )
        for status in steps[1 : steps.index(case_text.reached) + 1]:
            on = case_text.resolved_on if status is CaseStatus.RESOLVED else None
            improvement.set_case_status(session, case.id, status, resolved_on=on)
        cases.append(case)
    return cases


def _actions(
    session: Any, organization_id: str, findings: list[Any], cases: list[Any], lang: str
) -> list[Any]:
    from qclinic.storage.repositories import improvement

    actions = []
    for finding in findings:
        if finding.question_id not in content.FINDING_ACTIONS:
            continue  # good practice: nothing to correct
        title, description, owner, due, priority, status = content.FINDING_ACTIONS[
            finding.question_id
        ]
        action = improvement.create_action(
            session,
            organization_id,
            text(title, lang),
            finding_id=finding.id,
            owner=owner,
            due_date=due,
            priority=priority,
            description=text(description, lang),
        )
        _move(session, action.id, status, "")
        actions.append(action)
    for case, case_text in zip(cases, content.CASES, strict=True):
        planned = case_text.action
        action = improvement.create_action(
            session,
            organization_id,
            text(planned.title, lang),
            case_id=case.id,
            owner=planned.owner,
            due_date=planned.due,
            priority=Priority.HIGH,
        )
        _move(session, action.id, planned.status, text(planned.verification, lang))
        actions.append(action)
    return actions


def _move(session: Any, action_id: str, status: ActionStatus, verification_note: str) -> None:
    """Walk a new (open) action along open → in progress → done → verified up to *status*."""
    from qclinic.storage.repositories import improvement

    path = [ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.VERIFIED]
    if status is ActionStatus.OPEN:
        return
    for step in path[: path.index(status) + 1]:
        improvement.set_action_status(session, action_id, step, verification_note=verification_note)


def _evidence_png(seed: int, width: int = 96, height: int = 64) -> bytes:
    """A small, valid PNG (a shaded test card) standing in for a site photo."""
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            row += bytes(((x * 255 // width + seed * 37) % 256, y * 255 // height, 160))
        rows.append(bytes(row))

    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )
