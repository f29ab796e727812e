"""Attribute agreement analysis and its kappas against published values.

Sources of the expected values (each test names its own):

* Fleiss (1971), *Psychological Bulletin* 76:378-382, the psychiatric diagnoses (30 patients,
  6 raters, 5 categories): kappa = 0.430; R package irr ``kappam.fleiss(diagnoses)`` prints
  kappa 0.4302445, z 17.65183 and the per-category kappas 0.245, 0.245, 0.520, 0.471, 0.566.
* R package irr ``kappa2(anxiety[, 2:3])``: kappa -0.006289308, z -0.0604067 (as quoted in
  statsmodels' ``test_inter_rater.py``).
* SAS PROC FREQ agreement example (3 x 3 table, 19 subjects): simple kappa 0.4842, ASE 0.1380,
  95 % limits 0.2137 .. 0.7547, ASE under H0 0.1484, Z 3.2626 (statsmodels' test, same file).
* AIAG MSA 4th ed. III-C, the A x B cross-tabulation: kappa A-B = .86.
* JASP jaspQualityControl, ``tests/testthat/test-msaAttribute.R`` on the bearings data
  ``msaAttributeKappa_long.csv`` (tests LF1.1-LF1.10).
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pytest
from scipy.stats import binomtest

from qclinic.core.msa import attribute_agreement
from qclinic.core.msa.kappa import (
    clopper_pearson,
    cohen_from_pairs,
    fleiss_kappa,
    kappa_verdict,
)
from qclinic.errors import UserError

DATA = Path(__file__).resolve().parent / "data"


def columns(name: str) -> dict[str, list[str]]:
    with (DATA / name).open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {key: [row[key] for row in rows] for key in rows[0]}


def study(name: str, **kwargs: object) -> dict:
    data = columns(name)
    result = attribute_agreement(
        data["part"],
        data["appraiser"],
        data["value"],
        trials=data["trial"],
        reference=data.get("reference"),
        **kwargs,  # type: ignore[arg-type]
    )
    return result.to_dict()


def test_fleiss_1971_diagnoses_kappa_is_0430() -> None:
    # Fleiss (1971): kappa = 0.430; irr: 0.4302445, z = 17.65183, per category 0.245, 0.245,
    # 0.520, 0.471, 0.566 (kappam.fleiss(diagnoses, detail = TRUE)).
    out = study("fleiss1971_diagnoses.csv")
    between = out["between"]["kappa"]
    assert round(between["kappa"], 3) == 0.430
    assert between["kappa"] == pytest.approx(0.4302445, abs=1e-7)
    assert between["z"] == pytest.approx(17.65183, abs=1e-4)
    per = {name: round(row["kappa"], 3) for name, row in between["categories"].items()}
    assert per == {"1": 0.245, "2": 0.245, "3": 0.520, "4": 0.471, "5": 0.566}
    assert out["within"] == [] and out["vs_standard"] == [] and out["all_vs_standard"] is None
    assert out["verdict"]["basis"] == "between" and out["verdict"]["rating"] == "marginal"


def test_cohen_irr_anxiety_raters_2_and_3() -> None:
    # irr kappa2(anxiety[, 2:3]): kappa = -0.006289308, z = -0.0604067.
    out = study("cohen_irr_anxiety_r2_r3.csv")
    (pair,) = out["pairwise"]
    assert pair["kappa"] == pytest.approx(-0.006289308, abs=1e-8)
    assert pair["z"] == pytest.approx(-0.0604067, abs=1e-6)
    assert pair["verdict"] == "poor"


def test_cohen_sas_3x3_simple_kappa() -> None:
    # SAS PROC FREQ: kappa 0.4842, ASE 0.1380, CI 0.2137 .. 0.7547, ASE(H0) 0.1484, Z 3.2626.
    out = study("cohen_sas_table_3x3.csv")
    (pair,) = out["pairwise"]
    assert pair["kappa"] == pytest.approx(0.4842, abs=5e-5)
    assert pair["ase"] == pytest.approx(0.1380, abs=5e-5)
    assert pair["ci"] == pytest.approx([0.2137, 0.7547], abs=5e-5)
    assert pair["se"] == pytest.approx(0.1484, abs=5e-5)
    assert pair["z"] == pytest.approx(3.2626, abs=5e-5)


def test_aiag_a_by_b_cross_tabulation_kappa() -> None:
    # AIAG MSA 4th ed. III-C: kappa between appraisers A and B = .86 (150 paired decisions).
    data = columns("aiag_a_x_b_crosstab_reconstructed.csv")
    a = [v for v, who in zip(data["value"], data["appraiser"], strict=True) if who == "A"]
    b = [v for v, who in zip(data["value"], data["appraiser"], strict=True) if who == "B"]
    assert len(a) == len(b) == 150
    assert round(cohen_from_pairs(a, b, ["0", "1"]).kappa or 0, 2) == 0.86
    out = study("aiag_a_x_b_crosstab_reconstructed.csv")
    assert round(out["pairwise"][0]["kappa"], 2) == 0.86


def test_jasp_bearings_agreement_tables() -> None:
    # JASP test-msaAttribute.R, LF1.1-LF1.3, LF1.7: inspected, matched, percent, 95 % CI.
    out = study("attribute_jasp_bearings.csv")
    within = {row["appraiser"]: row for row in out["within"]}
    expected_within = {"BL": (14, 68.052, 99.831), "EG": (14, 68.052, 99.831),
                       "MH": (12, 51.911, 95.669)}  # fmt: skip
    for name, (matched, low, high) in expected_within.items():
        assert within[name]["inspected"] == 15 and within[name]["matched"] == matched
        assert within[name]["ci"] == pytest.approx([low, high], abs=5e-4)
    versus = {row["appraiser"]: row for row in out["vs_standard"]}
    expected_versus = {"BL": (11, 44.9, 92.213), "EG": (12, 51.911, 95.669),
                       "MH": (9, 32.287, 83.664)}  # fmt: skip
    for name, (matched, low, high) in expected_versus.items():
        assert versus[name]["matched"] == matched
        assert versus[name]["ci"] == pytest.approx([low, high], abs=5e-4)
    assert (out["between"]["matched"], out["between"]["percent"]) == (9, 60.0)
    assert out["between"]["ci"] == pytest.approx([32.287, 83.664], abs=5e-4)
    assert out["all_vs_standard"]["matched"] == 7
    assert out["all_vs_standard"]["percent"] == pytest.approx(46.67, abs=5e-3)
    assert out["all_vs_standard"]["ci"] == pytest.approx([21.267, 73.414], abs=5e-4)


def test_jasp_bearings_kappas() -> None:
    # JASP LF1.10 (Fleiss): within BL 0.91, EG 0.905462184873949, MH 0.543918918918919;
    # vs standard BL 0.48608895977317, EG 0.612918660287081, MH 0.220151828847481;
    # between 0.641666666666666; all vs standard 0.439719816302578.
    # LF1.8 (Cohen vs standard): BL 0.492307692307692, EG 0.612903225806452,
    # MH 0.264150943396226, all 0.466666666666667.
    out = study("attribute_jasp_bearings.csv")
    within = {row["appraiser"]: row["kappa"]["kappa"] for row in out["within"]}
    assert within == pytest.approx({"BL": 0.91, "EG": 0.905462184873949,
                                    "MH": 0.543918918918919}, abs=1e-9)  # fmt: skip
    versus = {row["appraiser"]: row for row in out["vs_standard"]}
    fleiss = {name: row["kappa"]["kappa"] for name, row in versus.items()}
    cohen = {name: row["cohen"]["kappa"] for name, row in versus.items()}
    assert fleiss == pytest.approx({"BL": 0.48608895977317, "EG": 0.612918660287081,
                                    "MH": 0.220151828847481}, abs=1e-9)  # fmt: skip
    assert cohen == pytest.approx({"BL": 0.492307692307692, "EG": 0.612903225806452,
                                   "MH": 0.264150943396226}, abs=1e-9)  # fmt: skip
    assert out["between"]["kappa"]["kappa"] == pytest.approx(0.641666666666666, abs=1e-9)
    assert out["all_vs_standard"]["kappa"]["kappa"] == pytest.approx(0.439719816302578, abs=1e-9)
    assert out["all_vs_standard"]["cohen"]["kappa"] == pytest.approx(0.466666666666667, abs=1e-9)
    assert out["verdict"] == {
        "basis": "all_vs_standard",
        "kappa": pytest.approx(0.439719816302578),
        "rating": "marginal",
        "text": {"en": "marginal (0.40 \u2264 kappa < 0.75)",
                 "zh": "勉强可接受（0.40 \u2264 kappa < 0.75）"},
    }  # fmt: skip
    json.dumps(out, allow_nan=False)


def test_clopper_pearson_closed_forms_and_scipy() -> None:
    # With no successes the exact upper limit is 1 - (alpha/2)^(1/n) (derived by hand from
    # the binomial tail P(X = 0) = (1 - p)^n = alpha/2); all successes mirror it.
    n = 15
    upper = 1 - 0.025 ** (1 / n)
    assert clopper_pearson(0, n) == pytest.approx((0.0, upper))
    assert clopper_pearson(n, n) == pytest.approx((1 - upper, 1.0))
    # Interior values agree with scipy's own exact interval (an independent implementation).
    ci = binomtest(8, 15).proportion_ci(confidence_level=0.95, method="exact")
    assert clopper_pearson(8, 15) == pytest.approx((ci.low, ci.high))


def test_kappa_verdict_thresholds_and_undefined_kappa() -> None:
    # AIAG III-C: >= 0.75 good, 0.40 - 0.75 marginal, < 0.40 poor.
    assert [kappa_verdict(k) for k in (0.75, 0.7499, 0.40, 0.3999, None)] == [
        "good", "marginal", "marginal", "poor", None,
    ]  # fmt: skip
    # every rating in one category: p_e = 1, kappa undefined, null in JSON.
    assert fleiss_kappa([[3, 0], [3, 0]]).kappa is None
    out = attribute_agreement(["1", "1", "2", "2"], ["A", "A", "A", "A"], ["ok"] * 4)
    assert out.to_dict()["within"][0]["kappa"]["kappa"] is None
    assert out.to_dict()["within"][0]["percent"] == 100.0
    json.dumps(out.to_dict(), allow_nan=False)


@pytest.mark.parametrize(
    ("parts", "appraisers", "values", "kwargs", "match"),
    [
        (["1", "2", "1"], ["A", "A", "B"], ["x", "y", "x"], {}, "appraiser B rated part 2 0"),
        (["1", ""], ["A", "A"], ["x", "y"], {}, "rating 2: the part is blank"),
        (["1", "2"], ["A", "A"], ["x", "y"], {}, "nothing to compare"),
        (["1", "1"], ["A", "A"], ["x", "y"], {}, "at least 2 parts"),
        (["1", "1", "2", "2"], ["A"] * 4, ["x", "y", "x", "x"], {"trials": ["1", "1", "1", "2"]},
         "rated part 1 twice in trial 1"),
        (["1", "1", "2", "2"], ["A"] * 4, ["x", "y", "x", "x"],
         {"reference": ["x", "y", "x", "x"]}, "part 1 has the standard 'y' here but 'x'"),
    ],
)  # fmt: skip
def test_bad_studies_are_located(
    parts: list[str], appraisers: list[str], values: list[str], kwargs: dict, match: str
) -> None:
    with pytest.raises(UserError, match=match):
        attribute_agreement(parts, appraisers, values, **kwargs)


def test_per_category_kappa_is_nan_free_for_a_missing_category() -> None:
    out = study("cohen_irr_anxiety_r2_r3.csv")
    text = json.dumps(out, allow_nan=False)
    assert "NaN" not in text and not math.isnan(out["between"]["kappa"]["kappa"])
