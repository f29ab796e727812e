"""One API for background work (after Anki's ``QueryOp`` and Picard's thread helpers).

``run_task(fn, on_done=…, on_error=…, on_progress=…)`` runs ``fn(progress)`` on a worker thread. The
function never touches widgets; it reports through ``progress.report(fraction, text)`` and checks
``progress.cancelled``. Every callback arrives on the UI thread. An error that is not a
:class:`~qclinic.errors.UserError` goes to the app's bug handler unless ``on_error`` takes it.

Database writes stay short and happen on the UI thread (a commit is a few milliseconds); the pool is
for reading large data, statistics, reports and sync.

How results come back, and why this way
---------------------------------------
The first version gave every task its own relay ``QObject``, held by a ``QRunnable`` that the
thread pool deleted on the worker thread as soon as ``run()`` returned. The relay's last Python
reference went with it, so the relay — a ``QObject`` living on the UI thread — was destroyed on the
worker thread while the UI thread was delivering its queued ``done`` event to it: a crash in
``QObject::event`` in about half of the app's starts, and, when the relay died first, a result that
never arrived (``tests/ui/test_tasks.py`` shows both). A ``QObject`` must be deleted on the thread it
lives on, and nothing a worker touches may own one.

So no Qt object is created, owned or released by a worker here:

- workers are plain Python threads (a ``ThreadPoolExecutor``), not ``QRunnable``s the pool deletes;
- one :class:`_Dispatcher`, created on the UI thread and parented to the ``QApplication``, receives
  every worker's ``finished(task id)`` as a queued signal;
- the task — function, callbacks, outcome — stays in a registry owned by the UI thread, and is
  released there, after its callback ran; the worker keeps no reference once it has signalled;
- a callback whose owner widget has been deleted meanwhile (a bound method of a dead ``QObject``,
  or the ``owner=`` given) is skipped instead of being called on a deleted C++ object.

Tests may call :func:`set_synchronous` so tasks run inline — only where a test needs determinism,
and saying why; the others run tasks on real threads like the app does.
"""

from __future__ import annotations

import itertools
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

log = logging.getLogger(__name__)

_synchronous = False


def set_synchronous(value: bool) -> None:
    """Run tasks inline on the calling thread (tests that need determinism)."""
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


@dataclass(eq=False)
class Task:
    """A submitted task; keep it to cancel it (``task.progress.cancel()``) or to ask if it ended."""

    id: int
    fn: Callable[[Progress], Any]
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    on_progress: Callable[[float, str], None] | None = None
    owner: QObject | None = None
    progress: Progress = field(default_factory=Progress)
    finished: bool = False
    # set by the worker, read and cleared on the UI thread: (True, result) or (False, exception)
    outcome: tuple[bool, Any] | None = None


class _Dispatcher(QObject):
    """Lives on the UI thread; workers signal it, it runs the callbacks there."""

    finished = Signal(int)
    progressed = Signal(int, float, str)

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.tasks: dict[int, Task] = {}
        # Worker → UI thread: a worker emits, Qt queues the call because this object lives on
        # another thread, and the slot runs on the UI thread.
        self.finished.connect(self.on_finished)
        self.progressed.connect(self.on_progressed)

    def on_progressed(self, task_id: int, fraction: float, text: str) -> None:
        task = self.tasks.get(task_id)
        if task is not None and task.on_progress is not None and _alive(task, task.on_progress):
            task.on_progress(fraction, text)

    def on_finished(self, task_id: int) -> None:
        task = self.tasks.pop(task_id, None)
        if task is None:
            return
        _deliver(task)


_ids = itertools.count(1)
_dispatcher: _Dispatcher | None = None
_executor: ThreadPoolExecutor | None = None
_lock = threading.Lock()


def _ui_dispatcher() -> _Dispatcher:
    """The dispatcher of the running QApplication (made on first use, on the UI thread)."""
    global _dispatcher
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("run_task needs a running QApplication")
    if QThread.currentThread() is not app.thread():
        raise RuntimeError("run_task must be called on the UI thread")
    if _dispatcher is None or not shiboken6.isValid(_dispatcher):
        _dispatcher = _Dispatcher(app)  # dies with the app, on the UI thread
    return _dispatcher


def _pool() -> ThreadPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            workers = max(2, min(8, os.cpu_count() or 2))
            _executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="qclinic-task")
        return _executor


def _alive(task: Task, callback: Callable[..., Any]) -> bool:
    """False when the callback's widget (or the task's owner) was deleted meanwhile."""
    if task.owner is not None and not shiboken6.isValid(task.owner):
        return False
    receiver = getattr(callback, "__self__", None)
    return not (isinstance(receiver, QObject) and not shiboken6.isValid(receiver))


def _deliver(task: Task) -> None:
    """Run the task's callback on the UI thread, then let go of everything it held."""
    outcome, task.outcome = task.outcome, None
    task.finished = True
    on_done, on_error = task.on_done, task.on_error
    task.fn = task.on_done = task.on_error = task.on_progress = None  # type: ignore[assignment]
    try:
        if outcome is None:
            return
        ok, value = outcome
        if ok:
            if on_done is not None and _alive(task, on_done):
                on_done(value)
        elif isinstance(value, Cancelled):
            return
        elif on_error is not None:
            if _alive(task, on_error):
                on_error(value)
        elif task.owner is None or shiboken6.isValid(task.owner):
            _default_error(value)
    finally:
        task.owner = None


def _work(task: Task, dispatcher: _Dispatcher) -> None:
    """The worker side: run, keep the outcome on the task, signal the UI thread."""
    task_id = task.id
    try:
        task.outcome = (True, task.fn(task.progress))
    except BaseException as exc:  # handed to on_error on the UI thread
        task.outcome = (False, exc)
    del task  # the UI thread's registry is now the only holder
    dispatcher.finished.emit(task_id)


def _default_error(exc: BaseException) -> None:
    from qclinic.ui.errors import show_error

    show_error(exc)


def run_task(
    fn: Callable[[Progress], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[float, str], None] | None = None,
    owner: QObject | None = None,
) -> Task:
    """Start *fn* in the background; callbacks run on the UI thread.

    Args:
        fn: Called as ``fn(progress)`` on a worker thread; must not touch widgets.
        on_done: Called with the result.
        on_error: Called with the exception (not for :class:`Cancelled`); without it, the error
            goes to the app's error dialog.
        on_progress: Called with ``(fraction, text)`` from ``progress.report``.
        owner: A widget whose callbacks these are: if it is deleted before the task ends, no
            callback runs. Bound methods of a ``QObject`` are checked without it.
    """
    task = Task(next(_ids), fn, on_done, on_error, on_progress, owner)
    if _synchronous:
        if on_progress is not None:
            task.progress._listener = on_progress
        try:
            task.outcome = (True, fn(task.progress))
        except BaseException as exc:
            task.outcome = (False, exc)
        _deliver(task)
        return task
    dispatcher = _ui_dispatcher()
    dispatcher.tasks[task.id] = task
    if on_progress is not None:
        task_id, emit = task.id, dispatcher.progressed.emit
        task.progress._listener = lambda fraction, text: emit(task_id, fraction, text)
    _pool().submit(_work, task, dispatcher)
    return task


def pending() -> int:
    """How many tasks have not delivered their outcome yet."""
    return (
        0 if _dispatcher is None or not shiboken6.isValid(_dispatcher) else len(_dispatcher.tasks)
    )


def shutdown(timeout: float | None = None) -> bool:
    """Cancel every task and wait for the workers (at quit, while the QApplication still exists).

    Returns True when every worker stopped within *timeout* seconds (None: wait for all). Callbacks
    of tasks that end now are not delivered: the windows they would update are going away.
    """
    global _executor
    if _dispatcher is not None and shiboken6.isValid(_dispatcher):
        for task in list(_dispatcher.tasks.values()):
            task.progress.cancel()
    with _lock:
        executor, _executor = _executor, None
    if executor is None:
        return True
    executor.shutdown(wait=False, cancel_futures=True)
    threads = list(getattr(executor, "_threads", ()))
    for thread in threads:
        thread.join(timeout)
    stopped = not any(thread.is_alive() for thread in threads)
    if _dispatcher is not None and shiboken6.isValid(_dispatcher):
        _dispatcher.tasks.clear()
    return stopped


def wait_idle(timeout_ms: int = 10_000) -> bool:
    """Process events until every task has delivered (tests and scripted sessions)."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(timeout_ms)
    app = QCoreApplication.instance()
    while pending() and not deadline.hasExpired():
        if app is not None:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QThread.msleep(1)
    return pending() == 0
