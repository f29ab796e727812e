"""The diagnostic report as an editable Word document (.docx), for consultants to finish in Word
or WPS before handing it over.

Same data (:func:`qclinic.reports.data.load_report_data`), words (:mod:`qclinic.reports.i18n`)
and order as the PDF (:mod:`qclinic.reports.build`): cover, contents, executive summary with the
radar, section table, every question with answer, note, photos and SPC/MSA evidence, findings,
the improvement plan (overdue actions in red), clinic cases and the sign-off. The radar is a PNG
painted by :mod:`qclinic.reports.docx_radar` like the PDF's vector radar; photos
and charts are rotated and shrunk exactly as for the PDF (:mod:`qclinic.reports.images`).

The PDF stays the signed, verifiable record: the docx carries no data hash, says so in its
footer, and marks "草稿" / "DRAFT" in its header until the assessment is signed.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH

from qclinic.core.catalogue import say
from qclinic.reports import detail
from qclinic.reports import docx_common as w
from qclinic.reports.build import BuiltReport, contents_entries, document_id
from qclinic.reports.data import ReportData, load_report_data
from qclinic.reports.docx_plan import _properties, action_table
from qclinic.reports.i18n import check_language, label, percent, t
from qclinic.reports.images import Picture, loader, picture
from qclinic.reports.referrals_section import referral_text, referrals_of
from qclinic.reports.sections import SEVERITY_ORDER, LoadPicture, _top_findings
from qclinic.reports.styles import FRAME_WIDTH, GRADE_COLOURS, SEVERITY_COLOURS, mm

#: the question table's columns (mm), as the PDF's
QUESTION_COLUMNS = (14, w.FRAME_MM - 98, 24, 14, 46)
RADAR_WIDTH, RADAR_HEIGHT = FRAME_WIDTH * 0.82, 118 * mm  # points, as the PDF's radar


def _hex(colour: Any) -> str:
    return str(colour.hexval())[2:].upper()


def radar_png(data: ReportData, lang: str) -> bytes | None:
    """The radar of the top-level section scores (the previous assessment dashed) as a PNG of
    the PDF radar's size, or None with fewer than three sections."""
    top = [sec for sec in data.sections if sec.level == 1]
    if len(top) < 3:
        return None
    from qclinic.reports.docx_radar import radar_png as paint

    series: list[tuple[str, list[float | None]]] = []
    if data.previous_percent is not None:
        series.append(
            (data.previous_date or t("previous", lang), [sec.previous_percent for sec in top])
        )
    series.append((data.visit_date or data.title, [sec.percent for sec in top]))
    labels = [sec.title.get(lang) for sec in top]
    return paint(labels, series, RADAR_WIDTH, RADAR_HEIGHT, (FRAME_WIDTH - RADAR_WIDTH) / 2)


def _cover(document: Any, data: ReportData, lang: str, logo_path: str, issuing_body: str) -> None:
    w.paragraph(document).paragraph_format.space_before = w.Mm(12)
    if logo_path:
        try:
            logo = picture(Path(logo_path).expanduser().read_bytes(), 60 * mm, 22 * mm)
        except OSError:
            logo = None
        if logo is not None:
            holder = w.paragraph(document)
            holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
            w.picture(holder, logo)
    if issuing_body:
        w.paragraph(document, issuing_body, w.SUBTITLE)
    w.paragraph(document).paragraph_format.space_before = w.Mm(16)
    w.paragraph(document, t("report_title", lang), w.TITLE)
    w.paragraph(document, data.organization, w.SUBTITLE)
    centred = w.paragraph(document, data.title)
    centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
    centred.paragraph_format.space_after = w.Mm(14)
    site = data.site + (f"（{data.site_address}）" if data.site_address else "")
    joiner = "、" if lang == "zh" else ", "
    facts = [
        ("organization", data.organization),
        ("credit_code", data.credit_code),
        ("site", site),
        ("visit_date", data.visit_date),
        ("visit_kind", label(data.visit_kind, lang)),
        ("consultants", joiner.join(data.consultants)),
        (
            "checklist",
            f"{data.checklist_title.get(lang)}  ({data.checklist_id} {t('version', lang)} {data.checklist_version})",
        ),
        ("status", f"{label(data.status, lang)} · Rev. {data.revision_no}"),
        ("document_id", document_id(data, "report")),
    ]
    table = w.table(document, (45, w.FRAME_MM - 70))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, (key, value) in enumerate(facts):
        cells = table.add_row().cells
        w.fill(cells[0], t(key, lang), w.CELL_HEAD)
        w.fill(cells[1], value or "—")
        if index % 2:
            for cell in cells:
                w.shade(cell, w.STRIPE)
    w.page_break(document)


def _summary(document: Any, data: ReportData, lang: str) -> None:
    w.heading(document, t("summary", lang), 1, "summary")
    head = w.table(document, (38, 42, 42, 42), rules=False)
    labels = head.add_row().cells
    values = head.add_row().cells
    badge = labels[0].merge(values[0])
    grade = data.grade or "—"
    w.shade(badge, _hex(GRADE_COLOURS.get(grade, w.RGBColor.from_string(w.MUTED))))
    first = w.fill(badge, grade, bold=True, color="FFFFFF", size=30)
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    under = data.grade_label.get(lang) if data.grade_label else t("no_grade", lang)
    w.paragraph(badge, under, w.CELL, color="FFFFFF", size=10).alignment = WD_ALIGN_PARAGRAPH.CENTER
    maturity = "—" if data.maturity is None else f"{data.maturity:.2f} / 5"
    kpis = (
        ("overall", percent(data.percent), w.INK),
        ("maturity", maturity, w.INK),
        ("previous", percent(data.previous_percent), w.MUTED),
    )
    for column, (key, value, colour) in enumerate(kpis, start=1):
        w.fill(labels[column], t(key, lang), w.MUTED_STYLE)
        w.fill(values[column], value, bold=True, size=22, color=colour)
    if data.previous_date:
        w.paragraph(values[3], data.previous_date, w.MUTED_STYLE)

    w.heading(document, t("why_grade", lang), 3)
    for entry in sorted(data.trace, key=lambda e: not e.applied):
        line = w.paragraph(document)
        w.text(line, "▶ " if entry.applied else "· ", bold=entry.applied)
        w.text(line, entry.message.get(lang), bold=entry.applied)

    if data.what_if is not None:
        w.heading(document, t("what_if", lang), 3)
        what = data.what_if
        if what.achievable:
            w.paragraph(
                document,
                t(
                    "what_if_yes",
                    lang,
                    n=len(what.changes),
                    percent=percent(what.percent_after),
                    grade=what.target,
                ),
            )
            texts = {q.id: q.text.get(lang) for q in data.questions}
            table = w.table(
                document, (36, w.FRAME_MM - 36), [t("change", lang), t("question", lang)]
            )
            for change in what.changes:
                line = change.get(lang)
                w.row(table, [line, texts.get(line.split("：" if lang == "zh" else ":")[0], "")])
        else:
            w.paragraph(document, t("what_if_no", lang, grade=what.target))

    w.heading(document, t("top_findings", lang), 3)
    top = _top_findings(data.findings)
    if not top:
        w.paragraph(document, t("no_findings", lang))
    for finding in top:
        line = w.paragraph(document)
        colour = _hex(SEVERITY_COLOURS.get(finding.severity, w.RGBColor.from_string(w.MUTED)))
        w.text(line, label(finding.severity, lang), bold=True, color=colour)
        w.text(line, "  " + finding.title)

    png = radar_png(data, lang)
    if png is not None:
        w.heading(document, t("radar", lang), 3)
        holder = w.paragraph(document)
        holder.alignment = WD_ALIGN_PARAGRAPH.CENTER
        holder.paragraph_format.keep_with_next = True
        holder.add_run().add_picture(io.BytesIO(png), width=w.Pt(FRAME_WIDTH))
        if data.previous_date:
            note = w.paragraph(
                document, t("radar_previous", lang, date=data.previous_date), w.MUTED_STYLE
            )
            note.alignment = WD_ALIGN_PARAGRAPH.CENTER
    w.page_break(document)


def _section_table(document: Any, data: ReportData, lang: str) -> None:
    w.heading(document, t("sections", lang), 1, "sections")
    keys = ("section", "score", "previous", "change", "evaluated", "maturity")
    table = w.table(document, (w.FRAME_MM - 104, 18, 20, 18, 26, 22), [t(k, lang) for k in keys])
    for sec in data.sections:
        change = "—"
        if sec.percent is not None and sec.previous_percent is not None:
            change = f"{sec.percent - sec.previous_percent:+.1f}"
        indent = "    " * (sec.level - 1)
        w.row(
            table,
            [
                f"{indent}{sec.id}  {sec.title.get(lang)}",
                percent(sec.percent),
                percent(sec.previous_percent),
                change,
                f"{sec.evaluated} / {sec.questions}",
                "—" if sec.maturity is None else f"{sec.maturity:.2f}",
            ],
            right=(1, 2, 3, 4, 5),
        )


def _photos(cell: Any, photos: tuple[Any, ...], load: LoadPicture, lang: str) -> int:
    """Thumbnails three to a row, each with its caption; returns how many were placed."""
    shown = [
        (p, image)
        for p in photos
        if (image := load(p.sha256, detail.THUMB_W - 4, detail.THUMB_H)) is not None
    ]
    if not shown:
        return 0
    grid = w.table(cell, (58, 58, 58), rules=False)
    for start in range(0, len(shown), 3):
        cells = grid.add_row().cells
        for target, (photo, image) in zip(cells, shown[start : start + 3], strict=False):
            w.picture(target.paragraphs[0], image)
            w.paragraph(target, photo.caption or photo.file_name, w.MUTED_STYLE)
    return len(shown)


def _analysis(cells: Any, analysis: Any, load: LoadPicture, lang: str) -> None:
    """The chart on the left, its key figures on the right (cells already merged in two)."""
    chart_cell, figures_cell = cells
    w.fill(chart_cell, "")
    if analysis.chart is not None:
        image = load(analysis.chart.sha256, detail.CHART_W, detail.CHART_H)
        if image is not None:
            w.picture(chart_cell.paragraphs[0], image)
    figures = w.table(figures_cell, (44, 36), [t("analysis", lang), analysis.file_name])
    for name, value in detail.key_figures(analysis.result, lang):
        w.row(figures, [name, value], right=(1,))


def _questions(document: Any, data: ReportData, lang: str, load: LoadPicture) -> None:
    w.heading(document, t("questions", lang), 1, "questions")
    top_of: dict[str, str] = {}
    current = ""
    for sec in data.sections:
        if sec.level == 1:
            current = sec.id
        top_of[sec.id] = current
    head = ["ID", t("question", lang), t("answer", lang), t("score", lang), t("note", lang)]
    for sec in data.sections:
        members = [q for q in data.questions if top_of.get(q.section_id) == sec.id]
        if sec.level != 1 or not members:
            continue
        w.heading(document, f"{sec.id}  {sec.title.get(lang)}", 2, f"q-{sec.id}")
        table = w.table(document, QUESTION_COLUMNS, head)
        for q in members:
            cells = w.row(
                table,
                [
                    q.id,
                    q.text.get(lang),
                    q.answer.get(lang) if q.answered else t("not_answered", lang),
                    "—" if q.score is None else f"{q.score:.0f}",
                    q.note,
                ],
                right=(3,),
            )
            meta = [q.clause] if q.clause else []
            if q.critical:
                meta.append(t("critical", lang))
            if meta:
                w.paragraph(cells[1], " · ".join(meta), w.MUTED_STYLE)
            if q.photos:
                evidence = table.add_row().cells
                merged = evidence[0].merge(evidence[-1])
                if not _photos(merged, q.photos, load, lang):
                    table._tbl.remove(table.rows[-1]._tr)
            for analysis in q.analyses:
                evidence = table.add_row().cells
                _analysis(
                    (evidence[0].merge(evidence[1]), evidence[2].merge(evidence[4])),
                    analysis,
                    load,
                    lang,
                )


def _findings(document: Any, data: ReportData, lang: str) -> None:
    w.heading(document, t("findings", lang), 1, "findings")
    if not data.findings:
        w.paragraph(document, t("no_findings", lang))
        return
    keys = ("severity", "category", "title", "question")
    table = w.table(document, (30, 28, w.FRAME_MM - 78, 20), [t(k, lang) for k in keys])
    ranked = sorted(
        data.findings,
        key=lambda f: SEVERITY_ORDER.index(f.severity) if f.severity in SEVERITY_ORDER else 9,
    )
    for finding in ranked:
        cells = w.row(
            table,
            [label(finding.severity, lang), label(finding.category, lang), "", finding.question_id],
        )
        colour = _hex(SEVERITY_COLOURS.get(finding.severity, w.RGBColor.from_string(w.MUTED)))
        w.left_bar(cells[0], colour)
        body = cells[2].paragraphs[0]
        w.text(body, finding.title, bold=True)
        if finding.description:
            w.text(body, "\n" + finding.description)
        if finding.evidence:
            w.paragraph(cells[2], f"{t('evidence', lang)}: {finding.evidence}", w.MUTED_STYLE)
        for referral in referrals_of(data, finding_id=finding.id):
            heading = say("referrals.report.heading", lang)
            lines = "\n".join(referral_text(referral, lang))
            w.paragraph(cells[2], f"{heading}: {lines}", w.MUTED_STYLE)


def _plan(document: Any, data: ReportData, lang: str, today: date) -> None:
    w.heading(document, t("plan", lang), 1, "plan")
    if not data.actions:
        w.paragraph(document, t("no_actions", lang))
        return
    action_table(document, data.actions, lang, today)


def _cases(document: Any, data: ReportData, lang: str) -> None:
    w.heading(document, t("cases", lang), 1, "cases")
    if not data.cases:
        w.paragraph(document, t("no_cases", lang))
        return
    for case in data.cases:
        status = label(case.status, lang) + (f" · {case.resolved_on}" if case.resolved_on else "")
        w.heading(document, case.title, 3)
        w.paragraph(document, f"{label(case.category, lang)}  ·  {status}", w.MUTED_STYLE)
        table = w.table(document, (28, w.FRAME_MM - 28))
        for key in ("symptom", "diagnosis", "prescription"):
            cells = table.add_row().cells
            w.fill(cells[0], t(key, lang), w.CELL_HEAD)
            w.fill(cells[1], getattr(case, key) or "—")
        for referral in referrals_of(data, case_id=case.id):  # the prescription's referrals
            cells = table.add_row().cells
            w.fill(cells[0], say("referrals.report.heading", lang), w.CELL_HEAD)
            w.fill(cells[1], "\n".join(referral_text(referral, lang)))
        w.paragraph(document)


def _outcomes(document: Any, data: ReportData, lang: str) -> None:
    """The company's outcome figures up to the visit and their change (only when there are)."""
    if not data.outcomes:
        return
    keys = ("kind", "change", "period", "source")
    heads = [say(f"outcomes.column.{k}", lang) for k in keys]
    w.heading(document, say("outcomes.section", lang), 1, "outcomes")
    table = w.table(document, (46, 50, 44, w.FRAME_MM - 140), heads)
    for line in data.outcomes:
        change = f"{line.previous} → {line.latest}" if line.previous else line.latest
        when = (
            f"{line.previous_period} → {line.latest_period}"
            if line.previous
            else line.latest_period
        )
        w.row(table, [line.label.get(lang), change, when, line.sources or "—"])


def _signoff(document: Any, data: ReportData, lang: str, load: LoadPicture) -> None:
    w.heading(document, t("signoff", lang), 1, "signoff")
    if not data.signatures:
        w.paragraph(document, t("not_signed", lang))
    keys = ("role", "signer", "signoff", "signed_at")
    table = w.table(document, (34, 34, w.FRAME_MM - 112, 44), [t(k, lang) for k in keys])
    for sig in data.signatures:
        cells = w.row(
            table,
            [
                label(sig.role, lang),
                sig.name,
                "",
                sig.signed_at.replace("T", " ").replace("+00:00", " UTC"),
            ],
        )
        image: Picture | None = load(sig.image.sha256, 50 * mm, 16 * mm) if sig.image else None
        if image is not None:
            w.picture(cells[2].paragraphs[0], image)
        else:
            w.text(cells[2].paragraphs[0], sig.name, color=w.ACCENT, size=15)
    if not data.signatures:
        for role in ("consultant", "company-representative"):
            w.row(table, [label(role, lang), "", "", ""])
            w.row_height(table.rows[-1], 16)
    w.paragraph(document).paragraph_format.space_before = w.Mm(4)
    w.paragraph(document, t("docx_note", lang), w.MUTED_STYLE)


def render_docx_report(
    data: ReportData,
    out: Path,
    lang: str,
    read_blob: Any,
    *,
    issuing_body: str = "",
    logo_path: str = "",
    today: date | None = None,
) -> BuiltReport:
    """Write the diagnostic report of *data* to *out* as an editable .docx in *lang*."""
    lang = check_language(lang)
    load = loader(read_blob)
    detail.prefetch(data, load)
    document = w.new_document(lang, t("report_title", lang), data.organization, not data.signed)
    _properties(document, data, lang, "report")
    if issuing_body:
        document.core_properties.author = issuing_body
    _cover(document, data, lang, logo_path, issuing_body)
    w.paragraph(document, t("contents", lang), "TOC Heading")
    w.contents(document, contents_entries(data, lang))
    w.page_break(document)
    _summary(document, data, lang)
    _section_table(document, data, lang)
    _questions(document, data, lang, load)
    _findings(document, data, lang)
    _plan(document, data, lang, today or date.today())
    _cases(document, data, lang)
    _outcomes(document, data, lang)
    _signoff(document, data, lang, load)
    w.save(document, out)
    return BuiltReport(out, document_id(data, "report"), "", 0)


def build_docx_report(
    database: Any,
    assessment_id: str,
    out: Path,
    lang: str,
    *,
    issuing_body: str = "",
    logo_path: str = "",
    today: date | None = None,
) -> BuiltReport:
    """Read the assessment from *database* and write its diagnostic report to *out* (.docx)."""
    data = load_report_data(database, assessment_id)
    return render_docx_report(
        data,
        out,
        lang,
        database.blobs.read_bytes,
        issuing_body=issuing_body,
        logo_path=logo_path,
        today=today,
    )
