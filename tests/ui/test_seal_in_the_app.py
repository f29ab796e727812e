"""The seal in the app (issue 9, item 2): a signed assessment edited behind the app's back with
``sqlite3`` is flagged when opened and refused when printed; a print from the app is registered."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Errors the print showed (instead of a modal message box)."""
    from qclinic.ui import print_actions

    shown: list[BaseException] = []
    monkeypatch.setattr(print_actions, "show_error", lambda exc, parent=None: shown.append(exc))
    return shown


def _edit_behind_the_back(path: Path, assessment_id: str) -> str:
    """Change one answer's note of *assessment_id* with plain sqlite3; returns its question id."""
    with closing(sqlite3.connect(path)) as connection, connection:
        row_id, question = connection.execute(
            "SELECT id, question_id FROM answer WHERE assessment_id = ? ORDER BY id LIMIT 1",
            (assessment_id,),
        ).fetchone()
        connection.execute("UPDATE answer SET note = 'fixed later' WHERE id = ?", (row_id,))
    return str(question)


def test_opening_a_tampered_signed_assessment_shows_what_changed(
    qtbot: Any, database: Any, services: Any, signals: Any, demo_ids: dict[str, Any], tmp_path: Path
) -> None:
    from qclinic.ui.runner.runner_widget import RunnerWidget

    signed = demo_ids["assessments"][0]  # the demo's signed self-assessment
    runner = RunnerWidget(services, signals, "en")
    qtbot.addWidget(runner)
    runner.open(signed)
    assert "signed and read-only" in runner.banner.text()
    question = _edit_behind_the_back(tmp_path / "ui.sqlite", signed)
    runner.open(signed)
    assert "changed after it was signed" in runner.banner.text()
    assert f"the answer to {question} was changed" in runner.banner.text()


def test_the_app_refuses_to_print_a_tampered_signed_assessment(
    qtbot: Any, database: Any, demo_ids: dict[str, Any], tmp_path: Path, shown_errors: list[Any]
) -> None:
    from qclinic.storage.seal import SealBroken
    from qclinic.ui.print_actions import print_report

    signed = demo_ids["assessments"][0]
    _edit_behind_the_back(tmp_path / "ui.sqlite", signed)
    out = tmp_path / "out" / "report.pdf"
    out.parent.mkdir()
    print_report(None, database, signed, path=out, lang="en", open_when_done=False)
    qtbot.waitUntil(lambda: len(shown_errors) == 1, timeout=30_000)  # printed on a worker thread
    assert isinstance(shown_errors[0], SealBroken)
    assert list(out.parent.iterdir()) == []


def test_a_print_from_the_app_is_registered_and_verifies(
    qtbot: Any, database: Any, demo_ids: dict[str, Any], tmp_path: Path
) -> None:
    from qclinic.reports.verify import verify
    from qclinic.ui.print_actions import print_report

    signed = demo_ids["assessments"][0]
    out = tmp_path / "report.pdf"
    written: list[Path] = []
    print_report(
        None, database, signed, path=out, lang="zh", open_when_done=False, on_written=written.append
    )
    qtbot.waitUntil(lambda: written == [out], timeout=30_000)  # printed on a worker thread
    verdict = verify(database, out)
    assert verdict.matches, verdict
    assert verdict.document_id.endswith("-001")
    out.write_bytes(out.read_bytes() + b"%")
    assert verify(database, out).exit_code == 1
