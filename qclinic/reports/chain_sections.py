"""Flowables of the chain report, one function per part: cover, summary, charts, the tier
tables, the problems solved and the closing page.

The same machinery as the assessment report's :mod:`.sections` (``para``, ``table``, bookmarked
headings, the contents); the words come from the catalogue's ``chain_report`` area (:func:`say`),
the shared ones (document id, page…) from ``reports``.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
)

from qclinic.core.catalogue import find
from qclinic.reports import chain_charts
from qclinic.reports.chain_charts import say
from qclinic.reports.chain_data import (
    COVERAGE_KEYS,
    GRADES,
    UNGRADED,
    ChainReportData,
    MemberRow,
    movement,
    trend,
)
from qclinic.reports.document import PageInfo
from qclinic.reports.i18n import colon, label, t
from qclinic.reports.sections import heading, para, table
from qclinic.reports.styles import (
    ACCENT,
    FRAME_WIDTH,
    GRADE_COLOURS,
    MUTED,
    grid,
    mm,
    plain,
    styles,
)

RED = colors.HexColor("#c53030")
GREEN = colors.HexColor("#2f855a")
ARROWS = {"up": "↑", "down": "↓", "same": "→", "new": "•", "lost": "×", "none": ""}
#: the tick, cross and dash of a 4 × 100% cell: in place, not in place, never assessed
FLAGS = {True: "✓", False: "✗", None: "—"}


def sector_label(sector: str, lang: str) -> str:
    """The printed name of a stored sector value (the value itself when unknown)."""
    entry = find(f"vocabulary.{sector}") if sector else None
    return entry.get(lang) if entry is not None else sector


def tier_title(tier: int, lang: str) -> str:
    """链主企业 / 一级供应商 … (Leader companies / Tier-1 suppliers …)."""
    if tier == 0:
        return say("tier_leaders", lang)
    numerals = "一二三四五六七八九"
    number = numerals[tier - 1] if lang == "zh" and tier <= len(numerals) else str(tier)
    return say("tier_n", lang, n=number)


def head_right(lang: str) -> Any:
    """A header cell style aligned right, over a column of numbers."""
    from reportlab.lib.enums import TA_RIGHT

    return styles(lang).cell_head.clone(f"{lang}-head-right", alignment=TA_RIGHT)


def period_text(data: ChainReportData, lang: str) -> str:
    return say("period_value", lang, start=data.period_from, end=data.period_to)


def cover(data: ChainReportData, info: PageInfo, issuing_body: str, printed: str) -> list[Any]:
    """The cover: title, chain, and the facts (leaders, sector, region, period, date, id)."""
    lang = info.lang
    s = styles(lang)
    story: list[Flowable] = [Spacer(1, 28 * mm)]
    if issuing_body:
        story += [para(issuing_body, s.subtitle), Spacer(1, 10 * mm)]
    story += [
        para(say("title", lang), s.title),
        Spacer(1, 8 * mm),
        para(data.name, s.subtitle),
        Spacer(1, 18 * mm),
    ]
    facts = [
        (say("chain", lang), data.name),
        (
            say("leaders", lang),
            "、".join(data.leaders) if lang == "zh" else ", ".join(data.leaders),
        ),
        (say("sector", lang), sector_label(data.sector, lang)),
        (say("region", lang), data.region),
        (say("period", lang), period_text(data, lang)),
        (say("companies", lang), str(data.companies)),
        (say("printed_on", lang), printed),
        (t("document_id", lang), info.document_id),
    ]
    rows = [[para(key, s.cell_head), para(value or "—", s.cell)] for key, value in facts]
    facts_table = Table(rows, colWidths=[40 * mm, FRAME_WIDTH - 65 * mm], hAlign="CENTER")
    facts_table.setStyle(
        plain([*grid(0, stripes=True), ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT)])
    )
    story += [facts_table, NextPageTemplate("body"), PageBreak()]
    return story


def _figure_cell(value: str, caption: str, lang: str, colour: Any = ACCENT) -> list[Any]:
    s = styles(lang)
    big = s.title.clone("figure", fontSize=20, leading=24, textColor=colour)
    return [para(value, big), para(caption, s.centre.clone("caption", textColor=MUTED))]


def _key_figures(data: ChainReportData, lang: str) -> Table:
    """Six tiles: companies, CQOs, services, problems received / solved, actions open / late."""
    received, solved = data.problems_received(), data.problems_solved()
    tiles = [
        _figure_cell(str(data.companies), say("companies", lang), lang),
        _figure_cell(f"{data.cqo_appointed}/{data.companies}", say("cqo", lang), lang),
        _figure_cell(str(data.services), say("services", lang), lang),
        _figure_cell(f"{solved}/{received}", say("problems_solved_of", lang), lang, GREEN),
        _figure_cell(str(data.open_actions), say("actions_open", lang), lang),
        _figure_cell(
            str(data.overdue_actions),
            say("actions_overdue", lang),
            lang,
            RED if data.overdue_actions else ACCENT,
        ),
    ]
    width = FRAME_WIDTH / 3
    result = Table([tiles[:3], tiles[3:]], colWidths=[width] * 3, hAlign="LEFT")
    result.setStyle(
        plain(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#cbd2d9")),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#cbd2d9")),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return result


def _tier_counts(data: ChainReportData, lang: str) -> str:
    parts = [f"{tier_title(tier, lang)} {len(rows)}" for tier, rows in data.tiers()]
    return ("；" if lang == "zh" else "; ").join(parts)


def _grade_table(data: ChainReportData, lang: str) -> Table:
    s = styles(lang)
    now, before = dict(data.grades), dict(data.previous_grades)
    keys = (*GRADES, UNGRADED)
    head = [para(say("grade", lang), s.cell_head)]
    head += [para(say("grade_" + key.lower(), lang), head_right(lang)) for key in keys]
    rows = [
        head,
        [para(say("previous_period", lang), s.cell)]
        + [para(str(before.get(k, 0)), s.cell_right) for k in keys],
        [para(say("this_period", lang), s.cell)]
        + [para(str(now.get(k, 0)), s.cell_right) for k in keys],
    ]
    first = 36 * mm
    return table(rows, [first] + [(FRAME_WIDTH - first) / len(keys)] * len(keys))


SERVICE_KINDS = ("visits", "assessments", "cases", "referrals", "total")


def _services_table(data: ChainReportData, lang: str) -> Table:
    """Visits, assessments, cases and referrals delivered, and their total (the key figure)."""
    s = styles(lang)
    head = [para(say(key, lang), head_right(lang)) for key in SERVICE_KINDS]
    counts = (data.visits, data.assessments, data.cases, data.referrals, data.services)
    values = [para(str(v), s.cell_right) for v in counts]
    return table([head, values], [FRAME_WIDTH / len(SERVICE_KINDS)] * len(SERVICE_KINDS))


def _problems_table(data: ChainReportData, lang: str) -> Table:
    s = styles(lang)
    rows: list[list[Any]] = [
        [
            para(say("nqi_field", lang), s.cell_head),
            para(say("received", lang), head_right(lang)),
            para(say("solved", lang), head_right(lang)),
        ]
    ]
    for field in data.problems:
        rows.append(
            [
                para(label(field.field, lang), s.cell),
                para(str(field.received), s.cell_right),
                para(str(field.solved), s.cell_right),
            ]
        )
    rows.append(
        [
            para(say("total", lang), s.cell_head),
            para(str(data.problems_received()), s.cell_right),
            para(str(data.problems_solved()), s.cell_right),
        ]
    )
    return table(rows, [FRAME_WIDTH - 60 * mm, 30 * mm, 30 * mm])


def summary(data: ChainReportData, info: PageInfo) -> list[Any]:
    """The summary: key figures, companies by tier, grades and their movement, services."""
    lang = info.lang
    s = styles(lang)
    moved = movement(data)
    story: list[Any] = [
        heading(say("summary", lang), "summary", 0, info),
        para(say("summary_intro", lang, chain=data.name, period=period_text(data, lang)), s.body),
        Spacer(1, 2 * mm),
        _key_figures(data, lang),
        Spacer(1, 4 * mm),
        para(say("by_tier", lang) + colon(lang) + _tier_counts(data, lang), s.body),
        heading(say("grades", lang), "grades", 1, info),
        _grade_table(data, lang),
        Spacer(1, 2 * mm),
        para(
            say(
                "movement",
                lang,
                rose=moved.rose,
                fell=moved.fell,
                same=moved.same,
                new=moved.new,
                previous=data.previous_to,
            ),
            s.body,
        ),
        heading(say("services_heading", lang), "services", 1, info),
        _services_table(data, lang),
        Spacer(1, 3 * mm),
        _problems_table(data, lang),
    ]
    return story


def coverage(data: ChainReportData, info: PageInfo) -> list[Any]:
    """The 4 × 100% shares, said in words, and the charts."""
    lang = info.lang
    s = styles(lang)
    story: list[Any] = [
        CondPageBreak(120 * mm),
        heading(say("charts", lang), "charts", 0, info),
        para(say("coverage_rule", lang), s.muted),
        Spacer(1, 2 * mm),
        chain_charts.coverage_chart(data, lang, FRAME_WIDTH),
        Spacer(1, 5 * mm),
        chain_charts.grade_chart(data, lang, FRAME_WIDTH),
    ]
    for chart in (
        chain_charts.problems_chart(data, lang, FRAME_WIDTH),
        chain_charts.months_chart(data, lang, FRAME_WIDTH),
    ):
        if chart is not None:
            story += [Spacer(1, 5 * mm), KeepTogether([chart])]
    return story


FLAG_COLOURS = {True: GREEN, False: RED, None: MUTED}


def _grade_text(member: MemberRow) -> str:
    """ "B ↑ (C)": the grade, its move and, when it moved, the previous grade."""
    move = trend(member)
    text = member.grade or "—"
    if ARROWS[move]:
        text += f" {ARROWS[move]}"
    if member.previous_grade and move != "same":
        text += f" ({member.previous_grade})"
    return text


COLUMNS = ("no", "company", "customer", "grade", "score", *COVERAGE_KEYS, "cqo_short")
WIDTHS = (8, 34, 28, 16, 12, 12, 11, 10, 10, 11)  # mm; the action columns take the rest
_RIGHT = ("no", "score", "open", "overdue")


def member_rows(members: list[MemberRow], lang: str) -> tuple[list[list[Any]], list[Any]]:
    """A tier's table rows (with its header) and their style commands.

    Only the names are paragraphs (they wrap, and may be Chinese); every other cell is a plain
    string in the Latin font, coloured by a style command: a tier of hundreds of suppliers
    lays out in a fraction of the time thousands of paragraphs would take.
    """
    s = styles(lang)
    # a size smaller than the other tables' headers: twelve columns share the width, and a
    # heading such as "Score" must not break inside the word
    small = s.cell_head.clone(f"{lang}-head-small", fontSize=7, leading=8.6)
    small_right = head_right(lang).clone(f"{lang}-head-small-right", fontSize=7, leading=8.6)
    head = [
        para(say("col_" + key, lang), small_right if key in _RIGHT else small)
        for key in (*COLUMNS, "open", "overdue")
    ]
    rows: list[list[Any]] = [head]
    last = len(head) - 1
    extra: list[Any] = [
        ("FONTSIZE", (0, 1), (-1, -1), s.cell.fontSize),
        ("ALIGN", (0, 1), (0, -1), "RIGHT"),
        ("ALIGN", (4, 1), (4, -1), "RIGHT"),
        ("ALIGN", (5, 1), (9, -1), "CENTER"),
        ("ALIGN", (10, 1), (last, -1), "RIGHT"),
    ]
    for number, member in enumerate(members, start=1):
        score = "—" if member.score is None else f"{member.score:.1f}"
        flags = (*member.coverage(), member.cqo)
        rows.append(
            [
                str(number),
                para(member.name, s.cell),
                para(member.customer or "—", s.cell),
                _grade_text(member),
                score,
                *[FLAGS[flag] for flag in flags],
                str(member.open_actions),
                str(member.overdue_actions),
            ]
        )
        colour = GRADE_COLOURS.get(member.grade or "", MUTED)
        extra.append(("TEXTCOLOR", (3, number), (3, number), colour))
        extra += [
            ("TEXTCOLOR", (5 + i, number), (5 + i, number), FLAG_COLOURS[flag])
            for i, flag in enumerate(flags)
        ]
        if member.overdue_actions:
            extra.append(("BACKGROUND", (last, number), (last, number), "#fde8e8"))
            extra.append(("TEXTCOLOR", (last, number), (last, number), RED))
    return rows, extra


def tier_tables(data: ChainReportData, info: PageInfo) -> list[Any]:
    """One table per tier: each company's grade and trend, 4 × 100% status, actions."""
    lang = info.lang
    s = styles(lang)
    story: list[Any] = [
        PageBreak(),
        heading(say("members", lang), "members", 0, info),
        para(say("members_legend", lang), s.muted),
    ]
    fixed = sum(WIDTHS) * mm
    rest = (FRAME_WIDTH - fixed) / 2
    widths = [w * mm for w in WIDTHS] + [rest, rest]
    for tier, members in data.tiers():
        title = (
            f"{tier_title(tier, lang)}（{len(members)}）"
            if lang == "zh"
            else (f"{tier_title(tier, lang)} ({len(members)})")
        )
        rows, extra = member_rows(members, lang)
        story += [
            CondPageBreak(40 * mm),
            heading(title, f"tier-{tier}", 1, info, keep=False),
            table(rows, widths, extra),
        ]
    return story


def solved_cases(data: ChainReportData, info: PageInfo) -> list[Any]:
    """The problems solved in the period, field by field."""
    lang = info.lang
    s = styles(lang)
    story: list[Any] = [
        CondPageBreak(60 * mm),
        heading(say("solved_heading", lang), "solved", 0, info, keep=False),
    ]
    if not data.solved:
        return [*story, para(say("none_solved", lang), s.body)]
    head = ["col_company", "nqi_field", "col_problem", "col_prescription", "col_resolved"]
    rows: list[list[Any]] = [[para(say(key, lang), s.cell_head) for key in head]]
    for case in data.solved:
        rows.append(
            [
                para(case.organization, s.cell),
                para(label(case.field, lang), s.cell),
                para(case.title, s.cell),
                para(case.prescription or "—", s.cell),
                para(case.resolved_on, s.cell),
            ]
        )
    widths = [36 * mm, 24 * mm, 40 * mm, FRAME_WIDTH - 122 * mm, 22 * mm]
    return [*story, table(rows, widths)]


def closing(data: ChainReportData, info: PageInfo, issuing_body: str) -> list[Any]:
    """The closing page: the conclusions the figures support, sign-off lines, how to verify."""
    lang = info.lang
    s = styles(lang)
    gaps = [f for f in data.coverage if f.of and f.covered < f.of]
    weakest = sorted(
        (m for m in data.suppliers() if m.score is not None),
        key=lambda m: (m.score, m.name),
    )[:5]
    lines = [
        say(
            "conclusion_coverage",
            lang,
            items="、".join(say("coverage_" + f.key, lang) for f in gaps)
            if lang == "zh"
            else ", ".join(say("coverage_" + f.key, lang) for f in gaps),
        )
        if gaps
        else say("conclusion_full_coverage", lang),
        say("conclusion_overdue", lang, n=data.overdue_actions)
        if data.overdue_actions
        else say("conclusion_no_overdue", lang),
    ]
    if weakest:
        names = ("、" if lang == "zh" else ", ").join(
            f"{m.name}{colon(lang)}{m.score:.1f}%" for m in weakest
        )
        lines.append(say("conclusion_weakest", lang, names=names))
    story: list[Any] = [
        PageBreak(),
        heading(say("closing", lang), "closing", 0, info),
        *[para(f"{index}. {line}", s.body) for index, line in enumerate(lines, start=1)],
        Spacer(1, 10 * mm),
    ]
    sign = [
        [para(say(key, lang), s.cell_head), "", para(say("date", lang), s.cell_head), ""]
        for key in ("prepared_by", "reviewed_by", "approved_by")
    ]
    widths = [26 * mm, 70 * mm, 16 * mm, 40 * mm]
    box = Table(sign, colWidths=widths, rowHeights=[14 * mm] * 3, hAlign="LEFT")
    rules: list[tuple[object, ...]] = [("LINEBELOW", (c, 0), (c, -1), 0.5, MUTED) for c in (1, 3)]
    box.setStyle(plain([*rules, ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    story += [box, Spacer(1, 10 * mm)]
    if issuing_body:
        story.append(para(say("issued_by", lang) + colon(lang) + issuing_body, s.body))
    story.append(para(say("verify_note", lang, document=info.document_id), s.muted))
    return story
