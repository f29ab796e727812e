"""Hostile or careless checklist files (issue 9, item 8): every one is a located problem, fast.

Non-finite and absurd numbers, YAML alias bombs, deep nesting, floods of problems, and ids that
try to reach outside the library.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qclinic import paths
from qclinic.core import checklists
from qclinic.core.checklists import ChecklistError
from qclinic.errors import UserError

NQI = paths.builtin_checklists_dir() / "nqi-clinic.yaml"


def variant(tmp_path: Path, old: str, new: str, name: str = "nqi-clinic.yaml") -> Path:
    text = NQI.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("weight", [".nan", ".inf", "-.inf", ".NaN", "1.0e+308", "1.0e+13"])
def test_non_finite_or_absurd_weights_are_refused(tmp_path: Path, weight: str) -> None:
    path = variant(tmp_path, "weight: 1.5", f"weight: {weight}")
    (problem,) = checklists.check_file(path)
    assert problem.path == "sections[0].weight" and problem.line is not None
    assert "finite" in problem.message.en or "too large" in problem.message.en


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("min: 0", "min: .nan", ".min"),
        ("percent: 20", "percent: .inf", "scoring.rules[2].percent"),
        ("- {grade: A, min: 85,", "- {grade: A, min: .nan,", "scoring.grades[0].min"),
    ],
)
def test_non_finite_numbers_anywhere_are_located(
    tmp_path: Path, old: str, new: str, where: str
) -> None:
    source = NQI if old != "min: 0" else paths.builtin_checklists_dir() / "msa.yaml"
    text = source.read_text(encoding="utf-8")
    path = tmp_path / source.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = checklists.check_file(path)
    assert len(problems) == 1 and where in problems[0].path, problems
    assert "finite" in problems[0].message.en


def test_a_frozen_copy_with_nan_is_refused_not_scored() -> None:
    # NaN weights made scoring ignore every answer; a synced frozen copy is checked again
    checklist = checklists.builtin().load("nqi-clinic")
    source = dict(checklist.source)
    source["sections"] = [
        {**source["sections"][0], "weight": float("nan")},
        *source["sections"][1:],
    ]
    with pytest.raises(ChecklistError, match=r"sections\[0\]\.weight"):
        checklists.from_frozen(source)


def _bomb(levels: int, width: int = 10) -> str:
    lines = ["format: 1", "a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * width) + "]")
    lines.append(f"sections: [*a{levels - 1}]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(_bomb(30), encoding="utf-8")  # 10^30 nodes once expanded: never finishes
    (problem,) = checklists.check_file(path)  # returns at all: refused before expanding
    assert problem.line == 2 and "aliases" in problem.message.en
    assert len(str(problem)) < 200


def test_a_million_aliases_give_one_short_message(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    items = ", ".join(["&x 1", *["*x"] * 1_000_000])  # each item "not an object": 10^6 problems
    path.write_text(
        'format: 1\nid: many\nversion: "1.0.0"\ntitle: {zh: 多, en: Many}\n'
        "scoring: {grades: [{grade: A, min: 0, label: {zh: 甲, en: A}}]}\n"
        f"sections: [{items}]\n",
        encoding="utf-8",
    )
    problems = checklists.check_file(path)
    assert len(problems) == 1 and len(str(problems[0])) < 200


def test_even_one_anchor_is_refused_and_the_docs_say_so(tmp_path: Path) -> None:
    path = variant(tmp_path, "weight: 1.5", "weight: &w 1.5")
    (problem,) = checklists.check_file(path)
    assert "anchors and aliases" in problem.message.en and problem.line is not None
    docs = (Path(__file__).parents[2] / "docs" / "CHECKLIST_FORMAT.md").read_text("utf-8")
    assert "aliases" in docs


@pytest.mark.parametrize("text", ["a: " + "[" * 100_000 + "]" * 100_000, "x: " + "{a: " * 5000])
def test_deep_nesting_is_a_located_problem(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    problems = checklists.check_file(path)
    assert len(problems) == 1 and problems[0].line == 1
    assert "deep" in problems[0].message.en or "YAML" in problems[0].message.en


def test_a_flood_of_problems_is_cut_short(tmp_path: Path) -> None:
    questions = "\n".join(
        f"      - {{id: Q{n}, type: yes-no, text: {{zh: 问, en: Q}}}}" for n in range(5000)
    )  # 5000 scored questions without guidance: 5000 problems
    path = tmp_path / "flood.yaml"
    path.write_text(
        'format: 1\nid: flood\nversion: "1.0.0"\ntitle: {zh: 多, en: Many}\n'
        "scoring:\n  grades: [{grade: A, min: 0, label: {zh: 甲, en: A}}]\n"
        "sections:\n  - id: S\n    title: {zh: 节, en: S}\n    questions:\n" + questions + "\n",
        encoding="utf-8",
    )
    problems = checklists.check_file(path)
    assert len(problems) == checklists.loader.MAX_PROBLEMS + 1
    assert problems[-1].message.en == "… and 4950 more"


@pytest.mark.parametrize("name", ["../../x", "../nqi-clinic", "/etc/passwd", "NQI", "a/b"])
def test_an_id_never_reaches_outside_the_library(tmp_path: Path, name: str) -> None:
    # a copy of a real checklist sits where "../../x" would have led from the library folder
    library = checklists.Library(tmp_path / "lib" / "checklists")
    library.folder.mkdir(parents=True)
    (tmp_path / "x.yaml").write_text(NQI.read_text("utf-8").replace("id: nqi-clinic", "id: x"))
    with pytest.raises(UserError, match="not a checklist id"):
        library.load(name)
