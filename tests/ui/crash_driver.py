"""Run the real app and answer questions through the runner until killed (used by the crash test).

    python tests/ui/crash_driver.py DATA_DIR ASSESSMENT_ID

Starts QClinic through its normal entry point (``qclinic.__main__.main``) on DATA_DIR; once the first
screen is loaded, opens the assessment and answers maturity questions with the keyboard, one after
another. After each answer's commit it prints ``ACK <question id> <value>`` — the acknowledgement a
user sees as "Saved". The test kills this process with SIGKILL at a random moment.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from qclinic.ui.main_window import MainWindow


def drive(window: MainWindow, assessment_id: str) -> None:
    from qclinic.ui import tasks

    tasks.wait_idle()  # as a user does: the first page has loaded before the runner is opened
    try:
        window.signals.open_assessment.emit(assessment_id)
    except Exception:  # fail the test at once; a modal error dialog would hang it offscreen
        import os
        import traceback

        traceback.print_exc()
        os._exit(3)
    runner = window.page("assessments").runner  # type: ignore[attr-defined]
    questions = [q for q in runner.state.checklist.questions() if q.type == "maturity"]
    pending: dict[str, str] = {}

    def on_saved() -> None:
        for qid, value in list(pending.items()):
            print(f"ACK {qid} {value}", flush=True)
            del pending[qid]

    window.signals.saved.connect(on_saved)

    def answer(index: int) -> None:
        question = questions[index % len(questions)]
        value = str((index * 7) % 6)
        key = (question.id, "")
        runner.focus_question(key)
        card = runner.card(key)
        pending[question.id] = value
        QTest.keyClicks(card, value)
        QTimer.singleShot(2, lambda: answer(index + 1))

    answer(0)


def main() -> int:
    data_dir, assessment_id = sys.argv[1], sys.argv[2]
    original = MainWindow.attach_database

    def attach_and_drive(self: MainWindow, database: object) -> None:
        original(self, database)  # type: ignore[arg-type]
        QTimer.singleShot(0, lambda: drive(self, assessment_id))

    MainWindow.attach_database = attach_and_drive  # type: ignore[method-assign]
    from qclinic.__main__ import main as qclinic_main

    return qclinic_main(["--data-dir", data_dir, "--lang", "en"])


if __name__ == "__main__":
    sys.exit(main())
