"""Printing an assessment from the app: the diagnostic report or the improvement plan as a PDF.

:func:`print_report` asks for the report language and where to save, builds the PDF in the
background (``qclinic.ui.tasks.run_task``) behind a progress dialog, then opens it in the system's
PDF viewer. The PDF is written to a temporary file beside the target and renamed when complete, so
a failed or cancelled print never leaves half a file (nor replaces a good one).

Tests pass ``path=``, ``lang=`` and ``open_when_done=False`` so no dialog is shown.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog, QWidget

from qclinic import settings as app_settings
from qclinic.errors import UserError
from qclinic.storage.database import Database
from qclinic.ui.errors import show_error
from qclinic.ui.tasks import Cancelled, Progress, Task, run_task

FOLDER_KEY = "report_folder"  # settings.extra: the folder the user last printed to
LANGUAGES = (("zh", "简体中文"), ("en", "English"))
#: the kind of document in a default file name, in the report's language
KIND_NAMES = {
    ("report", "zh"): "诊断报告",
    ("report", "en"): "diagnostic report",
    ("plan", "zh"): "改进计划",
    ("plan", "en"): "improvement plan",
}
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
STAGE_READING, STAGE_WRITING = "reading", "writing"


def default_file_name(organization: str, visit_date: str, kind: str, lang: str) -> str:
    """ "<organization> <kind> <date>.pdf", safe on Windows (no / \\ : * ? " < > |)."""
    parts = [organization.strip(), KIND_NAMES[kind, lang], visit_date or date.today().isoformat()]
    name = " ".join(p for p in parts if p)
    return _UNSAFE.sub("_", name).strip(" .") + ".pdf"


def _describe(database: Database, assessment_id: str) -> tuple[str, str]:
    """The organization's name and the visit date of *assessment_id* (for the file name)."""
    from qclinic.storage.repositories import assessments, organizations, visits

    with database.read_session() as session:
        assessment = assessments.get_assessment(session, assessment_id)
        organization = organizations.get_organization(
            session,
            assessment.organization_id,
            include_deleted=True,  # its history prints
        ).name
        visit = visits.get_visit(session, assessment.visit_id) if assessment.visit_id else None
    return organization, visit.visit_date.isoformat() if visit is not None else ""


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


def ask_path(parent: QWidget | None, suggested: str, folder: str, plan_only: bool) -> Path | None:
    """Where to save, chosen by the user (None if they cancelled)."""
    title = (
        QCoreApplication.translate("print_actions", "Save the improvement plan")
        if plan_only
        else QCoreApplication.translate("print_actions", "Save the report")
    )
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        title,
        str(Path(folder) / suggested),
        QCoreApplication.translate("print_actions", "PDF documents (*.pdf)"),
    )
    if not path:
        return None
    return Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")


def write_pdf(
    database: Database, assessment_id: str, out: Path, lang: str, plan_only: bool
) -> Callable[[Progress], Any]:
    """The background work: read the assessment, lay out the PDF beside *out*, move it there."""

    def work(progress: Progress) -> Any:
        from qclinic.reports import issue
        from qclinic.reports.build import render_report
        from qclinic.reports.data import load_report_data
        from qclinic.reports.plan import plan_data, render_plan

        progress.report(0.05, STAGE_READING)
        data = load_report_data(database, assessment_id)
        kind = "plan" if plan_only else "report"
        prepared = issue.prepare(database, data, kind)  # a broken seal stops the print here
        if progress.cancelled:
            raise Cancelled
        progress.report(0.3, STAGE_WRITING)
        temp = out.with_name(f".{out.stem}.{os.getpid()}.part.pdf")
        try:
            if plan_only:
                built = render_plan(
                    data, temp, lang, doc_id=prepared.document_id, seal=prepared.seal
                )
            else:
                config = app_settings.load()
                built = render_report(
                    data,
                    temp,
                    lang,
                    database.blobs.read_bytes,
                    issuing_body=config.issuing_body,
                    logo_path=config.logo_path,
                    doc_id=prepared.document_id,
                    seal=prepared.seal,
                )
            if progress.cancelled:
                raise Cancelled
            os.replace(temp, out)
            shown = plan_data(data) if plan_only else data
            issue.register(database, out, built, shown, kind, lang, prepared.seal)
        except PermissionError as exc:
            raise UserError(
                f"Could not write {out}: it may be open in a PDF viewer; close it and print again."
            ) from exc
        except OSError as exc:
            raise UserError(f"Could not write {out}: {exc.strerror or exc}") from exc
        finally:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
        return built

    return work


def print_report(
    parent: QWidget | None,
    database: Database,
    assessment_id: str,
    *,
    plan_only: bool = False,
    path: Path | str | None = None,
    lang: str | None = None,
    open_when_done: bool = True,
    on_written: Callable[[Path], None] | None = None,
) -> Task | None:
    """Print *assessment_id*'s report (or only its plan) to a PDF and open it.

    Asks for the language and the file unless *lang* / *path* are given. Returns the running task
    (None when the user cancelled a question or the assessment cannot be read).
    """
    config = app_settings.load()
    try:
        organization, visit_date = _describe(database, assessment_id)
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
        chosen = ask_path(
            parent, default_file_name(organization, visit_date, kind, lang), folder, plan_only
        )
        if chosen is None:
            return None
        _remember_folder(chosen.parent)
        path = chosen
    out = Path(path)

    return _start(parent, database, assessment_id, out, lang, plan_only, open_when_done, on_written)


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
    database: Database,
    assessment_id: str,
    out: Path,
    lang: str,
    plan_only: bool,
    open_when_done: bool,
    on_written: Callable[[Path], None] | None,
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
        write_pdf(database, assessment_id, out, lang, plan_only),
        on_done=on_done,
        on_error=on_error,
        on_progress=job.on_progress,
    )
    return job.task


def _remember_folder(folder: Path) -> None:
    config = app_settings.load()
    config.extra[FOLDER_KEY] = str(folder)
    with contextlib.suppress(OSError):  # only a convenience for next time
        app_settings.save(config)
