"""Printing a chain report (产业链质量诊断报告) as a verifiable PDF, or its tables as XLSX.

As an assessment's print (:mod:`.printing`): the figures are read first (the chain's figures for
the period, through ``services.portfolio``), the copy is numbered, laid out into a temporary file
beside the target and moved there when complete — a failed print leaves no half file and replaces
no good one — and the PDF is recorded in the register of issued chain reports (the table
``issued_chain_document``, :mod:`qclinic.storage.repositories.chain_documents`) in one commit; if
that fails the file goes, so no copy leaves unregistered. The issuing body is the user's report setting.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from qclinic.core.catalogue import text
from qclinic.errors import UserError
from qclinic.services.base import Service
from qclinic.services.settings import SettingsService

if TYPE_CHECKING:
    from qclinic.reports.build import BuiltReport
    from qclinic.reports.chain_data import ChainReportData


def _day(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


class ChainReportService(Service):
    """The chain report: read a chain's figures, print and register the PDF, export XLSX."""

    def data(
        self,
        chain_id: str,
        period_from: date | str | None = None,
        period_to: date | str | None = None,
    ) -> ChainReportData:
        """What the chain report of *chain_id* shows for the period (by default the calendar
        year up to today: :func:`qclinic.reports.chain_load.period`).

        Raises:
            NotFound: No such live chain (a :class:`UserError`).
            UserError: The chain has no company yet.
        """
        from qclinic.core.portfolio import PortfolioFilter
        from qclinic.reports.chain_load import assemble, period
        from qclinic.services.portfolio import PortfolioService
        from qclinic.storage.repositories import chain_report_sources as sources

        start, end = period(_day(period_from), _day(period_to))
        with self._reading() as session:
            header = sources.chain_header(session, chain_id)
            solved = sources.solved_cases(session, chain_id, start, end)
            referrals = sources.delivered_referrals(session, chain_id, start, end)
        flt = PortfolioFilter(chain_ids=(chain_id,), start=start, end=end, today=end)
        view = PortfolioService(self._database, self._bus).chain_view(chain_id, flt)
        if not view.suppliers:  # a chain without companies has no figures to report
            raise UserError(text("chain_report.no_companies", chain=header.name))
        from qclinic.services.outcomes import OutcomeService

        outcomes = OutcomeService(self._database, self._bus).chain_totals([chain_id], start, end)
        return assemble(
            header,
            start,
            end,
            view.previous,
            view.figures,
            list(view.suppliers),
            solved,
            outcomes[chain_id],
            referrals,
        )

    def print_report(
        self,
        chain_id: str,
        out: Path,
        lang: str,
        *,
        period_from: date | None = None,
        period_to: date | None = None,
        source: object | None = None,
    ) -> BuiltReport:
        """Write the chain report of *chain_id* for the period to the PDF *out* and register it.

        Raises:
            UserError: No such chain, or the file cannot be written.
        """
        return self.issue(self.data(chain_id, period_from, period_to), out, lang, source=source)

    def issue(
        self, data: ChainReportData, out: Path, lang: str, *, source: object | None = None
    ) -> BuiltReport:
        """Number, write and register the chain report of *data* as the PDF *out*."""
        from dataclasses import replace

        from qclinic.reports.chain_report import document_id, issue_entry, render_chain_report
        from qclinic.storage.repositories import chain_documents

        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(text("printing.no_folder", path=out, folder=out.parent)) from exc
        with self._reading() as session:
            serial = chain_documents.next_serial(session, data.chain_id)
        config = SettingsService(self._database, self._bus).current()
        temp = out.with_name(f".{out.stem}.{os.getpid()}.part.pdf")
        try:
            built = render_chain_report(
                data,
                temp,
                lang,
                issuing_body=config.issuing_body,
                doc_id=document_id(data.chain_id, serial),
            )
            os.replace(temp, out)
            built = replace(built, path=out)
            entry = issue_entry(out, built, data, lang, self._database.device_id)
            try:
                with self._writing(source) as session:
                    chain_documents.record_issue(session, entry, serial)
            except BaseException:
                out.unlink(missing_ok=True)
                raise
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise UserError(text("printing.cannot_write", path=out, reason=reason)) from exc
        finally:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
        return built

    def export_xlsx(self, data: ChainReportData, out: Path, lang: str) -> Path:
        """Write the chain report's tables (a summary sheet, one sheet per tier) to *out*."""
        from qclinic.reports.chain_xlsx import write_chain_xlsx

        try:
            return write_chain_xlsx(data, out, lang)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise UserError(text("printing.cannot_write", path=out, reason=reason)) from exc
