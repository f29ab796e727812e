"""``--lang`` and the locale decide the language of the command line's messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from qclinic import cli
from qclinic.core.catalogue import say

BAD_CSV = "a,b\n1,2\n3,x\n"


def _analyze(tmp_path: Path, *options: str) -> list[str]:
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")
    spc = ["spc", "analyze", str(bad), "--chart", "xbar-r", "--columns", "a,b"]
    return [*options, *spc, "--missing", "error"]


def test_a_bad_csv_with_lang_zh_is_told_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.run(_analyze(tmp_path, "--lang", "zh"))
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == "错误：bad.csv：第 3 行、b 列：'x' 不是数字"
    assert "row 3" not in err and "Traceback" not in err


def test_a_bad_csv_with_lang_en_is_told_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.run(_analyze(tmp_path, "--lang", "en"))
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == "error: bad.csv: row 3, column b: 'x' is not a number"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),  # LC_ALL wins
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_without_lang_the_locale_decides(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: str
) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert cli.message_language(None) == expected
    assert cli.message_language("en") == "en"


def test_a_chinese_locale_gives_chinese_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code = cli.run(_analyze(tmp_path))
    assert code == 2
    assert capsys.readouterr().err.startswith("错误：bad.csv：第 3 行")


def test_a_medium_error_follows_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder", encoding="utf-8")
    code = cli.run(["--lang", "zh", "--data-dir", str(a_file), "demo"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("错误：") and "数据文件夹是一个文件" in err


def test_the_global_lang_is_the_default_of_a_commands_own(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``checklists show`` prints Chinese by default; a --lang before the command overrides it."""
    assert cli.run(["--lang", "en", "checklists", "show", "spc"]) == 0
    english = capsys.readouterr().out
    assert cli.run(["checklists", "show", "spc"]) == 0
    chinese = capsys.readouterr().out
    assert english.startswith("Statistical process control (SPC)")
    assert chinese.startswith("统计过程控制（SPC）")


def test_the_prefix_is_in_the_catalogue() -> None:
    assert say("common.error", "zh", message="x") == "错误：x"
    assert say("common.error", "en", message="x") == "error: x"


def test_checklist_problems_follow_lang(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: broken\nid: again\n", encoding="utf-8")
    assert cli.run(["--lang", "zh", "checklists", "validate", str(broken)]) == 2
    chinese = capsys.readouterr().err
    assert cli.run(["checklists", "validate", str(broken)]) == 2  # the locale: English here
    english = capsys.readouterr().err
    assert f"{broken}:3：id：键 'id' 出现了两次" in chinese
    assert f"{broken}:3: id: the key 'id' is given twice" in english
