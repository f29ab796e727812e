"""Redraw of the interactive control chart with 10,000 points (target: <= 0.25 s).

Offscreen, as the SPC page does after an exclusion: set the data, compute (engine: I-MR limits
and all 8 Nelson tests, then the JSON-ready dict the chart draws from), update the existing
artists (``Line2D.set_data``) and ``canvas.draw()``. Median of 7 runs; also the first draw
(which builds the axes) and the compute/draw split.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_chart_redraw.py
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtWidgets import QApplication

POINTS = 10_000
RUNS = 7
TARGET = 0.25


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from qclinic.core.spc.analysis import ChartSettings, analyze
    from qclinic.core.spc.reshape import SpcData
    from qclinic.ui.spc.chart_canvas import ChartCanvas

    rng = np.random.default_rng(7)
    values = rng.normal(10.0, 1.0, POINTS)
    values[5000:5100] += 1.5  # a shift, so the rules find something to mark
    data = SpcData(kind="variables", subgroups=tuple(range(1, POINTS + 1)), matrix=values[:, None])
    settings = ChartSettings(chart="imr", rules="nelson")
    canvas = ChartCanvas("zh")
    canvas.resize(1200, 700)

    start = time.perf_counter()
    result = analyze(data, settings).to_dict()
    canvas.show_result(result)
    first = time.perf_counter() - start

    totals, computes, draws = [], [], []
    for run in range(RUNS):
        data = data.with_excluded(run * 100, "bench")  # as after a click: one more excluded
        t0 = time.perf_counter()
        result = analyze(data, settings).to_dict()
        t1 = time.perf_counter()
        canvas.show_result(result)
        t2 = time.perf_counter()
        computes.append(t1 - t0)
        draws.append(t2 - t1)
        totals.append(t2 - t0)
    median = statistics.median(totals)
    print(
        f"I-MR chart, {POINTS:,} points, Nelson tests, {sum(len(c['violations']) for c in result['charts'])} signals"
    )
    print(f"  first draw (builds axes)     {first * 1000:7.1f} ms")
    print(
        f"  redraw median of {RUNS}         {median * 1000:7.1f} ms  (target <= {TARGET * 1000:.0f} ms)"
    )
    print(f"    compute (engine + dict)    {statistics.median(computes) * 1000:7.1f} ms")
    print(f"    update artists + draw()    {statistics.median(draws) * 1000:7.1f} ms")
    print(f"  min / max                    {min(totals) * 1000:7.1f} / {max(totals) * 1000:.1f} ms")
    print("  OK" if median <= TARGET else "  OVER TARGET")
    app.processEvents()


if __name__ == "__main__":
    main()
