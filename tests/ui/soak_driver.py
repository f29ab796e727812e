"""Drive the real app through a working session, with its background tasks on real threads.

    python tests/ui/soak_driver.py DATA_DIR ORGANIZATION_ID OUT_DIR [SEED]

Starts QClinic through its normal entry point (``qclinic.__main__.main``); once the first screen is
loaded it walks what a consultant does: the organizations page (whose detail panel arrives from a
background import), selects the company, starts an assessment through the dialog, answers questions
with the keyboard at uneven speed so that the what-if tasks overlap, prints the report in the
background, opens the SPC workspace, the plan and the cases, and closes the window. Nothing runs
inline: this is the app as users run it. Prints ``SOAK OK …`` at the end; every error that would
have reached a dialog is printed as ``SOAK ERROR …`` and makes the exit code 3. The test that runs
it (``test_soak.py``) requires exit 0.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from qclinic.ui import errors as ui_errors
from qclinic.ui import tasks
from qclinic.ui.main_window import MainWindow

STEP_TIMEOUT_S = 60
problems: list[str] = []


def _record(exc: BaseException, _parent: object = None) -> None:
    import traceback

    problems.append(f"{type(exc).__name__}: {exc}")
    print("SOAK ERROR", "".join(traceback.format_exception(exc)), file=sys.stderr, flush=True)


class Script:
    """Steps run one after another from the event loop; each may wait for a condition."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.steps: list[tuple[str, Callable[[], object], Callable[[], bool] | None]] = []
        self.started = 0.0

    def then(
        self, name: str, action: Callable[[], object], until: Callable[[], bool] | None = None
    ) -> Script:
        self.steps.append((name, action, until))
        return self

    def run(self) -> None:
        self._next()

    def _next(self) -> None:
        if not self.steps:
            return
        name, action, until = self.steps.pop(0)
        try:
            action()
        except BaseException as exc:
            _record(exc)
            self.window.close()
            return
        self.started = time.monotonic()
        self._wait(name, until)

    def _wait(self, name: str, until: Callable[[], bool] | None) -> None:
        try:
            ready = until is None or until()
        except BaseException as exc:
            _record(exc)
            self.window.close()
            return
        if ready:
            QTimer.singleShot(0, self._next)
        elif time.monotonic() - self.started > STEP_TIMEOUT_S:
            problems.append(f"step {name!r} timed out")
            print(f"SOAK ERROR step {name!r} timed out", file=sys.stderr, flush=True)
            self.window.close()
        else:
            QTimer.singleShot(10, lambda: self._wait(name, until))


def scenario(window: MainWindow, organization_id: str, out_dir: Path, seed: int) -> None:
    rng = random.Random(seed)
    state: dict[str, object] = {"answered": 0, "printed": False}

    def organizations() -> object:
        return window.page("organizations")

    def select() -> None:
        window.show_page("organizations")
        organizations().select_organization(organization_id)  # type: ignore[attr-defined]

    def start_dialog() -> None:
        detail = organizations().ensure_detail()  # type: ignore[attr-defined]
        detail.on_start_clicked()
        dialog = detail.start_dialog
        dialog.select_checklist("nqi-clinic" if seed % 2 else "iso9001-2015")
        dialog.accept()

    def runner() -> object:
        return window.page("assessments").runner  # type: ignore[attr-defined]

    def answer_quickly() -> None:
        run = runner()
        questions = [q for q in run.state.checklist.questions() if q.type in {"maturity", "yes-no"}]  # type: ignore[attr-defined]
        keys = {"maturity": "012345", "yes-no": "ypn"}
        count = 25

        def answer(index: int) -> None:
            if index >= count:
                state["answered"] = count
                return
            question = questions[index % len(questions)]
            key = (question.id, "")
            run.focus_question(key)  # type: ignore[attr-defined]
            card = run.card(key)  # type: ignore[attr-defined]
            QTest.keyClicks(card, rng.choice(keys[question.type]))
            if rng.random() < 0.3:
                run.start_what_if()  # type: ignore[attr-defined]  # overlap what-if runs
            # uneven typing: sometimes inside the what-if delay, sometimes just after it fired
            QTimer.singleShot(rng.choice([1, 5, 30, 120, 420]), lambda: answer(index + 1))

        answer(0)

    def print_report() -> None:
        from qclinic.ui.print_actions import print_report as do_print

        run = runner()
        do_print(
            window,
            window.services,  # type: ignore[arg-type]
            run.state.assessment_id,  # type: ignore[attr-defined]
            path=out_dir / f"report-{seed}.pdf",
            lang="zh" if seed % 2 else "en",
            open_when_done=False,
            on_written=lambda _path: state.update(printed=True),
        )

    (
        Script(window)
        .then("organizations", select, lambda: organizations().detail is not None)  # type: ignore[attr-defined]
        .then(
            "detail shows the company",
            lambda: None,
            lambda: organizations().detail.organization_id == organization_id,  # type: ignore[attr-defined]
        )
        .then("start an assessment", start_dialog, lambda: runner().state is not None)  # type: ignore[attr-defined]
        .then("answer", answer_quickly, lambda: state["answered"] == 25)
        .then("print while what-if runs", print_report, lambda: bool(state["printed"]))
        .then("spc workspace", lambda: window.show_page("spc"), lambda: tasks.pending() == 0)
        .then("plan", lambda: window.show_page("plan"), lambda: tasks.pending() == 0)
        .then("cases", lambda: window.show_page("cases"))
        .then("back to the runner", lambda: window.show_page("assessments"))
        .then("settle", lambda: None, lambda: tasks.pending() == 0)
        .then("quit", window.close)
        .run()
    )


def main() -> int:
    data_dir, organization_id, out_dir = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    ui_errors.show_error = _record  # type: ignore[assignment]
    from PySide6.QtWidgets import QMessageBox

    def box(_parent: object, title: str, text: str, *_args: object) -> object:
        problems.append(f"{title}: {text}")
        print(f"SOAK ERROR dialog {title}: {text}", file=sys.stderr, flush=True)
        return QMessageBox.StandardButton.Ok

    QMessageBox.critical = box  # type: ignore[assignment,method-assign]
    QMessageBox.warning = box  # type: ignore[assignment,method-assign]
    original = MainWindow.attach_database

    def attach_and_drive(self: MainWindow, database: object) -> None:
        original(self, database)  # type: ignore[arg-type]
        QTimer.singleShot(0, lambda: scenario(self, organization_id, out_dir, seed))

    MainWindow.attach_database = attach_and_drive  # type: ignore[method-assign]
    from qclinic.__main__ import main as qclinic_main

    code = qclinic_main(["--data-dir", data_dir, "--lang", "zh" if seed % 2 else "en"])
    if problems:
        return 3
    print(f"SOAK OK seed={seed} exit={code}", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
