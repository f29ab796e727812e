"""The organization page's Outcomes tab: the latest figure per kind with its change, the
selected kind's figures one by one, "Record outcome…", "Edit…" and "Delete", and the trend.

The upper table lists per kind the latest figure and the one before (``96 % → 98 %``);
selecting a line draws that kind's figures over the periods, each clinic and follow-up visit of
the company a labelled dashed line (:func:`qclinic.charts.outcome_figures.draw_trend`), and lists
them below, newest first. *Edit…* (also a double-click and the context menu) opens
:class:`~qclinic.ui.outcome_dialog.OutcomeDialog` filled with the figure; *Delete* asks first,
naming the figure. The figures and the visit days are read in one call
(:meth:`~qclinic.services.outcomes.OutcomeService.trend`); after a change the tables and the
trend are read again at once. Matplotlib is imported the first time a trend is drawn — when the
tab is shown with figures — never when the page is built.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qclinic.core import outcomes as rules
from qclinic.core.vocabulary import OutcomeKind
from qclinic.errors import UserError
from qclinic.ui.errors import show_error, ui_language
from qclinic.ui.organization_detail_model import Column, RecordsModel

if TYPE_CHECKING:
    from qclinic.core.outcomes import Change, Point
    from qclinic.core.vocabulary import VisitKind
    from qclinic.services import Services
    from qclinic.services.outcomes import OutcomeRow
    from qclinic.ui.outcome_dialog import OutcomeDialog


def outcome_columns() -> list[Column]:
    """The table's columns; its rows are :class:`qclinic.core.outcomes.Change`."""
    return [
        Column(
            QT_TRANSLATE_NOOP("OrganizationDetail", "Figure"),
            lambda c: rules.kind_label(c.kind).get(ui_language()),
        ),
        Column(
            QT_TRANSLATE_NOOP("OrganizationDetail", "Latest"),
            lambda c: rules.formatted(c.kind, c.latest.value),
            center=True,
        ),
        Column(QT_TRANSLATE_NOOP("OrganizationDetail", "Change"), lambda c: c.shown()),
        Column(
            QT_TRANSLATE_NOOP("OrganizationDetail", "As of"),
            lambda c: c.latest.period.isoformat(),
        ),
    ]


COL_LEVEL = 2  # of figure_columns(): only standards have a level


def figure_columns() -> list[Column]:
    """The lower table's columns; its rows are :class:`~qclinic.services.outcomes.OutcomeRow`."""
    return [
        Column(
            QT_TRANSLATE_NOOP("OrganizationDetail", "Date"),
            lambda r: r.fields.period.isoformat(),
        ),
        Column(
            QT_TRANSLATE_NOOP("OrganizationDetail", "Value"),
            lambda r: rules.formatted(r.fields.kind, r.fields.value),
            center=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("OrganizationDetail", "Level"),
            lambda r: (
                rules.level_label(r.fields.level).get(ui_language()) if r.fields.level else ""
            ),
        ),
        Column(QT_TRANSLATE_NOOP("OrganizationDetail", "Source"), lambda r: r.fields.source),
        Column(QT_TRANSLATE_NOOP("OrganizationDetail", "Note"), lambda r: r.fields.note),
    ]


def figure_name(row: OutcomeRow) -> str:
    """A figure as a question names it: ``产品合格率 · 2026-06-30 · 98 %`` (with its level)."""
    f = row.fields
    lang = ui_language()
    parts = [rules.kind_label(f.kind).get(lang)]
    if f.level is not None:
        parts.append(rules.level_label(f.level).get(lang))
    parts += [f.period.isoformat(), rules.formatted(f.kind, f.value)]
    return " · ".join(parts)


def _table(model: RecordsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class OutcomesPanel(QWidget):
    """The Outcomes tab of one organization (see the module docstring)."""

    def __init__(
        self, services: Services, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._today = today
        self.organization_id: str | None = None
        self.rows: list[OutcomeRow] = []
        self.series: dict[OutcomeKind, list[Point]] = {}
        self.visits: list[tuple[date, VisitKind]] = []
        self.canvas: Any = None  # FigureCanvasQTAgg, once a trend is drawn
        #: the outcome dialog last opened (kept so tests and callers can reach it)
        self.dialog: OutcomeDialog | None = None
        self._dirty = False
        self.model = RecordsModel(outcome_columns())
        self.view = _table(self.model)
        self.figures_model = RecordsModel(figure_columns())
        self.figures_view = _table(self.figures_model)
        self.figures_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.figures_label = QLabel()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.record_button = QPushButton()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.chart_box = QVBoxLayout()
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label, 1)
        for button in (self.edit_button, self.delete_button, self.record_button):
            buttons.addWidget(button)
        tables = QVBoxLayout()
        tables.addWidget(self.view, 3)
        tables.addWidget(self.figures_label)
        tables.addWidget(self.figures_view, 2)
        body = QHBoxLayout()  # side by side: both stay readable on a 1366×768 screen
        body.addLayout(tables, 1)
        body.addLayout(self.chart_box, 1)
        box = QVBoxLayout(self)
        box.addLayout(buttons)
        box.addLayout(body, 1)
        self.record_button.clicked.connect(self.on_record_clicked)
        self.edit_button.clicked.connect(self.on_edit)
        self.delete_button.clicked.connect(self.on_delete)
        self.figures_view.doubleClicked.connect(self.on_edit)
        self.figures_view.customContextMenuRequested.connect(self.on_context_menu)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.figures_view.selectionModel().selectionChanged.connect(self._show_buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.record_button.setText(self.tr("Record outcome…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.empty_label.setText(
            self.tr(
                "Pass rate, complaints, PPM, certificates, standards, patents and awards, "
                "per visit or quarter."
            )
        )
        self.model.retranslate()
        self.figures_model.retranslate()
        if self.organization_id is not None:
            self.load(self.organization_id)

    def load(self, organization_id: str) -> int:
        """Read the organization's figures and visits again; how many kinds it has."""
        kept = self.selected_kind()
        figure = self.selected_figure()
        self.organization_id = organization_id
        trend = self._services.outcomes.trend(organization_id)
        self.rows, self.visits = trend.rows, trend.visits
        self.series = trend.series()
        changes = rules.changes(self.series)
        self.model.set_rows(changes)
        kinds = [change.kind for change in changes]
        if kept in kinds:
            self.view.selectRow(kinds.index(kept))
        self._show_figures(figure.id if figure is not None else None)
        self._dirty = True
        if self.isVisible():
            self._draw()
        return len(changes)

    def selected(self) -> Change | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        found: Change = self.model.row_at(rows[0].row())
        return found

    def selected_kind(self) -> OutcomeKind | None:
        """The kind chosen in the upper table (the first kind when none is)."""
        change = self.selected()
        if change is not None:
            return change.kind
        return next(iter(self.series), None)

    def selected_figure(self) -> OutcomeRow | None:
        rows = self.figures_view.selectionModel().selectedRows()
        if not rows:
            return None
        found: OutcomeRow = self.figures_model.row_at(rows[0].row())
        return found

    def select_figure(self, outcome_id: str) -> None:
        for number in range(self.figures_model.rowCount()):
            if self.figures_model.row_at(number).id == outcome_id:
                self.figures_view.selectRow(number)
                return

    def _show_figures(self, keep: str | None = None) -> None:
        """The selected kind's figures, newest first, keeping the figure *keep* selected."""
        kind = self.selected_kind()
        figures = [r for r in self.rows if r.fields.kind == kind]
        figures.sort(key=lambda r: (r.fields.period, r.fields.level or ""), reverse=True)
        self.figures_model.set_rows(figures)
        self.figures_view.setColumnHidden(COL_LEVEL, kind is not OutcomeKind.STANDARDS)
        self.figures_label.setText(
            self.tr("Figures of %1").replace("%1", rules.kind_label(kind).get(ui_language()))
            if kind is not None
            else ""
        )
        if keep is not None:
            self.select_figure(keep)
        self._show_buttons()

    def _show_buttons(self, *_args: object) -> None:
        chosen = self.selected_figure() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._draw()

    def on_selection_changed(self, *_args: object) -> None:
        self._show_figures()
        if self.isVisible():
            self._draw()

    # --- changes ---------------------------------------------------------------------------
    def on_record_clicked(self) -> None:
        self._open_dialog(None)

    def on_edit(self, *_args: object) -> None:
        figure = self.selected_figure()
        if figure is not None:
            self._open_dialog(figure)

    def _open_dialog(self, figure: OutcomeRow | None) -> None:
        from qclinic.ui.outcome_dialog import OutcomeDialog

        if self.organization_id is None:
            return
        self.dialog = OutcomeDialog(
            self._services, self.organization_id, self._today(), self, outcome=figure
        )
        self.dialog.accepted.connect(self._saved)
        self.dialog.open()

    def _saved(self) -> None:
        dialog = self.dialog
        if self.organization_id is None or dialog is None or dialog.saved is None:
            return
        saved = dialog.saved
        self.load(self.organization_id)
        kinds = [self.model.row_at(r).kind for r in range(self.model.rowCount())]
        if saved.fields.kind in kinds:
            self.view.selectRow(kinds.index(saved.fields.kind))
        self.select_figure(saved.id)

    def on_delete(self) -> None:
        figure = self.selected_figure()
        if figure is None or self.organization_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete outcome"),
            self.tr("Delete the figure %1? The trend and the reports no longer show it.").replace(
                "%1", figure_name(figure)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.outcomes.delete(figure.id, source=self)
        except UserError as error:
            show_error(error, self)
        self.load(self.organization_id)

    def on_context_menu(self, position: QPoint) -> None:
        index = self.figures_view.indexAt(position)
        if not index.isValid():
            return
        self.figures_view.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Edit…"), self.on_edit)
        menu.addAction(self.tr("Delete…"), self.on_delete)
        menu.popup(self.figures_view.viewport().mapToGlobal(position))

    def _draw(self) -> None:
        """The selected kind's trend (the first kind's when none is selected), with the visits."""
        self._dirty = False
        kind = self.selected_kind()
        if kind is None:
            if self.canvas is not None:
                self.canvas.hide()
            return
        from qclinic.charts.outcome_figures import draw_trend

        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.canvas = FigureCanvasQTAgg(Figure(figsize=(4.2, 2.6), dpi=90))
            self.canvas.setMinimumSize(280, 160)
            self.chart_box.addWidget(self.canvas)
        points = [(p.period, p.value) for p in self.series[kind]]
        draw_trend(self.canvas.figure, kind, points, ui_language(), visits=self.visits)
        self.canvas.show()
        self.canvas.draw_idle()
