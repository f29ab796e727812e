"""SPC figures are plain matplotlib Figures (no pyplot), drawn from the engine's result dicts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np

from qclinic.charts.spc_figures import (
    ControlChartPlot,
    capability_figure,
    control_chart_figure,
    gage_rr_figure,
)
from qclinic.core.msa import gage_rr
from qclinic.core.spc import capability, xbar_chart

DATA = Path(__file__).resolve().parents[1] / "core"


def _piston_rings() -> np.ndarray:
    with open(DATA / "spc" / "data" / "pistonrings.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:25]
    return np.array([[float(r[f"obs{j}"]) for j in range(1, 6)] for r in rows])


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def test_control_chart_draws_limits_and_marks_excluded_points() -> None:
    analysis = xbar_chart(_piston_rings(), exclude={3: "tool change"})
    result = analysis.to_dict()
    figure = control_chart_figure(result, "zh")
    assert not hasattr(figure, "number")  # not a pyplot-managed figure
    assert _png(figure).startswith(b"\x89PNG")
    plot = ControlChartPlot(figure, "en")
    plot.update(result)
    assert len(plot.axes) == 2
    ucl_line = plot._artists[0]["ucl"]
    assert np.allclose(ucl_line.get_ydata(), result["charts"][0]["ucl"])
    assert list(plot._artists[0]["excluded"].get_xdata()) == [4.0]
    assert "Excluded: tool change" in plot.describe(plot.axes[0], 3)


def test_capability_and_gage_figures_render_headless() -> None:
    data = _piston_rings()
    cap = capability(data, lsl=73.95, usl=74.05, sigma_method="rbar").to_dict()
    assert _png(capability_figure(data, cap, "zh", unit="mm")).startswith(b"\x89PNG")
    with open(DATA / "msa" / "data" / "gage_aiag.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    parts = [r["part"] for r in rows]
    operators = [r["operator"] for r in rows]
    values = [float(r["measurement"]) for r in rows]
    result = gage_rr(parts, operators, values, tolerance=8.0).to_dict()
    figure = gage_rr_figure(parts, operators, values, result, "en")
    assert len(figure.axes) == 6
    assert "ndc = 4" in figure._suptitle.get_text()
    assert _png(figure).startswith(b"\x89PNG")


def test_limit_labels_and_capability_box_carry_the_issue_9_figures() -> None:
    # Piston rings are measured to 0.001 mm: the labels print 0.0001 mm (Montgomery Table 6.3:
    # UCL 74.0143, LCL 73.9880), and the capability box ends with the verdict.
    data = _piston_rings()
    plot = ControlChartPlot(control_chart_figure(xbar_chart(data).to_dict(), "en"), "en")
    plot.update(xbar_chart(data).to_dict())
    labels = [text.get_text() for text in plot._artists[0]["labels"]]
    assert labels == ["UCL=74.0143", "CL=74.0012", "LCL=73.9880"]
    cap = capability(data, lsl=73.95, usl=74.05, sigma_method="rbar").to_dict()
    figure = capability_figure(data, cap, "en", unit="mm")
    texts = [t.get_text() for ax in figure.axes for t in ax.texts]
    assert any("capable (Cpk ≥ 1.33)" in text for text in texts)
