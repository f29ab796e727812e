"""Start many background tasks on real threads and count the results that come back.

    python tests/ui/task_stress.py COUNT

Prints ``delivered N of COUNT on-ui-thread M``. Run as a subprocess by ``test_tasks.py``: before the
task API was fixed, this died with a segmentation fault in ``QObject::event`` in about one run in
five and lost most results (``done 60 of 2000``), because each task's relay ``QObject`` was
destroyed on the worker thread while the UI thread delivered its queued signal.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QDeadlineTimer
from PySide6.QtWidgets import QApplication, QLabel

from qclinic.ui import tasks


def main() -> int:
    app = QApplication(sys.argv[:1])
    count = int(sys.argv[1])
    ui_thread = threading.get_ident()
    delivered = 0
    on_ui_thread = 0
    label = QLabel()  # callbacks touch a widget, as real ones do

    def done(value: int) -> None:
        nonlocal delivered, on_ui_thread
        delivered += 1
        on_ui_thread += threading.get_ident() == ui_thread
        label.setText(str(value))

    for i in range(count):
        tasks.run_task(lambda _p, i=i: i * i, on_done=done)
        if i % 25 == 0:
            app.processEvents()
    deadline = QDeadlineTimer(60_000)
    while delivered < count and not deadline.hasExpired():
        app.processEvents()
    tasks.shutdown()
    print(f"delivered {delivered} of {count} on-ui-thread {on_ui_thread}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
