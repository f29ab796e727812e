"""Attaching an SPC/MSA analysis as evidence: which questions are offered, and how the pair of
files (chart PNG + result JSON) then shows on the question card — as one tile with its figures."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from qclinic.core.spc import xbar_chart
from qclinic.storage.repositories import assessments, attachments

CORE = Path(__file__).resolve().parents[1] / "core"


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path):
    """Keep settings.json out of the real data dir."""
    from qclinic import paths

    paths.set_data_dir(tmp_path / "data")
    yield
    paths.set_data_dir(None)


def _start(database, organization_id: str, checklist_id: str) -> str:
    from qclinic.storage.library import checklist_content

    with database.session() as session:
        content = checklist_content(session, checklist_id)
        return assessments.start_assessment(
            session, organization_id, checklist_id, content["version"], content, "Visit 2026"
        ).id


def _piston_rings_result() -> dict:
    """Montgomery's piston-ring phase I data (Introduction to SQC, 7th ed., table 6.3)."""
    with open(CORE / "spc" / "data" / "pistonrings.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:25]
    result = xbar_chart([[float(r[f"obs{j}"]) for j in range(1, 6)] for r in rows]).to_dict()
    result["decimals"] = 4
    return result


def _dialog(qtbot, database, signals, organization_id: str, result: dict | None = None):
    from qclinic.services import Services
    from qclinic.ui.spc.attach_dialog import AttachEvidenceDialog

    dialog = AttachEvidenceDialog(
        Services(database),
        signals,
        "en",
        organization_id,
        b"\x89PNG\r\n\x1a\n",
        result or {"analysis": "control_chart", "chart": "xbar-r", "charts": []},
        "piston rings Nov",
    )
    qtbot.addWidget(dialog)
    return dialog


def _question_ids(dialog) -> list[str]:
    return [question_id for _assessment, question_id in dialog.shown()]


def test_capability_questions_come_first_and_search_finds_the_rest(
    qtbot, database, signals, demo_ids
) -> None:
    draft = _start(database, demo_ids["organization"], "nqi-clinic")
    dialog = _dialog(qtbot, database, signals, demo_ids["organization"])
    with database.read_session() as session:
        from qclinic.core.checklists import from_frozen

        checklist = from_frozen(assessments.frozen_checklist(session, draft))
    cpk = next(q.id for q in checklist.questions() if "Cpk" in q.text.en)
    unrelated = "QMS.1"  # the quality management system: nothing about SPC or MSA

    offered = dialog.shown()
    assert offered[0] == (draft, "SPC.1")  # the draft's first, in checklist order
    assert (draft, cpk) in offered
    assert unrelated not in _question_ids(dialog)  # not offered without a search

    # typed text filters every question by id or words, the SPC/MSA ones still first
    qtbot.keyClicks(dialog.ui.searchEdit, "QMS.1")
    assert (draft, unrelated) in dialog.shown()
    assert all(question_id.startswith("QMS.1") for question_id in _question_ids(dialog))
    dialog.ui.searchEdit.clear()
    words = checklist.question(unrelated).text.en.split()
    word = next(w for w in checklist.question(cpk).text.en.split() if len(w) > 3 and w in words)
    dialog.ui.searchEdit.setText(word)
    found = dialog.shown()
    assert found.index((draft, cpk)) < found.index((draft, unrelated))
    # the row shows the whole question as its tooltip
    item = dialog.ui.questionTree.topLevelItem(found.index((draft, unrelated)))
    assert item.toolTip(0).endswith(checklist.question(unrelated).text.en)


def test_attach_is_enabled_once_a_question_is_chosen(qtbot, database, signals, demo_ids) -> None:
    draft = _start(database, demo_ids["organization"], "nqi-clinic")
    dialog = _dialog(qtbot, database, signals, demo_ids["organization"])
    dialog.show()
    assert not dialog.ok_button.isEnabled()  # nothing chosen yet
    tree = dialog.ui.questionTree
    row = dialog.shown().index((draft, "SPC.2"))
    rect = tree.visualItemRect(tree.topLevelItem(row))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.chosen() == (draft, "SPC.2")
    assert dialog.ok_button.isEnabled()  # no box to tick first
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with database.read_session() as session:
        stored = attachments.list_attachments(session, assessment_id=draft, question_id="SPC.2")
    assert sorted(a.file_name for a in stored) == ["piston_rings_Nov.json", "piston_rings_Nov.png"]


def test_the_card_shows_a_chart_and_its_analysis_as_one_tile(
    qtbot, database, services, signals, demo_ids
) -> None:
    from PySide6.QtGui import QColor, QImage

    from qclinic.ui.pages.assessments import create
    from qclinic.ui.runner.attachments import png_bytes

    draft = _start(database, demo_ids["organization"], "nqi-clinic")
    image = QImage(300, 180, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    result = _piston_rings_result()
    dialog = _dialog(qtbot, database, signals, demo_ids["organization"], result)
    dialog._png = png_bytes(image)
    dialog.select(draft, "SPC.2")
    dialog.accept()

    page = create(services, signals, "en")
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.load()
    signals.open_assessment.emit(draft)
    card = page.runner.card(("SPC.2", ""))
    tiles = card.attachments.thumbs
    assert len(tiles) == 1  # not a PNG tile and a ".json" tile
    tile = tiles[0]
    from qclinic.ui.runner.attachments import AnalysisTile

    assert isinstance(tile, AnalysisTile)
    assert not tile.pixmap().isNull()
    ucl = result["charts"][0]["ucl"]
    violations = sum(len(c["violations"]) for c in result["charts"])
    assert f"UCL {ucl:.4f}" == "UCL 74.0143"  # Montgomery's X̄ chart UCL for these data
    assert tile.figures.text() == f"X̄-R · UCL 74.0143 · {violations} violation(s)"
    assert "piston_rings_Nov.png + piston_rings_Nov.json" in tile.toolTip()
    with database.read_session() as session:  # both files are still stored as they were
        stored = attachments.list_attachments(session, assessment_id=draft, question_id="SPC.2")
    document = next(a for a in stored if a.file_name.endswith(".json"))
    assert json.loads(database.blobs.read_bytes(document.sha256))["charts"][0]["ucl"] == ucl


def test_tile_figures_for_capability_and_gage_studies(qapp) -> None:
    from qclinic.core.msa import gage_rr
    from qclinic.core.spc import capability
    from qclinic.ui.runner.evidence_tiles import ANALYSIS_MIME, Evidence, key_figures, tiles

    with open(CORE / "msa" / "data" / "gage_aiag.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # AIAG MSA 4th ed. (2010), the average-and-range example (table III-B 6, p. 119):
    # %GRR 26.68 % of the study variation, ndc = 5.
    study = gage_rr(
        [r["part"] for r in rows],
        [r["operator"] for r in rows],
        [float(r["measurement"]) for r in rows],
        method="xbar-r",
    ).to_dict()
    assert key_figures(json.dumps(study).encode()) == "%GRR 26.7 % · ndc 5"

    # Cpk between 1.00 and 1.33 is "conditionally capable" (docs/SPC.md, DOMAIN.md)
    values = [10.0 + 0.05 * ((i * 7) % 11 - 5) for i in range(30)]
    result = capability(values, lsl=9.2, usl=10.8).to_dict()
    cpk = result["indices"]["cpk"]
    assert 1.0 <= cpk < 1.33
    assert key_figures(json.dumps(result).encode()) == f"Cpk {cpk:.2f} · conditionally capable"

    # a chart and an analysis that do not share a stem pair when they are the only two;
    # a photo beside them stays a tile of its own
    png, document = b"\x89PNG\r\n\x1a\n", json.dumps(result).encode()
    pair = tiles(
        [
            Evidence("1", "line 3.png", png, "image/png"),
            Evidence("2", "capability.json", document, ANALYSIS_MIME),
        ]
    )
    assert [t.ids for t in pair] == [("1", "2")]
    three = tiles(
        [
            Evidence("1", "photo.jpg", b"jpeg", "image/jpeg"),
            Evidence("2", "cap.png", png, "image/png"),
            Evidence("3", "cap.json", document, ANALYSIS_MIME),
        ]
    )
    assert [t.ids for t in three] == [("1",), ("2", "3")]
    assert three[1].figures.startswith("Cpk ") and not three[0].figures
