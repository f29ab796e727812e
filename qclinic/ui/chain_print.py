"""Printing a chain report (产业链质量诊断报告) from the app.

:class:`ChainPrintDialog` asks for the period (from / to, by default this year up to today), the
report language and the outputs — the PDF (the verifiable copy, registered in
``issued_chain_document``) and / or the tables as an XLSX workbook beside it. :func:`start_print`
then reads the chain's figures, writes the PDF and the workbook on a background task
(``qclinic.ui.tasks.run_task``, a real thread) behind a progress dialog, and offers to open the
report or its folder. The service writes each file to a temporary file first, so a failed print
leaves no half file.

Tests call :func:`start_print` with ``offer=False`` so no question is shown.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qclinic.errors import UserError
from qclinic.services import Services
from qclinic.ui.errors import show_error
from qclinic.ui.print_actions import FOLDER_KEY, LANGUAGES
from qclinic.ui.tasks import Cancelled, Progress, Task, run_task

STAGE_READING, STAGE_PDF, STAGE_XLSX = "reading", "pdf", "xlsx"
KIND_NAMES = {"zh": "产业链质量诊断报告", "en": "chain quality report"}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class ChainPrintRequest:
    """What to print: the chain, the period, the language and the files (None: not wanted)."""

    chain_id: str
    start: date
    end: date
    lang: str
    pdf: Path | None
    xlsx: Path | None


def default_file_name(chain: str, end: date, lang: str) -> str:
    """ "<chain> <kind> <period end>.pdf", safe on Windows."""
    name = f"{chain.strip()} {KIND_NAMES[lang]} {end.isoformat()}"
    return _UNSAFE.sub("_", name).strip(" .") + ".pdf"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ChainPrintDialog(QDialog):
    """The period, the language and the outputs of a chain report (see the module docstring)."""

    def __init__(
        self,
        chain_name: str,
        lang: str,
        folder: str,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._chain = chain_name
        self._named_by_user = False
        self._folder = Path(folder)
        today = today or date.today()
        self.from_edit = QDateEdit(_qdate(date(today.year, 1, 1)))
        self.to_edit = QDateEdit(_qdate(today))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.lang_combo = QComboBox()
        for code, name in LANGUAGES:
            self.lang_combo.addItem(name, code)
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(lang)))
        self.pdf_check = QCheckBox()
        self.pdf_check.setChecked(True)
        self.xlsx_check = QCheckBox()
        self.path_edit = QLineEdit(str(Path(folder) / default_file_name(chain_name, today, lang)))
        self.browse_button = QPushButton()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._build()
        self.retranslate()
        self._update()

    def _build(self) -> None:
        self.heading = QLabel(self._chain)
        self.heading.setStyleSheet("font-weight: 600;")
        period = QHBoxLayout()
        self.to_label = QLabel()
        period.addWidget(self.from_edit)
        period.addWidget(self.to_label)
        period.addWidget(self.to_edit)
        period.addStretch(1)
        outputs = QVBoxLayout()
        outputs.addWidget(self.pdf_check)
        outputs.addWidget(self.xlsx_check)
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(self.browse_button)
        self.form = QFormLayout()
        self.form.addRow(self.heading)
        self.period_label, self.lang_label = QLabel(), QLabel()
        self.outputs_label, self.where_label = QLabel(), QLabel()
        self.form.addRow(self.period_label, period)
        self.form.addRow(self.lang_label, self.lang_combo)
        self.form.addRow(self.outputs_label, outputs)
        self.form.addRow(self.where_label, where)
        self.setMinimumWidth(600)  # the file's whole name in view, at 1366×768 in both languages
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.browse_button.clicked.connect(self.on_browse)
        self.path_edit.textEdited.connect(self.on_path_edited)
        self.lang_combo.currentIndexChanged.connect(self.on_default_name)
        self.to_edit.dateChanged.connect(self.on_default_name)
        for box in (self.pdf_check, self.xlsx_check):
            box.toggled.connect(self._update)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._update)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print chain report"))
        self.period_label.setText(self.tr("Period:"))
        self.to_label.setText(self.tr("to"))
        self.lang_label.setText(self.tr("Language:"))
        self.outputs_label.setText(self.tr("Write:"))
        self.where_label.setText(self.tr("File:"))
        self.pdf_check.setText(self.tr("The report (PDF, verifiable)"))
        self.xlsx_check.setText(self.tr("Its tables (XLSX workbook)"))
        self.browse_button.setText(self.tr("Browse…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Print"))
        self._update()

    def language(self) -> str:
        return str(self.lang_combo.currentData())

    def period(self) -> tuple[date, date]:
        return _day(self.from_edit.date()), _day(self.to_edit.date())

    def request(self, chain_id: str) -> ChainPrintRequest:
        """What the user chose (call after the dialog was accepted)."""
        start, end = self.period()
        typed = Path(self.path_edit.text().strip())
        if not typed.is_absolute():  # a bare name goes to the folder offered
            typed = self._folder / typed
        base = typed.with_suffix("") if typed.suffix.lower() in (".pdf", ".xlsx") else typed
        return ChainPrintRequest(
            chain_id,
            start,
            end,
            self.language(),
            base.with_name(base.name + ".pdf") if self.pdf_check.isChecked() else None,
            base.with_name(base.name + ".xlsx") if self.xlsx_check.isChecked() else None,
        )

    def _update(self) -> None:
        start, end = self.period()
        problem = ""
        if start > end:
            problem = self.tr("The period must start on or before its last day.")
        elif not (self.pdf_check.isChecked() or self.xlsx_check.isChecked()):
            problem = self.tr("Choose the report, its tables or both.")
        elif not self.path_edit.text().strip():
            problem = self.tr("Choose where to save.")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)
        self.note.setText(
            problem
            or self.tr(
                "Grades are as of the period's last day and compared with the previous period "
                "of the same length; the workbook is saved beside the PDF, with the same name."
            )
        )

    def on_path_edited(self, _text: str) -> None:
        self._named_by_user = True
        self._update()

    def on_default_name(self, *_args: object) -> None:
        """Follow the language and the period's end in the file name the user did not type."""
        if self._named_by_user:
            return
        folder = Path(self.path_edit.text()).parent
        _start, end = self.period()
        self.path_edit.setText(str(folder / default_file_name(self._chain, end, self.language())))

    def on_browse(self) -> None:
        path, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save the chain report"), self.path_edit.text(), self.tr("PDF (*.pdf)")
        )
        if path:
            self.path_edit.setText(path)
            self._named_by_user = True
            self._update()


def write_outputs(
    services: Services, request: ChainPrintRequest, source: object | None = None
) -> Callable[[Progress], list[Path]]:
    """The background work: read the figures, write the PDF and / or the workbook."""

    def work(progress: Progress) -> list[Path]:
        reports = services.chain_reports
        progress.report(0.05, STAGE_READING)
        data = reports.data(request.chain_id, request.start, request.end)
        written: list[Path] = []
        if request.pdf is not None:
            if progress.cancelled:
                raise Cancelled
            progress.report(0.35, STAGE_PDF)
            reports.issue(data, request.pdf, request.lang, source=source)
            written.append(request.pdf)
        if request.xlsx is not None:
            if progress.cancelled:
                raise Cancelled
            progress.report(0.85, STAGE_XLSX)
            written.append(reports.export_xlsx(data, request.xlsx, request.lang))
        progress.report(1.0, "")
        return written

    return work


# running prints, kept here so their task and progress dialog live until they finish
_running: set[_ChainPrintJob] = set()


class _ChainPrintJob:
    """One chain report being written: the task and its progress dialog."""

    def __init__(self, parent: QWidget | None) -> None:
        self.task: Task | None = None
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(
            QCoreApplication.translate("chain_print", "Printing the chain report")
        )
        self.dialog.setLabelText(
            QCoreApplication.translate("chain_print", "Reading the chain's figures…")
        )
        self.dialog.setRange(0, 100)
        self.dialog.setMinimumDuration(300)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.on_canceled)

    def on_progress(self, fraction: float, stage: str) -> None:
        labels = {
            STAGE_READING: QCoreApplication.translate(
                "chain_print", "Reading the chain's figures…"
            ),
            STAGE_PDF: QCoreApplication.translate("chain_print", "Laying out the report's pages…"),
            STAGE_XLSX: QCoreApplication.translate("chain_print", "Writing the tables…"),
        }
        if stage in labels:
            self.dialog.setLabelText(labels[stage])
        self.dialog.setValue(round(fraction * 100))

    def on_canceled(self) -> None:
        if self.task is not None:
            self.task.progress.cancel()
        self.finish()

    def finish(self) -> None:
        if self in _running:
            _running.discard(self)
            self.dialog.close()
            self.dialog.deleteLater()


def start_print(
    parent: QWidget | None,
    services: Services,
    request: ChainPrintRequest,
    *,
    offer: bool = True,
    on_written: Callable[[list[Path]], None] | None = None,
) -> Task:
    """Write what *request* asks for in the background; then offer to open it (if *offer*)."""
    job = _ChainPrintJob(parent)
    _running.add(job)

    def on_done(written: list[Path]) -> None:
        job.finish()
        if on_written is not None:
            on_written(written)
        if offer and written:
            offer_to_open(parent, written)

    def on_error(exc: BaseException) -> None:
        job.finish()
        show_error(exc, parent)

    job.task = run_task(
        write_outputs(services, request, source=parent),
        on_done=on_done,
        on_error=on_error,
        on_progress=job.on_progress,
    )
    return job.task


def offer_to_open(parent: QWidget | None, written: list[Path]) -> None:
    """Say what was written; open the first file or its folder if the user asks."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("chain_print", "Chain report written"))
    box.setText(
        QCoreApplication.translate("chain_print", "Written:")
        + "\n"
        + "\n".join(str(path) for path in written)
    )
    open_file = box.addButton(
        QCoreApplication.translate("chain_print", "Open the file"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    open_folder = box.addButton(
        QCoreApplication.translate("chain_print", "Open the folder"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_file:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(written[0])))
    elif box.clickedButton() is open_folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(written[0].parent)))


def print_chain_report(
    parent: QWidget | None, services: Services, chain_id: str, chain_name: str
) -> ChainPrintDialog:
    """Ask what to print (the dialog opens window-modal), then print it; returns the dialog."""
    config = services.settings.current()
    folder = str(config.extra.get(FOLDER_KEY) or _documents_folder())
    dialog = ChainPrintDialog(chain_name, config.report_language, folder, parent)

    def on_accepted() -> None:
        request = dialog.request(chain_id)
        _remember_folder(services, (request.pdf or request.xlsx or Path(folder)).parent, parent)
        start_print(parent, services, request)

    dialog.accepted.connect(on_accepted)
    dialog.open()
    return dialog


def _documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def _remember_folder(services: Services, folder: Path, parent: QWidget | None) -> None:
    """Offer *folder* first next time (a convenience: a failure is not shown)."""
    extra = {**services.settings.current().extra, FOLDER_KEY: str(folder)}
    with contextlib.suppress(UserError):
        services.settings.update(extra=extra, source=parent)
