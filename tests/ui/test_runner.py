"""The assessments page and the runner, driven like a person, checked in the database."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path):
    """Keep settings.json (the runner remembers where the user was) out of the real data dir."""
    from qclinic import paths

    paths.set_data_dir(tmp_path / "data")
    yield
    paths.set_data_dir(None)


def start(database, checklist_id: str, demo_ids: dict) -> str:
    from qclinic.storage.library import checklist_content
    from qclinic.storage.repositories.assessments import start_assessment

    with database.session() as session:
        content = checklist_content(session, checklist_id)
        assessment = start_assessment(
            session,
            demo_ids["organization"],
            checklist_id,
            content["version"],
            content,
            f"Test {checklist_id}",
        )
        return assessment.id


def stored(database, assessment_id: str) -> dict:
    from qclinic.storage.repositories.answers import answer_values

    with database.read_session() as session:
        return answer_values(session, assessment_id)


@pytest.fixture
def page(qtbot, database, services, signals):
    from qclinic.ui.pages.assessments import create

    widget = create(services, signals, "en")
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.load()
    return widget


def answer_next_question(button) -> list[str]:
    """When the next modal message box shows, note its text and press *button*."""
    seen: list[str] = []

    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, attempt)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, attempt)
    return seen


def open_runner(qtbot, page, signals, assessment_id: str):
    signals.open_assessment.emit(assessment_id)
    assert page.stack.currentWidget() is page.runner
    return page.runner


def press(qtbot, card, key_text: str) -> None:
    card.setFocus()
    keys = {"Enter": Qt.Key.Key_Return}
    if key_text in keys:
        qtbot.keyClick(card, keys[key_text])
    else:
        qtbot.keyClicks(card, key_text)


def test_list_shows_demo_assessments_and_filters(qtbot, page, demo_ids, qtmodeltester) -> None:
    from qclinic.core.vocabulary import AssessmentStatus

    page.reload()
    qtmodeltester.check(page.model)
    assert page.proxy.rowCount() == 2
    page.status_filter.setCurrentIndex(page.status_filter.findData(AssessmentStatus.SIGNED))
    assert page.proxy.rowCount() == 1
    page.status_filter.setCurrentIndex(0)
    page.search.insert("门诊综合")  # typed through an input method
    assert page.proxy.rowCount() == 1
    index = page.proxy.index(0, 0)
    rect = page.view.visualRect(index)
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.stack.currentWidget() is page.runner
    assert page.runner.state.assessment_id == demo_ids["completed_assessment"]
    page.runner.back_button.click()
    assert page.stack.currentWidget() is page.list_page


def test_keyboard_answers_commit_and_undo_redo(qtbot, page, signals, database, demo_ids) -> None:
    assessment_id = start(database, "nqi-clinic", demo_ids)
    runner = open_runner(qtbot, page, signals, assessment_id)
    first = runner.card(("QMS.1", ""))
    with qtbot.waitSignal(signals.saved):
        press(qtbot, first, "4")
    press(qtbot, first, "Enter")
    second = runner.card(("QMS.2", ""))
    assert second.hasFocus() or runner.current_key() == ("QMS.2", "")
    press(qtbot, second, "n")
    press(qtbot, second, "Enter")
    third = runner.card(("QMS.3", ""))
    press(qtbot, third, "5")
    rows = stored(database, assessment_id)
    assert rows[("QMS.1", "")]["value"] == 4
    assert rows[("QMS.2", "")]["is_na"] is True
    assert rows[("QMS.3", "")]["value"] == 5
    assert first.input._buttons[4][0].isChecked()

    qtbot.keyClick(third, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ("QMS.3", "") not in stored(database, assessment_id)
    runner.undo_stack.undo()
    assert ("QMS.2", "") not in stored(database, assessment_id)
    qtbot.keyClick(
        third, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert stored(database, assessment_id)[("QMS.2", "")]["is_na"] is True
    runner.undo_stack.redo()
    assert stored(database, assessment_id)[("QMS.3", "")]["value"] == 5
    assert third.input._buttons[5][0].isChecked()


def test_vda_ten_is_typed_as_1_0_and_the_0_does_not_undo_it(
    qtbot, page, signals, database, demo_ids
) -> None:
    """Issue 9, item 12: "1" then "0" stored 10 and then 0, silently ending the question at 0."""
    from qclinic.ui.runner import answer_inputs, steps

    assessment_id = start(database, "vda63-process", demo_ids)
    runner = open_runner(qtbot, page, signals, assessment_id)
    assert steps.add_step(runner, "P6", "Casting")
    card = runner.card(("P6.1.1", "Casting"))
    now = [100.0]
    card.input.clock = lambda: now[0]
    press(qtbot, card, "1")
    now[0] += 0.3
    press(qtbot, card, "0")
    assert stored(database, assessment_id)[("P6.1.1", "Casting")]["value"] == 10
    now[0] += answer_inputs.TEN_WINDOW_S + 1  # a later 0 is meant: it scores 0 points
    press(qtbot, card, "0")
    assert stored(database, assessment_id)[("P6.1.1", "Casting")]["value"] == 0
    for key, points in (("4", 4), ("6", 6), ("8", 8), ("10", 10)):
        press(qtbot, card, key)
        assert stored(database, assessment_id)[("P6.1.1", "Casting")]["value"] == points
    texts = [button.text() for button, _value in card.input._buttons]
    assert texts == ["0", "4", "6", "8", "10"]  # each button shows the key that presses it


def test_choice_buttons_show_their_keys(qtbot) -> None:
    from qclinic.core import checklists
    from qclinic.ui.runner.answer_inputs import make_input

    iso = checklists.builtin().load("iso9001-2015")
    question = next(q for q in iso.questions() if q.type == "yes-no" and q.allow_partial)
    widget = make_input(question, "en")
    qtbot.addWidget(widget)
    texts = [button.text() for button, _value in widget._buttons]
    assert texts == ["Yes (1)", "Partial (2)", "No (3)"]
    if question.na_allowed:
        assert widget.na_button.text() == "N/A (N)"


def test_show_if_gate_shows_and_hides_questions(qtbot, page, signals, database, demo_ids) -> None:
    runner = open_runner(qtbot, page, signals, start(database, "nqi-clinic", demo_ids))
    gate, gated = runner.card(("SE.1", "")), runner.card(("SE.2", ""))
    runner.focus_question(("SE.1", ""))
    assert gated.isHidden()
    press(qtbot, gate, "1")  # option 1 = yes
    qtbot.waitUntil(lambda: not gated.isHidden(), timeout=10_000)
    press(qtbot, gate, "2")  # option 2 = no
    qtbot.waitUntil(gated.isHidden, timeout=10_000)
    press(qtbot, gate, "1")
    press(qtbot, gate, "Enter")  # Enter goes to the question that just appeared
    assert runner.current_key() == ("SE.2", "")


def test_photos_by_file_and_by_paste(qtbot, page, signals, database, demo_ids, tmp_path) -> None:
    from PySide6.QtWidgets import QApplication

    from qclinic.storage.repositories.attachments import list_attachments

    assessment_id = start(database, "nqi-clinic", demo_ids)
    runner = open_runner(qtbot, page, signals, assessment_id)
    card = runner.card(("QMS.1", ""))
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    png = tmp_path / "evidence.png"
    image.save(str(png))
    card.attachments.add_paths([str(png)])  # what the file dialog calls with the chosen files
    QApplication.clipboard().setImage(image)
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    with database.read_session() as session:
        rows = list_attachments(session, assessment_id=assessment_id, question_id="QMS.1")
    assert rows[0].file_name == "evidence.png"
    assert len(rows) == 2 and rows[1].mime_type == "image/png"
    assert len(card.attachments.thumbs) == 2
    assert not card.attachments.thumbs[0].pixmap().isNull()


def test_completion_needs_the_note_then_completes(qtbot, page, signals, database, demo_ids) -> None:
    from qclinic.core.vocabulary import AssessmentStatus
    from qclinic.storage.repositories.assessments import get_assessment
    from qclinic.ui.runner.state import StoredAnswer

    assessment_id = start(database, "iso9001-2015", demo_ids)
    runner = open_runner(qtbot, page, signals, assessment_id)
    keys = [(q.id, "") for q in runner.state.checklist.questions()]
    for key in keys[:-1]:  # the rest answered already (as if earlier in the visit)
        runner.writer.apply(key, StoredAnswer("yes"))
    last = runner.card(keys[-1])
    press(qtbot, last, "3")  # "no": needs a note
    runner.complete_button.click()
    assert runner.gap_list.isVisible()
    gap_items = [runner.gap_list.list.item(n) for n in range(runner.gap_list.list.count())]
    note_gap = next(
        i for i in gap_items if i.data(Qt.ItemDataRole.UserRole + 1).kind == "note-required"
    )
    runner.focus_question(keys[0])
    rect = runner.gap_list.list.visualItemRect(note_gap)
    qtbot.mouseClick(runner.gap_list.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert runner.current_key() == keys[-1] and last.hasFocus()
    with database.read_session() as session:
        assert get_assessment(session, assessment_id).status is AssessmentStatus.DRAFT

    qtbot.keyClicks(last.note, "Calibration records missing for March")
    last.note.clearFocus()
    last.flush_note()
    assert stored(database, assessment_id)[keys[-1]]["note"].startswith("Calibration")
    runner.complete_button.click()
    with database.read_session() as session:
        assert get_assessment(session, assessment_id).status is AssessmentStatus.COMPLETED
    assert runner.sign_button.isVisible() and not runner.complete_button.isVisible()


def test_signed_assessment_is_read_only_and_amend_opens_a_draft(
    qtbot, page, signals, database, demo_ids
) -> None:
    signed_id = demo_ids["assessments"][0]
    runner = open_runner(qtbot, page, signals, signed_id)
    card = runner.card(("QMS.1", ""))
    assert runner.banner.isVisible()
    assert not card.input.isEnabled() and card.note.isReadOnly()
    before = stored(database, signed_id)[("QMS.1", "")]
    press(qtbot, card, "0")
    assert stored(database, signed_id)[("QMS.1", "")] == before
    answer_next_question(QMessageBox.StandardButton.Yes)
    runner.amend_button.click()
    assert runner.state.assessment_id != signed_id and runner.state.editable
    assert runner.card(("QMS.1", "")).input.isEnabled()


def test_amend_asks_first_and_a_no_makes_no_revision(
    qtbot, page, signals, database, demo_ids
) -> None:
    from qclinic.storage.repositories.assessments import list_assessments

    signed_id = demo_ids["assessments"][0]
    runner = open_runner(qtbot, page, signals, signed_id)
    seen = answer_next_question(QMessageBox.StandardButton.No)
    runner.amend_button.click()
    assert seen and "findings" in seen[0]
    assert runner.state.assessment_id == signed_id and not runner.state.editable
    with database.read_session() as session:
        assert len(list_assessments(session, organization_id=demo_ids["organization"])) == 2


def test_vda_process_steps_and_find(qtbot, page, signals, database, demo_ids) -> None:
    from qclinic.ui.runner import steps

    assessment_id = start(database, "vda63-process", demo_ids)
    runner = open_runner(qtbot, page, signals, assessment_id)
    assert steps.add_step(runner, "P6", "Moulding")
    card = runner.card(("P6.1.1", "Moulding"))
    assert runner.current_key() == ("P6.1.1", "Moulding")
    press(qtbot, card, "1")  # VDA: 1 = 10 points
    press(qtbot, card, "Enter")
    press(qtbot, runner.card(("P6.1.2", "Moulding")), "6")
    rows = stored(database, assessment_id)
    assert rows[("P6.1.1", "Moulding")]["value"] == 10
    assert rows[("P6.1.2", "Moulding")]["value"] == 6
    assert steps.rename_step(runner, "P6", "Moulding", "Injection moulding")
    assert ("P6.1.1", "Injection moulding") in stored(database, assessment_id)

    runner.focus_question(("P2.1", ""))
    qtbot.keyClick(runner.card(("P2.1", "")), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert runner.find_bar.isVisible()
    qtbot.keyClicks(runner.find_bar.edit, "P6.1.2")
    qtbot.keyClick(runner.find_bar.edit, Qt.Key.Key_Return)
    assert runner.current_key() == ("P6.1.2", "Injection moulding")
    assert steps.remove_step(runner, "P6", "Injection moulding")
    assert not stored(database, assessment_id)


def test_raise_a_finding_from_a_question(qtbot, page, signals, database, demo_ids) -> None:
    from qclinic.core.vocabulary import FindingSeverity, NqiCategory
    from qclinic.storage.repositories.improvement import list_findings
    from qclinic.ui.runner import lifecycle

    assessment_id = start(database, "nqi-clinic", demo_ids)
    runner = open_runner(qtbot, page, signals, assessment_id)
    dialog = lifecycle.finding_dialog(runner, ("MET.1", ""))
    assert dialog.ui.categoryCombo.currentData() == NqiCategory.METROLOGY
    assert dialog.ui.titleEdit.text().startswith("MET.1")
    qtbot.keyClicks(dialog.ui.titleEdit, "gauges overdue")
    dialog.ui.severityCombo.setCurrentIndex(
        dialog.ui.severityCombo.findData(FindingSeverity.MAJOR_NC)
    )
    dialog.ui.evidenceEdit.setPlainText("12 of 40 gauges past due")
    dialog.accept()
    with database.read_session() as session:
        (finding,) = list_findings(session, assessment_id)
    assert finding.question_id == "MET.1" and finding.severity is FindingSeverity.MAJOR_NC
    assert finding.nqi_category is NqiCategory.METROLOGY


def test_reopens_where_the_user_was(qtbot, database, services, signals, demo_ids) -> None:
    from qclinic.ui.pages.assessments import create

    first = create(services, signals, "zh")
    qtbot.addWidget(first)
    first.load()
    first.open_assessment(demo_ids["completed_assessment"])
    first.runner.focus_question(("MET.2", ""))
    first.runner.on_card_focused(("MET.2", ""))
    first.runner.save_position()
    again = create(services, signals, "zh")
    qtbot.addWidget(again)
    again.load()
    assert again.stack.currentWidget() is again.runner
    assert again.runner.current_key() == ("MET.2", "")


@pytest.mark.skipif(
    importlib.util.find_spec("qclinic.ui.signoff_dialog") is None,
    reason="the sign-off dialog is not written yet",
)
def test_sign_off_button_calls_the_sign_off_dialog(
    qtbot, page, signals, demo_ids, monkeypatch
) -> None:
    import qclinic.ui.signoff_dialog as signoff

    calls = []
    monkeypatch.setattr(signoff, "run_sign_off", lambda *args: calls.append(args) or False)
    runner = open_runner(qtbot, page, signals, demo_ids["completed_assessment"])
    assert runner.sign_button.isVisible()
    runner.sign_button.click()
    assert calls and calls[0][3] == demo_ids["completed_assessment"]


def test_main_window_switches_to_the_runner(qtbot, database, signals, demo_ids) -> None:
    from qclinic.ui.main_window import MainWindow

    window = MainWindow(signals, lang="en", start_page="library")
    qtbot.addWidget(window)
    window.attach_database(database)
    signals.open_assessment.emit(demo_ids["completed_assessment"])
    page = window.stack.currentWidget()
    assert page.stack.currentWidget() is page.runner
    assert page.runner.state.assessment_id == demo_ids["completed_assessment"]
