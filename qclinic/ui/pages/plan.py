"""The improvement plan page: every action of every organization, and findings → actions.

The "Plan" tab lists actions (:mod:`qclinic.ui.actions_model`) with filters; overdue actions are red
and bold with a badge. Start / Done / Verify move an action along its workflow from the list (also
from the context menu); Verify and Edit open the action dialog. The "Findings" tab shows an
assessment's findings (:class:`~qclinic.ui.findings_panel.FindingsPanel`) to raise actions from.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.vocabulary import ACTION_TRANSITIONS, ActionStatus, Priority
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Services
from qclinic.services.actions import PlanRow, RawPlanRow
from qclinic.ui import tasks
from qclinic.ui.action_dialog import ActionDialog
from qclinic.ui.actions_model import (
    COL_DUE,
    COL_ORGANIZATION,
    COL_OVERDUE,
    COL_OWNER,
    COL_PRIORITY,
    COL_SOURCE,
    COL_STATUS,
    COL_TITLE,
    ROW_ROLE,
    ActionFilter,
    ActionsModel,
    ActionsProxy,
    OverdueBadge,
)
from qclinic.ui.errors import show_error
from qclinic.ui.findings_panel import FindingsPanel
from qclinic.ui.keep_place import kept_place, row_id
from qclinic.ui.labels import choices, fill_filter_combo
from qclinic.ui.list_view import record_list
from qclinic.ui.revisions import titled
from qclinic.ui.signals import AppSignals

Index = QModelIndex | QPersistentModelIndex
FILTER_DELAY_MS = 250  # typing in a search box re-filters once the user pauses


class PlanPage(QWidget):
    def __init__(self, services: Services, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._services = services
        self._signals = signals
        self._lang = lang
        self._stale = False
        #: the action dialog last opened (kept so tests and callers can reach it)
        self.dialog: ActionDialog | None = None
        self._build()
        self._connect()
        self.retranslate()

    # --- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.summary = QLabel()
        self.organization_search = QLineEdit()
        self.organization_search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.priority_filter = QComboBox()
        self.owner_search = QLineEdit()
        self.owner_search.setClearButtonEnabled(True)
        self.overdue_only = QCheckBox()
        self.due_before_check = QCheckBox()
        self.due_before = QDateEdit(QDate(date.today() + timedelta(days=30)))
        self.due_before.setCalendarPopup(True)
        self.due_before.setDisplayFormat("yyyy-MM-dd")
        self.due_before.setEnabled(False)
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.start_button = QPushButton()
        self.done_button = QPushButton()
        self.verify_button = QPushButton()

        self.model = ActionsModel(self)
        self.proxy = ActionsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = record_list(self.proxy, row_height=28)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
        # fixed row heights: the hidden header then skips per-row work on every re-filter
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setItemDelegateForColumn(COL_OVERDUE, OverdueBadge(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_ORGANIZATION, 190),
            (COL_SOURCE, 84),
            (COL_OWNER, 110),
            (COL_DUE, 100),
            (COL_PRIORITY, 80),
            (COL_STATUS, 90),
            (COL_OVERDUE, 100),
        ):
            header.resizeSection(column, width)

        filters = QHBoxLayout()
        for widget, stretch in (
            (self.organization_search, 2),
            (self.status_filter, 0),
            (self.priority_filter, 0),
            (self.owner_search, 1),
            (self.overdue_only, 0),
            (self.due_before_check, 0),
            (self.due_before, 0),
        ):
            filters.addWidget(widget, stretch)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for button in (
            self.new_button,
            self.edit_button,
            self.start_button,
            self.done_button,
            self.verify_button,
        ):
            buttons.addWidget(button)

        plan_tab = QWidget()
        plan_layout = QVBoxLayout(plan_tab)
        plan_layout.addLayout(filters)
        plan_layout.addLayout(buttons)
        plan_layout.addWidget(self.view)

        self.assessment_combo = QComboBox()
        self.assessment_combo.setMinimumContentsLength(40)
        self.findings = FindingsPanel(self._services, self._signals, self._lang)
        self.assessment_label = QLabel()
        findings_tab = QWidget()
        findings_layout = QVBoxLayout(findings_tab)
        chooser = QHBoxLayout()
        chooser.addWidget(self.assessment_label)
        chooser.addWidget(self.assessment_combo, 1)
        findings_layout.addLayout(chooser)
        findings_layout.addWidget(self.findings)

        self.tabs = QTabWidget()
        self.tabs.addTab(plan_tab, "")
        self.tabs.addTab(findings_tab, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs)

    def _connect(self) -> None:
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.organization_search.textChanged.connect(self._filter_timer.start)
        self.owner_search.textChanged.connect(self._filter_timer.start)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.priority_filter.currentIndexChanged.connect(self.apply_filter)
        self.overdue_only.toggled.connect(self.apply_filter)
        self.due_before_check.toggled.connect(self.due_before.setEnabled)
        self.due_before_check.toggled.connect(self.apply_filter)
        self.due_before.dateChanged.connect(self.apply_filter)
        self.new_button.clicked.connect(self.on_new_action)
        self.edit_button.clicked.connect(self.on_edit)
        self.start_button.clicked.connect(lambda: self.move_selected(ActionStatus.IN_PROGRESS))
        self.done_button.clicked.connect(lambda: self.move_selected(ActionStatus.DONE))
        self.verify_button.clicked.connect(lambda: self.move_selected(ActionStatus.VERIFIED))
        self.view.doubleClicked.connect(self.on_edit)
        self.view.customContextMenuRequested.connect(self.on_context_menu)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.proxy.layoutChanged.connect(self._show_summary)
        self.proxy.modelReset.connect(self._show_summary)
        self.assessment_combo.currentIndexChanged.connect(self.on_assessment_chosen)
        self._signals.changed.connect(self.on_changed)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Improvement plans"))
        self.tabs.setTabText(0, self.tr("Actions"))
        self.tabs.setTabText(1, self.tr("Findings → actions"))
        self.organization_search.setPlaceholderText(self.tr("Search organization…"))
        self.owner_search.setPlaceholderText(self.tr("Owner…"))
        self.overdue_only.setText(self.tr("Overdue only"))
        self.due_before_check.setText(self.tr("Due before"))
        self.new_button.setText(self.tr("New action…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.start_button.setText(self.tr("Start"))
        self.done_button.setText(self.tr("Done"))
        self.verify_button.setText(self.tr("Verify…"))
        self.assessment_label.setText(self.tr("Assessment:"))
        fill_filter_combo(self.status_filter, self.tr("All statuses"), choices(ActionStatus))
        fill_filter_combo(self.priority_filter, self.tr("All priorities"), choices(Priority))
        self.findings.retranslate()
        self._show_summary()

    # --- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        """(Re)load every action in the background; the list keeps its filter and sort."""
        self._stale = False
        actions = self._services.actions
        tasks.run_task(
            lambda _progress: actions.plan_table(), on_done=self._on_loaded, on_error=self._failed
        )
        self._load_assessments()

    def _on_loaded(self, rows: list[RawPlanRow]) -> None:
        # one re-filter only: the filter (with today's "overdue") is set first, the rows are
        # sorted before the reset, and the reset re-filters
        today = date.today()
        header = self.view.horizontalHeader()
        self.proxy.prepare_filter(self.proxy.action_filter, today=today)
        with kept_place(self.view, row_id):  # a reload keeps selection and scrolling
            self.model.set_rows(
                rows, today, sort=(header.sortIndicatorSection(), header.sortIndicatorOrder())
            )

    def _failed(self, exc: BaseException) -> None:
        show_error(exc, self)

    def _load_assessments(self) -> None:
        current = self.assessment_combo.currentData()
        entries = [
            (f"{c.organization_name} · {titled(c.assessment.title, c.assessment)}", c.assessment.id)
            for c in self._services.findings.assessment_choices()
        ]
        self.assessment_combo.blockSignals(True)
        self.assessment_combo.clear()
        for text, assessment_id in entries:
            self.assessment_combo.addItem(text, assessment_id)
        self.assessment_combo.setCurrentIndex(max(0, self.assessment_combo.findData(current)))
        self.assessment_combo.blockSignals(False)
        self.on_assessment_chosen()

    def _show_summary(self) -> None:
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        overdue = self.model.overdue_count()
        text = self.tr("%1 of %2 actions · %3 overdue")
        self.summary.setText(
            text.replace("%1", f"{shown:,}")
            .replace("%2", f"{total:,}")
            .replace("%3", f"{overdue:,}")
        )

    # --- filtering -------------------------------------------------------------------------
    def current_filter(self) -> ActionFilter:
        status = self.status_filter.currentData()
        priority = self.priority_filter.currentData()
        return ActionFilter(
            organization=self.organization_search.text(),
            status=ActionStatus(status) if status else None,
            priority=Priority(priority) if priority else None,
            owner=self.owner_search.text(),
            overdue_only=self.overdue_only.isChecked(),
            due_before=self.due_before.date().toPython()  # type: ignore[arg-type]
            if self.due_before_check.isChecked()
            else None,
        )

    def apply_filter(self, *_: object) -> None:
        self._filter_timer.stop()
        self.proxy.set_filter(self.current_filter())
        self.on_selection_changed()

    # --- selection and status moves --------------------------------------------------------
    def selected_row(self) -> PlanRow | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        row: PlanRow = rows[0].data(ROW_ROLE)
        return row

    def select_action(self, action_id: str) -> bool:
        """Select *action_id* in the list (False when it is filtered out)."""
        source_row = self.model.row_of(action_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.view.selectRow(index.row())
        self.view.scrollTo(index)
        return True

    def on_selection_changed(self, *_: object) -> None:
        row = self.selected_row()
        allowed = ACTION_TRANSITIONS[row.status] if row else frozenset()
        self.edit_button.setEnabled(row is not None)
        self.start_button.setEnabled(ActionStatus.IN_PROGRESS in allowed)
        self.done_button.setEnabled(ActionStatus.DONE in allowed)
        self.verify_button.setEnabled(ActionStatus.VERIFIED in allowed)

    def move_selected(self, status: ActionStatus) -> None:
        row = self.selected_row()
        if row is not None:
            self.move_action(row.id, status)

    def move_action(self, action_id: str, status: ActionStatus) -> None:
        """Commit a status move; verifying opens the dialog that asks for the note."""
        status = ActionStatus(status)
        if status is ActionStatus.VERIFIED:
            self._open_dialog(
                ActionDialog(
                    self._services, self._signals, action_id=action_id, verify=True, parent=self
                )
            )
            return
        try:
            self._services.actions.move(action_id, status, source=self)
        except UserError as exc:
            show_error(exc, self)
            return
        self._committed(action_id)

    def _committed(self, action_id: str) -> None:
        """Refresh the one row this page changed, in place (the app heard of it from the service)."""
        rows = self._services.actions.plan_table(action_id=action_id)
        if rows:
            self.model.update_row(rows[0])
        self._show_summary()
        self.on_selection_changed()

    # --- dialogs, menu ---------------------------------------------------------------------
    def on_new_action(self) -> None:
        self._open_dialog(ActionDialog(self._services, self._signals, parent=self))

    def on_edit(self, *_: object) -> None:
        row = self.selected_row()
        if row is not None:
            self._open_dialog(
                ActionDialog(self._services, self._signals, action_id=row.id, parent=self)
            )

    def _open_dialog(self, dialog: ActionDialog) -> None:
        self.dialog = dialog
        dialog.action_saved.connect(self._on_dialog_saved)
        dialog.open()

    def _on_dialog_saved(self, action_id: str) -> None:
        self._committed(action_id)
        self.select_action(action_id)

    def on_context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if index.isValid():
            self.view.selectRow(index.row())
        menu = self.context_menu()
        if menu is not None:
            menu.popup(self.view.viewport().mapToGlobal(position))

    def context_menu(self) -> QMenu | None:
        """Edit, and the status moves the selected action allows."""
        row = self.selected_row()
        if row is None:
            return None
        menu = QMenu(self)
        menu.addAction(self.tr("Edit…"), self.on_edit)
        menu.addSeparator()
        moves = {
            ActionStatus.OPEN: self.tr("Reopen"),
            ActionStatus.IN_PROGRESS: self.tr("Start (in progress)"),
            ActionStatus.DONE: self.tr("Mark done"),
            ActionStatus.VERIFIED: self.tr("Verify…"),
        }
        for status, text in moves.items():
            if status in ACTION_TRANSITIONS[row.status]:
                menu.addAction(text, lambda s=status: self.move_action(row.id, s))
        return menu

    # --- findings tab, app events ----------------------------------------------------------
    def on_assessment_chosen(self, *_: object) -> None:
        self.findings.set_assessment(self.assessment_combo.currentData())

    def made_by_me(self, event: ChangeEvent) -> bool:
        """Whether this page (or its action dialog) made *event*'s change: it updated that row."""
        return event.made_by(self) or (self.dialog is not None and event.made_by(self.dialog))

    def on_changed(self, event: ChangeEvent) -> None:
        if event.entity == "action" and not self.made_by_me(event):
            if self.isVisible():
                self.load()
            else:
                self._stale = True
        elif event.entity in ("assessment", "finding", "organization"):
            self._stale = True

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.load()


def create(services: Services, signals: AppSignals, lang: str) -> QWidget:
    return PlanPage(services, signals, lang)
