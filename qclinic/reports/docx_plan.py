"""The improvement plan as an editable Word document, and the action table the report shares.

The same content as the PDF plan (:mod:`qclinic.reports.plan`): the actions grouped by owner or
by due month, each with what to do, its source, owner, due date, priority and status. An action
still open past its due date on the printing day shows its due date in red with "逾期 N 天" /
"overdue by N days" and a red bar beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from qclinic.reports import docx_common as w
from qclinic.reports.build import BuiltReport, document_id
from qclinic.reports.data import ActionRow, ReportData, load_report_data
from qclinic.reports.i18n import check_language, label, t
from qclinic.reports.plan import GROUPINGS, OPEN_STATUSES, _groups, overdue_days, overdue_text

#: column widths (mm) of the action table with and without the owner column
WITH_OWNER = (w.FRAME_MM - 98, 32, 24, 18, 24)
WITHOUT_OWNER = (w.FRAME_MM - 66, 24, 18, 24)


def action_table(
    container: Any, actions: Sequence[ActionRow], lang: str, today: date, with_owner: bool = True
) -> Any:
    """The action table (header first); overdue actions marked in red with the days late."""
    keys = ["action", "owner", "due", "priority", "status"]
    if not with_owner:
        keys.remove("owner")
    table = w.table(
        container, WITH_OWNER if with_owner else WITHOUT_OWNER, [t(k, lang) for k in keys]
    )
    for action in actions:
        cells = table.add_row().cells
        first = w.fill(cells[0], action.title, bold=True)
        if action.description:
            w.text(first, "\n" + action.description)
        if action.source:
            w.paragraph(cells[0], f"{t('source', lang)}: {action.source}", w.MUTED_STYLE)
        column = 1
        if with_owner:
            w.fill(cells[1], action.owner or t("no_owner", lang))
            column = 2
        days = overdue_days(action, today)
        due = w.fill(cells[column], action.due_date or t("no_due", lang), bold=bool(days))
        if days:
            for run in due.runs:
                run.font.color.rgb = w.RGBColor.from_string(w.RED)
            w.text(due, "\n" + overdue_text(days, lang), color=w.RED)
            w.left_bar(cells[0], w.RED)
        w.fill(cells[column + 1], label(action.priority, lang))
        w.fill(cells[column + 2], label(action.status, lang))
    return table


def render_docx_plan(
    data: ReportData,
    out: Path,
    lang: str,
    group_by: str = "owner",
    *,
    today: date | None = None,
) -> BuiltReport:
    """Write the improvement plan of *data* to *out* as .docx; overdue as of *today*."""
    lang = check_language(lang)
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be owner or due, not {group_by!r}")
    today = today or date.today()
    document = w.new_document(lang, t("plan_title", lang), data.organization, not data.signed)
    _properties(document, data, lang, "plan")
    w.paragraph(document, t("plan_title", lang), "Heading 1")
    w.paragraph(document, f"{data.organization} · {data.title}")
    w.paragraph(
        document,
        f"{t('visit_date', lang)}: {data.visit_date or '—'}    {t('site', lang)}: {data.site or '—'}",
        w.MUTED_STYLE,
    )
    open_count = sum(1 for a in data.actions if a.status in OPEN_STATUSES)
    w.paragraph(document, t("open_count", lang, n=len(data.actions), open=open_count))
    late = sum(1 for a in data.actions if overdue_days(a, today))
    if late:
        w.paragraph(document, t("overdue_count", lang, n=late, date=today.isoformat()), color=w.RED)
    w.paragraph(
        document, t("grouped_owner" if group_by == "owner" else "grouped_due", lang), w.MUTED_STYLE
    )
    if not data.actions:
        w.paragraph(document, t("no_actions", lang))
    for index, (name, actions) in enumerate(_groups(data.actions, group_by, lang)):
        title = f"{name}（{len(actions)}）" if lang == "zh" else f"{name} ({len(actions)})"
        w.heading(document, title, 2, f"g{index}")
        action_table(document, actions, lang, today, with_owner=group_by != "owner")
    w.save(document, out)
    return BuiltReport(out, document_id(data, "plan"), "", 0)


def _properties(document: Any, data: ReportData, lang: str, kind: str) -> None:
    """Title, subject, document id and language in the file's properties."""
    from datetime import UTC, datetime

    properties = document.core_properties
    properties.title = (
        f"{t('report_title' if kind == 'report' else 'plan_title', lang)} · {data.organization}"
    )
    properties.subject = f"{data.checklist_id} {data.checklist_version}"
    properties.identifier = document_id(data, kind)
    properties.category = t("docx_footer", lang)
    properties.language = "zh-CN" if lang == "zh" else "en-US"
    properties.author = "QClinic"
    properties.last_modified_by = "QClinic"
    properties.comments = ""
    properties.keywords = data.assessment_id
    now = datetime.now(UTC).replace(microsecond=0)
    properties.created = properties.modified = now
    properties.revision = 1


def build_docx_plan(
    database: Any,
    assessment_id: str,
    out: Path,
    lang: str,
    group_by: str = "owner",
    *,
    today: date | None = None,
) -> BuiltReport:
    """Read the assessment from *database* and write its improvement plan to *out* (.docx)."""
    data = load_report_data(database, assessment_id)
    return render_docx_plan(data, out, lang, group_by, today=today)
