"""``qclinic report --chain ID``: the chain report as a verifiable PDF and / or its tables as XLSX.

``--out F.pdf`` prints and registers the PDF, ``--out F.xlsx`` (or ``--xlsx F.xlsx``, beside a
PDF) writes the workbook; ``--from`` / ``--to`` set the period (default: the year to date).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from qclinic.core.catalogue import say, text
from qclinic.errors import UserError


def _date(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UserError(text("chain_report.bad_date", option=option, value=value)) from None


def _targets(args: argparse.Namespace) -> tuple[Path | None, Path | None]:
    """(the PDF, the workbook) to write."""
    pdf: Path | None = None
    xlsx: Path | None = args.xlsx
    if args.out is not None:
        suffix = args.out.suffix.lower()
        if suffix == ".xlsx":
            xlsx = args.out
        elif suffix == ".pdf" or (suffix == "" and args.format in (None, "pdf")):
            pdf = args.out
        else:
            raise UserError(text("chain_report.chain_not_docx", path=args.out))
    if args.format == "docx" or args.plan_only or args.demo or args.target or args.file:
        raise UserError(text("chain_report.chain_options"))
    if pdf is None and xlsx is None:
        raise UserError(text("chain_report.no_out"))
    return pdf, xlsx


def print_chain_report(
    args: argparse.Namespace, lang: str, check_out: Callable[[Path], None]
) -> int:
    """Write the chain report (and / or its workbook) as *args* ask, in *lang*."""
    from qclinic.services import Services
    from qclinic.storage.startup import open_database

    pdf, xlsx = _targets(args)
    start = _date("--from", args.period_from)
    end = _date("--to", args.period_to)
    if start is not None and end is not None and start > end:
        raise UserError(text("chain_report.period_reversed", start=start, end=end))
    for path in (pdf, xlsx):
        if path is not None:
            check_out(path)
    database = open_database()
    try:
        service = Services(database).chain_reports
        data = service.data(args.chain, start, end)
        lines: list[str] = []
        if pdf is not None:
            built = service.issue(data, pdf, lang, source="qclinic report")
            lines.append(_written(built, lang))
        if xlsx is not None:
            service.export_xlsx(data, xlsx, lang)
            tiers = len(data.tiers())
            key = "written_xlsx_referrals" if data.referral_lines else "written_xlsx"
            lines.append(say(f"chain_report.{key}", lang, path=xlsx, tiers=tiers))
    finally:
        database.dispose()
    for line in lines:
        print(line)
    return 0


def _written(built: Any, lang: str) -> str:
    return say(
        "chain_report.written",
        lang,
        path=built.path,
        pages=built.pages,
        document=built.document_id,
        hash=built.data_hash,
    )
