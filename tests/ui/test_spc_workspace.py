"""The SPC / MSA workspace, driven like a person: paste, preview, import, chart, exclude, attach."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog

from qclinic.core.spc import xbar_chart
from qclinic.storage.library import checklist_content
from qclinic.storage.repositories import assessments, attachments, datasets

CORE = Path(__file__).resolve().parents[1] / "core"


def _piston_rings() -> list[list[float]]:
    with open(CORE / "spc" / "data" / "pistonrings.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:25]  # Montgomery's phase I subgroups
    return [[float(r[f"obs{j}"]) for j in range(1, 6)] for r in rows]


def _gage_rows() -> list[dict[str, str]]:
    with open(CORE / "msa" / "data" / "gage_aiag.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def page(qtbot, database, services, signals, demo_ids):
    from qclinic.ui.pages.spc import create

    widget = create(services, signals, "en")
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.load()
    widget.select_organization(demo_ids["organization"])
    widget.show()
    return widget


def _store_piston_rings(database, organization_id: str) -> str:
    with database.session() as session:
        dataset = datasets.create_dataset(
            session, organization_id, "Piston rings", unit="mm", subgroup_size=5
        )
        datasets.add_values(session, dataset.id, datasets.subgroup_rows(_piston_rings()))
        return dataset.id


def test_paste_from_excel_preview_then_import(
    qtbot, page, database, services, signals, demo_ids, monkeypatch
) -> None:
    from qclinic.ui.spc.import_dialog import DatasetImportDialog

    lines = ["Sample\tX1\tX2\tX3"] + [
        f"{i + 1}\t{row[0]}\t{row[1]}\t{row[2]}" for i, row in enumerate(_piston_rings()[:10])
    ]
    lines[4] = "4\t74.002\tn/a\t73.993"  # a cell that is not a number
    QGuiApplication.clipboard().setText("\n".join(lines) + "\n")
    dialog = DatasetImportDialog(services, signals, demo_ids["organization"], page)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ui.pasteButton, Qt.MouseButton.LeftButton)
    assert dialog.layout_key() == "wide"
    assert dialog.chosen_columns() == [1, 2, 3]  # the sample number is not a value column
    assert dialog.ui.summaryLabel.text() == "10 subgroups of size 3 (30 values)"
    assert "row 5, column X2: 'n/a' is not a number" in dialog.ui.problemsLabel.text()
    assert dialog.preview.rowCount() == 10 and dialog.preview.header == ["X1", "X2", "X3"]
    dialog.ui.nameEdit.insert("外径 ")  # typed through an input method
    qtbot.keyClicks(dialog.ui.nameEdit, "OD")
    qtbot.keyClicks(dialog.ui.lslEdit, "73.95")
    qtbot.keyClicks(dialog.ui.uslEdit, "74.05")
    # Issue 10: a blank value is missing, not the whole subgroup; the page asks first.
    asked: list[str] = []
    monkeypatch.setattr(page, "ask_missing", lambda text: asked.append(text) or False)
    with qtbot.waitSignal(signals.data_changed):
        dialog.accept()
    with database.read_session() as session:
        stored = datasets.get_dataset(session, dialog.dataset_id)
        rows = datasets.list_values(session, dialog.dataset_id)
    assert (stored.name, stored.subgroup_size, stored.lsl, stored.usl) == (
        "外径 OD",
        3,
        73.95,
        74.05,
    )
    assert len(rows) == 30 and rows[10].value is None  # the bad cell, blank until fixed
    page.refresh_list()
    page.select_dataset(dialog.dataset_id)
    assert asked == ["1 values are empty or were not numbers: subgroup 4 position 2"]
    assert page.result is None and "Not analysed" in page.chart_view.status.text()
    page.recompute()  # declined: not asked again on every refresh
    assert len(asked) == 1
    monkeypatch.setattr(page, "ask_missing", lambda text: asked.append(text) or True)
    page.on_chart_settings_changed()  # a chart setting changed: asked again
    assert page.result["points"] == 10  # subgroup 4 keeps its 2 values, with its own limits
    assert page.result["missing"] == [{"subgroup": 4, "position": 2}]
    assert page.result["parameters"]["subgroup_size"][3] == 2
    assert page.result["capability"]["n"] == 29
    page.recompute()  # the answer is remembered for this dataset: not asked again
    assert len(asked) == 2


def test_xbar_r_limits_exclude_by_click_and_attach(
    qtbot, page, database, demo_ids, monkeypatch
) -> None:
    dataset_id = _store_piston_rings(database, demo_ids["organization"])
    page.refresh_list()
    page.select_dataset(dataset_id)
    expected = xbar_chart(_piston_rings()).to_dict()["charts"][0]
    shown = page.result["charts"][0]
    assert shown["ucl"] == pytest.approx(74.0143, abs=1e-4) == expected["ucl"]
    assert shown["lcl"] == pytest.approx(73.9880, abs=1e-4) == expected["lcl"]
    assert "UCL 74.0143" in page.chart_view.status.text()
    canvas = page.chart_view.canvas
    line = canvas.plot._artists[0]["ucl"]
    assert line.get_ydata()[0] == pytest.approx(expected["ucl"])

    # Hover, then click point 14 (the lowest mean) where it is drawn; give a reason.
    canvas.draw()
    px, py = canvas.plot.point_display(0, 13)
    ratio = canvas.devicePixelRatioF() or 1.0
    where = QPoint(round(px / ratio), round(canvas.height() - py / ratio))
    qtbot.mouseMove(canvas, where)
    assert canvas.hover_text().startswith("Point 14:")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: ("gauge dropped", True))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=where)
    with database.read_session() as session:
        assert datasets.excluded_subgroups(session, dataset_id) == {14: "gauge dropped"}
    revised = xbar_chart(_piston_rings(), exclude={13: "gauge dropped"}).to_dict()["charts"][0]
    assert page.result["charts"][0]["ucl"] == pytest.approx(revised["ucl"])
    assert page.result["excluded"] == [{"index": 13, "point": 14, "reason": "gauge dropped"}]
    assert list(canvas.plot._artists[0]["excluded"].get_xdata()) == [14.0]

    # Attach the chart to a question of an SPC assessment.
    with database.session() as session:
        content = checklist_content(session, "spc")
        spc = assessments.start_assessment(
            session, demo_ids["organization"], "spc", content["version"], content, "SPC check"
        )
    dialog = page.attach_dialog()
    qtbot.addWidget(dialog)
    assert dialog.shown()[0][0] == spc.id  # the draft's SPC questions come first
    question = dialog.shown()[2][1]
    dialog.select(spc.id, question)
    dialog.accept()
    with database.read_session() as session:
        found = attachments.list_attachments(session, assessment_id=spc.id, question_id=question)
        kinds = sorted(a.mime_type for a in found)
        document = next(a for a in found if a.mime_type.endswith("+json"))
        png = next(a for a in found if a.mime_type == "image/png")
    assert kinds == ["application/vnd.qclinic.analysis+json", "image/png"]
    result = json.loads(database.blobs.read_bytes(document.sha256))
    assert result["chart"] == "xbar-r" and result["excluded"][0]["reason"] == "gauge dropped"
    assert database.blobs.read_bytes(png.sha256).startswith(b"\x89PNG")

    # Click again: the point is included and the limits are back.
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=where)
    assert page.result["charts"][0]["ucl"] == pytest.approx(expected["ucl"])


def test_gage_view_renders_the_aiag_study(qtbot, page, database, demo_ids) -> None:
    rows = _gage_rows()
    with database.session() as session:
        dataset = datasets.create_dataset(
            session, demo_ids["organization"], "AIAG gage", kind="gage-study", lsl=-4.0, usl=4.0
        )
        datasets.add_values(
            session,
            dataset.id,
            [
                {
                    "subgroup": i + 1,
                    "part": r["part"],
                    "operator": r["operator"],
                    "trial": int(r["trial"]),
                    "value": float(r["measurement"]),
                }
                for i, r in enumerate(rows)
            ],
        )
    page.refresh_list()
    page.select_dataset(dataset.id)
    assert page.tabs.currentWidget() is page.gage_view
    result = page.gage_view.result
    assert result["ndc"] == 4 and result["verdict"]["study"] == "conditional"
    assert "27.86%" in page.gage_view.verdict.text()
    assert len(page.gage_view.figure.axes) == 6
    assert page.gage_view.components.rowCount() == 7


def test_grid_edit_commits_and_recomputes(qtbot, page, database, demo_ids) -> None:
    dataset_id = _store_piston_rings(database, demo_ids["organization"])
    page.refresh_list()
    page.select_dataset(dataset_id)
    before = page.result["charts"][0]["center"]
    index = page.values_model.index(0, 2)  # subgroup 1, position 1, value
    assert page.values_model.setData(index, "74.100")
    with database.read_session() as session:
        assert datasets.list_values(session, dataset_id)[0].value == 74.1
    assert page.result["charts"][0]["center"] > before
