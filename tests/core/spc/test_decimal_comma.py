"""Decimal commas and ragged rows in CSV / pasted text (issue 9, item 1).

Excel in German, French or Russian settings writes ``74,000`` for 74.000; a one-column file of
such values used to be split on the comma (74 and 0), giving a wrong chart with exit code 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from qclinic.commands.spc import register
from qclinic.core.spc.tabular import AmbiguousDecimalComma, parse_text, read_table
from qclinic.errors import UserError

REPO = Path(__file__).resolve().parents[3]
VALUES = ["74,000", "73,995", "74,010", "73,990", "74,001", "73,998"]
TRUE_MEAN = float(np.mean([74.000, 73.995, 74.010, 73.990, 74.001, 73.998]))


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="qclinic")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_one_column_with_a_header_reads_decimal_commas() -> None:
    table = parse_text("diameter\n" + "\n".join(VALUES) + "\n")
    assert table.header == ["diameter"]
    assert table.separator == "" and table.decimal_comma
    assert table.numbers("diameter") == pytest.approx([74.0, 73.995, 74.01, 73.99, 74.001, 73.998])


def test_a_pasted_column_without_header_is_ambiguous_until_chosen() -> None:
    text = "\n".join(VALUES) + "\n"
    with pytest.raises(AmbiguousDecimalComma, match=r"decimal comma.*--decimal"):
        parse_text(text)
    one = parse_text(text, decimal="comma")
    assert one.header == ["74,000"] and one.numbers(1) == pytest.approx([73.995, 74.01, 73.99,
                                                                          74.001, 73.998])  # fmt: skip
    two = parse_text(text, decimal="point")
    assert two.header == ["74", "000"] and two.separator == ","


def test_semicolon_and_tab_files_take_decimal_commas() -> None:
    semi = parse_text("a;b\n74,001;73,995\n74;74,0\n")
    assert semi.separator == ";" and semi.numbers("a").tolist() == [74.001, 74.0]
    tab = parse_text("a\tb\n74,001\t73,995\n")
    assert tab.numbers("b").tolist() == [73.995]


def test_a_several_column_header_keeps_the_comma_a_separator() -> None:
    table = parse_text("part,value\n1,5\n2,7\n")
    assert table.separator == "," and not table.decimal_comma
    assert table.numbers("value").tolist() == [5.0, 7.0]


def test_thousands_separators_are_not_guessed() -> None:
    with pytest.raises(UserError, match=r"row 2, column x: '1\.234,5' is not a number"):
        parse_text("x;y\n1.234,5;2\n").numbers("x")
    with pytest.raises(UserError, match="row 2 has 3 cells but the header has 1 column"):
        parse_text("x\n1,234,567\n")


def test_a_ragged_row_is_reported_not_cut() -> None:
    with pytest.raises(UserError, match=r"row 3 has 3 cells but the header has 2 columns \(a, b\)"
                                        r"; the extra cell is '9'"):  # fmt: skip
        parse_text("a,b\n1,2\n3,4,9\n")
    # empty trailing cells (a trailing separator, as spreadsheets write) are no extra data
    assert parse_text("a,b,\n1,2,\n3,4,,\n").numbers("b").tolist() == [2.0, 4.0]


def test_cli_reads_the_column_and_refuses_the_ambiguous_paste(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    headed = tmp_path / "diameter.csv"
    headed.write_text("diameter\n" + "\n".join(VALUES) + "\n", encoding="utf-8")
    assert run(["spc", "analyze", str(headed), "--chart", "imr", "--value-col", "diameter",
                "--lsl", "73.95", "--usl", "74.05", "--json"]) == 0  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    assert out["charts"][0]["center"] == pytest.approx(TRUE_MEAN, abs=1e-9)
    assert out["capability"]["indices"]["cpk"] > 0
    bare = tmp_path / "bare.csv"
    bare.write_text("\n".join(VALUES) + "\n", encoding="utf-8")
    with pytest.raises(AmbiguousDecimalComma):
        run(["spc", "analyze", str(bare), "--chart", "imr", "--value-col", "1"])
    assert run(["spc", "analyze", str(bare), "--chart", "imr", "--value-col", "1",
                "--decimal", "comma", "--json"]) == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out)["points"] == 5
    assert read_table(bare, decimal="point").header == ["74", "000"]


def test_cli_exit_code_2_with_a_located_message(tmp_path: Path) -> None:
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("a,b\n1,2\n3,4,9\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "qclinic", "--data-dir", str(tmp_path / "data"), "spc",
         "analyze", str(ragged), "--chart", "xbar-r", "--columns", "a,b"],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "ragged.csv: row 3 has 3 cells" in done.stderr and "Traceback" not in done.stderr
