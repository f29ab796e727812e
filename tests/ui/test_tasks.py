"""The background-task API on real threads: every result arrives, on the UI thread, and never crashes.

Before the fix each task carried its own relay ``QObject``; the thread pool deleted the runnable on
the worker thread and the relay with it, while the UI thread was delivering the relay's queued
signal — the segmentation fault of issue 8, and results that never arrived.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from qclinic.ui import tasks

STRESS = Path(__file__).with_name("task_stress.py")
ROOT = Path(__file__).resolve().parents[2]


def test_thousands_of_tasks_deliver_every_result_on_the_ui_thread(qtbot) -> None:
    ui_thread = threading.get_ident()
    results: list[tuple[int, int]] = []
    for i in range(1500):
        tasks.run_task(
            lambda _p, i=i: i, on_done=lambda value: results.append((value, threading.get_ident()))
        )
    qtbot.waitUntil(lambda: len(results) == 1500, timeout=30_000)
    assert sorted(value for value, _ in results) == list(range(1500))
    assert {thread for _, thread in results} == {ui_thread}
    assert tasks.pending() == 0


@pytest.mark.parametrize("run", range(3))
def test_stress_in_a_real_process_neither_crashes_nor_loses_a_result(run: int) -> None:
    """In a subprocess, so a segmentation fault fails this test instead of killing the suite."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(STRESS), "3000"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-2000:]}"
    assert "delivered 3000 of 3000 on-ui-thread 3000" in done.stdout


def test_work_runs_off_the_ui_thread(qtbot) -> None:
    ui_thread = threading.get_ident()
    seen: list[int] = []
    tasks.run_task(lambda _p: threading.get_ident(), on_done=seen.append)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen[0] != ui_thread


def test_a_callback_of_a_deleted_widget_is_skipped(qtbot) -> None:
    """A runner closed while its what-if runs must not be called on a deleted C++ object."""
    from PySide6.QtWidgets import QLabel

    release = threading.Event()
    label = QLabel()
    owned: list[object] = []
    tasks.run_task(lambda _p: release.wait(10) or "late", on_done=label.setText)
    tasks.run_task(lambda _p: release.wait(10) or "late", on_done=owned.append, owner=label)
    label.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(label), timeout=5_000)
    release.set()
    assert tasks.wait_idle(10_000)
    assert owned == []  # skipped: its owner is gone; and setText on the dead label never ran


def test_errors_go_to_on_error_and_cancelling_is_not_an_error(qtbot) -> None:
    errors: list[BaseException] = []
    done: list[object] = []

    def fail(_p: tasks.Progress) -> None:
        raise ValueError("bad data")

    def cancelled(_p: tasks.Progress) -> None:
        raise tasks.Cancelled

    tasks.run_task(fail, on_done=done.append, on_error=errors.append)
    tasks.run_task(cancelled, on_done=done.append, on_error=errors.append)
    assert tasks.wait_idle(10_000)
    assert [type(e) for e in errors] == [ValueError]
    assert done == []


def test_progress_arrives_on_the_ui_thread_and_cancel_reaches_the_worker(qtbot) -> None:
    ui_thread = threading.get_ident()
    reports: list[tuple[float, str, int]] = []
    started = threading.Event()

    def work(progress: tasks.Progress) -> str:
        progress.report(0.5, "half")
        started.set()
        while not progress.cancelled:
            time.sleep(0.005)
        raise tasks.Cancelled

    task = tasks.run_task(
        work, on_progress=lambda f, t: reports.append((f, t, threading.get_ident()))
    )
    assert started.wait(10)
    qtbot.waitUntil(lambda: bool(reports), timeout=5_000)
    task.progress.cancel()
    assert tasks.wait_idle(10_000)
    assert reports == [(0.5, "half", ui_thread)]
    assert task.finished


def test_shutdown_cancels_running_tasks_and_joins_their_threads(qtbot) -> None:
    stopped = threading.Event()

    def long_work(progress: tasks.Progress) -> None:
        while not progress.cancelled:
            time.sleep(0.005)
        stopped.set()

    tasks.run_task(long_work)
    time.sleep(0.05)
    assert tasks.shutdown(timeout=10)
    assert stopped.is_set()
    assert tasks.pending() == 0
    # the API works again after a shutdown (a new window in the same process, as in tests)
    again: list[int] = []
    tasks.run_task(lambda _p: 7, on_done=again.append)
    qtbot.waitUntil(lambda: again == [7], timeout=10_000)


def test_inline_mode_runs_on_the_calling_thread(inline_tasks) -> None:
    """Inline mode stays for tests that need determinism: the callback has run on return."""
    seen: list[int] = []
    tasks.run_task(lambda _p: threading.get_ident(), on_done=seen.append)
    assert seen == [threading.get_ident()]
