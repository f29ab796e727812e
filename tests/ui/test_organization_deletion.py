"""Deleting an organization or a site from the organizations page, undoing it, and the history of
a deleted organization staying readable (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_runner import answer_next_question


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path):
    from qclinic import paths

    paths.set_data_dir(tmp_path / "data")
    yield
    paths.set_data_dir(None)


@pytest.fixture
def page(qtbot, database, services, signals, demo_ids):
    from qclinic.ui.pages.organizations import create

    widget = create(services, signals, "en")
    qtbot.addWidget(widget)
    widget.resize(1080, 760)
    widget.load()
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.detail is not None, timeout=10_000)  # imported on a worker
    widget.select_organization(demo_ids["organization"])
    return widget


def _listed(page) -> set[str]:
    from qclinic.ui.organizations_model import ROW_ROLE

    return {page.proxy.index(r, 0).data(ROW_ROLE).id for r in range(page.proxy.rowCount())}


def _deleted_at(database, model_name: str, record_id: str):
    from qclinic.storage import models

    with database.read_session() as session:
        return session.get(getattr(models, model_name), record_id).deleted_at


def test_delete_asks_with_the_counts_and_keep_changes_nothing(
    qtbot, page, database, demo_ids
) -> None:
    seen = answer_next_question(QMessageBox.StandardButton.No)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "2 assessment(s) (1 signed)" in seen[0]
    assert f"{len(demo_ids['cases'])} clinic case(s) and 1 site(s)" in seen[0]
    assert "signed assessments stay signed" in seen[0]
    assert demo_ids["organization"] in _listed(page)
    assert _deleted_at(database, "Organization", demo_ids["organization"]) is None


def test_delete_then_undo_from_the_bar_and_from_the_edit_menu(
    qtbot, page, database, signals, demo_ids
) -> None:
    from qclinic.ui.main_window import MainWindow

    company = demo_ids["organization"]
    answer_next_question(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert company not in _listed(page)
    assert _deleted_at(database, "Organization", company) is not None
    assert _deleted_at(database, "Site", demo_ids["site"]) is not None
    assert page.undo_bar.isVisible() and "was deleted" in page.undo_bar.message.text()
    qtbot.mouseClick(page.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert company in _listed(page) and page.current_id() == company
    assert _deleted_at(database, "Organization", company) is None
    assert _deleted_at(database, "Site", demo_ids["site"]) is None
    assert not page.undo_bar.isVisible()

    window = MainWindow(signals, lang="en", start_page="organizations")
    qtbot.addWidget(window)
    window._pages["organizations"] = page  # the page under test, as the window would hold it
    window.update_undo_deletion()
    assert not window.undo_deletion_action.isEnabled()
    answer_next_question(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    window.update_undo_deletion()
    assert window.undo_deletion_action.isEnabled()
    assert window.undo_deletion_action.text().startswith("Undo deletion of “")
    window.undo_deletion_action.trigger()
    assert company in _listed(page)
    assert _deleted_at(database, "Organization", company) is None
    assert not window.undo_deletion_action.isEnabled()


def test_a_site_is_deleted_from_the_sites_tab_and_restored(qtbot, page, database, demo_ids) -> None:
    detail = page.detail
    detail.tabs.setCurrentIndex(3)
    assert not detail.delete_site_button.isEnabled()  # no site chosen yet
    index = detail.site_proxy.index(0, 0)
    detail.site_view.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert detail.delete_site_button.isEnabled()
    seen = answer_next_question(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(detail.delete_site_button, Qt.MouseButton.LeftButton)
    assert "visit(s) were made there" in seen[0]
    assert detail.site_model.rowCount() == 0
    assert _deleted_at(database, "Site", demo_ids["site"]) is not None
    assert page.undo_bar.isVisible()
    page.undo_deletion()
    assert detail.site_model.rowCount() == 1
    assert _deleted_at(database, "Site", demo_ids["site"]) is None


def test_a_deleted_organizations_assessments_still_open_and_print(
    qtbot, page, database, services, signals, demo_ids, tmp_path
) -> None:
    from qclinic.ui.pages.assessments import load_rows
    from qclinic.ui.print_actions import print_report
    from qclinic.ui.runner.runner_widget import RunnerWidget

    answer_next_question(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    rows = [r for r in load_rows(services, "en") if r.id in demo_ids["assessments"]]
    assert len(rows) == 2 and all(r.organization.endswith(" (deleted)") for r in rows)
    runner = RunnerWidget(services, signals, "en")
    qtbot.addWidget(runner)
    runner.open(demo_ids["completed_assessment"])
    assert "(deleted)" in runner.title_label.text()
    out = tmp_path / "out" / "report.pdf"
    out.parent.mkdir()
    written: list[Path] = []
    print_report(
        None,
        database,
        demo_ids["assessments"][0],  # the signed one
        path=out,
        lang="en",
        open_when_done=False,
        on_written=written.append,
    )
    qtbot.waitUntil(lambda: bool(written), timeout=30_000)
    assert out.read_bytes().startswith(b"%PDF")
