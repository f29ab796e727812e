"""Signing off an assessment (the expert team + the company), and amending a signed one.

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
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from qclinic.core.scoring.completion import BLOCKING
from qclinic.core.scoring.result import Gap, ScoreResult
from qclinic.core.vocabulary import AssessmentStatus, SignerRole, TeamRole
from qclinic.errors import UserError
from qclinic.services import Services
from qclinic.services.assessments import GapsBlock, Signer
from qclinic.ui.errors import show_error
from qclinic.ui.forms.ui_signoff_dialog import Ui_SignOffDialog
from qclinic.ui.labels import label
from qclinic.ui.signals import AppSignals
from qclinic.ui.signature_pad import SignaturePad
from qclinic.ui.times import local_text

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


def _signer_group(title: str) -> tuple[QGroupBox, _SignerBlock]:
    """A signature block like the form's, for a further member of the expert team."""
    group = QGroupBox(title)
    layout = QVBoxLayout(group)
    layout.setSpacing(8)
    form = QFormLayout()
    name = QLineEdit()
    name.setMaxLength(100)
    name.setClearButtonEnabled(True)
    name.setPlaceholderText(QCoreApplication.translate("SignOffDialog", "Full name"))
    form.addRow(QCoreApplication.translate("SignOffDialog", "&Name"), name)
    layout.addLayout(form)
    modes = QHBoxLayout()
    draw = QRadioButton(QCoreApplication.translate("SignOffDialog", "Draw signature"))
    draw.setChecked(True)
    typed = QRadioButton(QCoreApplication.translate("SignOffDialog", "Typed name only"))
    modes.addWidget(draw)
    modes.addWidget(typed)
    modes.addStretch(1)
    layout.addLayout(modes)
    pad = SignaturePad()
    pad.setMinimumSize(300, 140)
    layout.addWidget(pad)
    status = QLabel()
    layout.addWidget(status)
    return group, _SignerBlock(SignerRole.CONSULTANT, name, draw, typed, pad, status)


class SignOffDialog(QDialog):
    """A signature block per consultant of the expert team and one for the company; OK stores
    every signature and signs the (completed) assessment.

    Without a recorded team there is one consultant block, as before teams existed. With a team,
    the form's consultant block is the first member (the lead signs as ``lead``), a block is added
    for each further member, and the blocks are laid out two to a row, the company's last.
    """

    def __init__(
        self,
        services: Services,
        signals: AppSignals,
        assessment_id: str,
        lang: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SignOffDialog()
        self.ui.setupUi(self)
        self._assessments = services.assessments
        self._assessment_id = assessment_id
        self._lang = lang or current_lang()
        ui = self.ui
        consultant = _SignerBlock(
            SignerRole.CONSULTANT,
            ui.consultantName,
            ui.consultantDrawRadio,
            ui.consultantTypedRadio,
            ui.consultantPad,
            ui.consultantStatus,
        )
        company = _SignerBlock(
            SignerRole.COMPANY_REPRESENTATIVE,
            ui.companyName,
            ui.companyDrawRadio,
            ui.companyTypedRadio,
            ui.companyPad,
            ui.companyStatus,
        )
        self.blocks: list[_SignerBlock] = [consultant]
        self.team = self._assessments.team(assessment_id)
        if self.team:
            self._team_blocks(consultant)
        self.blocks.append(company)
        for block in self.blocks:
            block.name.textChanged.connect(self.on_signer_changed)
            block.draw.toggled.connect(self.on_signer_changed)
            block.pad.changed.connect(self.on_signer_changed)
        ui.buttonBox.accepted.connect(self.accept)
        self._load_summary()
        self.on_signer_changed()

    def _team_blocks(self, first: _SignerBlock) -> None:
        """One block per team member (the form's consultant block is the first), two per row."""
        ui = self.ui
        lead = self.tr("Lead expert")
        member = self.tr("Team member")
        lead_first = self.team[0]
        first.role = SignerRole.LEAD if lead_first.role is TeamRole.LEAD else SignerRole.CONSULTANT
        first.name.setText(lead_first.name)
        ui.consultantGroup.setTitle(lead if first.role is SignerRole.LEAD else member)
        groups = [ui.consultantGroup]
        for person in self.team[1:]:
            group, block = _signer_group(lead if person.role is TeamRole.LEAD else member)
            if person.role is TeamRole.LEAD:
                block.role = SignerRole.LEAD
            block.name.setText(person.name)
            group.setObjectName(f"memberGroup{len(groups)}")
            groups.append(group)
            self.blocks.append(block)
        groups.append(ui.companyGroup)
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, group in enumerate(groups):
            ui.signersLayout.removeWidget(group)
            grid.addWidget(group, index // 2, index % 2)
        ui.signersLayout.addLayout(grid)
        self.resize(self.width(), 260 * ((len(groups) + 1) // 2) + 160)

    def ok_button(self) -> QPushButton:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def _load_summary(self) -> None:
        overview = self._assessments.overview(self._assessment_id)
        title, status, result = overview.title, overview.status, overview.result
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
        for block in self.blocks:
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
        self.ok_button().setEnabled(all(b.complete() for b in self.blocks))

    def accept(self) -> None:
        """Store both signatures (drawn ones as image attachments) and sign, atomically."""
        if not all(block.complete() for block in self.blocks):
            return
        signers = [
            Signer(
                block.role,
                block.signer_name(),
                block.pad.to_png() if block.drawn() else None,
                f"{label(block.role)}: {block.signer_name()}",
            )
            for block in self.blocks
        ]
        try:
            self._assessments.sign(self._assessment_id, signers, source=self)
        except Exception as exc:  # shown to the user; nothing was committed, the pads stay
            show_error(exc, self)
            return
        super().accept()


def prepare_sign_off(
    parent: QWidget | None, services: Services, signals: AppSignals, assessment_id: str
) -> SignOffDialog | None:
    """The completion check, then the dialog to sign in (``None`` when it cannot be signed).

    Blocking gaps are listed in a message; a draft without them is marked completed first.
    """
    lang = current_lang()
    try:
        overview = services.assessments.overview(assessment_id)
        status, signed_at, result = overview.status, overview.signed_at, overview.result
    except UserError as exc:
        show_error(exc, parent)
        return None
    if status is AssessmentStatus.SIGNED:
        when = local_text(signed_at)
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
            services.assessments.complete(assessment_id, source=parent)
        except GapsBlock as exc:  # answered meanwhile in another window
            _show_gaps(parent, exc.gaps, lang)
            return None
        except UserError as exc:
            show_error(exc, parent)
            return None
    return SignOffDialog(services, signals, assessment_id, lang, parent)


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
    parent: QWidget | None, services: Services, signals: AppSignals, assessment_id: str
) -> bool:
    """Check, complete and sign *assessment_id*; ``True`` when it was signed."""
    dialog = prepare_sign_off(parent, services, signals, assessment_id)
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
    parent: QWidget | None, services: Services, signals: AppSignals, assessment_id: str
) -> str | None:
    """After confirmation, a new draft revision of a signed assessment; opens it, returns its id."""
    if not confirm_amend(parent):
        return None
    try:
        new_id = services.assessments.amend(assessment_id, source=parent)
    except UserError as exc:
        show_error(exc, parent)
        return None
    signals.open_assessment.emit(new_id)
    return new_id
