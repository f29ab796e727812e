"""The checklist library page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from qclinic.services import Services
from qclinic.ui.library_model import COL_TITLE, LibraryModel
from qclinic.ui.signals import AppSignals


class LibraryPage(QWidget):
    def __init__(self, services: Services, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._library = services.library
        self._lang = lang
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.view = QTableView()
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.model = LibraryModel([], lang, self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view)
        self.retranslate()

    def load(self) -> None:
        self.model = LibraryModel(self._library.entries(), self._lang, self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Checklist library"))
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )


def create(services: Services, signals: AppSignals, lang: str) -> QWidget:
    return LibraryPage(services, signals, lang)
