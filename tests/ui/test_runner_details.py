"""The runner on a visit (issue 10): a live language switch, process steps stored when added, and a
completed assessment that an edit sends back to draft."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_runner import answer_next_question, open_runner, press, start, stored


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path):
    from qclinic import paths

    paths.set_data_dir(tmp_path / "data")
    yield
    paths.set_data_dir(None)


@pytest.fixture
def restore_language(qapp):
    """Leave no translator behind: other tests expect the English source strings."""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    yield
    from qclinic.ui import i18n

    i18n.install_translators(qapp, "en")
    QLocale.setDefault(locale)


def _page(qtbot, database, services, signals, lang: str):
    from qclinic.ui.pages.assessments import create

    widget = create(services, signals, lang)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.load()
    return widget


def _texts(runner) -> dict[str, str]:
    card = runner.card(("QMS.1", ""))
    first_choice = runner.card(("MET.2", "")).input._buttons[0][0]  # a yes-no question
    return {
        "complete": runner.complete_button.text(),
        "print": runner.print_report_button.text(),
        "find": runner.find_bar.find_label.text(),
        "add step": runner.navigator.add_button.text(),
        "sections": runner.score_panel.boxes[0].title(),
        "gaps": runner.gap_list.title(),
        "choice": first_choice.text(),
        "finding": card.finding_button.text(),
        "heading": runner._pages[runner.page_of(("QMS.1", ""))].headings["QMS"].text(),
    }


def test_switching_zh_to_en_retranslates_the_open_runner(
    qtbot, qapp, database, services, signals, demo_ids, restore_language
) -> None:
    from qclinic.ui.settings_dialog import apply_interface_language

    apply_interface_language("zh", signals)
    page = _page(qtbot, database, services, signals, "zh")
    assessment_id = start(database, "nqi-clinic", demo_ids)
    runner = open_runner(qtbot, page, signals, assessment_id)
    runner.focus_question(("QMS.1", ""))
    runner.complete_button.click()  # the gap list is open, in Chinese
    zh = _texts(runner)
    assert zh["complete"] == "完成" and zh["choice"] == "是 (1)", zh

    apply_interface_language("en", signals)
    en = _texts(runner)
    assert en["complete"] == "Complete"
    assert en["print"] == "Print report…"
    assert en["find"] == "Find:"
    assert en["add step"] == "Add step"
    assert en["sections"] == "Sections"
    assert en["gaps"] == "Completion check"
    assert en["choice"] == "Yes (1)"  # a card's choice button with its key hint
    assert en["finding"] == "Raise finding…"
    checklist = runner.state.checklist
    assert en["heading"] == checklist.section("QMS").title.get("en") != zh["heading"]
    assert all(en[name] != zh[name] for name in zh)
    assert runner.gap_list.isVisible()
    assert "is not answered" in runner.gap_list.list.item(0).text()  # the gaps in English too
    assert runner.current_key() == ("QMS.1", "")  # still where the user was


def test_a_new_step_is_stored_before_its_first_answer(
    qtbot, database, services, signals, demo_ids, monkeypatch
) -> None:
    from qclinic.ui.runner import steps

    shown: list[BaseException] = []
    monkeypatch.setattr(steps, "show_error", lambda exc, parent=None: shown.append(exc))
    page = _page(qtbot, database, services, signals, "en")
    assessment_id = start(database, "vda63-process", demo_ids)
    runner = open_runner(qtbot, page, signals, assessment_id)
    assert steps.add_step(runner, "P6", "Moulding")
    assert steps.add_step(runner, "P6", "Assembly")
    assert not steps.add_step(runner, "P6", " Moulding ")  # a second one of that name: told why
    assert len(shown) == 1 and "already a step called 'Moulding'" in str(shown[0])
    assert "已有名为“Moulding”的过程步骤" in str(shown[0])
    runner.open(assessment_id)  # reopened: the steps are there, with no answers yet
    assert runner.state.instances["P6"] == ["Moulding", "Assembly"]
    assert runner.card(("P6.1.1", "Assembly")).input._buttons  # its page can be shown
    assert stored(database, assessment_id) == {}

    assert steps.rename_step(runner, "P6", "Moulding", "Injection moulding")
    runner.open(assessment_id)
    assert runner.state.instances["P6"] == ["Injection moulding", "Assembly"]

    steps.ask_remove(runner, "P6", "Assembly")  # no answers: removed without asking
    runner.open(assessment_id)
    assert runner.state.instances["P6"] == ["Injection moulding"]

    press(qtbot, runner.card(("P6.1.1", "Injection moulding")), "8")
    assert stored(database, assessment_id)[("P6.1.1", "Injection moulding")]["value"] == 8
    seen = answer_next_question(QMessageBox.StandardButton.No)  # answers: it asks first
    steps.ask_remove(runner, "P6", "Injection moulding")
    assert seen and "Injection moulding" in seen[0]
    runner.open(assessment_id)
    assert runner.state.instances["P6"] == ["Injection moulding"]


def test_editing_a_completed_assessment_makes_it_a_draft_again(
    qtbot, database, services, signals, demo_ids
) -> None:
    from qclinic.core.vocabulary import AssessmentStatus
    from qclinic.storage.repositories.assessments import get_assessment

    page = _page(qtbot, database, services, signals, "en")
    assessment_id = demo_ids["completed_assessment"]
    runner = open_runner(qtbot, page, signals, assessment_id)
    assert runner.status_label.text() == "Completed" and runner.sign_button.isVisible()
    key = ("QMS.1", "")
    answer = type(runner.state.answers[key])
    assert stored(database, assessment_id)[key]["value"] != 0
    with qtbot.waitSignal(signals.saved):
        runner.writer.apply(key, answer(0))  # maturity 0: needs a note, which it lacks
    with database.read_session() as session:
        assert get_assessment(session, assessment_id).status is AssessmentStatus.DRAFT
    assert runner.status_label.text() == "Draft"
    assert runner.banner.isVisible() and "draft again" in runner.banner.text()
    assert runner.complete_button.isVisible() and not runner.sign_button.isVisible()
    runner.complete_button.click()  # completing again re-checks the gaps: this one blocks
    assert runner.gap_list.isVisible()
    assert [gap.kind for gap in runner.result.gaps] == ["note-required"]
    with database.read_session() as session:
        assert get_assessment(session, assessment_id).status is AssessmentStatus.DRAFT
    runner.writer.apply(key, answer(4))
    runner.complete_button.click()
    with database.read_session() as session:
        assert get_assessment(session, assessment_id).status is AssessmentStatus.COMPLETED
    assert not runner.banner.isVisible() and runner.status_label.text() == "Completed"
