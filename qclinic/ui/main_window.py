"""The main window: navigation, the checklist library, and a status bar with the data file."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qclinic.storage.database import Database
from qclinic.storage.library import list_library
from qclinic.ui.library_model import COL_TITLE, LibraryModel


class MainWindow(QMainWindow):
    """Holds the views; each view gets only what it needs (here: the database)."""

    first_paint_done = Signal()

    def __init__(self, database: Database, lang: str = "zh") -> None:
        super().__init__()
        self._database = database
        self._lang = lang
        self._painted = False
        zh = lang == "zh"
        self.setWindowTitle("QClinic · 质量门诊")
        self.resize(1100, 700)

        self.navigation = QListWidget()
        self.navigation.addItems(["检查表库"] if zh else ["Checklist library"])
        self.navigation.setCurrentRow(0)
        self.navigation.setMaximumWidth(220)

        self.library_view = QTableView()
        self.library_model = LibraryModel(list_library(database), lang, self)
        self.library_view.setModel(self.library_model)
        self.library_view.verticalHeader().hide()
        self.library_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.library_view.horizontalHeader().setSectionResizeMode(
            COL_TITLE, QHeaderView.ResizeMode.Stretch
        )

        page = QWidget()
        layout = QVBoxLayout(page)
        heading = QLabel("内置检查表" if zh else "Built-in checklists")
        heading.setStyleSheet("font-size: 16px; font-weight: 600;")
        layout.addWidget(heading)
        layout.addWidget(self.library_view)

        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(page)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        label = "数据文件" if zh else "Data file"
        self.statusBar().showMessage(f"{label}: {database.path}")
        self.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_paint_done.emit()
        return super().eventFilter(watched, event)
