"""Tabular input (CSV, pasted text, XLSX) and the spc/msa sub-commands, with bad input."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from spc_test_data import DATA

from qclinic.commands.spc import register
from qclinic.core.spc import attribute_chart, imr_chart, xbar_chart
from qclinic.core.spc.tabular import long_subgroups, parse_text, read_table, wide_subgroups
from qclinic.errors import UserError

MSA_DATA = Path(__file__).resolve().parent.parent / "msa" / "data"
REPO = Path(__file__).resolve().parents[3]


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="qclinic")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.func(args))


# ---- tabular -------------------------------------------------------------------------------


def test_semicolon_csv_with_decimal_comma() -> None:
    table = parse_text("a;b\n1,5;2\n3;4,25\n")
    assert wide_subgroups(table, ["a", "b"]).tolist() == [[1.5, 2.0], [3.0, 4.25]]


def test_pasted_excel_text_reports_row_and_column() -> None:
    table = parse_text("x1\tx2\n1\t2\n3\tabc\n")
    with pytest.raises(UserError, match=r"row 3, column x2: 'abc' is not a number"):
        wide_subgroups(table, ["x1", "x2"])
    blank = parse_text("x1\tx2\n1\t\n")
    with pytest.raises(UserError, match="row 2, column x2 is blank"):
        wide_subgroups(blank, ["x1", "x2"])
    infinite = parse_text("x1,x2\n1,inf\n2,3\n")
    with pytest.raises(UserError, match="row 2, column x2"):
        wide_subgroups(infinite, ["x1", "x2"])


def test_long_layout_and_unequal_subgroups(tmp_path: Path) -> None:
    table = parse_text("v,g\n1,a\n2,a\n3,b\n4,b\n5,c\n")
    with pytest.raises(UserError, match="subgroup c has 1 values"):
        long_subgroups(table, "v", "g")
    matrix, labels = long_subgroups(parse_text("v,g\n1,a\n2,a\n3,b\n4,b\n"), "v", "g")
    assert matrix.tolist() == [[1.0, 2.0], [3.0, 4.0]] and labels == ["a", "b"]


def test_xlsx_reading(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["o1", "o2"])
    sheet.append([1.0, 2.0])
    sheet.append([3, "bad"])
    path = tmp_path / "data.xlsx"
    workbook.save(path)
    table = read_table(path)
    with pytest.raises(UserError, match="row 3, column o2"):
        wide_subgroups(table, ["o1", "o2"])
    assert table.numbers("o1").tolist() == [1.0, 3.0]


def test_missing_column_and_file(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no column 'zz'"):
        parse_text("a,b\n1,2\n").column("zz")
    with pytest.raises(UserError, match="file not found"):
        read_table(tmp_path / "nope.csv")


# ---- engine bad input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "match"),
    [([[1.0, 2.0]], "at least 2 subgroups"),
     # NaN is a missing value (issue 10): a subgroup left with one value cannot give a range
     ([[1.0, float("nan")], [2.0, 3.0]], "subgroup 1 has only 1 value"),
     ([[float("nan"), float("nan")], [2.0, 3.0]], "subgroup 1 has no values"),
     ([[1.0, "abc"], [2.0, 3.0]], "not a number"),
     ([[1.0, float("inf")], [2.0, 3.0]], "infinite"),
     ([[1.0, 1.0], [2.0, 2.0]], "zero variation"),
     (np.ones((3, 26)) + np.arange(26), "over 25"),
     ([[1.0, 2.0], [1.0]], "subgroup 2 has only 1 value")],
)  # fmt: skip
def test_xbar_bad_input(data: object, match: str) -> None:
    with pytest.raises(UserError, match=match):
        xbar_chart(data)


def test_attribute_bad_input() -> None:
    with pytest.raises(UserError, match="sample 2 has a negative count"):
        attribute_chart("p", [1, -2, 3], 10)
    with pytest.raises(UserError, match="sample 2 has size 0"):
        attribute_chart("p", [1, 2, 3], [10, 0, 10])
    with pytest.raises(UserError, match="only 5 inspected"):
        attribute_chart("p", [1, 7, 3], [10, 5, 10])
    with pytest.raises(UserError, match="constant sample size"):
        attribute_chart("np", [1, 2, 3], [10, 11, 10])
    with pytest.raises(UserError, match="zero variation"):
        attribute_chart("c", [0, 0, 0])


def test_exclusion_needs_a_reason_and_phase_bounds() -> None:
    with pytest.raises(UserError, match="needs a recorded reason"):
        imr_chart([1.0, 2.0, 3.0, 2.0], exclude={1: "  "})
    with pytest.raises(UserError, match="phase I range"):
        imr_chart([1.0, 2.0, 3.0, 2.0], phase1=(2, 9))
    with pytest.raises(UserError, match="at least 2"):
        imr_chart([1.0])


# ---- CLI -------------------------------------------------------------------------------------


def test_cli_xbar_r_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["spc", "analyze", str(DATA / "pistonrings.csv"), "--chart", "xbar-r",
                "--columns", "obs1,obs2,obs3,obs4,obs5", "--phase1", "1-25",
                "--lsl", "73.95", "--usl", "74.05", "--json"])  # fmt: skip
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["chart"] == "xbar-r" and out["phase2_points"] == 15
    assert out["charts"][0]["ucl"] == pytest.approx(74.0143, abs=1e-4)
    assert out["capability"]["indices"]["cp"] > 1.5
    assert {v["rule"] for v in out["charts"][0]["violations"]} >= {1}


def test_cli_text_summary_and_rule_list(capsys: pytest.CaptureFixture[str]) -> None:
    code = run(["spc", "analyze", str(DATA / "hardbake_flowwidth.csv"), "--chart", "xbar-s",
                "--columns", "obs1,obs2,obs3,obs4,obs5",
                "--rules", "1,2,5", "--rule-k", "2=8"])  # fmt: skip
    assert code == 0
    assert "Chart xbar-s: 25 points" in capsys.readouterr().out


def test_cli_long_layout_ewma_cusum_attributes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_file = tmp_path / "long.csv"
    rows = ["value,batch"] + [f"{v},{i // 2}" for i, v in enumerate(np.linspace(9, 11, 20))]
    long_file.write_text("\n".join(rows) + "\n")
    for chart, extra in (("ewma", ["--lambda", "0.1", "--steady-state"]),
                         ("cusum", ["--k", "0.5", "--h", "4", "--headstart", "0.5"])):  # fmt: skip
        assert run(["spc", "analyze", str(long_file), "--chart", chart, "--value-col", "value",
                    "--subgroup-col", "batch", "--json", *extra]) == 0  # fmt: skip
        assert json.loads(capsys.readouterr().out)["chart"] == chart
    counts = tmp_path / "counts.csv"
    counts.write_text("d;n\n3;50\n5;50\n4;50\n6;50\n")
    assert run(["spc", "analyze", str(counts), "--chart", "u", "--count-col", "d",
                "--size-col", "n", "--json"]) == 0  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    assert out["charts"][0]["center"] == pytest.approx(18 / 200)


def test_cli_bad_input_raises_user_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n3,x\n")
    with pytest.raises(UserError, match="row 3, column b"):
        run(["spc", "analyze", str(bad), "--chart", "xbar-r", "--columns", "a,b",
             "--missing", "error"])  # fmt: skip
    # by default the cell is left out; the subgroup it leaves too small is named with it
    with pytest.raises(UserError, match=r"subgroup 2 has only 1 value.*row 3 column b 'x'"):
        run(["spc", "analyze", str(bad), "--chart", "xbar-r", "--columns", "a,b"])
    with pytest.raises(UserError, match="phase1"):
        run(["spc", "analyze", str(bad), "--chart", "imr", "--value-col", "a", "--phase1", "x"])
    with pytest.raises(UserError, match="--count-col"):
        run(["spc", "analyze", str(bad), "--chart", "c"])


def test_cli_msa(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["msa", "grr", str(MSA_DATA / "gage_aiag.csv"), "--part-col", "part",
                "--operator-col", "operator", "--value-col", "measurement",
                "--method", "xbar-r", "--json"]) == 0  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    assert out["ndc"] == 5 and out["components"]["grr"] == pytest.approx(0.30575, abs=2e-4)
    assert run(["msa", "linearity", str(MSA_DATA / "gage_linearity_aiag.csv"),
                "--reference-col", "reference", "--value-col", "measurement"]) == 0  # fmt: skip
    assert "R^2 = 0.7143" in capsys.readouterr().out


@pytest.mark.skipif(not (REPO / "qclinic" / "__main__.py").exists(), reason="no __main__ yet")
def test_python_m_qclinic_subprocess(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n3,x\n")
    ok = subprocess.run(
        [sys.executable, "-m", "qclinic", "msa", "grr", str(MSA_DATA / "gage_aiag.csv"),
         "--part-col", "part", "--operator-col", "operator", "--value-col", "measurement",
         "--json"],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["ndc"] == 4
    failed = subprocess.run(
        [sys.executable, "-m", "qclinic", "spc", "analyze", str(bad), "--chart", "xbar-r",
         "--columns", "a,b"],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert failed.returncode == 2
    assert "error:" in failed.stderr and "row 3 column b 'x'" in failed.stderr
    assert "Traceback" not in failed.stderr
