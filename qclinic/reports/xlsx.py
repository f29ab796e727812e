"""Excel export of an assessment: answers, findings and actions, one sheet each (openpyxl)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qclinic.reports.data import ReportData, load_report_data
from qclinic.reports.i18n import check_language, label, t

_HEAD_FILL = "1D4E89"


def add_sheet(
    book: Any, title: str, header: list[str], rows: list[list[Any]], widths: list[int]
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor=_HEAD_FILL)
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions


def write_xlsx(data: ReportData, out: Path, lang: str = "zh") -> Path:
    """Write *data*'s answers, findings and actions to the workbook *out*."""
    from openpyxl import Workbook

    lang = check_language(lang)
    book = Workbook()
    book.remove(book.active)
    sections = {sec.id: sec.title.get(lang) for sec in data.sections}
    add_sheet(
        book,
        t("sheet_answers", lang),
        [
            "ID",
            t("section", lang),
            t("question", lang),
            t("answer", lang),
            t("score", lang),
            t("note", lang),
            t("evidence", lang),
        ],
        [
            [
                q.id,
                sections.get(q.section_id, q.section_id),
                q.text.get(lang),
                q.answer.get(lang) if q.answered else "",
                q.score,
                q.note,
                len(q.photos) + len(q.analyses),
            ]
            for q in data.questions
        ],
        [10, 22, 60, 14, 8, 40, 8],
    )
    add_sheet(
        book,
        t("sheet_findings", lang),
        [
            t("title", lang),
            t("severity", lang),
            t("category", lang),
            t("description", lang),
            t("evidence", lang),
            t("question", lang),
        ],
        [
            [
                f.title,
                label(f.severity, lang),
                label(f.category, lang),
                f.description,
                f.evidence,
                f.question_id,
            ]
            for f in data.findings
        ],
        [40, 16, 16, 50, 40, 10],
    )
    add_sheet(
        book,
        t("sheet_actions", lang),
        [
            t("action", lang),
            t("owner", lang),
            t("due", lang),
            t("priority", lang),
            t("status", lang),
            t("description", lang),
            t("source", lang),
        ],
        [
            [
                a.title,
                a.owner,
                a.due_date,
                label(a.priority, lang),
                label(a.status, lang),
                a.description,
                a.source,
            ]
            for a in data.actions
        ],
        [40, 16, 12, 10, 12, 50, 40],
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out


def export_xlsx(database: Any, assessment_id: str, out: Path, lang: str = "zh") -> Path:
    """Read the assessment from *database* and write the workbook *out*."""
    return write_xlsx(load_report_data(database, assessment_id), out, lang)
