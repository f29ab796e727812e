"""Settings (language switching without a restart, issuing body, logo), printing from the app,
and the main window remembering its page."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def restore_language(qapp):
    """Switching the interface language is app-wide: leave no translator behind (other tests
    expect the English source strings) and put the default locale back."""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    yield
    from qclinic.ui import i18n

    i18n.install_translators(qapp, "en")  # removes the translators installed meanwhile
    QLocale.setDefault(locale)


@pytest.fixture
def shown_errors(monkeypatch) -> list[BaseException]:
    """Errors the code under test showed (instead of a modal message box)."""
    from qclinic.ui import print_actions, settings_dialog

    shown: list[BaseException] = []
    for module in (print_actions, settings_dialog):
        monkeypatch.setattr(module, "show_error", lambda exc, parent=None: shown.append(exc))
    return shown


def _logo(tmp_path: Path) -> Path:
    from PySide6.QtGui import QColor, QImage

    image = QImage(240, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d3f7a"))
    path = tmp_path / "institute logo.png"
    assert image.save(str(path))
    return path


def _window(qtbot, database, signals, lang: str = "zh", start_page: str = "library"):
    from qclinic.ui.main_window import MainWindow

    window = MainWindow(signals, lang=lang, start_page=start_page)
    qtbot.addWidget(window)
    window.attach_database(database)
    return window


def _choose(combo, code: str) -> None:
    index = combo.findData(code)
    assert index >= 0
    combo.setCurrentIndex(index)


def test_settings_dialog_switches_language_at_once_and_saves(
    qtbot, database, signals, tmp_path, restore_language
) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QDialogButtonBox

    from qclinic import paths, settings
    from qclinic.ui.main_window import PAGES
    from qclinic.ui.settings_dialog import SettingsDialog

    window = _window(qtbot, database, signals, lang="zh")
    library_row = [spec.key for spec in PAGES].index("library")
    window.navigation.item(library_row).setText("stale")  # retranslate() must re-set it
    languages: list[str] = []
    signals.language_changed.connect(languages.append)
    changes: list[tuple[str, set[str], int]] = []  # no reference to the dialog kept
    signals.changed.connect(lambda e: changes.append((e.entity, set(e.ids), id(e.source))))

    dialog = SettingsDialog(window.services, signals, window.lang, window)
    qtbot.addWidget(dialog)
    _choose(dialog.ui.language, "en")
    _choose(dialog.ui.reportLanguage, "en")
    qtbot.keyClicks(dialog.ui.issuingBody, "Quality Clinic Institute ")
    _type_with_input_method(dialog.ui.issuingBody, "质量门诊研究院")
    assert dialog.set_logo(str(_logo(tmp_path)))
    assert (
        dialog.ui.logoPreview.pixmap() is not None and not dialog.ui.logoPreview.pixmap().isNull()
    )
    qtbot.mouseClick(dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok), _left())

    saved = settings.load()
    assert (saved.language, saved.report_language) == ("en", "en")
    assert saved.issuing_body == "Quality Clinic Institute 质量门诊研究院"
    logo = Path(saved.logo_path)
    assert logo.parent == paths.data_dir() and logo.suffix == ".png"  # a copy in the data dir
    assert logo.read_bytes() == (tmp_path / "institute logo.png").read_bytes()
    assert languages == ["en"]
    # the change was announced once, naming the fields that changed, made by the dialog
    announced = [(ids, source) for entity, ids, source in changes if entity == "settings"]
    fields = {"language", "report_language", "issuing_body", "logo_path"}
    assert announced == [(fields, id(dialog))]
    assert window.lang == "en"
    assert QLocale().language() == QLocale.Language.English  # the translators were swapped
    assert window.navigation.item(library_row).text() == "Checklist library"
    assert window.settings_action.text() == "&Settings…"

    # and back to Chinese: the window re-sets its texts through the (installed) translator
    window.navigation.item(library_row).setText("stale")
    dialog = SettingsDialog(window.services, signals, window.lang, window)
    qtbot.addWidget(dialog)
    assert dialog.ui.issuingBody.text() == saved.issuing_body  # the dialog shows what is stored
    _choose(dialog.ui.language, "zh")
    qtbot.mouseClick(dialog.ui.clearLogo, _left())
    dialog.accept()

    saved = settings.load()
    assert (saved.language, saved.report_language, saved.logo_path) == ("zh", "en", "")
    assert languages == ["en", "zh"]
    assert window.lang == "zh"
    assert QLocale().language() == QLocale.Language.Chinese
    assert window.navigation.item(library_row).text() == PAGES[library_row].title()
    assert window.navigation.item(library_row).text() != "stale"


def test_settings_dialog_cancel_and_unchanged_language_change_nothing(
    qtbot, services, signals, restore_language
) -> None:
    from qclinic import settings
    from qclinic.ui.settings_dialog import SettingsDialog

    languages: list[str] = []
    signals.language_changed.connect(languages.append)
    dialog = SettingsDialog(services, signals, "zh")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.issuingBody, "Not kept")
    dialog.reject()
    assert settings.load().issuing_body == ""

    dialog = SettingsDialog(services, signals, "zh")
    qtbot.addWidget(dialog)
    _choose(dialog.ui.language, "zh")
    assert not dialog.set_logo(__file__)  # not an image: refused, nothing changes
    assert dialog.logo_path == ""
    dialog.accept()
    assert settings.load().language == "zh"
    assert languages == []  # already Chinese: nothing to switch


def test_pages_with_a_language_get_the_new_one(qtbot, database, signals, restore_language) -> None:
    from PySide6.QtWidgets import QWidget

    window = _window(qtbot, database, signals, lang="zh")

    class Page(QWidget):
        lang = "zh"

        def set_language(self, lang: str) -> None:
            self.lang = lang

    page = Page()
    window._pages["probe"] = page  # a page that shows checklist texts in its own language
    signals.language_changed.emit("en")
    assert page.lang == "en"


def test_print_report_and_plan_write_pdfs(qtbot, database, demo_ids, tmp_path) -> None:
    from qclinic import settings
    from qclinic.ui.print_actions import print_report

    prefs = settings.load()
    prefs.issuing_body = "Quality Clinic Institute"
    settings.save(prefs)
    assessment = demo_ids.get("completed_assessment") or demo_ids["assessments"][0]
    written: list[Path] = []

    report = tmp_path / "out" / "report.pdf"
    print_report(
        None,
        database,
        assessment,
        path=report,
        lang="en",
        open_when_done=False,
        on_written=written.append,
    )
    plan = tmp_path / "out" / "plan.pdf"
    print_report(
        None,
        database,
        assessment,
        plan_only=True,
        path=plan,
        lang="zh",
        open_when_done=False,
        on_written=written.append,
    )

    qtbot.waitUntil(lambda: len(written) == 2, timeout=30_000)  # printed on worker threads
    assert sorted(written) == sorted([report, plan])
    for pdf in (report, plan):
        assert pdf.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in report.parent.iterdir()) == ["plan.pdf", "report.pdf"]


def test_print_errors_are_shown(qtbot, database, demo_ids, tmp_path, shown_errors) -> None:
    from qclinic.errors import UserError
    from qclinic.ui.print_actions import print_report

    assert (
        print_report(
            None,
            database,
            "no-such-assessment",
            path=tmp_path / "x.pdf",
            lang="en",
            open_when_done=False,
        )
        is None
    )
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    print_report(
        None,
        database,
        demo_ids["assessments"][0],
        path=blocker / "report.pdf",
        lang="en",
        open_when_done=False,
    )

    qtbot.waitUntil(lambda: len(shown_errors) == 2, timeout=30_000)  # the print runs on a worker
    assert all(isinstance(exc, UserError) for exc in shown_errors)
    assert "no-such-assessment" in str(shown_errors[0])
    assert "report.pdf" in str(shown_errors[1])


def test_a_cancelled_print_leaves_no_file(database, demo_ids, tmp_path) -> None:
    from qclinic.ui.print_actions import write_pdf
    from qclinic.ui.tasks import Cancelled, Progress

    progress = Progress()
    progress.cancel()  # what the progress dialog's Cancel button does
    with pytest.raises(Cancelled):
        write_pdf(database, demo_ids["assessments"][0], tmp_path / "r.pdf", "en", False)(progress)
    assert list(tmp_path.glob("*.pdf")) == []


def test_default_file_name_is_safe_and_says_what_it_is() -> None:
    from qclinic.ui.print_actions import default_file_name

    assert default_file_name("华东精密/铸造 有限公司", "2026-03-12", "report", "zh") == (
        "华东精密_铸造 有限公司 诊断报告 2026-03-12.pdf"
    )
    assert default_file_name("ACME", "2026-03-12", "plan", "en") == (
        "ACME improvement plan 2026-03-12.pdf"
    )


def test_runner_offers_printing(qtbot, database, demo_ids, signals, shown_errors) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window = _window(qtbot, database, signals, lang="en", start_page="assessments")
    signals.open_assessment.emit(demo_ids["assessments"][0])
    runner = window.stack.currentWidget().runner
    assert not runner.print_report_button.isHidden() and not runner.print_plan_button.isHidden()
    asked: list[str] = []

    def cancel_question() -> None:
        modal = QApplication.activeModalWidget()
        asked.append(modal.windowTitle())
        modal.reject()

    QTimer.singleShot(0, cancel_question)
    qtbot.mouseClick(runner.print_plan_button, _left())
    assert asked == ["Report language"]  # cancelled at the first question: nothing printed
    assert shown_errors == []


def test_the_window_remembers_its_page(qtbot, database, signals) -> None:
    from qclinic import settings
    from qclinic.ui.main_window import PAGES

    window = _window(qtbot, database, signals, start_page="library")
    window.navigation.setCurrentRow([spec.key for spec in PAGES].index("assessments"))
    assert settings.load().last_page == "assessments"
    assert window.saved_label.text() == ""  # a click in the navigation saves no work

    again = _window(qtbot, database, signals, start_page=settings.load().last_page)
    assert again.stack.currentWidget() is again._pages["assessments"]


def _type_with_input_method(widget, text: str) -> None:
    """Chinese arrives from the input method as a committed string (QTest types ASCII only)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
