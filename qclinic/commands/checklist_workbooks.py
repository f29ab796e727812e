"""``qclinic checklists export | import | diff``: checklists in Excel workbooks, and versions.

``export ID --format xlsx --out F.xlsx`` writes a checklist (a built-in by id, a checklist file,
or with ``--version`` any version in the database library) as a workbook; ``import F.xlsx``
reads one — every problem located by sheet and cell, exit 2 and nothing installed — and writes
it as YAML (``--out``) and / or installs it in the library (``--install``); ``diff ID V1 V2``
lists the questions and rules added, removed and changed between two installed versions (a
version may also be a checklist file).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from qclinic.core.checklists import BUILTIN_IDS
from qclinic.errors import UserError

T = TypeVar("T")


def register(commands: Any) -> None:
    export = commands.add_parser("export", help="write a checklist as an Excel workbook")
    export.add_argument("id", metavar="ID|PATH", help="a checklist id, or a checklist file")
    export.add_argument("--format", choices=["xlsx"], default="xlsx")
    export.add_argument("--out", type=Path, required=True, metavar="F.xlsx")
    export.add_argument("--version", help="a version in the library (default: the newest)")
    export.set_defaults(func=cmd_export)

    imported = commands.add_parser(
        "import", help="read a checklist workbook; write it as YAML and / or install it"
    )
    imported.add_argument("path", type=Path, metavar="F.xlsx")
    imported.add_argument("--out", type=Path, metavar="F.yaml", help="write the checklist file")
    imported.add_argument("--install", action="store_true", help="add it to the library")
    imported.set_defaults(func=cmd_import)

    compare = commands.add_parser("diff", help="what changed between two versions of a checklist")
    compare.add_argument("id", metavar="ID")
    compare.add_argument("old", metavar="V1", help="a version in the library, or a checklist file")
    compare.add_argument("new", metavar="V2", help="a version in the library, or a checklist file")
    compare.add_argument("--json", action="store_true", help="machine-readable output")
    compare.add_argument("--lang", choices=["zh", "en"], default=None)
    compare.set_defaults(func=cmd_diff)


def _with_services(work: Callable[[Any], T]) -> T:
    from qclinic.services import Services
    from qclinic.storage.library import install_builtin_library
    from qclinic.storage.startup import open_database

    database = open_database()
    try:
        install_builtin_library(database)  # as the app does on start: the built-ins are there
        return work(Services(database))
    finally:
        database.dispose()


def _is_file(name: str) -> bool:
    path = Path(name)
    return path.suffix.lower() in (".yaml", ".yml", ".xlsx") or len(path.parts) > 1


def cmd_export(args: argparse.Namespace) -> int:
    from qclinic.commands.checklists import load_checklist
    from qclinic.core.checklists.workbook_write import write_workbook

    if args.out.suffix.lower() != ".xlsx":
        raise UserError(f"--out must name an .xlsx file, not {args.out}")
    if args.version is None and (_is_file(args.id) or args.id in BUILTIN_IDS):
        content: Mapping[str, Any] = load_checklist(args.id).source
    else:
        content = _with_services(lambda services: services.library.content(args.id, args.version))
    write_workbook(content, args.out)
    print(f"{args.out}: {content['id']} {content['version']}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    import yaml

    from qclinic.core.checklists.workbook_read import load_workbook

    checklist = load_workbook(args.path)  # ChecklistError: every problem, exit 2
    if args.out is not None:
        written = yaml.safe_dump(
            dict(checklist.source), allow_unicode=True, sort_keys=False, width=100
        )
        args.out.write_text(written, encoding="utf-8")
    summary = f"{checklist.id} {checklist.version}, {checklist.question_count} questions"
    if args.install:
        _with_services(lambda services: services.library.install(checklist))
        print(f"{args.path}: installed {summary}")
    else:
        print(f"{args.path}: ok ({summary})" + (f" → {args.out}" if args.out else ""))
    return 0


def _content(services: Any, checklist_id: str, version: str) -> Mapping[str, Any]:
    if _is_file(version):
        from qclinic.commands.checklists import load_checklist

        return load_checklist(version).source
    content: Mapping[str, Any] = services.library.content(checklist_id, version)
    return content


def cmd_diff(args: argparse.Namespace) -> int:
    from qclinic.cli import message_language
    from qclinic.core.catalogue import text
    from qclinic.core.checklists.diff import diff

    lang = message_language(args.lang)

    def compare(services: Any) -> list[Any]:
        return diff(_content(services, args.id, args.old), _content(services, args.id, args.new))

    if _is_file(args.old) and _is_file(args.new):
        changes = compare(None)
    else:
        changes = _with_services(compare)
    if args.json:
        json.dump([c.as_dict() for c in changes], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not changes:
        print(text("workbook.diff_same", checklist=args.id, old=args.old, new=args.new).get(lang))
        return 0
    print(text("workbook.diff_heading", checklist=args.id, old=args.old, new=args.new).get(lang))
    for change in changes:
        print("  " + change.text().get(lang))
    return 0
