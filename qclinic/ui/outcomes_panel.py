"""The organization page's Outcomes tab: the latest figure per kind with its change, the
"Record outcome…" button, and the selected kind's trend.

The table lists per kind the latest figure and the one before (``96 % → 98 %``); selecting a
line draws that kind's figures over the periods (:func:`qclinic.charts.outcome_figures.draw_trend`).
Matplotlib is imported the first time a trend is drawn — when the tab is shown with figures —
never when the page is built.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qclinic.core import outcomes as rules
from qclinic.ui.errors import ui_language
from qclinic.ui.organization_detail_model import Column, RecordsModel

if TYPE_CHECKING:
    from qclinic.core.outcomes import Change, Point
    from qclinic.core.vocabulary import OutcomeKind
    from qclinic.services import Services


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


class OutcomesPanel(QWidget):
    """The Outcomes tab of one organization (see the module docstring)."""

    def __init__(
        self, services: Services, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._today = today
        self.organization_id: str | None = None
        self.series: dict[OutcomeKind, list[Point]] = {}
        self.canvas: Any = None  # FigureCanvasQTAgg, once a trend is drawn
        self._dirty = False
        self.model = RecordsModel(outcome_columns())
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.record_button = QPushButton()
        self.chart_box = QVBoxLayout()
        buttons = QHBoxLayout()
        buttons.addWidget(self.empty_label, 1)
        buttons.addWidget(self.record_button)
        body = QHBoxLayout()  # side by side: both stay readable on a 1366×768 screen
        body.addWidget(self.view, 1)
        body.addLayout(self.chart_box, 1)
        box = QVBoxLayout(self)
        box.addLayout(buttons)
        box.addLayout(body, 1)
        self.record_button.clicked.connect(self.on_record_clicked)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.record_button.setText(self.tr("Record outcome…"))
        self.empty_label.setText(
            self.tr(
                "Pass rate, complaints, PPM, certificates, standards, patents and awards, "
                "per visit or quarter."
            )
        )
        self.model.retranslate()
        if self.organization_id is not None:
            self.load(self.organization_id)

    def load(self, organization_id: str) -> int:
        """Read the organization's figures again; how many kinds it has."""
        self.organization_id = organization_id
        self.series = self._services.outcomes.series(organization_id)
        changes = rules.changes(self.series)
        self.model.set_rows(changes)
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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._draw()

    def on_selection_changed(self, *_args: object) -> None:
        if self.isVisible():
            self._draw()

    def on_record_clicked(self) -> None:
        from qclinic.ui.outcome_dialog import OutcomeDialog

        if self.organization_id is None:
            return
        dialog = OutcomeDialog(self._services, self.organization_id, self._today(), self)
        if dialog.exec() and dialog.saved is not None:
            self.load(self.organization_id)

    def _draw(self) -> None:
        """The selected kind's trend (the first kind's when none is selected)."""
        self._dirty = False
        if not self.series:
            if self.canvas is not None:
                self.canvas.hide()
            return
        change = self.selected()
        kind = change.kind if change is not None else next(iter(self.series))
        from qclinic.charts.outcome_figures import draw_trend

        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.canvas = FigureCanvasQTAgg(Figure(figsize=(4.2, 2.6), dpi=90))
            self.canvas.setMinimumSize(280, 160)
            self.chart_box.addWidget(self.canvas)
        points = [(p.period, p.value) for p in self.series[kind]]
        draw_trend(self.canvas.figure, kind, points, ui_language())
        self.canvas.show()
        self.canvas.draw_idle()
