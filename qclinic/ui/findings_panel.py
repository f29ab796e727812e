"""An assessment's findings, with "Create action" and "Refer…": a reusable panel (the plan
page's Findings tab).

``FindingsPanel(services, signals, lang).set_assessment(assessment_id)`` lists the findings
(severity in its colour, NQI category, title, the linked question in the page's language, how many
actions were raised; read by :meth:`~qclinic.services.findings.FindingService.rows`); "Create
action" opens :class:`~qclinic.ui.action_dialog.ActionDialog` prefilled from the selected finding.
Below the list, the selected finding's referrals to NQI service providers
(:class:`~qclinic.ui.referrals_box.ReferralsBox`: status, provider, the next step, the delivery
evidence); its *Refer…* (also in the list's context menu) proposes the finding's NQI field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.vocabulary import FindingSeverity
from qclinic.services import ChangeEvent, Services
from qclinic.services.findings import FindingRow
from qclinic.ui.action_dialog import ActionDialog, ActionPrefill
from qclinic.ui.labels import label
from qclinic.ui.list_view import record_list
from qclinic.ui.referrals_box import COL_DELIVERED, COL_FIELD, COL_STATUS, ReferralsBox
from qclinic.ui.signals import AppSignals
from qclinic.ui.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex

COL_SEVERITY, COL_CATEGORY, COL_TITLE, COL_QUESTION, COL_ACTIONS = range(5)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

SEVERITY_COLOURS = {
    FindingSeverity.MAJOR_NC: QColor("#c0392b"),
    FindingSeverity.MINOR_NC: QColor("#d35400"),
    FindingSeverity.OBSERVATION: QColor("#9a7d0a"),
    FindingSeverity.OPPORTUNITY: QColor("#2471a3"),
    FindingSeverity.GOOD_PRACTICE: QColor("#1e8449"),
}
_HEADERS = (
    QT_TRANSLATE_NOOP("FindingsModel", "Severity"),
    QT_TRANSLATE_NOOP("FindingsModel", "NQI category"),
    QT_TRANSLATE_NOOP("FindingsModel", "Finding"),
    QT_TRANSLATE_NOOP("FindingsModel", "Question"),
    QT_TRANSLATE_NOOP("FindingsModel", "Actions"),
)


class FindingsModel(TableModel[FindingRow]):
    """One row per finding; ``ROW_ROLE`` returns the :class:`FindingRow`."""

    CONTEXT = "FindingsModel"
    HEADERS = _HEADERS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                label(row.severity),
                label(row.nqi_category),
                row.title,
                row.question,
                str(row.actions),
            )[column]
        if column == COL_SEVERITY and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.DecorationRole,
        ):
            return SEVERITY_COLOURS.get(row.severity)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_TITLE, COL_QUESTION):
            return row.title if column == COL_TITLE else row.question
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_ACTIONS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class FindingsPanel(QWidget):
    """The findings of one assessment and a "Create action" button."""

    def __init__(self, services: Services, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._services = services
        self._signals = signals
        self._lang = lang
        self.assessment_id: str | None = None
        self._organization: tuple[str, str] | None = None  # (id, name)
        #: the action dialog last opened (kept so tests and callers can reach it)
        self.dialog: ActionDialog | None = None

        self.heading = QLabel()
        self.heading.setObjectName("findingsHeading")
        self.model = FindingsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = record_list(self.proxy)
        self.view.setSortingEnabled(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_QUESTION, QHeaderView.ResizeMode.Stretch)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.create_button = QPushButton()
        self.create_button.setEnabled(False)
        self.referrals = ReferralsBox(services, signals)
        self.referrals.view.showColumn(COL_DELIVERED)  # the box is as wide as the list here
        referrals_header = self.referrals.view.horizontalHeader()
        for column in (COL_FIELD, COL_STATUS):
            referrals_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        buttons = QHBoxLayout()
        buttons.addWidget(self.heading, 1)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.referrals, 2)

        self.create_button.clicked.connect(self.on_create_action)
        self.view.doubleClicked.connect(self.on_create_action)
        self.view.customContextMenuRequested.connect(self.on_context_menu)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        signals.changed.connect(self.on_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.create_button.setText(self.tr("Create action…"))
        self.referrals.retranslate()
        self._show_heading()

    def set_assessment(self, assessment_id: str | None) -> None:
        """Show the findings of *assessment_id* (None: nothing)."""
        self.assessment_id = assessment_id
        self._organization = None
        if assessment_id is not None:
            self._organization = self._services.findings.organization_of(assessment_id)
        self.reload()

    def reload(self) -> None:
        kept = self.selected_finding()
        rows = (
            []
            if self.assessment_id is None
            else self._services.findings.rows(self.assessment_id, self._lang)
        )
        self.model.set_rows(rows)
        self.view.resizeColumnToContents(COL_SEVERITY)
        self.view.resizeColumnToContents(COL_CATEGORY)
        self._show_heading()
        if kept is not None:
            self.select_finding(kept.id)
        self.on_selection_changed()

    def _show_heading(self) -> None:
        count = self.model.rowCount()
        self.heading.setText(
            self.tr("%n finding(s)", None, count)
            if self.assessment_id
            else self.tr("No assessment")
        )

    def selected_finding(self) -> FindingRow | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        row: FindingRow = rows[0].data(ROW_ROLE)
        return row

    def select_finding(self, finding_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ROW_ROLE).id == finding_id:
                self.view.selectRow(row)
                return

    # --- slots -----------------------------------------------------------------------------
    def on_selection_changed(self, *_: object) -> None:
        finding = self.selected_finding()
        self.create_button.setEnabled(finding is not None)
        if finding is None:
            self.referrals.set_finding(None)
        elif finding.id != self.referrals.finding_id:
            self.referrals.set_finding(finding.id, finding.nqi_category)

    def on_refer(self) -> None:
        """Refer the selected finding's company to a provider (the box's *Refer…*)."""
        if self.selected_finding() is not None:
            self.referrals.on_refer()

    def on_context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        self.view.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Create action…"), self.on_create_action)
        menu.addAction(self.tr("Refer to a service provider…"), self.on_refer)
        menu.popup(self.view.viewport().mapToGlobal(position))

    def on_create_action(self, *_: object) -> None:
        finding = self.selected_finding()
        if finding is None or self._organization is None:
            return
        organization_id, organization_name = self._organization
        description = finding.description
        if finding.evidence:
            evidence = self.tr("Evidence:")
            description = f"{description}\n{evidence} {finding.evidence}".strip()
        prefill = ActionPrefill(
            organization_id=organization_id,
            organization_name=organization_name,
            finding_id=finding.id,
            source=f"{label(finding.severity)} · {finding.title}",
            title=finding.title,
            description=description,
        )
        self.dialog = ActionDialog(self._services, self._signals, prefill=prefill, parent=self)
        self.dialog.open()

    def on_changed(self, event: ChangeEvent) -> None:
        if event.entity in ("action", "finding") and self.assessment_id is not None:
            self.reload()
