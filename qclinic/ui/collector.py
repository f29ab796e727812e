"""Python's cycle collector runs on the UI thread only, while the app runs.

CPython collects reference cycles on whichever thread happens to allocate past the threshold.
Background tasks (:mod:`qclinic.ui.tasks`) run on plain Python threads, so a task that allocates
a lot (a million SPC values, a report) would, now and then, be the one to collect — and if a
cycle holds a widget or another ``QObject`` (a closure over ``self`` in a dialog that has just
closed), Qt destroys that object on the worker thread, which aborts or corrupts the program.

So automatic collection is switched off and a timer on the UI thread collects instead, with
Python's own thresholds: the same amount of collecting, always on the thread that owns the
widgets. Reference counting (which frees most objects) is untouched. The same pattern is
pyqtgraph's ``GarbageCollector``; written here from its description.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: how often the counts are looked at: short enough that garbage does not pile up, long enough
#: to cost nothing (``gc.get_count`` is a few nanoseconds)
INTERVAL_MS = 250


class UiThreadCollector(QObject):
    """Disables automatic collection and collects from a timer on the thread it lives on."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        """Collect the generations whose counts passed their thresholds (as Python would)."""
        young, middle, old = gc.get_count()
        if young > self._threshold[0]:
            gc.collect(0)
            if middle > self._threshold[1]:
                gc.collect(1)
                if old > self._threshold[2]:
                    gc.collect(2)

    def stop(self) -> None:
        """Back to Python's automatic collection (at quit, or at the end of a test)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()


_collector: UiThreadCollector | None = None


def install(parent: QObject) -> UiThreadCollector:
    """Start collecting on the UI thread (once; *parent* is the QApplication)."""
    global _collector
    if _collector is None:
        _collector = UiThreadCollector(parent)
    return _collector


def uninstall() -> None:
    global _collector
    if _collector is not None:
        _collector.stop()
        _collector.deleteLater()
        _collector = None
