"""Writing a checklist mapping as a workbook (.xlsx) in the layout of :mod:`.workbook_layout`.

Every value goes in a cell of its own type (numbers as numbers, flags as TRUE/FALSE, text as
text), so reading the workbook back gives the same mapping: the round trip is lossless.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from qclinic.core.checklists import workbook_layout as layout

Rows = list[dict[str, Any]]


def flow(value: Any) -> str:
    """*value* as a one-line YAML flow value: ``{question: Q1, equals: 'yes'}``."""
    written: str = yaml.safe_dump(
        value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=1_000_000
    )
    return written.strip().removesuffix("...").strip()


def _pair(row: dict[str, Any], name: str, raw: Mapping[str, str] | None) -> None:
    if raw is not None:
        row[f"{name}_zh"] = raw.get("zh")
        row[f"{name}_en"] = raw.get("en")


def settings_rows(data: Mapping[str, Any]) -> list[tuple[str, Any]]:
    rows: list[tuple[str, Any]] = [
        ("format", data.get("format")),
        ("id", data.get("id")),
        ("version", data.get("version")),
    ]
    for key in ("title", "description"):
        if key in data:
            rows += [(f"{key}::zh", data[key]["zh"]), (f"{key}::en", data[key]["en"])]
    rows += [("reference", ref) for ref in data.get("references", ())]
    scoring = data.get("scoring", {})
    rows += [(key, scoring[key]) for key in ("overall", "rounding") if key in scoring]
    return rows


def _sections(
    sections: Sequence[Mapping[str, Any]], parent: str | None
) -> Iterator[dict[str, Any]]:
    for section in sections:
        row: dict[str, Any] = {"id": section["id"], "parent": parent}
        _pair(row, "title", section.get("title"))
        row["weight"] = section.get("weight")
        row["category"] = section.get("category")
        _pair(row, "guidance", section.get("guidance"))
        repeat = section.get("repeat")
        if repeat is not None:
            _pair(row, "repeat", repeat.get("label"))
            row["repeat_min"] = repeat.get("min")
        yield row
        yield from _sections(section.get("sections", ()), section["id"])


def _all_sections(sections: Sequence[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    for section in sections:
        yield section
        yield from _all_sections(section.get("sections", ()))


def question_rows(data: Mapping[str, Any]) -> tuple[Rows, Rows]:
    """The questions sheet and the choices sheet (one choice list per question, named by its id)."""
    questions: Rows = []
    choices: Rows = []
    for section in _all_sections(data.get("sections", ())):
        for q in section.get("questions", ()):
            row: dict[str, Any] = {"section": section["id"]}
            for key, kind in layout.QUESTION_COLUMNS.items():
                if key == "section" or key not in q:
                    continue
                if kind == "pair":
                    _pair(row, key, q[key])
                elif kind == "yaml":
                    row[key] = flow(q[key])
                elif key == "options":
                    row[key] = q["id"]
                    for option in q["options"]:
                        choice: dict[str, Any] = {"list_name": q["id"], "value": option["value"]}
                        _pair(choice, "label", option.get("label"))
                        choice["score"] = option.get("score")
                        choices.append(choice)
                else:
                    row[key] = q[key]
            questions.append(row)
    return questions, choices


def _table(items: Sequence[Mapping[str, Any]], columns: Mapping[str, str]) -> Rows:
    rows: Rows = []
    for item in items:
        row: dict[str, Any] = {}
        for key, kind in columns.items():
            if kind == "pair":
                _pair(row, key, item.get(key))
            elif kind == "list" and key in item:
                row[key] = ", ".join(item[key])
            else:
                row[key] = item.get(key)
        rows.append(row)
    return rows


def sheets(data: Mapping[str, Any]) -> dict[str, Rows]:
    """Each sheet's rows (header name → value) for *data*, a valid checklist mapping."""
    questions, choices = question_rows(data)
    scoring = data.get("scoring", {})
    return {
        layout.SECTIONS: list(_sections(data.get("sections", ()), None)),
        layout.QUESTIONS: questions,
        layout.CHOICES: choices,
        layout.GRADES: _table(scoring.get("grades", ()), layout.GRADE_COLUMNS),
        layout.RULES: _table(scoring.get("rules", ()), layout.RULE_COLUMNS),
    }


def to_workbook(data: Mapping[str, Any], instructions: Sequence[Sequence[str]] = ()) -> Any:
    """An openpyxl ``Workbook`` holding *data*; *instructions* rows go on a first sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    first = book.active
    if instructions:
        first.title = layout.INSTRUCTIONS
        for line in instructions:
            first.append(list(line))
        first.column_dimensions["A"].width = 28
        for column in ("B", "C"):
            first.column_dimensions[column].width = 70
        for cells in first.iter_rows():
            for cell in cells:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        first["A1"].font = Font(bold=True)
        settings = book.create_sheet(layout.SETTINGS)
    else:
        first.title = layout.SETTINGS
        settings = first
    settings.append(layout.headers(layout.SETTINGS))
    for key, value in settings_rows(data):
        settings.append([key, value])
    settings.column_dimensions["A"].width = 18
    settings.column_dimensions["B"].width = 60
    for name, rows in sheets(data).items():
        sheet = book.create_sheet(name)
        names = layout.headers(name)
        sheet.append(names)
        keys = [layout.header_name(h) for h in names]
        for row in rows:
            sheet.append([row.get(key) for key in keys])
        for index, header in enumerate(names, start=1):
            wide = header.split("::")[0] in (
                "text",
                "guidance",
                "title",
                "label",
                "reason",
                "show_if",
            )
            sheet.column_dimensions[get_column_letter(index)].width = 40 if wide else 12
        sheet.freeze_panes = "A2"
    for sheet in book.worksheets:
        if sheet.title != layout.INSTRUCTIONS:
            for cell in sheet[1]:
                cell.font = Font(bold=True)
    return book


def write_workbook(
    data: Mapping[str, Any], path: Path, instructions: Sequence[Sequence[str]] = ()
) -> None:
    """Write *data* as a checklist workbook at *path*."""
    book = to_workbook(data, instructions)
    book.save(path)
