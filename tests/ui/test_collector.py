"""Reference cycles die on the UI thread, never on a background task's thread (ui/collector.py).

A worker thread that allocates a lot used to be the one to run Python's cycle collector now and
then; a cycle holding a Qt object was then destroyed off its thread (an abort seen once in a UI
test run while a background scoring task ran).
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject


class _Cycle:
    """Garbage only the cycle collector can free; records the thread that freed it."""

    def __init__(self, freed_on: list[str]) -> None:
        self.me = self
        self.freed_on = freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def _churn() -> None:
    """What a busy background task does: leave cycles behind, far past the collector's
    thresholds (objects freed at once do not count towards them)."""
    for n in range(20_000):
        cycle: list[object] = [n]
        cycle.append(cycle)


def test_a_busy_worker_thread_does_not_collect_cycles(qtbot) -> None:
    freed_on: list[str] = []
    _Cycle(freed_on)  # unreachable at once: a cycle, waiting for the collector
    worker = threading.Thread(target=_churn, name="task-worker")
    worker.start()
    worker.join()
    assert freed_on == []  # the worker passed the thresholds many times, and collected nothing
    qtbot.waitUntil(lambda: freed_on == [threading.main_thread().name], timeout=5000)


class _Holder(QObject):
    """A Qt object caught in a cycle, like a dialog whose closure keeps itself alive."""

    def __init__(self, freed_on: list[str]) -> None:
        super().__init__()
        self.freed_on = freed_on
        self.keep = [self]

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def test_a_qobject_in_a_cycle_is_freed_on_the_ui_thread(qtbot) -> None:
    freed_on: list[str] = []
    _Holder(freed_on)
    worker = threading.Thread(target=_churn, name="task-worker")
    worker.start()
    worker.join()
    assert freed_on == []
    qtbot.waitUntil(lambda: freed_on == [threading.main_thread().name], timeout=5000)


def test_the_collector_gives_collection_back_when_it_stops(qapp) -> None:
    from qclinic.ui import collector

    assert not gc.isenabled()  # installed for every UI test, as in the app
    collector.uninstall()
    try:
        assert gc.isenabled()
    finally:
        collector.install(qapp)
