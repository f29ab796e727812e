"""The SPC / MSA workspace: datasets of an organization, charts, capability and gage R&R.

Left: the organization and its datasets (searchable), with Import / New / Delete. Right: tabs —
the interactive control chart (hover for a point's rules, click to exclude or include it with a
reason; limits are recomputed at once), the capability view, the gage R&R view (ANOVA or X̄-R,
with a tolerance), the MSA studies (linearity and bias, attribute agreement) and the editable
data grid. Chart, rules, phase I and the gage settings are remembered per dataset
(:mod:`qclinic.ui.spc.dataset_settings`); values left blank are left out after asking. The edit
handlers are in :mod:`qclinic.ui.spc.page_edits`, the analyses in
:mod:`qclinic.ui.spc.page_analysis`. The page reads and changes data only through the services
(``services.datasets``, ``services.analyses``); it refreshes on change events from elsewhere and
skips its own (``event.made_by(self)``). matplotlib is imported only in :meth:`SpcPage.load`
(the page's first showing).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qclinic.services import ChangeEvent, Services
from qclinic.ui.layout import shrink_to_fit
from qclinic.ui.signals import AppSignals
from qclinic.ui.spc.models import (
    COL_CHARACTERISTIC,
    COL_NAME,
    ROW_ROLE,
    DatasetListModel,
    ValuesModel,
)
from qclinic.ui.spc.page_analysis import DatasetAnalysis
from qclinic.ui.spc.page_edits import DatasetEdits
from qclinic.ui.tasks import Task

# the tables whose changes the workspace shows
_SHOWN = {"organization", "dataset", "dataset_value"}


class SpcPage(DatasetEdits, DatasetAnalysis, QWidget):
    def __init__(self, services: Services, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._services = services
        self._signals = signals
        self._lang = lang
        self.dataset: Any = None
        self.data: Any = None
        self.result: dict[str, Any] | None = None
        self.analysis: Any = None
        self._job: Task | None = None
        self._wanted: str | None = None
        self.gage_result: dict[str, Any] | None = None
        self.chart_view: Any = None
        self.capability_view: Any = None
        self.gage_view: Any = None
        self.msa_view: Any = None
        self._applying = False  # showing a dataset's remembered settings: do not save them back
        self._declined: dict[str, Any] = {}  # dataset id -> missing values the user declined

        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.organization_combo = QComboBox()
        shrink_to_fit(self.organization_combo)  # a long company name must not widen the page
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.list_model = DatasetListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.list_model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.list_view = QTableView()
        self.list_view.setModel(self.proxy)
        self.list_view.verticalHeader().hide()
        self.list_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.list_view.setSortingEnabled(True)
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.list_view.setColumnHidden(COL_CHARACTERISTIC, True)  # in the name's tooltip
        self.import_button = QPushButton()
        self.new_button = QPushButton()
        self.delete_button = QPushButton()

        self.tabs = QTabWidget()
        self.values_model = ValuesModel(self.on_value_edited, self)
        self.grid = QTableView()
        self.grid.setModel(self.values_model)
        self.grid.verticalHeader().setDefaultSectionSize(22)
        self.add_button = QPushButton()
        grid_page = QWidget()
        grid_layout = QVBoxLayout(grid_page)
        grid_buttons = QHBoxLayout()
        grid_buttons.addWidget(self.add_button)
        grid_buttons.addStretch(1)
        grid_layout.addLayout(grid_buttons)
        grid_layout.addWidget(self.grid)
        self.grid_page = grid_page

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.organization_combo)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list_view, 1)
        buttons = QHBoxLayout()
        for button in (self.import_button, self.new_button, self.delete_button):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.splitter, 1)

        self.organization_combo.currentIndexChanged.connect(self.refresh_list)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.list_view.selectionModel().currentRowChanged.connect(self.on_dataset_selected)
        self.import_button.clicked.connect(self.on_import_clicked)
        self.new_button.clicked.connect(self.on_new_clicked)
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.add_button.clicked.connect(self.on_add_subgroup_clicked)
        signals.changed.connect(self.on_changed)
        self.retranslate()

    # --- first showing: matplotlib comes in here ----------------------------------------
    def load(self) -> None:
        from qclinic.ui.spc.chart_view import ChartView
        from qclinic.ui.spc.msa_studies import MsaStudiesView
        from qclinic.ui.spc.result_views import CapabilityView, GageView

        self.chart_view = ChartView(self._lang)
        self.capability_view = CapabilityView(self._lang)
        self.gage_view = GageView(self._lang)
        self.msa_view = MsaStudiesView(self._lang)
        self.chart_view.settings_changed.connect(self.on_chart_settings_changed)
        self.gage_view.settings_changed.connect(self.on_gage_settings_changed)
        self.msa_view.attach_button.clicked.connect(self.on_attach_clicked)
        self.chart_view.specs_edited.connect(self.on_specs_edited)
        self.chart_view.canvas.point_clicked.connect(self.on_point_clicked)
        self.chart_view.export_button.clicked.connect(self.on_export_clicked)
        self.chart_view.attach_button.clicked.connect(self.on_attach_clicked)
        self.tabs.addTab(self.chart_view, "")
        self.tabs.addTab(self.capability_view, "")
        self.tabs.addTab(self.gage_view, "")
        self.tabs.addTab(self.msa_view, "")
        self.tabs.addTab(self.grid_page, "")
        self.retranslate()
        self.fill_organizations()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("SPC / MSA"))
        self.search.setPlaceholderText(self.tr("Search datasets…"))
        self.import_button.setText(self.tr("&Import…"))
        self.new_button.setText(self.tr("&New"))
        self.delete_button.setText(self.tr("&Delete"))
        self.add_button.setText(self.tr("&Add subgroup"))
        titles = (
            self.tr("Control chart"),
            self.tr("Capability"),
            self.tr("Gage R&&R"),
            self.tr("Linearity · attribute agreement"),
            self.tr("Data"),
        )
        if self.tabs.count() == 2:  # before load(): only the data grid
            titles = (titles[-1],)
        for i, title in enumerate(titles[: self.tabs.count()]):
            self.tabs.setTabText(i, title)
        for view in (self.chart_view, self.gage_view, self.msa_view):
            if view is not None:
                view.retranslate()

    # --- organizations and datasets ---------------------------------------------------------
    def fill_organizations(self) -> None:
        current = self.organization_combo.currentData()
        found = self._services.datasets.owners()
        self.organization_combo.blockSignals(True)
        self.organization_combo.clear()
        for organization in found:
            self.organization_combo.addItem(organization.name, organization.id)
        index = self.organization_combo.findData(current)
        self.organization_combo.setCurrentIndex(max(index, 0))
        self.organization_combo.blockSignals(False)
        self.refresh_list()

    def organization_id(self) -> str | None:
        data = self.organization_combo.currentData()
        return None if data is None else str(data)

    def select_organization(self, organization_id: str) -> None:
        self.organization_combo.setCurrentIndex(self.organization_combo.findData(organization_id))

    def refresh_list(self) -> None:
        organization_id = self.organization_id()
        keep = self.dataset.id if self.dataset is not None else None
        rows: list[Any] = []
        if organization_id is not None:
            rows = self._services.datasets.summaries(organization_id)
        self.list_model.set_rows(rows)
        if keep is not None and self.list_model.row_of(keep) >= 0:
            self.select_dataset(keep)
        elif rows:
            self.select_dataset(rows[0].dataset.id)
        else:
            self.show_dataset(None)

    def select_dataset(self, dataset_id: str) -> None:
        row = self.list_model.row_of(dataset_id)
        index = self.proxy.mapFromSource(self.list_model.index(row, 0))
        if (
            self.list_view.currentIndex().row() == index.row()
            and self.dataset is not None
            and (self.dataset.id == dataset_id)
        ):
            self.show_dataset(dataset_id)
            return
        self.list_view.setCurrentIndex(index)

    def on_dataset_selected(self, current: Any, _previous: Any) -> None:
        summary = current.data(ROW_ROLE) if current.isValid() else None
        self.show_dataset(None if summary is None else summary.dataset.id)

    def on_changed(self, event: ChangeEvent) -> None:
        """Show changes made elsewhere (another window, a command, sync); the page's own are
        shown already."""
        if event.made_by(self) or event.entity not in _SHOWN:
            return
        if event.entity == "organization":
            self.fill_organizations()
        else:
            self.refresh_list()

    def show_dataset(self, dataset_id: str | None) -> None:
        """Read a dataset's values and show them in every tab (see :meth:`load_dataset`)."""
        if dataset_id is None:
            self._cancel_job()
            self._wanted = None
            self.dataset, self.data, self.result, self.analysis = None, None, None, None
            self.values_model.set_rows("variables", [])
            if self.chart_view is not None:
                self.chart_view.status.setText(self.tr("Import or create a dataset to start."))
            return
        self.load_dataset(dataset_id)


def create(services: Services, signals: AppSignals, lang: str) -> QWidget:
    return SpcPage(services, signals, lang)
