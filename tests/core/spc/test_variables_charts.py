"""X-bar-R, X-bar-S and I-MR charts against published examples."""

from __future__ import annotations

import json

import numpy as np
import pytest
from spc_test_data import load_wide

from qclinic.core.spc import imr_chart, make_rules, xbar_chart


def test_pistonrings_xbar_r_phase1_montgomery_example_6_3() -> None:
    # Montgomery, Intro to SQC, §6.2.1 (Table 6.3, piston rings): 25 phase-I subgroups give
    # x-double-bar = 74.001, R-bar = 0.023, UCL = 74.014, LCL = 73.988 (3 decimals printed);
    # R chart UCL = D4 R-bar = 0.049, LCL = 0.
    data = load_wide("pistonrings.csv")
    analysis = xbar_chart(data, phase1=(0, 25))
    xbar, r = analysis.charts
    assert xbar.center == pytest.approx(74.001, abs=5e-4)
    assert r.center == pytest.approx(0.023, abs=5e-4)
    assert xbar.ucl == pytest.approx(74.014, abs=5e-4)
    assert xbar.lcl == pytest.approx(73.988, abs=5e-4)
    assert r.ucl == pytest.approx(0.049, abs=1e-3)
    assert r.lcl == 0.0
    # No phase-I point is out of control on the R or X-bar chart (Montgomery: process in control).
    assert all(i >= 25 for i in xbar.out_of_control())
    assert r.out_of_control() == []


def test_pistonrings_matches_qcc_vignette_limits() -> None:
    # qcc vignette "A quick tour of qcc" (v2.7): q1 = qcc(diameter[1:25,], type="xbar",
    # newdata=diameter[26:40,]); limits.xbar(q1$center, q1$std.dev, q1$sizes, 2) prints
    # LCL 73.99242, UCL 74.00993 (2-sigma warning limits, sigma = R-bar/d2 "UWAVE-R").
    data = load_wide("pistonrings.csv")
    two_sigma = xbar_chart(data, phase1=(0, 25), sigmas=2.0).charts[0]
    assert two_sigma.lcl == pytest.approx(73.99242, abs=1e-5)
    assert two_sigma.ucl == pytest.approx(74.00993, abs=1e-5)


def test_pistonrings_phase2_signals_only_after_phase1() -> None:
    # Phase II: limits frozen from subgroups 1-25 (Montgomery §6.2.1), new subgroups judged
    # against them. Only phase II subgroups signal; the means of 37, 38 and 39 exceed the UCL
    # 74.0143 (checked by hand from the data, not a printed figure).
    data = load_wide("pistonrings.csv")
    analysis = xbar_chart(data, phase1=(0, 25), rules=make_rules("nelson", [1]))
    means = data.mean(axis=1)
    assert analysis.charts[0].out_of_control() == [36, 37, 38]
    assert np.all(means[[36, 37, 38]] > 74.0143)
    out = analysis.to_dict()
    assert out["phase1"] == {"first": 1, "last": 25}
    assert out["phase2_points"] == 15
    json.dumps(out, allow_nan=False)


def test_pistonrings_xbar_s_montgomery_example_6_3() -> None:
    # Montgomery Example 6.3 (X-bar and S charts for the piston rings): x-chart limits
    # UCL = 74.014, LCL = 73.988 (3 decimals). The S chart center is sigma-hat * c4 = S-bar
    # and UCL = B4 S-bar; checked here against B4 = 2.089 (Appendix VI) from first principles.
    data = load_wide("pistonrings.csv")
    analysis = xbar_chart(data, dispersion="s", phase1=(0, 25))
    xbar, s = analysis.charts
    assert xbar.ucl == pytest.approx(74.014, abs=5e-4)
    assert xbar.lcl == pytest.approx(73.988, abs=5e-4)
    sbar = float(np.std(data[:25], axis=1, ddof=1).mean())
    assert s.center == pytest.approx(sbar, rel=1e-12)
    assert s.ucl == pytest.approx(2.089 * sbar, rel=1e-3)
    assert analysis.sigma == pytest.approx(sbar / 0.9400, rel=1e-4)


def test_hardbake_flow_width_montgomery_example_6_1() -> None:
    # Montgomery Example 6.1: x-double-bar = 1.5056, R-bar = 0.32521, UCL = 1.6932,
    # LCL = 1.3180; R chart UCL = 0.68749 (printed 0.6876 in later editions), LCL = 0;
    # no point out of control. (Computed constants: the book rounds A2 R-bar to 0.1876 before
    # adding it, which the exact A2 = 0.57681 happens to reproduce; the tabled case is in
    # test_tabled_constants.py.)
    data = load_wide("hardbake_flowwidth.csv")
    analysis = xbar_chart(data, constants="exact")
    xbar, r = analysis.charts
    assert xbar.center == pytest.approx(1.5056, abs=5e-5)
    assert r.center == pytest.approx(0.32521, abs=5e-6)
    assert xbar.ucl == pytest.approx(1.6932, abs=5e-5)
    assert xbar.lcl == pytest.approx(1.3180, abs=5e-5)
    assert r.ucl == pytest.approx(0.6875, abs=2e-4)
    assert xbar.out_of_control() == [] and r.out_of_control() == []
    # sigma-hat = R-bar/d2 = 0.32521/2.326 = 0.1398 (Montgomery §6.2.5, capability of this process)
    assert analysis.sigma == pytest.approx(0.1398, abs=5e-5)


def test_imr_limits_from_first_principles() -> None:
    # NIST/SEMATECH e-Handbook §6.3.2.2 individuals data (10 points). Limits checked against
    # a hand computation: center = mean, sigma = MR-bar / 1.128379 (d2 for n = 2, computed).
    x = [49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1]
    analysis = imr_chart(x, constants="exact")
    individuals, moving = analysis.charts
    mr = np.abs(np.diff(x))
    sigma = mr.mean() / (2 / np.sqrt(np.pi))
    assert individuals.center == pytest.approx(np.mean(x))
    assert individuals.ucl == pytest.approx(np.mean(x) + 3 * sigma)
    assert moving.center == pytest.approx(mr.mean())
    assert moving.ucl == pytest.approx(3.267 * mr.mean(), rel=1e-3)  # D4(2) = 3.267
    out = analysis.to_dict()
    assert out["charts"][1]["values"][0] is None  # first moving range undefined
    json.dumps(out, allow_nan=False)


def test_exclusion_keeps_the_point_and_recomputes() -> None:
    data = load_wide("hardbake_flowwidth.csv")
    full = xbar_chart(data)
    trimmed = xbar_chart(data, exclude={4: "tool change recorded in the log"})
    assert trimmed.charts[0].statistic.size == 25  # kept on the chart
    assert trimmed.charts[0].center == pytest.approx(np.delete(data.mean(axis=1), 4).mean())
    assert trimmed.charts[0].center != full.charts[0].center
    out = trimmed.to_dict()
    assert out["excluded"] == [
        {"index": 4, "point": 5, "reason": "tool change recorded in the log"}
    ]


def test_known_standards_freeze_limits() -> None:
    data = load_wide("pistonrings.csv")
    analysis = xbar_chart(data, mean=74.0, sigma=0.01)
    assert analysis.sigma_method == "given"
    assert analysis.charts[0].ucl == pytest.approx(74.0 + 3 * 0.01 / np.sqrt(5))
