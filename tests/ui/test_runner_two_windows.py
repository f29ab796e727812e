"""Two runners on one assessment (two windows or two QClinic instances): no acknowledged edit lost.

Issue 9, item 3: window B scores QMS.1 as 5 and shows "Saved"; window A, opened earlier, adds a
note to QMS.1 — the stored value went back to A's stale 2. Each window has its own AppSignals, as
two app instances would, so nothing but the database connects them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.test_runner import start, stored

KEY = ("QMS.1", "")


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path):
    from qclinic import paths

    paths.set_data_dir(tmp_path / "data")
    yield
    paths.set_data_dir(None)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of warning boxes (recorded instead of blocking the test)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_rest: shown.append(text)
    )
    return shown


def _window(qtbot, database, assessment_id: str):
    from qclinic.services import Services
    from qclinic.ui.pages.assessments import create
    from qclinic.ui.signals import AppSignals

    signals = AppSignals()  # each window its own program: its own services and event bus
    services = Services(database)
    signals.follow(services.bus)
    page = create(services, signals, "en")
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    page.load()
    signals.open_assessment.emit(assessment_id)
    return page.runner, signals


def _score(qtbot, runner, signals, digit: str) -> None:
    card = runner.card(KEY)
    card.setFocus()
    with qtbot.waitSignal(signals.saved):
        qtbot.keyClicks(card, digit)


def test_a_note_from_a_stale_window_keeps_the_other_windows_value(
    qtbot, database, demo_ids, warnings
) -> None:
    assessment_id = start(database, "nqi-clinic", demo_ids)
    window_a, signals_a = _window(qtbot, database, assessment_id)
    _score(qtbot, window_a, signals_a, "2")
    window_b, signals_b = _window(qtbot, database, assessment_id)  # opened later: sees 2
    _score(qtbot, window_b, signals_b, "5")
    assert stored(database, assessment_id)[KEY]["value"] == 5

    card_a = window_a.card(KEY)
    card_a.note.setFocus()
    qtbot.keyClicks(card_a.note, "Calibration labels missing")
    card_a.note.clearFocus()
    card_a.flush_note()

    assert stored(database, assessment_id)[KEY]["value"] == 5  # B's acknowledged edit survives
    assert len(warnings) == 1 and "QMS.1" in warnings[0] and "5" in warnings[0]
    assert window_a.state.answers[KEY].value == 5  # A now shows the stored value
    assert card_a.input._buttons[5][0].isChecked()
    assert card_a.note_text() == "Calibration labels missing"  # the typed note is not thrown away

    card_a.flush_note()  # leaving the box again saves the note on the fresh revision, note only
    assert stored(database, assessment_id)[KEY] == {
        "value": 5,
        "is_na": False,
        "note": "Calibration labels missing",
    }


def test_a_stale_score_is_refused_and_the_fresh_one_shown(
    qtbot, database, demo_ids, warnings
) -> None:
    assessment_id = start(database, "nqi-clinic", demo_ids)
    window_a, signals_a = _window(qtbot, database, assessment_id)
    window_b, signals_b = _window(qtbot, database, assessment_id)
    _score(qtbot, window_b, signals_b, "5")
    card_a = window_a.card(KEY)
    card_a.setFocus()
    qtbot.keyClicks(card_a, "3")  # A saw no answer: its write is refused
    assert stored(database, assessment_id)[KEY]["value"] == 5
    assert len(warnings) == 1 and "not saved" in warnings[0]
    assert card_a.input._buttons[5][0].isChecked()
    _score(qtbot, window_a, signals_a, "3")  # now based on what A sees: saved
    assert stored(database, assessment_id)[KEY]["value"] == 3
    assert window_a.undo_stack.count() == 1  # the refused edit left nothing to undo
    window_a.undo_stack.undo()
    assert stored(database, assessment_id)[KEY]["value"] == 5  # undo goes back to B's value
