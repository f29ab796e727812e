"""Capability verdict, the ndc judgement, chart constants and printed digits in the CLI
(issue 9, items 13, 17 and 18).

Verdict thresholds: Cpk >= 1.67 capable for a new process or critical characteristic, >= 1.33
capable, 1.00-1.33 conditionally capable, < 1.00 not capable (the customer reading of the AIAG
SPC manual / PPAP requirements, as in docs/SPC.md). ndc >= 5 (AIAG MSA 4th ed.).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from spc_test_data import DATA

from qclinic.commands.spc import register
from qclinic.core.spc.capability import capability_verdict
from qclinic.errors import UserError

MSA_DATA = Path(__file__).resolve().parent.parent / "msa" / "data"
COLUMNS = ["--columns", "obs1,obs2,obs3,obs4,obs5"]


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="qclinic")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.func(args))


@pytest.mark.parametrize(
    ("cpk", "level"),
    [(2.0, "capable_new"), (1.67, "capable_new"), (1.669, "capable"), (1.33, "capable"),
     (1.329, "conditional"), (1.0, "conditional"), (0.999, "not_capable"), (-0.59, "not_capable")],
)  # fmt: skip
def test_verdict_levels_at_the_thresholds(cpk: float, level: str) -> None:
    verdict = capability_verdict(cpk)
    assert verdict is not None and verdict["level"] == level
    assert verdict["thresholds"] == {"new_process": 1.67, "capable": 1.33, "conditional": 1.0}
    assert verdict["text"]["en"] and verdict["text"]["zh"]


def test_verdict_thresholds_are_configurable_and_checked() -> None:
    assert capability_verdict(1.5, (2.0, 1.6, 1.2))["level"] == "conditional"  # type: ignore[index]
    assert capability_verdict(None) is None
    for bad in ((1.0, 1.33, 1.67), (1.67, 1.33), (1.67, 1.33, 0.0), ("a", 1, 1)):
        with pytest.raises(UserError, match="capability thresholds"):
            capability_verdict(1.0, bad)


def test_cli_json_has_constants_decimals_and_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["spc", "analyze", str(DATA / "pistonrings.csv"), "--chart", "xbar-r", *COLUMNS,
                "--phase1", "1-25", "--lsl", "73.95", "--usl", "74.05", "--json"]) == 0  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    assert out["constants"] == "tabled" and out["decimals"] == 4
    assert out["capability"]["constants"] == "tabled"
    assert out["capability"]["verdict"]["level"] == "capable"  # Cpk 1.663
    assert run(["spc", "analyze", str(DATA / "pistonrings.csv"), "--chart", "xbar-r", *COLUMNS,
                "--phase1", "1-25", "--lsl", "73.95", "--usl", "74.05", "--json",
                "--constants", "exact", "--cpk-thresholds", "1.5,1.4,1.2"]) == 0  # fmt: skip
    exact = json.loads(capsys.readouterr().out)
    assert exact["constants"] == "exact" and exact["sigma"] != out["sigma"]
    assert exact["capability"]["verdict"]["level"] == "capable_new"
    with pytest.raises(UserError, match="--cpk-thresholds must look like"):
        run(["spc", "analyze", str(DATA / "pistonrings.csv"), "--chart", "xbar-r", *COLUMNS,
             "--cpk-thresholds", "high"])  # fmt: skip


def test_cli_text_prints_the_data_digits_constants_and_verdict(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(["spc", "analyze", str(DATA / "pistonrings.csv"), "--chart", "xbar-r", *COLUMNS,
                "--phase1", "1-25", "--lsl", "73.95", "--usl", "74.05"]) == 0  # fmt: skip
    text = capsys.readouterr().out
    assert "xbar: center 74.0012, UCL 74.0143, LCL 73.9880" in text
    assert "chart constants as tabled (Montgomery App. VI)" in text
    assert "verdict: capable (Cpk ≥ 1.33)" in text


def test_grr_text_says_ndc_below_5_is_inadequate(capsys: pytest.CaptureFixture[str]) -> None:
    # AIAG MSA 4th ed. study (ANOVA): %GRR 27.86 % is conditional, but ndc = 4 < 5.
    assert run(["msa", "grr", str(MSA_DATA / "gage_aiag.csv"), "--part-col", "part",
                "--operator-col", "operator", "--value-col", "measurement"]) == 0  # fmt: skip
    text = capsys.readouterr().out
    assert "verdict: %GRR conditionally acceptable" in text
    assert "ndc = 4 < 5: inadequate, the gage cannot tell parts apart" in text
    assert run(["msa", "grr", str(MSA_DATA / "gage_aiag.csv"), "--part-col", "part",
                "--operator-col", "operator", "--value-col", "measurement", "--json"]) == 0  # fmt: skip
    verdict = json.loads(capsys.readouterr().out)["verdict"]
    assert verdict["ndc_adequate"] is False and "inadequate" in verdict["ndc_text"]["en"]
    assert "不足" in verdict["ndc_text"]["zh"]
