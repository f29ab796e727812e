"""The organizations page: a searchable, filterable list above the selected organization's detail.

The list loads with one lean query (``services.organizations.summaries()``, plain ``sqlite3``);
searching and the chain and role filters work on the loaded rows, so typing never waits for the
database. *Delete…* marks the selected organization deleted after asking
(:mod:`qclinic.ui.organization_deletion`), with an inline *Undo* and *Edit → Undo deletion*.

Changes reach the page as ``signals.data_changed(table)`` (the services' events, relayed): it
reloads for the tables it shows, at once when visible, else when next shown. Its own changes (a
deletion, an undo, the demo) arrive the same way, during the service call that made them; the list
is a cheap plain-``sqlite3`` read, so it reloads rather than patching rows in place.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
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

from qclinic.core.vocabulary import ChainRole, IndustryChain
from qclinic.ui.errors import show_error
from qclinic.ui.keep_place import kept_place, row_id
from qclinic.ui.labels import choices, fill_filter_combo
from qclinic.ui.list_view import record_list
from qclinic.ui.organizations_model import (
    COL_CHAIN,
    COL_GRADE,
    COL_NAME,
    COL_REGION,
    COL_ROLE,
    COL_USCC,
    ROW_ROLE,
    OrganizationFilter,
    OrganizationsModel,
)
from qclinic.ui.role_controls import show_for_role
from qclinic.ui.signals import AppSignals
from qclinic.ui.tasks import run_task
from qclinic.ui.welcome import WelcomePanel

if TYPE_CHECKING:  # both pull in SQLAlchemy: imported after the list is on screen
    from qclinic.services import Services
    from qclinic.ui.organization_deletion import Deletions, UndoBar
    from qclinic.ui.organization_detail import OrganizationDetail
    from qclinic.ui.organization_dialog import OrganizationDialog

DETAIL_MODULE = "qclinic.ui.organization_detail"

#: tables whose changes the list (grades) or the detail shows
LIST_TABLES = frozenset({"organization", "assessment", "visit"})
DETAIL_TABLES = LIST_TABLES | {
    "site",
    "action",
    "clinic_case",
    "finding",
    "chain",
    "chain_member",
    "outcome",
}
SEARCH_DELAY_MS = 150
COLUMN_WIDTHS = {COL_USCC: 170, COL_CHAIN: 160, COL_ROLE: 110, COL_REGION: 140, COL_GRADE: 110}


class OrganizationsPage(QWidget):
    def __init__(self, services: Services, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._services = services
        self._signals = signals
        self._lang = lang
        self._stale = False
        self.dialog: OrganizationDialog | None = None
        self.model = OrganizationsModel(self)
        self.proxy = OrganizationFilter(self)
        self.proxy.setSourceModel(self.model)
        # The detail needs the ORM (SQLAlchemy): it is built once the list is on screen, after
        # its module was imported in the background (see load()).
        self.detail: OrganizationDetail | None = None
        self.deletions: Deletions | None = None  # with the detail (they need the ORM too)
        self.undo_bar: UndoBar | None = None
        self.detail_slot = QWidget()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build()
        self.search_edit.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self.apply_filters)
        self.chain_combo.currentIndexChanged.connect(self.apply_filters)
        self.role_combo.currentIndexChanged.connect(self.apply_filters)
        self.new_button.clicked.connect(self.on_new_clicked)
        self.edit_button.clicked.connect(self.on_edit_clicked)
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.assign_button.clicked.connect(self.on_assign_clicked)
        self.view.doubleClicked.connect(self.on_edit_clicked)
        self.view.selectionModel().currentRowChanged.connect(self.on_current_changed)
        self.proxy.rowsInserted.connect(self._show_count)
        self.proxy.rowsRemoved.connect(self._show_count)
        self.proxy.modelReset.connect(self._show_count)
        self.proxy.layoutChanged.connect(self._show_count)
        signals.data_changed.connect(self.on_data_changed)
        signals.open_organization.connect(self.select_organization)
        self.retranslate()

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: palette(mid);")
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(260)
        self.chain_combo = QComboBox()
        self.role_combo = QComboBox()
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.edit_button.setEnabled(False)
        self.delete_button = QPushButton()
        self.delete_button.setEnabled(False)
        self.assign_button = QPushButton()  # a signed-in lead's (ui/role_controls.py)
        self.assign_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(self.heading)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.search_edit, 2)
        bar.addWidget(self.chain_combo)
        bar.addWidget(self.role_combo)
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.assign_button)

        self.view = record_list(self.proxy, row_height=26)
        header = self.view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as loaded: by name
        self.view.setSortingEnabled(True)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setHighlightSections(False)

        top = QWidget()
        box = QVBoxLayout(top)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.view)
        self._list_box = box  # the Undo bar goes below the list
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.detail_slot)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        # A new installation has no organization: a welcome instead of an empty list and detail.
        self.welcome = WelcomePanel()
        self.welcome.create_requested.connect(self.on_new_clicked)
        self.welcome.demo_requested.connect(self.on_load_demo)
        self.body = QStackedWidget()
        self.body.addWidget(self.splitter)
        self.body.addWidget(self.welcome)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.body, 1)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Organizations"))
        self.search_edit.setPlaceholderText(self.tr("Search name, credit code or region"))
        self.new_button.setText(self.tr("New organization…"))
        self.assign_button.setText(self.tr("Assign…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete…"))
        fill_filter_combo(self.chain_combo, self.tr("All chains"), choices(IndustryChain))
        fill_filter_combo(self.role_combo, self.tr("All roles"), choices(ChainRole))
        self.model.retranslate()
        self.welcome.retranslate()
        if self.detail is not None:
            self.detail.retranslate()
        if self.undo_bar is not None:
            self.undo_bar.retranslate()
        self._show_count()

    # --- loading --------------------------------------------------------------------------
    def load(self) -> None:
        """Read the list (one lean query); keeps the selection when only values changed."""
        with kept_place(self.view, row_id):  # a pull may add or remove many rows
            self.model.set_rows(self._services.organizations.summaries())
        self._stale = False
        self._show_count()
        self._show_welcome(self.model.rowCount() == 0)
        show_for_role(
            self._services,
            managing=(self.new_button, self.delete_button),
            assigning=(self.assign_button,),
        )
        self.mark_incomplete()

    def mark_incomplete(self) -> None:
        """Mark the companies whose attachments have not all arrived (looked up in the
        background: it checks the attachment store)."""
        sync = self._services.sync
        run_task(
            lambda _progress: sync.incomplete_by_organization(),
            on_done=self.model.set_incomplete,
            owner=self,
        )
        if self.detail is None:
            run_task(
                lambda _progress: importlib.import_module(DETAIL_MODULE),
                on_done=lambda _module: self.ensure_detail(),
                owner=self,
            )

    def ensure_detail(self) -> OrganizationDetail:
        """The detail panel, built on first need."""
        if self.detail is None:
            from qclinic.ui.organization_deletion import Deletions, UndoBar
            from qclinic.ui.organization_detail import OrganizationDetail

            self.deletions = Deletions(self._services, self)
            self.deletions.restored.connect(self.on_restored)
            self.undo_bar = UndoBar(self.deletions)
            self._list_box.addWidget(self.undo_bar)
            detail = OrganizationDetail(self._services, self._signals, self._lang, parent=self)
            detail.deletions = self.deletions
            detail.edit_requested.connect(self.open_dialog)
            self.splitter.replaceWidget(1, detail)
            self.detail_slot.deleteLater()
            self.detail = detail
            detail.show_organization(self.current_id())
        return self.detail

    def _show_welcome(self, empty: bool) -> None:
        """The welcome while there is no organization; the list, its filters and detail after."""
        self.body.setCurrentWidget(self.welcome if empty else self.splitter)
        for widget in (self.count_label, self.search_edit, self.chain_combo, self.role_combo):
            widget.setVisible(not empty)
        self.edit_button.setVisible(not empty)

    def on_load_demo(self) -> None:
        """Seed the demo company in the background, then show it in the list."""
        organizations, lang = self._services.organizations, self._lang
        self.welcome.show_busy()
        run_task(
            lambda _progress: organizations.seed_demo(lang, source=self),
            on_done=self.on_demo_loaded,
            on_error=self.on_demo_failed,
            owner=self,
        )

    def on_demo_loaded(self, organization_id: str) -> None:
        self.welcome.show_ready()
        self.load()
        self.select_organization(organization_id)

    def on_demo_failed(self, error: BaseException) -> None:
        self.welcome.show_ready()
        show_error(error, self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()
            if self.detail is not None:
                self.detail.reload()

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.proxy.set_filters(
            self.search_edit.text(), self.chain_combo.currentData(), self.role_combo.currentData()
        )
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = self.tr("%1 in all").replace("%1", f"{total:,}")
        else:
            text = self.tr("%1 of %2 shown").replace("%1", f"{shown:,}").replace("%2", f"{total:,}")
        self.count_label.setText(text)

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row.id if row is not None else None

    def select_organization(self, organization_id: str) -> None:
        """Select *organization_id* in the list (clearing filters that hide it) and show it."""
        row = self.model.row_of(organization_id)
        if row is None:
            self.load()
            row = self.model.row_of(organization_id)
            if row is None:
                return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.search_edit.clear()
            self.chain_combo.setCurrentIndex(0)
            self.role_combo.setCurrentIndex(0)
            self.apply_filters()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)

    # --- slots ----------------------------------------------------------------------------
    def on_current_changed(self) -> None:
        organization_id = self.current_id()
        self.edit_button.setEnabled(organization_id is not None)
        self.delete_button.setEnabled(organization_id is not None)
        self.assign_button.setEnabled(organization_id is not None)
        detail = self.ensure_detail()
        if organization_id != detail.organization_id:
            detail.show_organization(organization_id)

    def on_new_clicked(self) -> None:
        self.open_dialog(None)

    def on_edit_clicked(self) -> None:
        organization_id = self.current_id()
        if organization_id is not None:
            self.open_dialog(organization_id)

    def on_delete_clicked(self) -> None:
        organization_id = self.current_id()
        if organization_id is None:
            return
        self.ensure_detail()
        assert self.deletions is not None
        if self.deletions.delete_organization(organization_id) and self.detail is not None:
            self.detail.show_organization(self.current_id())  # the list reloaded already

    def on_restored(self, kind: str, record_id: str) -> None:
        """Show a restored organization (a restored site shows up in the reloaded detail)."""
        if kind == "organization":
            self.select_organization(record_id)  # loads the list first when it is stale

    def undo_deletion_text(self) -> str:
        """What *Edit → Undo deletion* would restore ("" when nothing)."""
        return self.deletions.undo_text() if self.deletions is not None else ""

    def undo_deletion(self) -> bool:
        return self.deletions is not None and self.deletions.undo()

    def open_dialog(self, organization_id: str | None) -> None:
        from qclinic.ui.organization_dialog import OrganizationDialog

        self.dialog = OrganizationDialog(
            self._services, self._signals, self._lang, organization_id, self
        )
        self.dialog.accepted.connect(self.on_dialog_accepted)
        self.dialog.open()

    def on_dialog_accepted(self) -> None:
        if self.dialog is not None and self.dialog.saved_id is not None:
            self.select_organization(self.dialog.saved_id)

    def on_assign_clicked(self) -> None:
        from qclinic.ui.assign_dialog import AssignDialog

        row = self.view.currentIndex().data(ROW_ROLE)
        if row is not None:
            self.assign_dialog = AssignDialog(
                self._services, row.name, organization_id=row.id, parent=self
            )
            self.assign_dialog.open()

    def on_data_changed(self, table: str) -> None:
        """Reload what shows the changed table (later, when the page is hidden)."""
        if table in ("attachment", "signature") and self.isVisible():
            self.mark_incomplete()  # a photo pulled, or its bytes arrived
        if table not in DETAIL_TABLES:
            return
        if not self.isVisible():
            self._stale = True
            return
        if table in LIST_TABLES:
            self.load()
        if self.detail is not None:
            self.detail.reload()


def create(services: Services, signals: AppSignals, lang: str) -> QWidget:
    return OrganizationsPage(services, signals, lang)
