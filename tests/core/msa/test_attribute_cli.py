"""``qclinic msa attribute``: JSON and text output, bad input located with exit code 2."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qclinic.commands.spc import register
from qclinic.errors import UserError

DATA = Path(__file__).resolve().parent / "data"
BEARINGS = str(DATA / "attribute_jasp_bearings.csv")
COLUMNS = ["--part-col", "part", "--appraiser-col", "appraiser", "--value-col", "value"]


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="qclinic")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_json_has_the_aiag_tables(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["msa", "attribute", BEARINGS, *COLUMNS, "--trial-col", "trial"]
    assert run([*argv, "--reference-col", "reference", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["analysis"] == "attribute_agreement"
    assert [row["appraiser"] for row in out["within"]] == ["EG", "BL", "MH"]
    # JASP test-msaAttribute.R LF1.10: Fleiss' kappa between appraisers 0.641666666666666.
    assert out["between"]["kappa"]["kappa"] == pytest.approx(0.641666666666666)
    assert {(p["first"], p["second"]) for p in out["pairwise"]} == {
        ("EG", "BL"), ("EG", "MH"), ("BL", "MH"),
    }  # fmt: skip


def test_text_summary_without_trial_column(capsys: pytest.CaptureFixture[str]) -> None:
    # Without --trial-col an appraiser's ratings of a part are trials 1, 2, 3 in file order,
    # which is how the file is sorted: the same result as with the trial column.
    assert run(["msa", "attribute", BEARINGS, *COLUMNS, "--reference-col", "reference"]) == 0
    text = capsys.readouterr().out
    assert "between appraisers: 9/15 = 60.00 %" in text
    assert "all appraisers vs standard: 7/15 = 46.67 %" in text
    assert "verdict (all vs standard): marginal" in text


def test_bad_input_exits_2_with_a_located_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("part,appraiser,value\n1,A,ok\n2,A,ng\n1,B,ok\n,B,ok\n", encoding="utf-8")
    env = {**os.environ, "QCLINIC_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "qclinic", "msa", "attribute", str(bad), *COLUMNS],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert "bad.csv: row 5, column part is blank" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_duplicate_trial_is_located_by_spreadsheet_row(tmp_path: Path) -> None:
    bad = tmp_path / "twice.csv"
    bad.write_text(
        "part,appraiser,trial,value\n1,A,1,ok\n1,A,2,ok\n2,A,1,ng\n2,A,1,ok\n", encoding="utf-8"
    )
    with pytest.raises(UserError, match="row 5: appraiser A rated part 2 twice in trial 1"):
        run(["msa", "attribute", str(bad), *COLUMNS, "--trial-col", "trial"])
