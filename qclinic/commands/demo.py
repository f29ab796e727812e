"""``qclinic demo``: seed a demo company with visits, assessments, findings, cases and actions.

The data is fictional but shaped like a real clinic visit to a copper-processing supplier of a
non-ferrous-metals chain, so every screen and report has something true-to-life to show.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import struct
import sys
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
    FindingSeverity,
    IndustryChain,
    NqiCategory,
    PersonRole,
    Priority,
    SignerRole,
    SizeClass,
    VisitKind,
)

DEMO_CODE = "91360600MA35QC7K1" + uscc.check_character("91360600MA35QC7K1")
LEADER_CODE = "91360000158304A2X" + uscc.check_character("91360000158304A2X")
CHECKLIST_ID = "nqi-clinic"

NOTES = (
    "现场抽查记录不完整，部分月份缺失，需补齐并明确责任人。",
    "制度已发布但未在车间落实，操作人员不清楚要求。",
    "仅有口头安排，未形成文件化的程序和记录。",
    "上次内审已提出同类问题，整改未关闭。",
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo", help="seed demo data (a company, visits, assessments, findings, cases, actions)"
    )
    parser.add_argument("--json", action="store_true", help="print the ids as JSON")
    parser.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from qclinic.storage.startup import open_database

    database = open_database()
    ids = seed(database)
    if args.json:
        json.dump(ids, sys.stdout, indent=2)
        print()
    else:
        for key, value in ids.items():
            print(f"{key:<22} {', '.join(value) if isinstance(value, list) else value}")
    return 0


def seed(database: Any) -> dict[str, Any]:
    """Create the demo data once; a second call returns the ids already there."""
    from qclinic.storage.repositories import organizations as orgs

    with database.session() as session:
        existing = orgs.list_organizations(session, search=DEMO_CODE, limit=1)
        if existing:
            return _existing_ids(session, existing[0].id)
    from qclinic.storage.library import checklist_content, install_builtin_library

    install_builtin_library(database)
    with database.session() as session:
        checklist = checklists.from_frozen(checklist_content(session, CHECKLIST_ID))
        return _seed(session, database, checklist)


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
        "note": "demo data was already present",
    }


def _seed(session: Any, database: Any, checklist: Checklist) -> dict[str, Any]:
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
        notes="链主企业赣鄱铜业的二级供应商，主营铜合金棒材和异型材。",
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
        notes="首席质量官组织的年度自评。",
    )
    clinic_visit = visits.create_visit(
        session,
        company.id,
        VisitKind.ONSITE_CLINIC,
        date(2026, 3, 12),
        site_id=site.id,
        lead_consultant_id=consultant.id,
        notes="质量强链专项质量义诊，覆盖计量、标准、认证和特种设备。",
    )
    follow_up = visits.create_visit(
        session,
        company.id,
        VisitKind.FOLLOW_UP,
        date(2026, 9, 20),
        site_id=site.id,
        lead_consultant_id=consultant.id,
        notes="整改效果跟踪回访。",
    )
    source = dict(checklist.source)
    earlier = assessments.start_assessment(
        session,
        company.id,
        checklist.id,
        checklist.version,
        source,
        "2025 年度质量自评",
        visit_id=self_visit.id,
    )
    _answer_all(session, database, earlier.id, checklist, shift=-1)
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
        "2026 质量门诊综合诊断",
        visit_id=clinic_visit.id,
    )
    scored = _answer_all(session, database, current.id, checklist, shift=0)
    assessments.set_assessment_status(session, current.id, AssessmentStatus.COMPLETED)

    findings = _findings(session, current.id, checklist, scored)
    cases = _cases(session, company.id, clinic_visit.id)
    actions = _actions(session, company.id, findings, cases)
    from qclinic.storage.assessment_scoring import score_assessment

    session.flush()
    for assessment_id in (earlier.id, current.id):
        score_assessment(session, assessment_id, cache=True)
    return {
        "organization": company.id,
        "chain_leader": leader.id,
        "site": site.id,
        "visits": [self_visit.id, clinic_visit.id, follow_up.id],
        "assessments": [earlier.id, current.id],
        "completed_assessment": current.id,
        "findings": [f.id for f in findings],
        "cases": [c.id for c in cases],
        "actions": [a.id for a in actions],
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


def _answer_all(
    session: Any, database: Any, assessment_id: str, checklist: Checklist, shift: int
) -> dict[str, float]:
    from qclinic.storage.repositories import answers, attachments

    scored: dict[str, float] = {}
    for index, question in enumerate(checklist.questions()):
        if question.type in ("photo", "signature") or question.repeated:
            continue
        value = _pick(question, shift)
        points = score_of(question, value)
        note = None
        if points is not None:
            scored[question.id] = points
            limit = question.note_required_at_or_below
            if limit is not None and points <= limit:
                note = NOTES[index % len(NOTES)]
        answers.save_answer(session, assessment_id, question.id, value, note=note)
        limit = question.photo_required_at_or_below
        if points is not None and limit is not None and points <= limit:
            attachments.add_attachment(
                session,
                database.blobs,
                _evidence_png(index),
                f"{question.id}-现场照片.png",
                mime_type="image/png",
                caption="现场取证照片",
                assessment_id=assessment_id,
                question_id=question.id,
            )
    return scored


def _findings(
    session: Any, assessment_id: str, checklist: Checklist, scored: dict[str, float]
) -> list[Any]:
    from qclinic.storage.repositories import improvement

    lowest = sorted(scored.items(), key=lambda item: (item[1], item[0]))[:4]
    findings = []
    for qid, points in lowest:
        question = checklist.question(qid)
        severity = (
            FindingSeverity.MAJOR_NC
            if points <= 20
            else FindingSeverity.MINOR_NC
            if points <= 50
            else FindingSeverity.OBSERVATION
        )
        findings.append(
            improvement.create_finding(
                session,
                assessment_id,
                severity,
                f"{qid}：{question.text.zh[:40]}",
                nqi_category=NqiCategory(question.category or NqiCategory.QUALITY_MANAGEMENT),
                question_id=qid,
                description="现场诊断发现该项要求未有效落实。",
                evidence="抽查近三个月记录及现场询问操作人员。",
            )
        )
    best = max(scored.items(), key=lambda item: (item[1], item[0]))[0]
    findings.append(
        improvement.create_finding(
            session,
            assessment_id,
            FindingSeverity.GOOD_PRACTICE,
            f"{best}：做法值得在链上推广",
            nqi_category=NqiCategory(
                checklist.question(best).category or NqiCategory.QUALITY_MANAGEMENT
            ),
            question_id=best,
            description="该项管理规范、记录完整，可作为链上企业的样板。",
        )
    )
    return findings


#: (category, title, symptom, diagnosis, prescription, how far it got, resolved on)
CASES = (
    (
        NqiCategory.METROLOGY,
        "三坐标测量机校准后复测数据偏差大",
        "同一零件复测偏差达 0.02 mm，客户对出厂尺寸报告提出质疑。",
        "校准证书只覆盖了单轴示值误差，未包含探测误差；测量室温度未受控。",
        "委托具备 CNAS 认可的校准机构按 JJF 1064 全项校准；测量室加装恒温并记录温湿度。",
        CaseStatus.RESOLVED,
        date(2026, 5, 18),
    ),
    (
        NqiCategory.SPECIAL_EQUIPMENT,
        "熔铸车间桥式起重机定期检验即将到期",
        "起重机使用登记证显示下次检验日期为 2026-04-01，企业未提出检验申请。",
        "特种设备安全管理员岗位空缺，定期检验无人跟踪。",
        "一个月内向特种设备检验机构申请定期检验；任命持证安全管理员并建立到期提醒台账。",
        CaseStatus.PRESCRIBED,
        None,
    ),
    (
        NqiCategory.STANDARDS,
        "出口订单的产品执行标准不清楚",
        "海外客户要求按 ASTM B16 交货，企业仍按 GB/T 4423 检验。",
        "",
        "",
        CaseStatus.REGISTERED,
        None,
    ),
)


def _cases(session: Any, organization_id: str, visit_id: str) -> list[Any]:
    from qclinic.storage.repositories import improvement

    steps = list(CaseStatus)  # registered → diagnosed → prescribed → resolved
    cases = []
    for category, title, symptom, diagnosis, prescription, reached, resolved_on in CASES:
        case = improvement.create_case(
            session, organization_id, category, title, symptom=symptom, visit_id=visit_id
        )
        if diagnosis:
            improvement.update_case(
                session, case.id, diagnosis=diagnosis, prescription=prescription
            )
        for status in steps[1 : steps.index(reached) + 1]:
            on = resolved_on if status is CaseStatus.RESOLVED else None
            improvement.set_case_status(session, case.id, status, resolved_on=on)
        cases.append(case)
    return cases


def _actions(
    session: Any, organization_id: str, findings: list[Any], cases: list[Any]
) -> list[Any]:
    from qclinic.storage.repositories import improvement

    plan = [
        ("补齐记录并建立月度检查机制", "王丽", date(2026, 4, 30), Priority.HIGH, ActionStatus.OPEN),
        (
            "修订程序文件并组织车间培训",
            "质量部 刘洋",
            date(2026, 5, 31),
            Priority.MEDIUM,
            ActionStatus.IN_PROGRESS,
        ),
        (
            "完成整改并提交证据",
            "生产部 孙伟",
            date(2026, 6, 30),
            Priority.MEDIUM,
            ActionStatus.DONE,
        ),
        ("纳入内审重点并验证有效性", "王丽", date(2026, 8, 31), Priority.LOW, ActionStatus.OPEN),
    ]
    actions = []
    nonconformities = [f for f in findings if f.severity != FindingSeverity.GOOD_PRACTICE]
    for finding, (title, owner, due, priority, status) in zip(nonconformities, plan, strict=False):
        action = improvement.create_action(
            session,
            organization_id,
            title,
            finding_id=finding.id,
            owner=owner,
            due_date=due,
            priority=priority,
            description=f"针对发现项：{finding.title}",
        )
        if status != ActionStatus.OPEN:
            if status == ActionStatus.DONE:
                improvement.set_action_status(session, action.id, ActionStatus.IN_PROGRESS)
            improvement.set_action_status(session, action.id, status)
        actions.append(action)
    for case, (title, owner, due) in zip(
        cases,
        [
            ("全项校准三坐标并加装恒温控制", "计量室 周敏", date(2026, 5, 15)),
            ("申请起重机定期检验并任命安全管理员", "设备部 吴刚", date(2026, 4, 10)),
            ("确认出口产品执行标准并更新检验规程", "技术部 郑华", date(2026, 6, 15)),
        ],
        strict=True,
    ):
        actions.append(
            improvement.create_action(
                session,
                organization_id,
                title,
                case_id=case.id,
                owner=owner,
                due_date=due,
                priority=Priority.HIGH,
            )
        )
    return actions


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
