"""X-bar-R / X-bar-S with variable subgroup sizes, and empty or non-numeric cells left out.

Data: ``pistonrings_varn_long.csv`` — qcc's "variable control limits" example (R package qcc,
``pistonrings`` less observations 9, 10, 30, 35, 45, 64, 65, 74, 75, 85, 99, 100; subgroups
1-25 have n = 3, 4 or 5). Montgomery, *Introduction to Statistical Quality Control*, §6.3.2 /
Table 6.4 uses the same design (his sample 21 differs in two values).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import statistics
from pathlib import Path

import numpy as np
import pytest

from qclinic.commands.spc import register
from qclinic.core.spc import capability, xbar_chart
from qclinic.core.spc.tabular import long_subgroups, parse_text, read_table, wide_subgroups

DATA = Path(__file__).resolve().parent / "data"
VARN = DATA / "pistonrings_varn_long.csv"

# Montgomery, Appendix VI (as printed)
D2 = {3: 1.693, 4: 2.059, 5: 2.326}
D4 = {3: 2.574, 4: 2.282, 5: 2.114}
A3 = {3: 1.954, 4: 1.628, 5: 1.427}
B4 = {3: 2.568, 4: 2.266, 5: 2.089}


def groups() -> list[list[float]]:
    with VARN.open(newline="") as handle:
        out: dict[str, list[float]] = {}
        for row in csv.DictReader(handle):
            out.setdefault(row["subgroup"], []).append(float(row["value"]))
    return list(out.values())


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="qclinic")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_xbar_variable_limits_match_qcc() -> None:
    # qcc(diameter[1:25, ], type = "xbar") on this data (qcc's demo "variable control limits"):
    # center 74.00075, std.dev 0.009856701 (UWAVE-R: the mean of R_i / d2(n_i)),
    # limits 73.98753 .. 74.01398 for n = 5 and 73.98368 .. 74.01782 for n = 3. qcc's sigma
    # uses the tabled d2 (as here), its limits 3 sigma / sqrt(n_i) where this chart uses the
    # printed A2(n_i) d2(n_i) sigma (A2(5) = 0.577 against 3 / (2.326 sqrt 5) = 0.57676): the
    # limits agree to 1e-5.
    phase1 = groups()[:25]
    analysis = xbar_chart(phase1, dispersion="r")
    out = analysis.to_dict()
    assert out["charts"][0]["center"] == pytest.approx(74.00075, abs=5e-6)
    assert analysis.sigma == pytest.approx(0.009856701, abs=5e-10)
    sizes = out["parameters"]["subgroup_size"]
    assert sizes[:3] == [5, 3, 5]
    ucl, lcl = out["charts"][0]["ucl"], out["charts"][0]["lcl"]
    assert (lcl[0], ucl[0]) == pytest.approx((73.98753, 74.01398), abs=1e-5)
    assert (lcl[1], ucl[1]) == pytest.approx((73.98368, 74.01782), abs=1e-5)


def test_r_chart_limits_per_subgroup_by_hand() -> None:
    # Computed here, not published: the R chart's centre for subgroup i is d2(n_i) sigma and
    # its UCL D4(n_i) d2(n_i) sigma, with sigma = mean(R_i / d2(n_i)) and the printed factors.
    phase1 = groups()[:25]
    sigma = statistics.fmean((max(g) - min(g)) / D2[len(g)] for g in phase1)
    r_chart = xbar_chart(phase1, dispersion="r").to_dict()["charts"][1]
    for i, g in enumerate(phase1):
        assert r_chart["center"][i] == pytest.approx(D2[len(g)] * sigma, rel=1e-12)
        assert r_chart["ucl"][i] == pytest.approx(D4[len(g)] * D2[len(g)] * sigma, rel=1e-12)
        assert r_chart["values"][i] == pytest.approx(max(g) - min(g))
    assert r_chart["lcl"] == 0.0  # D3(n) = 0 for n <= 6: one constant limit


def test_s_chart_uses_montgomery_pooled_sbar() -> None:
    # Montgomery §6.3.2, eqs. (6.30) and (6.31): x-double-bar = sum n_i x-bar_i / sum n_i and
    # s-bar = sqrt(sum (n_i - 1) s_i^2 / sum (n_i - 1)); limits x-double-bar +/- A3(n_i) s-bar,
    # B4(n_i) s-bar. The expected values are computed here by those formulas (his Table 6.4
    # prints 74.001 and 0.0103, but its sample 21 differs from this file in two values; the
    # centre agrees to his printed digits).
    phase1 = groups()[:25]
    total = sum(len(g) for g in phase1)
    grand = sum(sum(g) for g in phase1) / total
    dof = sum(len(g) - 1 for g in phase1)
    sbar = math.sqrt(sum((len(g) - 1) * statistics.variance(g) for g in phase1) / dof)
    out = xbar_chart(phase1, dispersion="s").to_dict()
    xbar, s = out["charts"]
    assert round(xbar["center"], 3) == 74.001
    assert xbar["center"] == pytest.approx(grand, abs=1e-12)
    assert s["center"] == pytest.approx(sbar, rel=1e-12)
    for i, g in enumerate(phase1):
        assert xbar["ucl"][i] == pytest.approx(grand + A3[len(g)] * sbar, rel=1e-12)
        assert s["ucl"][i] == pytest.approx(B4[len(g)] * sbar, rel=1e-12)


def test_equal_sizes_after_missing_cells_match_the_plain_chart() -> None:
    # A NaN (missing) in every subgroup at different places leaves equal sizes: the chart
    # must be the ordinary one on the values that are there.
    rng = np.random.default_rng(7)
    full = rng.normal(10, 1, size=(12, 4))
    holed = np.column_stack([full, np.full(12, np.nan)])
    holed[::2, [0, 4]] = holed[::2, [4, 0]]  # move the hole to the front in every other row
    compact = np.array([row[np.isfinite(row)] for row in holed])
    assert xbar_chart(holed).to_dict() == xbar_chart(compact).to_dict()


def test_cli_long_layout_with_variable_sizes_gives_limit_lists(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["spc", "analyze", str(VARN), "--chart", "xbar-s", "--value-col", "value",
            "--subgroup-col", "subgroup", "--phase1", "1-25", "--json"]  # fmt: skip
    assert run(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert isinstance(out["charts"][0]["ucl"], list) and len(out["charts"][0]["ucl"]) == 40
    assert out["parameters"]["subgroup_size"][:3] == [5, 3, 5]
    assert out["missing"] == []


def test_missing_cells_are_left_out_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = ["x1,x2,x3"] + [f"{10 + i % 3},{11 + i % 2},{12 - i % 4}" for i in range(10)]
    rows[6] = "10,n/a,12"  # spreadsheet row 7
    rows[8] = "11,,13"  # row 9: empty
    file = tmp_path / "holes.csv"
    file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    table = read_table(file)
    missing: list = []
    matrix = wide_subgroups(table, ["x1", "x2", "x3"], missing)
    assert [m.to_dict() for m in missing] == [
        {"row": 7, "column": "x2", "text": "n/a"},
        {"row": 9, "column": "x2", "text": ""},
    ]
    assert np.isnan(matrix[5, 1]) and np.isnan(matrix[7, 1])
    argv = ["spc", "analyze", str(file), "--chart", "xbar-r", "--columns", "x1,x2,x3"]
    assert run([*argv, "--json", "--lsl", "5", "--usl", "18"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["missing"] == [m.to_dict() for m in missing]
    assert out["parameters"]["subgroup_size"][5] == 2
    assert out["capability"]["n"] == 28  # 30 cells less the 2 missing
    assert run(argv) == 0
    text = capsys.readouterr().out
    assert "2 cells were empty or not numbers and left out: row 7 column x2 'n/a', " in text
    assert "row 9 column x2 (empty)" in text


def test_long_layout_drops_missing_values_from_their_subgroup() -> None:
    table = parse_text("v,g\n1,a\n2,a\nx,a\n3,b\n4,b\n6,b\n")
    missing: list = []
    matrix, labels = long_subgroups(table, "v", "g", missing)
    assert labels == ["a", "b"] and missing[0].to_dict() == {"row": 4, "column": "v", "text": "x"}
    assert matrix[0, :2].tolist() == [1.0, 2.0] and np.isnan(matrix[0, 2])


def test_capability_with_unequal_subgroups_counts_within_dof() -> None:
    # Degrees of freedom of the pooled within sigma are sum (n_i - 1) (Montgomery §8.3.5):
    # the Cp interval below is the chi-square interval with that nu, computed here.
    from scipy.stats import chi2

    phase1 = groups()[:25]
    result = capability(phase1, lsl=73.95, usl=74.05)
    nu = sum(len(g) - 1 for g in phase1)
    cp = result.indices["cp"]
    low = cp * math.sqrt(chi2.ppf(0.025, nu) / nu)
    assert result.n == sum(len(g) for g in phase1)
    assert result.intervals["cp"][0] == pytest.approx(low, rel=1e-12)
