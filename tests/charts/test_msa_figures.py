"""MSA figures drawn from the engine's results: linearity and bias, attribute agreement."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from matplotlib.figure import Figure

from qclinic.charts.msa_figures import draw_attribute_agreement, draw_linearity
from qclinic.core.msa import attribute_agreement, linearity_study

DATA = Path(__file__).resolve().parents[1] / "core" / "msa" / "data"


def _columns(name: str) -> dict[str, list[str]]:
    with (DATA / name).open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {key: [row[key] for row in rows] for key in rows[0]}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_linearity_figure(lang: str) -> None:
    data = _columns("gage_linearity_aiag.csv")
    references = [float(v) for v in data["reference"]]
    values = [float(v) for v in data["measurement"]]
    result = linearity_study(references, values).to_dict()
    figure = Figure(figsize=(7, 4))
    draw_linearity(figure, references, values, result, lang)
    (ax,) = figure.axes
    regression = ax.lines[2]
    # the fitted line is drawn from the engine's intercept and slope
    x0 = min(references)
    assert regression.get_ydata()[0] == pytest.approx(result["intercept"] + result["slope"] * x0)
    assert ("线性" if lang == "zh" else "Linearity") in figure._suptitle.get_text()
    figure.savefig(io.BytesIO(), format="png")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_attribute_agreement_figure(lang: str) -> None:
    data = _columns("attribute_jasp_bearings.csv")
    result = attribute_agreement(
        data["part"], data["appraiser"], data["value"],
        trials=data["trial"], reference=data["reference"],
    ).to_dict()  # fmt: skip
    figure = Figure(figsize=(8, 4))
    draw_attribute_agreement(figure, result, lang)
    within, versus = figure.axes
    # the plotted points are the percentages of the result (MH: 12 of 15 within = 80 %)
    assert list(within.lines[0].get_ydata()) == pytest.approx(
        [r["percent"] for r in result["within"]]
    )
    assert [t.get_text() for t in versus.get_xticklabels()] == ["EG", "BL", "MH"]
    assert "0.440" in figure._suptitle.get_text()
    figure.savefig(io.BytesIO(), format="png")
