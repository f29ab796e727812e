"""The step dialog of a referral: the day the step happened, and a note on it.

A consultant records a referral's steps after the fact (the laboratory accepted the gauges last
Tuesday, the certificate came on the 24th), so *Mark accepted*, *Mark delivered* and *Close* ask
for the day: a date edit with a calendar, today by default, offering no day before the step
before it nor after today. The service checks the same rule
(:meth:`~qclinic.services.referrals.ReferralService.move`) — the referral may have moved in
another window meanwhile — and its refusal is shown in the dialog, which stays open.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.vocabulary import ReferralStatus
from qclinic.errors import UserError
from qclinic.ui.elided_label import ElidedLabel
from qclinic.ui.errors import ui_language

if TYPE_CHECKING:
    from qclinic.services import Services
    from qclinic.services.referrals import ReferralRow

# the step the status button takes from each status
NEXT_STEP = {
    ReferralStatus.REQUESTED: ReferralStatus.ACCEPTED,
    ReferralStatus.ACCEPTED: ReferralStatus.DELIVERED,
    ReferralStatus.DELIVERED: ReferralStatus.CLOSED,
}
# the button (and dialog title) of each step, in the context the box has always used
STEP_TEXTS = {
    ReferralStatus.ACCEPTED: QT_TRANSLATE_NOOP("ReferralsBox", "Mark accepted"),
    ReferralStatus.DELIVERED: QT_TRANSLATE_NOOP("ReferralsBox", "Mark delivered"),
    ReferralStatus.CLOSED: QT_TRANSLATE_NOOP("ReferralsBox", "Close"),
}
# what the date is of, per step
DATE_LABELS = {
    ReferralStatus.ACCEPTED: QT_TRANSLATE_NOOP("StepDialog", "Accepted on"),
    ReferralStatus.DELIVERED: QT_TRANSLATE_NOOP("StepDialog", "Delivered on"),
    ReferralStatus.CLOSED: QT_TRANSLATE_NOOP("StepDialog", "Closed on"),
}


def step_text(step: ReferralStatus) -> str:
    """The button text of *step* in the interface language."""
    return QCoreApplication.translate("ReferralsBox", STEP_TEXTS[step])


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class StepDialog(QDialog):
    """Move *row* to *step* on a chosen day, with an optional note (see the module docstring)."""

    def __init__(
        self, services: Services, row: ReferralRow, step: ReferralStatus, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._row = row
        self.step = step
        self.setWindowTitle(step_text(step))
        self.what = ElidedLabel(f"{row.provider_name} · {row.request}")
        today = date.today()
        earliest = min(row.last_step_on(), today)
        self.day = QDateEdit(_qdate(today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDateRange(_qdate(earliest), _qdate(today))
        self.range_label = QLabel(
            self.tr("From %1 (the step before) to today.").replace("%1", earliest.isoformat())
        )
        self.range_label.setWordWrap(True)
        self.range_label.setStyleSheet("color: #666666;")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Optional: certificate number, who confirmed…"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(step_text(step))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("StepDialog", DATE_LABELS[step]), self.day)
        form.addRow("", self.range_label)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(460, 220)

    def chosen_day(self) -> date:
        day = self.day.date()
        return date(day.year(), day.month(), day.day())

    def accept(self) -> None:
        try:
            self._services.referrals.move(
                self._row.id,
                self.step,
                on=self.chosen_day(),
                note=self.note.text(),
                source=self,
            )
        except UserError as error:
            self.message.setText(error.message(ui_language()))
            return
        super().accept()
