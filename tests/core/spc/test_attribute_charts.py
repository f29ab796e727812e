"""p, np, c and u charts against Montgomery's published examples (data inline)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from qclinic.core.spc import attribute_chart

# Montgomery, Intro to SQC, Table 7.1: orange-juice cans, 30 samples of n = 50 (qcc orangejuice).
ORANGE_JUICE = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22,
                8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6]  # fmt: skip
# Montgomery Table 7.7 (Example 7.3): nonconformities on 26 samples of 100 circuit boards.
CIRCUIT = [21, 24, 16, 12, 15, 5, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 39, 30, 24,
           16, 19, 17, 15]  # fmt: skip
# Montgomery Example 7.4 (Table 7.10): PC assembly, 20 samples of 5 computers (qcc pcmanufact).
PC = [10, 12, 8, 14, 10, 16, 11, 7, 10, 15, 9, 5, 7, 11, 12, 6, 8, 10, 7, 5]
# Montgomery Example 7.5 (Table 7.11): dyed cloth, varying inspection units (qcc dyedcloth).
CLOTH = [14, 12, 20, 11, 7, 10, 21, 16, 19, 23]
CLOTH_UNITS = [10, 8, 13, 10, 9.5, 10, 12, 10.5, 12, 12.5]


def test_orange_juice_p_chart_example_7_1() -> None:
    # Montgomery Example 7.1: p-bar = 0.2313, UCL = 0.4102, LCL = 0.0524; samples 15 and 23
    # are above the UCL.
    chart = attribute_chart("p", ORANGE_JUICE, 50, rules=None).charts[0]
    assert chart.center[0] == pytest.approx(0.2313, abs=5e-5)
    assert chart.ucl[0] == pytest.approx(0.4102, abs=5e-5)
    assert chart.lcl[0] == pytest.approx(0.0524, abs=5e-5)
    beyond = [v["point"] for v in chart.violations() if v["rule"] == 1]
    assert beyond == [15, 23]


def test_orange_juice_revised_limits_after_excluding_15_and_23() -> None:
    # Montgomery Example 7.1 (revised): with samples 15 and 23 removed for assignable causes,
    # p-bar = 0.2150, UCL = 0.3893, LCL = 0.0407, and sample 21 is then above the UCL.
    analysis = attribute_chart(
        "p", ORANGE_JUICE, 50, exclude={14: "new batch of cardboard", 22: "new operator"}
    )
    chart = analysis.charts[0]
    assert chart.center[0] == pytest.approx(0.2150, abs=5e-5)
    assert chart.ucl[0] == pytest.approx(0.3893, abs=5e-5)
    assert chart.lcl[0] == pytest.approx(0.0407, abs=5e-5)
    assert chart.statistic.size == 30  # excluded samples stay on the chart
    assert 20 in [v["index"] for v in chart.violations() if v["rule"] == 1]


def test_np_chart_matches_p_chart_times_n() -> None:
    # np chart: center n p-bar = 11.57, limits 50 x (0.0524, 0.4102) (Montgomery §7.2.2).
    chart = attribute_chart("np", ORANGE_JUICE, 50).charts[0]
    assert chart.center[0] == pytest.approx(50 * 0.23133, abs=1e-3)
    assert chart.ucl[0] == pytest.approx(50 * 0.41024, abs=1e-3)


def test_circuit_boards_c_chart_example_7_3() -> None:
    # Montgomery Example 7.3: c-bar = 19.85, UCL = 33.22, LCL = 6.48; samples 6 and 20 are
    # out of control. Revised without them: c-bar = 19.67, UCL = 32.97, LCL = 6.36.
    # (the book computes the limits from c-bar rounded to 19.85, hence 0.01 allowed)
    chart = attribute_chart("c", CIRCUIT).charts[0]
    assert chart.center[0] == pytest.approx(19.85, abs=5e-3)
    assert chart.ucl[0] == pytest.approx(33.22, abs=1e-2)
    assert chart.lcl[0] == pytest.approx(6.48, abs=5e-3)
    assert [v["point"] for v in chart.violations() if v["rule"] == 1] == [6, 20]
    revised = attribute_chart("c", CIRCUIT, exclude={5: "inspection error", 19: "wave solder"})
    chart = revised.charts[0]
    assert chart.center[0] == pytest.approx(19.67, abs=5e-3)
    assert chart.ucl[0] == pytest.approx(32.97, abs=5e-3)
    assert chart.lcl[0] == pytest.approx(6.36, abs=5e-3)


def test_pc_manufacturing_u_chart_example_7_4() -> None:
    # Montgomery Example 7.4: u-bar = 1.93, UCL = 3.79, LCL = 0.07; in control.
    chart = attribute_chart("u", PC, 5).charts[0]
    assert chart.center[0] == pytest.approx(1.93, abs=5e-3)
    assert chart.ucl[0] == pytest.approx(3.79, abs=5e-3)
    assert chart.lcl[0] == pytest.approx(0.07, abs=5e-3)
    assert chart.violations() == [] or all(v["rule"] != 1 for v in chart.violations())


def test_dyed_cloth_u_chart_varying_sizes_example_7_5() -> None:
    # Montgomery Example 7.5: u-bar = 153/107.5 = 1.42; limits vary per sample, e.g. for
    # n = 10 units UCL = 2.55, LCL = 0.29.
    analysis = attribute_chart("u", CLOTH, CLOTH_UNITS)
    chart = analysis.charts[0]
    assert chart.center[0] == pytest.approx(1.42, abs=5e-3)
    # (Montgomery rounds u-bar to 1.42 before computing, hence the 0.006 allowance)
    assert chart.ucl[0] == pytest.approx(2.55, abs=6e-3)
    assert chart.lcl[0] == pytest.approx(0.29, abs=5e-3)
    assert chart.ucl[1] > chart.ucl[0]  # 8 units: wider limits
    out = analysis.to_dict()["charts"][0]
    assert isinstance(out["ucl"], list) and len(out["ucl"]) == 10  # per-point limits
    assert isinstance(out["center"], float)
    # Zones use each point's own sigma: sqrt(u-bar / n_i).
    assert out["sigma"][1] == pytest.approx(np.sqrt(153 / 107.5 / 8))
    json.dumps(analysis.to_dict(), allow_nan=False)
