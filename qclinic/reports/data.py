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

from qclinic.core.checklists import Question, Text

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


@dataclass(frozen=True)
class OutcomeLine:
    """One kind of outcome figure as printed: its latest value as of the visit and the one before.

    ``latest`` / ``previous`` are formatted with their unit (``98 %``); ``previous`` is "" when
    the company reported the kind once; ``sources`` names where the latest figure came from.
    """

    kind: str
    label: Text
    latest_period: str
    latest: str
    previous_period: str
    previous: str
    improved: bool | None
    sources: str


@dataclass(frozen=True)
class ReferralLine:
    """A referral (供需对接) of one of the report's cases or findings, as printed: where the
    company was sent, for what, how far it got (each step's ISO date, "" when not reached) and
    the file names of the delivery evidence."""

    id: str
    case_id: str
    finding_id: str
    provider: str
    field: str
    request: str
    status: str
    requested_on: str
    accepted_on: str
    delivered_on: str
    closed_on: str
    evidence: tuple[str, ...]


#: Fields added to ReportData after copies were issued: left out of the canonical JSON while
#: empty, so the data hash of an assessment without them is what it was when it was printed.
_LATER_FIELDS = ("team", "outcomes", "referrals")


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
    #: the company's outcome figures up to the visit, each kind with its change (schema 0016)
    outcomes: tuple[OutcomeLine, ...] = ()
    #: the referrals of its cases and findings (schema 0015), oldest request first
    referrals: tuple[ReferralLine, ...] = ()

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
    later = _LATER_FIELDS if isinstance(value, ReportData) else getattr(value, "LATER_FIELDS", ())
    if later:
        plain = {k: v for k, v in plain.items() if k not in later or v}
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

    The rows come from one read session (``storage.repositories.report_sources``), the analysis
    results from the blob store; :func:`qclinic.reports.assembly.assemble_report` does the rest.

    Raises:
        qclinic.storage.errors.NotFound: No such live assessment.
    """
    from qclinic.reports.assembly import assemble_report, read_analyses
    from qclinic.storage.repositories.report_sources import load_report_sources

    with database.read_session() as session:
        sources = load_report_sources(session, assessment_id)
    return assemble_report(sources, read_analyses(sources.snapshot, database.blobs.read_bytes))
