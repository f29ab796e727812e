"""The standalone improvement plan: a short PDF of the actions for the people who carry them out.

Grouped by owner (each owner's list on its own, no owner column) or by due month. Its footer
hash covers what the plan shows (:func:`plan_data`), so ``qclinic report verify`` checks a plan
as it checks a report.

An action still open or in progress past its due date is overdue on the day the plan is printed:
its due date prints in red with "逾期 N 天" / "overdue by N days" and a red bar beside the row.
The printing date is presentation, like the language: it is not in the hash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, Spacer

from qclinic.core.overdue import days_overdue
from qclinic.reports import fonts
from qclinic.reports.build import BuiltReport, document_id
from qclinic.reports.data import ActionRow, ReportData, data_hash, load_report_data
from qclinic.reports.document import PageInfo, canvas_class, make_document
from qclinic.reports.i18n import check_language, colon, t
from qclinic.reports.sections import action_rows, heading, para, rich, table
from qclinic.reports.styles import FRAME_WIDTH, mm, styles

GROUPINGS = ("owner", "due")
#: the statuses in which an action past its due date is overdue (as the app's plan list counts)
OPEN_STATUSES = ("open", "in-progress")
OVERDUE_RED = colors.HexColor("#c53030")


def overdue_days(action: ActionRow, today: date) -> int:
    """Days *action* is past its due date on *today*; 0 when it is done, undated or not late."""
    return days_overdue(action.status, action.due_date, today)


def overdue_text(days: int, lang: str) -> str:
    """ "逾期 N 天" / "overdue by N days"."""
    return t("overdue_day" if days == 1 else "overdue_days", lang, days=days)


def marked_action_rows(
    actions: list[ActionRow], lang: str, with_owner: bool, today: date
) -> tuple[list[list[Any]], list[Any]]:
    """The action table's rows with overdue due dates in red, and the red bars' style commands."""
    rows = action_rows(actions, lang, with_owner=with_owner)
    due_column = 2 if with_owner else 1
    extra: list[Any] = []
    cell = styles(lang).cell
    for index, action in enumerate(actions, start=1):
        days = overdue_days(action, today)
        if not days:
            continue
        text = (
            f"<b>{fonts.markup(action.due_date)}</b><br/>{fonts.markup(overdue_text(days, lang))}"
        )
        rows[index][due_column] = rich(f'<font color="#c53030">{text}</font>', cell)
        extra.append(("LINEBEFORE", (0, index), (0, index), 2.5, OVERDUE_RED))
    return rows, extra


@dataclass(frozen=True)
class PlanData:
    """What the plan shows (and what its hash covers)."""

    assessment_id: str
    title: str
    status: str
    revision_no: int
    organization: str
    site: str
    visit_date: str
    actions: tuple[ActionRow, ...]


def plan_data(data: ReportData) -> PlanData:
    """The part of *data* the standalone plan prints."""
    return PlanData(
        data.assessment_id,
        data.title,
        data.status,
        data.revision_no,
        data.organization,
        data.site,
        data.visit_date,
        data.actions,
    )


def _groups(
    actions: tuple[ActionRow, ...], group_by: str, lang: str
) -> list[tuple[str, list[ActionRow]]]:
    key: Callable[[ActionRow], str]
    if group_by == "owner":
        key = lambda a: a.owner or t("no_owner", lang)  # noqa: E731
    else:
        key = lambda a: a.due_date[:7] or t("no_due", lang)  # noqa: E731
    groups: dict[str, list[ActionRow]] = {}
    for action in sorted(actions, key=lambda a: (a.due_date or "9999", a.title)):
        groups.setdefault(key(action), []).append(action)
    missing = (t("no_owner", lang), t("no_due", lang))
    return sorted(groups.items(), key=lambda item: (item[0] in missing, item[0]))


def render_plan(
    data: ReportData,
    out: Path,
    lang: str,
    group_by: str = "owner",
    *,
    doc_id: str | None = None,
    seal: str | None = None,
    today: date | None = None,
) -> BuiltReport:
    """Write the improvement plan of *data* to *out* (*doc_id*, *seal*: see ``render_report``);
    overdue as of *today* (default: today)."""
    lang = check_language(lang)
    today = today or date.today()
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be owner or due, not {group_by!r}")
    shown = plan_data(data)
    info = PageInfo(
        lang=lang,
        title=t("plan_title", lang),
        organization=data.organization,
        document_id=doc_id or document_id(data, "plan"),
        data_hash=data_hash(shown),
        assessment_id=data.assessment_id,
        kind="plan",
        draft=not data.signed,
        subject=f"{data.checklist_id} {data.checklist_version}",
        seal=seal or "",
    )
    s = styles(lang)
    open_count = sum(1 for a in data.actions if a.status in OPEN_STATUSES)
    late = sum(1 for a in data.actions if overdue_days(a, today))
    story: list[Flowable] = [
        para(t("plan_title", lang), s.h1),
        para(f"{data.organization} · {data.title}", s.body),
        para(
            f"{t('visit_date', lang)}{colon(lang)}{data.visit_date or '—'}    "
            f"{t('site', lang)}{colon(lang)}{data.site or '—'}",
            s.muted,
        ),
        para(t("open_count", lang, n=len(data.actions), open=open_count), s.body),
        *([para(t("overdue_count", lang, n=late, date=today.isoformat()), s.body)] if late else []),
        para(t("grouped_owner" if group_by == "owner" else "grouped_due", lang), s.muted),
        Spacer(1, 4 * mm),
        NextPageTemplate("body"),
    ]
    if not data.actions:
        story.append(para(t("no_actions", lang), s.body))
    with_owner = group_by != "owner"
    widths = [FRAME_WIDTH - 98 * mm, 32 * mm, 24 * mm, 18 * mm, 24 * mm]
    if not with_owner:
        widths = [FRAME_WIDTH - 66 * mm, 24 * mm, 18 * mm, 24 * mm]
    for index, (name, actions) in enumerate(_groups(data.actions, group_by, lang)):
        rows, marks = marked_action_rows(actions, lang, with_owner, today)
        story += [
            CondPageBreak(45 * mm),
            heading(
                f"{name}（{len(actions)}）" if lang == "zh" else f"{name} ({len(actions)})",
                f"g{index}",
                0,
                info,
                keep=False,
            ),
            table(rows, widths, marks),
        ]
    out.parent.mkdir(parents=True, exist_ok=True)
    document = make_document(out, info)
    document.build(story, canvasmaker=canvas_class(info))
    return BuiltReport(out, info.document_id, info.data_hash, document.page)


def build_plan(
    database: Any,
    assessment_id: str,
    out: Path,
    lang: str,
    group_by: str = "owner",
    *,
    today: date | None = None,
) -> BuiltReport:
    """Read the assessment from *database*, write its improvement plan to *out*, register it."""
    from qclinic.reports import issue

    data = load_report_data(database, assessment_id)
    prepared = issue.prepare(database, data, "plan")
    built = render_plan(
        data,
        out,
        lang,
        group_by,
        doc_id=prepared.document_id,
        seal=prepared.seal,
        today=today,
    )
    issue.register(database, out, built, plan_data(data), "plan", lang, prepared.seal)
    return built
