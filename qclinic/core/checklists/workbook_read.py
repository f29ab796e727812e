"""Reading a checklist workbook (.xlsx) into the checklist mapping, every problem located by cell.

The mapping is the one a YAML checklist file parses to, checked by the same validation
(:func:`.loader.check_data`); each value remembers the cell it came from, so a problem the schema
finds deep inside a section is still said as ``F.xlsx: questions!D14: …``. Merged cells count for
every cell they cover, blank rows are skipped, and sheets other than the layout's are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qclinic.core.catalogue import text as say
from qclinic.core.checklists import workbook_cells as cells
from qclinic.core.checklists import workbook_layout as layout
from qclinic.core.checklists.loader import MAX_PROBLEMS, build, check_data
from qclinic.core.checklists.model import Checklist
from qclinic.core.checklists.problems import ChecklistError, Problem
from qclinic.core.checklists.schema import FORMAT_VERSION
from qclinic.core.text import Text

Path_ = tuple[str | int, ...]


def _letter(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class _Row:
    sheet: str
    number: int
    values: dict[str, Any]
    columns: dict[str, int]

    def cell(self, name: str) -> str:
        column = self.columns.get(name) or min(self.columns.values(), default=1)
        return f"{self.sheet}!{_letter(column)}{self.number}"


@dataclass
class _Reading:
    file: str
    problems: dict[str, list[Text]] = field(default_factory=dict)  # cell → its problems
    origins: dict[int, dict[Path_, str]] = field(default_factory=dict)  # id(node) → cells
    keep: list[Any] = field(default_factory=list)  # the nodes whose ids origins uses

    def problem(self, cell: str, message: Text) -> None:
        said = self.problems.setdefault(cell, [])
        if message not in said:
            said.append(message)

    def origin(self, node: Any, relative: Path_, cell: str) -> None:
        if id(node) not in self.origins:
            self.keep.append(node)
        self.origins.setdefault(id(node), {})[relative] = cell

    def field(self, row: _Row, name: str, kind: str) -> Any:
        try:
            return cells.read(kind, row.values.get(name))
        except cells.CellProblem as problem:
            # kept as typed: the schema then finds nothing else wrong *because* it is missing
            self.problem(row.cell(name), problem.message)
            raw = row.values.get(name)
            return str(raw).strip() if raw is not None else None

    def put(self, node: dict[str, Any], key: str, row: _Row, name: str, kind: str) -> Any:
        """Read *name* of *row* into ``node[key]`` unless blank; remember the cell."""
        if kind == "pair":
            return self._pair(node, key, row, name)
        value = self.field(row, name, kind)
        if value is not None:
            node[key] = value
            self.origin(node, (key,), row.cell(name))
        return value

    def _pair(self, node: dict[str, Any], key: str, row: _Row, name: str) -> Any:
        zh = self.field(row, f"{name}_zh", "str")
        en = self.field(row, f"{name}_en", "str")
        if zh is None and en is None:
            return None
        for lang, given in (("zh", zh), ("en", en)):
            if given is None:
                language = say(f"workbook.language_{lang}")
                self.problem(
                    row.cell(f"{name}_{lang}"), say("workbook.missing_language", language=language)
                )
        pair = {"zh": zh or "", "en": en or ""}
        node[key] = pair
        self.origin(node, (key,), row.cell(f"{name}_zh" if zh is not None else f"{name}_en"))
        self.origin(pair, ("zh",), row.cell(f"{name}_zh"))
        self.origin(pair, ("en",), row.cell(f"{name}_en"))
        return pair


def _open(path: Path, reading: _Reading) -> dict[str, list[_Row]] | None:
    from openpyxl import load_workbook  # lazy: only when a workbook is read

    try:
        book = load_workbook(path, data_only=True)
    except FileNotFoundError:
        reading.problem("", say("checklists.no_such_file"))
        return None
    except Exception as error:  # openpyxl raises many types for a file that is not a workbook
        reading.problem("", say("workbook.unreadable", error=error))
        return None
    names = {layout.header_name(name): name for name in book.sheetnames}
    sheets: dict[str, list[_Row]] = {}
    for sheet in layout.SHEETS:
        if sheet not in names:
            if sheet in layout.REQUIRED_SHEETS:
                reading.problem(sheet, say("workbook.no_sheet", sheet=sheet))
            continue
        sheets[sheet] = list(_rows(book[names[sheet]], sheet, reading))
    book.close()
    return sheets


def _grid(sheet: Any) -> list[list[Any]]:
    grid = [list(row) for row in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:  # a merged cell counts for every cell it covers
        value = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
            for c in range(merged.min_col - 1, min(merged.max_col, len(grid[r]))):
                grid[r][c] = value
    return grid


def _rows(sheet: Any, name: str, reading: _Reading) -> Iterator[_Row]:
    kinds = layout.column_kinds(name)
    columns: dict[str, int] | None = None
    for number, values in enumerate(_grid(sheet), start=1):
        if all(cells.is_blank(v) for v in values):
            continue  # blank rows, wherever they are
        if columns is None:
            columns = {}
            for index, raw in enumerate(values, start=1):
                if cells.is_blank(raw):
                    continue
                header = layout.header_name(str(raw))
                where = f"{name}!{_letter(index)}{number}"
                if header not in kinds:
                    reading.problem(where, say("workbook.unknown_column", column=raw))
                elif header in columns:
                    reading.problem(where, say("workbook.column_twice", column=raw))
                else:
                    columns[header] = index
            continue
        found = {h: values[i - 1] for h, i in columns.items() if i - 1 < len(values)}
        if all(cells.is_blank(v) for v in found.values()):
            continue
        yield _Row(name, number, found, columns)


def _settings(rows: list[_Row], data: dict[str, Any], reading: _Reading) -> None:
    seen: dict[str, _Row] = {}
    pairs: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = layout.header_name(str(cells.read("id", row.values.get("key")) or ""))
        kind = layout.SETTING_KEYS.get(key)
        if kind is None:
            reading.problem(
                row.cell("key"), say("workbook.unknown_setting", key=row.values.get("key"))
            )
            continue
        if key in seen and key != "reference":
            reading.problem(row.cell("key"), say("workbook.setting_twice", key=key))
            continue
        seen[key] = row
        value = reading.field(row, "value", kind)
        if value is None:
            continue
        where = row.cell("value")
        if key == "reference":
            data.setdefault("references", []).append(value)
            reading.origin(data["references"], (len(data["references"]) - 1,), where)
        elif key in ("overall", "rounding"):
            data.setdefault("scoring", {})[key] = value
            reading.origin(data["scoring"], (key,), where)
        elif key.endswith(("_zh", "_en")):
            base, lang = key.rsplit("_", 1)
            pairs.setdefault(base, {})[lang] = (value, where)
        else:
            data[key] = value
            reading.origin(data, (key,), where)
    for base, given in pairs.items():
        pair: dict[str, str] = {}
        for lang in ("zh", "en"):
            if lang in given:
                pair[lang] = given[lang][0]
                reading.origin(pair, (lang,), given[lang][1])
            else:
                language = say(f"workbook.language_{lang}")
                other = next(iter(given.values()))[1]
                reading.problem(other, say("workbook.missing_language", language=language))
        data[base] = pair
        reading.origin(data, (base,), next(iter(given.values()))[1])
    for key in ("id", "version", "title_zh"):
        if key not in seen:
            reading.problem(layout.SETTINGS, say("workbook.no_setting", key=key))


def _sections(
    rows: list[_Row], data: dict[str, Any], reading: _Reading
) -> dict[str, dict[str, Any]]:
    by_id: dict[str, tuple[dict[str, Any], int]] = {}
    top: list[dict[str, Any]] = []
    for row in rows:
        node: dict[str, Any] = {}
        reading.origin(node, (), row.cell("id"))
        ident = reading.put(node, "id", row, "id", "id")
        reading.put(node, "title", row, "title", "pair")
        for key in ("weight", "category"):
            reading.put(node, key, row, key, layout.SECTION_COLUMNS[key])
        reading.put(node, "guidance", row, "guidance", "pair")
        repeat: dict[str, Any] = {}
        reading.put(repeat, "label", row, "repeat", "pair")
        reading.put(repeat, "min", row, "repeat_min", "int")
        if repeat:
            node["repeat"] = repeat
            reading.origin(node, ("repeat",), row.cell("repeat_zh"))
        parent = reading.field(row, "parent", "ref")
        if ident is None:
            reading.problem(row.cell("id"), say("workbook.required"))
            continue
        if ident in by_id:
            other = by_id[ident][1]
            reading.problem(row.cell("id"), say("workbook.section_twice", section=ident, row=other))
            continue
        by_id[ident] = (node, row.number)
        if parent is None:
            top.append(node)
        elif parent in by_id:
            by_id[parent][0].setdefault("sections", []).append(node)
        else:
            message = (
                "workbook.parent_later"
                if any(r.values.get("id") == parent for r in rows)
                else "workbook.no_section"
            )
            reading.problem(row.cell("parent"), say(message, section=parent))
    data["sections"] = top
    return {ident: node for ident, (node, _) in by_id.items()}


def _choices(rows: list[_Row], reading: _Reading) -> dict[str, list[dict[str, Any]]]:
    lists: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        name = reading.field(row, "list_name", "ref")
        option: dict[str, Any] = {}
        reading.origin(option, (), row.cell("value"))
        reading.put(option, "value", row, "value", "value")
        reading.put(option, "label", row, "label", "pair")
        reading.put(option, "score", row, "score", "number")
        if name is None:
            reading.problem(row.cell("list_name"), say("workbook.required"))
            continue
        lists.setdefault(name, []).append(option)
    return lists


def _questions(
    rows: list[_Row],
    sections: dict[str, dict[str, Any]],
    lists: dict[str, list[dict[str, Any]]],
    reading: _Reading,
) -> None:
    for row in rows:
        node: dict[str, Any] = {}
        reading.origin(node, (), row.cell("id"))
        for key, kind in layout.QUESTION_COLUMNS.items():
            if kind != "ref":
                reading.put(node, key, row, key, kind)
        if "type" in node:
            try:
                cells.question_type(node["type"])
            except cells.CellProblem as problem:
                reading.problem(row.cell("type"), problem.message)
        for key in ("id", "type"):
            if cells.is_blank(row.values.get(key)):
                reading.problem(row.cell(key), say("workbook.required"))
        name = reading.field(row, "options", "ref")
        if name is not None:
            if name in lists:
                node["options"] = [dict(o) for o in lists[name]]
                reading.origin(node, ("options",), row.cell("options"))
                for copy, option in zip(node["options"], lists[name], strict=True):
                    reading.origins[id(copy)] = reading.origins.get(id(option), {})
                    reading.keep.append(copy)
            else:
                reading.problem(row.cell("options"), say("workbook.no_choices", name=name))
        section = reading.field(row, "section", "ref")
        if section is None:
            reading.problem(row.cell("section"), say("workbook.required"))
        elif section not in sections:
            reading.problem(row.cell("section"), say("workbook.no_section", section=section))
        else:
            sections[section].setdefault("questions", []).append(node)


def _table(rows: list[_Row], columns: dict[str, str], reading: _Reading) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for row in rows:
        node: dict[str, Any] = {}
        reading.origin(node, (), row.cell(next(iter(columns))))
        for key, kind in columns.items():
            reading.put(node, key, row, key, kind)
        out.append(node)
    return out


def read_workbook(
    path: Path, name: str | None = None
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The checklist mapping of the workbook at *path* and every problem in it (located by cell).

    *name* is how problems name the file (the path as given by default).
    """
    reading = _Reading(name or str(path))
    sheets = _open(path, reading)
    data: dict[str, Any] = {}
    if sheets is not None:
        _settings(sheets.get(layout.SETTINGS, []), data, reading)
        data.setdefault("format", FORMAT_VERSION)
        scoring = data.setdefault("scoring", {})
        scoring["grades"] = _table(sheets.get(layout.GRADES, []), layout.GRADE_COLUMNS, reading)
        if layout.RULES in sheets:
            rules = _table(sheets[layout.RULES], layout.RULE_COLUMNS, reading)
            if rules:
                scoring["rules"] = rules
        found = _sections(sheets.get(layout.SECTIONS, []), data, reading)
        lists = _choices(sheets.get(layout.CHOICES, []), reading)
        _questions(sheets.get(layout.QUESTIONS, []), found, lists, reading)
        located = _locations(data, reading)
        # a cell that could not be read explains what the schema finds there
        read_wrong = {cell for cell in reading.problems if "!" in cell}
        for where, message in check_data(data):
            cell = _locate(where, located)
            if cell not in read_wrong:
                reading.problem(cell, message)
    problems = [
        _problem(reading.file, cell, message)
        for cell, messages in reading.problems.items()
        for message in messages
    ]
    problems.sort(key=lambda p: _order(p.path))
    if len(problems) > MAX_PROBLEMS:
        more = len(problems) - MAX_PROBLEMS
        problems = [
            *problems[:MAX_PROBLEMS],
            Problem(reading.file, None, "", say("checklists.more_problems", more=more)),
        ]
    return (data if sheets is not None else None), problems


def _problem(file: str, cell: str, message: Text) -> Problem:
    return Problem(file, None, cell, message)


def _order(cell: str) -> tuple[int, int, str]:
    sheet, _, ref = cell.partition("!")
    rank = layout.SHEETS.index(sheet) if sheet in layout.SHEETS else -1
    digits = "".join(ch for ch in ref if ch.isdigit())
    letters = "".join(ch for ch in ref if ch.isalpha())
    return rank, int(digits or 0), f"{len(letters)}{letters}"


def _locations(data: Any, reading: _Reading) -> dict[Path_, str]:
    """Absolute path inside the mapping → the cell it came from."""
    located: dict[Path_, str] = {}
    stack: list[tuple[Path_, Any]] = [((), data)]
    while stack:
        here, node = stack.pop()
        for relative, cell in reading.origins.get(id(node), {}).items():
            located[(*here, *relative)] = cell
        if isinstance(node, dict):
            stack.extend(((*here, k), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend(((*here, i), v) for i, v in enumerate(node))
    return located


def _locate(path: Path_, located: dict[Path_, str]) -> str:
    for length in range(len(path), -1, -1):
        cell = located.get(path[:length])
        if cell is not None:
            return cell
    return layout.SETTINGS


def check_workbook(path: Path, name: str | None = None) -> list[Problem]:
    """Every problem in the checklist workbook at *path* (empty when it is valid)."""
    return read_workbook(path, name)[1]


def load_workbook(path: Path, name: str | None = None) -> Checklist:
    """The checklist in the workbook at *path*.

    Raises:
        ChecklistError: Every problem found, each located by sheet and cell.
    """
    data, problems = read_workbook(path, name)
    if problems or data is None:
        raise ChecklistError(problems)
    return build(data)
