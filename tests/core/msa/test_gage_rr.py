"""Crossed gage R&R against the AIAG MSA 4th edition, Minitab and SPC for Excel examples."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from qclinic.core.msa import gage_rr
from qclinic.errors import UserError

DATA = Path(__file__).resolve().parent / "data"


def load(name: str) -> tuple[list[str], list[str], list[str]]:
    with (DATA / name).open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return (
        [r["part"] for r in rows],
        [r["operator"] for r in rows],
        [r["measurement"] for r in rows],
    )


def test_aiag_average_and_range_example() -> None:
    # AIAG, Measurement Systems Analysis, 4th ed. (2010), average and range method example
    # (10 parts x 3 appraisers x 3 trials; also Minitab's GAGEAIAG data): R-bar-bar = 0.3417,
    # X-diff = 0.4447, Rp = 3.511, EV = 0.20188, AV = 0.22963, GRR = 0.30575, PV = 1.10456,
    # TV = 1.14610, %EV 17.62, %AV 20.04, %GRR 26.68, %PV 96.38, ndc = 5. The manual works with
    # K factors rounded to 4 decimals (0.5908, 0.5231, 0.3146), so 2e-4 is allowed.
    result = gage_rr(*load("gage_aiag.csv"), method="xbar-r")
    c = result.components
    assert result.constants["rbar"] == pytest.approx(0.3417, abs=5e-5)
    assert result.constants["x_diff"] == pytest.approx(0.4447, abs=5e-5)
    assert result.constants["rp"] == pytest.approx(3.511, abs=5e-4)
    assert c["repeatability"] == pytest.approx(0.20188, abs=2e-4)
    assert c["reproducibility"] == pytest.approx(0.22963, abs=2e-4)
    assert c["grr"] == pytest.approx(0.30575, abs=2e-4)
    assert c["part"] == pytest.approx(1.10456, abs=2e-4)
    assert c["total"] == pytest.approx(1.14610, abs=2e-4)
    pct = result.percent_study()
    for key, published in (("repeatability", 17.62), ("reproducibility", 20.04),
                           ("grr", 26.68), ("part", 96.38)):  # fmt: skip
        assert pct[key] == pytest.approx(published, abs=0.02), key
    assert result.ndc == 5
    assert result.verdict()["study"] == "conditional"


def test_aiag_data_anova_minitab_example() -> None:
    # Minitab Help, "Example of Gage R&R Study (Crossed)" (GAGEAIAG data, ANOVA method,
    # tolerance 8): the Part*Operator p-value is 0.974, so the interaction is removed;
    # Total Gage R&R %Contribution 7.76, Part-to-Part 92.24, %Study Var 27.86, ndc = 4.
    result = gage_rr(*load("gage_aiag.csv"), method="anova", tolerance=8.0)
    assert result.interaction_p == pytest.approx(0.974, abs=5e-4)
    assert result.interaction_pooled
    contribution = result.percent_contribution()
    assert contribution["grr"] == pytest.approx(7.76, abs=5e-3)
    assert contribution["part"] == pytest.approx(92.24, abs=5e-3)
    assert result.percent_study()["grr"] == pytest.approx(27.86, abs=5e-3)
    assert result.ndc == 4
    out = result.to_dict()
    assert out["percent_tolerance"]["grr"] == pytest.approx(600 * result.components["grr"] / 8)
    json.dumps(out, allow_nan=False)


def test_spc_for_excel_anova_table_pooled_interaction() -> None:
    # SPC for Excel, "Gage R&R ANOVA" publication (5 parts x 3 operators x 3 trials): SS
    # operator 1.630, part 28.909, operator-by-part 0.065, equipment 1.712, total 32.317;
    # MS 0.815, 7.227, 0.008, 0.057; F(interaction) = 0.142, p = 0.9964 -> pooled at 0.25.
    result = gage_rr(*load("gage_spcforexcel.csv"), method="anova")
    table = {row["source"]: row for row in result.anova if row["model"] == "full"}
    assert table["operator"]["ss"] == pytest.approx(1.630, abs=5e-4)
    assert table["part"]["ss"] == pytest.approx(28.909, abs=5e-4)
    assert table["part*operator"]["ss"] == pytest.approx(0.065, abs=5e-4)
    assert table["repeatability"]["ss"] == pytest.approx(1.712, abs=5e-4)
    assert table["total"]["ss"] == pytest.approx(32.317, abs=5e-4)
    assert table["part*operator"]["f"] == pytest.approx(0.142, abs=5e-4)
    assert table["part*operator"]["p"] == pytest.approx(0.9964, abs=5e-5)
    assert result.interaction_pooled and result.components["interaction"] == 0.0
    # Pooled model from first principles: sigma^2_e = (SS_int + SS_e) / (8 + 30).
    assert result.components["repeatability"] ** 2 == pytest.approx((0.0650044 + 1.7121333) / 38)


def test_interaction_kept_below_threshold() -> None:
    # pool_alpha = 1 never pools (p <= 1): the negative interaction estimate is clamped to zero.
    result = gage_rr(*load("gage_spcforexcel.csv"), pool_alpha=1.0)
    assert not result.interaction_pooled
    assert result.components["interaction"] == 0.0


def test_study_multiplier_changes_only_tolerance_percent() -> None:
    six = gage_rr(*load("gage_aiag.csv"), tolerance=8.0)
    older = gage_rr(*load("gage_aiag.csv"), tolerance=8.0, study_multiplier=5.15)
    assert older.percent_study() == six.percent_study()
    assert older.percent_tolerance()["grr"] == pytest.approx(
        six.percent_tolerance()["grr"] * 5.15 / 6
    )


def test_unbalanced_study_names_the_cell() -> None:
    parts, operators, values = load("gage_aiag.csv")
    with pytest.raises(UserError, match="part 1, operator A has 2"):
        gage_rr(parts[1:], operators[1:], values[1:])


@pytest.mark.parametrize(
    ("mutate", "match"),
    [(lambda v: ["abc", *v[1:]], "not a number"), (lambda v: ["", *v[1:]], "not a number"),
     (lambda v: ["nan", *v[1:]], "blank or NaN"), (lambda v: ["inf", *v[1:]], "infinite")],
)  # fmt: skip
def test_bad_measurements(mutate, match: str) -> None:
    parts, operators, values = load("gage_aiag.csv")
    with pytest.raises(UserError, match=match):
        gage_rr(parts, operators, mutate(values))


def test_zero_variation_and_single_operator() -> None:
    parts, operators, values = load("gage_aiag.csv")
    with pytest.raises(UserError, match="zero variation"):
        gage_rr(parts, operators, ["1.0"] * len(values))
    with pytest.raises(UserError, match="2 operators"):
        gage_rr(parts, ["A"] * len(parts), values)
