"""Tabular CUSUM and EWMA against Montgomery Table 9.1/9.2 and the NIST e-Handbook."""

from __future__ import annotations

import json

import numpy as np
import pytest

from qclinic.core.spc import cusum_chart, ewma_chart
from qclinic.core.spc.time_weighted_charts import lindley

# Montgomery, Intro to SQC, Table 9.1: 30 observations, mu0 = 10, sigma = 1 (shift of 1 sigma
# after observation 20).
TABLE_9_1 = [9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.20, 10.34, 9.03, 11.47, 10.51,
             9.40, 10.08, 9.37, 10.62, 10.31, 8.52, 10.84, 10.90, 9.33, 12.29, 11.50, 10.60,
             11.08, 10.38, 11.62, 11.31, 10.52]  # fmt: skip


def test_cusum_montgomery_table_9_2() -> None:
    # Montgomery Example 9.1, Table 9.2 (k = 0.5, h = 5, mu0 = 10, sigma = 1): printed C+ and
    # C- to 2 decimals; the CUSUM signals at period 29 with C+_29 = 5.28 and N+ = 7.
    analysis = cusum_chart(TABLE_9_1, k=0.5, h=5.0, mean=10.0, sigma=1.0)
    upper = analysis.charts[0].statistic
    lower = -analysis.charts[1].statistic
    published_upper = {1: 0.0, 4: 1.16, 5: 2.82, 6: 2.50, 7: 0.04, 8: 1.00, 12: 0.97, 13: 0.98,
                       23: 1.79, 24: 2.79, 25: 2.89, 26: 3.47, 27: 3.35, 28: 4.47, 29: 5.28,
                       30: 5.30}  # fmt: skip
    published_lower = {1: 0.05, 2: 1.56, 3: 1.77, 4: 0.0, 7: 1.46, 9: 0.30, 11: 0.47, 19: 0.98}
    for period, value in published_upper.items():
        assert upper[period - 1] == pytest.approx(value, abs=5e-3), period
    for period, value in published_lower.items():
        assert lower[period - 1] == pytest.approx(value, abs=5e-3), period
    assert analysis.charts[0].out_of_control()[0] == 28  # period 29
    assert analysis.parameters["n_upper"][28] == 7
    json.dumps(analysis.to_dict(), allow_nan=False)


def test_cusum_vectorised_recursion_equals_loop() -> None:
    # First principles: the vectorised Lindley recursion equals the textbook loop, with FIR.
    rng = np.random.default_rng(7)
    y = rng.normal(size=500)
    for start in (0.0, 2.5):
        expected, c = [], start
        for value in y:
            c = max(0.0, c + value)
            expected.append(c)
        assert np.allclose(lindley(y, start), expected, atol=1e-9)


def test_cusum_headstart_starts_at_half_h() -> None:
    analysis = cusum_chart([10.0] * 5, k=0.5, h=5.0, headstart=0.5, mean=10.0, sigma=1.0)
    # C+_1 = max(0, 10 - 10.5 + 2.5) = 2.0 (Montgomery §9.1.6, FIR of H/2).
    assert analysis.charts[0].statistic[0] == pytest.approx(2.0)


def test_ewma_montgomery_example_9_2() -> None:
    # Montgomery Example 9.2 / Table 9.11 (lambda = 0.1, L = 2.7, mu0 = 10, sigma = 1):
    # z1 = 9.945, z2 = 9.7495; exact limits at periods 1, 2, 3: UCL 10.27, 10.36, 10.42 and
    # LCL 9.73, 9.64, 9.58; steady-state limits 10.62 / 9.38.
    exact = ewma_chart(TABLE_9_1, lam=0.1, sigmas=2.7, mean=10.0, sigma=1.0)
    chart = exact.charts[0]
    assert chart.statistic[0] == pytest.approx(9.945, abs=5e-4)
    assert chart.statistic[1] == pytest.approx(9.7495, abs=5e-5)
    assert np.allclose(chart.ucl[:3], [10.27, 10.36, 10.42], atol=5e-3)
    assert np.allclose(chart.lcl[:3], [9.73, 9.64, 9.58], atol=5e-3)
    steady = ewma_chart(TABLE_9_1, lam=0.1, sigmas=2.7, mean=10.0, sigma=1.0, exact=False)
    assert steady.charts[0].to_dict()["ucl"] == pytest.approx(10.62, abs=5e-3)
    assert steady.charts[0].to_dict()["lcl"] == pytest.approx(9.38, abs=5e-3)
    # The recursion itself, from first principles.
    z, expected = 10.0, []
    for value in TABLE_9_1:
        z = 0.1 * value + 0.9 * z
        expected.append(z)
    assert np.allclose(chart.statistic, expected, atol=1e-12)


def test_ewma_nist_handbook_6_3_2_4() -> None:
    # NIST/SEMATECH e-Handbook §6.3.2.4: EWMA0 = 50, s = 2.0539, lambda = 0.3, k = 3:
    # steady-state limits UCL = 52.5884, LCL = 47.4115 (one unit of the 4th decimal allowed:
    # the page's own rounding makes the two half-widths 2.5884 and 2.5885).
    data = [52.0, 47.0, 53.0, 49.3, 50.1, 47.0, 51.0, 50.1, 51.2, 50.5, 49.6, 47.6, 49.9, 51.3,
            47.8, 51.2, 52.6, 52.4, 53.6, 52.1]  # fmt: skip
    chart = ewma_chart(data, lam=0.3, mean=50.0, sigma=2.0539, exact=False).charts[0]
    out = chart.to_dict()
    assert out["ucl"] == pytest.approx(52.5884, abs=1.5e-4)
    assert out["lcl"] == pytest.approx(47.4115, abs=1.5e-4)
    assert chart.out_of_control() == []  # the handbook's chart shows no signal
