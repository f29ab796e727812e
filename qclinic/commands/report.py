"""``qclinic report`` (PDF or .docx report or plan, and ``verify``) and ``qclinic export xlsx``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from qclinic.errors import UserError


def register(subparsers: Any) -> None:
    report = subparsers.add_parser(
        "report",
        help="print an assessment's diagnostic report or improvement plan as PDF or Word; "
        "verify a PDF",
        description="qclinic report ASSESSMENT_ID --out FILE.pdf|FILE.docx [--format pdf|docx] "
        "[--lang zh|en] [--plan-only] [--group-by owner|due];  "
        "qclinic report --demo --out FILE.pdf;  "
        "qclinic report verify FILE.pdf (exit 0 unchanged, 1 changed, 2 bad input)",
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
    report.set_defaults(func=cmd_report)

    export = subparsers.add_parser("export", help="export an assessment to a spreadsheet")
    export.add_argument("format", choices=["xlsx"])
    export.add_argument("assessment", metavar="ASSESSMENT_ID")
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--lang", choices=["zh", "en"], help="column and label language")
    export.set_defaults(func=cmd_export)


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
        if args.file is None:
            raise UserError("report verify needs the PDF file: qclinic report verify FILE.pdf")
        if not args.file.is_file():
            raise UserError(f"{args.file}: no such file")
        if args.file.suffix.lower() == ".docx":
            raise UserError(
                f"{args.file}: a Word copy is editable and carries no data hash; "
                "verify the signed PDF of the report instead"
            )
        from qclinic.reports.verify import verify

        verdict = verify(open_database(), args.file)
        stamp = verdict.stamp
        print(f"document {stamp.document_id} ({stamp.kind}) of assessment {stamp.assessment_id}")
        print(f"printed  sha256 {stamp.data_hash}")
        print(f"database sha256 {verdict.current_hash or '(assessment not found)'}")
        print(
            "MATCH: the database still holds what this document shows."
            if verdict.matches
            else "CHANGED: the data differs from what this document shows."
        )
        return 0 if verdict.matches else 1
    if args.out is None:
        raise UserError("say where to write the PDF: --out FILE.pdf")
    if args.file is not None:
        raise UserError(f"unexpected argument {args.file}")
    kind = output_format(args.format, args.out)
    database = open_database()
    if args.demo:
        from qclinic.commands.demo import seed

        ids = seed(database)
        assessment_id = ids.get("completed_assessment") or ids["assessments"][0]
    elif args.target:
        assessment_id = args.target
    else:
        raise UserError(
            "name the assessment (qclinic report ASSESSMENT_ID --out FILE.pdf) or use --demo"
        )
    from qclinic import settings
    from qclinic.reports import build_plan, build_report

    lang = _language(args.lang)
    if kind == "docx":
        return _write_docx(database, assessment_id, args, lang)
    if args.plan_only:
        built = build_plan(database, assessment_id, args.out, lang, args.group_by)
    else:
        config = settings.load()
        built = build_report(
            database,
            assessment_id,
            args.out,
            lang,
            issuing_body=config.issuing_body,
            logo_path=config.logo_path,
        )
    print(
        f"{built.path}: {built.pages} pages, document {built.document_id}, sha256 {built.data_hash}"
    )
    return 0


def _write_docx(database: Any, assessment_id: str, args: argparse.Namespace, lang: str) -> int:
    from qclinic import settings
    from qclinic.reports.docx_plan import build_docx_plan
    from qclinic.reports.docx_report import build_docx_report

    if args.plan_only:
        built = build_docx_plan(database, assessment_id, args.out, lang, args.group_by)
    else:
        config = settings.load()
        built = build_docx_report(
            database,
            assessment_id,
            args.out,
            lang,
            issuing_body=config.issuing_body,
            logo_path=config.logo_path,
        )
    print(f"{built.path}: editable Word copy of document {built.document_id} (not verifiable)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from qclinic.reports.xlsx import export_xlsx
    from qclinic.storage.startup import open_database

    out = export_xlsx(open_database(), args.assessment, args.out, _language(args.lang))
    print(f"{out}: answers, findings and actions")
    return 0
