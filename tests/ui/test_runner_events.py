"""The runner and the change events: its own commits are announced for the others (and not
reloaded by itself); what another page changed is loaded when the runner shows again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.test_runner import open_runner, press, start, stored

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path):
    from qclinic import paths

    paths.set_data_dir(tmp_path / "data")
    yield
    paths.set_data_dir(None)


@pytest.fixture
def page(qtbot, services, signals):
    from qclinic.ui.pages.assessments import create

    widget = create(services, signals, "en")
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.load()
    return widget


@pytest.fixture
def loads(monkeypatch) -> list[str]:
    """The assessments the runner loaded from the database, in order."""
    from qclinic.ui.runner import runner_widget

    seen: list[str] = []
    original = runner_widget.RunnerState.load

    def counting(database, assessment_id):
        seen.append(assessment_id)
        return original(database, assessment_id)

    monkeypatch.setattr(runner_widget.RunnerState, "load", staticmethod(counting))
    return seen


def test_an_answer_is_announced_as_the_runners_own_and_not_reloaded(
    qtbot, page, database, signals, demo_ids, loads
) -> None:
    assessment_id = start(database, "nqi-clinic", demo_ids)
    runner = open_runner(qtbot, page, signals, assessment_id)
    heard = []
    signals.changed.connect(heard.append)
    data_changed: list[str] = []
    signals.data_changed.connect(data_changed.append)

    with qtbot.waitSignal(signals.saved):
        press(qtbot, runner.card(("QMS.1", "")), "3")

    assert stored(database, assessment_id)[("QMS.1", "")]["value"] == 3
    answer_events = [e for e in heard if e.entity == "answer"]
    assert len(answer_events) == 1 and answer_events[0].made_by(runner)
    assert "answer" in data_changed  # old listeners still hear the table, once per commit
    page.hide()
    page.show()  # its own edit is shown already: nothing to load again
    qtbot.wait(50)
    assert loads == [assessment_id]


def test_evidence_attached_by_another_page_shows_when_the_runner_shows_again(
    qtbot, page, services, database, signals, demo_ids, loads
) -> None:
    assessment_id = start(database, "nqi-clinic", demo_ids)
    runner = open_runner(qtbot, page, signals, assessment_id)
    assert runner.card(("SPC.2", "")).attachments.thumbs == []
    page.hide()  # the user went to the SPC page

    spc_page = object()
    services.answers.add_photos(assessment_id, "SPC.2", [(PNG, "控制图.png")], source=spc_page)
    assert loads == [assessment_id]  # nothing is reloaded while hidden

    page.show()
    qtbot.waitUntil(lambda: len(loads) == 2)
    tiles = runner.card(("SPC.2", "")).attachments.thumbs
    assert len(tiles) == 1
    assert runner.state is not None and runner.state.photos[("SPC.2", "")] == 1


def test_completing_is_refused_when_another_window_left_a_gap(
    qtbot, page, services, database, signals, demo_ids, monkeypatch
) -> None:
    from qclinic.core.vocabulary import AssessmentStatus
    from qclinic.services.assessments import GapsBlock
    from qclinic.ui.runner import lifecycle

    shown: list[BaseException] = []
    monkeypatch.setattr(lifecycle, "show_error", lambda exc, parent=None: shown.append(exc))
    assessment_id = start(database, "nqi-clinic", demo_ids)
    runner = open_runner(qtbot, page, signals, assessment_id)
    # another window (its own services) scores QMS.1 too low to go without a note
    from qclinic.services import Services

    Services(database).answers.save_answer(assessment_id, "QMS.1", 1, base_revision=0)

    assert not lifecycle.complete(runner)
    assert len(shown) == 1 and isinstance(shown[0], GapsBlock)
    assert [(g.kind, g.question) for g in shown[0].gaps] == [("note-required", "QMS.1")]
    assert runner.gap_list.isVisible()
    assert runner.gap_list.summary.text().startswith("1 gap(s) must be closed")  # the stored gap
    assert runner.state is not None and runner.state.status is AssessmentStatus.DRAFT
    assert services.assessments.status(assessment_id) is AssessmentStatus.DRAFT
