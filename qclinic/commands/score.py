"""``qclinic score CHECKLIST_ID ANSWERS.json [--json]``: score a set of answers headlessly;
``qclinic score --assessment ID [--json]``: score a stored assessment as the runner and its report
do (its snapshot, through the one answer-set builder)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from qclinic.core import checklists
from qclinic.core.scoring import ScoreResult, parse_answers, score
from qclinic.errors import UserError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "score",
        help="score answers against a checklist",
        description="Score ANSWERS (a JSON object of question id → answer; see README) against a "
        "built-in checklist or a checklist file, or a stored assessment (--assessment ID), and "
        "show the grade with its reasons.",
    )
    parser.add_argument(
        "checklist", metavar="CHECKLIST", nargs="?", help="a built-in id or a .yaml file"
    )
    parser.add_argument("answers", metavar="ANSWERS.json", nargs="?", type=Path)
    parser.add_argument(
        "--assessment",
        metavar="ID",
        help="score this stored assessment (with its frozen checklist) instead of a file",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh", help="text output language")
    parser.set_defaults(func=cmd_score, usage_error=parser.error)


def cmd_score(args: argparse.Namespace) -> int:
    if args.assessment is not None:
        if args.checklist is not None:
            args.usage_error("--assessment ID scores a stored assessment: give no CHECKLIST")
        checklist, result = _stored(args.assessment)
        return _show(checklist, result, args)
    if args.checklist is None or args.answers is None:
        args.usage_error("give CHECKLIST and ANSWERS.json, or --assessment ID")
    checklist = _checklist(args.checklist)
    try:
        text = args.answers.read_text(encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{args.answers}: cannot be read ({exc.strerror or exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(
            f"{args.answers}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}"
        ) from None
    except RecursionError:
        line = text.count("\n", 0, _deepest(text)) + 1
        raise UserError(
            f"{args.answers}:{line}: nested too deeply: an answers file is an object of "
            "question ids → answers, two or three levels deep"
        ) from None
    result = score(checklist, parse_answers(checklist, data, source=str(args.answers)))
    return _show(checklist, result, args)


def _stored(assessment_id: str) -> tuple[checklists.Checklist, ScoreResult]:
    """The frozen checklist and the score of a stored assessment."""
    from qclinic.services import Services
    from qclinic.storage.assessment_scoring import score_snapshot
    from qclinic.storage.startup import open_database

    database = open_database()
    try:
        snapshot = Services(database).snapshots.snapshot(assessment_id)
    finally:
        database.dispose()
    return snapshot.checklist, score_snapshot(snapshot)


def _show(checklist: checklists.Checklist, result: ScoreResult, args: argparse.Namespace) -> int:
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2, allow_nan=False)
        print()
    else:
        print(render(checklist, result, args.lang))
    return 0


def _checklist(name: str) -> checklists.Checklist:
    from qclinic.commands.checklists import load_checklist

    return load_checklist(name)


def _deepest(text: str, limit: int = 500) -> int:
    """Where the nesting of brackets first goes past *limit* (to locate a too-deep file)."""
    depth = 0
    for index, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > limit:
                return index
        elif char in "]}":
            depth -= 1
    return 0


def render(checklist: checklists.Checklist, result: ScoreResult, lang: str) -> str:
    """The result as a person reads it on a terminal."""
    zh = lang == "zh"
    lines = [f"{checklist.title.get(lang)}  ({checklist.id} {checklist.version})"]
    overall = "—" if result.percent is None else f"{result.percent:.1f}%"
    if result.grade is not None and result.grade_label is not None:
        grade = f"{result.grade}  {result.grade_label.get(lang)}"
    else:
        grade = "无评级" if zh else "no grade"
    lines.append(
        f"{'总体' if zh else 'Overall'}: {overall}    {'等级' if zh else 'Grade'}: {grade}"
    )
    if result.maturity is not None:
        lines.append(f"{'成熟度' if zh else 'Maturity'}: {result.maturity:.1f} / 5")
    lines.append("")
    for section in result.sections:
        percent = "—" if section.percent is None else f"{section.percent:5.1f}%"
        indent = "  " * section.level
        lines.append(
            f"{indent}{section.id:<10} {percent:>7}  {section.evaluated}/{section.questions}  "
            f"{section.title.get(lang)}"
        )
    for step in result.steps:
        percent = "—" if step.percent is None else f"{step.percent:5.1f}%"
        lines.append(
            f"  {step.section}@{step.instance:<12} {percent:>7}  {step.evaluated}/{step.questions}"
        )
    lines.append("")
    lines.append("依据：" if zh else "Why:")
    for entry in result.trace:
        mark = "→" if entry.applied else " "
        lines.append(f" {mark} {entry.message.get(lang)}")
    if result.what_if is not None:
        what_if = result.what_if
        lines.append("")
        if what_if.achievable:
            head = (
                f"如果改进以下 {len(what_if.changes)} 项，等级可提升至 {what_if.target}："
                if zh
                else f"Raising these {len(what_if.changes)} answer(s) would lift the grade to "
                f"{what_if.target}:"
            )
        else:
            head = (
                f"仅提高已回答问题的得分无法达到 {what_if.target}："
                if zh
                else f"Raising answered questions alone cannot reach {what_if.target}:"
            )
        lines.append(head)
        lines.extend(f"   {change.text.get(lang)}" for change in what_if.changes)
    blocking = [g for g in result.gaps if g.kind != "unanswered"]
    if blocking:
        lines.append("")
        lines.append("完成前须处理：" if zh else "Before completion:")
        lines.extend(f"   {gap.message.get(lang)}" for gap in blocking)
    return "\n".join(lines)
