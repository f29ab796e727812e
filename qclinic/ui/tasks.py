"""One API for background work (after Anki's ``QueryOp`` and Picard's thread helpers).

``run_task(fn, on_done=…, on_error=…, on_progress=…)`` runs ``fn(progress)`` on a worker thread. The
function never touches widgets; it reports through ``progress.report(fraction, text)`` and checks
``progress.cancelled``. Every callback arrives on the UI thread. An error that is not a
:class:`~qclinic.errors.UserError` goes to the app's bug handler unless ``on_error`` takes it.

Database writes stay short and happen on the UI thread (a commit is a few milliseconds); the pool is
for reading large data, statistics, reports and sync.

Tests call :func:`set_synchronous` so tasks run inline and deterministically.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

_synchronous = False


def set_synchronous(value: bool) -> None:
    """Run tasks inline on the calling thread (tests)."""
    global _synchronous
    _synchronous = value


class Progress:
    """Handed to the task function; a safe no-op when nothing listens."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._listener: Callable[[float, str], None] | None = None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, fraction: float, text: str = "") -> None:
        if self._listener is not None:
            self._listener(fraction, text)


class Cancelled(Exception):
    """Raise from a task function when it stops because ``progress.cancelled`` is set."""


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(float, str)


class Task(QRunnable):
    """A running task; keep it to cancel it (``task.progress.cancel()``)."""

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.progress = Progress()
        self.relay = _Relay()
        self.progress._listener = self.relay.progressed.emit

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


def _default_error(exc: BaseException) -> None:
    from qclinic.ui.errors import show_error

    show_error(exc)


def run_task(
    fn: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[float, str], None] | None = None,
) -> Task:
    """Start *fn* in the background; callbacks run on the UI thread."""
    task = Task(fn)
    if on_done is not None:
        task.relay.done.connect(on_done)
    task.relay.failed.connect(
        lambda exc: None if isinstance(exc, Cancelled) else (on_error or _default_error)(exc)
    )
    if on_progress is not None:
        task.relay.progressed.connect(on_progress)
    if _synchronous:
        task.setAutoDelete(False)
        task.run()
    else:
        QThreadPool.globalInstance().start(task)
    return task
