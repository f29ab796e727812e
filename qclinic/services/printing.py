"""Printing an assessment: the diagnostic report or the improvement plan as a PDF (the signed,
verifiable record, registered as issued) or as an editable Word copy; the XLSX export.

A print reads the assessment, checks the seal of a signed one (a broken seal stops it before
anything is written), numbers the copy, lays it out into a temporary file beside the target and
moves it there when complete — so a failed or cancelled print never leaves half a file nor
replaces a good one — then records a PDF in the register of issued documents. Recording is a
change: it commits through :meth:`Service._writing` and announces ``issued_document``.

It runs wherever it is called: the desktop calls it on a worker thread (``run_task``), the
command line in its own. The report settings (issuing body, logo) are the user's settings
(:class:`~qclinic.services.settings.SettingsService`).
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from qclinic.core.catalogue import text
from qclinic.core.text import Text
from qclinic.errors import UserError
from qclinic.services.base import Service
from qclinic.services.settings import SettingsService

if TYPE_CHECKING:
    from qclinic.reports.build import BuiltReport

FORMATS = ("pdf", "docx")
GROUPINGS = ("owner", "due")
#: the stages a print reports through its progress
STAGE_READING, STAGE_WRITING = "reading", "writing"


class PrintProgress(Protocol):
    """What a print reports to and asks whether to stop (``qclinic.ui.tasks.Progress`` is one)."""

    @property
    def cancelled(self) -> bool: ...

    def report(self, fraction: float, text: str = "") -> None: ...


class PrintStopped(Exception):
    """The print was cancelled through its progress; nothing was written or registered."""


@dataclass(frozen=True, slots=True)
class PrintSubject:
    """What a default file name says about an assessment."""

    organization: str
    #: the visit's date as ISO text ("" when the assessment has no visit)
    visit_date: str


def _viewer_in_use(path: Path, fmt: str) -> Text:
    template = text("printing.file_in_use")
    viewer = text("printing.viewer_word" if fmt == "docx" else "printing.viewer_pdf")
    return Text(
        template.zh.format(path=path, viewer=viewer.zh),
        template.en.format(path=path, viewer=viewer.en),
    )


class PrintingService(Service):
    """Reports, plans and exports of assessments."""

    def subject(self, assessment_id: str) -> PrintSubject:
        """The organization's name (a deleted one's too: its history prints) and the visit date."""
        from qclinic.storage.repositories import assessments, organizations, visits

        with self._reading() as session:
            assessment = assessments.get_assessment(session, assessment_id)
            organization = organizations.get_organization(
                session, assessment.organization_id, include_deleted=True
            )
            visit = visits.get_visit(session, assessment.visit_id) if assessment.visit_id else None
            return PrintSubject(
                organization.name, visit.visit_date.isoformat() if visit is not None else ""
            )

    def print_document(
        self,
        assessment_id: str,
        out: Path,
        lang: str,
        *,
        plan_only: bool = False,
        fmt: str = "pdf",
        group_by: str = "owner",
        progress: PrintProgress | None = None,
        source: object | None = None,
    ) -> BuiltReport:
        """Write *assessment_id*'s report (or only its plan) to *out* as *fmt* in *lang*.

        A PDF is an issued copy: numbered and registered (its bytes' SHA-256, so
        ``qclinic report verify`` can check it). A .docx is an editable copy: not numbered, not
        registered, not verifiable.

        Raises:
            SealBroken: The assessment is signed but its content changed after signing.
            PrintStopped: *progress* was cancelled (nothing written).
            UserError: The file cannot be written (no such folder, open in a viewer, disk full…).
        """
        from qclinic.reports import issue
        from qclinic.reports.build import render_report
        from qclinic.reports.data import load_report_data
        from qclinic.reports.docx_plan import render_docx_plan
        from qclinic.reports.docx_report import render_docx_report
        from qclinic.reports.plan import plan_data, render_plan

        if fmt not in FORMATS:
            raise UserError(text("printing.unknown_format", fmt=fmt))
        if group_by not in GROUPINGS:
            raise ValueError(f"group_by must be owner or due, not {group_by!r}")
        try:  # before any work, and naming the file asked for (not the temporary one)
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(text("printing.no_folder", path=out, folder=out.parent)) from exc
        self._step(progress, 0.05, STAGE_READING)
        database = self._database
        data = load_report_data(database, assessment_id)
        kind = "plan" if plan_only else "report"
        prepared = issue.prepare(database, data, kind)  # a broken seal stops the print here
        self._step(progress, 0.3, STAGE_WRITING)
        temp = out.with_name(f".{out.stem}.{os.getpid()}.part.{fmt}")
        config = SettingsService(database, self._bus).current()
        try:
            built: BuiltReport
            if fmt == "docx":
                if plan_only:
                    built = render_docx_plan(data, temp, lang, group_by)
                else:
                    built = render_docx_report(
                        data,
                        temp,
                        lang,
                        database.blobs.read_bytes,
                        issuing_body=config.issuing_body,
                        logo_path=config.logo_path,
                    )
            elif plan_only:
                built = render_plan(
                    data, temp, lang, group_by, doc_id=prepared.document_id, seal=prepared.seal
                )
            else:
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
            self._step(progress, 0.95, STAGE_WRITING)
            os.replace(temp, out)
            built = _moved(built, out)
            if fmt == "pdf":
                shown = plan_data(data) if plan_only else data
                fields = issue.issue_fields(
                    out, built, shown, kind, lang, prepared.seal, database.device_id
                )
                self._register(out, fields, source)
        except PermissionError as exc:
            raise UserError(_viewer_in_use(out, fmt)) from exc
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise UserError(text("printing.cannot_write", path=out, reason=reason)) from exc
        finally:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
        return built

    def export_xlsx(self, assessment_id: str, out: Path, lang: str) -> Path:
        """Write *assessment_id*'s answers, findings and actions to the workbook *out*."""
        from qclinic.reports.xlsx import export_xlsx

        return export_xlsx(self._database, assessment_id, out, lang)

    # --- helpers -------------------------------------------------------------------------------
    def _register(self, out: Path, fields: dict[str, object], source: object | None) -> None:
        """Record the issued PDF; if the register cannot be written, the file goes: no copy
        leaves unregistered."""
        from qclinic.storage.repositories import documents

        try:
            with self._writing(source) as session:
                documents.record_issue(session, **fields)
        except BaseException:
            out.unlink(missing_ok=True)
            raise

    @staticmethod
    def _step(progress: PrintProgress | None, fraction: float, stage: str) -> None:
        if progress is None:
            return
        if progress.cancelled:
            raise PrintStopped
        progress.report(fraction, stage)


def _moved(built: BuiltReport, out: Path) -> BuiltReport:
    """*built* as written to its final place (it was laid out into a temporary file)."""
    from dataclasses import replace

    return replace(built, path=out)
