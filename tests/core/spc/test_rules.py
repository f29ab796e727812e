"""The rule engine on crafted series: each rule flags exactly the expected point (last of run)."""

from __future__ import annotations

import numpy as np
import pytest

from qclinic.core.spc.rules import detect, make_rules, run_lengths, window_counts
from qclinic.errors import UserError

# Zones in units of sigma = 1 around center 0, limits at +/-3.
CENTER, SIGMA, UCL, LCL = 0.0, 1.0, 3.0, -3.0


def hits(series: list[float] | np.ndarray, rules: tuple) -> dict[int, list[int]]:
    found = detect(np.asarray(series, dtype=float), CENTER, SIGMA, UCL, LCL, rules)
    return {h.rule.number: h.indices.tolist() for h in found}


def background(n: int) -> np.ndarray:
    """Points alternating -0.5/+0.5 in pairs: break side runs, trends and alternations."""
    pattern = np.array([0.5, 0.5, -0.5, -0.5])
    return np.resize(pattern, n).astype(float)


def nelson(number: int) -> tuple:
    return make_rules("nelson", [number])


def test_rule1_beyond_limits() -> None:
    x = background(20)
    x[7] = 3.2
    x[12] = -3.5
    assert hits(x, nelson(1)) == {1: [7, 12]}


def test_rule1_on_the_limit_is_not_beyond() -> None:
    x = background(10)
    x[3] = 3.0
    assert hits(x, nelson(1)) == {}


def test_rule2_nine_on_one_side_flags_the_ninth() -> None:
    x = background(30)
    x[[8, 9, 19, 20]] = -0.5  # below on both ends of the run
    x[10:19] = 0.3  # 9 in a row above
    assert hits(x, nelson(2)) == {2: [18]}
    x[19] = 0.4  # the run continues: the 10th is flagged as well
    assert hits(x, nelson(2)) == {2: [18, 19]}


def test_rule2_point_on_center_breaks_the_run() -> None:
    x = background(30)
    x[10:19] = 0.3
    x[14] = 0.0
    assert hits(x, nelson(2)) == {}


def test_rule2_custom_k_like_minitab() -> None:
    x = background(30)
    x[10:17] = -0.3  # 7 in a row below
    assert hits(x, make_rules("nelson", [2], {2: 7})) == {2: [16]}
    assert hits(x, nelson(2)) == {}


def test_rule3_six_increasing_flags_the_sixth() -> None:
    x = background(30)
    x[10:16] = [-0.9, -0.6, -0.3, 0.0, 0.3, 0.6]
    x[16] = 0.1
    assert hits(x, nelson(3)) == {3: [15]}


def test_rule3_ties_break_a_trend() -> None:
    x = background(30)
    x[10:16] = [-0.9, -0.6, -0.6, 0.0, 0.3, 0.6]
    assert hits(x, nelson(3)) == {}


def test_rule4_fourteen_alternating_flags_the_fourteenth() -> None:
    x = np.full(40, 0.5)
    x[:10] = background(10)
    x[10:24] = np.where(np.arange(14) % 2 == 0, 0.4, -0.4)
    x[24:] = -0.4  # after the alternation: flat, so no further alternation
    assert hits(x, nelson(4)) == {4: [23]}


def test_rule5_two_of_three_beyond_two_sigma() -> None:
    x = background(20)
    x[8] = 2.3
    x[10] = 2.5  # 2 of 3 (8, 9, 10) above 2 sigma
    assert hits(x, nelson(5)) == {5: [10]}
    y = background(20)
    y[8] = 2.3
    y[10] = -2.5  # opposite sides: no signal
    assert hits(y, nelson(5)) == {}


def test_rule6_four_of_five_beyond_one_sigma() -> None:
    x = background(20)
    x[5:10] = [-1.5, -1.2, 0.0, -1.8, -1.1]
    assert hits(x, nelson(6)) == {6: [9]}


def test_rule7_fifteen_within_one_sigma() -> None:
    x = np.resize(np.array([1.5, 1.5, -1.5, -1.5]), 40)
    x[10:25] = np.resize(np.array([0.2, 0.2, -0.2, -0.2]), 15)
    assert hits(x, nelson(7)) == {7: [24]}


def test_rule8_eight_beyond_one_sigma_both_sides() -> None:
    x = background(30)
    x[10:18] = [1.5, -1.5, 1.6, 1.4, -1.2, -1.7, 1.3, -1.4]
    assert hits(x, nelson(8)) == {8: [17]}


def test_rule8_needs_both_sides() -> None:
    x = background(30)
    x[10:18] = 1.5  # all above: that is rule 2/6 territory, not a mixture
    assert hits(x, nelson(8)) == {}


def test_western_electric_preset_numbers_and_windows() -> None:
    x = background(30)
    x[[8, 9, 18, 19]] = -0.5
    x[10:18] = 0.3  # 8 in a row: WE rule 4 fires, Nelson rule 2 (9) does not
    we = make_rules("western-electric")
    assert [r.number for r in we] == [1, 2, 3, 4]
    assert hits(x, we) == {4: [17]}
    assert 2 not in hits(x, make_rules("nelson"))


def test_per_point_sigma_zones() -> None:
    # Varying limits: the same value 2.5 is beyond 2 sigma where sigma = 1, not where sigma = 2.
    x = np.zeros(6)
    x[[1, 2]] = 2.5
    sigma = np.array([1.0, 1.0, 2.0, 1.0, 1.0, 1.0])
    found = detect(x, 0.0, sigma, 3 * sigma, -3 * sigma, make_rules("nelson", [5]))
    assert found == []
    sigma[2] = 1.0
    found = detect(x, 0.0, sigma, 3 * sigma, -3 * sigma, make_rules("nelson", [5]))
    assert found[0].indices.tolist() == [2]


def test_descriptions_are_bilingual() -> None:
    rule = make_rules("nelson", [2])[0]
    text = rule.description()
    assert "9 points in a row" in text["en"] and "连续9点" in text["zh"]


def test_helpers_against_brute_force() -> None:
    rng = np.random.default_rng(3)
    flags = rng.random(300) < 0.6
    brute_runs, run = [], 0
    for f in flags:
        run = run + 1 if f else 0
        brute_runs.append(run)
    assert run_lengths(flags).tolist() == brute_runs
    brute_windows = [int(flags[max(0, i - 4) : i + 1].sum()) for i in range(flags.size)]
    assert window_counts(flags, 5).tolist() == brute_windows


def test_random_series_matches_a_loop_reference() -> None:
    # Property check: the vectorised rule 2 and rule 5 agree with straightforward loops.
    rng = np.random.default_rng(11)
    x = rng.normal(size=2000)
    found = hits(x, make_rules("nelson", [2, 5]))
    expected2 = [i for i in range(8, x.size)
                 if np.all(x[i - 8 : i + 1] > 0) or np.all(x[i - 8 : i + 1] < 0)]  # fmt: skip
    expected5 = []
    for i in range(x.size):
        window = x[max(0, i - 2) : i + 1]
        if (x[i] > 2 and (window > 2).sum() >= 2) or (x[i] < -2 and (window < -2).sum() >= 2):
            expected5.append(i)
    assert found.get(2, []) == expected2
    assert found.get(5, []) == expected5


@pytest.mark.parametrize(
    ("preset", "numbers", "lengths"),
    [("bogus", None, None), ("nelson", [9], None), ("western-electric", [5], None),
     ("nelson", [2], {2: 1}), ("nelson", [1], {1: 3})],
)  # fmt: skip
def test_bad_rule_choices(preset: str, numbers: list[int] | None, lengths: dict | None) -> None:
    with pytest.raises(UserError):
        make_rules(preset, numbers, lengths)
