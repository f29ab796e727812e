"""The Qt models of an organization's detail: its assessment history with the trend, open actions
(overdue ones flagged, by the rule of :mod:`qclinic.core.overdue`), clinic cases and sites.

Each table is a :class:`RecordsModel` over records with a list of :class:`Column`; the history's
lines (:class:`AssessmentLine`) compare each assessment with the previous one of its checklist.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from qclinic.core import overdue
from qclinic.core.vocabulary import AssessmentStatus, Priority
from qclinic.ui.labels import label
from qclinic.ui.organizations_model import ROW_ROLE
from qclinic.ui.revisions import titled
from qclinic.ui.table_model import TableModel
from qclinic.ui.times import local_date

Index = QModelIndex | QPersistentModelIndex

__all__ = ["ROW_ROLE", "SORT_ROLE", "AssessmentLine", "RecordsModel", "is_overdue"]

_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)

#: a sort key (number or text) for the detail tables' proxies
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
OVERDUE_COLOR = QColor("#c62828")
RISE_COLOR = QColor("#2e7d32")
SPARK = "▁▂▃▄▅▆▇█"


def _dtr(text: str) -> str:
    return QCoreApplication.translate("OrganizationDetail", text)


@dataclass(frozen=True)
class AssessmentLine:
    """One assessment of the history, with the change since the previous one of its checklist."""

    id: str
    when: date
    title: str
    checklist_id: str
    checklist_title: str
    status: AssessmentStatus
    percent: float | None
    grade: str | None
    change: float | None = None  # percentage points since the previous scored one
    previous_grade: str | None = None


def assessment_lines(
    found: Sequence[Any], visit_dates: dict[str, date], titles: dict[str, str]
) -> list[AssessmentLine]:
    """Assessments oldest first (by visit date, else creation), each compared with the previous
    scored assessment of the same checklist."""
    ordered = sorted(
        found,
        key=lambda a: (visit_dates.get(a.visit_id) or local_date(a.created_at), a.id),
    )
    previous: dict[str, AssessmentLine] = {}
    # the revisions of one assessment (an amended one and its amendments) are told apart
    in_chain = {a.id for a in found if a.amends_id} | {a.amends_id for a in found if a.amends_id}
    lines = []
    for a in ordered:
        before = previous.get(a.checklist_id)
        change = None
        if before is not None and a.score_percent is not None and before.percent is not None:
            change = a.score_percent - before.percent
        line = AssessmentLine(
            id=a.id,
            when=visit_dates.get(a.visit_id) or local_date(a.created_at),
            title=titled(a.title, a) if a.id in in_chain else a.title,
            checklist_id=a.checklist_id,
            checklist_title=titles.get(a.checklist_id, a.checklist_id),
            status=a.status,
            percent=a.score_percent,
            grade=a.grade,
            change=change,
            previous_grade=before.grade if before is not None else None,
        )
        if a.score_percent is not None:
            previous[a.checklist_id] = line
        lines.append(line)
    return lines


def trend_text(line: AssessmentLine) -> str:
    """The change since the previous one: "▲ +9.6 (C → B)", "▼ −2.0", "= 0.0" or ""."""
    if line.change is None:
        return ""
    arrow = "=" if abs(line.change) < 0.05 else "▲" if line.change > 0 else "▼"
    text = f"{arrow} {line.change:+.1f}".replace("-", "−")
    if line.previous_grade and line.grade and line.previous_grade != line.grade:
        text += f"  ({line.previous_grade} → {line.grade})"
    return text


def grade_trend(lines: Sequence[AssessmentLine]) -> str:
    """A one-line sparkline of the scored assessments (scaled to their range): "▁█  C 64.1% → B 73.7%"."""
    scored = [line for line in lines if line.percent is not None]
    if not scored:
        return ""
    percents = [line.percent or 0.0 for line in scored]
    low, high = min(percents), max(percents)
    if high - low < 1.0:  # flat: place it on the 0–100 scale
        low, high = 0.0, 100.0
    top = len(SPARK) - 1
    spark = "".join(SPARK[round((p - low) / (high - low) * top)] for p in percents)
    steps = " → ".join(
        f"{line.grade} {line.percent:.1f}%" if line.grade else f"{line.percent:.1f}%"
        for line in scored
    )
    return f"{spark}   {steps}"


def is_overdue(action: Any, today: date) -> bool:
    """Whether an action record is overdue on *today* (:func:`qclinic.core.overdue.is_overdue`)."""
    return overdue.is_overdue(action.status, action.due_date, today)


class Column(NamedTuple):
    header: str  # English source text, translated in the "OrganizationDetail" context
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    center: bool = False


def _date_text(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def assessment_columns() -> list[Column]:
    return [
        Column(
            QT_TRANSLATE_NOOP("OrganizationDetail", "Date"),
            lambda r: _date_text(r.when),
            lambda r: r.when.isoformat(),
        ),
        Column(QT_TRANSLATE_NOOP("OrganizationDetail", "Title"), lambda r: r.title),
        Column(QT_TRANSLATE_NOOP("OrganizationDetail", "Checklist"), lambda r: r.checklist_title),
        Column(QT_TRANSLATE_NOOP("OrganizationDetail", "Status"), lambda r: label(r.status)),
        Column(
            QT_TRANSLATE_NOOP("OrganizationDetail", "Score"),
            lambda r: "" if r.percent is None else f"{r.percent:.1f}%",
            lambda r: -1.0 if r.percent is None else r.percent,
            center=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("OrganizationDetail", "Grade"), lambda r: r.grade or "", center=True
        ),
        Column(
            QT_TRANSLATE_NOOP("OrganizationDetail", "Change"),
            trend_text,
            lambda r: 0.0 if r.change is None else r.change,
        ),
    ]


def action_columns() -> list[Column]:
    return [
        Column(QT_TRANSLATE_NOOP("OrganizationDetail", "Action"), lambda a: a.title),
        Column(QT_TRANSLATE_NOOP("OrganizationDetail", "Owner"), lambda a: a.owner),
        Column(
            QT_TRANSLATE_NOOP("OrganizationDetail", "Due"),
            lambda a: _date_text(a.due_date),
            lambda a: _date_text(a.due_date) or "~",
        ),
        Column(
            QT_TRANSLATE_NOOP("OrganizationDetail", "Priority"),
            lambda a: label(a.priority),
            lambda a: list(Priority).index(a.priority),
        ),
        Column(QT_TRANSLATE_NOOP("OrganizationDetail", "Status"), lambda a: label(a.status)),
    ]


def case_columns() -> list[Column]:
    return [
        Column(QT_TRANSLATE_NOOP("OrganizationDetail", "Case"), lambda c: c.title),
        Column(
            QT_TRANSLATE_NOOP("OrganizationDetail", "Category"), lambda c: label(c.nqi_category)
        ),
        Column(QT_TRANSLATE_NOOP("OrganizationDetail", "Status"), lambda c: label(c.status)),
        Column(
            QT_TRANSLATE_NOOP("OrganizationDetail", "Resolved on"),
            lambda c: _date_text(c.resolved_on),
        ),
    ]


def site_columns() -> list[Column]:
    return [
        Column(QT_TRANSLATE_NOOP("OrganizationDetail", "Site"), lambda s: s.name),
        Column(QT_TRANSLATE_NOOP("OrganizationDetail", "Address"), lambda s: s.address),
    ]


class RecordsModel(TableModel[Any]):
    """A small read-only table of records; ``ROW_ROLE`` returns the record.

    *style* says whether a record is flagged (an overdue action): it is shown red and bold.
    """

    CONTEXT = "OrganizationDetail"

    def __init__(
        self,
        columns: Sequence[Column],
        parent: Any = None,
        style: Callable[[Any], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._style = style

    def header_labels(self) -> list[str]:
        return [column.header for column in self._columns]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return column.sort(row) if column.sort is not None else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.center:
            return _ALIGN_CENTER
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.text(row) or None
        flagged = self._style is not None and self._style(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if flagged:
                return OVERDUE_COLOR
            if isinstance(row, AssessmentLine) and column.header == "Change" and row.change:
                return RISE_COLOR if row.change > 0 else OVERDUE_COLOR
        if role == Qt.ItemDataRole.FontRole and flagged:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def row(self, number: int) -> Any:
        return self._rows[number]
