"""The conflict inbox: the sync conflicts this computer keeps, mine and theirs side by side, and
resolving each — keep mine, keep theirs, or a merged value — through the conflict service. A
resolution is an ordinary edit that the next sync sends (services/conflicts.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Services
from qclinic.services.conflict_details import ConflictDetail
from qclinic.ui.conflicts_model import (
    COL_AT,
    COL_FIELD,
    COL_MINE,
    COL_ORGANIZATION,
    COL_RECORD,
    COL_STATE,
    COL_THEIRS,
    ROW_ROLE,
    ConflictsModel,
    field_label,
    how_text,
    value_text,
)
from qclinic.ui.errors import show_error
from qclinic.ui.list_view import record_list
from qclinic.ui.merge_dialog import MergeDialog
from qclinic.ui.signals import AppSignals
from qclinic.ui.times import local_text


class _Side(QGroupBox):
    """One side of a conflict: the value, who set it, when."""

    def __init__(self) -> None:
        super().__init__()
        self.value = QLabel()
        self.value.setWordWrap(True)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value.setStyleSheet("font-size: 15px;")
        self.value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.who = QLabel()
        self.who.setStyleSheet("color: #566573;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.who)

    def show_value(self, value: str, who: str) -> None:
        self.value.setText(value)
        self.who.setText(who)


class ConflictsPage(QWidget):
    def __init__(self, services: Services, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._services = services
        self._signals = signals
        self._lang = lang
        self._stale = False
        #: the merged-value editor last opened (kept so tests can reach it)
        self.merge_dialog: MergeDialog | None = None
        self._build()
        self._connect()
        self.retranslate()

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("color: #566573;")
        self.summary = QLabel()
        self.show_resolved = QCheckBox()
        self.model = ConflictsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = record_list(self.proxy, row_height=28)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COL_AT, Qt.SortOrder.DescendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_RECORD, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_ORGANIZATION, 170),
            (COL_FIELD, 110),
            (COL_MINE, 150),
            (COL_THEIRS, 150),
            (COL_AT, 130),
            (COL_STATE, 80),
        ):
            header.resizeSection(column, width)

        self.record = QLabel()
        self.record.setWordWrap(True)
        self.record.setStyleSheet("font-weight: bold;")
        self.field = QLabel()
        self.mine = _Side()
        self.theirs = _Side()
        sides = QHBoxLayout()
        sides.addWidget(self.mine, 1)
        sides.addWidget(self.theirs, 1)
        self.keep_mine = QPushButton()
        self.keep_theirs = QPushButton()
        self.merge = QPushButton()
        self.state = QLabel()
        self.state.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.keep_theirs)
        buttons.addWidget(self.merge)
        self.detail = QWidget()
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.record_caption = QLabel()
        self.field_caption = QLabel()
        form.addRow(self.record_caption, self.record)
        form.addRow(self.field_caption, self.field)
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(form)
        detail_layout.addLayout(sides)
        detail_layout.addLayout(buttons)

        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.show_resolved)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addLayout(bar)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.detail, 2)

    def _connect(self) -> None:
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(0)
        self._reload.timeout.connect(self.load)
        self.show_resolved.toggled.connect(self.load)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.keep_mine.clicked.connect(lambda: self.resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self.resolve("theirs"))
        self.merge.clicked.connect(self.on_merge)
        self.view.activated.connect(lambda _index: self.merge.setFocus())
        self._signals.changed.connect(self.on_changed)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Sync conflicts"))
        self.explanation.setText(
            self.tr(
                "When this computer and another changed the same field, the server kept the "
                "value that arrived first. Choose the value that stays: it is sent at the next "
                "sync like any edit."
            )
        )
        self.show_resolved.setText(self.tr("Show &resolved"))
        self.record_caption.setText(self.tr("Record:"))
        self.field_caption.setText(self.tr("Field:"))
        self.mine.setTitle(self.tr("Mine (not kept by the server)"))
        self.theirs.setTitle(self.tr("Theirs (on the server)"))
        self.keep_mine.setText(self.tr("Keep &mine"))
        self.keep_theirs.setText(self.tr("Keep &theirs"))
        self.merge.setText(self.tr("&Edit merged value…"))
        self.model.retranslate()
        self._show_summary()
        self.on_selection_changed()

    # --- loading -----------------------------------------------------------------------------
    def load(self) -> None:
        self._stale = False
        selected = self.selected_id()
        rows = self._services.conflicts.details(
            include_resolved=self.show_resolved.isChecked(), lang=self._lang
        )
        self.model.set_rows(rows)
        self._show_summary()
        if not (selected and self.select_conflict(selected)) and self.proxy.rowCount():
            self.select_conflict(self.proxy.index(0, 0).data(ROW_ROLE).conflict.id)
        self.on_selection_changed()

    def _show_summary(self) -> None:
        still_open = sum(1 for row in self.model.rows if not row.conflict.resolved)
        self.summary.setText(
            self.tr("%n open conflict(s)", "", still_open)
            if still_open
            else self.tr("No open conflict: everything synced agrees.")
        )

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.load()

    # --- selection -----------------------------------------------------------------------------
    def selected(self) -> ConflictDetail | None:
        rows = self.view.selectionModel().selectedRows()
        detail: ConflictDetail | None = rows[0].data(ROW_ROLE) if rows else None
        return detail

    def selected_id(self) -> str | None:
        detail = self.selected()
        return detail.conflict.id if detail else None

    def select_conflict(self, conflict_id: str) -> bool:
        source_row = self.model.row_of(conflict_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.view.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def on_selection_changed(self, *_: object) -> None:
        detail = self.selected()
        self.detail.setEnabled(detail is not None)
        for button in (self.keep_mine, self.keep_theirs, self.merge):
            button.setEnabled(detail is not None and not detail.conflict.resolved)
        if detail is None:
            self.record.setText("—")
            self.field.setText("—")
            self.mine.show_value("—", "")
            self.theirs.show_value("—", "")
            self.state.setText("")
            return
        found = detail.conflict
        where = f"{detail.organization} · " if detail.organization else ""
        self.record.setText(where + detail.record)
        self.field.setText(field_label(found.field))
        self.mine.show_value(value_text(detail, found.mine), self._by(found.mine_by, None))
        self.theirs.show_value(
            value_text(detail, found.theirs), self._by(found.theirs_by, found.at)
        )
        self.state.setText(self._resolution_text(detail) if found.resolved else "")

    def _resolution_text(self, detail: ConflictDetail) -> str:
        """How, by whom, when and to what a conflict was resolved, and where that stands: sent
        at the next sync, resolved elsewhere, or resolved first elsewhere (docs/SYNC.md,
        "Resolutions travel")."""
        found = detail.conflict
        line = self._settled(how_text(found.resolution), found.resolved_by, found.resolved_at)
        line = line.replace("%4", value_text(detail, found.resolved_value))
        state = found.resolution_state
        if state == "pending":
            line += " " + self.tr("(the server hears of it at the next sync)")
        elif state == "elsewhere":
            line += " " + self.tr("(resolved elsewhere: closed here at the sync)")
        elif state == "late" and found.first_resolution:
            first = found.first_resolution
            when = first.get("resolved_at")
            moment = datetime.fromisoformat(when) if isinstance(when, str) else None
            if moment is not None and moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)  # the server's times are UTC
            how = how_text(first.get("resolution"))
            earlier = self._settled(how, first.get("resolved_by"), moment)
            earlier = earlier.replace("%4", value_text(detail, first.get("resolved_value")))
            line += "\n" + self.tr("Resolved first elsewhere, which stands: %1").replace(
                "%1", earlier
            )
        return line

    def _settled(self, how: str, who: str | None, when: datetime | None) -> str:
        """ "Kept mine by li on 2026-11-26 14:02: %4" (the caller puts the value in)."""
        if who:
            said = self.tr("%1 by %2 on %3: %4").replace("%1", how).replace("%2", who)
        else:
            said = self.tr("%1 on %3: %4").replace("%1", how)
        return said.replace("%3", local_text(when))

    def _by(self, who: str | None, when: object) -> str:
        from datetime import datetime

        moment = local_text(when) if isinstance(when, datetime) else ""
        name = who or self.tr("unknown")
        return (
            self.tr("by %1 · %2").replace("%1", name).replace("%2", moment)
            if moment
            else (self.tr("by %1").replace("%1", name))
        )

    # --- resolving -----------------------------------------------------------------------------
    def resolve(self, resolution: str, value: object = None) -> bool:
        detail = self.selected()
        if detail is None or detail.conflict.resolved:
            return False
        try:
            self._services.conflicts.resolve(detail.conflict.id, resolution, value, source=self)
        except UserError as error:
            show_error(error, self)
            return False
        self.load()
        self.view.setFocus()
        return True

    def on_merge(self) -> None:
        detail = self.selected()
        if detail is None:
            return
        self.merge_dialog = MergeDialog(detail, self)
        self.merge_dialog.finished.connect(self.on_merge_finished)
        self.merge_dialog.open()

    def on_merge_finished(self, result: int) -> None:
        dialog = self.merge_dialog
        if dialog is not None and result == QDialog.DialogCode.Accepted:
            self.resolve("merged", dialog.value())

    # --- changes -------------------------------------------------------------------------------
    def on_changed(self, event: ChangeEvent) -> None:
        if event.made_by(self):
            return  # our own resolution: load() ran already
        if self.isVisible():
            self._reload.start()
        else:
            self._stale = True

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.load()


def create(services: Services, signals: AppSignals, lang: str) -> QWidget:
    return ConflictsPage(services, signals, lang)
