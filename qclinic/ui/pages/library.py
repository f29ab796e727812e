"""The checklist library page: the checklists and their installed versions; a checklist
imported from an Excel workbook (problems listed, a preview before installing) or exported to one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qclinic.errors import UserError, medium_error
from qclinic.services import Services
from qclinic.services.library import LibraryEntry, WorkbookReading
from qclinic.ui import tasks
from qclinic.ui.checklist_workbook_dialogs import ChecklistPreviewDialog, WorkbookProblemsDialog
from qclinic.ui.errors import show_error, ui_language
from qclinic.ui.library_model import COL_TITLE, ENTRY_ROLE, LibraryModel
from qclinic.ui.signals import AppSignals

WORKBOOKS = "*.xlsx"


class LibraryPage(QWidget):
    def __init__(self, services: Services, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._library = services.library
        self._lang = lang
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.import_button = QPushButton()
        self.export_button = QPushButton()
        self.import_button.clicked.connect(self.on_import_clicked)
        self.export_button.clicked.connect(self.on_export_clicked)
        self.view = QTableView()
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.model = LibraryModel([], lang, self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        signals.data_changed.connect(self.on_data_changed)
        self.retranslate()

    def load(self) -> None:
        self.model = LibraryModel(self._library.entries(), self._lang, self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)

    def on_data_changed(self, entity: str) -> None:
        if entity == "checklist_version":
            self.load()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Checklist library"))
        self.import_button.setText(self.tr("Import from Excel…"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )

    # --- import ---------------------------------------------------------------------------
    def on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a checklist"),
            "",
            self.tr("Excel workbooks (%1)").replace("%1", WORKBOOKS),
        )
        if path:
            self.read_workbook(path)

    def read_workbook(self, path: str) -> None:
        """Read *path* in the background, then list its problems or preview it."""
        self.import_button.setEnabled(False)
        library = self._library
        tasks.run_task(
            lambda _progress: library.read_workbook(Path(path)),
            on_done=self.on_workbook_read,
            on_error=self.on_workbook_failed,
        )

    def on_workbook_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        show_error(error, self)

    def on_workbook_read(self, reading: WorkbookReading) -> None:
        self.import_button.setEnabled(True)
        if reading.checklist is None:
            WorkbookProblemsDialog(str(reading.path), reading.problems, ui_language(), self).exec()
            return
        preview = ChecklistPreviewDialog(reading.checklist, self)
        if preview.exec() != ChecklistPreviewDialog.DialogCode.Accepted:
            return
        try:
            self._library.install(reading.checklist, source=self)
        except UserError as error:
            show_error(error, self)
            return
        self.load()

    # --- export ---------------------------------------------------------------------------
    def selected_entry(self) -> LibraryEntry | None:
        rows = self.view.selectionModel().selectedRows()
        index = rows[0] if rows else self.model.index(0, 0)
        entry = self.model.data(index, ENTRY_ROLE) if index.isValid() else None
        return entry if isinstance(entry, LibraryEntry) else None

    def on_export_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export a checklist"),
            f"{entry.id}-{entry.version}.xlsx",
            self.tr("Excel workbooks (%1)").replace("%1", WORKBOOKS),
        )
        if path:
            self.export_to(entry, Path(path))

    def export_to(self, entry: LibraryEntry, path: Path) -> None:
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            self._library.export_workbook(entry.id, path, entry.version)
        except UserError as error:
            show_error(error, self)
        except OSError as error:  # a full disk, a read-only folder: said as such, else a bug
            show_error(medium_error(error) or error, self)


def create(services: Services, signals: AppSignals, lang: str) -> QWidget:
    return LibraryPage(services, signals, lang)
