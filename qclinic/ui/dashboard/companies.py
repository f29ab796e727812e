"""The companies behind a dashboard figure: a list; double-click opens the organization.

The rows come from ``services.portfolio`` (the drill-down of one figure), already computed on a
worker; the dialog only shows them. Opening a company emits ``signals.open_organization``: the
main window shows the organizations page with it selected.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from qclinic.ui.forms.ui_companies_dialog import Ui_CompaniesDialog
from qclinic.ui.layout import fitted_size
from qclinic.ui.list_view import record_list
from qclinic.ui.signals import AppSignals
from qclinic.ui.table_model import TableModel

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
COL_NAME, COL_DETAIL = range(2)


@dataclass(frozen=True)
class CompanyRow:
    id: str
    name: str
    detail: str = ""  # what the figure says of it: its grade, "not in place", 3 overdue…


class CompaniesModel(TableModel[CompanyRow]):
    CONTEXT = "CompaniesModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("CompaniesModel", "Company"),
        QT_TRANSLATE_NOOP("CompaniesModel", "Details"),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.name if index.column() == COL_NAME else row.detail
        return None


class CompaniesDialog(QDialog):
    """Lists *rows* under *heading*; double-click opens the company."""

    def __init__(
        self,
        signals: AppSignals,
        heading: str,
        rows: list[CompanyRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._signals = signals
        self.ui = Ui_CompaniesDialog()
        self.ui.setupUi(self)
        self.ui.heading.setText(heading)
        self.model = CompaniesModel(self, rows)
        self.view = record_list(self.model, row_height=26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COL_DETAIL, 230)  # "走访 2 次 · 评估 2 次 · 案例 1 个"
        self.ui.listLayout.addWidget(self.view)
        self.view.doubleClicked.connect(self.open_company)
        self.resize(fitted_size(self, self.size()))

    def open_company(self, index: Index) -> None:
        row: CompanyRow | None = index.data(ROW_ROLE) if index.isValid() else None
        if row is not None:
            self.accept()
            self._signals.open_organization.emit(row.id)
