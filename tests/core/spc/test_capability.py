"""Capability indices, intervals, PPM and the Anderson-Darling check."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from scipy import stats
from spc_test_data import load_wide

from qclinic.core.spc import anderson_darling, capability
from qclinic.core.spc.capability import bissell_interval, chi_square_interval
from qclinic.core.spc.normality import ad_p_value
from qclinic.errors import UserError


def test_hardbake_cp_montgomery() -> None:
    # Montgomery §6.2 (hard-bake, Example 6.1 data): specs 1.50 +/- 0.50 microns,
    # sigma-hat = R-bar/d2 = 0.1398, PCR = Cp = 1.192.
    data = load_wide("hardbake_flowwidth.csv")
    result = capability(data, lsl=1.0, usl=2.0, sigma_method="rbar")
    assert result.sigma_within == pytest.approx(0.1398, abs=5e-5)
    assert result.indices["cp"] == pytest.approx(1.192, abs=5e-4)
    json.dumps(result.to_dict(), allow_nan=False)


def test_cp_chi_square_interval_montgomery_example_8_5() -> None:
    # Montgomery Example 8.5 (§8.3.5): USL = 62, LSL = 38, n = 20, s = 1.75, Cp-hat = 2.29;
    # 95 % interval 1.57 <= Cp <= 3.01 (computed in the book from the rounded 2.29).
    low, high = chi_square_interval(2.29, 19, 0.95)
    assert low == pytest.approx(1.57, abs=5e-3)
    assert high == pytest.approx(3.01, abs=5e-3)


def test_bissell_interval_formula() -> None:
    # Bissell (1990) as given in Montgomery eq. (8.20); checked against a direct evaluation.
    low, high = bissell_interval(1.33, 20, 0.95)
    half = 1.959964 * math.sqrt(1 / (9 * 20 * 1.33**2) + 1 / (2 * 19))
    assert low == pytest.approx(1.33 * (1 - half), rel=1e-6)
    assert high == pytest.approx(1.33 * (1 + half), rel=1e-6)


def test_indices_and_ppm_from_first_principles() -> None:
    rng = np.random.default_rng(5)
    data = rng.normal(10.0, 1.0, size=(50, 4))
    r = capability(data, lsl=7.0, usl=14.0, target=10.5)
    mean, so, sw = data.mean(), data.std(ddof=1), r.sigma_within
    pooled = math.sqrt(np.mean(data.var(axis=1, ddof=1)))
    c4_151 = math.sqrt(2 / 150) * math.exp(math.lgamma(75.5) - math.lgamma(75))
    assert sw == pytest.approx(pooled / c4_151, rel=1e-9)
    assert r.indices["cpk"] == pytest.approx(min(14 - mean, mean - 7) / (3 * sw))
    assert r.indices["ppk"] == pytest.approx(min(14 - mean, mean - 7) / (3 * so))
    assert r.indices["cpm"] == pytest.approx(7 / (6 * math.sqrt(so**2 + (mean - 10.5) ** 2)))
    expected = (stats.norm.cdf(7, mean, so) + stats.norm.sf(14, mean, so)) * 1e6
    assert r.ppm["overall"]["total"] == pytest.approx(expected, rel=1e-9)


def test_one_sided_spec() -> None:
    data = load_wide("hardbake_flowwidth.csv")
    r = capability(data, usl=2.0)
    assert r.indices["cp"] is None and r.indices["cpl"] is None and r.indices["cpm"] is None
    assert r.indices["cpk"] == r.indices["cpu"]
    assert r.ppm["within"]["below_lsl"] is None
    out = r.to_dict()
    assert out["intervals"]["cp"] is None
    json.dumps(out, allow_nan=False)


def test_individuals_use_moving_range() -> None:
    x = [49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1]
    r = capability(x, lsl=40, usl=60, constants="exact")
    assert r.sigma_within_method == "mrbar"
    assert r.sigma_within == pytest.approx(np.abs(np.diff(x)).mean() / 1.1283791671)
    tabled = capability(x, lsl=40, usl=60)  # the default: d2(2) = 1.128 as printed
    assert tabled.sigma_within == pytest.approx(np.abs(np.diff(x)).mean() / 1.128, rel=1e-12)


def test_anderson_darling_statistic_and_p_value() -> None:
    # Statistic: the same A^2 as scipy.stats.anderson (independent implementation).
    # p-value: D'Agostino & Stephens (1986) Table 4.9 with A*^2 = A^2 (1 + 0.75/n + 2.25/n^2).
    data = load_wide("hardbake_flowwidth.csv").ravel()
    result = anderson_darling(data)
    reference = stats.anderson(data, dist="norm", method="interpolate").statistic
    assert result.statistic == pytest.approx(reference, rel=1e-9)
    assert result.adjusted == pytest.approx(result.statistic * (1 + 0.75 / 125 + 2.25 / 125**2))
    assert result.warning is None
    # Branch values straight from the table's formulas.
    assert ad_p_value(0.7) == pytest.approx(math.exp(1.2937 - 5.709 * 0.7 + 0.0186 * 0.49))
    assert ad_p_value(0.1) == pytest.approx(1 - math.exp(-13.436 + 10.114 - 2.2373))
    # Critical value check: A*^2 = 0.752 is the 5 % point (Stephens 1974), so p ~ 0.05.
    assert ad_p_value(0.752) == pytest.approx(0.05, abs=3e-3)


def test_skewed_data_warns() -> None:
    rng = np.random.default_rng(1)
    result = anderson_darling(rng.exponential(size=200))
    assert result.p_value < 0.05
    assert result.warning is not None and "正态" in result.warning["zh"]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [({}, "specification"), ({"lsl": 2.0, "usl": 1.0}, "below"),
     ({"lsl": float("nan")}, "number"), ({"usl": 2.0, "sigma_method": "xyz"}, "sigma method")],
)  # fmt: skip
def test_bad_capability_options(kwargs: dict, match: str) -> None:
    data = load_wide("hardbake_flowwidth.csv")
    with pytest.raises(UserError, match=match):
        capability(data, **kwargs)


def test_zero_variation_is_a_user_error() -> None:
    with pytest.raises(UserError, match="zero variation"):
        capability(np.full((10, 5), 3.0), lsl=1, usl=5)


def test_one_sided_indices_have_bissell_intervals() -> None:
    # Computed from first principles: a one-sided index C has the approximate standard error
    # C·sqrt(1/(9 N C²) + 1/(2(N − 1))) (Bissell 1990; Kotz & Johnson §3.3), as for Cpk.
    rng = np.random.default_rng(11)
    data = rng.normal(10.0, 0.5, (25, 4))
    both = capability(data, lsl=8.0, usl=12.5)
    z = stats.norm.ppf(0.975)
    n = data.size
    for name in ("cpl", "cpu", "ppl", "ppu"):
        value = both.indices[name]
        low, high = both.intervals[name]
        half = z * math.sqrt(1 / (9 * n * value**2) + 1 / (2 * (n - 1)))
        assert low == pytest.approx(value * (1 - half))
        assert high == pytest.approx(value * (1 + half))
    upper_only = capability(data, usl=12.5)
    assert upper_only.intervals["cpk"] == pytest.approx(upper_only.intervals["cpu"])
    assert upper_only.intervals["cpl"] is None
