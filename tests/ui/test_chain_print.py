"""Printing the chain report from the chain page (issue 14): the dialog's defaults and checks, and
the PDF and workbook written on a real worker thread from the demo database — the PDF is
registered and ``report verify`` says MATCH; the workbook has the report's sheets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path):
    from qclinic import paths

    paths.set_data_dir(tmp_path / "data")
    yield
    paths.set_data_dir(None)


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Errors the print showed (instead of a modal message box)."""
    from qclinic.ui import chain_print

    shown: list[BaseException] = []
    monkeypatch.setattr(chain_print, "show_error", lambda exc, parent=None: shown.append(exc))
    return shown


@pytest.fixture
def page(qtbot, services, signals, demo_ids):
    from qclinic.ui.pages.chains import create

    widget = create(services, signals, "en")
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.load()
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_dialog_defaults_to_this_year_and_refuses_an_empty_choice(qtbot, tmp_path) -> None:
    from qclinic.ui.chain_print import ChainPrintDialog

    today = date(2026, 11, 26)
    dialog = ChainPrintDialog("铜产业链", "zh", str(tmp_path), today=today)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.period() == (date(2026, 1, 1), today)
    assert dialog.language() == "zh" and ok.isEnabled()
    assert Path(dialog.path_edit.text()) == tmp_path / "铜产业链 产业链质量诊断报告 2026-11-26.pdf"
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("en"))  # the name follows
    assert Path(dialog.path_edit.text()).name == "铜产业链 chain quality report 2026-11-26.pdf"
    request = dialog.request("c1")
    assert (request.lang, request.pdf, request.xlsx) == ("en", Path(dialog.path_edit.text()), None)
    dialog.xlsx_check.setChecked(True)
    assert dialog.request("c1").xlsx == Path(dialog.path_edit.text()).with_suffix(".xlsx")
    dialog.path_edit.setText("链 v1.2")  # a bare name, a dot that is no suffix
    assert dialog.request("c1").pdf == tmp_path / "链 v1.2.pdf"
    dialog.path_edit.setText(str(tmp_path / "x.XLSX"))
    assert dialog.request("c1").pdf == tmp_path / "x.pdf"
    dialog.from_edit.setDate(dialog.to_edit.date().addDays(1))
    assert not ok.isEnabled() and "period" in dialog.note.text()
    dialog.from_edit.setDate(dialog.to_edit.date())
    dialog.pdf_check.setChecked(False)
    dialog.xlsx_check.setChecked(False)
    assert not ok.isEnabled()


def test_printing_from_the_chain_page_writes_a_pdf_that_verifies(
    qtbot, page, services, database, demo_ids, tmp_path, monkeypatch
) -> None:
    from openpyxl import load_workbook

    from qclinic.reports.verify import MATCH, verify
    from qclinic.ui import chain_print

    offered: list[list[Path]] = []
    monkeypatch.setattr(chain_print, "offer_to_open", lambda _parent, paths: offered.append(paths))
    assert page.print_button.isEnabled()
    page.print_button.click()
    dialog = page.print_dialog
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "out" / "chain"
    dialog.path_edit.setText(str(target))
    dialog.xlsx_check.setChecked(True)
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("zh"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    qtbot.waitUntil(lambda: bool(offered), timeout=60_000)  # written on a worker thread
    pdf, xlsx = target.with_suffix(".pdf"), target.with_suffix(".xlsx")
    assert offered == [[pdf, xlsx]]
    verdict = verify(database, pdf)
    assert verdict.outcome == MATCH, (verdict.facts, verdict.differences)
    assert verdict.chain_id == demo_ids["chain"]
    assert len(load_workbook(xlsx, read_only=True).sheetnames) >= 2
    assert sorted(p.name for p in pdf.parent.iterdir()) == ["chain.pdf", "chain.xlsx"]
    # the folder is offered first next time
    from qclinic.ui.print_actions import FOLDER_KEY

    assert services.settings.current().extra[FOLDER_KEY] == str(pdf.parent)


def test_a_print_that_fails_is_shown_and_leaves_no_file(
    qtbot, services, demo_ids, tmp_path, shown_errors
) -> None:
    from qclinic.ui.chain_print import ChainPrintRequest, start_print

    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    request = ChainPrintRequest(
        demo_ids["chain"], date(2026, 1, 1), date(2026, 6, 30), "en", blocker / "c.pdf", None
    )
    written: list[list[Path]] = []
    start_print(None, services, request, offer=False, on_written=written.append)
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=60_000)
    assert not written and blocker.read_text() == "not a folder"
    assert "c.pdf" in str(shown_errors[0])
