"""Start-up time against a bare PySide6 QMainWindow measured in the same run.

Each run is a fresh process timed from spawn: the bare window (import PySide6, show a QMainWindow,
quit after its first paint), then QClinic's "navigation painted" (before any database work) and
"interactive" (first page's data loaded — what ``qclinic --quit-after-start`` measures), against a
data directory already holding the demo data. Targets: painted ≤ 1.5×, interactive ≤ 4× the bare
window (aim 3×). Run: python benchmarks/bench_startup.py [runs]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
import time, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1280, 800)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print(f"qclinic-timing painted {time.time():.6f}", file=sys.stderr, flush=True)
            QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.show(); app.exec()
"""


def run(command: list[str], env: dict[str, str]) -> dict[str, float]:
    start = time.time()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    marks = {}
    for line in result.stderr.splitlines():
        if line.startswith("qclinic-timing "):
            _, event, stamp = line.split()
            marks.setdefault(event, (float(stamp) - start) * 1000)
    marks["exit"] = (time.time() - start) * 1000
    return marks


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["QCLINIC_TIMING"] = "1"
    with tempfile.TemporaryDirectory() as data:
        env["QCLINIC_DATA_DIR"] = data
        subprocess.run(
            [sys.executable, "-m", "qclinic", "demo"], env=env, check=True, capture_output=True
        )
        app = [sys.executable, "-m", "qclinic", "--quit-after-start"]
        run(app, env)  # warm the file cache and byte-code once
        bare, painted, loaded = [], [], []
        for _ in range(runs):
            bare.append(run([sys.executable, "-c", BARE], env)["painted"])
            marks = run(app, env)
            painted.append(marks["painted"])
            loaded.append(marks["loaded"])
    b = statistics.median(bare)
    p = statistics.median(painted)
    i = statistics.median(loaded)
    print(f"medians of {runs} runs, ms from process spawn ({env['QT_QPA_PLATFORM']})")
    print(f"  bare QMainWindow painted      {b:7.0f}")
    print(f"  QClinic navigation painted    {p:7.0f}   {p / b:4.2f}× bare (target ≤ 1.5×)")
    print(f"  QClinic first page loaded     {i:7.0f}   {i / b:4.2f}× bare (target ≤ 4×, aim 3×)")


if __name__ == "__main__":
    main()
