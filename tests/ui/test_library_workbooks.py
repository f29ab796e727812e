"""The library page's *Import from Excel… / Export to Excel…*: problems listed with their cells (a
click opens the workbook), a preview in both languages before installing, the versions shown."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from qclinic.core.checklists.workbook_read import read_workbook
from qclinic.core.checklists.workbook_write import write_workbook


def _page(qtbot, services, signals) -> Any:
    from qclinic.ui.pages.library import LibraryPage

    page = LibraryPage(services, signals, "en")
    qtbot.addWidget(page)
    page.load()
    return page


def _next_version(services, tmp_path: Path) -> Path:
    content = copy.deepcopy(services.library.content("spc"))
    content["version"] = "9.0.0"
    path = tmp_path / "spc-next.xlsx"
    write_workbook(content, path)
    return path


def test_a_broken_workbook_lists_its_cells_and_a_click_opens_it(
    qtbot, services, signals, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    from qclinic.ui import checklist_workbook_dialogs as dialogs

    path = _next_version(services, tmp_path)
    book = load_workbook(path)
    book["questions"]["C2"] = "numbr"
    book.save(path)
    shown: list[Any] = []
    opened: list[str] = []
    monkeypatch.setattr(
        dialogs.WorkbookProblemsDialog, "exec", lambda self: shown.append(self) or 0
    )
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    page = _page(qtbot, services, signals)
    page.read_workbook(str(path))  # in the background, as the app does
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    (dialog,) = shown
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert lines == [
        'questions!C2   unknown type "numbr" (use one of yes-no, vda, maturity, '
        "numeric, single, multi, text, date, photo, signature)"
    ]
    dialog.list.itemClicked.emit(dialog.list.item(0))
    assert opened == [str(path)]
    assert [e.version for e in services.library.versions("spc")] != ["9.0.0"]
    assert "9.0.0" not in page.model.index(5, 4).data()


def test_a_workbook_is_previewed_then_installed_and_its_versions_shown(
    qtbot, services, signals, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, inline_tasks
) -> None:
    from qclinic.ui import checklist_workbook_dialogs as dialogs
    from qclinic.ui.library_model import ENTRY_ROLE

    previews: list[Any] = []

    def accept(self: Any) -> int:
        previews.append(self)
        return int(dialogs.ChecklistPreviewDialog.DialogCode.Accepted)

    monkeypatch.setattr(dialogs.ChecklistPreviewDialog, "exec", accept)
    page = _page(qtbot, services, signals)
    old = page.model.index(4, 0).data(ENTRY_ROLE)
    assert old.id == "spc"
    page.read_workbook(str(_next_version(services, tmp_path)))
    (preview,) = previews
    top = preview.tree.topLevelItem(0)
    section = services.library.content("spc")["sections"][0]
    assert (top.text(0), top.text(1), top.text(2)) == (
        section["id"],
        section["title"]["zh"],
        section["title"]["en"],
    )
    assert top.child(0).text(2) == section["questions"][0]["text"]["en"]
    entry = page.model.index(4, 0).data(ENTRY_ROLE)
    assert (entry.id, entry.version) == ("spc", "9.0.0")
    assert page.model.index(4, 4).data() == f"9.0.0, {old.version}"
    out = tmp_path / "exported.xlsx"
    page.export_to(entry, out)
    assert read_workbook(out)[0] == services.library.content("spc", "9.0.0")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_dialogs_in_both_languages(qtbot, qapp, lang: str, tmp_path: Path) -> None:
    """Grabbed offscreen; look at the PNGs when changing the dialogs (tmp_path keeps them)."""
    from qclinic.core.checklists import builtin
    from qclinic.ui import i18n
    from qclinic.ui.checklist_workbook_dialogs import ChecklistPreviewDialog, WorkbookProblemsDialog

    i18n.install_translators(qapp, lang)
    try:
        path = tmp_path / "F.xlsx"
        write_workbook(builtin().load("spc").source, path)
        book = load_workbook(path)
        book["questions"]["C3"] = "numbr"
        book["questions"]["I4"] = "heavy"
        book["sections"]["B3"] = "SP9"
        book.save(path)
        _, problems = read_workbook(path)
        assert len(problems) == 3
        problems_dialog = WorkbookProblemsDialog(str(path), problems, lang)
        preview = ChecklistPreviewDialog(builtin().load("spc"))
        for dialog, name in ((problems_dialog, "problems"), (preview, "preview")):
            qtbot.addWidget(dialog)
            dialog.show()
            assert dialog.grab().save(str(tmp_path / f"{name}-{lang}.png"))
        if lang == "zh":
            assert problems_dialog.windowTitle() == "工作簿中的问题"
            assert preview.install_button.text() == "安装"
    finally:
        i18n.install_translators(qapp, "en")
