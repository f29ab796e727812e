"""From the loaded sources of a report to its :class:`~qclinic.reports.data.ReportData`: pure.

:func:`assemble_report` scores the snapshot through the one answer-set builder (as the runner
and ``qclinic score`` do), and shapes the rows the report prints. It reads no database and no
file: the analysis results attached as evidence come in as bytes (:func:`read_analyses`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from qclinic.core.scoring import ScoreResult, score
from qclinic.reports.data import (
    ANALYSIS_MIME,
    ActionRow,
    CaseRow,
    FindingRow,
    OutcomeLine,
    Photo,
    QuestionRow,
    ReferralLine,
    ReportData,
    SectionRow,
    SignatureRow,
    TeamRow,
    TraceLine,
    WhatIfLine,
    _answer_text,
    _attachments,
    _pair_analyses,
)

if TYPE_CHECKING:
    from qclinic.storage.models import Outcome
    from qclinic.storage.repositories.report_sources import ReferralSource, ReportSources
    from qclinic.storage.snapshot import AssessmentSnapshot, StoredAttachment


def read_analyses(
    snapshot: AssessmentSnapshot, read_bytes: Callable[[str], bytes]
) -> dict[str, bytes | None]:
    """The bytes of each analysis result attached to the snapshot (``None``: unreadable)."""
    out: dict[str, bytes | None] = {}
    for row in snapshot.attachments:
        if row.mime_type == ANALYSIS_MIME and row.sha256 not in out:
            try:
                out[row.sha256] = read_bytes(row.sha256)
            except OSError:
                out[row.sha256] = None
    return out


def assemble_report(sources: ReportSources, analyses: Mapping[str, bytes | None]) -> ReportData:
    """The report's data from its *sources* and the bytes of its attached *analyses*."""
    snapshot = sources.snapshot
    checklist = snapshot.checklist
    result = score(checklist, snapshot.answer_set())
    visit, site, org = sources.visit, sources.site, sources.organization
    team = [TeamRow(m.name, str(m.role), m.affiliation, m.qualification) for m in sources.team]
    consultants: list[str] = [m.name for m in team]
    if not team and sources.lead_consultant is not None:
        consultants.append(sources.lead_consultant)
    consultants += [
        sig.signer_name
        for sig in sources.signatures
        if sig.signer_role in ("consultant", "lead") and sig.signer_name not in consultants
    ]
    previous_scores: dict[str, float | None] = {}
    previous_percent = None
    if sources.previous is not None:
        earlier = score(sources.previous.checklist, sources.previous.answer_set())
        previous_scores = {sec.id: sec.percent for sec in earlier.sections}
        previous_percent = earlier.percent
    finding_titles = {f.id: f.title for f in sources.findings}
    case_titles = {c.id: c.title for c in sources.cases}
    what_if = None
    if result.what_if is not None:
        w = result.what_if
        what_if = WhatIfLine(
            w.target, w.achievable, w.percent_after, tuple(c.text for c in w.changes)
        )
    return ReportData(
        assessment_id=snapshot.assessment_id,
        title=snapshot.title,
        status=str(snapshot.status),
        revision_no=snapshot.revision_no,
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
        previous_title=sources.previous.title if sources.previous else "",
        previous_date=(
            sources.previous_visit_date.isoformat() if sources.previous_visit_date else ""
        ),
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
        questions=_questions(snapshot, result, analyses),
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
            for f in sources.findings
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
                finding_titles.get(a.finding_id or "", "") or case_titles.get(a.case_id or "", ""),
            )
            for a in sources.actions
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
            for c in sources.cases
        ),
        signatures=tuple(
            SignatureRow(
                str(sig.signer_role),
                sig.signer_name,
                sig.signed_at.isoformat(timespec="seconds"),
                Photo(sig.image_sha256, "signature", "") if sig.image_sha256 else None,
            )
            for sig in sources.signatures
        ),
        team=tuple(team),
        outcomes=outcome_lines(sources.outcomes),
        referrals=tuple(referral_line(r) for r in sources.referrals),
    )


def referral_line(source: ReferralSource) -> ReferralLine:
    """A referral of the report's cases or findings as printed."""
    r = source.referral

    def day(value: date | None) -> str:
        return value.isoformat() if value else ""

    return ReferralLine(
        r.id,
        r.case_id or "",
        r.finding_id or "",
        source.provider,
        str(r.nqi_category),
        r.request,
        str(r.status),
        day(r.requested_on),
        day(r.accepted_on),
        day(r.delivered_on),
        day(r.closed_on),
        source.evidence,
    )


def outcome_lines(rows: Sequence[Outcome]) -> tuple[OutcomeLine, ...]:
    """Per kind (vocabulary order) its latest figure and the one before (standards summed over
    their levels), with the sources of the latest period."""
    from qclinic.core import outcomes as rules

    found: list[OutcomeLine] = []
    for change in rules.changes(rules.series((r.kind, r.period, r.value) for r in rows)):
        latest, previous = change.latest, change.previous
        sources = dict.fromkeys(
            r.source
            for r in rows
            if r.kind == change.kind and r.period == latest.period and r.source
        )
        label = rules.kind_label(change.kind)
        found.append(
            OutcomeLine(
                change.kind.value,
                label,
                latest.period.isoformat(),
                rules.formatted(change.kind, latest.value),
                previous.period.isoformat() if previous else "",
                rules.formatted(change.kind, previous.value) if previous else "",
                change.improved,
                "; ".join(sources),
            )
        )
    return tuple(found)


def _questions(
    snapshot: AssessmentSnapshot, result: ScoreResult, analyses: Mapping[str, bytes | None]
) -> tuple[QuestionRow, ...]:
    """One row per printed question: those answered once (not per step), photos and signatures
    aside."""

    def read_blob(sha256: str) -> bytes:
        data = analyses.get(sha256)
        if data is None:
            raise OSError(f"analysis {sha256} could not be read")
        return data

    by_question: dict[tuple[str, str], list[StoredAttachment]] = {}
    for row in snapshot.attachments:
        by_question.setdefault((row.question_id or "", row.instance), []).append(row)
    answers = {(a.question_id, a.instance): a for a in snapshot.answers}
    rows = []
    for question in snapshot.checklist.questions():
        if question.repeated or question.type in ("photo", "signature"):
            continue
        stored = answers.get((question.id, ""))
        photos, _, jsons = _attachments(by_question.get((question.id, ""), []))
        photos, found = _pair_analyses(photos, jsons, read_blob)
        is_na = bool(stored and stored.is_na)
        value = stored.value if stored else None
        rows.append(
            QuestionRow(
                id=question.id,
                section_id=question.section_path[-1] if question.section_path else "",
                text=question.text,
                clause=question.clause or "",
                critical=question.critical,
                answer=_answer_text(question, value, is_na),
                answered=stored is not None,
                is_na=is_na,
                score=result.question_scores.get((question.id, "")),
                note=stored.note if stored else "",
                photos=photos,
                analyses=found,
            )
        )
    return tuple(rows)
