"""Issue 9 in the SPC workspace: decimal commas at import, printed digits, chart constants and
the capability verdict."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from qclinic import settings as app_settings
from qclinic.storage.repositories import datasets

CORE = Path(__file__).resolve().parents[1] / "core"
COLUMN = ["74,000", "73,995", "74,010", "73,990", "74,001", "73,998"]


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


@pytest.fixture
def dialog(qtbot, page, services, signals, demo_ids):
    from qclinic.ui.spc.import_dialog import DatasetImportDialog

    widget = DatasetImportDialog(services, signals, demo_ids["organization"], page)
    qtbot.addWidget(widget)
    return widget


def test_a_pasted_column_with_a_header_reads_decimal_commas_and_says_so(dialog) -> None:
    dialog.load_text("Diameter\n" + "\n".join(COLUMN) + "\n", "pasted data")
    assert dialog.table is not None
    assert dialog.table.numbers("Diameter").tolist() == [74.0, 73.995, 74.01, 73.99, 74.001,
                                                         73.998]  # fmt: skip
    assert "separator: none (one column), decimal comma" in dialog.ui.sourceLabel.text()


def test_a_headerless_column_asks_and_cancel_reads_nothing(dialog, monkeypatch) -> None:
    asked: list[bool] = []

    def cancel() -> None:
        asked.append(True)

    monkeypatch.setattr(dialog, "ask_decimal", cancel)
    dialog.load_text("\n".join(COLUMN) + "\n", "pasted data")
    assert asked == [True] and dialog.table is None
    monkeypatch.setattr(dialog, "ask_decimal", lambda: "comma")
    dialog.load_text("\n".join(COLUMN) + "\n", "pasted data")
    assert dialog.table is not None and dialog.table.header == ["74,000"]
    assert dialog.table.numbers(1).tolist()[0] == 73.995


def test_ragged_text_is_refused_with_its_row(dialog, monkeypatch) -> None:
    from qclinic.ui.spc import import_dialog

    shown: list[str] = []
    monkeypatch.setattr(import_dialog, "show_error", lambda error, parent: shown.append(str(error)))
    dialog.load_text("a,b\n1,2\n3,4,9\n", "pasted data")
    assert dialog.table is None
    assert shown and "row 3 has 3 cells" in shown[0]


def _store_piston_rings(database, organization_id: str) -> str:
    with open(CORE / "spc" / "data" / "pistonrings.csv", encoding="utf-8") as handle:
        rows = [[float(r[f"obs{j}"]) for j in range(1, 6)] for r in list(csv.DictReader(handle))]
    with database.session() as session:
        dataset = datasets.create_dataset(
            session, organization_id, "Piston rings", unit="mm", subgroup_size=5,
            lsl=73.95, usl=74.05,
        )  # fmt: skip
        datasets.add_values(session, dataset.id, datasets.subgroup_rows(rows[:25]))
        return dataset.id


def test_limits_digits_constants_and_verdict_in_the_workspace(page, database, demo_ids) -> None:
    dataset_id = _store_piston_rings(database, demo_ids["organization"])
    page.refresh_list()
    page.select_dataset(dataset_id)
    status = page.chart_view.status.text()
    # Measured to 0.001 mm: limits to 0.0001 mm (Montgomery: 74.0012, 74.0143, 73.9880).
    assert "UCL 74.0143 · CL 74.0012 · LCL 73.9880" in status
    assert "constants as tabled" in status
    assert page.result["constants"] == "tabled" and page.result["decimals"] == 4
    tabled_sigma = page.result["sigma"]
    assert tabled_sigma == pytest.approx(0.009785039, abs=5e-10)  # qcc: R-bar / 2.326
    verdict = page.capability_view.verdict
    assert verdict.isVisibleTo(page.capability_view)
    assert "Cpk 1.66" in verdict.text() and "capable (Cpk ≥ 1.33)" in verdict.text()

    combo = page.chart_view.constants_combo
    combo.setCurrentIndex(combo.findData("exact"))
    assert page.result["constants"] == "exact"
    assert page.result["sigma"] != pytest.approx(tabled_sigma, abs=1e-8)
    assert "constants computed exactly" in page.chart_view.status.text()
    assert app_settings.load().extra["spc_constants"] == "exact"  # remembered


def test_thresholds_come_from_the_settings(page, database, demo_ids) -> None:
    config = app_settings.load()
    config.extra["capability_thresholds"] = [2.0, 1.8, 1.5]
    app_settings.save(config)
    from qclinic.ui.spc.chart_view import ChartView

    view = ChartView("en")
    assert view.settings().thresholds == (2.0, 1.8, 1.5)
    view.deleteLater()
