"""The clinic cases page: the list of cases with filters, and the case editor beside it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.vocabulary import CaseStatus, NqiCategory
from qclinic.services import ChangeEvent, Services
from qclinic.ui.case_editor import CaseEditor, RegisterCaseDialog
from qclinic.ui.cases_model import (
    COL_CATEGORY,
    COL_ORGANIZATION,
    COL_REGISTERED,
    COL_RESOLVED,
    COL_STATUS,
    COL_TITLE,
    ROW_ROLE,
    CaseFilter,
    CasesModel,
    CasesProxy,
)
from qclinic.ui.keep_place import kept_place, row_id
from qclinic.ui.labels import choices, fill_filter_combo
from qclinic.ui.list_view import record_list
from qclinic.ui.signals import AppSignals

FILTER_DELAY_MS = 200


class CasesPage(QWidget):
    def __init__(self, services: Services, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._services = services
        self._signals = signals
        self._lang = lang
        self._stale = False
        #: the register dialog last opened (kept so tests and callers can reach it)
        self.dialog: RegisterCaseDialog | None = None
        self._build()
        self._connect()
        self.retranslate()

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.summary = QLabel()
        self.organization_search = QLineEdit()
        self.organization_search.setClearButtonEnabled(True)
        self.category_filter = QComboBox()
        self.status_filter = QComboBox()
        self.open_only = QCheckBox()
        self.register_button = QPushButton()

        self.model = CasesModel(self)
        self.proxy = CasesProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = record_list(self.proxy, row_height=28)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COL_REGISTERED, Qt.SortOrder.DescendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_ORGANIZATION, 200),
            (COL_CATEGORY, 150),
            (COL_STATUS, 90),
            (COL_REGISTERED, 100),
            (COL_RESOLVED, 100),
        ):
            header.resizeSection(column, width)

        self.editor = CaseEditor(self._services, self._signals, self._lang)
        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: #7f8c8d;")
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.placeholder)
        self.editor_stack.addWidget(self.editor)

        filters = QHBoxLayout()
        filters.addWidget(self.organization_search, 2)
        filters.addWidget(self.category_filter, 1)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.open_only)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.register_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.view)
        # the list above, the editor below: both get the page's full width
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([260, 440])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter)

    def _connect(self) -> None:
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.organization_search.textChanged.connect(self._filter_timer.start)
        self.category_filter.currentIndexChanged.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.open_only.toggled.connect(self.apply_filter)
        self.register_button.clicked.connect(self.on_register)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.editor.case_changed.connect(self.on_case_changed)
        self._signals.changed.connect(self.on_changed)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Clinic cases"))
        self.organization_search.setPlaceholderText(self.tr("Search organization…"))
        self.open_only.setText(self.tr("Unresolved only"))
        self.register_button.setText(self.tr("Register case…"))
        self.placeholder.setText(self.tr("Select a case to diagnose and prescribe."))
        fill_filter_combo(self.category_filter, self.tr("All NQI categories"), choices(NqiCategory))
        fill_filter_combo(self.status_filter, self.tr("All statuses"), choices(CaseStatus))
        self.editor.retranslate()
        self._show_summary()

    # --- loading and filtering -------------------------------------------------------------
    def load(self) -> None:
        self._stale = False
        with kept_place(self.view, row_id):  # selection and scrolling, by case id
            self.model.set_rows(self._services.cases.rows())
        self._show_summary()

    def current_filter(self) -> CaseFilter:
        category = self.category_filter.currentData()
        status = self.status_filter.currentData()
        return CaseFilter(
            organization=self.organization_search.text(),
            category=NqiCategory(category) if category else None,
            status=CaseStatus(status) if status else None,
            open_only=self.open_only.isChecked(),
        )

    def apply_filter(self, *_: object) -> None:
        self._filter_timer.stop()
        self.proxy.set_filter(self.current_filter())
        self._show_summary()

    def _show_summary(self) -> None:
        unresolved = sum(1 for row in self.model.rows if row.status != CaseStatus.RESOLVED)
        self.summary.setText(
            self.tr("%1 of %2 cases · %3 unresolved")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
            .replace("%3", str(unresolved))
        )

    # --- selection -------------------------------------------------------------------------
    def selected_case_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE).id if rows else None

    def select_case(self, case_id: str) -> bool:
        source_row = self.model.row_of(case_id)
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if source_row < 0 or not index.isValid():
            return False
        self.view.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def on_selection_changed(self, *_: QItemSelection) -> None:
        case_id = self.selected_case_id()
        if case_id != self.editor.case_id:
            self.editor.set_case(case_id)
        self.editor_stack.setCurrentWidget(self.placeholder if case_id is None else self.editor)

    # --- changes ---------------------------------------------------------------------------
    def on_register(self) -> None:
        self.dialog = RegisterCaseDialog(self._services, self._signals, self._lang, parent=self)
        self.dialog.case_saved.connect(self.on_case_registered)
        self.dialog.open()

    def on_case_registered(self, case_id: str) -> None:
        self.on_case_changed(case_id)
        self.select_case(case_id)

    def on_case_changed(self, case_id: str) -> None:
        """Refresh one case's row in place."""
        rows = self._services.cases.rows(case_id=case_id)
        if rows:
            self.model.update_row(rows[0])
        self._show_summary()

    def on_changed(self, event: ChangeEvent) -> None:
        if event.entity != "clinic_case" or event.made_by(self.editor):
            return  # the editor's own change: its row was refreshed by on_case_changed
        if self.dialog is not None and event.made_by(self.dialog):
            return  # the register dialog's: on_case_registered adds the row
        if self.isVisible():
            self.load()
        else:
            self._stale = True

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.load()


def create(services: Services, signals: AppSignals, lang: str) -> QWidget:
    return CasesPage(services, signals, lang)
