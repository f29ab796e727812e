"""The checklist format: the built-in library validates, broken files give located problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from qclinic import paths
from qclinic.core import checklists
from qclinic.core.checklists import BUILTIN_IDS, ChecklistError

MINIMUM_QUESTIONS = {
    "nqi-clinic": 60,
    "iso9001-2015": 40,
    "vda63-process": 50,
    "apqp": 30,
    "supplier-4level": 30,
    "msa": 15,
    "spc": 15,
}


def builtin_path(checklist_id: str) -> Path:
    return paths.builtin_checklists_dir() / f"{checklist_id}.yaml"


@pytest.mark.parametrize("checklist_id", BUILTIN_IDS)
def test_builtin_checklist_validates_and_is_usable(checklist_id: str) -> None:
    path = builtin_path(checklist_id)
    assert checklists.check_file(path) == []
    checklist = checklists.load_file(path)
    assert checklist.id == checklist_id
    assert checklist.question_count >= MINIMUM_QUESTIONS[checklist_id]
    for question in checklist.questions():
        assert question.text.zh.strip() and question.text.en.strip()
        if question.scored:
            assert question.guidance is not None, question.id  # evidence to look for


def test_vda63_structure() -> None:
    vda = checklists.builtin().load("vda63-process")
    assert [s.id for s in vda.sections] == ["P2", "P3", "P4", "P5", "P6", "P7"]
    p6 = vda.section("P6")
    assert p6.repeat is not None
    assert [s.id for s in p6.sections] == [f"P6.U{n}" for n in range(1, 7)]
    assert all(q.type == "vda" for q in vda.questions())
    assert any(q.critical for q in vda.questions())
    assert vda.scoring.overall == "pooled" and vda.scoring.rounding == "vda63"
    assert [(b.grade, b.min) for b in vda.scoring.grades] == [("A", 90), ("B", 80), ("C", 0)]


def test_supplier_4level_grades() -> None:
    supplier = checklists.builtin().load("supplier-4level")
    assert [(b.grade, b.min) for b in supplier.scoring.grades] == [
        ("A", 90),
        ("B", 80),
        ("C", 70),
        ("D", 0),
    ]


BROKEN = """\
format: 1
id: broken
version: "1.0"
title: {zh: 坏, en: Broken}
scoring:
  grades:
    - {grade: A, min: 90, label: {zh: A, en: A}}
    - {grade: B, min: 95, label: {zh: B, en: B}}
  rules:
    - {when: section-below, percent: 80, cap: X}
sections:
  - id: S1
    title: {zh: 一, en: One}
    questions:
      - {id: Q1, type: yesno, text: {zh: 问, en: Q}}
      - id: Q2
        type: yes-no
        text: {zh: 问, en: Q}
        guidance: {zh: 证据, en: Evidence}
        show_if: {question: Q3, equals: "yes"}
      - {id: Q3, type: yes-no, text: {zh: 问, en: Q}, guidance: {zh: 证, en: E}}
      - {id: Q2, type: vda, text: {zh: 问, en: Q}, guidance: {zh: 证, en: E}}
"""


def write(tmp_path: Path, text: str, name: str = "broken.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_schema_problems_are_located(tmp_path: Path) -> None:
    problems = checklists.check_file(write(tmp_path, BROKEN))
    found = {(p.line, p.path) for p in problems}
    assert (3, "version") in found
    assert (15, "sections[0].questions[0].type") in found
    assert all(p.file.endswith("broken.yaml") for p in problems)


def test_semantic_problems_are_located(tmp_path: Path) -> None:
    text = BROKEN.replace('"1.0"', '"1.0.0"').replace("type: yesno", "type: yes-no")
    problems = checklists.check_file(write(tmp_path, text))
    by_path = {p.path: (p.line, p.message.en) for p in problems}
    assert by_path["sections[0].questions[3].id"][0] == 22
    assert "already used" in by_path["sections[0].questions[3].id"][1]
    assert "comes later" in by_path["sections[0].questions[1].show_if.question"][1]
    assert by_path["sections[0].questions[1].show_if.question"][0] == 20
    grade_messages = [p.message.en for p in problems if p.path == "scoring.grades[1].min"]
    assert any("min must fall" in m for m in grade_messages)
    assert any("the last grade needs min 0" in m for m in grade_messages)
    assert "not one of the grades" in by_path["scoring.rules[0].cap"][1]
    assert "guidance" in by_path["sections[0].questions[0]"][1]


def test_yaml_syntax_error_is_located(tmp_path: Path) -> None:
    problems = checklists.check_file(write(tmp_path, "format: 1\nid: [x\n"))
    assert len(problems) == 1
    assert problems[0].line == 3 or problems[0].line == 2
    assert "not valid YAML" in problems[0].message.en


def test_duplicate_keys_and_wrong_id(tmp_path: Path) -> None:
    text = BROKEN.replace("id: broken", "id: other\nid: broken2")
    problems = checklists.check_file(write(tmp_path, text))
    messages = [str(p) for p in problems]
    assert any("broken.yaml:3: id: the key 'id' is given twice" in m for m in messages)


def test_load_raises_with_every_problem(tmp_path: Path) -> None:
    with pytest.raises(ChecklistError) as info:
        checklists.load_file(write(tmp_path, BROKEN))
    assert len(info.value.problems) >= 2
    assert "broken.yaml:3" in str(info.value)
    # the same problems, located the same way, in Chinese (the app shows the UI language)
    chinese = info.value.message("zh").splitlines()
    english = info.value.message("en").splitlines()
    assert len(chinese) == len(english) == len(info.value.problems)
    assert any("broken.yaml:3：version：此处不允许" in line for line in chinese), chinese


def test_checklist_problems_read_in_chinese(tmp_path: Path) -> None:
    text = BROKEN.replace("id: broken", "id: other\nid: broken2")
    (duplicate,) = [p for p in checklists.check_file(write(tmp_path, text)) if p.line == 3]
    assert duplicate.text().zh.endswith("broken.yaml:3：id：键 'id' 出现了两次")
    assert duplicate.text().en.endswith("broken.yaml:3: id: the key 'id' is given twice")
    missing = checklists.check_file(tmp_path / "nope.yaml")[0]
    assert missing.message.zh == "没有这个文件"


def test_not_a_mapping_and_missing_file(tmp_path: Path) -> None:
    assert (
        "a checklist is a mapping" in checklists.check_file(write(tmp_path, "- 1\n"))[0].message.en
    )
    assert checklists.check_file(tmp_path / "nope.yaml")[0].message.en == "no such file"


def test_frozen_copy_round_trips() -> None:
    vda = checklists.builtin().load("vda63-process")
    again = checklists.from_frozen(dict(vda.source))
    assert again == vda
    assert [q.id for q in again.questions()] == [q.id for q in vda.questions()]


def test_nested_repeat_is_refused(tmp_path: Path) -> None:
    text = """\
format: 1
id: nested
version: "1.0.0"
title: {zh: 嵌套, en: Nested}
scoring: {grades: [{grade: A, min: 0, label: {zh: A, en: A}}]}
sections:
  - id: S
    title: {zh: 外, en: Outer}
    repeat: {label: {zh: 工序, en: Step}}
    sections:
      - id: T
        title: {zh: 内, en: Inner}
        repeat: {label: {zh: 班次, en: Shift}}
        questions: [{id: Q, type: text, text: {zh: 问, en: Q}}]
"""
    problems = checklists.check_file(write(tmp_path, text, "nested.yaml"))
    assert [(p.path, p.line) for p in problems] == [("sections[0].sections[0].repeat", 13)]
    assert "cannot nest" in problems[0].message.en
