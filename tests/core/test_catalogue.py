"""The bilingual catalogue: complete, consistent, and every key the source uses exists.

These checks run over every area, the ones other parts of the code add as well.
"""

from __future__ import annotations

import ast
import re
import string
from importlib import import_module
from pathlib import Path

import pytest

from qclinic.core import catalogue
from qclinic.core.catalogue import AREAS, find, keys, say, text
from qclinic.core.text import Text

SOURCE = Path(catalogue.__file__).parents[2]  # the qclinic package
CALLS = {"text", "say", "find", "BadAnswer"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _area_modules() -> list[tuple[str, Path]]:
    folder = Path(catalogue.__file__).parent
    return [(area, folder / f"{area}.py") for area in AREAS if (folder / f"{area}.py").exists()]


def test_every_area_module_is_declared() -> None:
    folder = Path(catalogue.__file__).parent
    found = {p.stem for p in folder.glob("*.py")} - {"__init__"}
    assert found <= set(AREAS), f"area modules not in AREAS: {found - set(AREAS)}"


@pytest.mark.parametrize(("area", "path"), _area_modules(), ids=lambda v: str(v))
def test_an_area_is_a_plain_table_without_repeated_keys(area: str, path: Path) -> None:
    """``ENTRIES`` maps keys to (zh, en) pairs of strings; a key written twice would be lost."""
    table = import_module(f"qclinic.core.catalogue.{area}").ENTRIES
    assert isinstance(table, dict) and table
    for key, pair in table.items():
        assert isinstance(key, str) and key == key.strip() and key
        assert isinstance(pair, tuple) and len(pair) == 2, key
    tree = ast.parse(path.read_text(encoding="utf-8"))
    written = [
        node.value
        for assign in ast.walk(tree)
        if isinstance(assign, ast.Dict)
        for node in assign.keys
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    repeated = {k for k in written if written.count(k) > 1}
    assert not repeated, f"{path.name}: keys written twice: {sorted(repeated)}"


def test_every_entry_has_both_languages_with_the_same_placeholders() -> None:
    problems = []
    for key in sorted(keys()):
        entry = find(key)
        assert entry is not None
        if not entry.zh.strip() or not entry.en.strip():
            problems.append(f"{key}: an empty part")
            continue
        if _fields(entry.zh) != _fields(entry.en):
            problems.append(f"{key}: zh {_fields(entry.zh)} vs en {_fields(entry.en)}")
        if entry.zh != entry.zh.strip() or entry.en != entry.en.strip():
            problems.append(f"{key}: leading or trailing blanks")
    assert not problems, "\n".join(problems)


def test_chinese_parts_are_chinese() -> None:
    """A zh part that is plain ASCII prose is an untranslated English copy (short codes and
    names such as "Nelson", "EWMA" or "N/A"-like marks are fine)."""
    suspicious = [
        key
        for key in keys()
        if (entry := find(key)) is not None
        and entry.zh == entry.en
        and len(re.findall(r"[A-Za-z]{3,}", entry.zh)) > 2
    ]
    assert not suspicious, suspicious


def _used_keys() -> list[tuple[str, int, str, bool]]:
    """Every catalogue key the source names: (file, line, key or pattern, is a pattern)."""
    areas = tuple(f"{area}." for area in AREAS)
    used = []
    for path in SOURCE.rglob("*.py"):
        inside = path.relative_to(SOURCE).parts
        if "catalogue" in inside or "forms" in inside:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.IfExp):  # key = "spc.a" if … else "spc.b"; text(key)
                for branch in (node.body, node.orelse):
                    if isinstance(branch, ast.Constant) and str(branch.value).startswith(areas):
                        used.append((str(path), node.lineno, branch.value, False))
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in CALLS:
                continue
            first = node.args[0]
            where = str(path.relative_to(SOURCE.parent))
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if first.value.startswith(areas):
                    used.append((where, node.lineno, first.value, False))
            elif isinstance(first, ast.JoinedStr):
                pattern = "".join(
                    re.escape(part.value) if isinstance(part, ast.Constant) else ".+"
                    for part in first.values
                )
                if pattern.startswith(tuple(re.escape(a) for a in areas)):
                    used.append((where, node.lineno, pattern, True))
    return used


def test_every_key_the_source_uses_exists() -> None:
    used = _used_keys()
    assert len(used) > 100  # the scan sees the code (a broken scan would pass vacuously)
    known = keys()
    missing = [
        f"{where}:{line}: {key}"
        for where, line, key, is_pattern in used
        if (not any(re.fullmatch(key, k) for k in known) if is_pattern else key not in known)
    ]
    assert not missing, "\n".join(missing)


def test_every_report_word_the_reports_use_exists() -> None:
    """The reports name their words without the area: ``t("title", lang)`` is reports.title."""
    missing = []
    for path in (SOURCE / "reports").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "t"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and f"reports.{node.args[0].value}" not in keys()
            ):
                missing.append(f"{path.name}:{node.lineno}: {node.args[0].value}")
    assert not missing, missing


def test_text_fills_placeholders_and_a_text_field_in_each_language() -> None:
    where = text("spc.cell", row=7, column="x3")
    message = text("spc.cell_blank", source="data.csv", where=where)
    assert message == Text("data.csv：第 7 行、x3 列为空", "data.csv: row 7, column x3 is blank")
    assert say("spc.cell", "zh-CN", row=1, column="a") == "第 1 行、a 列"
    assert say("spc.cell", "en", row=1, column="a") == "row 1, column a"
    assert find("spc.no-such-key") is None
    with pytest.raises(KeyError):
        text("spc.no-such-key")


def test_a_user_error_from_the_catalogue_reads_in_either_language() -> None:
    from qclinic.core.spc.tabular import parse_text
    from qclinic.errors import UserError

    with pytest.raises(UserError) as raised:
        parse_text("a,b\n1,x\n").numbers("b")
    assert raised.value.message("zh") == "pasted data：第 2 行、b 列：'x' 不是数字"
    assert raised.value.message("en") == "pasted data: row 2, column b: 'x' is not a number"
