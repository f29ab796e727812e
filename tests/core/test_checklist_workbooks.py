"""Checklists in Excel workbooks: the round trip, problems located by cell, cells read as meant.

Workbooks are built with openpyxl in tmp_path; the CLI runs in-process (``qclinic.cli.run``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from qclinic.cli import run
from qclinic.core import checklists
from qclinic.core.catalogue import find
from qclinic.core.checklists.diff import diff
from qclinic.core.checklists.workbook_read import load_workbook as load_checklist_workbook
from qclinic.core.checklists.workbook_read import read_workbook
from qclinic.core.checklists.workbook_write import write_workbook

BUILTINS = checklists.builtin()


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("checklist_id", list(BUILTINS.ids()))
def test_every_builtin_survives_export_import_show(
    checklist_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / f"{checklist_id}.xlsx"
    out = tmp_path / f"{checklist_id}.yaml"
    code, _, err = _cli(
        capsys, "checklists", "export", checklist_id, "--format", "xlsx", "--out", str(book)
    )
    assert code == 0, err
    code, _, err = _cli(capsys, "checklists", "import", str(book), "--out", str(out))
    assert code == 0, err
    shown = [
        _cli(capsys, "checklists", "show", name, "--json")
        for name in (checklist_id, str(book), str(out))
    ]
    assert [code for code, _, _ in shown] == [0, 0, 0]
    original, from_book, from_yaml = (json.loads(out) for _, out, _ in shown)
    assert from_book == original
    assert from_yaml == original
    # stronger than show: the mapping itself comes back unchanged
    assert read_workbook(book)[0] == dict(BUILTINS.load(checklist_id).source)


def _small() -> dict[str, Any]:
    return {
        "format": 1,
        "id": "pv-module",
        "version": "1.0.0",
        "title": {"zh": "光伏组件", "en": "PV modules"},
        "scoring": {
            "grades": [
                {"grade": "A", "min": 90, "label": {"zh": "优", "en": "good"}},
                {"grade": "C", "min": 0, "label": {"zh": "差", "en": "poor"}},
            ],
            "rules": [{"when": "question-at-or-below", "percent": 0, "cap": "C"}],
        },
        "sections": [
            {
                "id": "S1",
                "title": {"zh": "来料", "en": "Incoming"},
                "questions": [
                    {
                        "id": "Q1",
                        "type": "yes-no",
                        "text": {"zh": "有检验吗？", "en": "Inspected?"},
                        "guidance": {"zh": "查记录", "en": "Check records"},
                        "weight": 2,
                    },
                    {
                        "id": "Q2",
                        "type": "yes-no",
                        "text": {"zh": "有记录吗？", "en": "Recorded?"},
                        "guidance": {"zh": "查", "en": "Check"},
                        "show_if": {"question": "Q1", "equals": "yes"},
                        "note_required_at_or_below": 50,
                    },
                ],
            }
        ],
    }


def _sheet(book: Any, name: str) -> Any:
    return book[name]


def _header_column(sheet: Any, header: str) -> str:
    for cell in sheet[1]:
        if cell.value == header:
            return str(cell.column_letter)
    raise KeyError(header)


def test_problems_are_located_by_sheet_and_cell_all_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    path = tmp_path / "F.xlsx"
    write_workbook(_small(), path)
    book = load_workbook(path)
    questions = book["questions"]
    type_column = _header_column(questions, "type")
    weight_column = _header_column(questions, "weight")
    questions[f"{type_column}3"] = "numbr"
    questions[f"{weight_column}2"] = "heavy"
    book["grades"]["B3"] = "zero"
    book.save(path)
    _, problems = read_workbook(path)
    said = [str(p) for p in problems]
    assert said == [
        f'{path}: questions!{weight_column}2: "heavy" is not a number',
        f'{path}: questions!{type_column}3: unknown type "numbr" (use one of '
        "yes-no, vda, maturity, numeric, single, multi, text, date, photo, signature)",
        f'{path}: grades!B3: "zero" is not a number',
    ]
    assert all(p.text().zh and p.text().zh != p.text().en for p in problems)
    code, out, err = _cli(capsys, "checklists", "import", str(path), "--install")
    assert code == 2 and "installed" not in out
    assert f'questions!{type_column}3: unknown type "numbr"' in err
    code, out, _ = _cli(capsys, "checklists", "diff", "pv-module", "1.0.0", "1.0.0")
    assert code == 2  # nothing was installed: the library has no pv-module


def test_a_schema_problem_deep_in_a_question_names_its_cell(tmp_path: Path) -> None:
    data = _small()
    data["sections"][0]["questions"][1]["show_if"] = {"question": "Q9", "equals": "yes"}
    path = tmp_path / "F.xlsx"
    write_workbook(data, path)
    show_if = _header_column(load_workbook(path)["questions"], "show_if")
    _, problems = read_workbook(path)
    assert [p.path for p in problems] == [f"questions!{show_if}3"]
    assert "Q9" in str(problems[0])


def _rows(sheet: Any, rows: list[list[Any]]) -> None:
    for row in rows:
        sheet.append(row)


def _hand_written(tmp_path: Path, questions: list[list[Any]], merge: str | None = None) -> Path:
    """A workbook as a person would type it: own column order, some headers in other spellings."""
    book = Workbook()
    settings = book.active
    settings.title = "Settings"
    _rows(
        settings,
        [
            ["key", "value"],
            ["id", "pv-module"],
            ["version", "1.0.0"],
            ["title::zh", "光伏"],
            ["title::en", "PV"],
        ],
    )
    _rows(
        book.create_sheet("sections"),
        [["id", "title (zh)", "Title_EN"], ["S1", "来料", "Incoming"], ["S2", "过程", "Process"]],
    )
    sheet = book.create_sheet("questions")
    _rows(
        sheet,
        [
            [
                "section",
                "id",
                "type",
                "text::zh",
                "text::en",
                "guidance::zh",
                "guidance::en",
                "weight",
                "critical",
                "show_if",
            ],
            *questions,
        ],
    )
    if not any(row[0] == "S2" for row in questions):  # every section needs a question
        sheet.append(["S2", "Q9", "text", "九", "nine"])
    if merge:
        sheet.merge_cells(merge)
    _rows(
        book.create_sheet("grades"),
        [
            ["grade", "min", "label::zh", "label::en"],
            ["A", 90, "优", "good"],
            ["C", 0, "差", "poor"],
        ],
    )
    path = tmp_path / "hand.xlsx"
    book.save(path)
    return path


def test_merged_cells_count_for_every_row_they_cover(tmp_path: Path) -> None:
    path = _hand_written(
        tmp_path,
        [
            ["S1", "Q1", "yes-no", "一", "one", "查", "check", None, None, None],
            [None, "Q2", "yes-no", "二", "two", "查", "check", None, None, None],
            [None, "Q3", "yes-no", "三", "three", "查", "check", None, None, None],
            ["S2", "Q4", "yes-no", "四", "four", "查", "check", None, None, None],
        ],
        merge="A2:A4",
    )
    checklist = load_checklist_workbook(path)
    assert [q.id for q in checklist.section("S1").questions] == ["Q1", "Q2", "Q3"]
    assert [q.id for q in checklist.section("S2").questions] == ["Q4"]


def test_blank_rows_are_skipped_and_rows_keep_their_numbers(tmp_path: Path) -> None:
    path = _hand_written(
        tmp_path,
        [
            ["S1", "Q1", "yes-no", "一", "one", "查", "check", None, None, None],
            [None] * 10,
            ["   ", "", None, None, None, None, None, None, None, None],
            ["S2", "Q2", "numbr", "二", "two", "查", "check", None, None, None],
        ],
    )
    _, problems = read_workbook(path)
    assert [p.path for p in problems] == ["questions!C5"]  # the sheet's own row number


def test_full_width_punctuation_and_numbers_stored_as_text(tmp_path: Path) -> None:
    path = _hand_written(
        tmp_path,
        [
            ["Ｓ1", "Q1", "Yes-No", "一", "one", "查", "check", "２", "是", None],
            [
                "S1",
                "Q2",
                "yes-no",
                "二",
                "two",
                "查",
                "check",
                "1.5",
                "FALSE",
                "｛question：Q1，equals：yes｝",
            ],
            [
                "S1",
                "Q3",
                "yes-no",
                "三",
                "three",
                "查",
                "check",
                " 3 ",
                "否",
                "{question: Q1, in: （yes，partial）}",
            ],
        ],
    )
    checklist = load_checklist_workbook(path)
    q1, q2, q3 = (checklist.question(i) for i in ("Q1", "Q2", "Q3"))
    assert (q1.type, q1.weight, q1.critical, q1.section_path) == ("yes-no", 2.0, True, ("S1",))
    assert (q2.weight, q2.critical) == (1.5, False)
    assert q2.show_if is not None and (q2.show_if.op, q2.show_if.operand) == ("equals", "yes")
    assert q3.weight == 3 and q3.show_if is not None and q3.show_if.operand == ["yes", "partial"]
    assert checklist.source["sections"][0]["questions"][0]["weight"] == 2  # an int, as typed


def test_an_unknown_column_a_missing_sheet_and_a_missing_language_are_located(
    tmp_path: Path,
) -> None:
    path = _hand_written(
        tmp_path, [["S1", "Q1", "yes-no", "一", None, "查", "check", None, None, None]]
    )
    book = load_workbook(path)
    book["questions"]["K1"] = "colour"
    del book["grades"]
    book.save(path)
    problems = {p.path: p.message for p in read_workbook(path)[1]}
    assert problems["questions!K1"].en == 'unknown column "colour"'
    assert problems["questions!E2"].en.startswith("the English text is missing")
    assert problems["grades"].en == 'the sheet "grades" is missing'


def test_a_file_that_is_not_a_workbook_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "not.xlsx"
    path.write_text("hello", "utf-8")
    data, problems = read_workbook(path)
    assert data is None and len(problems) == 1
    assert "cannot be read as an Excel workbook" in str(problems[0])


def test_diff_lists_added_removed_and_changed_questions_and_rules() -> None:
    old = _small()
    new = json.loads(json.dumps(old))
    questions = new["sections"][0]["questions"]
    questions[0]["weight"] = 3
    questions.pop(1)
    questions.append({"id": "Q3", "type": "text", "text": {"zh": "备注", "en": "Notes"}})
    new["scoring"]["rules"] = [{"when": "question-at-or-below", "percent": 20, "cap": "C"}]
    new["scoring"]["rules"].append({"when": "critical-at-or-below", "percent": 0, "cap": "C"})
    changes = diff(old, new)
    said = [c.text().en for c in changes]
    assert said == [
        "~ question Q1 changed: weight",
        "- question Q2 removed: Recorded?",
        "+ question Q3 added: Notes",
        "~ rule question-at-or-below → C changed: percent",
        "+ rule added: critical-at-or-below → C",
    ]
    assert all(find(f"workbook.diff_{c.kind}_{c.what}") for c in changes)
    assert diff(old, old) == []


def test_the_shipped_template_is_current_and_reads_without_problems(tmp_path: Path) -> None:
    from qclinic.core.checklists.workbook_template import EXAMPLE, write_template

    shipped = Path(__file__).parents[2] / "resources" / "templates" / "checklist-template.xlsx"
    assert read_workbook(shipped) == (EXAMPLE, [])
    rebuilt = tmp_path / "template.xlsx"
    write_template(rebuilt)
    ours, theirs = load_workbook(rebuilt), load_workbook(shipped)
    assert ours.sheetnames == theirs.sheetnames == ["instructions", *_SHEETS]
    for name in ours.sheetnames:  # rebuild it with `python -m qclinic.devtools checklist-template`
        assert list(ours[name].values) == list(theirs[name].values), name
    instructions = [row for row in theirs["instructions"].values if row[1] and row[2]]
    assert any("中" in row[1] for row in instructions) and len(instructions) >= 7


_SHEETS = ["settings", "sections", "questions", "choices", "grades", "rules"]
