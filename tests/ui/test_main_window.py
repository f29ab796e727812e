"""The main window and its library model, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest

from qclinic.storage.library import install_builtin_library
from qclinic.storage.startup import open_database

pytestmark = pytest.mark.gui


@pytest.fixture
def database(tmp_path: Path):
    db = open_database(tmp_path / "ui.sqlite", attachments_dir=tmp_path / "att")
    install_builtin_library(db)
    yield db
    db.dispose()


def test_library_model_passes_the_model_tester(qtmodeltester, database) -> None:
    from qclinic.storage.library import list_library
    from qclinic.ui.library_model import ENTRY_ROLE, LibraryModel

    model = LibraryModel(list_library(database), "zh")
    qtmodeltester.check(model)
    assert model.rowCount() == 7
    assert model.index(0, 1).data() == "质量门诊综合诊断（国家质量基础设施与质量管理）"
    assert model.index(6, 0).data(ENTRY_ROLE).id == "vda63-process"


@pytest.mark.parametrize(("lang", "heading"), [("zh", "编号"), ("en", "ID")])
def test_main_window_shows_the_library_and_data_file(qtbot, database, lang, heading) -> None:
    from qclinic.ui.main_window import MainWindow

    window = MainWindow(database, lang=lang)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_paint_done, timeout=5000):
        window.show()
    from PySide6.QtCore import Qt

    assert window.library_model.headerData(0, Qt.Orientation.Horizontal) == heading
    assert window.library_view.model().rowCount() == 7
    assert str(database.path) in window.statusBar().currentMessage()
