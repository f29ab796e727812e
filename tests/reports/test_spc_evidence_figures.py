"""SPC/MSA evidence in the report: limits to the data's decimals, chart constants, verdicts
(issue 9, items 13 and 17).

Piston rings (Montgomery, *Introduction to Statistical Quality Control*, Table 6.3, measured to
0.001 mm): x-double-bar 74.0012, UCL 74.0143, LCL 73.9880 - printed before as 74, 74.01, 73.99.
The AIAG MSA 4th ed. gage study has ndc = 4 (< 5: inadequate) with %GRR 27.86 % (conditional).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from tests.reports.conftest import pdf_text, png_chart

DATA = Path(__file__).resolve().parents[1] / "core"


def _piston_rings() -> list[list[float]]:
    with open(DATA / "spc" / "data" / "pistonrings.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:25]
    return [[float(r[f"obs{j}"]) for j in range(1, 6)] for r in rows]


def _chart_result() -> dict[str, Any]:
    from qclinic.core.spc import capability, xbar_chart

    rows = _piston_rings()
    result = xbar_chart(rows).to_dict()
    result["capability"] = capability(
        rows, lsl=73.95, usl=74.05, sigma_method="rbar", thresholds=(2.0, 1.8, 1.5)
    ).to_dict()
    return result


def test_key_figures_print_the_data_decimals_constants_and_verdict() -> None:
    from qclinic.reports.detail import key_figures

    figures = dict(key_figures(_chart_result(), "en"))
    assert figures["xbar · Center"] == "74.0012"
    assert figures["xbar · UCL"] == "74.0143"
    assert figures["xbar · LCL"] == "73.9880"
    assert figures["r · Center"] == "0.0228"
    assert figures["Chart constants"] == "as tabled (Montgomery App. VI)"
    # Cpk 1.663 against thresholds 2.0 / 1.8 / 1.5: conditionally capable.
    assert figures["Capability verdict"] == (
        "conditionally capable: watch and improve (1.50 ≤ Cpk < 1.80)"
    )
    zh = dict(key_figures(_chart_result(), "zh"))
    assert zh["能力结论"].startswith("有条件接受")


def test_older_evidence_without_decimals_gets_six_digits_and_a_verdict() -> None:
    from qclinic.reports.detail import key_figures

    old = _chart_result()
    for key in ("decimals", "constants"):
        old.pop(key)
    old["capability"].pop("verdict")
    figures = dict(key_figures(old, "en"))
    assert figures["xbar · UCL"] == "74.0143" and figures["xbar · LCL"] == "73.988"
    assert "Chart constants" not in figures
    assert figures["Capability verdict"] == "capable (Cpk ≥ 1.33)"  # default thresholds


def test_printed_report_shows_the_figures(fresh: tuple[Any, dict[str, Any], Path]) -> None:
    from qclinic.core.msa import gage_rr
    from qclinic.core.vocabulary import AssessmentStatus
    from qclinic.reports import build_report
    from qclinic.reports.data import ANALYSIS_MIME
    from qclinic.storage.repositories import assessments, attachments

    database, ids, folder = fresh
    assessment_id = ids["completed_assessment"]
    with open(DATA / "msa" / "data" / "gage_aiag.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    grr = gage_rr(
        [r["part"] for r in rows],
        [r["operator"] for r in rows],
        [float(r["measurement"]) for r in rows],
    ).to_dict()
    assert grr["ndc"] == 4
    with database.session() as s:
        assessments.set_assessment_status(s, assessment_id, AssessmentStatus.DRAFT)
        for name, result, question in (("xbar", _chart_result(), "SPC.2"), ("grr", grr, "MSA.2")):
            attachments.add_attachment(
                s, database.blobs, png_chart(), f"{name}.png", mime_type="image/png",
                assessment_id=assessment_id, question_id=question,
            )  # fmt: skip
            attachments.add_attachment(
                s, database.blobs, json.dumps(result).encode(), f"{name}.json",
                mime_type=ANALYSIS_MIME, assessment_id=assessment_id, question_id=question,
            )  # fmt: skip
    text = pdf_text(build_report(database, assessment_id, folder / "spc.pdf", "en").path)
    flat = " ".join(text.split())
    for figure in ("74.0012", "74.0143", "73.9880"):
        assert figure in flat
    assert "conditionally capable" in flat
    assert "inadequate" in flat and "cannot tell parts apart" in flat
