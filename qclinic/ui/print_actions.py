"""Printing an assessment from the app: the diagnostic report or the improvement plan as a PDF
(the signed, verifiable record) or as an editable Word copy (.docx).

:func:`print_report` asks for the report language and where to save — the save dialog's file type
(PDF or Word) decides the format — builds the document in the background
(``qclinic.ui.tasks.run_task``) behind a progress dialog, then opens it with the system's viewer.
It is written to a temporary file beside the target and renamed when complete, so a failed or
cancelled print never leaves half a file (nor replaces a good one).

Tests pass ``path=``, ``lang=`` and ``open_when_done=False`` so no dialog is shown.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog, QWidget

from qclinic.errors import UserError
from qclinic.services import Services
from qclinic.services.printing import STAGE_WRITING, PrintStopped
from qclinic.ui.errors import show_error
from qclinic.ui.tasks import Cancelled, Progress, Task, run_task

FOLDER_KEY = "report_folder"  # settings.extra: the folder the user last printed to
FORMAT_KEY = "report_format"  # settings.extra: the file type the user last chose ("pdf", "docx")
FORMATS = ("pdf", "docx")
LANGUAGES = (("zh", "简体中文"), ("en", "English"))
#: the kind of document in a default file name, in the report's language
KIND_NAMES = {
    ("report", "zh"): "诊断报告",
    ("report", "en"): "diagnostic report",
    ("plan", "zh"): "改进计划",
    ("plan", "en"): "improvement plan",
}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def default_file_name(
    organization: str, visit_date: str, kind: str, lang: str, fmt: str = "pdf"
) -> str:
    """ "<organization> <kind> <date>.pdf" (or .docx), safe on Windows (no / \\ : * ? " < > |)."""
    parts = [organization.strip(), KIND_NAMES[kind, lang], visit_date or date.today().isoformat()]
    name = " ".join(p for p in parts if p)
    return _UNSAFE.sub("_", name).strip(" .") + f".{fmt}"


def format_of(path: Path) -> str:
    """The format a file name asks for: "docx" for .docx, else "pdf"."""
    return "docx" if path.suffix.lower() == ".docx" else "pdf"


def _filters() -> dict[str, str]:
    return {
        "pdf": QCoreApplication.translate("print_actions", "PDF documents (*.pdf)"),
        "docx": QCoreApplication.translate("print_actions", "Word documents (*.docx)"),
    }


def _documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def ask_language(parent: QWidget | None, default: str) -> str | None:
    """The report language chosen by the user (None if they cancelled)."""
    names = [name for _code, name in LANGUAGES]
    codes = [code for code, _name in LANGUAGES]
    current = codes.index(default) if default in codes else 0
    name, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("print_actions", "Report language"),
        QCoreApplication.translate("print_actions", "Print the report in:"),
        names,
        current,
        False,
    )
    return codes[names.index(name)] if ok else None


def ask_path(
    parent: QWidget | None, suggested: str, folder: str, plan_only: bool, fmt: str = "pdf"
) -> tuple[Path, str] | None:
    """Where to save and as what, chosen by the user (None if they cancelled).

    The file type picked in the dialog decides the format; the name gets its suffix (a name
    typed as "x.pdf" with "Word documents" picked is saved as "x.docx").
    """
    title = (
        QCoreApplication.translate("print_actions", "Save the improvement plan")
        if plan_only
        else QCoreApplication.translate("print_actions", "Save the report")
    )
    filters = _filters()
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        title,
        str(Path(folder) / suggested),
        ";;".join(filters.values()),
        filters.get(fmt, filters["pdf"]),
    )
    if not path:
        return None
    kind = next((key for key, text in filters.items() if text == chosen), format_of(Path(path)))
    target = Path(path)
    if target.suffix.lower() in (".pdf", ".docx"):
        target = target.with_suffix(f".{kind}")
    else:
        target = target.with_name(f"{target.name}.{kind}")
    return target, kind


def write_pdf(
    services: Services, assessment_id: str, out: Path, lang: str, plan_only: bool
) -> Callable[[Progress], Any]:
    """The background work for a PDF (see :func:`write_document`)."""
    return write_document(services, assessment_id, out, lang, plan_only, "pdf")


def write_document(
    services: Services,
    assessment_id: str,
    out: Path,
    lang: str,
    plan_only: bool,
    fmt: str,
    source: object | None = None,
) -> Callable[[Progress], Any]:
    """The background work: :meth:`~qclinic.services.printing.PrintingService.print_document`
    on the worker, its cancellation turned into the task's."""

    def work(progress: Progress) -> Any:
        try:
            return services.printing.print_document(
                assessment_id,
                out,
                lang,
                plan_only=plan_only,
                fmt=fmt,
                progress=progress,
                source=source,
            )
        except PrintStopped:
            raise Cancelled from None

    return work


def print_report(
    parent: QWidget | None,
    services: Services,
    assessment_id: str,
    *,
    plan_only: bool = False,
    path: Path | str | None = None,
    lang: str | None = None,
    open_when_done: bool = True,
    on_written: Callable[[Path], None] | None = None,
    fmt: str | None = None,
) -> Task | None:
    """Print *assessment_id*'s report (or only its plan) to a PDF or .docx and open it.

    Asks for the language and the file (and so the format) unless *lang* / *path* are given; a
    given *path* has the format of its suffix unless *fmt* says. Returns the running task (None
    when the user cancelled a question or the assessment cannot be read).
    """
    config = services.settings.current()
    try:
        subject = services.printing.subject(assessment_id)
    except UserError as exc:
        show_error(exc, parent)
        return None
    if lang is None:
        lang = ask_language(parent, config.report_language)
        if lang is None:
            return None
    if path is None:
        folder = str(config.extra.get(FOLDER_KEY) or _documents_folder())
        kind = "plan" if plan_only else "report"
        last = str(config.extra.get(FORMAT_KEY) or "pdf")
        last = last if last in FORMATS else "pdf"
        suggested = default_file_name(subject.organization, subject.visit_date, kind, lang, last)
        chosen = ask_path(parent, suggested, folder, plan_only, last)
        if chosen is None:
            return None
        path, fmt = chosen
        _remember(services, path.parent, fmt, parent)
    out = Path(path)
    fmt = fmt or format_of(out)
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be pdf or docx, not {fmt!r}")

    return _start(
        parent, services, assessment_id, out, lang, plan_only, open_when_done, on_written, fmt
    )


#: running prints, kept here so their task and progress dialog live until they finish
_running: set[_PrintJob] = set()


class _PrintJob:
    """One print in progress: the task and its progress dialog."""

    def __init__(self, parent: QWidget | None, out: Path) -> None:
        self.out = out
        self.task: Task | None = None
        self.cancelled = False
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(QCoreApplication.translate("print_actions", "Printing"))
        self.dialog.setLabelText(
            QCoreApplication.translate("print_actions", "Reading the assessment…")
        )
        self.dialog.setRange(0, 0)  # the layout is one step the engine cannot report on
        self.dialog.setMinimumDuration(400)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.on_canceled)

    def on_progress(self, _fraction: float, stage: str) -> None:
        if stage == STAGE_WRITING and not self.cancelled:
            self.dialog.setLabelText(
                QCoreApplication.translate("print_actions", "Laying out the pages…")
            )

    def on_canceled(self) -> None:
        self.cancelled = True
        if self.task is not None:
            self.task.progress.cancel()
        self.finish()

    def finish(self) -> None:
        if self in _running:
            _running.discard(self)
            self.dialog.close()
            self.dialog.deleteLater()


def _start(
    parent: QWidget | None,
    services: Services,
    assessment_id: str,
    out: Path,
    lang: str,
    plan_only: bool,
    open_when_done: bool,
    on_written: Callable[[Path], None] | None,
    fmt: str = "pdf",
) -> Task:
    job = _PrintJob(parent, out)
    _running.add(job)

    def on_done(_built: Any) -> None:
        job.finish()
        if on_written is not None:
            on_written(out)
        if open_when_done:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

    def on_error(exc: BaseException) -> None:
        job.finish()
        show_error(exc, parent)

    job.task = run_task(
        write_document(services, assessment_id, out, lang, plan_only, fmt, source=parent),
        on_done=on_done,
        on_error=on_error,
        on_progress=job.on_progress,
    )
    return job.task


def _remember(services: Services, folder: Path, fmt: str, parent: QWidget | None) -> None:
    """Offer *folder* and *fmt* first next time (only a convenience: a failure is not shown)."""
    extra = {**services.settings.current().extra, FOLDER_KEY: str(folder), FORMAT_KEY: fmt}
    with contextlib.suppress(UserError):
        services.settings.update(extra=extra, source=parent)
