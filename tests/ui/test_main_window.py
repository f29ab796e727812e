"""The main window shell and the library page, offscreen."""

from __future__ import annotations

import pytest


def test_library_model_passes_the_model_tester(qtmodeltester, database) -> None:
    from qclinic.storage.library import list_library
    from qclinic.ui.library_model import ENTRY_ROLE, LibraryModel

    model = LibraryModel(list_library(database), "zh")
    qtmodeltester.check(model)
    assert model.rowCount() == 7
    assert model.index(0, 1).data() == "质量门诊综合诊断（国家质量基础设施与质量管理）"
    assert model.index(6, 0).data(ENTRY_ROLE).id == "vda63-process"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_window_paints_before_the_database_then_loads_the_first_page(
    qtbot, database, signals, lang
) -> None:
    from qclinic.ui.main_window import MainWindow

    window = MainWindow(signals, lang=lang, start_page="library")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_paint_done, timeout=5000):
        window.show()
    assert window.database is None  # painted with no database yet
    with qtbot.waitSignal(window.first_screen_loaded, timeout=5000):
        window.attach_database(database)
    page = window.stack.currentWidget()
    assert page.model.rowCount() == 7
    assert str(database.path) in window.file_label.text()


def test_saved_signal_shows_in_the_status_bar(qtbot, database, signals) -> None:
    from qclinic.ui.main_window import MainWindow

    window = MainWindow(signals, lang="en", start_page="library")
    qtbot.addWidget(window)
    window.attach_database(database)
    signals.saved.emit()
    assert window.saved_label.text().startswith("Saved ")
