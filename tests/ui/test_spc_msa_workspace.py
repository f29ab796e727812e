"""Issue 10 in the SPC workspace: gage R&R method and tolerance, the MSA studies tab, the
import dialog's phase column and layout, settings remembered per dataset."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from qclinic.core.msa import gage_rr
from qclinic.storage.repositories import datasets

CORE = Path(__file__).resolve().parents[1] / "core"


@pytest.fixture
def page(qtbot, database, services, signals, demo_ids):
    from qclinic.ui.pages.spc import create

    widget = create(services, signals, "en")
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.load()
    widget.select_organization(demo_ids["organization"])
    widget.show()
    return widget


def _gage_dataset(database, organization_id: str) -> str:
    with open(CORE / "msa" / "data" / "gage_aiag.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with database.session() as session:
        dataset = datasets.create_dataset(
            session, organization_id, "AIAG gage", kind="gage-study", lsl=-4.0, usl=4.0
        )
        datasets.add_values(
            session,
            dataset.id,
            [
                {"subgroup": i + 1, "part": r["part"], "operator": r["operator"],
                 "trial": int(r["trial"]), "value": float(r["measurement"])}
                for i, r in enumerate(rows)
            ],
        )  # fmt: skip
        return dataset.id


def test_gage_method_and_tolerance_are_offered_and_remembered(
    qtbot, page, database, demo_ids
) -> None:
    dataset_id = _gage_dataset(database, demo_ids["organization"])
    page.refresh_list()
    page.select_dataset(dataset_id)
    view = page.gage_view
    # The tolerance defaults to the dataset's USL - LSL, so %Tolerance is shown, not "–".
    assert view.tolerance() == 8.0 and view.method() == "anova"
    assert view.result["percent_tolerance"]["grr"] is not None
    assert "–" not in view.components.data(view.components.index(0, 4))
    # X-bar-R: the AIAG average-and-range figures (AIAG MSA 4th ed.: GRR = 0.30575).
    view.method_combo.setCurrentIndex(view.method_combo.findData("xbar-r"))
    assert view.result["method"] == "xbar-r"
    assert view.result["components"]["grr"] == pytest.approx(0.30575, abs=2e-4)
    view.tolerance_edit.setText("5")
    view.tolerance_edit.editingFinished.emit()
    with open(CORE / "msa" / "data" / "gage_aiag.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    expected = gage_rr(
        [r["part"] for r in rows], [r["operator"] for r in rows],
        [float(r["measurement"]) for r in rows], method="xbar-r", tolerance=5.0,
    ).to_dict()  # fmt: skip
    assert view.result["percent_tolerance"] == pytest.approx(expected["percent_tolerance"])
    # Shown again (another session would read the same settings file): remembered.
    view.set_settings("anova", None)
    page.show_dataset(dataset_id)
    assert (view.method(), view.tolerance()) == ("xbar-r", 5.0)


def test_attribute_agreement_tab_from_a_file(qtbot, page) -> None:
    view = page.msa_view
    page.tabs.setCurrentWidget(view)
    from qclinic.core.spc.tabular import read_table

    view.set_table(read_table(CORE / "msa" / "data" / "attribute_jasp_bearings.csv"))
    # The columns are guessed from the headers, the standard included.
    assert view.column("standard") == 4 and view.column("trial") == 2
    result = view.result
    assert result["analysis"] == "attribute_agreement"
    # JASP test-msaAttribute.R LF1.10: all appraisers vs standard, Fleiss' kappa 0.4397.
    assert result["verdict"]["kappa"] == pytest.approx(0.439719816302578)
    assert "0.440" in view.status.text()
    assert "marginal (0.40 \u2264 kappa &lt; 0.75)" in view.status.text()  # escaped, all shown
    assert view.rows.rowCount() == 3 + 3 + 2 + 3  # within, vs standard, between+all, pairs
    assert len(view.figure.axes) == 2
    assert page.current_result() is result
    # Without the standard the verdict falls back to between appraisers.
    view.combos["standard"].setCurrentIndex(0)
    assert view.result["verdict"]["basis"] == "between"


def test_linearity_tab_and_a_bad_column(qtbot, page) -> None:
    from qclinic.core.spc.tabular import read_table

    view = page.msa_view
    view.study_combo.setCurrentIndex(view.study_combo.findData("linearity"))
    view.set_table(read_table(CORE / "msa" / "data" / "gage_linearity_aiag.csv"))
    # AIAG MSA 4th ed. linearity example: R^2 = 0.7143 (as in tests/core/msa/test_linearity).
    assert view.result["r_squared"] == pytest.approx(0.7143, abs=5e-5)
    assert "R² 0.714" in view.status.text()
    # Text where numbers are needed: the reader's located message, no result, no traceback.
    view.set_table(read_table(CORE / "msa" / "data" / "attribute_jasp_bearings.csv"))
    view.combos["value"].setCurrentIndex(view.combos["value"].findText("appraiser"))
    assert view.result is None
    assert "row 2, column reference: 'Yes' is not a number" in view.status.text()


@pytest.fixture
def chinese(qapp):
    from qclinic.ui import i18n

    i18n.install_translators(qapp, "zh")
    yield
    i18n.install_translators(qapp, "en")


def test_import_dialog_fits_1366x768_in_chinese(
    qtbot, services, signals, demo_ids, chinese
) -> None:
    from qclinic.ui.spc.import_dialog import DatasetImportDialog

    dialog = DatasetImportDialog(services, signals, demo_ids["organization"])
    qtbot.addWidget(dialog)
    dialog.load_file(str(CORE / "spc" / "data" / "pistonrings.csv"))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.ui.lslLabel.text().startswith("规格下限")  # the translation is in use
    assert dialog.width() <= 1366 and dialog.height() <= 768
    # No empty band above the source buttons (it was ~140 px), and every spec field shows a
    # whole limit such as 73.950 (in Chinese they showed "95", "05", ".0").
    assert dialog.ui.openButton.y() < 40
    for edit in (dialog.ui.lslEdit, dialog.ui.uslEdit, dialog.ui.targetEdit):
        assert edit.width() >= edit.fontMetrics().horizontalAdvance("-1234.567") + 12
    assert "第一阶段：子组 1–25" in dialog.ui.summaryLabel.text()


def test_import_dialog_reads_the_phase_column(
    qtbot, page, database, services, signals, demo_ids
) -> None:
    from qclinic.ui.spc.import_dialog import DatasetImportDialog

    dialog = DatasetImportDialog(services, signals, demo_ids["organization"], page)
    qtbot.addWidget(dialog)
    dialog.load_file(str(CORE / "spc" / "data" / "pistonrings.csv"))
    # qcc's pistonrings: trial = TRUE for the 25 phase I subgroups.
    assert dialog.ui.phaseCombo.currentText() == "trial"
    assert dialog.phase1 == (1, 25)
    assert "phase I: subgroups 1–25" in dialog.ui.summaryLabel.text()
    qtbot.keyClicks(dialog.ui.lslEdit, "73.95")
    with qtbot.waitSignal(signals.data_changed):
        dialog.accept()
    page.refresh_list()
    page.select_dataset(dialog.dataset_id)
    assert (page.chart_view.first_spin.value(), page.chart_view.last_spin.value()) == (1, 25)
    assert page.result["phase1"] == {"first": 1, "last": 25}
    assert page.result["phase2_points"] == 15


def test_chart_settings_are_remembered_per_dataset(qtbot, page, database, demo_ids) -> None:
    with database.session() as session:
        ids = []
        for name in ("A", "B"):
            dataset = datasets.create_dataset(
                session, demo_ids["organization"], name, subgroup_size=3
            )
            rows = [[10.0 + (i * 7 + j * 3) % 5 * 0.1 for j in range(3)] for i in range(12)]
            datasets.add_values(session, dataset.id, datasets.subgroup_rows(rows))
            ids.append(dataset.id)
    page.refresh_list()
    page.select_dataset(ids[0])
    view = page.chart_view
    view.chart_combo.setCurrentIndex(view.chart_combo.findData("xbar-s"))
    view.last_spin.setValue(8)
    page.select_dataset(ids[1])
    assert view.settings().chart == "xbar-r" and view.last_spin.value() == 12
    page.select_dataset(ids[0])
    assert view.settings().chart == "xbar-s" and view.settings().phase1 == (1, 8)
    assert page.result["chart"] == "xbar-s" and page.result["phase1"]["last"] == 8


def test_chart_tab_spec_fields_show_a_whole_limit_in_chinese(qtbot, page, chinese) -> None:
    # The target field shared a column with the narrow phase I spin box: "规…" in Chinese.
    page.retranslate()
    page.chart_view.retranslate()
    qtbot.wait(10)
    view = page.chart_view
    for edit in (view.lsl_edit, view.usl_edit, view.target_edit):
        assert edit.width() >= edit.fontMetrics().horizontalAdvance("-1234.567") + 12
