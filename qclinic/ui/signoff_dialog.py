"""Signing off an assessment (consultant + company representative), and amending a signed one.

``run_sign_off`` is what the runner's "Sign off…" button calls: it checks completion, marks a
ready draft completed, then asks both parties to sign — drawn on a pad or as a typed name. The
signatures, their images and the move to *signed* are written in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QWidget,
)

from qclinic.core.scoring.completion import BLOCKING
from qclinic.core.scoring.result import Gap, ScoreResult
from qclinic.core.vocabulary import AssessmentStatus, SignerRole
from qclinic.errors import UserError
from qclinic.storage.assessment_scoring import score_assessment
from qclinic.storage.database import Database
from qclinic.storage.repositories import assessments
from qclinic.storage.repositories.assessments import SIGNATURE_QUESTION_ID
from qclinic.storage.repositories.attachments import add_attachment
from qclinic.ui.errors import show_error
from qclinic.ui.forms.ui_signoff_dialog import Ui_SignOffDialog
from qclinic.ui.labels import label
from qclinic.ui.signals import AppSignals
from qclinic.ui.signature_pad import SignaturePad

#: Drawn signatures are stored as attachments of the assessment under this pseudo question id
#: (instance key: the signer role), so they sync with the other evidence yet match no question.
SIGNATURE_QUESTION = SIGNATURE_QUESTION_ID
MAX_LISTED_GAPS = 12


def current_lang() -> str:
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def blocking_gaps(result: ScoreResult) -> list[Gap]:
    return [gap for gap in result.gaps if gap.kind in BLOCKING]


@dataclass
class _SignerBlock:
    """The widgets of one signer, and when the signature was completed on screen."""

    role: SignerRole
    name: QLineEdit
    draw: QRadioButton
    typed: QRadioButton
    pad: SignaturePad
    status: QLabel
    signed_at: datetime | None = None

    def signer_name(self) -> str:
        return self.name.text().strip()

    def drawn(self) -> bool:
        return self.draw.isChecked()

    def complete(self) -> bool:
        return bool(self.signer_name()) and (not self.drawn() or not self.pad.is_empty())


class SignOffDialog(QDialog):
    """Two signature blocks; OK stores both signatures and signs the (completed) assessment."""

    def __init__(
        self,
        database: Database,
        signals: AppSignals,
        assessment_id: str,
        lang: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SignOffDialog()
        self.ui.setupUi(self)
        self._database = database
        self._signals = signals
        self._assessment_id = assessment_id
        self._lang = lang or current_lang()
        ui = self.ui
        self.blocks = {
            SignerRole.CONSULTANT: _SignerBlock(
                SignerRole.CONSULTANT,
                ui.consultantName,
                ui.consultantDrawRadio,
                ui.consultantTypedRadio,
                ui.consultantPad,
                ui.consultantStatus,
            ),
            SignerRole.COMPANY_REPRESENTATIVE: _SignerBlock(
                SignerRole.COMPANY_REPRESENTATIVE,
                ui.companyName,
                ui.companyDrawRadio,
                ui.companyTypedRadio,
                ui.companyPad,
                ui.companyStatus,
            ),
        }
        for block in self.blocks.values():
            block.name.textChanged.connect(self.on_signer_changed)
            block.draw.toggled.connect(self.on_signer_changed)
            block.pad.changed.connect(self.on_signer_changed)
        ui.buttonBox.accepted.connect(self.accept)
        self._load_summary()
        self.on_signer_changed()

    def ok_button(self) -> QPushButton:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def _load_summary(self) -> None:
        with self._database.read_session() as session:
            assessment = assessments.get_assessment(session, self._assessment_id)
            title, status = assessment.title, assessment.status
            result = score_assessment(session, self._assessment_id)
        self.ui.titleLabel.setText(title)
        parts = [self.tr("Status: %1").replace("%1", label(status))]
        if result.percent is not None:
            parts.append(self.tr("Score: %1%").replace("%1", f"{result.percent:.1f}"))
        if result.grade:
            grade = result.grade
            if result.grade_label is not None:
                grade = f"{grade} ({result.grade_label.get(self._lang)})"
            parts.append(self.tr("Grade: %1").replace("%1", grade))
        text = "  ·  ".join(parts)
        unanswered = sum(1 for gap in result.gaps if gap.kind == "unanswered")
        if unanswered:
            text += "\n" + self.tr(
                "%1 question(s) are unanswered; they are signed as not answered."
            ).replace("%1", str(unanswered))
        self.ui.summaryLabel.setText(text)

    # --- slots -------------------------------------------------------------------------------
    def on_signer_changed(self) -> None:
        for block in self.blocks.values():
            block.pad.setEnabled(block.drawn())
            if block.complete():
                if block.signed_at is None:
                    block.signed_at = datetime.now()
                how = self.tr("drawn") if block.drawn() else self.tr("typed name")
                block.status.setText(
                    self.tr("✔ Signed at %1 (%2)")
                    .replace("%1", block.signed_at.strftime("%Y-%m-%d %H:%M"))
                    .replace("%2", how)
                )
                block.status.setStyleSheet("color: #1e7b34;")
            else:
                block.signed_at = None
                if not block.signer_name():
                    block.status.setText(self.tr("Enter the signer's name"))
                else:
                    block.status.setText(self.tr("Sign on the pad, or choose a typed name"))
                block.status.setStyleSheet("color: #8a5a00;")
        self.ok_button().setEnabled(all(b.complete() for b in self.blocks.values()))

    def accept(self) -> None:
        """Store both signatures (drawn ones as image attachments) and sign, atomically."""
        if not all(block.complete() for block in self.blocks.values()):
            return
        try:
            with self._database.session() as session:
                for block in self.blocks.values():
                    image_sha256 = None
                    if block.drawn():
                        attachment = add_attachment(
                            session,
                            self._database.blobs,
                            block.pad.to_png(),
                            f"signature-{block.role.value}.png",
                            mime_type="image/png",
                            caption=f"{label(block.role)}: {block.signer_name()}",
                            assessment_id=self._assessment_id,
                            question_id=SIGNATURE_QUESTION,
                            instance_key=block.role.value,
                        )
                        image_sha256 = attachment.sha256
                    assessments.add_signature(
                        session,
                        self._assessment_id,
                        block.role,
                        block.signer_name(),
                        image_sha256=image_sha256,
                    )
                assessments.set_assessment_status(
                    session, self._assessment_id, AssessmentStatus.SIGNED
                )
        except Exception as exc:  # shown to the user; nothing was committed, the pads stay
            show_error(exc, self)
            return
        self._signals.saved.emit()
        self._signals.data_changed.emit("assessment")
        super().accept()


def prepare_sign_off(
    parent: QWidget | None, database: Database, signals: AppSignals, assessment_id: str
) -> SignOffDialog | None:
    """The completion check, then the dialog to sign in (``None`` when it cannot be signed).

    Blocking gaps are listed in a message; a draft without them is marked completed first.
    """
    lang = current_lang()
    try:
        with database.read_session() as session:
            assessment = assessments.get_assessment(session, assessment_id)
            status, signed_at = assessment.status, assessment.signed_at
            result = score_assessment(session, assessment_id)
    except UserError as exc:
        show_error(exc, parent)
        return None
    if status is AssessmentStatus.SIGNED:
        when = signed_at.astimezone().strftime("%Y-%m-%d %H:%M") if signed_at else ""
        QMessageBox.information(
            parent,  # type: ignore[arg-type]
            QCoreApplication.translate("signoff", "Already signed"),
            QCoreApplication.translate(
                "signoff", "This assessment was signed on %1. To correct it, amend it."
            ).replace("%1", when),
        )
        return None
    gaps = blocking_gaps(result)
    if gaps:
        _show_gaps(parent, gaps, lang)
        return None
    if status is AssessmentStatus.DRAFT:
        try:
            with database.session() as session:
                assessments.set_assessment_status(
                    session, assessment_id, AssessmentStatus.COMPLETED
                )
                assessments.record_score(session, assessment_id, result.percent, result.grade)
        except UserError as exc:
            show_error(exc, parent)
            return None
        signals.saved.emit()
        signals.data_changed.emit("assessment")
    return SignOffDialog(database, signals, assessment_id, lang, parent)


def _show_gaps(parent: QWidget | None, gaps: list[Gap], lang: str) -> None:
    lines = [f"• {gap.message.get(lang)}" for gap in gaps[:MAX_LISTED_GAPS]]
    if len(gaps) > MAX_LISTED_GAPS:
        lines.append(
            QCoreApplication.translate("signoff", "… and %1 more").replace(
                "%1", str(len(gaps) - MAX_LISTED_GAPS)
            )
        )
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("signoff", "Not ready to sign"))
    box.setText(
        QCoreApplication.translate(
            "signoff", "This assessment cannot be completed yet: %1 gap(s) must be closed first."
        ).replace("%1", str(len(gaps)))
    )
    box.setInformativeText("\n".join(lines))
    box.setObjectName("gapsMessage")
    box.exec()


def run_sign_off(
    parent: QWidget | None, database: Database, signals: AppSignals, assessment_id: str
) -> bool:
    """Check, complete and sign *assessment_id*; ``True`` when it was signed."""
    dialog = prepare_sign_off(parent, database, signals, assessment_id)
    if dialog is None:
        return False
    return dialog.exec() == QDialog.DialogCode.Accepted


def confirm_amend(parent: QWidget | None) -> bool:
    """Ask before making an amended revision of a signed assessment; ``True`` to go ahead."""
    answer = QMessageBox.question(
        parent,  # type: ignore[arg-type]
        QCoreApplication.translate("signoff", "Amend the signed assessment"),
        QCoreApplication.translate(
            "signoff",
            "A new draft revision will be made with the same answers, evidence, findings and "
            "improvement actions, linked to this signed one, which stays unchanged. From then on "
            "the improvement plan follows the new revision's actions. It must be signed again. "
            "Continue?",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def amend(
    parent: QWidget | None, database: Database, signals: AppSignals, assessment_id: str
) -> str | None:
    """After confirmation, a new draft revision of a signed assessment; opens it, returns its id."""
    if not confirm_amend(parent):
        return None
    try:
        with database.session() as session:
            new_id = assessments.amend_assessment(session, assessment_id).id
    except UserError as exc:
        show_error(exc, parent)
        return None
    signals.saved.emit()
    signals.data_changed.emit("assessment")
    signals.data_changed.emit("finding")
    signals.data_changed.emit("action")
    signals.open_assessment.emit(new_id)
    return new_id
