"""A new installation greets the user instead of showing an empty list and a blank detail."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def empty_page(qtbot, database, services, signals):
    from qclinic.ui.pages.organizations import create

    widget = create(services, signals, "en")
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.load()
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_an_empty_database_shows_the_welcome_not_an_empty_list(empty_page) -> None:
    page = empty_page
    assert page.model.rowCount() == 0
    assert page.body.currentWidget() is page.welcome
    assert page.welcome.isVisible() and not page.view.isVisible()
    assert not page.search_edit.isVisible()  # nothing to search yet
    assert page.welcome.create_button.text() == "Create the first organization…"
    assert page.welcome.demo_button.text() == "Load the demo company"
    assert not page.welcome.demo_button.icon().isNull()
    intro = page.welcome.intro  # word-wrapped: tall enough for all its lines, not cut off
    assert intro.height() >= intro.heightForWidth(intro.width()) > 2 * intro.fontMetrics().height()


def test_load_the_demo_company_in_the_background_then_list_it(qtbot, empty_page, signals) -> None:
    from qclinic.services.demo import DEMO_CODE

    page = empty_page
    changed: list[str] = []
    signals.data_changed.connect(changed.append)
    with qtbot.waitSignal(signals.saved, timeout=30_000):
        qtbot.mouseClick(page.welcome.demo_button, Qt.MouseButton.LeftButton)
        assert not page.welcome.demo_button.isEnabled()  # busy while the demo is written
        assert page.welcome.status.isVisible()
    # the commit's events come first; the page then shows and selects the demo company
    qtbot.waitUntil(page.welcome.demo_button.isEnabled, timeout=30_000)
    assert page.model.rowCount() == 4  # the demo company, its chain leader and two others
    assert page.body.currentWidget() is page.splitter and page.view.isVisible()
    current = page.view.currentIndex().data(Qt.ItemDataRole.UserRole + 1)
    assert current is not None and current.uscc == DEMO_CODE
    assert {"organization", "assessment", "action"} <= set(changed)
    assert page.search_edit.isVisible()


def test_create_the_first_organization_opens_the_dialog(qtbot, empty_page) -> None:
    page = empty_page
    qtbot.mouseClick(page.welcome.create_button, Qt.MouseButton.LeftButton)
    assert page.dialog is not None and page.dialog.isVisible()
    assert page.dialog._organization_id is None  # a new one, not an edit
    page.dialog.reject()


def test_the_welcome_speaks_chinese(qtbot, qapp, database, services, signals) -> None:
    from qclinic.ui import i18n
    from qclinic.ui.pages.organizations import create

    i18n.install_translators(qapp, "zh")
    try:
        page = create(services, signals, "zh")
        qtbot.addWidget(page)
        page.load()
        texts = [
            page.welcome.title.text(),
            page.welcome.intro.text(),
            page.welcome.create_button.text(),
            page.welcome.demo_button.text(),
        ]
    finally:
        i18n.install_translators(qapp, "en")
    assert texts[0] == "欢迎使用 QClinic"
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in texts), texts
