"""The SPC / MSA workspace: datasets of an organization, charts, capability and gage R&R.

Left: the organization and its datasets (searchable), with Import / New / Delete. Right: tabs —
the interactive control chart (hover for a point's rules, click to exclude or include it with a
reason; limits are recomputed at once), the capability view, the gage R&R view (ANOVA or X̄-R,
with a tolerance), the MSA studies (linearity and bias, attribute agreement) and the editable
data grid. Chart, rules, phase I and the gage settings are remembered per dataset
(:mod:`qclinic.ui.spc.dataset_settings`); values left blank are left out after asking. The edit
handlers are in :mod:`qclinic.ui.spc.page_edits`. matplotlib is imported only in
:meth:`SpcPage.load` (the page's first showing).
"""

from __future__ import annotations

import io
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qclinic.errors import UserError
from qclinic.services import Services
from qclinic.storage.database import Database
from qclinic.storage.models import Dataset, DatasetKind
from qclinic.storage.repositories import datasets, organizations
from qclinic.ui.layout import shrink_to_fit
from qclinic.ui.signals import AppSignals
from qclinic.ui.spc import dataset_settings
from qclinic.ui.spc.analysis import (
    ATTRIBUTE_CHARTS,
    DatasetData,
    analyze,
    dataset_data,
    default_chart,
    gage_analysis,
)
from qclinic.ui.spc.models import (
    COL_CHARACTERISTIC,
    COL_NAME,
    ROW_ROLE,
    DatasetListModel,
    ValuesModel,
)
from qclinic.ui.spc.page_edits import DatasetEdits


class SpcPage(DatasetEdits, QWidget):
    def __init__(self, database: Database, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._database = database
        self._signals = signals
        self._lang = lang
        self.dataset: Dataset | None = None
        self.data: DatasetData | None = None
        self.result: dict[str, Any] | None = None
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
        signals.data_changed.connect(self.on_data_changed)
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
        with self._database.read_session() as session:
            found = organizations.list_organizations(session, limit=None)
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
            with self._database.read_session() as session:
                rows = datasets.list_datasets(session, organization_id=organization_id)
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

    def on_data_changed(self, table: str) -> None:
        if table == "organization":
            self.fill_organizations()
        elif table == "dataset":
            self.refresh_list()

    def show_dataset(self, dataset_id: str | None) -> None:
        """Read a dataset's values and show them in every tab."""
        if dataset_id is None:
            self.dataset, self.data, self.result = None, None, None
            self.values_model.set_rows("variables", [])
            if self.chart_view is not None:
                self.chart_view.status.setText(self.tr("Import or create a dataset to start."))
            return
        with self._database.read_session() as session:
            self.dataset = datasets.get_dataset(session, dataset_id)
            rows = datasets.list_values(session, dataset_id)
        kind = str(self.dataset.kind)
        self.values_model.set_rows(kind, rows)
        self.grid.resizeColumnsToContents()
        self.data = dataset_data(kind, rows)
        if self.chart_view is None:
            return
        view = self.chart_view
        remembered = dataset_settings.load(dataset_id)
        self._applying = True
        try:
            view.set_points(self.data.points)
            view.set_specs(self.dataset.lsl, self.dataset.usl, self.dataset.target)
            view.set_chart(str(remembered.get("chart") or default_chart(self.data)))
            view.set_rules(remembered.get("rules"))
            view.set_phase1(remembered.get("phase1"))
        finally:
            self._applying = False
        if kind == DatasetKind.GAGE_STUDY:
            self.show_gage()
            self.tabs.setCurrentWidget(self.gage_view)
            return
        if self.tabs.currentWidget() is self.gage_view:
            self.tabs.setCurrentWidget(view)
        self.recompute()

    # --- analysis -------------------------------------------------------------------------
    def on_chart_settings_changed(self) -> None:
        """Remember the chart, rules and phase I of this dataset, then recompute (asking again
        about missing values the user declined)."""
        if self.dataset is not None and not self._applying:
            self._declined.pop(self.dataset.id, None)
            chosen = self.chart_view.settings()
            dataset_settings.update(
                self.dataset.id,
                chart=chosen.chart,
                rules=chosen.rules,
                phase1=list(chosen.phase1) if chosen.phase1 else None,
            )
        self.recompute()

    def ask_missing(self, text: str) -> bool:
        """Ask whether to analyse without the missing values (True) or not (False)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Missing values"))
        box.setText(text)
        box.setInformativeText(
            self.tr(
                "Each subgroup keeps the values it has and gets its own limits. You can also "
                "cancel and fill the values in the Data tab."
            )
        )
        proceed = box.addButton(self.tr("&Proceed without them"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(proceed)
        box.exec()
        return box.clickedButton() is proceed

    def missing_text(self, limit: int = 5) -> str:
        """The missing values in a line: 3 values are empty…: subgroup 7 position 2, …"""
        assert self.data is not None
        shown = ", ".join(
            self.tr("subgroup %1 position %2").replace("%1", str(s)).replace("%2", str(p))
            for s, p in self.data.missing[:limit]
        )
        more = len(self.data.missing) - limit
        if more > 0:
            shown += ", " + self.tr("and %1 more").replace("%1", str(more))
        return (
            self.tr("%1 values are empty or were not numbers: %2")
            .replace("%1", str(len(self.data.missing)))
            .replace("%2", shown)
        )

    def missing_accepted(self) -> bool:
        """Whether the dataset's missing values may be left out: asked once per dataset (again
        when the missing values change); a yes is remembered across sessions, a no until the
        user changes a chart setting."""
        assert self.data is not None and self.dataset is not None
        if not self.data.missing:
            return True
        key = [list(cell) for cell in self.data.missing]
        if dataset_settings.load(self.dataset.id).get("missing_ok") == key:
            return True
        if self._declined.get(self.dataset.id) == key:
            return False
        if not self.ask_missing(self.missing_text()):
            self._declined[self.dataset.id] = key
            return False
        dataset_settings.update(self.dataset.id, missing_ok=key)
        return True

    def recompute(self) -> None:
        """Run the chosen chart on the current data and redraw the chart and capability."""
        if self.data is None or self.dataset is None or self.chart_view is None:
            return
        if self.data.kind == DatasetKind.GAGE_STUDY:
            return
        view = self.chart_view
        if not self.missing_accepted():
            self.result = None
            advice = self.tr(
                "Not analysed: fill them in the Data tab, or change a chart setting to be asked again."
            )
            view.status.setText(f"{self.missing_text()} {advice}")
            view.status.setStyleSheet("color: #b71c1c;")
            return
        try:
            result, used = analyze(self.data, view.settings())
        except UserError as error:
            self.result = None
            view.status.setText(str(error))
            view.status.setStyleSheet("color: #b71c1c;")
            return
        result["dataset"] = {
            "id": self.dataset.id,
            "name": self.dataset.name,
            "characteristic": self.dataset.characteristic,
            "unit": self.dataset.unit,
        }
        self.result = result
        view.canvas.show_result(result)
        view.status.setStyleSheet("")
        status = view.status_text(result, self.data.skipped)
        if self.data.missing:
            status = self.missing_text() + " · " + status
        view.status.setText(status)
        if result["chart"] not in ATTRIBUTE_CHARTS:
            cap = result.get("capability")
            self.capability_view.show_capability(used, cap, self.dataset.unit)
        else:
            self.capability_view.show_capability(None, None, "")

    def on_gage_settings_changed(self) -> None:
        if self.dataset is not None and self.data is not None:
            dataset_settings.update(
                self.dataset.id,
                grr_method=self.gage_view.method(),
                tolerance=self.gage_view.tolerance(),
            )
            if self.data.kind == DatasetKind.GAGE_STUDY:
                self.show_gage(apply_settings=False)

    def show_gage(self, apply_settings: bool = True) -> None:
        """The gage R&R study with the remembered method and tolerance (by default the
        dataset's USL − LSL)."""
        assert self.data is not None and self.dataset is not None
        if apply_settings:
            remembered = dataset_settings.load(self.dataset.id)
            tolerance = remembered.get("tolerance")
            if tolerance is None and self.dataset.lsl is not None and self.dataset.usl is not None:
                tolerance = self.dataset.usl - self.dataset.lsl
            self.gage_view.set_settings(str(remembered.get("grr_method") or "anova"), tolerance)
        try:
            self.gage_result = gage_analysis(
                self.data, self.gage_view.tolerance(), self.gage_view.method()
            )
        except UserError as error:
            self.gage_view.verdict.setText(str(error))
            return
        self.result = self.gage_result
        self.gage_view.show_study(
            self.data.parts, self.data.operators, self.data.values, self.gage_result
        )
        self.chart_view.status.setText(self.tr("A gage study: see the Gage R&R tab."))

    # --- export and evidence --------------------------------------------------------------
    def msa_study_shown(self) -> bool:
        return self.msa_view is not None and self.tabs.currentWidget() is self.msa_view

    def current_figure(self) -> Any:
        if self.msa_study_shown():
            return self.msa_view.figure
        if self.data is not None and self.data.kind == DatasetKind.GAGE_STUDY:
            return self.gage_view.figure
        if self.tabs.currentWidget() is self.capability_view and self.capability_view.result:
            return self.capability_view.figure
        return self.chart_view.canvas.figure

    def figure_bytes(self, fmt: str = "png") -> bytes:
        buffer = io.BytesIO()
        self.current_figure().savefig(buffer, format=fmt, dpi=150 if fmt == "png" else None)
        return buffer.getvalue()

    def current_result(self) -> dict[str, Any] | None:
        """The analysis shown: the MSA study on its tab, else the dataset's."""
        if self.msa_study_shown():
            result: dict[str, Any] | None = self.msa_view.result
            return result
        return self.result

    def on_export_clicked(self) -> None:
        if self.current_result() is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export chart"),
            f"{self.dataset.name if self.dataset else 'chart'}.png",
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        fmt = "svg" if path.lower().endswith(".svg") else "png"
        with open(path, "wb") as handle:
            handle.write(self.figure_bytes(fmt))

    def attach_dialog(self) -> Any:
        """The attach-as-evidence dialog for the current analysis (not shown)."""
        from qclinic.ui.spc.attach_dialog import AttachEvidenceDialog

        result = self.current_result()
        assert result is not None
        if self.msa_study_shown():
            organization_id, name = self.organization_id(), self.msa_view.source
        else:
            assert self.dataset is not None
            organization_id, name = self.dataset.organization_id, self.dataset.name
        assert organization_id is not None
        return AttachEvidenceDialog(
            self._database,
            self._signals,
            self._lang,
            organization_id,
            self.figure_bytes("png"),
            result,
            name,
            self,
        )

    def on_attach_clicked(self) -> None:
        if self.current_result() is None or (self.dataset is None and not self.msa_study_shown()):
            return
        if self.organization_id() is None:
            return
        self.attach_dialog().exec()


def create(services: Services, signals: AppSignals, lang: str) -> QWidget:
    return SpcPage(services.database, signals, lang)
