"""Chart constants as the published tables print them (the default) versus computed exactly.

Sources:
- Montgomery, *Introduction to Statistical Quality Control* (6th ed.), Appendix Table VI (the
  factors) and Example 6.1 (hard-bake flow width): R chart UCL = D4 R-bar = 2.114 x 0.32521 =
  0.68749.
- NIST/SEMATECH e-Handbook of Statistical Methods, §6.3.2.2 (individuals chart, the 10 values of
  ``data/nist_individuals.csv``): MR-bar = 1.8778, x-bar = 50.81; individuals UCL =
  50.81 + 3 (1.8778 / 1.128) = 55.8041, LCL = 45.8159; moving range UCL = 3.267 x 1.8778 = 6.1347.
- qcc vignette "A quick tour of qcc" (piston rings, ``qcc(diameter[1:25,], type="xbar")``):
  "Standard deviation: 0.009785039" (= R-bar / 2.326, the printed d2(5)).
"""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from spc_test_data import DATA, load_wide
from test_constants import NAMES, TABLE_VI

from qclinic.core.spc import capability, ewma_chart, imr_chart, xbar_chart
from qclinic.core.spc.constants import constants, factors, tabled
from qclinic.errors import UserError


def nist_individuals() -> np.ndarray:
    with (DATA / "nist_individuals.csv").open(newline="") as handle:
        return np.array([float(row["x"]) for row in csv.DictReader(handle)])


@pytest.mark.parametrize("n", sorted(TABLE_VI))
def test_tabled_factors_are_the_printed_ones(n: int) -> None:
    printed = dict(zip(NAMES, TABLE_VI[n], strict=True))
    table = tabled(n)
    for name, value in printed.items():
        assert getattr(table, name) == value, (n, name)
    assert factors(n) == table  # the default mode
    assert factors(n, "exact") == constants(n)


def test_nist_individuals_limits_with_tabled_constants() -> None:
    analysis = imr_chart(nist_individuals())
    individuals, moving = analysis.charts
    assert individuals.center == pytest.approx(50.81, abs=5e-5)
    assert moving.center == pytest.approx(1.8778, abs=5e-5)
    assert individuals.ucl == pytest.approx(55.8041, abs=5e-5)
    assert individuals.lcl == pytest.approx(45.8159, abs=5e-5)
    assert moving.ucl == pytest.approx(6.1347, abs=5e-5)
    assert moving.lcl == 0.0
    out = analysis.to_dict()
    assert out["constants"] == "tabled"
    json.dumps(out, allow_nan=False)


def test_exact_constants_stay_available_and_differ_in_the_fourth_digit() -> None:
    exact = imr_chart(nist_individuals(), constants="exact")
    individuals, moving = exact.charts
    assert exact.to_dict()["constants"] == "exact"
    # 3 MR-bar / (2 / sqrt(pi)) instead of / 1.128: 55.8024, not NIST's 55.8041.
    assert individuals.ucl == pytest.approx(50.81 + 3 * 1.87778 / (2 / np.sqrt(np.pi)), abs=1e-4)
    assert abs(individuals.ucl - 55.8041) > 1e-3
    assert moving.ucl == pytest.approx(1.87778 * (1 + 3 * 0.852502 / 1.128379), abs=1e-4)


def test_hardbake_r_chart_ucl_is_d4_times_rbar_as_printed() -> None:
    xbar, r = xbar_chart(load_wide("hardbake_flowwidth.csv")).charts
    assert r.ucl == pytest.approx(0.68749, abs=5e-6)
    assert xbar.ucl == pytest.approx(xbar.center + 0.577 * r.center, abs=1e-12)  # A2(5) = 0.577
    assert r.lcl == 0.0


def test_pistonrings_sigma_matches_qcc() -> None:
    analysis = xbar_chart(load_wide("pistonrings.csv"), phase1=(0, 25))
    assert analysis.sigma == pytest.approx(0.009785039, abs=5e-10)
    exact = xbar_chart(load_wide("pistonrings.csv"), phase1=(0, 25), constants="exact")
    assert abs(exact.sigma - 0.009785039) > 1e-7


def test_factor_limits_scale_with_sigmas_and_d3_b3_are_printed_at_three() -> None:
    # n = 18: the table prints D3 = 0.391 and D4 = 1.608 (rounded separately, 0.391 != 2 - 1.608).
    rng = np.random.default_rng(7)
    data = rng.normal(10.0, 1.0, size=(20, 18))
    r = xbar_chart(data).charts[1]
    assert r.ucl == pytest.approx(1.608 * r.center, rel=1e-12)
    assert r.lcl == pytest.approx(0.391 * r.center, rel=1e-12)
    s = xbar_chart(data, dispersion="s").charts[1]
    assert s.ucl == pytest.approx(1.518 * s.center, rel=1e-12)  # B4(18)
    assert s.lcl == pytest.approx(0.482 * s.center, rel=1e-12)  # B3(18)
    wide = xbar_chart(data, sigmas=2.0).charts[1]
    assert wide.ucl == pytest.approx(r.center * (1 + 2 * 0.608 / 3), rel=1e-12)


def test_other_charts_and_capability_follow_the_mode() -> None:
    x = nist_individuals()
    mrbar = np.abs(np.diff(x)).mean()
    assert ewma_chart(x).sigma == pytest.approx(mrbar / 1.128, rel=1e-12)
    assert ewma_chart(x, constants="exact").sigma == pytest.approx(
        mrbar * np.sqrt(np.pi) / 2, rel=1e-9
    )
    cap = capability(x, lsl=40, usl=60).to_dict()
    assert cap["constants"] == "tabled"
    assert cap["sigma_within"] == pytest.approx(mrbar / 1.128, rel=1e-12)


def test_unknown_mode_is_a_user_error() -> None:
    with pytest.raises(UserError, match="unknown chart constants 'astm'"):
        imr_chart(nist_individuals(), constants="astm")
    with pytest.raises(UserError, match="unknown chart constants"):
        ewma_chart(nist_individuals(), sigma=1.0, constants="x")
