"""Comparing two assessments of one organization: section percentages side by side, and a radar.

The radar is a matplotlib figure from :mod:`qclinic.charts.radar`; matplotlib and its Qt canvas
are imported only when the dialog draws it, never at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.checklists.model import Text
from qclinic.core.scoring.result import ScoreResult
from qclinic.services import Services
from qclinic.ui.errors import show_error
from qclinic.ui.labels import label
from qclinic.ui.layout import fitted_size
from qclinic.ui.revisions import revision_of
from qclinic.ui.table_model import TableModel
from qclinic.ui.times import local_date

Index = QModelIndex | QPersistentModelIndex

COL_SECTION, COL_A, COL_B, COL_DELTA = range(4)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

BETTER = QColor("#1e7b34")
WORSE = QColor("#b3261e")
SAME = QColor("#6b7380")
#: A change smaller than this (percentage points) shows as unchanged.
UNCHANGED_BELOW = 0.05


def format_percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def format_delta(delta: float | None) -> str:
    """ "▲ +11.4", "▼ −3.0", "＝ 0.0", or "—" when one side has no score."""
    if delta is None:
        return "—"
    if abs(delta) < UNCHANGED_BELOW:
        return "＝ 0.0"
    arrow, sign = ("▲", "+") if delta > 0 else ("▼", "−")
    return f"{arrow} {sign}{abs(delta):.1f}"


def delta_colour(delta: float | None) -> QColor:
    if delta is None or abs(delta) < UNCHANGED_BELOW:
        return SAME
    return BETTER if delta > 0 else WORSE


@dataclass(frozen=True)
class SectionRow:
    """One top-level section with its percentage in each assessment (``None``: not scored)."""

    id: str
    title: Text
    a: float | None
    b: float | None

    @property
    def delta(self) -> float | None:
        return None if self.a is None or self.b is None else self.b - self.a


def section_rows(first: ScoreResult, second: ScoreResult) -> list[SectionRow]:
    """Top-level sections of both results, matched by id, in the first one's order."""
    a = {s.id: s for s in first.sections if s.level == 1}
    b = {s.id: s for s in second.sections if s.level == 1}
    order = [*a, *(sid for sid in b if sid not in a)]
    return [
        SectionRow(
            sid,
            (a.get(sid) or b[sid]).title,
            a[sid].percent if sid in a else None,
            b[sid].percent if sid in b else None,
        )
        for sid in order
    ]


class SectionCompareModel(TableModel[SectionRow]):
    """Section, A %, B %, change; ``ROW_ROLE`` returns the :class:`SectionRow`.

    ``set_rows`` shows another pair of assessments (a reset: every row is new).
    """

    CONTEXT = "SectionCompareModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("SectionCompareModel", "Section"),
        QT_TRANSLATE_NOOP("SectionCompareModel", "A (%)"),
        QT_TRANSLATE_NOOP("SectionCompareModel", "B (%)"),
        QT_TRANSLATE_NOOP("SectionCompareModel", "Change"),
    )

    def __init__(self, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._lang = lang

    def header_alignment(self, column: int) -> int | None:
        if column == COL_SECTION:
            return None
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def rows(self) -> list[SectionRow]:
        return list(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_SECTION:
                return f"{row.id}  {row.title.get(self._lang)}"
            if column == COL_A:
                return format_percent(row.a)
            if column == COL_B:
                return format_percent(row.b)
            return format_delta(row.delta)
        if role == SORT_ROLE:
            if column == COL_SECTION:
                return index.row()  # checklist order
            value = (row.a, row.b, row.delta)[column - 1]
            return float("-inf") if value is None else value
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_SECTION:
            return row.title.get(self._lang)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_DELTA:
            return delta_colour(row.delta)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_SECTION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass(frozen=True)
class Choice:
    """An assessment offered in the combo boxes."""

    id: str
    title: str
    checklist_id: str
    status: Any
    grade: str | None
    when: date
    revision: str = ""  # "Rev. 2 · Draft · 2026-03-12"


def list_choices(services: Services, organization_id: str) -> list[Choice]:
    """The organization's live assessments, newest first, dated by their visit when they have one."""
    return [
        Choice(
            a.id,
            a.title,
            a.checklist_id,
            a.status,
            a.grade,
            dated.visit_date or local_date(a.created_at),
            revision_of(a),
        )
        for dated in services.assessments.of_organization(organization_id)
        for a in (dated.assessment,)
    ]


def default_pair(choices: list[Choice]) -> tuple[str, str] | None:
    """(earlier, later): the two most recent assessments that used the same checklist."""
    for index, newest in enumerate(choices):
        for older in choices[index + 1 :]:
            if older.checklist_id == newest.checklist_id:
                return older.id, newest.id
    if len(choices) >= 2:
        return choices[1].id, choices[0].id
    return None


class _CompareLayout:
    """The widgets and their arrangement; :class:`CompareDialog` gives them behaviour."""

    def __init__(self, dialog: QDialog) -> None:
        self.first = QComboBox()
        self.second = QComboBox()
        for combo in (self.first, self.second):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(36)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.first_label = QLabel()
        self.second_label = QLabel()
        self.first_label.setBuddy(self.first)
        self.second_label.setBuddy(self.second)
        pickers = QFormLayout()
        pickers.addRow(self.first_label, self.first)
        pickers.addRow(self.second_label, self.second)

        self.first_total = QLabel()
        self.second_total = QLabel()
        self.change_total = QLabel()
        totals = QHBoxLayout()
        for widget in (self.first_total, self.second_total, self.change_total):
            widget.setFrameShape(QFrame.Shape.StyledPanel)
            widget.setTextFormat(Qt.TextFormat.RichText)
            widget.setMargin(8)
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            totals.addWidget(widget)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5a00;")
        self.notice.hide()

        self.table = QTableView()
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setMinimumWidth(420)
        self.chart_holder = QWidget()
        self.chart_layout = QVBoxLayout(self.chart_holder)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        body = QHBoxLayout()
        body.addWidget(self.table, 5)
        body.addWidget(self.chart_holder, 6)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(dialog)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(pickers)
        layout.addLayout(totals)
        layout.addWidget(self.notice)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)


class CompareDialog(QDialog):
    """Two assessments of one organization side by side, with a radar of their section scores."""

    def __init__(
        self,
        services: Services,
        lang: str,
        organization_id: str,
        first_id: str | None = None,
        second_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._snapshots = services.snapshots
        self._lang = lang
        self._organization_id = organization_id
        self.canvas: Any = None  # FigureCanvasQTAgg, once drawn
        self.ui = _CompareLayout(self)
        self.model = SectionCompareModel(lang, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.ui.table.setModel(self.proxy)
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(COL_SECTION, QHeaderView.ResizeMode.Stretch)
        for column in (COL_A, COL_B, COL_DELTA):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.table.sortByColumn(COL_SECTION, Qt.SortOrder.AscendingOrder)
        self.ui.buttons.rejected.connect(self.reject)
        self.resize(fitted_size(self, QSize(1180, 720)))  # whole on a 1366×768 laptop
        self.retranslate()

        self.choices = list_choices(services, organization_id)
        for choice in self.choices:
            text = self._choice_text(choice)
            self.ui.first.addItem(text, choice.id)
            self.ui.second.addItem(text, choice.id)
        pair = default_pair(self.choices)
        if first_id is not None and second_id is not None:
            pair = (first_id, second_id)
        if pair is not None:
            self.ui.first.setCurrentIndex(self.ui.first.findData(pair[0]))
            self.ui.second.setCurrentIndex(self.ui.second.findData(pair[1]))
        self.ui.first.currentIndexChanged.connect(self.on_choice_changed)
        self.ui.second.currentIndexChanged.connect(self.on_choice_changed)
        self.on_choice_changed()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare assessments"))
        self.ui.first_label.setText(self.tr("Assessment &A"))
        self.ui.second_label.setText(self.tr("Assessment &B"))

    def _choice_text(self, choice: Choice) -> str:
        grade = choice.grade or "—"
        revision = choice.revision or label(choice.status)
        return f"{choice.when:%Y-%m-%d} · {choice.title} · {revision} · {grade}"

    def selected_ids(self) -> tuple[str | None, str | None]:
        return self.ui.first.currentData(), self.ui.second.currentData()

    # --- slots -------------------------------------------------------------------------------
    def on_choice_changed(self) -> None:
        first_id, second_id = self.selected_ids()
        if first_id is None or second_id is None:
            self._show_notice(
                self.tr("This organization needs at least two assessments to compare.")
            )
            self.model.set_rows([])
            return
        try:
            first, second = self._snapshots.scores([first_id, second_id])
        except Exception as exc:  # a frozen checklist that no longer loads, say
            show_error(exc, self)
            return
        self.results = (first, second)
        rows = section_rows(first, second)
        self.model.set_rows(rows)
        if first.checklist_id != second.checklist_id:
            self._show_notice(
                self.tr("The two assessments use different checklists; sections are matched by id.")
            )
        elif first_id == second_id:
            self._show_notice(self.tr("The same assessment is chosen twice."))
        else:
            self.ui.notice.hide()
        self._show_totals(first, second)
        self._show_radar(rows)

    def _show_notice(self, text: str) -> None:
        self.ui.notice.setText(text)
        self.ui.notice.show()

    def _show_totals(self, first: ScoreResult, second: ScoreResult) -> None:
        for widget, name, result in (
            (self.ui.first_total, "A", first),
            (self.ui.second_total, "B", second),
        ):
            grade = result.grade or "—"
            if result.grade_label is not None:
                grade = f"{grade} · {result.grade_label.get(self._lang)}"
            overall, grade_word = self.tr("Overall"), self.tr("Grade")
            widget.setText(
                f"<span style='color:#5f6b7a'>{name} · {overall}</span><br>"
                f"<span style='font-size:18px; font-weight:600'>"
                f"{format_percent(result.percent)}%</span>&nbsp;&nbsp;"
                f"<span style='font-size:14px'>{grade_word} {grade}</span>"
            )
        delta = (
            None
            if first.percent is None or second.percent is None
            else second.percent - first.percent
        )
        colour = delta_colour(delta).name()
        change = self.tr("Change B − A (points)")
        self.ui.change_total.setText(
            f"<span style='color:#5f6b7a'>{change}</span><br>"
            f"<span style='font-size:18px; font-weight:600; color:{colour}'>"
            f"{format_delta(delta)}</span>"
        )

    def _show_radar(self, rows: list[SectionRow]) -> None:
        """Draw (or redraw) the radar; matplotlib is imported here, on first use."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from qclinic.charts.radar import radar_figure

        titles = {choice.id: choice.title for choice in self.choices}
        first_id, second_id = self.selected_ids()
        series = [
            (f"A · {titles.get(first_id or '', '')}", [r.a for r in rows]),
            (f"B · {titles.get(second_id or '', '')}", [r.b for r in rows]),
        ]
        labels = [r.title.get(self._lang) for r in rows]
        figure = radar_figure(labels, series, self._lang)
        canvas = FigureCanvasQTAgg(figure)
        canvas.setMinimumSize(460, 420)
        if self.canvas is not None:
            self.ui.chart_layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = canvas
        self.ui.chart_layout.addWidget(canvas)


def open_compare(
    parent: QWidget | None, services: Services, lang: str, organization_id: str
) -> None:
    """Show the compare dialog for *organization_id* (modal)."""
    dialog = CompareDialog(services, lang, organization_id, parent=parent)
    dialog.exec()
    dialog.deleteLater()
