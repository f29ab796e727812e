"""The assessments page: every assessment across organizations, and the runner for one of them.

A stack of two: the list (filter by status, search) and the runner. Double-clicking a row, or
``signals.open_assessment(id)`` from anywhere, opens the runner; its Back button returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.vocabulary import AssessmentStatus
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Services
from qclinic.ui.keep_place import kept_place, row_id
from qclinic.ui.labels import choices, label
from qclinic.ui.list_view import record_list
from qclinic.ui.revisions import revision_label
from qclinic.ui.runner.runner_widget import RunnerWidget, saved_position
from qclinic.ui.signals import AppSignals
from qclinic.ui.table_model import TableModel
from qclinic.ui.times import local_text

Index = QModelIndex | QPersistentModelIndex

COL_ORGANIZATION, COL_TITLE, COL_CHECKLIST, COL_STATUS, COL_PERCENT, COL_GRADE, COL_UPDATED = range(
    7
)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# what the list shows (organization names show "(deleted)"), and who a visit is assigned to
TEAM_TABLES = frozenset({"assessment", "organization", "visit", "assessment_member", "person"})
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class AssessmentRow:
    id: str
    organization: str
    title: str
    checklist: str
    status: AssessmentStatus
    percent: float | None
    grade: str | None
    updated: datetime | None
    revision_no: int
    signed: datetime | None = None
    in_chain: bool = False  # amended, or an amendment: its title carries the revision label


def load_rows(services: Services, lang: str) -> list[AssessmentRow]:
    # a deleted organization's assessments stay listed and open, its name marked
    deleted = QCoreApplication.translate("AssessmentsPage", "%1 (deleted)")
    return [
        AssessmentRow(
            a.id,
            deleted.replace("%1", item.organization)
            if item.organization_deleted
            else item.organization,
            a.title,
            item.checklist_title.get(lang) if item.checklist_title else a.checklist_id,
            a.status,
            a.score_percent,
            a.grade,
            a.updated_at,
            a.revision_no,
            a.signed_at,
            item.in_chain,
        )
        for item in services.assessments.listing()
        for a in (item.assessment,)
    ]


class AssessmentListModel(TableModel[AssessmentRow]):
    """One row per assessment; ``ROW_ROLE`` returns the :class:`AssessmentRow`."""

    CONTEXT = "AssessmentListModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("AssessmentListModel", "Organization"),
        QT_TRANSLATE_NOOP("AssessmentListModel", "Title"),
        QT_TRANSLATE_NOOP("AssessmentListModel", "Checklist"),
        QT_TRANSLATE_NOOP("AssessmentListModel", "Status"),
        QT_TRANSLATE_NOOP("AssessmentListModel", "Score"),
        QT_TRANSLATE_NOOP("AssessmentListModel", "Grade"),
        QT_TRANSLATE_NOOP("AssessmentListModel", "Updated"),
    )

    def __init__(self, rows: Sequence[AssessmentRow] = (), parent: Any = None) -> None:
        super().__init__(parent, rows)

    def set_rows(self, rows: Sequence[AssessmentRow]) -> None:
        """Replace the rows: changed rows only when the same assessments are listed."""
        rows = list(rows)
        if [r.id for r in rows] != [r.id for r in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        for number, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if old != new:
                self._rows[number] = new
                self.dataChanged.emit(self.index(number, 0), self.index(number, 6))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            if column == COL_PERCENT:
                return -1.0 if row.percent is None else row.percent
            if column == COL_UPDATED:
                return row.updated.isoformat() if row.updated else ""
            return self.data(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_ORGANIZATION:
                return row.organization
            if column == COL_TITLE:
                if not row.in_chain:
                    return row.title
                day = row.signed or row.updated
                return f"{row.title} · {revision_label(row.revision_no, row.status, day)}"
            if column == COL_CHECKLIST:
                return row.checklist
            if column == COL_STATUS:
                return label(row.status)
            if column == COL_PERCENT:
                return "" if row.percent is None else f"{row.percent:.1f} %"
            if column == COL_GRADE:
                return row.grade or ""
            return local_text(row.updated)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_PERCENT, COL_GRADE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of(self, assessment_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == assessment_id), -1)


class AssessmentFilter(QSortFilterProxyModel):
    """Search over the text columns, and one status (or all)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.status: AssessmentStatus | None = None
        # "my visits": only these assessments (None: all)
        self.only: frozenset[str] | None = None
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(SORT_ROLE)

    def set_status(self, status: AssessmentStatus | None) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange()

    def set_only(self, ids: frozenset[str] | None) -> None:
        self.beginFilterChange()
        self.only = ids
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        row: AssessmentRow = model.index(source_row, 0, source_parent).data(ROW_ROLE)
        if self.status is not None and row.status != self.status:
            return False
        if self.only is not None and row.id not in self.only:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class AssessmentsPage(QWidget):
    def __init__(self, services: Services, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._services = services
        self._lang = lang
        self._stale = True
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.status_filter = QComboBox()
        self.status_filter.addItem("", None)
        for text, value in choices(AssessmentStatus):
            self.status_filter.addItem(text, value)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.mine = QCheckBox()  # "my visits": assigned to me, or my name on the team
        self.assign_button = QPushButton()  # a signed-in lead's
        self.assign_button.setEnabled(False)
        self.model = AssessmentListModel(parent=self)
        self.proxy = AssessmentFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = record_list(self.proxy, word_wrap=True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COL_UPDATED, Qt.SortOrder.DescendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_CHECKLIST, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_CHECKLIST, 260)
        self.list_page = QWidget()
        filters = QHBoxLayout()
        filters.addWidget(self.heading, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.mine)
        filters.addWidget(self.assign_button)
        layout = QVBoxLayout(self.list_page)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        self.runner = RunnerWidget(services, signals, lang)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.runner)
        QVBoxLayout(self).addWidget(self.stack)

        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_filter.currentData())
        )
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.mine.toggled.connect(lambda _on: self.apply_mine())
        self.assign_button.clicked.connect(self.on_assign_clicked)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable_assign())
        self.view.doubleClicked.connect(self.on_row_activated)
        self.view.activated.connect(self.on_row_activated)
        self.runner.back_requested.connect(self.show_list)
        signals.open_assessment.connect(self.open_assessment)
        signals.changed.connect(self.on_changed)
        self.retranslate()

    def load(self) -> None:
        """First shown: the list, then the runner where the user left off (if any)."""
        self.reload()
        position = saved_position()
        if position is not None and self.model.row_of(position[0]) >= 0:
            self.open_assessment(position[0], position[1])

    def reload(self) -> None:
        with kept_place(self.view, row_id):  # a pull may add or remove many rows
            self.model.set_rows(load_rows(self._services, self._lang))
            self.apply_mine()
        self._stale = False
        self.assign_button.setVisible(self._services.team.may_assign())
        self._enable_assign()

    def apply_mine(self) -> None:
        """Show only my visits' assessments when "My visits" is on (me: the signed-in user, or
        the name in Settings)."""
        team = self._services.team
        self.proxy.set_only(
            frozenset(team.assessments_of(team.me())) if self.mine.isChecked() else None
        )

    def selected_row(self) -> AssessmentRow | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _enable_assign(self) -> None:
        self.assign_button.setEnabled(self.selected_row() is not None)

    def on_assign_clicked(self) -> None:
        from qclinic.ui.assign_dialog import AssignDialog

        row = self.selected_row()
        visit_id = self._services.team.visit_of(row.id) if row is not None else None
        if row is None or visit_id is None:
            return
        self.assign_dialog = AssignDialog(
            self._services, f"{row.organization} · {row.title}", visit_id=visit_id, parent=self
        )
        self.assign_dialog.open()

    def on_changed(self, event: ChangeEvent) -> None:
        if event.entity not in TEAM_TABLES:
            return
        if self.stack.currentWidget() is self.list_page and self.isVisible():
            self.reload()
        else:
            self._stale = True  # refreshed when the list shows again

    def show_list(self) -> None:
        if self._stale:
            self.reload()
        self.stack.setCurrentWidget(self.list_page)
        if self.runner.state is not None:
            row = self.model.row_of(self.runner.state.assessment_id)
            if row >= 0:
                self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def open_assessment(self, assessment_id: str, question: tuple[str, str] | None = None) -> None:
        try:
            self.runner.open(assessment_id, question)
        except UserError as exc:
            from qclinic.ui.errors import show_error

            show_error(exc, self)
            return
        self.stack.setCurrentWidget(self.runner)

    def on_row_activated(self, index: QModelIndex) -> None:
        row: AssessmentRow = index.data(ROW_ROLE)
        if row is not None:
            self.open_assessment(row.id)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Assessments"))
        self.status_filter.setItemText(0, self.tr("All statuses"))
        self.search.setPlaceholderText(self.tr("Search organization, title or checklist"))
        self.mine.setText(self.tr("My visits"))
        self.mine.setToolTip(
            self.tr(
                "Visits assigned to me, or with my name on the expert team (me: the signed-in "
                "user, or the name in Settings)"
            )
        )
        self.assign_button.setText(self.tr("Assign…"))


def create(services: Services, signals: AppSignals, lang: str) -> QWidget:
    return AssessmentsPage(services, signals, lang)
