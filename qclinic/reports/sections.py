"""Flowables of the diagnostic report, one function per section.

Every function takes the frozen :class:`~qclinic.reports.data.ReportData`, the language and the
shared :class:`~qclinic.reports.document.PageInfo`, and returns a list of flowables. Text always
goes through :func:`para` (escaped, mixed-script fonts, wrapping); tables repeat their header row
and may split inside a row, so long notes and titles never run off a page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from qclinic.reports import fonts, linebreak, team
from qclinic.reports.data import FindingRow, ReportData
from qclinic.reports.document import Contents, Heading, PageInfo
from qclinic.reports.i18n import colon, label, parens, percent, t
from qclinic.reports.images import Picture
from qclinic.reports.radar import FittedRadar, RadarChart
from qclinic.reports.referrals_section import case_row, finding_note
from qclinic.reports.styles import (
    ACCENT,
    FRAME_WIDTH,
    GRADE_COLOURS,
    MUTED,
    RULE,
    SEVERITY_COLOURS,
    STRIPE,
    grid,
    mm,
    plain,
    styles,
)
from qclinic.reports.times import local_time

LoadPicture = Callable[[str, float, float], Picture | None]
SEVERITY_ORDER = ("major-nc", "minor-nc", "observation", "opportunity", "good-practice")


def para(text: str, style: Any) -> Paragraph:
    """A paragraph of plain *text* (escaped; CJK runs in the CJK font)."""
    return linebreak.Para(fonts.markup(text), linebreak.wrapping_style(text, style))


def rich(markup: str, style: Any) -> Paragraph:
    """A paragraph of ready-made markup (callers escape their text with ``fonts.markup``)."""
    return linebreak.Para(markup, linebreak.wrapping_style(markup, style))


def table(
    rows: list[list[Any]], widths: Sequence[float], extra: list[Any] | None = None, header: int = 1
) -> Table:
    """A full-width data table: repeated header, rows allowed to split across pages."""
    result = Table(rows, colWidths=list(widths), repeatRows=header, splitInRow=1, hAlign="LEFT")
    result.setStyle(TableStyle(grid(header) + (extra or [])))
    return result


class ScoreBar(Flowable):
    """A small horizontal bar of a percentage (vector), with a tick at the previous value."""

    def __init__(
        self, value: float | None, previous: float | None = None, width: float = 70
    ) -> None:
        super().__init__()
        self.value = value
        self.previous = previous
        self.width = width
        self.height = 8.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.3)
        canvas.setFillColor(STRIPE)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        if self.value is not None:
            canvas.setFillColor(ACCENT if self.value >= 70 else colors.HexColor("#c05621"))
            share = max(0.0, min(self.value, 100.0)) / 100
            canvas.rect(0, 0, self.width * share, self.height, stroke=0, fill=1)
        if self.previous is not None:
            x = self.width * max(0.0, min(self.previous, 100.0)) / 100
            canvas.setStrokeColor(colors.black)
            canvas.setLineWidth(1.1)
            canvas.line(x, -1.5, x, self.height + 1.5)


def score_bar(value: float | None, previous: float | None = None, width: float = 70) -> ScoreBar:
    """See :class:`ScoreBar`."""
    return ScoreBar(value, previous, width)


def heading(text: str, key: str, level: int, info: PageInfo, keep: bool = True) -> Heading:
    """A level-0 (h1) or level-1 (h2) heading that is bookmarked and listed in the contents.

    With ``keep=False`` the heading does not pull the whole next flowable along (put a
    ``CondPageBreak`` before it instead), so a long table can start under it and split.
    """
    style = styles(info.lang).h1 if level == 0 else styles(info.lang).h2
    if not keep:
        style = style.clone(f"{style.name}-loose", keepWithNext=0)
    return Heading(text, style, key, level, info)


def cover(
    data: ReportData, info: PageInfo, logo: Picture | None, issuing_body: str
) -> list[Flowable]:
    """The cover: logo and issuing body, title, organization and the facts of the visit."""
    lang = info.lang
    s = styles(lang)
    story: list[Flowable] = [Spacer(1, 12 * mm)]
    if logo is not None:
        story += [logo.flowable(lang), Spacer(1, 6 * mm)]
    if issuing_body:
        story += [para(issuing_body, s.subtitle), Spacer(1, 10 * mm)]
    else:
        story.append(Spacer(1, 16 * mm))
    story += [
        para(t("report_title", lang), s.title),
        Spacer(1, 6 * mm),
        para(data.organization, s.subtitle),
        Spacer(1, 3 * mm),
        para(data.title, s.centre),
        Spacer(1, 16 * mm),
    ]
    site = data.site + (parens(data.site_address, lang) if data.site_address else "")
    facts = [
        ("organization", data.organization),
        ("credit_code", data.credit_code),
        ("site", site),
        ("visit_date", data.visit_date),
        ("visit_kind", label(data.visit_kind, lang)),
        ("consultants", team.team_names(data, lang)),
        (
            "checklist",
            data.checklist_title.get(lang)
            + parens(f"{data.checklist_id} {t('version', lang)} {data.checklist_version}", lang),
        ),
        ("status", f"{label(data.status, lang)} · {t('revision', lang, n=data.revision_no)}"),
        ("document_id", info.document_id),
    ]
    rows = [[para(t(key, lang), s.cell_head), para(value or "—", s.cell)] for key, value in facts]
    facts_table = Table(rows, colWidths=[45 * mm, FRAME_WIDTH - 70 * mm], hAlign="CENTER")
    facts_table.setStyle(
        plain([*grid(0, stripes=True), ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT)])
    )
    story += [facts_table, NextPageTemplate("body"), PageBreak()]
    return story


def contents(entries: list[tuple[str, int, str]], info: PageInfo) -> list[Flowable]:
    """The contents page (numbers and links are filled in when the PDF is saved)."""
    s = styles(info.lang)
    return [
        para(t("contents", info.lang), s.h1),
        Spacer(1, 4 * mm),
        Contents(entries, info, s.toc),
        PageBreak(),
    ]


def grade_badge(data: ReportData, lang: str) -> Table:
    """The grade letter on its colour, with its label."""
    s = styles(lang)
    grade = data.grade or "—"
    colour = GRADE_COLOURS.get(grade, MUTED)
    big = s.title.clone("badge", textColor=colors.white, fontSize=30, leading=34)
    under = s.centre.clone("badge-label", textColor=colors.white, fontSize=10, leading=13)
    text = data.grade_label.get(lang) if data.grade_label else t("no_grade", lang)
    badge = Table([[para(grade, big)], [para(text, under)]], colWidths=[34 * mm])
    badge.setStyle(
        plain(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colour),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, 0), 8),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
            ]
        )
    )
    return badge


def _top_findings(findings: Sequence[FindingRow], limit: int = 5) -> list[FindingRow]:
    ranked = sorted(
        findings,
        key=lambda f: SEVERITY_ORDER.index(f.severity) if f.severity in SEVERITY_ORDER else 9,
    )
    return [f for f in ranked if f.severity != "good-practice"][:limit]


def summary(data: ReportData, info: PageInfo) -> list[Flowable]:
    """Score, grade and why, the what-if and the top findings (the radar heads the section table)."""
    lang = info.lang
    s = styles(lang)
    big = s.title.clone("kpi", fontSize=24, leading=28, alignment=0)
    kpis = [
        [
            para(t("overall", lang), s.muted),
            para(t("maturity", lang), s.muted),
            para(t("previous", lang), s.muted),
        ],
        [
            para(percent(data.percent), big),
            para("—" if data.maturity is None else f"{data.maturity:.2f} / 5", big),
            para(percent(data.previous_percent), big.clone("kpi-prev", textColor=MUTED)),
        ],
    ]
    if data.previous_date:
        kpis.append([para("", s.small), para("", s.small), para(data.previous_date, s.muted)])
    kpi_table = Table(kpis, colWidths=[42 * mm, 42 * mm, 42 * mm])
    kpi_table.setStyle(
        plain([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    head = Table([[grade_badge(data, lang), kpi_table]], colWidths=[42 * mm, FRAME_WIDTH - 42 * mm])
    head.setStyle(
        plain([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    story: list[Flowable] = [
        heading(t("summary", lang), "summary", 0, info),
        head,
        Spacer(1, 4 * mm),
    ]

    story.append(para(t("why_grade", lang), s.h3))
    reasons = sorted(data.trace, key=lambda e: not e.applied)
    for entry in reasons:
        marker = "▶ " if entry.applied else "· "
        text = fonts.markup(entry.message.get(lang))
        story.append(rich(f"<b>{marker}</b>{text}" if entry.applied else f"{marker}{text}", s.body))

    if data.what_if is not None:
        story.append(para(t("what_if", lang), s.h3))
        w = data.what_if
        if w.achievable:
            story.append(
                para(
                    t(
                        "what_if_yes",
                        lang,
                        n=len(w.changes),
                        percent=percent(w.percent_after),
                        grade=w.target,
                    ),
                    s.body,
                )
            )
            texts = {q.id: q.text.get(lang) for q in data.questions}
            rows = []
            for change in w.changes:
                line = change.get(lang)
                qid = line.split("：" if lang == "zh" else ":")[0]
                rows.append([para(line, s.cell), para(texts.get(qid, ""), s.cell)])
            story.append(
                table(
                    [
                        [
                            para(t("change", lang), s.cell_head),
                            para(t("question", lang), s.cell_head),
                        ],
                        *rows,
                    ],
                    [36 * mm, FRAME_WIDTH - 36 * mm],
                )
            )
        else:
            story.append(para(t("what_if_no", lang, grade=w.target), s.body))

    story.append(para(t("top_findings", lang), s.h3))
    top = _top_findings(data.findings)
    if not top:
        story.append(para(t("no_findings", lang), s.body))
    for finding in top:
        colour = SEVERITY_COLOURS.get(finding.severity, MUTED).hexval()[2:]
        story.append(
            rich(
                f'<font color="#{colour}"><b>{fonts.markup(label(finding.severity, lang))}</b></font>  {fonts.markup(finding.title)}',
                s.body,
            )
        )

    return story


def section_table(
    data: ReportData, info: PageInfo, radar: RadarChart | None = None
) -> list[Flowable]:
    """Every section's score, a bar with the previous score marked, and what was rated; the
    radar of the same scores above the table, on the same page."""
    lang = info.lang
    s = styles(lang)
    head = [
        para(t(k, lang), s.cell_head)
        for k in ("section", "score", "previous", "change", "evaluated", "maturity")
    ]
    head.insert(2, para("", s.cell_head))
    rows: list[list[Any]] = [head]
    for sec in data.sections:
        change = "—"
        if sec.percent is not None and sec.previous_percent is not None:
            change = f"{sec.percent - sec.previous_percent:+.1f}"
        indent = "    " * (sec.level - 1)
        rows.append(
            [
                para(f"{indent}{sec.id}  {sec.title.get(lang)}", s.cell),
                para(percent(sec.percent), s.cell_right),
                score_bar(sec.percent, sec.previous_percent, 30 * mm),
                para(percent(sec.previous_percent), s.cell_right),
                para(change, s.cell_right),
                para(f"{sec.evaluated} / {sec.questions}", s.cell_right),
                para("—" if sec.maturity is None else f"{sec.maturity:.2f}", s.cell_right),
            ]
        )
    widths = [FRAME_WIDTH - 125 * mm, 17 * mm, 33 * mm, 17 * mm, 15 * mm, 23 * mm, 20 * mm]
    scores = table(rows, widths, [("VALIGN", (2, 1), (2, -1), "MIDDLE")])
    # after the summary, on its last page when the radar (at its smallest) and the table's first
    # rows fit there
    room = FittedRadar.MIN_RADAR + FittedRadar.TABLE_START + 30 * mm if radar else 60 * mm
    story: list[Flowable] = [CondPageBreak(room), heading(t("sections", lang), "sections", 0, info)]
    if radar is not None:
        note = None
        if data.previous_date:
            note = para(
                t("radar_previous", lang, date=data.previous_date),
                s.muted.clone("radar-note", alignment=1),
            )
        story.append(FittedRadar(radar, para(t("radar", lang), s.h3), note, scores))
    return [*story, scores]


def findings(data: ReportData, info: PageInfo) -> list[Flowable]:
    """All findings, most severe first."""
    lang = info.lang
    s = styles(lang)
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        heading(t("findings", lang), "findings", 0, info),
    ]
    if not data.findings:
        return [*story, para(t("no_findings", lang), s.body)]
    rows: list[list[Any]] = [
        [para(t(k, lang), s.cell_head) for k in ("severity", "category", "title", "question")]
    ]
    extra = []
    ranked = sorted(
        data.findings,
        key=lambda f: SEVERITY_ORDER.index(f.severity) if f.severity in SEVERITY_ORDER else 9,
    )
    for index, f in enumerate(ranked, start=1):
        body = f"<b>{fonts.markup(f.title)}</b>"
        if f.description:
            body += f"<br/>{fonts.markup(f.description)}"
        if f.evidence:
            body += f'<br/><font color="#616e7c">{fonts.markup(t("evidence", lang) + colon(lang) + f.evidence)}</font>'
        body += finding_note(data, f.id, lang)
        rows.append(
            [
                para(label(f.severity, lang), s.cell),
                para(label(f.category, lang), s.cell),
                rich(body, s.cell),
                para(f.question_id, s.cell),
            ]
        )
        extra.append(
            ("LINEBEFORE", (0, index), (0, index), 2.5, SEVERITY_COLOURS.get(f.severity, MUTED))
        )
    return [*story, table(rows, [30 * mm, 28 * mm, FRAME_WIDTH - 78 * mm, 20 * mm], extra)]


def action_rows(actions: Sequence[Any], lang: str, with_owner: bool = True) -> list[list[Any]]:
    """Rows of an action table (header first), shared with the standalone plan."""
    s = styles(lang)
    keys = (
        ["action", "owner", "due", "priority", "status"]
        if with_owner
        else ["action", "due", "priority", "status"]
    )
    rows: list[list[Any]] = [[para(t(k, lang), s.cell_head) for k in keys]]
    for a in actions:
        body = f"<b>{fonts.markup(a.title)}</b>"
        if a.description:
            body += f"<br/>{fonts.markup(a.description)}"
        if a.source:
            body += f'<br/><font color="#616e7c">{fonts.markup(t("source", lang) + colon(lang) + a.source)}</font>'
        row = [rich(body, s.cell)]
        if with_owner:
            row.append(para(a.owner or t("no_owner", lang), s.cell))
        row += [
            para(a.due_date or t("no_due", lang), s.cell),
            para(label(a.priority, lang), s.cell),
            para(label(a.status, lang), s.cell),
        ]
        rows.append(row)
    return rows


def plan(data: ReportData, info: PageInfo) -> list[Flowable]:
    """The improvement plan: every action with owner, due date, priority and status."""
    lang = info.lang
    s = styles(lang)
    story: list[Flowable] = [CondPageBreak(60 * mm), heading(t("plan", lang), "plan", 0, info)]
    if not data.actions:
        return [*story, para(t("no_actions", lang), s.body)]
    widths = [FRAME_WIDTH - 98 * mm, 32 * mm, 24 * mm, 18 * mm, 24 * mm]
    from qclinic.reports.plan import marked_action_rows  # plan.py builds on this module

    rows, marks = marked_action_rows(
        list(data.actions), lang, with_owner=True, today=info.today or date.today()
    )
    return [*story, table(rows, widths, marks)]


def cases(data: ReportData, info: PageInfo) -> list[Flowable]:
    """The clinic cases registered at the visit: symptom, diagnosis, prescription."""
    lang = info.lang
    s = styles(lang)
    story: list[Flowable] = [CondPageBreak(60 * mm), heading(t("cases", lang), "cases", 0, info)]
    if not data.cases:
        return [*story, para(t("no_cases", lang), s.body)]
    for case in data.cases:
        status = label(case.status, lang) + (f" · {case.resolved_on}" if case.resolved_on else "")
        title = para(f"{case.title}", s.h3)
        meta = para(f"{label(case.category, lang)}  ·  {status}", s.muted)
        rows = [
            [para(t(k, lang), s.cell_head), para(getattr(case, k) or "—", s.cell)]
            for k in ("symptom", "diagnosis", "prescription")
        ]
        if referred := case_row(data, case.id, lang):  # the prescription's referrals
            rows.append([para(referred[0], s.cell_head), rich(referred[1], s.cell)])
        body = table(rows, [28 * mm, FRAME_WIDTH - 28 * mm], header=0)
        story.append(KeepTogether([title, meta, Spacer(1, 1.5 * mm), body, Spacer(1, 3 * mm)]))
    return story


def signoff(data: ReportData, info: PageInfo, load: LoadPicture) -> list[Flowable]:
    """Signatures (drawn images or typed names) with their times; blank lines when unsigned."""
    lang = info.lang
    s = styles(lang)
    story: list[Flowable] = [
        CondPageBreak(70 * mm),
        heading(t("signoff", lang), "signoff", 0, info),
        *team.team_table(data, lang),
    ]
    rows: list[list[Any]] = [
        [para(t(k, lang), s.cell_head) for k in ("role", "signer", "signoff", "signed_at")]
    ]
    script = s.body.clone("signature", fontSize=15, leading=19, textColor=ACCENT)
    for sig in data.signatures:
        picture = load(sig.image.sha256, 50 * mm, 16 * mm) if sig.image else None
        mark: Any = picture.flowable(lang) if picture else para(sig.name, script)
        rows.append(
            [
                para(label(sig.role, lang), s.cell),
                para(sig.name, s.cell),
                mark,
                para(local_time(sig.signed_at), s.cell),
            ]
        )
    if not data.signatures:
        story.append(para(t("not_signed", lang), s.body))
        signers = [(m.role if m.role == "lead" else "consultant", m.name) for m in data.team]
        for role, name in [*(signers or [("consultant", "")]), ("company-representative", "")]:
            rows.append(
                [
                    para(label(role, lang), s.cell),
                    para(name, s.cell),
                    Spacer(1, 14 * mm),
                    para("", s.cell),
                ]
            )
    widths = [34 * mm, 34 * mm, FRAME_WIDTH - 112 * mm, 44 * mm]
    story += [
        table(rows, widths, [("VALIGN", (0, 1), (-1, -1), "MIDDLE")], header=1),
        Spacer(1, 6 * mm),
        KeepTogether([team.company_stamp(data, lang)]),
        Spacer(1, 6 * mm),
        para(t("verify_hint", lang), s.muted),
    ]
    return story
