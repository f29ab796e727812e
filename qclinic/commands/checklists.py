"""``qclinic checklists list | show ID|PATH | validate PATH... | export | import | diff``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from qclinic.core import checklists
from qclinic.core.checklists import Checklist, Question, Section


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("checklists", help="the checklist library")
    commands = group.add_subparsers(dest="checklists_command", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="list the built-in checklists")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(func=cmd_list)

    show = commands.add_parser(
        "show", help="show one checklist's structure: a built-in id or a checklist file"
    )
    show.add_argument("id", metavar="ID|PATH", help="a built-in id, or a .yaml file's path")
    show.add_argument("--json", action="store_true", help="the full structure as JSON")
    show.add_argument("--lang", choices=["zh", "en"], default="zh")
    show.set_defaults(func=cmd_show)

    check = commands.add_parser("validate", help="check checklist files; exit 2 if any is broken")
    check.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    check.set_defaults(func=cmd_validate)

    from qclinic.commands import checklist_workbooks

    checklist_workbooks.register(commands)


def cmd_list(args: argparse.Namespace) -> int:
    library = checklists.builtin()
    rows = [summary(c) for c in library.all()]
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for row in rows:
        print(
            f"{row['id']:<16} {row['version']:<7} {row['questions']:>3} questions  "
            f"{row['title']['zh']} / {row['title']['en']}"
        )
    return 0


def load_checklist(name: str) -> Checklist:
    """A checklist file when *name* is one (a .yaml / .yml / .xlsx name, a path, or an existing
    file), else the built-in checklist with that id — never a file outside the library by its id."""
    path = Path(name)
    if path.suffix.lower() == ".xlsx":
        from qclinic.core.checklists.workbook_read import load_workbook

        return load_workbook(path)
    if path.suffix in (".yaml", ".yml") or len(path.parts) > 1 or path.is_file():
        return checklists.load_file(path)
    return checklists.builtin().load(name)


def cmd_show(args: argparse.Namespace) -> int:
    checklist = load_checklist(args.id)
    if args.json:
        json.dump(structure(checklist), sys.stdout, ensure_ascii=False, indent=2, allow_nan=False)
        print()
        return 0
    lang = args.lang
    print(f"{checklist.title.get(lang)}  ({checklist.id} {checklist.version})")
    print(
        "  * 关键项  § 法定关键项" if lang == "zh" else "  * critical  § statutory (and critical)"
    )
    for top in checklist.sections:
        for section in top.walk():
            indent = "  " * section.level
            repeat = f"  [×{section.repeat.label.get(lang)}]" if section.repeat else ""
            print(f"{indent}{section.id}  {section.title.get(lang)}{repeat}")
            for q in section.questions:
                star = "§" if q.statutory else "*" if q.critical else " "
                print(f"{indent}  {star}{q.id:<10} [{q.type}] {q.text.get(lang)}")
                if q.bands:
                    bands = " · ".join(b.text(q.unit or "").get(lang) for b in q.bands)
                    print(f"{indent}   {'':<10} {bands}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from qclinic.cli import message_language

    lang = message_language(getattr(args, "lang", None))  # --lang, else the locale
    failed = 0
    for path in args.paths:
        if path.suffix.lower() == ".xlsx":
            from qclinic.core.checklists.workbook_read import check_workbook

            problems = check_workbook(path)
        else:
            problems = checklists.check_file(path)
        if problems:
            failed += 1
            for problem in problems:
                print(problem.text().get(lang), file=sys.stderr)
        else:
            checklist = load_checklist(str(path))
            print(
                f"{path}: ok ({checklist.id} {checklist.version}, "
                f"{checklist.question_count} questions)"
            )
    return 2 if failed else 0


def summary(checklist: Checklist) -> dict[str, Any]:
    return {
        "id": checklist.id,
        "version": checklist.version,
        "title": checklist.title.as_dict(),
        "questions": checklist.question_count,
        "sections": len(checklist.sections),
        "grades": [band.grade for band in checklist.scoring.grades],
    }


def structure(checklist: Checklist) -> dict[str, Any]:
    """The full structure: ids, types, weights, critical flags, conditions, scoring."""
    return {
        **summary(checklist),
        "description": checklist.description.as_dict() if checklist.description else None,
        "references": list(checklist.references),
        "scoring": checklist.source["scoring"],
        "sections": [_section(s) for s in checklist.sections],
    }


def _section(section: Section) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": section.id,
        "title": section.title.as_dict(),
        "weight": section.weight,
        "level": section.level,
        "category": section.category,
        "repeat": {"label": section.repeat.label.as_dict(), "min": section.repeat.min}
        if section.repeat
        else None,
        "questions": [_question(q) for q in section.questions],
    }
    if section.sections:
        out["sections"] = [_section(s) for s in section.sections]
    return out


def _question(q: Question) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": q.id,
        "type": q.type,
        "text": q.text.as_dict(),
        "weight": q.weight,
        "critical": q.critical,
        "statutory": q.statutory,
        "scored": q.scored,
        "repeated": q.repeated,
        "clause": q.clause,
        "na_allowed": q.na_allowed,
    }
    if q.guidance:
        out["guidance"] = q.guidance.as_dict()
    if q.options:
        out["options"] = [
            {"value": o.value, "label": o.label.as_dict(), "score": o.score} for o in q.options
        ]
    if q.type == "numeric":
        out.update(min=q.min, max=q.max, unit=q.unit)
        if q.bands:
            out["bands"] = [
                {b.op: b.limit, "score": b.score} if b.op else {"score": b.score} for b in q.bands
            ]
    if q.show_if is not None:
        out["show_if"] = _raw_condition(q)
    for key in ("note_required_at_or_below", "photo_required_at_or_below"):
        if getattr(q, key) is not None:
            out[key] = getattr(q, key)
    return out


def _raw_condition(q: Question) -> Any:
    def convert(c: checklists.Condition) -> Any:
        if c.op in ("all", "any"):
            return {c.op: [convert(child) for child in c.children]}
        return {"question": c.question, c.op: c.operand}

    assert q.show_if is not None
    return convert(q.show_if)
