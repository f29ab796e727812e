"""``qclinic report`` (PDF or .docx report or plan, and ``verify``) and ``qclinic export xlsx``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from qclinic.core.catalogue import text
from qclinic.errors import UserError


def register(subparsers: Any) -> None:
    report = subparsers.add_parser(
        "report",
        help="print an assessment's diagnostic report or improvement plan as PDF or Word; "
        "verify a PDF",
        description="qclinic report ASSESSMENT_ID --out FILE.pdf|FILE.docx [--format pdf|docx] "
        "[--lang zh|en] [--plan-only] [--group-by owner|due];  qclinic report --demo --out FILE.pdf;  "
        "qclinic report --chain CHAIN_ID --out FILE.pdf|FILE.xlsx [--xlsx FILE.xlsx] "
        "[--from DATE] [--to DATE] [--lang zh|en] (the chain report, 产业链质量诊断报告);  "
        "qclinic report verify FILE.pdf (exit 0 matches, 1 changed — the message says what, "
        "2 not a QClinic PDF, 3 this database does not know the document)",
    )
    report.add_argument("target", nargs="?", metavar="ASSESSMENT_ID|verify")
    report.add_argument("file", nargs="?", metavar="FILE.pdf", help="the PDF to verify", type=Path)
    report.add_argument("--out", type=Path, help="where to write the PDF")
    report.add_argument("--lang", choices=["zh", "en"], help="report language (default: settings)")
    report.add_argument("--plan-only", action="store_true", help="only the improvement plan")
    report.add_argument(
        "--format",
        choices=FORMATS,
        help="pdf (the signed, verifiable record) or docx (an editable Word copy); "
        "default: from the --out suffix, else pdf",
    )
    report.add_argument("--group-by", choices=["owner", "due"], default="owner")
    report.add_argument(
        "--demo", action="store_true", help="report the demo's completed assessment"
    )
    chain = report.add_argument_group("the chain report (产业链质量诊断报告)")
    chain.add_argument("--chain", metavar="CHAIN_ID", help="report this chain instead")
    chain.add_argument(
        "--from", dest="period_from", metavar="YYYY-MM-DD", help="period start (default: 1 Jan)"
    )
    chain.add_argument(
        "--to", dest="period_to", metavar="YYYY-MM-DD", help="period end (default: today)"
    )
    chain.add_argument(
        "--xlsx", type=Path, metavar="FILE.xlsx", help="also write the tables as a workbook"
    )
    report.set_defaults(func=cmd_report)

    export = subparsers.add_parser("export", help="export an assessment to a spreadsheet")
    export.add_argument("format", choices=["xlsx"])
    export.add_argument("assessment", metavar="ASSESSMENT_ID")
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--lang", choices=["zh", "en"], help="column and label language")
    export.set_defaults(func=cmd_export)


def _check_out(out: Path) -> None:
    """Refuse an ``--out`` that names a folder before any work is done."""
    if out.is_dir():
        raise UserError(text("printing.out_is_folder", path=out))


FORMATS = ("pdf", "docx")


def output_format(requested: str | None, out: Path) -> str:
    """The format to write: *requested*, else the suffix of *out* (.docx → docx), else pdf.

    Raises:
        UserError: *requested* contradicts the suffix of *out* (``--format pdf --out x.docx``).
    """
    suffix = out.suffix.lower().lstrip(".")
    if requested is None:
        return suffix if suffix in FORMATS else "pdf"
    if suffix in FORMATS and suffix != requested:
        raise UserError(
            f"--out {out}: a .{suffix} name, but --format {requested}; "
            f"name the file .{requested} or leave --format out"
        )
    return requested


def _language(requested: str | None) -> str:
    if requested:
        return requested
    from qclinic import settings

    lang = settings.load().report_language
    return lang if lang in ("zh", "en") else "zh"


def cmd_report(args: argparse.Namespace) -> int:
    from qclinic.storage.startup import open_database

    if args.target == "verify":
        return _verify(args)
    if args.chain is not None:
        from qclinic.commands.chain_report import print_chain_report

        return print_chain_report(args, _language(args.lang), _check_out)
    if args.period_from or args.period_to or args.xlsx:
        raise UserError(text("chain_report.chain_only_options"))
    if args.out is None:
        raise UserError("say where to write the PDF: --out FILE.pdf")
    if args.file is not None:
        raise UserError(f"unexpected argument {args.file}")
    _check_out(args.out)
    kind = output_format(args.format, args.out)
    database = open_database()
    try:
        return _print_document(database, args, kind)
    finally:
        database.dispose()  # closes the file: a USB stick can be unmounted at once


def _print_document(database: Any, args: argparse.Namespace, kind: str) -> int:
    if args.demo:
        from qclinic.services.demo import seed

        ids = seed(database)
        assessment_id = ids.get("completed_assessment") or ids["assessments"][0]
    elif args.target:
        assessment_id = args.target
    else:
        raise UserError(
            "name the assessment (qclinic report ASSESSMENT_ID --out FILE.pdf) or use --demo"
        )
    from qclinic.services import Services

    lang = _language(args.lang)
    built = Services(database).printing.print_document(
        assessment_id,
        args.out,
        lang,
        plan_only=args.plan_only,
        fmt=kind,
        group_by=args.group_by,
        source="qclinic report",
    )
    if kind == "docx":
        print(f"{built.path}: editable Word copy of document {built.document_id} (not verifiable)")
        return 0
    print(
        f"{built.path}: {built.pages} pages, document {built.document_id} (registered as issued), "
        f"data sha256 {built.data_hash}"
    )
    return 0


def _verify(args: argparse.Namespace) -> int:
    """``report verify``: never creates nor migrates a database (an unknown one says so)."""
    from qclinic import paths
    from qclinic.reports.verify import verify, verify_without_database
    from qclinic.storage.startup import open_database, probe

    if args.file is None:
        raise UserError("report verify needs the PDF file: qclinic report verify FILE.pdf")
    if args.file.is_dir():
        raise UserError(f"{args.file}: is a folder; name the PDF file to verify")
    if not args.file.is_file():
        raise UserError(f"{args.file}: no such file")
    if args.file.suffix.lower() == ".docx":
        raise UserError(
            f"{args.file}: a Word copy is editable and carries no data hash; "
            "verify the signed PDF of the report instead"
        )
    database_path = paths.existing_database_path()
    if probe(database_path).is_new:
        verdict = verify_without_database(args.file, database_path)
    else:
        database = open_database(
            database_path, attachments_dir=database_path.parent / "attachments"
        )
        try:
            verdict = verify(database, args.file)
        finally:
            database.dispose()
    _print_verdict(verdict)
    return verdict.exit_code


_HEADLINES = {
    "match": "MATCH 一致: this is an issued copy and what it shows still stands.",
    "changed": "CHANGED 不一致: this document no longer matches what was issued — see above.",
    "unknown": "UNKNOWN 无法核验: this database has no record of this document.",
}


def _print_verdict(verdict: Any) -> None:
    if verdict.chain_id:
        print(f"document {verdict.document_id} (chain report) of chain {verdict.chain_id}")
    elif verdict.document_id:
        print(
            f"document {verdict.document_id} ({verdict.kind or '?'}) of assessment "
            f"{verdict.assessment_id or '?'}"
        )
    print(f"file     sha256 {verdict.file_sha256}")
    for fact in verdict.facts:
        print(f"  · {fact}")
    for difference in verdict.differences:
        print(f"  ✗ {difference}")
    if verdict.progress:
        print("since printing (not counted as a change 不计为改动):")
        for line in verdict.progress:
            print(f"  → {line}")
    print(_HEADLINES[verdict.outcome])


def cmd_export(args: argparse.Namespace) -> int:
    from qclinic.services import Services
    from qclinic.storage.startup import open_database

    _check_out(args.out)
    database = open_database()
    try:
        printing = Services(database).printing
        out = printing.export_xlsx(args.assessment, args.out, _language(args.lang))
    finally:
        database.dispose()
    print(f"{out}: answers, findings and actions")
    return 0
