"""Gage linearity and bias against the AIAG MSA 4th edition example."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from qclinic.core.msa import linearity_study
from qclinic.errors import UserError

DATA = Path(__file__).resolve().parent / "data"


def load() -> tuple[list[str], list[str]]:
    with (DATA / "gage_linearity_aiag.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [r["reference"] for r in rows], [r["measurement"] for r in rows]


def test_aiag_linearity_example() -> None:
    # AIAG MSA 4th ed., linearity example (5 references x 12 readings; Minitab GAGELIN data):
    # bias = 0.7367 - 0.1317 x reference, R^2 = 0.714 (Minitab: slope -0.13167, constant
    # 0.73667, R-Sq 71.4 %, %Linearity 13.2). SPC for Excel's report of the same data: s = 0.240,
    # SE(intercept) 0.0725, SE(slope) 0.0109, t = 10.16 and -12.04.
    result = linearity_study(*load(), process_variation=6 * 2.756)
    assert result.slope == pytest.approx(-0.13167, abs=5e-6)
    assert result.intercept == pytest.approx(0.73667, abs=5e-6)
    assert result.r_squared == pytest.approx(0.7143, abs=5e-5)
    assert result.s == pytest.approx(0.240, abs=5e-4)
    assert result.intercept_se == pytest.approx(0.0725, abs=5e-5)
    assert result.slope_se == pytest.approx(0.0109, abs=5e-5)
    assert result.intercept_t == pytest.approx(10.16, abs=5e-3)
    assert result.slope_t == pytest.approx(-12.04, abs=5e-3)
    assert result.percent_linearity == pytest.approx(13.17, abs=5e-3)
    out = result.to_dict()
    # SPC for Excel, process sigma 2.756: Linearity = 6 x 2.756 x |slope| = 2.177.
    assert out["linearity"] == pytest.approx(2.177, abs=5e-4)
    json.dumps(out, allow_nan=False)


def test_aiag_bias_per_reference() -> None:
    # Bias per reference with its own readings (AIAG independent-sample method), as published
    # in SPC for Excel's report of this data: bias 0.492/0.125/0.025/-0.292/-0.617, t 13.73,
    # 0.968, 0.442, 10.14, 14.56, p 0.000, 0.354, 0.667, 0.000, 0.000, %Bias 2.97 % at 2.0;
    # average bias -0.0533, t 1.729, p 0.089 (pooled repeatability).
    rows = linearity_study(*load(), process_variation=6 * 2.756).bias_rows
    average, *levels = rows
    assert average["bias"] == pytest.approx(-0.0533, abs=5e-5)
    assert average["t"] == pytest.approx(1.729, abs=5e-4)
    assert average["p"] == pytest.approx(0.089, abs=5e-4)
    published = [(2.0, 0.492, 13.73, 0.000), (4.0, 0.125, 0.968, 0.354), (6.0, 0.025, 0.442, 0.667),
                 (8.0, -0.292, 10.14, 0.000), (10.0, -0.617, 14.56, 0.000)]  # fmt: skip
    for row, (reference, bias, t, p) in zip(levels, published, strict=True):
        assert row["reference"] == reference
        assert row["bias"] == pytest.approx(bias, abs=5e-4)
        assert row["t"] == pytest.approx(t, abs=5e-3)
        assert row["p"] == pytest.approx(p, abs=5e-4)
    assert levels[0]["percent_bias"] == pytest.approx(2.97, abs=5e-3)


def test_bad_linearity_input() -> None:
    references, values = load()
    with pytest.raises(UserError, match="position 3"):
        linearity_study(references, [*values[:2], "x", *values[3:]])
    with pytest.raises(UserError, match="different lengths"):
        linearity_study(references[:-1], values)
    with pytest.raises(UserError, match="2 different reference"):
        linearity_study(["2.0"] * 5, ["2.1", "2.2", "2.0", "1.9", "2.3"])
