"""The new / edit organization dialog: the credit code is checked as it is typed.

Accepting saves at once through the organization service (there is no separate Save step); a
duplicate credit code or any other refusal is shown and the dialog stays open to fix it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QWidget

from qclinic.core import uscc
from qclinic.core.contact import ContactCheck, check_email, check_phone
from qclinic.core.text import Text
from qclinic.core.vocabulary import ChainRole, IndustryChain, SizeClass
from qclinic.errors import UserError
from qclinic.ui.errors import show_error
from qclinic.ui.forms.ui_organization_dialog import Ui_OrganizationDialog
from qclinic.ui.labels import choices
from qclinic.ui.signals import AppSignals

if TYPE_CHECKING:
    from qclinic.services import Services

INVALID_FIELD_STYLE = (
    "QLineEdit { border: 1px solid #c62828; border-radius: 3px; padding: 2px;"
    " background: #fdecea; }"
)
VALID_FIELD_STYLE = "QLineEdit { border: 1px solid #2e7d32; border-radius: 3px; padding: 2px; }"
ERROR_TEXT_STYLE = "color: #c62828;"
OK_TEXT_STYLE = "color: #2e7d32;"


def _fill(combo: QComboBox, enum: type[StrEnum], current: StrEnum | None) -> None:
    combo.clear()
    combo.addItem("—", None)
    for text, value in choices(enum):
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)


def _text(value: str) -> str | None:
    """Stored form of an optional one-line field: trimmed, ``None`` when empty."""
    value = value.strip()
    return value or None


class OrganizationDialog(QDialog):
    """Create an organization (*organization_id* None) or edit one; ``saved_id`` after accepting."""

    def __init__(
        self,
        services: Services,
        signals: AppSignals,
        lang: str,
        organization_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_OrganizationDialog()
        self.ui.setupUi(self)
        self._organizations = services.organizations
        self._signals = signals
        self._lang = lang
        self._organization_id = organization_id
        self.saved_id: str | None = None
        self._original: dict[str, Any] = {}
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ui.usccMessage.setVisible(False)
        self.ui.notesEdit.setMinimumHeight(60)
        if organization_id is None:
            self.setWindowTitle(self.tr("New organization"))
            _fill(self.ui.chainCombo, IndustryChain, None)
            _fill(self.ui.roleCombo, ChainRole, None)
            _fill(self.ui.sizeCombo, SizeClass, None)
        else:
            self.setWindowTitle(self.tr("Edit organization"))
            self._load(organization_id)
        self.ui.nameEdit.textChanged.connect(self.on_input_changed)
        self.ui.usccEdit.textChanged.connect(self.on_uscc_changed)
        self.ui.cqoPhoneEdit.textChanged.connect(self.on_contact_changed)
        self.ui.cqoEmailEdit.textChanged.connect(self.on_contact_changed)
        self.on_contact_changed()
        self.on_uscc_changed(self.ui.usccEdit.text())

    def _load(self, organization_id: str) -> None:
        values = self._original = self._organizations.values(organization_id)
        self.ui.nameEdit.setText(values["name"])
        self.ui.usccEdit.setText(values["uscc"] or "")
        _fill(self.ui.chainCombo, IndustryChain, values["industry_chain"])
        _fill(self.ui.roleCombo, ChainRole, values["chain_role"])
        _fill(self.ui.sizeCombo, SizeClass, values["size_class"])
        self.ui.regionEdit.setText(values["region"] or "")
        self.ui.cqoNameEdit.setText(values["cqo_name"] or "")
        self.ui.cqoPhoneEdit.setText(values["cqo_phone"] or "")
        self.ui.cqoEmailEdit.setText(values["cqo_email"] or "")
        self.ui.notesEdit.setPlainText(values["notes"])

    # --- checking as the user types -------------------------------------------------------
    def uscc_problem(self) -> str | None:
        """What is wrong with the typed credit code (in the UI language), or None."""
        code = self.ui.usccEdit.text()
        if not code.strip():
            return None
        result = uscc.check(code)
        if result.ok:
            return None
        return result.message_zh if self._lang == "zh" else result.message_en

    def on_uscc_changed(self, code: str) -> None:
        problem = self.uscc_problem()
        message = self.ui.usccMessage
        if not code.strip():
            message.setVisible(False)
            self.ui.usccEdit.setStyleSheet("")
        elif problem is not None:
            message.setText(problem)
            message.setStyleSheet(ERROR_TEXT_STYLE)
            message.setVisible(True)
            self.ui.usccEdit.setStyleSheet(INVALID_FIELD_STYLE)
        else:
            message.setText(self.tr("✓ Valid credit code"))
            message.setStyleSheet(OK_TEXT_STYLE)
            message.setVisible(True)
            self.ui.usccEdit.setStyleSheet(VALID_FIELD_STYLE)
        self.on_input_changed()

    def contact_problems(self) -> list[ContactCheck]:
        """What is wrong with the typed phone number and e-mail address (none when both pass)."""
        checks = (
            check_phone(self.ui.cqoPhoneEdit.text()),
            check_email(self.ui.cqoEmailEdit.text()),
        )
        return [check for check in checks if not check.ok]

    def on_contact_changed(self) -> None:
        """Mark each contact field as typed, and say what is wrong under them."""
        problems = []
        for edit, check in (
            (self.ui.cqoPhoneEdit, check_phone(self.ui.cqoPhoneEdit.text())),
            (self.ui.cqoEmailEdit, check_email(self.ui.cqoEmailEdit.text())),
        ):
            if not edit.text().strip():
                edit.setStyleSheet("")
            elif check.ok:
                edit.setStyleSheet(VALID_FIELD_STYLE)
            else:
                edit.setStyleSheet(INVALID_FIELD_STYLE)
                problems.append(check.message_zh if self._lang == "zh" else check.message_en)
        message = self.ui.contactMessage
        message.setText("\n".join(problems))
        message.setStyleSheet(ERROR_TEXT_STYLE)
        message.setVisible(bool(problems))
        self.on_input_changed()

    def on_input_changed(self) -> None:
        ready = (
            bool(self.ui.nameEdit.text().strip())
            and self.uscc_problem() is None
            and not self.contact_problems()
        )
        self.ok_button.setEnabled(ready)

    # --- saving ---------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The fields as the repository takes them."""
        return {
            "name": self.ui.nameEdit.text().strip(),
            "uscc": _text(self.ui.usccEdit.text()),
            "industry_chain": self.ui.chainCombo.currentData(),
            "chain_role": self.ui.roleCombo.currentData(),
            "size_class": self.ui.sizeCombo.currentData(),
            "region": _text(self.ui.regionEdit.text()),
            "cqo_name": _text(self.ui.cqoNameEdit.text()),
            "cqo_phone": _text(self.ui.cqoPhoneEdit.text()),
            "cqo_email": _text(self.ui.cqoEmailEdit.text()),
            "notes": self.ui.notesEdit.toPlainText().strip(),
        }

    def accept(self) -> None:
        problems = self.contact_problems()
        if problems:  # the button is disabled; Enter or a script may still get here
            chinese = "\n".join(p.message_zh for p in problems)
            english = "\n".join(p.message_en for p in problems)
            show_error(UserError(Text(chinese, english)), self)
            return
        if not self.ok_button.isEnabled():
            return
        values = self.values()
        try:
            if self._organization_id is None:
                saved = self._organizations.create(source=self, **values)
            else:
                saved = self._organizations.update(self._organization_id, source=self, **values)
        except UserError as exc:
            show_error(exc, self)
            return
        self.saved_id = saved.id
        super().accept()
