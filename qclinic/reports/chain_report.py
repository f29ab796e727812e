"""The chain report (产业链质量诊断报告): a chain's figures for one period, as a verifiable PDF.

For the chain leader and the market regulator: cover, contents, summary figures (companies,
grades and their movement, services and problems by NQI field), the 4 × 100% coverage and the
charts, one table per tier (each company's grade and trend, 4 × 100% status, open and overdue
actions), the problems solved, and a closing page. It is laid out by the assessment report's
machinery (:mod:`.document`: one pass, footer with the document id and the data SHA-256, metadata,
bookmarks) and checked the same way: :func:`render_chain_report` writes, :func:`issue_fields`
describes the written copy for the register (:mod:`qclinic.storage.repositories.chain_documents`),
and ``qclinic report verify`` finds it there by its bytes (:mod:`.chain_verify`).

Document ids are ``QC-C-<last 10 hex digits of the chain id>-<copy>``. The data hash is the
SHA-256 of the canonical JSON of :class:`~qclinic.reports.chain_data.ChainReportData` (both
languages share it); the printing day is presentation and not in it.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from qclinic.core.catalogue import text as find_text
from qclinic.reports import chain_referrals, chain_sections, outcome_totals
from qclinic.reports.build import BuiltReport
from qclinic.reports.chain_charts import say
from qclinic.reports.chain_data import ChainReportData
from qclinic.reports.data import data_hash
from qclinic.reports.document import PageInfo, canvas_class, make_document
from qclinic.reports.i18n import check_language

KIND = "chain"
#: the part of the referrals delivered (供需对接); copies issued before it existed lack it
REFERRALS_PART = "referrals"


def document_id(chain_id: str, serial: int | None) -> str:
    """``QC-C-<last 10 hex of the chain>[-<copy>]``."""
    short = chain_id.replace("-", "")[-10:].upper()
    base = f"QC-C-{short}"
    return base if serial is None else f"{base}-{serial:03d}"


def contents_entries(data: ChainReportData, lang: str) -> list[tuple[str, int, str]]:
    """The contents: the report's parts and, under the tables, one line per tier."""
    entries = [
        ("summary", 0, say("summary", lang)),
        ("charts", 0, say("charts", lang)),
        ("members", 0, say("members", lang)),
    ]
    entries += [
        (f"tier-{tier}", 1, chain_sections.tier_title(tier, lang)) for tier, _rows in data.tiers()
    ]
    entries.append(("solved", 0, say("solved_heading", lang)))
    if data.referral_lines:
        entries.append(("referrals", 0, say("referrals_heading", lang)))
    if data.outcomes:
        entries.append(("outcomes", 0, find_text("outcomes.section").get(lang)))
    entries.append(("closing", 0, say("closing", lang)))
    return entries


def render_chain_report(
    data: ChainReportData,
    out: Path,
    lang: str,
    *,
    issuing_body: str = "",
    doc_id: str | None = None,
    printed: date | None = None,
) -> BuiltReport:
    """Write the chain report of *data* to *out* in *lang* (``zh`` or ``en``).

    *doc_id* is the issued copy's id (:func:`document_id` with its copy number); *printed* the
    printing day shown on the cover (today when not given; not part of the hash).
    """
    from qclinic.reports.sections import contents

    lang = check_language(lang)
    digest = data_hash(data)
    info = PageInfo(
        lang=lang,
        title=say("title", lang),
        organization=data.name,
        document_id=doc_id or document_id(data.chain_id, None),
        data_hash=digest,
        assessment_id="",
        chain_id=data.chain_id,
        kind=KIND,
        draft=False,
        subject=chain_sections.period_text(data, lang),
        author=issuing_body or "QClinic",
    )
    day = (printed or date.today()).isoformat()
    story = chain_sections.cover(data, info, issuing_body, day)
    story += contents(contents_entries(data, lang), info)
    story += chain_sections.summary(data, info)
    story += chain_sections.coverage(data, info)
    story += chain_sections.tier_tables(data, info)
    story += chain_sections.solved_cases(data, info)
    story += chain_referrals.referrals(data, info)
    story += outcome_totals.outcomes(data, info)
    story += chain_sections.closing(data, info, issuing_body)
    out.parent.mkdir(parents=True, exist_ok=True)
    document = make_document(out, info)
    document.build(story, canvasmaker=canvas_class(info))
    return BuiltReport(out, info.document_id, digest, document.page)


def _hash(value: Any) -> str:
    def plain(item: Any) -> Any:
        return {f.name: getattr(item, f.name) for f in fields(item)}

    text = json.dumps(value, default=plain, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parts(data: ChainReportData) -> dict[str, str]:
    """What the report shows, part by part, each as a hash: the header (chain, leaders,
    period), the chain's figures, each company's row and each solved problem — and, apart, the
    open and overdue actions (``actions``), whose progress after printing is expected. The
    referrals delivered (:data:`REFERRALS_PART`, always there) and the outcomes (absent while
    empty) are parts of their own, so the figures of a copy printed before they existed still
    match."""
    from dataclasses import replace

    out = {
        "header": _hash(
            [
                data.name,
                data.sector,
                data.region,
                list(data.leaders),
                data.period_from,
                data.period_to,
            ]
        ),
        "figures": _hash(
            [
                list(data.grades),
                list(data.previous_grades),
                list(data.coverage),
                data.cqo_appointed,
                [data.visits, data.assessments, data.cases],
                list(data.problems),
                list(data.months),
            ]
        ),
        "actions": _hash(
            [
                [data.open_actions, data.overdue_actions],
                [[m.organization_id, m.open_actions, m.overdue_actions] for m in data.members],
            ]
        ),
    }
    for member in data.members:
        row = replace(member, open_actions=0, overdue_actions=0)  # those are in "actions"
        out[f"member:{member.organization_id}"] = _hash(row)
    for case in data.solved:
        out[f"case:{case.id}"] = _hash(case)
    if data.outcomes:  # absent while empty, as in the data hash
        out["outcomes"] = _hash(list(data.outcomes))
    # always, even empty: a copy whose parts lack it was printed before the section existed
    # (verify leaves that part unchecked), one that has it is checked
    out[REFERRALS_PART] = _hash([data.referrals, list(data.referral_lines)])
    return out


def _user() -> str:
    try:
        return getpass.getuser()[:100]
    except (OSError, KeyError, ImportError):
        return "unknown"


def issue_entry(
    path: Path, built: BuiltReport, data: ChainReportData, lang: str, device_id: str
) -> Any:
    """The register entry of the written file *path*: its bytes' SHA-256 and size, what each
    part showed, the period, when, by whom and on which device."""
    from qclinic.reports.issue import file_sha256
    from qclinic.storage.repositories.chain_documents import IssuedChainReport, issued_now

    sha256, size = file_sha256(path)
    return IssuedChainReport(
        document_id=built.document_id,
        chain_id=data.chain_id,
        period_from=data.period_from,
        period_to=data.period_to,
        lang=lang,
        file_sha256=sha256,
        file_size=size,
        pages=built.pages,
        data_sha256=built.data_hash,
        parts=parts(data),
        issued_at=issued_now(),
        issued_by=_user(),
        device_id=device_id,
    )
