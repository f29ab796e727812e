"""The question detail: answers, notes, evidence photos and SPC/MSA evidence, section by section.

SPC/MSA evidence (see :mod:`qclinic.reports.data` for the attachment format) prints as its chart
beside a key-figures table: center line, UCL, LCL (to one decimal more than the measurements
carry, the result's ``decimals``) and the number of rule violations for each control chart, and
which chart constants were used; Cp, Cpk, Pp, Ppk and the capability verdict; %GRR, ndc, the
verdict and whether ndc is adequate for a gage study; slope, %linearity and average bias for a
linearity study. Evidence stored before these fields existed gets the verdicts computed from its
indices, and its limits to six significant digits.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from qclinic.core.spc.capability import capability_verdict
from qclinic.core.spc.digits import format_fixed, limit_decimals
from qclinic.reports import fonts
from qclinic.reports.data import Analysis, Photo, QuestionRow, ReportData
from qclinic.reports.document import PageInfo
from qclinic.reports.i18n import label, t
from qclinic.reports.sections import LoadPicture, heading, para, rich
from qclinic.reports.styles import FRAME_HEIGHT, FRAME_WIDTH, grid, mm, plain, styles

#: Two photos side by side beside the id column. At 63 mm a phone photo (3000 px wide) still
#: decodes at a quarter of its size, so larger photos cost no slower decoding.
THUMB_W = 63 * mm
THUMB_H = 42 * mm
PHOTOS_PER_ROW = 2
CHART_W = 82 * mm
CHART_H = 58 * mm
ID_W = 14 * mm
COLUMNS = [ID_W, FRAME_WIDTH - 98 * mm, 24 * mm, 14 * mm, 46 * mm]
EVIDENCE_W = FRAME_WIDTH - ID_W - 8  # the spanned cell less its padding


def number(value: Any) -> str:
    """A key figure as printed: four significant digits; varying limits as their range."""
    if value is None:
        return "—"
    if isinstance(value, list):
        values = [v for v in value if isinstance(v, int | float)]
        if not values:
            return "—"
        low, high = min(values), max(values)
        return number(low) if low == high else f"{number(low)} … {number(high)}"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return f"{value:.4g}"


def limit(value: Any, decimals: int | None) -> str:
    """A center line or control limit: *decimals* places (6 significant digits when unknown);
    varying limits as their range."""
    if isinstance(value, list):
        values = [v for v in value if isinstance(v, int | float)]
        if not values:
            return "—"
        low, high = min(values), max(values)
        if low == high:
            return format_fixed(low, decimals)
        return f"{format_fixed(low, decimals)} … {format_fixed(high, decimals)}"
    return format_fixed(value, decimals)


def _chart_decimals(result: dict[str, Any]) -> int | None:
    """The result's ``decimals``; for older individuals evidence, from its plotted values."""
    decimals = result.get("decimals")
    if isinstance(decimals, int) and not isinstance(decimals, bool):
        return decimals
    charts = result.get("charts") or [{}]
    if result.get("chart") == "imr" and charts[0].get("values"):
        return limit_decimals([v for v in charts[0]["values"] if isinstance(v, int | float)])
    return None


def _ndc(ndc: Any, lang: str) -> str:
    """ndc with its judgement: fewer than 5 categories cannot tell parts apart (AIAG)."""
    if not isinstance(ndc, int) or isinstance(ndc, bool):
        return number(ndc)
    return t("ndc_adequate" if ndc >= 5 else "ndc_inadequate", lang, ndc=ndc)


def key_figures(result: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """The figures an analysis result is judged by, as (label, value) pairs."""
    kind = result.get("analysis")
    rows: list[tuple[str, str]] = []
    if kind == "control_chart":
        rows.append((t("chart", lang), str(result.get("chart", ""))))
        decimals = _chart_decimals(result)
        for chart in result.get("charts", []):
            name = str(chart.get("name", ""))
            rows += [
                (f"{name} · {t('center', lang)}", limit(chart.get("center"), decimals)),
                (f"{name} · {t('ucl', lang)}", limit(chart.get("ucl"), decimals)),
                (f"{name} · {t('lcl', lang)}", limit(chart.get("lcl"), decimals)),
                (f"{name} · {t('violations', lang)}", str(len(chart.get("violations", [])))),
            ]
        if result.get("constants") in ("tabled", "exact"):
            rows.append((t("constants", lang), t(f"constants_{result['constants']}", lang)))
        capability = result.get("capability")
        if isinstance(capability, dict):
            rows += key_figures(capability, lang)
    elif kind == "capability":
        indices = result.get("indices", {})
        names = ("cp", "cpk", "pp", "ppk")
        rows += [(name.capitalize(), number(indices.get(name))) for name in names]
        verdict = result.get("verdict") or capability_verdict(indices.get("cpk"))
        if verdict:
            rows.append((t("capability_verdict", lang), verdict["text"][lang]))
    elif kind == "gage_rr":
        verdict = result.get("verdict", {})
        text = verdict.get("study_text", {}).get(lang) or label(verdict.get("study"), lang)
        rows += [
            (t("grr", lang), number(result.get("percent_study_var", {}).get("grr")) + "%"),
            (t("ndc", lang), _ndc(result.get("ndc"), lang)),
            (t("verdict", lang), text),
        ]
    elif kind == "linearity":
        bias: dict[str, Any] = next(
            (b for b in result.get("bias", []) if b.get("reference") == "average"), {}
        )
        rows += [
            ("slope", number(result.get("slope"))),
            ("%Linearity", number(result.get("percent_linearity"))),
            ("bias", number(bias.get("bias"))),
        ]
    return rows


def _thumbnails(photos: tuple[Photo, ...], load: LoadPicture, lang: str) -> list[Table]:
    """The photos two by two: one small table per printed row, so each can carry the id."""
    s = styles(lang)
    cells: list[Any] = []
    for photo in photos:
        picture = load(photo.sha256, THUMB_W - 4, THUMB_H)
        if picture is None:
            continue
        caption = photo.caption or photo.file_name
        cells.append([picture.flowable(lang), para(caption, s.muted)])
    out = []
    for i in range(0, len(cells), PHOTOS_PER_ROW):
        row = cells[i : i + PHOTOS_PER_ROW]
        row += [""] * (PHOTOS_PER_ROW - len(row))
        pair = Table([row], colWidths=[EVIDENCE_W / PHOTOS_PER_ROW] * PHOTOS_PER_ROW, hAlign="LEFT")
        pair.setStyle(
            plain([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
        )
        out.append(pair)
    return out


def _analysis(analysis: Analysis, load: LoadPicture, lang: str) -> Table:
    s = styles(lang)
    chart: Any = ""
    if analysis.chart is not None:
        picture = load(analysis.chart.sha256, CHART_W, CHART_H)
        if picture is not None:
            chart = picture.flowable(lang)
    figures = [
        [para(name, s.cell), para(value, s.cell_right)]
        for name, value in key_figures(analysis.result, lang)
    ]
    head = [para(t("analysis", lang), s.cell_head), para(analysis.file_name, s.muted)]
    figure_table = Table([head, *figures], colWidths=[46 * mm, 26 * mm])
    figure_table.setStyle(TableStyle(grid(1)))
    outer = Table([[chart, figure_table]], colWidths=[CHART_W + 4, 72 * mm], hAlign="LEFT")
    outer.setStyle(
        plain([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return outer


def _question_row(q: QuestionRow, lang: str) -> list[Any]:
    s = styles(lang)
    text = fonts.markup(q.text.get(lang))
    meta = [q.clause] if q.clause else []
    if q.critical:
        meta.append(t("critical", lang))
    if meta:
        text += f'<br/><font color="#616e7c" size="7">{fonts.markup(" · ".join(meta))}</font>'
    answer = q.answer.get(lang) if q.answered else t("not_answered", lang)
    score = "—" if q.score is None else f"{q.score:.0f}"
    return [
        para(q.id, s.cell),
        rich(text, s.cell),
        para(answer, s.cell),
        para(score, s.cell_right),
        para(q.note, s.cell),
    ]


def prefetch(data: ReportData, load: LoadPicture) -> None:
    """Decode and shrink every photo and chart on two threads before the layout needs them.

    Pillow releases the GIL while decoding, and :func:`qclinic.reports.images.picture` caches
    by bytes and size, so the layout then finds them ready.
    """
    import os
    from concurrent.futures import ThreadPoolExecutor

    jobs = [(p.sha256, THUMB_W - 4, THUMB_H) for q in data.questions for p in q.photos]
    jobs += [
        (a.chart.sha256, CHART_W, CHART_H) for q in data.questions for a in q.analyses if a.chart
    ]
    if len(jobs) < 2:
        return
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        list(pool.map(lambda job: load(*job), jobs))


class Continued(Flowable):
    """The id cell of an evidence row: blank (and never split inside a row), unless a page
    break puts the row first on a page — then :class:`QuestionTable` puts the id there."""

    def __init__(self, question_id: str, lang: str) -> None:
        super().__init__()
        self.question_id = question_id
        self.lang = lang

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def _unwrap(cell: Any) -> Any:
    """The flowable of a table cell (reportlab keeps flowable cells in a one-item tuple)."""
    while isinstance(cell, list | tuple) and len(cell) == 1:
        cell = cell[0]
    return cell


class QuestionTable(Table):
    """The question table of one section: where it breaks before an evidence row, the new page
    shows "QMS.1 (cont.)" / "QMS.1（续）" beside the photo or chart (``NOSPLIT`` keeps a question
    with its first evidence row, so this only happens from the second row of photos on)."""

    def split(self, avail_width: float, avail_height: float) -> list[Table]:
        self._calc(avail_width, avail_height)
        parts: list[Table] = self._splitRows(avail_height, doInRowSplit=0)
        heights, first = self._rowHeights, self.repeatRows
        # Split inside a row only when its question cannot fit even on a page of its own (long
        # notes); otherwise the question and its first photo move to the next page together. (A
        # split inside the question's row would leave an empty tail that splits forever.)
        if not parts and len(heights) > first:
            alone = sum(heights[: first + 1]) > avail_height
            group = sum(heights[: first + 2]) > FRAME_HEIGHT and self._evidence_row(first + 1)
            if alone or group:
                parts = self._splitRows(avail_height, doInRowSplit=1)
        elif len(parts) == 2:
            # a question too long for any page would be split on the next page anyway: split it
            # here, under the rows above, rather than start it on this page's rest
            at = len(parts[0]._cellvalues)
            nosplit = at + 1 < len(heights) and self._evidence_row(at + 1)
            if sum(heights[:first]) + sum(heights[at : at + 1 + nosplit]) > FRAME_HEIGHT:
                parts = self._splitRows(avail_height, doInRowSplit=1) or parts
        for part in parts[1:]:
            for index in range(part.repeatRows, len(part._cellvalues)):
                cell = _unwrap(part._cellvalues[index][0])
                if isinstance(cell, Continued):
                    row = list(part._cellvalues[index])
                    s = styles(cell.lang)
                    row[0] = para(t("continued", cell.lang, id=cell.question_id), s.muted)
                    part._cellvalues[index] = row
                    break
                if isinstance(cell, Paragraph) and cell.getPlainText().strip():
                    break  # the next question starts the page: nothing is continued
        return parts

    def _evidence_row(self, index: int) -> bool:
        row = self._cellvalues[index] if index < len(self._cellvalues) else [None]
        return isinstance(_unwrap(row[0]), Continued)


def _opening_height(rows: list[list[Any]], extra: list[Any]) -> float:
    """Room a section needs below its heading: the table header, its first question and that
    question's first photo or chart (which never part), so no heading is left alone at the foot
    of a page."""
    opening = 2 if len(rows) > 2 and isinstance(rows[2][0], Continued) else 1
    head = Table(rows[: opening + 1], colWidths=COLUMNS)
    head.setStyle(TableStyle(grid(1) + [c for c in extra if c[0] == "SPAN" and c[1][1] <= opening]))
    height: float = head.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1]
    return float(max(50 * mm, height + 14 * mm))


def questions(data: ReportData, info: PageInfo, load: LoadPicture) -> list[Flowable]:
    """One table per top-level section; evidence rows span the table under their question."""
    lang = info.lang
    s = styles(lang)
    top_of: dict[str, str] = {}
    current = ""
    for sec in data.sections:
        if sec.level == 1:
            current = sec.id
        top_of[sec.id] = current
    story: list[Flowable] = []
    head = [
        para(t(k, lang), s.cell_head) for k in ("question", "question", "answer", "score", "note")
    ]
    head[0] = para("ID", s.cell_head)
    for sec in data.sections:
        if sec.level != 1:
            continue
        members = [q for q in data.questions if top_of.get(q.section_id) == sec.id]
        if not members:
            continue
        rows: list[list[Any]] = [head]
        extra: list[Any] = []
        for q in members:
            rows.append(_question_row(q, lang))
            evidence: list[Any] = _thumbnails(q.photos, load, lang)
            evidence += [_analysis(a, load, lang) for a in q.analyses]
            for position, item in enumerate(evidence):
                rows.append([Continued(q.id, lang), item, "", "", ""])
                index = len(rows) - 1
                extra += [
                    ("SPAN", (1, index), (-1, index)),
                    ("LINEBELOW", (0, index - 1), (-1, index - 1), 0, "white"),
                ]
                if position == 0:  # the question never leaves its first photo or chart
                    extra.append(("NOSPLIT", (0, index - 1), (-1, index)))
        title = f"{sec.id}  {sec.title.get(lang)}"
        question_table = QuestionTable(
            rows, colWidths=COLUMNS, repeatRows=1, splitInRow=1, hAlign="LEFT"
        )
        question_table.setStyle(TableStyle(grid(1) + extra))
        story.append(CondPageBreak(_opening_height(rows, extra) + (0 if story else 14 * mm)))
        if not story[:-1]:  # the part's heading goes with its first section
            story.append(heading(t("questions", lang), "questions", 0, info, keep=False))
        story += [
            heading(title, f"q-{sec.id}", 1, info, keep=False),
            question_table,
        ]
    if not story:
        story.append(heading(t("questions", lang), "questions", 0, info))
    return story
