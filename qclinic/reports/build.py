"""Building the PDFs: the diagnostic report (:func:`build_report`) and the plan (in ``plan.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qclinic.core.catalogue import say
from qclinic.reports import detail, outcomes_section, sections
from qclinic.reports.data import ReportData, data_hash, load_report_data
from qclinic.reports.document import PageInfo, make_document
from qclinic.reports.i18n import check_language, t
from qclinic.reports.images import Picture, loader, picture
from qclinic.reports.radar import RadarChart
from qclinic.reports.styles import FRAME_WIDTH, mm


@dataclass(frozen=True)
class BuiltReport:
    """What was written: where, its document id, the data hash and the page count."""

    path: Path
    document_id: str
    data_hash: str
    pages: int


def document_id(data: ReportData, kind: str) -> str:
    """The id of a document of *data* not numbered in the register (R = report, P = plan).

    Issued copies get ``-<copy number>`` after it (:func:`qclinic.reports.issue.prepare`).
    """
    from qclinic.reports.issue import document_id as make_id

    return make_id(data.assessment_id, data.revision_no, kind, None)


def _logo(logo_path: str) -> Picture | None:
    if not logo_path:
        return None
    try:
        return picture(Path(logo_path).expanduser().read_bytes(), 60 * mm, 22 * mm)
    except OSError:
        return None


def _radar(data: ReportData, lang: str) -> RadarChart | None:
    top = [sec for sec in data.sections if sec.level == 1]
    if len(top) < 3:
        return None
    labels = [sec.title.get(lang) for sec in top]
    series: list[tuple[str, list[float | None]]] = []
    if data.previous_percent is not None:
        series.append(
            (data.previous_date or t("previous", lang), [sec.previous_percent for sec in top])
        )
    series.append((data.visit_date or data.title, [sec.percent for sec in top]))
    return RadarChart(labels, series, FRAME_WIDTH * 0.82, 118 * mm)


def contents_entries(data: ReportData, lang: str) -> list[tuple[str, int, str]]:
    """The contents: the report's parts and, under the question detail, its sections."""
    entries = [
        ("summary", 0, t("summary", lang)),
        ("sections", 0, t("sections", lang)),
        ("questions", 0, t("questions", lang)),
    ]
    top_sections = [sec for sec in data.sections if sec.level == 1]
    if len(top_sections) <= 24:
        entries += [(f"q-{sec.id}", 1, f"{sec.id}  {sec.title.get(lang)}") for sec in top_sections]
    entries += [(key, 0, t(key, lang)) for key in ("findings", "plan", "cases")]
    if data.outcomes:
        entries.append(("outcomes", 0, say("outcomes.section", lang)))
    entries.append(("signoff", 0, t("signoff", lang)))
    return entries


def render_report(
    data: ReportData,
    out: Path,
    lang: str,
    read_blob: Any,
    *,
    issuing_body: str = "",
    logo_path: str = "",
    doc_id: str | None = None,
    seal: str | None = None,
) -> BuiltReport:
    """Write the diagnostic report of *data* to *out* in *lang* (``zh`` or ``en``).

    *doc_id* and *seal* come from :func:`qclinic.reports.issue.prepare` for an issued copy.
    """
    lang = check_language(lang)
    digest = data_hash(data)
    info = PageInfo(
        lang=lang,
        title=t("report_title", lang),
        organization=data.organization,
        document_id=doc_id or document_id(data, "report"),
        data_hash=digest,
        assessment_id=data.assessment_id,
        kind="report",
        draft=not data.signed,
        subject=f"{data.checklist_id} {data.checklist_version}",
        author=issuing_body or "QClinic",
        seal=seal or "",
    )
    load = loader(read_blob)
    detail.prefetch(data, load)
    story = sections.cover(data, info, _logo(logo_path), issuing_body)
    story += sections.contents(contents_entries(data, lang), info)
    story += sections.summary(data, info)
    story += sections.section_table(data, info, _radar(data, lang))
    story += detail.questions(data, info, load)
    story += sections.findings(data, info)
    story += sections.plan(data, info)
    story += sections.cases(data, info)
    story += outcomes_section.outcomes(data, info)
    story += sections.signoff(data, info, load)
    out.parent.mkdir(parents=True, exist_ok=True)
    document = make_document(out, info)
    document.build(story, canvasmaker=_canvas(info))
    return BuiltReport(out, info.document_id, digest, document.page)


def _canvas(info: PageInfo) -> Any:
    from qclinic.reports.document import canvas_class

    return canvas_class(info)


def build_report(
    database: Any,
    assessment_id: str,
    out: Path,
    lang: str,
    *,
    issuing_body: str = "",
    logo_path: str = "",
) -> BuiltReport:
    """Read the assessment from *database*, write its diagnostic report to *out*, register it.

    Raises:
        SealBroken: The assessment is signed but its content changed after signing.
    """
    from qclinic.reports import issue

    data = load_report_data(database, assessment_id)
    prepared = issue.prepare(database, data, "report")
    built = render_report(
        data,
        out,
        lang,
        database.blobs.read_bytes,
        issuing_body=issuing_body,
        logo_path=logo_path,
        doc_id=prepared.document_id,
        seal=prepared.seal,
    )
    issue.register(database, out, built, data, "report", lang, prepared.seal)
    return built
