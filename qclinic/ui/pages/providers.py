"""The providers page (服务机构): the directory of NQI service providers, and what was referred
to the one selected.

A search box narrows the list (name, region, accreditation number or scope); *Add provider…*
and *Edit…* open :class:`ProviderDialog`; *Delete* removes a provider (refused while referrals
to it are open). Below the list, the referrals sent to the selected provider: which company,
for what field, how far it got. Changes arrive as ``signals.changed`` and reload the page when
it is visible (else when next shown).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.vocabulary import ProviderKind
from qclinic.errors import UserError
from qclinic.services.events import ChangeEvent
from qclinic.ui.errors import show_error, ui_language
from qclinic.ui.list_view import record_list
from qclinic.ui.referrals_box import (
    COL_FIELD,
    COL_PROVIDER,
    COL_SOURCE,
    SHOWN_TABLES,
    ReferralsModel,
    referral_label,
)
from qclinic.ui.signals import AppSignals
from qclinic.ui.table_model import TableModel

if TYPE_CHECKING:
    from qclinic.services import Services
    from qclinic.services.providers import ProviderRow

COL_NAME, COL_KIND, COL_REGION, COL_ACCREDITATION, COL_REFERRALS = range(5)
SEARCH_DELAY_MS = 200
# the dialog's text fields: (attribute, English label), the scope and notes on several lines
FIELDS = (
    ("name", QT_TRANSLATE_NOOP("ProviderDialog", "Name")),
    ("accreditation_number", QT_TRANSLATE_NOOP("ProviderDialog", "Accreditation number")),
    ("accreditation_scope", QT_TRANSLATE_NOOP("ProviderDialog", "Accreditation scope")),
    ("region", QT_TRANSLATE_NOOP("ProviderDialog", "Region")),
    ("contact", QT_TRANSLATE_NOOP("ProviderDialog", "Contact")),
    ("phone", QT_TRANSLATE_NOOP("ProviderDialog", "Phone")),
    ("email", QT_TRANSLATE_NOOP("ProviderDialog", "Email")),
    ("notes", QT_TRANSLATE_NOOP("ProviderDialog", "Notes")),
)
MULTILINE = frozenset({"accreditation_scope", "notes"})


class ProvidersModel(TableModel["ProviderRow"]):
    CONTEXT = "ProvidersModel"
    HEADERS: ClassVar = (
        QT_TRANSLATE_NOOP("ProvidersModel", "Provider"),
        QT_TRANSLATE_NOOP("ProvidersModel", "Kind"),
        QT_TRANSLATE_NOOP("ProvidersModel", "Region"),
        QT_TRANSLATE_NOOP("ProvidersModel", "Accreditation"),
        QT_TRANSLATE_NOOP("ProvidersModel", "Referrals (delivered)"),
    )

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.accreditation_scope or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            row.name,
            referral_label("kind", row.kind),
            row.region,
            row.accreditation_number,
            f"{row.referrals} ({row.delivered})" if row.referrals else "",
        )[index.column()]


class ProviderDialog(QDialog):
    """Add a provider, or edit one (*provider*)."""

    def __init__(self, services: Services, provider: ProviderRow | None, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._provider = provider
        self.provider_id = provider.id if provider else None
        self.kind = QComboBox()
        for kind in ProviderKind:
            self.kind.addItem(referral_label("kind", kind), kind.value)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout()
        for name, english in FIELDS:
            edit: QLineEdit | QPlainTextEdit
            if name in MULTILINE:
                edit = QPlainTextEdit()
                edit.setTabChangesFocus(True)
                edit.setFixedHeight(60)
                edit.setPlainText(getattr(provider, name) if provider else "")
            else:
                edit = QLineEdit(getattr(provider, name) if provider else "")
            self.edits[name] = edit
            form.addRow(self.tr(english), edit)
            if name == "name":
                form.addRow(self.tr("Kind"), self.kind)
        if provider is not None:
            self.kind.setCurrentIndex(self.kind.findData(provider.kind.value))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Edit provider") if provider else self.tr("Add provider"))
        self.resize(520, 0)

    def values(self) -> dict[str, str]:
        return {
            name: edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            for name, edit in self.edits.items()
        }

    def accept(self) -> None:
        values = self.values()
        kind = ProviderKind(self.kind.currentData())
        try:
            if self.provider_id is None:
                name = values.pop("name")
                self.provider_id = self._services.providers.create(
                    name, kind, source=self, **values
                ).id
            else:
                self._services.providers.edit(self.provider_id, kind=kind, source=self, **values)
        except UserError as error:
            self.message.setText(error.message(ui_language()))
            return
        super().accept()


class ProvidersPage(QWidget):
    def __init__(self, services: Services, signals: AppSignals, lang: str) -> None:
        super().__init__()
        self._services = services
        self._lang = lang
        self._stale = False
        # the dialog last opened (kept so tests and callers can reach it)
        self.dialog: ProviderDialog | None = None
        self.model = ProvidersModel(self)
        self.referrals_model = ReferralsModel(self)
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.load)
        self.search.textChanged.connect(self._search_timer.start)
        self.add_button.clicked.connect(self.on_add)
        self.edit_button.clicked.connect(self.on_edit)
        self.delete_button.clicked.connect(self.on_delete)
        self.view.doubleClicked.connect(self.on_edit)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        signals.changed.connect(self.on_changed)
        self.retranslate()
        self.load()

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.summary = QLabel()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.view = record_list(self.model, row_height=26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_KIND, 150), (COL_REGION, 120), (COL_ACCREDITATION, 240)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(COL_REFERRALS, QHeaderView.ResizeMode.ResizeToContents)
        self.referrals_heading = QLabel()
        self.referrals_heading.setStyleSheet("font-weight: bold;")
        self.referrals_view = record_list(self.referrals_model, row_height=26)
        self.referrals_view.hideColumn(COL_PROVIDER)
        self.referrals_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.referrals_view.horizontalHeader().setSectionResizeMode(  # the case or finding
            COL_SOURCE, QHeaderView.ResizeMode.Stretch
        )
        self.referrals_view.horizontalHeader().setSectionResizeMode(
            COL_FIELD, QHeaderView.ResizeMode.ResizeToContents
        )
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.add_button)
        tools.addWidget(self.edit_button)
        tools.addWidget(self.delete_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.referrals_heading)
        lower_layout.addWidget(self.referrals_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(lower)
        splitter.setSizes([380, 220])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Service providers"))
        self.search.setPlaceholderText(self.tr("Search name, region, accreditation…"))
        self.add_button.setText(self.tr("Add provider…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.model.retranslate()
        self.referrals_model.retranslate()
        self._show_summary()

    # --- loading ---------------------------------------------------------------------------
    def load(self) -> None:
        self._stale = False
        selected = self.selected()
        rows = self._services.providers.rows(self.search.text())
        self.model.set_rows(rows)
        for number, row in enumerate(rows):
            if selected is not None and row.id == selected.id:
                self.view.selectRow(number)
        self.on_selection_changed()
        self._show_summary()

    def _show_summary(self) -> None:
        self.summary.setText(self.tr("%1 providers").replace("%1", str(self.model.rowCount())))

    def selected(self) -> ProviderRow | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        row: ProviderRow = rows[0].data(Qt.ItemDataRole.UserRole)
        return row

    def select_provider(self, provider_id: str) -> None:
        for number in range(self.model.rowCount()):
            if self.model.row_at(number).id == provider_id:
                self.view.selectRow(number)

    def on_selection_changed(self, *_: object) -> None:
        row = self.selected()
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        referred = self._services.referrals.rows(provider_id=row.id) if row else []
        self.referrals_model.set_rows(referred)
        self.referrals_heading.setText(
            self.tr("Referred to %1").replace("%1", row.name)
            if row
            else self.tr("Select a provider to see what was referred to it.")
        )

    # --- changes ---------------------------------------------------------------------------
    def on_add(self) -> None:
        self._open(None)

    def on_edit(self, *_: object) -> None:
        row = self.selected()
        if row is not None:
            self._open(row)

    def _open(self, row: ProviderRow | None) -> None:
        self.dialog = ProviderDialog(self._services, row, self)
        self.dialog.accepted.connect(self.on_saved)
        self.dialog.open()

    def on_saved(self) -> None:
        self.load()
        if self.dialog is not None and self.dialog.provider_id:
            self.select_provider(self.dialog.provider_id)

    def on_delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            self._services.providers.delete(row.id, source=self)
        except UserError as error:
            show_error(error, self)
        self.load()

    def on_changed(self, event: ChangeEvent) -> None:
        if event.entity not in SHOWN_TABLES and event.entity != "organization":
            return
        if self.isVisible():
            self.load()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()


def create(services: Services, signals: AppSignals, lang: str) -> QWidget:
    return ProvidersPage(services, signals, lang)
