"""Everything a report shows, read from the database into plain, frozen, language-neutral values.

:func:`load_report_data` is the only place the reports touch the database. The result carries both
languages of every text, so a Chinese and an English print of the same data share one
:func:`data_hash`: the SHA-256 of :func:`canonical_json` (sorted keys, compact separators, floats
rounded, no printing time). The hash goes on every page footer and into the PDF metadata;
``qclinic report verify`` recomputes it from the database to tell whether a printed copy still
matches. Settings (issuing body, logo) are presentation, not data, and stay out of the hash.

SPC/MSA evidence on a question is a pair of attachments: the chart as an image (PNG) and the
analysis result dict (the ``--json`` shapes of docs/SPC.md) as a JSON attachment with
``mime_type="application/vnd.qclinic.analysis+json"``. The image whose file name has the same stem
as the JSON (``xbar-r.png`` + ``xbar-r.json``) is that analysis's chart; failing that, a question
with one analysis and one image pairs them. Other images on the question are evidence photos.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import PurePosixPath
from typing import Any

from qclinic.core.checklists import Checklist, Question, Text

ANALYSIS_MIME = "application/vnd.qclinic.analysis+json"
_EMPTY = Text("", "")


@dataclass(frozen=True)
class Photo:
    sha256: str
    file_name: str
    caption: str


@dataclass(frozen=True)
class Analysis:
    """An SPC/MSA result attached to a question, with its chart image if there is one."""

    file_name: str
    result: dict[str, Any]
    chart: Photo | None


@dataclass(frozen=True)
class QuestionRow:
    id: str
    section_id: str
    text: Text
    clause: str
    critical: bool
    answer: Text  # the answer as printed; empty when not answered
    answered: bool
    is_na: bool
    score: float | None  # 0–100, None when not scored
    note: str
    photos: tuple[Photo, ...]
    analyses: tuple[Analysis, ...]


@dataclass(frozen=True)
class SectionRow:
    id: str
    title: Text
    level: int
    percent: float | None
    previous_percent: float | None
    evaluated: int
    questions: int
    maturity: float | None


@dataclass(frozen=True)
class TraceLine:
    message: Text
    applied: bool
    grade: str | None


@dataclass(frozen=True)
class WhatIfLine:
    target: str
    achievable: bool
    percent_after: float | None
    changes: tuple[Text, ...]


@dataclass(frozen=True)
class FindingRow:
    id: str
    severity: str
    category: str
    title: str
    description: str
    evidence: str
    question_id: str


@dataclass(frozen=True)
class ActionRow:
    id: str
    title: str
    description: str
    owner: str
    due_date: str  # ISO date or ""
    priority: str
    status: str
    source: str  # the finding or case it was raised from


@dataclass(frozen=True)
class CaseRow:
    id: str
    category: str
    title: str
    symptom: str
    diagnosis: str
    prescription: str
    status: str
    resolved_on: str


@dataclass(frozen=True)
class SignatureRow:
    role: str
    name: str
    signed_at: str  # ISO UTC (printed in local time with its offset: reports.times)
    image: Photo | None


@dataclass(frozen=True)
class TeamRow:
    """A member of the expert team as printed (the phone number stays in the database)."""

    name: str
    role: str  # "lead" | "member"
    affiliation: str
    qualification: str


#: Fields added to ReportData after copies were issued: left out of the canonical JSON while
#: empty, so the data hash of an assessment without them is what it was when it was printed.
_LATER_FIELDS = ("team",)


@dataclass(frozen=True)
class ReportData:
    """What the diagnostic report shows; plain values only."""

    assessment_id: str
    title: str
    status: str
    revision_no: int
    organization: str
    credit_code: str
    region: str
    site: str
    site_address: str
    visit_date: str
    visit_kind: str
    consultants: tuple[str, ...]
    checklist_id: str
    checklist_version: str
    checklist_title: Text
    percent: float | None
    grade: str | None
    grade_label: Text | None
    maturity: float | None
    trace: tuple[TraceLine, ...]
    what_if: WhatIfLine | None
    previous_title: str
    previous_date: str
    previous_percent: float | None
    sections: tuple[SectionRow, ...]
    questions: tuple[QuestionRow, ...]
    findings: tuple[FindingRow, ...]
    actions: tuple[ActionRow, ...]
    cases: tuple[CaseRow, ...]
    signatures: tuple[SignatureRow, ...]
    team: tuple[TeamRow, ...] = ()  # the expert team, lead first (empty before schema 0007)

    @property
    def signed(self) -> bool:
        """Whether the assessment is signed (a report of it is no longer a draft)."""
        return self.status == "signed"


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {str(k): _round(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_round(v) for v in value]
    return value


def canonical_json(value: Any) -> str:
    """Deterministic JSON of a dataclass or dict: sorted keys, compact, floats to 4 dp."""
    plain = asdict(value) if hasattr(value, "__dataclass_fields__") else value
    if isinstance(value, ReportData):
        plain = {k: v for k, v in plain.items() if k not in _LATER_FIELDS or v}
    return json.dumps(_round(plain), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def data_hash(value: Any) -> str:
    """SHA-256 (hex) of :func:`canonical_json` of *value*."""
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def _answer_text(question: Question, value: Any, is_na: bool) -> Text:
    from qclinic.reports.i18n import label

    if is_na:
        return Text("不适用", "N/A")
    if value is None:
        return _EMPTY
    if question.type == "yes-no":
        return Text(label(str(value), "zh"), label(str(value), "en"))
    if question.type in ("single", "multi"):
        values = value if isinstance(value, list) else [value]
        labels = [o.label if (o := question.option(v)) else Text(str(v), str(v)) for v in values]
        return Text("、".join(x.zh for x in labels), ", ".join(x.en for x in labels))
    if question.type in ("maturity",):
        return Text(f"{value} / 5", f"{value} / 5")
    if question.type == "vda":
        return Text(f"{value} / 10", f"{value} / 10")
    unit = f" {question.unit}" if question.unit else ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return Text(f"{value}{unit}", f"{value}{unit}")


def _attachments(rows: list[Any]) -> tuple[tuple[Photo, ...], tuple[Analysis, ...], list[Any]]:
    """Split a question's attachment rows into photos and analyses (JSON rows need reading)."""
    images = [r for r in rows if r.mime_type.startswith("image/")]
    jsons = [r for r in rows if r.mime_type == ANALYSIS_MIME]
    return (
        tuple(Photo(r.sha256, r.file_name, r.caption) for r in images),
        (),
        jsons,
    )


def _pair_analyses(
    photos: tuple[Photo, ...], jsons: list[Any], read_blob: Any
) -> tuple[tuple[Photo, ...], tuple[Analysis, ...]]:
    remaining = list(photos)
    analyses = []
    for row in jsons:
        try:
            result = json.loads(read_blob(row.sha256).decode("utf-8"))
        except (OSError, ValueError):
            result = {"analysis": "unreadable"}
        stem = PurePosixPath(row.file_name).stem
        chart = next((p for p in remaining if PurePosixPath(p.file_name).stem == stem), None)
        if chart is None and len(jsons) == 1 and len(remaining) == 1:
            chart = remaining[0]
        if chart is not None:
            remaining.remove(chart)
        analyses.append(Analysis(row.file_name, result if isinstance(result, dict) else {}, chart))
    return tuple(remaining), tuple(analyses)


def load_report_data(database: Any, assessment_id: str) -> ReportData:
    """Read and score the assessment *assessment_id* into a :class:`ReportData`.

    Raises:
        qclinic.storage.errors.NotFound: No such live assessment.
    """
    from sqlalchemy import and_, or_, select

    from qclinic.storage.assessment_scoring import load_checklist, score_assessment
    from qclinic.storage.models import Action, Attachment, ClinicCase, Person, Site
    from qclinic.storage.repositories import answers, assessments, improvement, organizations
    from qclinic.storage.repositories import visits as visit_repo
    from qclinic.storage.repositories.team import list_team

    with database.read_session() as s:
        assessment = assessments.get_assessment(s, assessment_id)
        checklist: Checklist = load_checklist(s, assessment_id)
        result = score_assessment(s, assessment_id)
        # a deleted organization's reports still print (its history stays readable)
        org = organizations.get_organization(s, assessment.organization_id, include_deleted=True)
        visit = visit_repo.get_visit(s, assessment.visit_id) if assessment.visit_id else None
        site = s.get(Site, visit.site_id) if visit and visit.site_id else None
        signatures = assessments.list_signatures(s, assessment_id)
        team = [
            TeamRow(m.name, str(m.role), m.affiliation, m.qualification)
            for m in list_team(s, assessment_id)
        ]
        consultants: list[str] = [m.name for m in team]
        if not team and visit and visit.lead_consultant_id:
            lead = s.get(Person, visit.lead_consultant_id)
            if lead is not None:
                consultants.append(lead.name)
        consultants += [
            sig.signer_name
            for sig in signatures
            if sig.signer_role in ("consultant", "lead") and sig.signer_name not in consultants
        ]
        stored = answers.answers_by_key(s, assessment_id)
        attachment_rows = list(
            s.scalars(
                select(Attachment)
                .where(Attachment.assessment_id == assessment_id, Attachment.deleted_at.is_(None))
                .order_by(Attachment.id)
            )
        )
        findings = improvement.list_findings(s, assessment_id)
        finding_titles = {f.id: f.title for f in findings}
        cases: list[Any] = []
        if visit is not None:
            cases = list(
                s.scalars(
                    select(ClinicCase)
                    .where(ClinicCase.visit_id == visit.id, ClinicCase.deleted_at.is_(None))
                    .order_by(ClinicCase.id)
                )
            )
        case_titles = {c.id: c.title for c in cases}
        conditions: list[Any] = []
        if finding_titles:
            conditions.append(Action.finding_id.in_(finding_titles))
        if case_titles:
            # a case's action raised from a finding of another revision belongs to that one
            conditions.append(
                and_(
                    Action.case_id.in_(case_titles),
                    or_(Action.finding_id.is_(None), Action.finding_id.in_(finding_titles)),
                )
            )
        actions: list[Any] = []
        if conditions:
            actions = list(
                s.scalars(
                    select(Action)
                    .where(Action.deleted_at.is_(None), or_(*conditions))
                    .order_by(Action.due_date.is_(None), Action.due_date, Action.id)
                )
            )
        previous = _previous(s, assessment)
        previous_scores: dict[str, float | None] = {}
        previous_percent = None
        previous_date = ""
        if previous is not None:
            earlier = score_assessment(s, previous.id)
            previous_scores = {sec.id: sec.percent for sec in earlier.sections}
            previous_percent = earlier.percent
            if previous.visit_id:
                previous_date = visit_repo.get_visit(s, previous.visit_id).visit_date.isoformat()

        by_question: dict[tuple[str, str], list[Any]] = {}
        for row in attachment_rows:
            by_question.setdefault((row.question_id or "", row.instance_key or ""), []).append(row)
        questions = []
        for question in checklist.questions():
            if question.repeated or question.type in ("photo", "signature"):
                continue
            stored_answer = stored.get((question.id, ""))
            photos, _, jsons = _attachments(by_question.get((question.id, ""), []))
            photos, analyses = _pair_analyses(photos, jsons, database.blobs.read_bytes)
            is_na = bool(stored_answer and stored_answer.is_na)
            value = stored_answer.value if stored_answer else None
            questions.append(
                QuestionRow(
                    id=question.id,
                    section_id=question.section_path[-1] if question.section_path else "",
                    text=question.text,
                    clause=question.clause or "",
                    critical=question.critical,
                    answer=_answer_text(question, value, is_na),
                    answered=stored_answer is not None,
                    is_na=is_na,
                    score=result.question_scores.get((question.id, "")),
                    note=stored_answer.note if stored_answer else "",
                    photos=photos,
                    analyses=analyses,
                )
            )
        what_if = None
        if result.what_if is not None:
            w = result.what_if
            what_if = WhatIfLine(
                w.target, w.achievable, w.percent_after, tuple(c.text for c in w.changes)
            )
        return ReportData(
            assessment_id=assessment.id,
            title=assessment.title,
            status=str(assessment.status),
            revision_no=assessment.revision_no,
            organization=org.name,
            credit_code=org.uscc or "",
            region=org.region or "",
            site=site.name if site else "",
            site_address=site.address if site else "",
            visit_date=visit.visit_date.isoformat() if visit else "",
            visit_kind=str(visit.kind) if visit else "",
            consultants=tuple(consultants),
            checklist_id=checklist.id,
            checklist_version=checklist.version,
            checklist_title=checklist.title,
            percent=result.percent,
            grade=result.grade,
            grade_label=result.grade_label,
            maturity=result.maturity,
            trace=tuple(TraceLine(e.message, e.applied, e.grade) for e in result.trace),
            what_if=what_if,
            previous_title=previous.title if previous else "",
            previous_date=previous_date,
            previous_percent=previous_percent,
            sections=tuple(
                SectionRow(
                    sec.id,
                    sec.title,
                    sec.level,
                    sec.percent,
                    previous_scores.get(sec.id),
                    sec.evaluated,
                    sec.questions,
                    sec.maturity,
                )
                for sec in result.sections
            ),
            questions=tuple(questions),
            findings=tuple(
                FindingRow(
                    f.id,
                    str(f.severity),
                    str(f.nqi_category or ""),
                    f.title,
                    f.description,
                    f.evidence,
                    f.question_id or "",
                )
                for f in findings
            ),
            actions=tuple(
                ActionRow(
                    a.id,
                    a.title,
                    a.description,
                    a.owner,
                    a.due_date.isoformat() if a.due_date else "",
                    str(a.priority),
                    str(a.status),
                    finding_titles.get(a.finding_id or "", "")
                    or case_titles.get(a.case_id or "", ""),
                )
                for a in actions
            ),
            cases=tuple(
                CaseRow(
                    c.id,
                    str(c.nqi_category),
                    c.title,
                    c.symptom,
                    c.diagnosis,
                    c.prescription,
                    str(c.status),
                    c.resolved_on.isoformat() if c.resolved_on else "",
                )
                for c in cases
            ),
            signatures=tuple(
                SignatureRow(
                    str(sig.signer_role),
                    sig.signer_name,
                    sig.signed_at.isoformat(timespec="seconds"),
                    Photo(sig.image_sha256, "signature", "") if sig.image_sha256 else None,
                )
                for sig in signatures
            ),
            team=tuple(team),
        )


def _previous(session: Any, assessment: Any) -> Any:
    """The latest earlier, non-draft assessment of the same organization and checklist."""
    from sqlalchemy import select

    from qclinic.storage.models import Assessment

    query = (
        select(Assessment)
        .where(
            Assessment.organization_id == assessment.organization_id,
            Assessment.checklist_id == assessment.checklist_id,
            Assessment.id < assessment.id,
            Assessment.id != assessment.amends_id
            if assessment.amends_id
            else Assessment.id.is_not(None),
            Assessment.deleted_at.is_(None),
            Assessment.status != "draft",
        )
        .order_by(Assessment.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()
