"""Referrals (供需对接) in the interface: the table model, the *Refer…* dialog and the
Referrals box of the case editor and of the findings list.

The box lists the referrals of one clinic case or one finding; *Refer…* sends the company to a
provider of the directory for a service in an NQI field; the status button opens
:class:`~qclinic.ui.referral_step_dialog.StepDialog`, which moves the selected referral one step
(requested → accepted → delivered → closed) on the date the step happened, with an optional
note; *Attach evidence…* adds the delivery evidence (a calibration certificate PDF or a photo of
it) to a delivered referral. Every change goes through
:class:`~qclinic.services.referrals.ReferralService`; a refusal is shown as the service words it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.catalogue import find
from qclinic.core.vocabulary import NqiCategory, ProviderKind
from qclinic.errors import UserError
from qclinic.services import ChangeEvent, Services
from qclinic.ui.errors import show_error, ui_language
from qclinic.ui.labels import choices, label
from qclinic.ui.list_view import record_list
from qclinic.ui.referral_step_dialog import NEXT_STEP, StepDialog, step_text
from qclinic.ui.signals import AppSignals
from qclinic.ui.table_model import TableModel

if TYPE_CHECKING:
    from qclinic.services.referrals import ReferralRow  # imports SQLAlchemy: not at start-up

(
    COL_PROVIDER,
    COL_COMPANY,
    COL_FIELD,
    COL_STATUS,
    COL_REQUESTED,
    COL_DELIVERED,
    COL_EVIDENCE,
    COL_SOURCE,
) = range(8)
# the kind of provider a field's referral usually goes to (the dialog proposes the first one)
USUAL_PROVIDER = {
    NqiCategory.METROLOGY: ProviderKind.METROLOGY,
    NqiCategory.STANDARDS: ProviderKind.STANDARDS_BODY,
    NqiCategory.CERTIFICATION: ProviderKind.CERTIFICATION_BODY,
    NqiCategory.INSPECTION_TESTING: ProviderKind.TEST_LABORATORY,
    NqiCategory.INTELLECTUAL_PROPERTY: ProviderKind.IP_SERVICE,
    NqiCategory.LAWS_REGULATIONS: ProviderKind.LAW_FIRM,
    NqiCategory.SPECIAL_EQUIPMENT: ProviderKind.SPECIAL_EQUIPMENT,
}
# the tables whose changes a referral list shows
SHOWN_TABLES = frozenset({"referral", "provider", "attachment"})


def referral_label(area: str, value: Any) -> str:
    """The label of a provider kind (``kind``) or a referral status (``status``) in the
    interface language (catalogue area ``referrals``)."""
    entry = find(f"referrals.{area}.{getattr(value, 'value', value)}")
    return entry.get(ui_language()) if entry else str(value)


class ReferralsModel(TableModel["ReferralRow"]):
    """Referrals, one a row: provider, company, NQI field, status, dates, evidence files."""

    CONTEXT = "ReferralsModel"
    HEADERS: ClassVar = (
        QT_TRANSLATE_NOOP("ReferralsModel", "Provider"),
        QT_TRANSLATE_NOOP("ReferralsModel", "Company"),
        QT_TRANSLATE_NOOP("ReferralsModel", "Field"),
        QT_TRANSLATE_NOOP("ReferralsModel", "Status"),
        QT_TRANSLATE_NOOP("ReferralsModel", "Requested"),
        QT_TRANSLATE_NOOP("ReferralsModel", "Delivered"),
        QT_TRANSLATE_NOOP("ReferralsModel", "Evidence"),
        QT_TRANSLATE_NOOP("ReferralsModel", "Referred from"),
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
            return "\n".join(part for part in (row.source_title, row.request, row.note) if part)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == COL_PROVIDER:
            return row.provider_name
        if column == COL_COMPANY:
            return row.organization_name
        if column == COL_FIELD:
            return label(row.nqi_category)
        if column == COL_STATUS:
            return referral_label("status", row.status)
        if column == COL_REQUESTED:
            return row.requested_on.isoformat()
        if column == COL_DELIVERED:
            return row.delivered_on.isoformat() if row.delivered_on else ""
        if column == COL_EVIDENCE:
            return str(row.evidence) if row.evidence else ""
        return row.source_title


class ReferDialog(QDialog):
    """Refer the company of a case or a finding to a provider: provider, NQI field, what is
    asked, and the day it was asked (today by default, never later)."""

    def __init__(
        self,
        services: Services,
        category: NqiCategory,
        parent: QWidget,
        *,
        case_id: str | None = None,
        finding_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._case_id = case_id
        self._finding_id = finding_id
        self.referral_id: str | None = None
        self.provider = QComboBox()
        usual = USUAL_PROVIDER.get(NqiCategory(category))
        providers = services.providers.rows()
        for provider in providers:
            kind = referral_label("kind", provider.kind)
            self.provider.addItem(f"{provider.name} · {kind}", provider.id)
        kinds = [provider.kind for provider in providers]
        if usual in kinds:
            self.provider.setCurrentIndex(kinds.index(usual))
        self.field = QComboBox()
        for text, value in choices(NqiCategory):
            self.field.addItem(text, str(value))
        self.field.setCurrentIndex(max(0, self.field.findData(str(category))))
        self.request = QPlainTextEdit()
        self.request.setTabChangesFocus(True)
        self.request.setMinimumHeight(80)
        today = QDate.currentDate()
        self.requested_on = QDateEdit(today)
        self.requested_on.setCalendarPopup(True)
        self.requested_on.setDisplayFormat("yyyy-MM-dd")
        self.requested_on.setMaximumDate(today)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self.provider_label, self.field_label, self.request_label = QLabel(), QLabel(), QLabel()
        self.date_label = QLabel()
        form.addRow(self.provider_label, self.provider)
        form.addRow(self.field_label, self.field)
        form.addRow(self.request_label, self.request)
        form.addRow(self.date_label, self.requested_on)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Refer to a service provider"))
        self.provider_label.setText(self.tr("Provider"))
        self.field_label.setText(self.tr("NQI field"))
        self.request_label.setText(self.tr("Service asked"))
        self.date_label.setText(self.tr("Requested on"))
        self.request.setPlaceholderText(self.tr("For example: calibrate the CMM to JJF 1064"))
        if self.provider.count() == 0:
            self.message.setText(self.tr("Add a provider on the Providers page first."))
        self.resize(520, 320)

    def accept(self) -> None:
        provider_id = self.provider.currentData()
        if provider_id is None:
            return
        day = self.requested_on.date()
        try:
            referral = self._services.referrals.refer(
                provider_id,
                NqiCategory(self.field.currentData()),
                self.request.toPlainText(),
                case_id=self._case_id,
                finding_id=self._finding_id,
                requested_on=date(day.year(), day.month(), day.day()),
                source=self,
            )
        except UserError as error:
            self.message.setText(error.message(ui_language()))
            return
        self.referral_id = referral.id
        super().accept()


class ReferralsBox(QGroupBox):
    """The Referrals box of the case editor and of the findings list: the referrals of one case
    or one finding, and what can be done to them."""

    def __init__(self, services: Services, signals: AppSignals) -> None:
        super().__init__()
        self._services = services
        self.case_id: str | None = None
        self.finding_id: str | None = None
        self._category = NqiCategory.METROLOGY
        # the dialogs last opened (kept so tests and callers can reach them)
        self.dialog: ReferDialog | None = None
        self.step_dialog: StepDialog | None = None
        self.model = ReferralsModel(self)
        self.view = record_list(self.model, row_height=26)
        self.view.hideColumn(COL_COMPANY)
        self.view.setMinimumHeight(90)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_PROVIDER, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_FIELD, 70), (COL_STATUS, 60), (COL_REQUESTED, 86)):
            header.resizeSection(column, width)
        self.view.hideColumn(COL_DELIVERED)
        self.view.hideColumn(COL_SOURCE)  # the case or finding the box belongs to
        self.refer_button = QPushButton()
        self.step_button = QPushButton()
        self.evidence_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.evidence_button)
        buttons.addStretch(1)
        buttons.addWidget(self.step_button)
        buttons.addWidget(self.refer_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.refer_button.clicked.connect(self.on_refer)
        self.step_button.clicked.connect(self.on_step)
        self.evidence_button.clicked.connect(self.on_attach_evidence)
        self.view.selectionModel().selectionChanged.connect(self._show_buttons)
        signals.changed.connect(self.on_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Referrals"))
        self.refer_button.setText(self.tr("Refer…"))
        self.evidence_button.setText(self.tr("Attach evidence…"))
        self.model.retranslate()
        self._show_buttons()

    def set_case(self, case_id: str | None, category: NqiCategory | None = None) -> None:
        """Show the referrals of *case_id* (None: nothing)."""
        self.case_id, self.finding_id = case_id, None
        if category is not None:
            self._category = category
        self.load()

    def set_finding(self, finding_id: str | None, category: NqiCategory | None = None) -> None:
        """Show the referrals of *finding_id* (None: nothing); *Refer…* proposes *category*."""
        self.case_id, self.finding_id = None, finding_id
        if category is not None:
            self._category = category
        self.load()

    def _owner(self) -> dict[str, str]:
        if self.case_id is not None:
            return {"case_id": self.case_id}
        if self.finding_id is not None:
            return {"finding_id": self.finding_id}
        return {}

    def load(self) -> None:
        selected = self.selected()
        owner = self._owner()
        rows = self._services.referrals.rows(**owner) if owner else []
        self.model.set_rows(rows)
        if selected is not None:
            for number, row in enumerate(rows):
                if row.id == selected.id:
                    self.view.selectRow(number)
        self._show_buttons()

    def selected(self) -> ReferralRow | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        row: ReferralRow = rows[0].data(Qt.ItemDataRole.UserRole)
        return row

    def _show_buttons(self, *_: object) -> None:
        row = self.selected()
        step = NEXT_STEP.get(row.status) if row else None
        self.step_button.setText(step_text(step) if step else self.tr("Next step"))
        self.step_button.setEnabled(step is not None)
        self.evidence_button.setEnabled(row is not None and row.delivered_on is not None)
        self.refer_button.setEnabled(bool(self._owner()))

    # --- changes ---------------------------------------------------------------------------
    def on_refer(self) -> None:
        owner = self._owner()
        if not owner:
            return
        self.dialog = ReferDialog(self._services, self._category, self, **owner)
        self.dialog.accepted.connect(self.load)
        self.dialog.open()

    def on_step(self) -> None:
        """Ask the date (and a note) of the selected referral's next step, then take it."""
        row = self.selected()
        step = NEXT_STEP.get(row.status) if row else None
        if row is None or step is None:
            return
        self.step_dialog = StepDialog(self._services, row, step, self)
        self.step_dialog.accepted.connect(self.load)
        self.step_dialog.open()

    def on_attach_evidence(self) -> None:
        row = self.selected()
        if row is None:
            return
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach delivery evidence"),
            "",
            self.tr("Certificates and reports (*.pdf *.png *.jpg *.jpeg);;All files (*)"),
        )
        if name:
            self.attach_file(row.id, Path(name))

    def attach_file(self, referral_id: str, path: Path) -> None:
        """Attach the file at *path* to *referral_id* as its delivery evidence."""
        try:
            self._services.referrals.attach_evidence(
                referral_id, path.read_bytes(), path.name, source=self
            )
        except (UserError, OSError) as error:
            show_error(error, self)
        self.load()

    def on_changed(self, event: ChangeEvent) -> None:
        if self.case_id is None or event.entity not in SHOWN_TABLES or event.made_by(self):
            return
        self.load()


def header_text(column: int) -> str:
    """A column's header in the interface language (for pages that label it elsewhere)."""
    return QCoreApplication.translate("ReferralsModel", ReferralsModel.HEADERS[column])
